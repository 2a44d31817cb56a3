"""Buyers a platform masked (抖店's 收件人 "周**", 收件人手机号 "151****0000"): when two of them, or one and a book
customer, are one person.

DOMAIN.md §1 matches on the phone, then the platform buyer ID, then name + address, and never merges silently on
weak evidence. A masked name or phone is never an identity on its own and never overwrites a real one (issue #18).
Each of the three parts alone is shared by many buyers (a surname, 7 of 11 digits, a building); the rule is:

- **Strong: one customer.** Rows of the same platform with no phone, buyer ID or WeChat ID of their own whose
  masked name (as written), masked phone (the same visible digits in the same places: ``phone_key``) and full
  address (province, city, district and detail, all given, the detail with something visible: ``address_key``)
  are the same. The platform masks one buyer the same way every time, so this is that buyer shipping to the same
  home again: within one file (``core.excel.joiner.Joiner``) and across imports, against the book customer made
  from such rows of that platform (``core.excel.matching.BookIndex``). Two 周** at different addresses, or with
  other visible digits, stay two customers.
- **Weak: a merge proposal** (reason ``masked_fits``, shown in the import's review, core.excel.review). A masked
  person that *fits* a customer at the same province, city and district (``fits_customer``: 周** fits 周杰,
  138****8000 fits 13812348000, 中山路**号 fits 中山路12号; or the masked twin the seller since renamed or gave a
  real phone, or one of another platform): it may be a relative at that address with the same phone ending, and
  the real record is the seller's; nothing is merged until the seller says so (the answer is remembered for the
  next export), and a merge keeps the book customer's name and phone (core.customers: only empty fields are
  filled).
- Anything less (a masked name with a real phone joins by the phone; a masked name with no masked phone, or no
  district) stands alone, as before.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Mapping
from typing import Any

from core.excel.cleaning import MASK_CHARACTERS, is_masked_name
from core.phones import is_masked_phone

_MASKS = "*＊●×xX"
_MASK_RUN = re.compile(r"[*＊●×]+")
_SPACES = re.compile(r"\s+")
ADDRESS_PARTS = ("province", "city", "district", "address_detail")


_DOUYIN_PHONE = re.compile(r"1\d\d\*{4}\d{4}")  # what 抖店 writes: already a key


def phone_key(text: str) -> str:
    """A masked phone as its visible digits in their places (``151****0000``: full-width digits and stars made
    half-width, other characters and a +86 dropped); "" for a phone that is not masked."""
    if _DOUYIN_PHONE.fullmatch(text):
        return text
    if not text or not is_masked_phone(text):
        return ""
    shown = "".join(c if c.isdigit() else "*" for c in unicodedata.normalize("NFKC", text) if c.isdigit() or c in _MASKS)
    return shown[2:] if shown.startswith("86") and len(shown) == 13 else shown


@functools.lru_cache(maxsize=8192)  # (provinces, cities and districts repeat on every row)
def _plain(text: str) -> str:
    return _SPACES.sub("", unicodedata.normalize("NFKC", text))


def address_key(fields: Mapping[str, Any]) -> str:
    """The full address, compared without spaces or width differences; "" unless province, city, district and
    detail are all given and the detail shows something besides masks."""
    parts = [_plain(fields.get(name) or "") for name in ADDRESS_PARTS]  # (or "": a None from the book)
    if not all(parts) or not parts[-1].strip(MASK_CHARACTERS):
        return ""
    return "|".join(parts)


def person_key(platform: str, name: str, masked_phone: str, fields: Mapping[str, Any]) -> tuple[str, ...] | None:
    """What makes two masked rows (or a row and a book customer) of ``platform`` one buyer, or None when the
    evidence is not all there: a masked name, a masked phone and a full address."""
    name = _plain(name)
    if not is_masked_name(name):
        return None
    phone = phone_key(masked_phone)
    address = address_key(fields) if phone else ""
    return (platform, name, phone, address) if address else None


def same_phone(one: str, other: str) -> bool:
    """Whether two phones, each real or a masked phone's key (``phone_key``), may be one: either missing, the same,
    or a real one that the masked one's visible digits fit (two real phones, or two masks showing other digits,
    are two phones)."""
    if not one or not other or one == other:
        return True
    one_masked, other_masked = "*" in one, "*" in other
    if one_masked == other_masked:
        return False
    return fits(one, other) if one_masked else fits(other, one)


def fits(masked: str, real: str) -> bool:
    """Whether a real text could be what a masked one hides: its visible start and end are the real one's, with
    at least one character hidden between (周** and 周杰, 151****0000 and 15112340000); never for a real text
    that is itself masked."""
    masked, real = _plain(masked), _plain(real)
    if not real or is_masked_name(real):
        return False
    parts = _MASK_RUN.split(masked)
    if len(parts) < 2:
        return masked == real
    start, end = parts[0], parts[-1]
    return len(real) > len(start) + len(end) and real.startswith(start) and real.endswith(end)


def fits_customer(key: tuple[str, ...], name: str, real_name: str, phone: str, address: Mapping[str, Any]) -> bool:
    """Whether a book customer fits a masked person's key (``person_key``): the same province, city and district,
    the detail the same or what its masks hide, the phone what the visible digits show (or the same masked phone:
    a customer the seller renamed), the name or real name what the masked name shows (or the same masked name: a
    customer the seller gave a real phone, or one of another platform)."""
    _platform, masked_name, masked_phone, full = key
    province, city, district, detail = full.split("|")
    theirs = [_plain(address.get(part) or "") for part in ADDRESS_PARTS]
    return (theirs[:3] == [province, city, district] and fits(detail, theirs[3])
            and (fits(masked_phone, phone) or phone_key(phone) == masked_phone)
            and (fits(masked_name, name) or fits(masked_name, real_name) or _plain(name) == masked_name))


def district_key(fields: Mapping[str, Any]) -> tuple[str, str, str]:
    """Province, city and district as compared (the book customers near a masked person are looked up by it)."""
    province, city, district, _detail = (_plain(fields.get(name) or "") for name in ADDRESS_PARTS)
    return province, city, district
