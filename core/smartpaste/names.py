"""Which words of a message are the recipient's name: candidates, plausibility, a name glued to the address."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from core.smartpaste import text as T
from core.smartpaste.items import UNITS
from core.smartpaste.numerals import NUMERAL_CHARS
from core.smartpaste.regions import name_index

# The commonest single surnames; the ones that are also everyday address words (路 门 海 …) are left out.
SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
    "姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔汤常温康施"
    "文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷"
    "盛曲翁冉骆蓝游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏"
    "席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆冀郁"
    "胥班储原栗燕楚鄢劳谌奚皮粟冼蔺满闻厉伊仝郜阚权帅屠朴盖练廉禹井祖漆巴丰支卿狄计索宣晋相初容敬扈晁芮阙戈"
    "伏鹿薄邸雍辜羊乌母裘亓修邰赫杭况宿鲜印逯隆茹诸战慕危玉亢嵇湛宾戎勾茅利於揭尉斯元束檀衣展阴昝智幸奉衡富尧"
    "和")  # 和: common among the Naxi of Lijiang (和玉); a word led by it is read as a name only where one fits
_TITLES = "先生|女士|小姐|老师|老板|师傅"
# An English name with a surname glued to it, either way round: Amy王, 王Amy.
_LATIN_SURNAME = rf"[A-Za-z]{{2,12}}[{''.join(sorted(SURNAMES))}](?![\u4e00-\u9fff])" \
                 rf"|(?<![\u4e00-\u9fff])[{''.join(sorted(SURNAMES))}][A-Za-z]{{2,12}}(?![A-Za-z])"
# A transliterated name (Uyghur, Kazakh …) joins its parts with a middle dot: 阿不都热合曼·买买提.
_DOTTED = r"[\u4e00-\u9fff]{1,8}(?:·[\u4e00-\u9fff]{1,8}){1,2}"
NAME_RE = re.compile(rf"^(?:[\u4e00-\u9fff·]{{2,6}}|{_DOTTED}|[\u4e00-\u9fff][Xx]{{1,3}}|[A-Za-z](?:{_TITLES})"
                     rf"|[A-Za-z][A-Za-z .]{{1,19}}|{_LATIN_SURNAME})$")
NAME_TOKEN_RE = re.compile(rf"[A-Za-z](?:{_TITLES})|[\u4e00-\u9fff][Xx]{{1,3}}(?![A-Za-z])|{_LATIN_SURNAME}"
                           r"|[A-Za-z]+(?: [A-Za-z]+){0,2}(?![A-Za-z])|[^\s,;、。!?~|\x1f:A-Za-z.()<>\"']+")
COMPOUND_SURNAMES = ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "令狐", "端木",
                     "夏侯", "轩辕", "司徒", "南宫")
# Surnames that are also address words: a name only when the rest is no place word (楼兰, not 楼下).
_ADDRESS_SURNAMES = set("楼路门")
_PLACE_WORDS = set("上下口前后边里头面对旁外内")
# Characters that never follow a surname inside a name (particles and pronouns).
_NEVER_IN_NAME = set("的了吗呢吧啊呀哦哈啦嘛我你您请是")
# Inside a name (not at its end) only these are impossible: 马哈木 and 任我行 are names, 张三哈 is not.
_NEVER_INSIDE_NAME = set("的了吗呢吧是")
_QUANTITY_RE = re.compile(rf"^[{NUMERAL_CHARS}俩仨几半]+[元块{UNITS}]")
# A request after a name: 黄师傅要 …, 王姐想要 …
_REQUEST_AFTER = re.compile(r"(?:想要|要|订|买|拿)$")
# Words before a name: 寄给张三, 收件人是李四, 名字叫王五.
_BEFORE_NAME = re.compile(r"^(?:收件人是|收货人是|名字叫|名字是|寄给|发给|送给|给|是|叫)")
# A name written right after the house number (…A栋32D张欢, …99号周清, …301室李雷收).
_GLUED_AFTER = re.compile(r"[0-9A-Za-z号室栋幢楼座层户#)]$")


# Latin words of a chat that are no name (Hi 老板, OK 谢谢).
_LATIN_CHAT_WORDS = frozenset({"hi", "hello", "hey", "ok", "okay", "thx", "thanks", "thank you", "dear", "sorry",
                               "please", "pls", "ps", "hi dear", "yes", "no", "vip", "qq"})
# Words for "myself" where a name would stand (收件人：本人, 我自己收): no name.
SELF_WORDS = frozenset({"本人", "自己", "我自己", "我本人", "本人自己"})
# Time words that are also names led by a surname (周末, 明天): a name only where nothing else can be.
_TIME_WORDS = frozenset({"今天", "明天", "后天", "周末", "上午", "下午", "晚上", "早上", "中午"})


def has_surname(word: str) -> bool:
    """Whether *word* starts with a common Chinese surname (single or compound)."""
    return bool(word) and (word[0] in SURNAMES or word.startswith(COMPOUND_SURNAMES))


def nickname(word: str) -> bool:
    """Whether *word* is a two-character nickname: 阿紫, 小雪 (阿 / 小 and a given name), 老周 (老 and a surname)."""
    return (len(word) == 2 and "\u4e00" <= word[1] <= "\u9fff" and word[1] not in T.NOT_NAME_CHARS
            and (word[0] in "阿小" or (word[0] == "老" and word[1] in SURNAMES))
            and not _address_word(word) and plausible_name(word))


def plausible_name(word: str) -> bool:
    """No greeting, request or address word in it (a title such as 老板 or 老师 after a surname is fine).

    A word that starts with a surname may hold characters that elsewhere mark a request (黄发猜, 郑和);
    a word standing alone may start with a surname that is also an address word (楼兰, 路遥).
    """
    if _QUANTITY_RE.match(word):
        return False  # 两瓶, 三盒, 三元一斤: a quantity or a price, not a name
    titled = T.TITLED_NAME_RE.match(word)
    person = titled.group("person") if titled else word
    if any(w in person for w in T.NOT_NAME_WORDS):
        return False
    if re.fullmatch(_DOTTED, person):
        return True  # transliterated sounds: 阿不都热合曼·买买提 may hold characters a Chinese name would not
    if person[:1] in _ADDRESS_SURNAMES and 2 <= len(person) <= 3:
        return not (_NEVER_IN_NAME | _PLACE_WORDS) & set(person[1:]) and not _address_word(person[1:])
    if has_surname(person) and len(person) <= 3:
        if person[-1] in _NEVER_IN_NAME or _NEVER_INSIDE_NAME & set(person[1:-1]):
            return False
    elif T.NOT_NAME_CHARS & set(person):
        return False
    return not T.STRONG_ADDRESS_RE.search(word)


def _address_word(text: str) -> bool:
    return bool(T.STRONG_ADDRESS_RE.search(text) or T.WEAK_ADDRESS_RE.search(text))


def clean_token(piece: str) -> str:
    before = _BEFORE_NAME.match(piece)
    if before and len(piece) - before.end() >= 2 and (has_surname(piece[before.end():])
                                                      or nickname(piece[before.end():])):
        piece = piece[before.end():]
    if len(piece) >= 3 and piece.endswith("收"):
        piece = piece[:-1]  # 张三收: "for 张三"
    request = _REQUEST_AFTER.search(piece)
    if request and request.start() >= 2:
        stem = piece[: request.start()]
        if T.TITLED_NAME_RE.match(stem) or has_surname(stem):
            piece = stem
    return piece


def name_candidates(text: str, products: Sequence[str], region_words: Iterable[str] = (),
                    place_words: Iterable[str] = ()) -> list[str]:
    """Words that can be a person's name, in text order: 2–6 Chinese characters or a Latin name.

    *region_words* (the found province and city, full and short) are never names: 福州 in
    "鼓楼区湖东路 福州 张三" only tells which 鼓楼区. A name glued after one of *place_words* (the found
    region's names, district too) loses it: 醴陵刘洋 → 刘洋 (the longest such word first).
    """
    index = name_index()
    product_words = {p.lower() for p in products}
    excluded = set(region_words)
    prefixes = sorted(set(place_words), key=lambda word: (-len(word), word))
    names = []
    for match in NAME_TOKEN_RE.finditer(text):
        piece = match.group().strip()
        if text[match.end():match.end() + 1] == ":":
            continue  # a label we do not know (改成:, 昵称:) introduces something, it is not a name
        piece = clean_token(piece)
        prefix = next((word for word in prefixes if piece.startswith(word) and separate_name(piece[len(word):])), "")
        piece = piece[len(prefix):]
        if (not NAME_RE.match(piece) or piece.lower() in product_words or piece in excluded
                or piece.lower() in _LATIN_CHAT_WORDS):
            continue
        if piece in index and any(full for _, full in index[piece]):
            continue
        if not plausible_name(piece):
            continue
        names.append(piece)
    return names


def word_name(text: str, excluded: Iterable[str] = ()) -> str | None:
    """A name that is also an everyday word, read only when nothing else can be the name: a surname and
    one character standing as the first or last word left over (马路, 周末, 高楼 — 马路 before the phone is
    a person, not a road). Greetings, requests and couriers (申通, 包邮) never are; the region's names
    (*excluded*) and division names neither."""
    words = [clean_token(match.group().strip()) for match in NAME_TOKEN_RE.finditer(text)]
    words = [word for word in words if word]
    index, excluded = name_index(), set(excluded)
    for word in dict.fromkeys(words[:1] + words[-1:]):
        if (len(word) == 2 and word[0] in SURNAMES and "\u4e00" <= word[1] <= "\u9fff"
                and word[1] not in T.NOT_NAME_CHARS and word not in excluded and word not in index
                and not _QUANTITY_RE.match(word)
                and not any(w in word for w in T.NOT_NAME_WORDS if w not in _TIME_WORDS)):
            return word
    return None


def separate_name(piece: str) -> bool:
    """Whether a piece read as the detail's last one can be a name instead: 2–3 Chinese characters led by
    a surname and no clear address word (林园 can be a name, 王村 is a village)."""
    return (2 <= len(piece) <= 3 and re.fullmatch(r"[\u4e00-\u9fff]+", piece) is not None and has_surname(piece)
            and plausible_name(piece))


def name_ends_detail(piece: str, before: str) -> bool:
    """Whether the detail's last piece, standing apart after *before*, can be the name when nothing else
    can: a surname-led name (林园), one whose surname is a street word (路遥, 楼兰; not 路口, 楼下), or a
    surname-led street word after the house number (… 1号 胡同, … 8号 马路: a street comes before its
    number, so there it is a person)."""
    if separate_name(piece) or (2 <= len(piece) <= 3 and piece[0] in "路楼" and plausible_name(piece)):
        return True
    return (2 <= len(piece) <= 3 and has_surname(piece) and re.search(r"(?:路|街|巷|胡同|弄|道)$", piece) is not None
            and re.search(r"[\d号室]$", before) is not None and not any(w in piece for w in T.NOT_NAME_WORDS))


def split_glued_name(detail: str) -> tuple[str, str | None]:
    """(detail, name) when a surname-led name is glued to the end of the house number, else (detail, None)."""
    body = detail[:-1] if detail.endswith("收") else detail
    for length in (2, 3, 4):
        name, before = body[-length:], body[:-length]
        if (len(body) > length and _GLUED_AFTER.search(before) and re.fullmatch(r"[\u4e00-\u9fff]+", name)
                and (has_surname(name) or nickname(name)) and not T.WEAK_ADDRESS_RE.search(name)
                and plausible_name(name)
                and (length < 4 or name.startswith(COMPOUND_SURNAMES))):
            return before, name
    return detail, None
