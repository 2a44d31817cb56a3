"""Phone numbers: normalise what sellers type or platforms export; tell masked numbers apart.

`normalize_phone` returns the identity form: an 11-digit mainland mobile ("13800138000"), or a landline
with its area code ("0571-88886666", extension dropped), or "" when the text holds no usable number.
Masked numbers (138****8000, 186******05) are never an identity: they normalise to "".
"""

from __future__ import annotations

import re

_FULLWIDTH = str.maketrans("０１２３４５６７８９＋－（）　＊", "0123456789+-() *")
_MASK = re.compile(r"\d*[*＊xX×]{2,}\d*")
_MOBILE = re.compile(r"^1[3-9]\d{9}$")
# Area codes: 010 and 020–029 have three digits (with the 0), every other one four.
_LANDLINE = re.compile(r"^(010|02\d|0[3-9]\d{2})(\d{7,8})$")


def to_halfwidth_digits(text: str) -> str:
    return text.translate(_FULLWIDTH)


def is_masked_phone(text: str) -> bool:
    """True for numbers with asterisks standing in for digits (138****8000)."""
    t = to_halfwidth_digits(str(text or ""))
    return bool(_MASK.search(t)) and sum(c.isdigit() for c in t) >= 3


def normalize_phone(text: str | int | float | None) -> str:
    """Identity form of a phone number, or "" (see module docstring)."""
    if text is None:
        return ""
    if isinstance(text, float):
        if text != text or text <= 0:  # NaN or nonsense
            return ""
        text = str(int(text))
    t = to_halfwidth_digits(str(text)).strip().lstrip("'").strip()
    if not t or is_masked_phone(t):
        return ""
    t = re.split(r"(?:转|ext\.?|#)", t, maxsplit=1, flags=re.IGNORECASE)[0]
    digits = re.sub(r"\D", "", t)
    if t.startswith("+") and not digits.startswith("86") and not _MOBILE.match(digits):
        return ""  # a foreign number: kept as typed, not used as identity
    if digits.startswith("0086"):
        digits = digits[4:]
    elif digits.startswith("86") and len(digits) == 13:
        digits = digits[2:]
    if _MOBILE.match(digits):
        return digits
    m = _LANDLINE.match(digits)
    if m:
        return f"{m.group(1)}-{m.group(2)}"
    m = _LANDLINE.match("0" + digits[2:]) if digits.startswith("86") else None
    if m:
        return f"{m.group(1)}-{m.group(2)}"
    return ""


def display_phone(phone: str, masked: bool) -> str:
    """How a phone is shown when the seller chose to mask phones on screen (138****8000)."""
    if not masked or len(phone) < 7:
        return phone
    return phone[:3] + "****" + phone[-4:]


def can_receive_sms(phone_norm: str) -> bool:
    """Only mainland mobiles receive SMS."""
    return bool(_MOBILE.match(phone_norm or ""))
