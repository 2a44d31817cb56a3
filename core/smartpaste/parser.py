"""parse_message: a chat message (name, phone, address, items, amount) as separate fields."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from core.phones import is_masked_phone, normalize_phone
from core.postcodes import clean_postcode
from core.smartpaste import text as T
from core.smartpaste.items import find_amounts, find_items
from core.smartpaste.names import (
    NAME_TOKEN_RE,
    SELF_WORDS,
    clean_token,
    name_candidates,
    name_ends_detail,
    plausible_name,
    separate_name,
    split_glued_name,
    word_name,
)
from core.smartpaste.ranking import landline_city
from core.smartpaste.regions import DISTRICT, find_region, short_names

_MOBILE_RE = re.compile(r"(?<![\d*])(?:(?:\+|00)?86[\s-]?)?1[3-9]\d(?:[\s-]?\d){8}(?![\d*])")
_LANDLINE_RE = re.compile(r"(?<![\d*])\(?0\d{2,3}\)?[\s-]?\d{7,8}(?:(?:转|-)\d{1,5})?(?![\d*])")
_MASKED_RE = re.compile(r"(?<![\d*])(?:(?:\+|00)?86[\s-]?)?1\d{1,3}[*xX]{3,8}\d{1,4}(?![\d*])")
_POSTCODE_LABELLED_RE = re.compile(r"(?:邮政编码|邮编)\s*[::]?\s*(\d{6})(?!\d)")
_POSTCODE_BARE_RE = re.compile(r"(?:(?<=^)|(?<=[\s,;(\x1f]))(\d{6})(?=$|[\s,;)。])", re.MULTILINE)
_SEPARATORS_RE = re.compile(T.SEPARATOR_CLASS + "+")
_PIECES_RE = re.compile(rf"({T.SEPARATOR_CLASS}*)([^\s,;、。!?~|\x1f]+)")
MAX_LENGTH = 2000  # a pasted message is a few lines; the rest of a longer paste is ignored
_TRIM = " ,;、。!?~|-:()\x1f\n"


@dataclass(frozen=True)
class ParsedMessage:
    """What a chat message says. Missing fields are None or empty; *uncertain* names the guessed ones.

    phones: normalised mobiles (13800138000) and landlines (0571-88886666); masked numbers stay as
    written (138****8000) and put "phones" into *uncertain*. items: (product name, quantity) where the
    name is the seller's product when one fits. amount_cents: the total in fen.
    """

    name: str | None = None
    phones: tuple[str, ...] = ()
    province: str | None = None
    city: str | None = None
    district: str | None = None
    detail: str | None = None
    postcode: str | None = None
    items: tuple[tuple[str, int | float], ...] = ()
    amount_cents: int | None = None
    uncertain: frozenset[str] = field(default_factory=frozenset)

    @property
    def masked_phones(self) -> tuple[str, ...]:
        """The phones that are masked and so cannot identify anyone."""
        return tuple(phone for phone in self.phones if is_masked_phone(phone))

    @property
    def address(self) -> str:
        """Province, city, district and detail as one line (a municipality named once)."""
        parts = [self.province, self.city if self.city != self.province else None, self.district, self.detail]
        return "".join(part for part in parts if part)


def _cut(text: str, spans: Iterable[tuple[int, int]], replacement: str = T.HARD) -> str:
    for start, end in sorted(spans, reverse=True):
        text = text[:start] + replacement + text[end:]
    return text


def _take_phones(text: str) -> tuple[list[str], str, str]:
    """(the phones, *text* with each cut out, *text* with each marked by _PHONE_MARK)."""
    found: list[tuple[int, int, str]] = []
    for regex in (_MOBILE_RE, _LANDLINE_RE, _MASKED_RE):
        for match in regex.finditer(text):
            if any(match.start() < end and start < match.end() for start, end, _ in found):
                continue
            raw = match.group()
            phone = raw.replace(" ", "") if regex is _MASKED_RE else normalize_phone(raw) or None
            if phone:
                found.append((match.start(), match.end(), phone))
    found.sort()
    phones = list(dict.fromkeys(phone for _, _, phone in found))
    spans = [(start, end) for start, end, _ in found]
    return phones, _cut(text, spans), _cut(text, spans, _PHONE_MARK)


_PHONE_MARK = "\x1e"
_NEAR = r"[\s,;、。!?~|:()\[\]<>\"'-]*"
_PHONE_LABEL = "(?:" + "|".join(sorted(map(re.escape, T.PHONE_LABELS), key=len, reverse=True)) + ")?"


def _next_to_phone(marked: str, word: str) -> bool:
    """Whether *word* stands right before or after a phone in *marked* (separators, brackets, 收 or a phone
    label between): sellers write the name beside the phone, so it wins over other name-like words."""
    word = re.escape(word)
    return re.search(rf"{word}收?{_NEAR}{_PHONE_LABEL}{_NEAR}{_PHONE_MARK}|{_PHONE_MARK}{_NEAR}{word}", marked,
                     re.IGNORECASE) is not None


def _take_postcode(text: str) -> tuple[str | None, str]:
    match = _POSTCODE_LABELLED_RE.search(text) or _POSTCODE_BARE_RE.search(text)
    if not match:
        return None, text
    return clean_postcode(match.group(1)) or None, _cut(text, [match.span()])


def _take_labels(text: str) -> tuple[str | None, str]:
    """The labelled name, if any, and the text with every label replaced by a separator."""
    name = None
    spans, replacements = [], []
    for match in T.LABEL_RE.finditer(text):
        kind = T.label_kind(match.group("label") or match.group("bare") or match.group("glued"))
        if kind == "name" and name is None:
            token = NAME_TOKEN_RE.match(text, match.end())
            value = token.group().strip(_TRIM) if token else ""
            value = T.ANY_LABEL_RE.split(value, maxsplit=1)[0] if value else value
            if value and not any(ch.isdigit() for ch in value) and clean_token(value) not in SELF_WORDS:
                name = clean_token(value)
        spans.append(match.span())
        replacements.append(T.ADDRESS_LABEL if kind in ("region", "detail") else T.HARD)
    for (start, end), replacement in sorted(zip(spans, replacements, strict=True), reverse=True):
        text = text[:start] + replacement + text[end:]
    return name, text


def _is_stop(piece: str) -> bool:
    return piece.startswith(T.ADDRESS_STOP_WORDS)


def _address_like(piece: str) -> bool:
    return bool(T.STRONG_ADDRESS_RE.search(piece) or T.WEAK_ADDRESS_RE.search(piece))


def _collect_detail(text: str, start: int, first_adjacent: bool, region_words: frozenset[str] = frozenset(),
                    place_words: frozenset[str] = frozenset()) -> tuple[list[str], int]:
    """Address fragments from *start* on, stopping at a request, a name-like word, a new field or a
    word that only names the region again (鼓楼区湖东路 福州: 福州 tells the city, it is no address).

    A fragment that does not look like an address still counts when the next one, on the same line,
    clearly does (哈工大 二公寓, 方恒国际 C座), when a bare room number follows it (芙蓉四 208), or when it
    is named after the found region (*place_words*: 醴陵 → 醴陵瓷谷, 吉林市 → 吉林市政府) and the rest is no name.
    """
    parts: list[str] = []
    end = start
    pieces = list(_PIECES_RE.finditer(text, start))
    for number, match in enumerate(pieces):
        separator, piece = match.group(1), match.group(2)
        hard = T.HARD in separator and T.ADDRESS_LABEL not in separator
        labelled = T.ADDRESS_LABEL in separator
        adjacent = not separator and first_adjacent and not parts
        if piece in region_words and not _strong_next(pieces, number):
            break
        stop_at = next((i for i in range(len(piece)) if _is_stop(piece[i:])), None)
        if stop_at is not None:
            if stop_at and (adjacent or _address_like(piece[:stop_at])):
                parts.append(piece[:stop_at])
                end = match.start(2) + stop_at
            break
        if hard and (parts or not _address_like(piece) or not T.STRONG_ADDRESS_RE.search(piece)):
            break
        abbreviation = bool(parts) and piece.isascii() and piece.isalpha() and piece.isupper()  # IFS, SOHO
        building = bool(parts) and (_named_after(piece, place_words) or _room_next(pieces, number, piece))
        if not (adjacent or labelled or abbreviation or building or _address_like(piece)
                or _strong_next(pieces, number)):
            break
        parts.append(piece)
        end = match.end()
    return parts, end


def _choose_name(candidates: list[str], marked: str) -> str | None:
    """The first name-like word beside a phone that is no address word (岱庙 东门 138… 柳青 → 柳青), a
    surname-led one first when the phone has one on each side (见山书局 138… 何炅 → 何炅), else the first."""
    if len(set(candidates)) > 1:
        beside = [word for word in candidates if _next_to_phone(marked, word) and not _address_like(word)]
        if beside:
            return min(beside, key=lambda word: (not separate_name(word), beside.index(word)))
    return candidates[0] if candidates else None


def _name_ending_line(text: str, end: int, region_words: frozenset[str], candidates: list[str]) -> str | None:
    """A surname-led name ending the detail's line after words the detail did not know, when no name
    stands beside a phone (138… 工农路 1号 文峰大世界 钱江 → 钱江, not 文峰大世界)."""
    line = []
    for match in _PIECES_RE.finditer(text, end):
        if T.HARD in match.group(1) and T.ADDRESS_LABEL not in match.group(1):
            break
        line.append(match.group(2))
    if len(line) < 2 or line[-1] not in candidates or not separate_name(line[-1]):
        return None
    if any(_is_stop(piece) or separate_name(piece) or piece in region_words
           or not (plausible_name(piece) or _address_like(piece)) for piece in line[:-1]):
        return None
    return line[-1]


def _extend_detail(text: str, end: int, parts: list[str], name: str,
                   region_words: frozenset[str]) -> tuple[list[str], int]:
    """The detail's *parts* and end, taking in the words that stand after it on its line once the name is
    known to be elsewhere: up to the name when it follows on the line (… 1号 文峰大世界 钱江 138…, also a
    surname-led shop: 陶陶居 对面 凤姐), else up to the last address-like word (… 1号 安庆石化 生活区,
    … 1号 岱庙 东门 138… 柳青) and never over a surname-led name. A request or a word that can be neither
    name nor address ends it."""
    line: list[tuple[str, int]] = []
    for match in _PIECES_RE.finditer(text, end):
        if T.HARD in match.group(1) and T.ADDRESS_LABEL not in match.group(1):
            break
        line.append((match.group(2), match.end()))
    name_at = next((number for number, (piece, _) in enumerate(line) if name in piece), None)
    taken: list[tuple[str, int]] = []
    for piece, piece_end in line[:name_at]:
        if (_is_stop(piece) or (name_at is None and separate_name(piece)) or piece in region_words
                or not (plausible_name(piece) or _address_like(piece))):
            break
        taken.append((piece, piece_end))
    if name_at is not None and len(taken) == name_at:
        return parts + [word for word, _ in taken], (taken[-1][1] if taken else end)
    while taken and not _address_like(taken[-1][0]):
        taken.pop()
    return parts + [word for word, _ in taken], (taken[-1][1] if taken else end)


def _named_after(piece: str, place_words: frozenset[str]) -> bool:
    """Whether *piece* is a place named after a region word (醴陵瓷谷, 吉林市政府), not that word and a name."""
    return any(piece.startswith(word) and len(piece) > len(word) and not separate_name(piece[len(word):])
               for word in place_words)


def _room_next(pieces: list[re.Match[str]], number: int, piece: str) -> bool:
    """Whether a bare room number (2–5 digits) follows *piece* on the same line: 厦门大学 芙蓉四 208, 凌云三 410;
    a surname-led name stays a name (5栋 王芳 302) unless it ends in a numeral like a dorm (凌云三)."""
    if number + 1 >= len(pieces) or (separate_name(piece) and piece[-1] not in "一二三四五六七八九十"):
        return False
    separator, piece = pieces[number + 1].group(1), pieces[number + 1].group(2)
    return T.HARD not in separator and piece.isdigit() and 2 <= len(piece) <= 5


def _strong_next(pieces: list[re.Match[str]], number: int) -> bool:
    """Whether the next piece on the line is clearly an address (a number counts with its 号: 68 号; a
    building part may stand between: 阅海万家 C区 8栋)."""
    for following in pieces[number + 1 : number + 3]:
        separator, piece = following.group(1), following.group(2)
        if T.HARD in separator or _is_stop(piece):
            return False
        if T.STRONG_ADDRESS_RE.search(piece):
            return True
        if not (piece.isdigit() or T.WEAK_ADDRESS_RE.search(piece)):
            return False
    return False


_PLACEHOLDERS = ("省直辖县级行政区划", "自治区直辖县级行政区划", "直辖县级行政区划", "直辖县级", "市辖区", "县")
_TOWN_SUFFIX = tuple("镇乡村街路道巷")


def _strip_repeated_region(detail: str, names: Iterable[str], short: Iterable[str] = ()) -> str:
    """The detail without a repeat of the region at its start (详细地址 often restates 省市区) and
    without a picker's placeholder (县, 市辖区). A short name (广西, 南宁) is dropped only when another
    region name follows it; no name is dropped when it begins a town or street name (阳朔镇, 南京路)."""
    full = sorted(set(names), key=lambda name: (-len(name), name))
    shorts = sorted(set(short) - set(full), key=lambda name: (-len(name), name))
    stripped = True
    while stripped and detail:
        stripped = False
        for name in (*_PLACEHOLDERS, *full, *shorts):
            rest = detail[len(name):]
            if not detail.startswith(name) or not rest.strip(_TRIM) or rest.startswith(_TOWN_SUFFIX):
                continue
            if name in shorts and not rest.lstrip(_TRIM).startswith(tuple(full)):
                continue
            detail, stripped = rest.lstrip(_TRIM), True
            break
    return _drop_restated_prefix(detail, full)


def _drop_restated_prefix(detail: str, full: list[str]) -> str:
    """上顿渡镇江西省抚州市临川区上顿渡镇老公安局 → 上顿渡镇老公安局: a piece of the detail, the region
    again and the same piece once more (所在地区 pasted between two copies of the street)."""
    for start in range(1, min(len(detail), 40)):  # the restated piece is a town or street, never long
        end = start
        while name := next((name for name in full if detail.startswith(name, end)), None):
            end += len(name)
        before, after = detail[:start], detail[end:].lstrip(_TRIM)
        if end > start and after.startswith(before.strip(_TRIM)) and before.strip(_TRIM):
            return after
    return detail


def _trim(text: str) -> str:
    """*text* without separators around it, keeping a closing bracket that closes one inside it."""
    core = text.strip(_TRIM)
    if core.count("(") > core.count(")") and text[text.find(core) + len(core):].lstrip(" ").startswith(")"):
        core += ")"
    return core


def _guess_detail_without_region(text: str) -> tuple[str | None, int, int]:
    for match in _PIECES_RE.finditer(text):
        piece = match.group(2)
        if T.STRONG_ADDRESS_RE.search(piece) and (re.search(r"\d", piece) or len(piece) >= 5):
            parts, end = _collect_detail(text, match.start(2), True)
            detail = _trim(T.join_tight(parts))
            if detail:
                return detail, match.start(2), end
    return None, 0, 0


def _region_words(province: str | None, city: str | None) -> set[str]:
    """The full and short names of the found province and city."""
    words: set[str] = set()
    for level, name in enumerate((province, city)):
        if name:
            words |= {name} | short_names(name, level)
    return words


def parse_message(text: str, products: Sequence[str] = ()) -> ParsedMessage:
    """Read name, phones, address, postcode, items and amount from a pasted chat message.

    Never raises: anything unreadable just leaves fields empty. *products* are the seller's product
    names; mentions are matched to them (蜂蜜 → 土蜂蜜 500g) with quantities in digits or Chinese numerals.
    """
    try:
        return _parse(text if isinstance(text, str) else str(text), tuple(p for p in products if p))
    except (ValueError, IndexError, KeyError, TypeError, RecursionError):
        return ParsedMessage(uncertain=frozenset({"name", "phones", "province", "city", "district", "detail"}))


def _parse(raw: str, products: tuple[str, ...]) -> ParsedMessage:
    uncertain: set[str] = set()
    text = T.join_crossings(T.normalize(raw[:MAX_LENGTH]))
    phones, text, marked = _take_phones(text)
    if any(is_masked_phone(phone) for phone in phones):
        uncertain.add("phones")
    postcode, text = _take_postcode(text)
    amounts = find_amounts(text)
    amount_cents = amounts[0].value if amounts else None
    if len({a.value for a in amounts}) > 1:
        uncertain.add("amount_cents")
    text = _cut(text, [(a.start, a.end) for a in amounts])
    labelled_name, text = _take_labels(text)
    items_found = find_items(text, products)
    items = tuple(item.value for item in items_found if item.value is not None)
    if any(item.uncertain for item in items_found):
        uncertain.add("items")
    text = _cut(text, [(item.start, item.end) for item in items_found])

    region = find_region(text, " ".join(filter(None, map(landline_city, phones))))
    province = city = district = detail = None
    region_words: set[str] = set()
    place_words: set[str] = set()
    trailing_name = None
    if region is not None:
        province, city, district = region.province, region.city, region.district
        uncertain |= region.uncertain
        region_words = _region_words(province, city)
        place_words = region_words | ({district} | short_names(district, DISTRICT) if district else set())
        parts, end = _collect_detail(text, region.end, True, frozenset(region_words), frozenset(place_words))
        if (labelled_name is None and len(parts) > 1 and name_ends_detail(parts[-1], parts[-2])
                and not name_candidates(text[: region.start] + T.HARD + text[end:], products, region_words,
                                        place_words)):
            trailing_name = parts.pop()  # … 1号 林园 138…: the only word that can be a name
        full = region.names + tuple(n for n in (province, city, district) if n)
        detail = _strip_repeated_region(_trim(T.join_tight(parts)), full, place_words) or None
        rest = text[: region.start] + T.HARD + text[end:]
    else:
        detail, start, end = _guess_detail_without_region(text)
        if detail:
            uncertain.add("detail")
        rest = text[:start] + T.HARD + text[end:] if detail else text

    name = labelled_name
    if name is None:
        candidates = name_candidates(rest, products, region_words, place_words)
        glued_or_trailing = not candidates
        if not candidates and trailing_name:
            candidates = [trailing_name]
        if not candidates and detail:
            detail, glued = split_glued_name(detail)
            candidates = [glued] if glued else []
        if not candidates and (word := word_name(rest, region_words)):
            candidates = [word]
            uncertain.add("name")
        name = _choose_name(candidates, marked)
        if region is not None and detail and not glued_or_trailing and not _next_to_phone(marked, name or ""):
            name = _name_ending_line(text, end, frozenset(region_words), candidates) or name
        if region is not None and name and detail and not glued_or_trailing:
            parts, end = _extend_detail(text, end, parts, name, frozenset(region_words))
            detail = _strip_repeated_region(_trim(T.join_tight(parts)), full, place_words) or None
            candidates = name_candidates(text[: region.start] + T.HARD + text[end:], products, region_words,
                                         place_words) or [name]
        if len(set(candidates)) > 1 or (name and not name[0] >= "\u4e00"):
            uncertain.add("name")
    return ParsedMessage(name, tuple(phones), province, city, district, detail, postcode, items, amount_cents,
                         frozenset(uncertain))
