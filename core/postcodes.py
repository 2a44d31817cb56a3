"""Postcodes: one rule for every way a postcode comes in (smart paste, the spreadsheet importer).

Mainland postcodes have six digits. Taobao and other platforms write ``000000`` when the buyer gave
none, so that placeholder (and any all-zero code) means "no postcode" everywhere in the app.
"""

from __future__ import annotations

PLACEHOLDER = "000000"


def clean_postcode(text: str | None) -> str:
    """The postcode to keep, or "" for none.

    Contract: surrounding spaces are dropped; an all-zero code (000000, 0) is the platforms' "no
    postcode" placeholder and gives ""; a number that lost its leading zero in a spreadsheet (10010
    for Hohhot's 010010) is padded back to six digits; any other text is kept as written (a foreign
    postcode is still the customer's postcode).
    """
    code = (text or "").strip()
    if not code:
        return ""
    if code.isascii() and code.isdigit():
        if not code.strip("0"):
            return ""
        if len(code) == 5:
            return code.zfill(6)
    return code
