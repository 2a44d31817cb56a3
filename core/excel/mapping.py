"""Canonical import fields, header synonyms (Chinese and English) and column mapping."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

# field → kind; the kind decides how cells are cleaned (see core.excel.records).
CUSTOMER_FIELDS = {
    "name": "text", "real_name": "text", "phone": "phone", "wechat_id": "text", "qq": "id",
    "platform_buyer_id": "text", "email": "text", "province": "province", "city": "text",
    "district": "text", "address_detail": "text", "postcode": "postcode", "gender": "gender",
    "birthday": "birthday", "tags": "tags", "source_channel": "text", "note": "text", "personality": "text",
    "do_not_disturb": "bool", "risk_buyer": "bool",
}
ORDER_FIELDS = {
    "platform": "platform", "platform_order_no": "id", "status": "status", "created_at": "datetime",
    "paid_at": "datetime", "shipped_at": "datetime", "delivered_at": "datetime",
    "completed_at": "datetime", "closed_at": "datetime", "goods_cents": "cents", "postage_cents": "cents",
    "discount_cents": "cents", "paid_cents": "cents", "refund_cents": "cents", "tracking_no": "id",
    "carrier": "text", "buyer_message": "text", "seller_note": "text", "receiver_name": "text",
    "receiver_phone": "phone", "receiver_address": "text",
}
ITEM_FIELDS = {
    "product_title": "text", "sku_spec": "text", "quantity": "quantity", "unit_price_cents": "cents",
    "amount_cents": "cents",
}
PRODUCT_FIELDS = {
    "product_name": "text", "category": "text", "price_cents": "cents", "cycle_days": "int",
    "lead_days": "int", "product_code": "text", "product_active": "on_sale", "product_note": "text",
}
# Helper fields that feed the canonical ones: a whole address to split, a street line, a second phone,
# an after-sales status that may turn an order into refunded.
EXTRA_FIELDS = {
    "address": "text", "street": "text", "phone_alt": "phone", "after_sale_status": "text",
    "customer_ref": "id",  # our own export's customer number: joins rows of one file; the book's id (checked)
    "referrer_ref": "id",  # our own export: the customer number of who referred this customer
    "points_balance": "int",  # our own export: the points balance, given to a customer the import creates
    "order_ref": "id",  # our own export: the book's id of an order without a platform order number
    "aliases": "text",  # our own export: the customer's other WeChat IDs, buyer IDs, names ("kind: value" lines)
    "line_ref": "line",  # an order line's own number (Douyin's 子订单编号): a line repeated in one file is read once
    "line_state": "line_state",  # our own export: what the line's export said of it (order_item.line_state)
    "removed_line_refs": "lines",  # our own export: the sub-order numbers the seller removed (orders.removed_line_refs)
    "line_product": "text",  # our own export: the product an order line belongs to (columns.NO_PRODUCT_WORDS: none)
    "keep": "text",  # a column that is no field of the book: kept in the customer's note as "header：value"
}
KEEP = "keep"
FIELDS: dict[str, str] = CUSTOMER_FIELDS | ORDER_FIELDS | ITEM_FIELDS | PRODUCT_FIELDS | EXTRA_FIELDS
IGNORE = ""

# A hand sheet of one row a customer: the day of her last purchase, with its goods, is a purchase (its goods give
# reminders); her lifetime figures beside it (累计消费, 消费金额, 购买次数) are kept in her note (``build_mapping``).
LAST_PURCHASE_DATES = ("最近购买日期", "最近购买时间", "上次购买日期", "上次购买时间", "最后购买日期", "最后购买时间",
                       "最近下单时间", "最近下单日期", "上次下单时间")
_LAST_WORDS = ("最近", "上次", "最后")

_SYNONYMS: dict[str, tuple[str, ...]] = {
    "name": ("姓名", "名字", "称呼", "昵称", "微信名", "客户", "客户名", "客户名称", "顾客", "顾客姓名",
             "联系人", "name", "customer", "customer name", "nickname", "display name"),
    "real_name": ("真实姓名", "客户姓名", "real name", "full name"),
    "phone": ("电话", "手机", "手机号", "手机号码", "联系电话", "联系方式", "电话号码", "客户手机号",
              "买家手机号", "phone", "mobile", "tel", "telephone", "phone number", "cell"),
    "wechat_id": ("微信", "微信号", "wechat", "wechat id", "weixin"),
    "qq": ("qq", "qq号", "qq号码"),
    "platform_buyer_id": ("买家会员名", "旺旺", "旺旺号", "旺旺名", "买家id", "买家账号", "platform buyer id",
                          "buyer id"),
    "email": ("邮箱", "电子邮件", "电子邮箱", "email", "e-mail", "mail"),
    "province": ("省", "省份", "收货人省份", "province"),
    "city": ("市", "城市", "收货人城市", "city"),
    "district": ("区", "区县", "县区", "收货人地区", "district"),
    "street": ("街道", "street"),
    "address": ("地址", "收货地址", "联系地址", "住址", "address"),
    "address_detail": ("详细地址", "详细收货地址", "address detail", "detail address"),
    "postcode": ("邮编", "邮政编码", "postcode", "zip", "zip code"),
    "gender": ("性别", "客户性别", "gender", "sex"),
    "birthday": ("生日", "出生日期", "客户生日", "birthday", "date of birth", "birth date"),
    "tags": ("标签", "分组", "类型", "客户标签", "tags", "tag", "group"),
    "source_channel": ("来源", "来源渠道", "渠道", "客户来源", "source", "channel", "source channel"),
    "note": ("备注", "说明", "客户备注", "note", "notes", "remark", "remarks", "comment"),
    "personality": ("性格", "沟通注意", "性格、沟通注意", "personality"),
    "platform": ("平台", "店铺平台", "platform"),
    "platform_order_no": ("订单号", "订单编号", "单号", "order no", "order number", "order id",
                          "platform order no"),
    "status": ("订单状态", "状态", "交易状态", "status", "order status"),
    "created_at": ("下单时间", "购买日期", "日期", "购买时间", "下单日期", "订单创建时间", "创建时间", "订单提交时间", "提交时间",
                   *LAST_PURCHASE_DATES,
                   "date", "order date", "created", "created at", "purchase date"),
    "paid_at": ("付款时间", "支付时间", "付款日期", "支付完成时间", "paid at", "payment time", "paid"),
    "shipped_at": ("发货时间", "发货日期", "shipped at", "shipped"),
    "delivered_at": ("签收时间", "delivered at", "delivered"),
    "completed_at": ("确认收货时间", "成交时间", "交易成功时间", "完成时间", "completed at", "completed"),
    "closed_at": ("交易关闭时间", "订单关闭时间", "关闭时间", "closed at"),
    "goods_cents": ("商品总价", "商品金额", "货款", "goods", "goods amount"),
    "postage_cents": ("邮费", "运费", "快递费", "postage", "shipping", "shipping fee"),
    "discount_cents": ("优惠", "优惠金额", "折扣", "discount"),
    "paid_cents": ("金额", "实付", "实付金额", "总价", "总金额", "消费金额", "付款金额", "应付金额", "订单应付金额",
                   "最近购买金额", "上次购买金额", "最近消费金额", "上次消费金额", "paid amount",
                   "amount paid", "total", "paid cents"),
    "refund_cents": ("退款金额", "退款", "refund", "refund amount"),
    "tracking_no": ("物流单号", "快递单号", "运单号", "tracking no", "tracking number"),
    "carrier": ("物流公司", "快递公司", "快递", "carrier", "courier"),
    "buyer_message": ("买家留言", "留言", "buyer message"),
    "seller_note": ("卖家备注", "商家备注", "订单备注", "seller note"),
    "receiver_name": ("收货人", "收货人姓名", "收件人", "receiver", "receiver name", "recipient"),
    "receiver_phone": ("收货人电话", "收货人手机", "收件人手机号", "收货人手机号", "receiver phone"),
    "receiver_address": ("receiver address",),
    "after_sale_status": ("售后状态", "退款状态", "订单退款状态", "after-sale status"),
    "product_title": ("商品", "产品", "宝贝", "商品名称", "产品名称", "宝贝名称", "品名", "商品名",
                      "购买产品", "购买商品", "购买的产品", "购买的商品", "购买宝贝", "购买物品", "所购商品", "货品",
                      "货品名称", "物品", "产品名", "宝贝标题", "商品标题", "购买内容", "买的东西", "项目",
                      "买的", "最近买的", "上次买的", "买了什么", "买了啥", "买什么", "最近购买商品", "最近购买产品",
                      "上次购买商品", "上次购买产品",
                      "product", "item", "product title", "goods name"),
    "sku_spec": ("规格", "商品规格", "款式", "sku", "sku spec", "spec"),
    "quantity": ("数量", "商品数量", "购买数量", "件数", "qty", "quantity"),
    "unit_price_cents": ("单价", "价格", "商品单价", "售价", "price", "unit price"),
    "amount_cents": ("小计", "商品小计", "line amount", "subtotal"),
    "category": ("分类", "类目", "品类", "商品分类", "category"),
    "cycle_days": ("使用周期", "周期", "使用天数", "cycle", "cycle days", "usage cycle"),
    "lead_days": ("提前天数", "提前提醒天数", "提前提醒", "lead days", "lead time"),
    "product_name": ("product name",),
    "price_cents": ("price cents",),
}

_BRACKETS = str.maketrans({"（": "(", "）": ")", "【": "[", "】": "]", "：": ":", "\u3000": " "})
_UNIT_SUFFIX = re.compile(r"\s*[\[(](元|件|天|个|kg|cny|rmb|¥)[\])]\s*$", re.I)


def normalise_header(header: str) -> str:
    """Comparable form of a header: BOM and padding gone, half-width brackets, unit suffix dropped,
    lower case ("商品总价（元）" → "商品总价", " 收货地址 " → "收货地址", "Phone" → "phone")."""
    text = " ".join(str(header).replace("\ufeff", "").translate(_BRACKETS).split()).lower()
    text = _UNIT_SUFFIX.sub("", text)
    return text.rstrip(":*")


SYNONYMS: dict[str, str] = {}
for _field, _words in _SYNONYMS.items():
    for _word in _words:
        SYNONYMS.setdefault(normalise_header(_word), _field)
for _field in FIELDS:
    SYNONYMS.setdefault(_field, _field)


def is_known_header(header: str) -> bool:
    """True when a header names some field (used to find the header row under title rows)."""
    return normalise_header(header) in SYNONYMS


def guess_field(header: str) -> str:
    """The field a header most likely means, or ``IGNORE``."""
    return SYNONYMS.get(normalise_header(header), IGNORE)


@dataclass(frozen=True, slots=True)
class FieldMap:
    """Column index → field for one table (ignored columns are absent)."""

    fields: Mapping[int, str]

    def column_of(self, field: str) -> int | None:
        return next((index for index, name in self.fields.items() if name == field), None)

    def mapped_fields(self) -> set[str]:
        return set(self.fields.values())


# Headers that only number the rows: never worth keeping in a note.
_ROW_NUMBER_HEADERS = frozenset({"序号", "编号", "行号", "no", "no.", "#", "序", "id"})


def build_mapping(
    headers: Sequence[str],
    preset_columns: Mapping[str, str] | None = None,
    use_synonyms: bool = True,
    overrides: Mapping[str, str] | None = None,
    keep_unknown: bool = False,
) -> FieldMap:
    """Map headers onto fields: seller overrides first, then the preset's columns, then synonyms.

    Each field takes the first column that claims it, so a repeated header (有赞's 分销员) maps once;
    any number of columns may be ``KEEP``. ``overrides`` and ``preset_columns`` are keyed by normalised
    header; an override of ``IGNORE`` drops the column. With ``keep_unknown`` (a seller's own sheet) a
    column no synonym names — and that does not merely number the rows — is ``KEEP``, not dropped; so are the
    columns of a purchase (商品 / 最近买的, 金额, 数量…) its synonyms named in a sheet with no date and no order
    number column, where no row can be a purchase: what they hold goes to the customer's note, not lost.
    """
    fields: dict[int, str] = {}
    taken: set[str] = set()
    guessed: list[int] = []  # columns mapped by synonyms
    for index, header in enumerate(headers):
        key = normalise_header(header)
        if not key:
            continue
        if overrides is not None and key in overrides:
            field = overrides[key]
        elif preset_columns is not None and key in preset_columns:
            field = preset_columns[key]
        elif use_synonyms:
            field = SYNONYMS.get(key, IGNORE)
            if keep_unknown and (not field or field in taken) and key not in _ROW_NUMBER_HEADERS:
                field = KEEP  # unknown, or a second column of a field (a second 备注): kept, not dropped
            guessed.append(index)
        else:
            field = IGNORE
        if field and field in FIELDS and (field not in taken or field == KEEP):
            fields[index] = field
            taken.add(field)
    if keep_unknown and not taken & _DATED_BY:
        fields.update((index, KEEP) for index in guessed if fields.get(index) in _PURCHASE_ONLY)
    if keep_unknown:
        _keep_lifetime_figures(headers, fields, guessed)
    return FieldMap(fields)


def _keep_lifetime_figures(headers: Sequence[str], fields: dict[int, str], guessed: list[int]) -> None:
    """A seller's sheet dated by her customers' last purchase (``LAST_PURCHASE_DATES``): an amount column that does
    not say it is the last purchase's (累计消费, 消费金额: what she spent in all) is kept in the note, not made that
    purchase's money; without a goods column the date names no purchase and is kept in the note too (not lost)."""
    last = {normalise_header(word) for word in LAST_PURCHASE_DATES}
    dated = [index for index in guessed if fields.get(index) == "created_at" and normalise_header(headers[index]) in last]
    if not dated:
        return
    amounts = ("paid_cents", "goods_cents", "amount_cents")
    for index in guessed:
        if fields.get(index) in amounts and not any(word in str(headers[index]) for word in _LAST_WORDS):
            fields[index] = KEEP
    for index in guessed:  # 最近购买金额 after a 消费金额 that took the field first
        field = SYNONYMS.get(normalise_header(headers[index]))
        if field in amounts and field not in fields.values() and any(word in str(headers[index]) for word in _LAST_WORDS):
            fields[index] = field
    if "product_title" not in fields.values():
        fields.update((index, KEEP) for index in dated)


# A purchase is placed by a date (or our export's / a platform's order number); the columns that only describe one
_DATED_BY = frozenset({"created_at", "paid_at", "shipped_at", "delivered_at", "completed_at", "closed_at",
                       "platform_order_no", "order_ref"})
_PURCHASE_ONLY = frozenset({"product_title", "sku_spec", "quantity", "unit_price_cents", "amount_cents",
                            "goods_cents", "paid_cents"})


def header_signature(headers: Iterable[str]) -> str:
    """A short stable key for a set of headers, to remember a seller's corrected mapping."""
    names = sorted({normalise_header(header) for header in headers} - {""})
    return hashlib.sha1("\x1f".join(names).encode("utf-8")).hexdigest()[:16]


def overrides_for(headers: Sequence[str], mapping: FieldMap) -> dict[str, str]:
    """The mapping as {normalised header: field or IGNORE}, the form stored for a header signature."""
    return {normalise_header(header): mapping.fields.get(index, IGNORE)
            for index, header in enumerate(headers) if normalise_header(header)}
