"""Text clean-up for smart paste: width and emoji normalisation, field labels, separators, noise words."""

from __future__ import annotations

import re
import unicodedata

HARD = "\n"  # ends a field: a line break, or the place where a phone, amount or item was cut out
ADDRESS_LABEL = "\x1f"  # stands where an address label was: the address goes on here
SOFT_SEPARATORS = " ,;、。!?~|"
SEPARATOR_CLASS = r"[\s,;、。!?~|\x1f]"

# Other dots written between the parts of a transliterated name (买买提•艾力, 买买提・艾力) become "·".
_NAME_DOT_RE = re.compile(r"(?<=[\u4e00-\u9fff])[\u2022\u30fb\u2027\u2219\uff65](?=[\u4e00-\u9fff])")
# Marks an address picker puts between levels (浙江省/杭州市/西湖区, 浙江>杭州>西湖区, 杭州市_西湖区) are spaces.
_CHAIN_MARK_RE = re.compile(r"(?<=[省市区县州盟旗])[/>_.\\](?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff])>(?=[\u4e00-\u9fff])")
_WECHAT_EMOJI_RE = re.compile(r"\[[\u4e00-\u9fffA-Za-z]{1,4}\]")
_DROPPED_CATEGORIES = {"So", "Sk", "Cs", "Co", "Cn", "Cf", "Cc", "Mn", "Me"}
_KEPT_SYMBOLS = {"\n", "¥", "$"}
# Brackets that frame labels in pasted cards (【收货人】陈静【手机】…) are read as spaces.
# Quotes around a nickname (“小鱼”, ‘阿狸’) are read as spaces too.
_LABEL_BRACKETS = str.maketrans("【】〖〗「」『』“”‘’", "            ")

NAME_LABELS = ("收货人姓名", "收件人姓名", "联系人姓名", "收货人", "收件人", "联系人", "姓名", "名字", "称呼", "买家姓名")
PHONE_LABELS = ("手机号码", "联系电话", "电话号码", "收货电话", "备用电话", "联系方式", "手机号", "手机", "电话", "号码",
                "座机", "固话", "备用", "tel", "phone")
REGION_LABELS = ("所在地区", "所在区域", "收货地区", "省市区", "所在地", "地区", "区域")
DETAIL_LABELS = ("详细地址", "收货地址", "收件地址", "街道地址", "地址是", "地址")
POSTCODE_LABELS = ("邮政编码", "邮编")
OTHER_LABELS = ("商品", "产品", "宝贝", "备注", "留言", "买家留言", "昵称", "收件", "收货", "寄")
# Labels that count without a colon when they start a line or follow a separator: 收货人张三.
_BARE_LABELS = ("收货人", "收件人", "联系人", "姓名", "手机号码", "手机号", "手机", "联系电话", "电话", "详细地址",
                "收货地址", "收件地址", "地址是", "地址", "所在地区", "邮编", "邮政编码")

# Labels long enough to be read even glued to the previous field: …吉阳区详细地址三亚富春山居.
GLUED_LABELS = ("详细地址", "所在地区", "手机号码", "联系电话", "收货地址", "收件地址", "邮政编码", "收货人姓名",
                "收件人姓名")


def normalize(text: str) -> str:
    """Half-width letters, digits and punctuation; emoji and WeChat stickers ([微笑]) become spaces."""
    text = unicodedata.normalize("NFKC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = _WECHAT_EMOJI_RE.sub(" ", text).translate(_LABEL_BRACKETS)
    text = _NAME_DOT_RE.sub("·", text)
    text = _CHAIN_MARK_RE.sub(" ", text)
    kept = []
    for ch in text:
        category = unicodedata.category(ch)
        if ch in _KEPT_SYMBOLS:
            kept.append(ch)
        elif category in _DROPPED_CATEGORIES or category.startswith("Z") or ch == "\t":
            kept.append(" ")
        else:
            kept.append(ch)
    return "".join(kept)


def _label_regex() -> re.Pattern[str]:
    def alternation(words: tuple[str, ...]) -> str:
        return "|".join(sorted((re.escape(word) for word in words), key=len, reverse=True))

    every = NAME_LABELS + PHONE_LABELS + REGION_LABELS + DETAIL_LABELS + POSTCODE_LABELS + OTHER_LABELS
    with_colon = rf"(?P<label>{alternation(every)})\s*[::]\s*"
    bare = rf"(?:(?<=^)|(?<=[\s,;、。!?~|]))(?P<bare>{alternation(_BARE_LABELS)}) ?(?=[^\s::])"
    glued = rf"(?P<glued>{alternation(GLUED_LABELS)}) ?(?=[^\s::])"
    return re.compile(rf"{with_colon}|{bare}|{glued}", re.IGNORECASE | re.MULTILINE)


LABEL_RE = _label_regex()
ANY_LABEL_RE = re.compile("|".join(sorted(NAME_LABELS + PHONE_LABELS + REGION_LABELS + DETAIL_LABELS + POSTCODE_LABELS,
                                          key=len, reverse=True)), re.IGNORECASE)


def label_kind(label: str) -> str:
    """Which field a label introduces: name, phone, region, detail, postcode or other."""
    label = label.lower()
    for kind, words in (("name", NAME_LABELS), ("phone", PHONE_LABELS), ("region", REGION_LABELS),
                        ("detail", DETAIL_LABELS), ("postcode", POSTCODE_LABELS)):
        if label in words:
            return kind
    return "other"


# A crossing written with spaces (南大街 与 东木头市 交叉口) is one piece of the address.
_CROSSING_RE = re.compile(r" *(与|和|跟) *([^\s,;、。!?~|\x1f]{1,12}?) *(交叉口|交口|交汇处|交界处|路口)")


def join_crossings(text: str) -> str:
    """*text* with the spaces inside a crossing removed: 建设路 与 桐柏路 交口 → 建设路与桐柏路交口."""
    return _CROSSING_RE.sub(lambda match: "".join(match.groups()), text)


def join_tight(parts: list[str]) -> str:
    """Join address fragments: no space between Chinese characters, one between two Latin/digit runs."""
    out = ""
    for part in parts:
        for word in part.split():
            if out and out[-1].isascii() and out[-1].isalnum() and word[0].isascii() and word[0].isalnum():
                out += " "
            out += word
    return out


# A surname or given name with a title is how sellers write many customers: 袁老板, 郑老师, 黄师傅.
TITLED_NAME_RE = re.compile(r"^(?P<person>[\u4e00-\u9fff]{1,2})(?:老板|老师|师傅|先生|女士|小姐|阿姨|经理|总|姐|哥)$")
# Words that never appear in a person's name: greetings, requests, couriers, time words.
NOT_NAME_WORDS = (
    "你好", "您好", "老板", "在吗", "在不", "谢谢", "感谢", "麻烦", "辛苦", "发货", "快递", "顺丰", "邮政", "中通", "圆通",
    "韵达", "申通", "京东", "极兔", "包邮", "尽快", "帮我", "帮忙", "下单", "地址", "电话", "手机", "收货", "收件", "备注",
    "亲爱", "哈哈", "好的", "嗯嗯", "拜托", "可以", "需要", "今天", "明天", "后天", "周末", "上午", "下午", "晚上", "早上",
    "中午", "美女", "帅哥", "宝贝", "姐妹", "小姐姐", "收到", "付款", "转账", "红包", "微信", "支付宝", "订单", "一下",
    "号码", "邮编", "多少", "还是", "上次", "一样", "老样子", "客户", "朋友", "同事", "家里", "公司", "门口", "放在",
    "打电话", "联系", "不在", "记得", "别忘", "发票", "送人", "礼物", "急用", "加急", "没变", "不变", "同上", "老地址",
    "信息", "顾客", "本人", "自己",
)
NOT_NAME_CHARS = set("的了吗呢吧啊呀哦哈啦嘛我你您请是亲谢要发寄送到给在有和这那么就都也还再想能会")
# A piece of text that starts with one of these is a request to the seller, not part of the address.
ADDRESS_STOP_WORDS = (
    "谢谢", "麻烦", "尽快", "辛苦", "发顺丰", "顺丰", "发中通", "发圆通", "发韵达", "发邮政", "发京东", "发货", "快递",
    "放门口", "放快递柜", "放驿站", "放菜鸟", "送货上门", "上门", "打电话", "电话联系", "联系", "周末", "工作日", "急",
    "老板", "亲", "你好", "您好", "收到", "好的", "备注", "红包", "转账", "已付", "付款", "记得",
)
STRONG_ADDRESS_RE = re.compile(
    r"路|街|道|巷|弄|胡同|号|村|镇|乡|组|栋|幢|单元|室|小区|花园|公寓|大厦|广场|苑|园区|社区|宿舍|楼|屯|里弄|座|层|#"
    r"|^[A-Za-z]$|(?:宅|府|庄|阁|舍|馆|寓|铺|百货|商场|超市|酒店|宾馆|银行|大楼|商城|食堂|驿站|里|堂|总部|湾|处|档口|局)$"
    r"|^[A-Za-z]{1,3}\d{1,4}$"
)
WEAK_ADDRESS_RE = re.compile(r"\d|仓|科大|院|园|门|店|厂|城|中心|空间|前台|大学|学院|学校|医院|公司|市场"
                             r"|工业|开发区|期|区|旁|对面|附近|[东西南北]侧|集团|工作室|事务所|研究所|营业部|办事处"
                             r"|本部|分部|交口|交叉口|拐角|隔壁|[东西南北]{1,2}角")
