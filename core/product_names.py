"""What product an order line's title names: the normalised product name, its variant, its matching key.

A seller thinks in products such as "洋槐蜂蜜 500g": the goods and the size they sell them in (the size
decides how long it lasts, so it belongs to the product). Platform titles dress that up:
"【包邮】洋槐蜂蜜500g（原味）" with the flavour in the SKU column or in a closing bracket. The rules:

- full-width letters, digits and punctuation are folded to their half-width forms (NFKC), runs of spaces
  become one space, and the text is trimmed;
- bracketed groups at the start (【包邮】, 【顺丰】, [新品], (现货) …) are promotional and dropped, as are
  bracketed promotional words anywhere (【包邮】 at the end too);
- a bracketed group at the end that is not promotional ("（原味）", "[礼盒装]") is the **variant**: the spec
  of that line, kept on the order line (its title and `sku_spec` are never rewritten) but not a product
  of its own: every variant of "洋槐蜂蜜 500g" shares its cycle. The SKU column (`sku_spec`, 商品属性/
  商品规格) is a variant in the same sense;
- a size written in the title stays in the name, set off by one space: "洋槐蜂蜜500g" → "洋槐蜂蜜 500g";
- a short title that pays a difference or postage ("补差价", "邮费专拍", "运费补拍") names no product.

`name_key` is what two spellings must share to be the same product: the normalised name without spaces,
lower-cased ("洋槐蜂蜜 500G" and "洋槐蜂蜜500g" are one product).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

PROMO_WORDS = ("包邮", "顺丰", "现货", "新品", "热卖", "热销", "特价", "促销", "限时", "秒杀", "爆款", "正品",
               "官方", "清仓", "预售", "直播", "福利", "特惠", "买一送一", "买二送一", "第二件半价", "满减",
               "旗舰店", "推荐", "冲量", "活动", "年货", "送礼")
# lines that pay a difference or postage (补差价, 邮费专拍): no product of their own
NOT_GOODS = ("补差价", "差价", "补运费", "补邮费", "运费", "邮费", "专拍", "补拍")
_BRACKET = re.compile(r"[【\[(〖<「『]([^【\[(〖<「『】\])〗>」』]*)[】\])〗>」』]")
_LEADING = re.compile(r"^\s*[【\[(〖<「『][^】\])〗>」』]*[】\])〗>」』]\s*")
_TRAILING = re.compile(r"\s*[【\[(〖<「『]([^【\[(〖<「『】\])〗>」』]*)[】\])〗>」』]\s*$")
_SIZE = re.compile(r"(?<=[^\d\s.*x×/+-])(\d+(?:\.\d+)?\s*"
                   r"(?:kg|g|mg|ml|l|克|千克|公斤|斤|两|毫升|升|片|粒|袋|盒|瓶|包|支|罐|贴|颗|条|只|个|块|枚|张|卷)"
                   r"(?:\s*[*x×]\s*\d+\s*\S?)?)$", re.IGNORECASE)
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class ProductName:
    name: str  # the product as a seller names it ("洋槐蜂蜜 500g"); "" when the title names nothing
    variant: str  # the line's spec ("原味"), "" when none

    @property
    def key(self) -> str:
        return name_key(self.name)


def fold(text: str) -> str:
    """Full-width forms folded (NFKC), spaces collapsed, trimmed."""
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", text or "")).strip()


def name_key(text: str) -> str:
    """The matching key of a product name or title: folded, without spaces, lower-cased."""
    return fold(text).replace(" ", "").lower()


def _is_promo(inner: str) -> bool:
    inner = inner.strip()
    return not inner or any(word in inner for word in PROMO_WORDS)


def without_promotion(title: str) -> str:
    """The title folded, without its leading bracket groups and bracketed promotional words."""
    text = fold(title)
    while True:  # every leading bracket group is promotional
        stripped = _LEADING.sub("", text, count=1)
        if stripped == text:
            break
        text = stripped
    return fold(_BRACKET.sub(lambda m: " " if _is_promo(m.group(1)) else m.group(0), text))


def spelled_key(title: str) -> str:
    """The key of the title as the seller may have named a product: promotion dropped, variant kept."""
    return name_key(without_promotion(title))


def normalise(title: str, sku_spec: str = "") -> ProductName:
    """The product an order line names, and its variant (see the module docstring)."""
    text = without_promotion(title)
    variant = ""
    match = _TRAILING.search(text)
    if match and not _is_promo(match.group(1)) and match.start() > 0:
        variant = match.group(1).strip()
        text = fold(text[:match.start()])
    size = _SIZE.search(text)
    if size and size.start() > 0 and not text[size.start() - 1].isspace():
        text = f"{text[:size.start()]} {size.group(1)}"
    if any(word in text for word in NOT_GOODS) and len(text) <= 12:
        return ProductName("", "")
    spec = fold(sku_spec)
    if spec:
        variant = f"{variant} {spec}".strip() if variant else spec
    return ProductName(text[:200].strip(), variant)
