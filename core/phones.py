"""Phone numbers as sellers type them: normalised mainland mobiles and landlines, masked numbers."""

from __future__ import annotations

import re
import unicodedata

MOBILE_PATTERN = r"1[3-9]\d{9}"
# 010 and 02x area codes have two digits after the 0 and 8-digit numbers; the others have three and 7–8.
LANDLINE_PATTERN = r"0(?:10|2\d)\d{8}|0[3-9]\d{2}\d{7,8}"
_COUNTRY_PREFIX_RE = re.compile(r"^(?:\+86|0086|86(?=1[3-9]\d{9}$))")
_SEPARATORS_RE = re.compile(r"[\s\-()（）.·'\"=]")
_MOBILE_RE = re.compile(rf"^{MOBILE_PATTERN}$")
_LANDLINE_RE = re.compile(rf"^(?:{LANDLINE_PATTERN})$")
_EXTENSION_RE = re.compile(r"^(.*?)(?:转|ext\.?|[-#])(\d{1,5})$", re.IGNORECASE)
_MASKED_RE = re.compile(r"^(?:\+?86)?[\d\s\-]{1,7}[*＊xX×•●]{2,8}[\d\s\-]{0,6}$")


def _compact(text: str) -> str:
    text = unicodedata.normalize("NFKC", str(text)).strip()
    return _SEPARATORS_RE.sub("", text)


def _strip_country(digits: str) -> str:
    return _COUNTRY_PREFIX_RE.sub("", digits)


def normalize_phone(text: object) -> str | None:
    """The canonical form of a phone number, or None when *text* is not one.

    Mobiles come back as 11 digits (13800138000), with +86 / 0086 / 86, spaces, dashes and full-width
    digits removed. Landlines keep their area code: 0571-88886666, an extension as 0571-88886666-123.
    A number typed as a spreadsheet float (13800138000.0) is accepted; masked numbers are not phones.
    """
    if text is None:
        return None
    raw = unicodedata.normalize("NFKC", str(text)).strip()
    if re.fullmatch(r"\d+\.0", raw):
        raw = raw[:-2]
    extension = None
    match = _EXTENSION_RE.match(raw)
    if match and not _MOBILE_RE.match(_strip_country(_compact(raw))):
        head = _strip_country(_compact(match.group(1)))
        if _LANDLINE_RE.match(head):
            raw, extension = match.group(1), match.group(2)
    digits = _strip_country(_compact(raw))
    if not digits.isdigit():
        return None
    if _MOBILE_RE.match(digits) and extension is None:
        return digits
    if not digits.startswith("0") and len(digits) in (10, 11) and _LANDLINE_RE.match("0" + digits):
        digits = "0" + digits  # a landline typed as a number in Excel lost its leading zero
    if not _LANDLINE_RE.match(digits):
        return None
    area_length = 3 if digits[1] in "12" else 4
    landline = f"{digits[:area_length]}-{digits[area_length:]}"
    return f"{landline}-{extension}" if extension else landline


def is_masked_phone(text: object) -> bool:
    """True for a phone number with hidden digits, as platforms export them (138****8000, 186******05)."""
    if text is None:
        return False
    raw = unicodedata.normalize("NFKC", str(text)).strip()
    return bool(_MASKED_RE.match(raw)) and sum(ch.isdigit() for ch in raw) >= 2
