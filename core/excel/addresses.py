"""Split Chinese postal addresses into province / city / district / detail / postcode."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from core.postcodes import clean_postcode

PROVINCES = (
    "北京市", "天津市", "上海市", "重庆市", "河北省", "山西省", "辽宁省", "吉林省", "黑龙江省", "江苏省",
    "浙江省", "安徽省", "福建省", "江西省", "山东省", "河南省", "湖北省", "湖南省", "广东省", "海南省",
    "四川省", "贵州省", "云南省", "陕西省", "甘肃省", "青海省", "台湾省", "内蒙古自治区", "广西壮族自治区",
    "西藏自治区", "宁夏回族自治区", "新疆维吾尔自治区", "香港特别行政区", "澳门特别行政区",
)
MUNICIPALITIES = frozenset({"北京市", "天津市", "上海市", "重庆市"})
_SUFFIXES = ("维吾尔自治区", "壮族自治区", "回族自治区", "特别行政区", "自治区", "省", "市")


def _short(name: str) -> str:
    for suffix in _SUFFIXES:
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


_BY_SHORT = {_short(name): name for name in PROVINCES}
_SHORT_LENGTHS_LONGEST_FIRST = sorted({len(short) for short in _BY_SHORT}, reverse=True)
_POSTCODE = re.compile(r"[（(]\s*(\d{6})\s*[)）]\s*$")
_CITY = re.compile(r"^(.{1,9}?(?:自治州|地区|盟|市))")
_DISTRICT = re.compile(r"^(.{1,7}?(?:新区|区|县|旗|市))")


@dataclass(frozen=True, slots=True)
class Address:
    """Parts of one address; parts that could not be recognised are empty strings."""

    province: str = ""
    city: str = ""
    district: str = ""
    detail: str = ""
    postcode: str = ""


def normalise_province(text: str) -> str:
    """Return the full official name of a province-level division (广东 → 广东省), or the input."""
    text = text.strip()
    return _BY_SHORT.get(_short(text), text) if text else ""


def _take_province(rest: str) -> tuple[str, str]:
    for length in _SHORT_LENGTHS_LONGEST_FIRST:
        short = rest[:length]
        full = _BY_SHORT.get(short) if len(short) == length else None
        if full is not None:
            if rest.startswith(full):
                return full, rest[len(full):]
            remainder = rest[len(short):]
            for suffix in _SUFFIXES:
                if remainder.startswith(suffix) and full.endswith(suffix):
                    remainder = remainder[len(suffix):]
                    break
            return full, remainder
    return "", rest


@functools.lru_cache(maxsize=65536)
def split_address(text: str) -> Address:
    """Split a one-line address (spaces optional, postcode in brackets optional).

    Handles the Taobao form ``广东省 广州市 越秀区 某某路1号(510180)``, the joined form
    ``广东省广州市越秀区某某路1号`` and municipalities (北京 北京市 朝阳区 …). Unknown text stays in detail.
    """
    text = " ".join(text.split())
    postcode = ""
    found = _POSTCODE.search(text)
    if found:
        postcode = clean_postcode(found.group(1))
        text = text[: found.start()].rstrip()
    province, rest = _take_province(text)
    rest = rest.lstrip()
    city = ""
    if province in MUNICIPALITIES:
        city = province
        for repeat in (province, _short(province) + "城区", "市辖区", "县"):
            if rest.startswith(repeat):
                rest = rest[len(repeat):].lstrip()
                break
    elif province:
        match = _CITY.match(rest)
        tokens = rest.split(" ", 1)
        if " " in rest and tokens[0].endswith(("市", "州", "地区", "盟")):
            city, rest = tokens[0], tokens[1]
        elif match:
            city, rest = match.group(1), rest[match.end():]
    rest = rest.lstrip()
    district = ""
    if province:
        tokens = rest.split(" ", 1)
        if " " in rest and tokens[0].endswith(("区", "县", "旗", "市")) and len(tokens[0]) <= 8:
            district, rest = tokens[0], tokens[1]
        else:
            match = _DISTRICT.match(rest)
            if match:
                district, rest = match.group(1), rest[match.end():]
    if not (province and city):  # 杭州西湖区文三路1号, 广东广州越秀区…: a hand sheet's address without its province
        found_region = _region_at_start(text)
        if found_region is not None:
            return Address(*found_region, postcode)
    return Address(province, city, district, rest.strip(), postcode)


def _region_at_start(text: str) -> tuple[str, str, str, str] | None:
    """(province, city, district, detail) when the address starts with a city the divisions name for certain
    (core.smartpaste.regions: 杭州 is 浙江省杭州市), else None (a district alone, 西湖区…, may be in several cities)."""
    from core.smartpaste.regions import find_region  # (its index of divisions is built only when needed)

    found = find_region(text)
    if found is None or found.start != 0 or not found.province or not found.city or found.uncertain & {"province",
                                                                                                         "city"}:
        return None
    return found.province, found.city, found.district or "", text[found.end:].strip()
