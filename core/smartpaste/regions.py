"""Find the province / city / district chain in free text, with short names (杭州, 西湖) and inference."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from core.smartpaste.division_data import ALIASES, DIVISIONS
from core.smartpaste.old_names import FORMER_PREFECTURES, OLD_NAMES
from core.smartpaste.ranking import rank

PROVINCE, CITY, DISTRICT = 0, 1, 2
MUNICIPALITIES = ("北京市", "上海市", "天津市", "重庆市")
ETHNIC_GROUPS = (
    "汉", "蒙古", "回", "藏", "维吾尔", "苗", "彝", "壮", "布依", "朝鲜", "满", "侗", "瑶", "白", "土家", "哈尼", "哈萨克",
    "傣", "黎", "傈僳", "佤", "畲", "高山", "拉祜", "水", "东乡", "纳西", "景颇", "柯尔克孜", "土", "达斡尔", "仫佬", "羌",
    "布朗", "撒拉", "毛南", "仡佬", "锡伯", "阿昌", "普米", "塔吉克", "怒", "乌孜别克", "俄罗斯", "鄂温克",
    "德昂", "保安", "裕固",
    "京", "塔塔尔", "独龙", "鄂伦春", "赫哲", "门巴", "珞巴", "基诺", "各",
)
# A short name followed by one of these is a street or a building, not a division: 中山路, 长安街, 南京大厦.
_NOT_A_DIVISION_AFTER = re.compile(r"^(?:路|街|大道|道|巷|弄|胡同|桥|村|小区|花园|广场|大厦|大街|公园"
                                   r"|中路|东路|西路|南路|北路|里|苑|庄|镇|乡|站)")
# Between two levels: spaces and the placeholders of platforms' address pickers (北京市 市辖区 东城区,
# 重庆市 县 城口县, 海南省 省直辖县级行政区划 白沙黎族自治县).
_BETWEEN_LEVELS = re.compile(
    r"(?:[\s,/·\-]|市辖区|(?:省|自治区)?直辖县级(?:行政区划|行政单位)?|省直辖行政单位|(?:北京|上海|天津|重庆)(?:城区|郊县)"
    r"|县)*")
# A lone county name counts when the address goes on with a town, street or village (恭城 莲花镇 …).
_TOWN_AFTER = re.compile(r"\s*[^\s,;、。]{0,8}?(?:镇|乡|街道|村|路|街|大道|县城)")
_SUFFIX_SWAP = "区县市旗"
_NOT_A_SUFFIXED_DIVISION_AFTER = re.compile(r"场|民|政|长|委|中心|医院|一中|二中|中学|小学")  # 西湖市场, 鼓楼区医院
_MAX_NAME = 16
_SPECIAL_SUFFIXES = ("特别行政区", "自治区", "自治州", "自治县", "自治旗", "地区", "新区", "林区",
                     "省", "市", "区", "县", "旗", "盟")


@dataclass(frozen=True)
class Place:
    """One division: its level and its full names down to that level."""

    level: int
    province: str
    city: str | None = None
    district: str | None = None


@dataclass(frozen=True)
class RegionMatch:
    """Where the chain was found in the text and what it names; *uncertain* lists guessed fields."""

    province: str | None
    city: str | None
    district: str | None
    start: int
    end: int
    names: tuple[str, ...]
    uncertain: frozenset[str]


def _strip_ethnic(base: str) -> str:
    changed = True
    while changed:
        changed = False
        for group in sorted(ETHNIC_GROUPS, key=len, reverse=True):
            for form in (group + "族", group) if len(group) > 1 else (group + "族",):
                if base.endswith(form) and len(base) - len(form) >= 2:
                    base, changed = base[: -len(form)], True
                    break
            if changed:
                break
    return base


def short_names(full: str, level: int) -> set[str]:
    """Colloquial forms of a division name: 杭州市 → 杭州, 延边朝鲜族自治州 → 延边 / 延边州, 西湖区 → 西湖."""
    names = set()
    for suffix in _SPECIAL_SUFFIXES:
        if full.endswith(suffix) and len(full) > len(suffix):
            base = _strip_ethnic(full[: -len(suffix)])
            if len(base) >= 2:
                names.add(base)
                if suffix == "自治州":
                    names.add(base + "州")
            break
    if level == DISTRICT and full.endswith(("镇", "街道", "乡")):
        return set()  # town names (东莞 / 中山 towns) are too common to match without their suffix
    return names - {full}


@cache
def name_index() -> dict[str, tuple[tuple[Place, bool], ...]]:
    """Every full and short division name → the places it can mean, each with "is the full name"."""
    index: dict[str, list[tuple[Place, bool]]] = {}

    def add(name: str, place: Place, full: bool) -> None:
        if len(name) >= 2:
            index.setdefault(name, []).append((place, full))

    for province, cities in DIVISIONS.items():
        place = Place(PROVINCE, province)
        add(province, place, True)
        for alias in short_names(province, PROVINCE):
            add(alias, place, False)
        for city, districts in cities.items():
            city_place = Place(CITY, province, city)
            if city != province:
                add(city, city_place, True)
                for alias in short_names(city, CITY):
                    add(alias, city_place, False)
            for district in districts:
                district_place = Place(DISTRICT, province, city, district)
                add(district, district_place, True)
                for alias in short_names(district, DISTRICT):
                    add(alias, district_place, False)
    for alias, (province, city, to_district) in ALIASES.items():
        level = CITY if to_district is None else DISTRICT
        add(alias, Place(level, province, city, to_district), False)
    for old, (province, city, to_district) in OLD_NAMES.items():
        level = CITY if to_district is None else DISTRICT
        add(old, Place(level, province, city, to_district), old.endswith(("市", "区", "县", "地区")))
        if old in FORMER_PREFECTURES:  # a city that still leads to today's districts; alone, its district
            add(old, Place(CITY, province, city, to_district), old.endswith(("市", "地区")))
    return {name: tuple(places) for name, places in index.items()}


def _matches_at(text: str, pos: int, parent: Place | None = None) -> list[tuple[str, Place, bool]]:
    """(text matched, place, counts as a full name) for every division name starting at *pos*.

    Besides the index's names: a county or district's short name with another level's suffix (昆山县
    for 昆山市, 浦东区 for 浦东新区, 恭城县 for 恭城瑶族自治县) counts as its full name, and below a known
    city a district name missing one character (雨花区 for 南京's 雨花台区) counts as its short name.
    """
    index = name_index()
    found = []
    for length in range(min(_MAX_NAME, len(text) - pos), 1, -1):
        name = text[pos : pos + length]
        for place, full in index.get(name, ()):
            found.append((name, place, full))
            suffixed = name + text[pos + length : pos + length + 1]
            if (not full and place.level == DISTRICT and suffixed[-1:] and suffixed[-1] in _SUFFIX_SWAP
                    and suffixed not in index and not _NOT_A_SUFFIXED_DIVISION_AFTER.match(text, pos + length + 1)):
                found.append((suffixed, place, True))
    if parent is not None and (parent.level >= CITY or parent.province in MUNICIPALITIES):
        found += _near_misses(text, pos, parent)
    return found


def _near_misses(text: str, pos: int, parent: Place) -> list[tuple[str, Place, bool]]:
    city = parent.city or parent.province
    near = []
    for district in DIVISIONS[parent.province].get(city, ()):
        if len(district) < 4:
            continue
        written = text[pos : pos + len(district) - 1]
        if any(district[:k] + district[k + 1 :] == written for k in range(1, len(district) - 1)):
            near.append((written, Place(DISTRICT, parent.province, city, district), False))
    return near


def _fits_below(parent: Place, child: Place) -> bool:
    if child.level <= parent.level or child.province != parent.province:
        return False
    if parent.level == CITY:
        return child.city == parent.city
    return True


def _municipality_city(text: str, pos: int, province: str) -> int:
    """Length of a repeated municipality name right after it (北京 北京市), or 0."""
    for name in (province, province[:-1]):
        if text.startswith(name, pos) and not text.startswith(name + "区", pos):
            return len(name)
    return 0


def _after_between_levels(text: str, pos: int) -> int:
    """Where the next level's name may start: past the spaces and placeholders at *pos*."""
    between = _BETWEEN_LEVELS.match(text, pos)
    assert between is not None  # a starred group matches the empty string at least
    return between.end()


def _chains(text: str, pos: int, parent: Place | None, depth: int = 0):
    """Yield (score, end, names, places) for every chain of divisions starting at *pos*."""
    for name, place, full in _matches_at(text, pos, parent):
        if parent is not None and not _fits_below(parent, place):
            continue
        end = pos + len(name)
        if not full and _NOT_A_DIVISION_AFTER.match(text[end:]):
            continue
        score = (3 if full else 2) + (1 if parent is not None else 0)
        after = _after_between_levels(text, end)
        if place.level == PROVINCE and place.province in MUNICIPALITIES:
            repeat = _municipality_city(text, after, place.province)
            if repeat:
                end, score = after + repeat, score + 1
                after = _after_between_levels(text, end)
        yield score, end, (name,), (place,)
        if place.level < DISTRICT and depth < 2:
            for sub_score, sub_end, sub_names, sub_places in _chains(text, after, place, depth + 1):
                yield score + sub_score, sub_end, (name, *sub_names), (place, *sub_places)


def _acceptable(names: tuple[str, ...], places: tuple[Place, ...], score: int, text: str, end: int) -> bool:
    """Whether a chain counts. A lone short name or two-character district needs a partner level, except a
    county whose name is shared with no other place followed by a town or street (恭城 莲花镇, 黟县宏村镇)."""
    if len(places) > 1:
        return True
    name, place = names[0], places[0]
    if place.level < DISTRICT:
        return True
    town_follows = bool(_TOWN_AFTER.match(text, end))
    unique = len({(p.province, p.city, p.district) for p, _ in name_index().get(name, ())}) <= 1
    if score < 3:  # a short name
        return town_follows and unique
    if len(name) <= 2:
        return town_follows and name.endswith(("县", "旗"))
    return True


def find_region(text: str, context: str = "") -> RegionMatch | None:
    """The best division chain in *text*: most levels, full names over short ones, earliest first.

    Between places of one name the rule of core.smartpaste.ranking decides; *context* (city names the
    landlines' area codes give) counts as part of the message there."""
    best: list[tuple[int, int, int, tuple[str, ...], tuple[Place, ...]]] = []
    for pos in range(len(text)):
        if pos and text[pos - 1] in "路街道巷号":
            continue
        for score, end, names, places in _chains(text, pos, None):
            if _acceptable(names, places, score, text, end):
                best.append((score, -pos, end, names, places))
    if not best:
        return None
    top = max(candidate[:2] for candidate in best)
    tied = [candidate for candidate in best if candidate[:2] == top]
    end = max(candidate[2] for candidate in tied)
    at_end = [candidate for candidate in tied if candidate[2] == end]
    start = -top[1]
    readings = [_resolve(candidate[4]) for candidate in at_end]
    outside = text[:start] + "\n" + text[end:] + "\n" + context
    mentions = {reading: _mentions(outside, reading) for reading in readings}
    ranked = rank(readings, mentions)
    province, city, district = ranked[0]
    differing: set[str] = set()
    if len(ranked) > 1 and (not mentions[ranked[0]] or mentions[ranked[0]] == mentions[ranked[1]]):
        differing = {field for field, index in (("province", 0), ("city", 1), ("district", 2))
                     if len({reading[index] for reading in ranked}) > 1}
    names = next(candidate[3] for candidate in at_end if _resolve(candidate[4]) == ranked[0])
    return RegionMatch(province, city, district, start, end, names, frozenset(differing))


def _mentions(text: str, reading: tuple[str | None, str | None, str | None]) -> int:
    """How often the reading's province or city (full or short name) is named in *text*."""
    province, city, _ = reading
    words = set()
    for name, level in ((province, PROVINCE), (city, CITY)):
        if name:
            words |= {name} | short_names(name, level)
    pattern = "|".join(re.escape(word) for word in sorted(words, key=lambda word: (-len(word), word)))
    return len(re.findall(pattern, text)) if pattern else 0


def _resolve(places: tuple[Place, ...]) -> tuple[str | None, str | None, str | None]:
    deepest = places[-1]
    province = deepest.province
    city = deepest.city
    if city is None and province in MUNICIPALITIES:
        city = province
    if city is None and deepest.level == PROVINCE and len(DIVISIONS[province]) == 1:
        city = next(iter(DIVISIONS[province]))
    return province, city, deepest.district
