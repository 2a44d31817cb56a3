"""Presets for known exports (Taobao, Pinduoduo, Douyin, Youzan, own sheet, products) and detection."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from core.excel.columns import CUSTOMER_COLUMNS, ORDER_COLUMNS, PRODUCT_COLUMNS
from core.excel.mapping import normalise_header


@dataclass(frozen=True, slots=True)
class Preset:
    """How to read one kind of file.

    ``kind``: orders (rows are orders or order lines), customers, products, items (a detail file
    joined to orders on the order number), ledger (our export's coupons or contact log, read back for the
    customers an import creates), setting (our export's member levels or message templates, added when the
    book has none of that name), or ignored (a sheet of our export that is not read back). ``signature``:
    headers that identify the export. ``marks``: headers that only this export uses (no other known export has
    one): a file lacking a signature header (an older or trimmed export) is this export when it holds
    ``MARKS_NEEDED`` of them and the columns of its order number and goods (``detect_preset``).
    ``sum_row_amounts``: several rows of one order each carry that line's amounts (Douyin sub-orders).
    """

    key: str
    platform: str
    kind: str
    signature: frozenset[str] = frozenset()
    columns: Mapping[str, str] = field(default_factory=dict)
    use_synonyms: bool = True
    sum_row_amounts: bool = False
    # each row is a whole order (its summary: Taobao's order list, Pinduoduo, Youzan): the same order number on
    # two rows with the same goods is one order read twice, in two states (core.excel.plan, ``_one_order_again``)
    rows_are_orders: bool = False
    # the receiver is the buyer: the receiver's phone and address are the customer's too, and their name gives the
    # customer a real name when it has none (False for our own export: its customer columns are the customer's)
    receiver_is_buyer: bool = True
    # the tags cell is our export's list, joined by 、: split there only (a tag may hold a space, a comma, a slash)
    listed_tags: bool = False
    marks: frozenset[str] = frozenset()


def _columns(pairs: dict[str, str]) -> dict[str, str]:
    return {normalise_header(header): name for header, name in pairs.items()}


def _signature(*headers: str) -> frozenset[str]:
    return frozenset(normalise_header(header) for header in headers)


TAOBAO = Preset(
    "taobao", "taobao", "orders", _signature("订单编号", "买家会员名", "买家实际支付金额"),
    _columns({
        "订单编号": "platform_order_no", "买家会员名": "platform_buyer_id", "买家应付货款": "goods_cents",
        "买家应付邮费": "postage_cents", "买家实际支付金额": "paid_cents", "订单状态": "status",
        "买家留言": "buyer_message", "收货人姓名": "receiver_name", "收货地址": "receiver_address",
        "联系手机": "receiver_phone", "联系电话": "phone_alt", "订单创建时间": "created_at",
        "订单付款时间": "paid_at", "宝贝标题": "product_title", "物流单号": "tracking_no",
        "物流公司": "carrier", "订单备注": "seller_note", "宝贝总数量": "quantity",
        "退款金额": "refund_cents", "确认收货时间": "completed_at", "发货时间": "shipped_at",
        "总金额": "", "宝贝种类": "", "店铺名称": "", "运送方式": "", "修改后的收货地址": "",
    }),
    use_synonyms=False,
    rows_are_orders=True,
)
TAOBAO_DETAIL = Preset(
    "taobao_detail", "taobao", "items", _signature("订单编号", "标题", "购买数量", "商品属性"),
    _columns({
        "订单编号": "platform_order_no", "标题": "product_title", "价格": "unit_price_cents",
        "购买数量": "quantity", "商品属性": "sku_spec", "订单状态": "", "备注": "", "套餐信息": "",
        "商家编码": "", "外部系统编号": "",
    }),
    use_synonyms=False,
)
PINDUODUO = Preset(
    "pinduoduo", "pinduoduo", "orders", _signature("订单号", "商品", "用户实付金额(元)"),
    _columns({
        "商品": "product_title", "订单号": "platform_order_no", "订单状态": "status",
        "商品总价(元)": "goods_cents", "邮费(元)": "postage_cents", "店铺优惠折扣(元)": "discount_cents",
        "用户实付金额(元)": "paid_cents", "商品数量(件)": "quantity", "收货人": "receiver_name",
        "手机": "receiver_phone", "省": "province", "市": "city", "区": "district", "街道": "street",
        "支付时间": "paid_at", "发货时间": "shipped_at", "确认收货时间": "completed_at",
        "商品规格": "sku_spec", "快递单号": "tracking_no", "快递公司": "carrier", "商家备注": "seller_note",
        "售后状态": "after_sale_status", "买家留言": "buyer_message", "订单成交时间": "created_at",
        "商家实收金额(元)": "", "平台优惠折扣(元)": "", "商品id": "", "拼单成功时间": "",
    }),
    use_synonyms=False,
    rows_are_orders=True,
)
DOUYIN = Preset(
    "douyin", "douyin", "orders", _signature("主订单编号", "子订单编号", "选购商品"),
    _columns({
        "主订单编号": "platform_order_no", "子订单编号": "line_ref", "选购商品": "product_title",
        "商品规格": "sku_spec", "商品数量": "quantity", "商品单价": "unit_price_cents",
        "订单应付金额": "paid_cents", "运费": "postage_cents", "收件人": "receiver_name",
        "收件人手机号": "receiver_phone", "省": "province", "市": "city", "区": "district",
        "街道": "street", "详细地址": "address_detail", "买家留言": "buyer_message",
        "订单提交时间": "created_at", "支付完成时间": "paid_at", "订单完成时间": "completed_at",
        "订单状态": "status", "售后状态": "after_sale_status", "发货时间": "shipped_at",
        "商家备注": "seller_note", "快递单号": "tracking_no", "快递公司": "carrier", "商品id": "",
        "取消原因": "",
        # older or trimmed exports (no 子订单编号): the order number and goods under their other names
        "订单编号": "platform_order_no", "商品名称": "product_title",
    }),
    use_synonyms=False,
    sum_row_amounts=True,
    # (not 主订单编号: later Taobao reports have it too; nor 子订单编号, a word other shops' exports may use)
    marks=_signature("选购商品", "订单应付金额", "收件人手机号", "订单提交时间", "支付完成时间"),
)
YOUZAN = Preset(
    "youzan", "youzan", "orders", _signature("订单号", "全部商品名称", "订单实付金额"),
    _columns({
        "订单号": "platform_order_no", "订单状态": "status", "订单创建时间": "created_at",
        "买家付款时间": "paid_at", "交易成功时间": "completed_at", "商品金额合计": "goods_cents",
        "运费": "postage_cents", "订单实付金额": "paid_cents", "全部商品名称": "product_title",
        "收货人省份": "province", "收货人城市": "city", "收货人地区": "district",
        "详细收货地址/提货地址": "address_detail", "收货人/提货人": "receiver_name",
        "收货人手机号/提货人手机号": "receiver_phone", "买家备注": "buyer_message",
        "买家昵称": "platform_buyer_id", "买家手机号": "phone", "订单退款状态": "after_sale_status",
        "订单已退款金额": "refund_cents", "商家订单备注": "seller_note", "发货时间": "shipped_at",
        "物流单号": "tracking_no", "物流公司": "carrier",
    }),
    use_synonyms=False,
    rows_are_orders=True,
)
YOUZAN_CUSTOMERS = Preset(
    "youzan_customers", "youzan", "customers", _signature("客户姓名", "客户昵称", "客户手机号"),
    _columns({
        "客户姓名": "real_name", "客户昵称": "name", "客户手机号": "phone", "客户生日": "birthday",
        "客户性别": "gender", "标签": "tags", "来源渠道": "source_channel", "是否会员": "", "客户积分": "",
        "消费次数": "", "消费金额": "", "上次消费时间": "", "成为客户时间": "",
    }),
    use_synonyms=False,
)
OWN_SHEET = Preset("own", "other", "orders")


HUITOUKE_CUSTOMERS = Preset(
    "huitouke_customers", "other", "orders", _signature("客户编号", "称呼", "累计消费"),
    _columns({c.zh: c.field for c in CUSTOMER_COLUMNS}), use_synonyms=False,
    receiver_is_buyer=False, listed_tags=True)
HUITOUKE_CUSTOMERS_EN = Preset(
    "huitouke_customers_en", "other", "orders", _signature("Customer ID", "Name", "Total spend"),
    _columns({c.en: c.field for c in CUSTOMER_COLUMNS}), use_synonyms=False,
    receiver_is_buyer=False, listed_tags=True)
HUITOUKE_ORDERS = Preset(
    "huitouke_orders", "other", "orders", _signature("订单号", "客户编号", "小计"),
    _columns({c.zh: c.field for c in ORDER_COLUMNS}), use_synonyms=False,
    receiver_is_buyer=False)
HUITOUKE_ORDERS_EN = Preset(
    "huitouke_orders_en", "other", "orders", _signature("Order no", "Customer ID", "Line amount"),
    _columns({c.en: c.field for c in ORDER_COLUMNS}), use_synonyms=False,
    receiver_is_buyer=False)
# Sheets of exports made before tasks and cases carried their ids, and the After-sales page's summary sheet:
# recognised so that they are passed over, never read as customers with tags.
HUITOUKE_REMINDERS = Preset("huitouke_reminders", "", "ignored", _signature("到期日", "类型", "任务"))
HUITOUKE_REMINDERS_EN = Preset("huitouke_reminders_en", "", "ignored", _signature("Due", "Kind", "Task"))
HUITOUKE_AFTERSALES = Preset("huitouke_aftersales", "", "ignored", _signature("类别", "编号", "下次跟进"))
HUITOUKE_AFTERSALES_EN = Preset("huitouke_aftersales_en", "", "ignored", _signature("Case", "No.", "Next task due"))
# Ledgers and history of our export, read back for the customers an import creates (core.excel.own_history).
HUITOUKE_TASKS = Preset("huitouke_tasks", "", "ledger", _signature("到期日", "类型", "任务编号", "任务规则"),
                        _columns({"客户编号": "customer_ref"}), use_synonyms=False)
HUITOUKE_TASKS_EN = Preset("huitouke_tasks_en", "", "ledger", _signature("Due", "Kind", "Task ID", "Rule"),
                           _columns({"Customer ID": "customer_ref"}), use_synonyms=False)
HUITOUKE_COMPLAINTS = Preset("huitouke_complaints", "", "ledger", _signature("投诉编号", "投诉原因", "客户编号"),
                             _columns({"客户编号": "customer_ref"}), use_synonyms=False)
HUITOUKE_COMPLAINTS_EN = Preset("huitouke_complaints_en", "", "ledger",
                                _signature("Complaint ID", "Reason", "Customer ID", "Opened at"),
                                _columns({"Customer ID": "customer_ref"}), use_synonyms=False)
HUITOUKE_REVIEWS = Preset("huitouke_reviews", "", "ledger", _signature("差评编号", "评价等级", "客户编号"),
                          _columns({"客户编号": "customer_ref"}), use_synonyms=False)
HUITOUKE_REVIEWS_EN = Preset("huitouke_reviews_en", "", "ledger", _signature("Review ID", "Level", "Customer ID"),
                             _columns({"Customer ID": "customer_ref"}), use_synonyms=False)
HUITOUKE_COUPONS = Preset("huitouke_coupons", "", "ledger", _signature("客户编号", "券类型", "面额"),
                          _columns({"客户编号": "customer_ref"}), use_synonyms=False)
HUITOUKE_COUPONS_EN = Preset("huitouke_coupons_en", "", "ledger", _signature("Customer ID", "Coupon", "Value"),
                             _columns({"Customer ID": "customer_ref"}), use_synonyms=False)
HUITOUKE_CONTACTS = Preset("huitouke_contacts", "", "ledger", _signature("客户编号", "联系时间", "目的"),
                           _columns({"客户编号": "customer_ref"}), use_synonyms=False)
HUITOUKE_CONTACTS_EN = Preset("huitouke_contacts_en", "", "ledger", _signature("Customer ID", "Contacted at", "Purpose"),
                              _columns({"Customer ID": "customer_ref"}), use_synonyms=False)
HUITOUKE_POINTS = Preset("huitouke_points", "", "ledger", _signature("客户编号", "积分变动", "积分原因"),
                         _columns({"客户编号": "customer_ref"}), use_synonyms=False)
HUITOUKE_POINTS_EN = Preset("huitouke_points_en", "", "ledger", _signature("Customer ID", "Points", "Points reason"),
                            _columns({"Customer ID": "customer_ref"}), use_synonyms=False)
HUITOUKE_CAMPAIGN_MEMBERS = Preset("huitouke_campaign_members", "", "ledger",
                                   _signature("活动编号", "客户编号", "发送状态"),
                                   _columns({"客户编号": "customer_ref"}), use_synonyms=False)
HUITOUKE_CAMPAIGN_MEMBERS_EN = Preset("huitouke_campaign_members_en", "", "ledger",
                                      _signature("Campaign ID", "Customer ID", "Sending status"),
                                      _columns({"Customer ID": "customer_ref"}), use_synonyms=False)
HUITOUKE_CAMPAIGNS = Preset("huitouke_campaigns", "", "setting", _signature("活动编号", "活动名称", "活动状态"),
                            use_synonyms=False)
HUITOUKE_CAMPAIGNS_EN = Preset("huitouke_campaigns_en", "", "setting",
                               _signature("Campaign ID", "Campaign", "Campaign status"), use_synonyms=False)
HUITOUKE_LEVELS = Preset("huitouke_levels", "", "setting", _signature("会员等级", "等级顺序", "累计消费门槛"),
                         use_synonyms=False)
HUITOUKE_LEVELS_EN = Preset("huitouke_levels_en", "", "setting", _signature("Level", "Rank", "Spend from"),
                            use_synonyms=False)
HUITOUKE_TAGS = Preset("huitouke_tags", "", "setting", _signature("标签名", "标签颜色"), use_synonyms=False)
HUITOUKE_TAGS_EN = Preset("huitouke_tags_en", "", "setting", _signature("Tag name", "Tag colour"), use_synonyms=False)
HUITOUKE_TEMPLATES = Preset("huitouke_templates", "", "setting", _signature("话术类型", "话术名称", "话术内容"),
                            use_synonyms=False)
HUITOUKE_TEMPLATES_EN = Preset("huitouke_templates_en", "", "setting",
                               _signature("Template kind", "Template name", "Text"), use_synonyms=False)
PRODUCTS = Preset(
    "products", "", "products",
    columns=_columns({
        "商品": "product_name", "产品": "product_name", "宝贝": "product_name", "商品名称": "product_name",
        "产品名称": "product_name", "名称": "product_name", "product": "product_name",
        "价格": "price_cents", "售价": "price_cents", "单价": "price_cents", "price": "price_cents",
    }),
)
# our export's products sheet with the code, status and note of each product (an older one is read by PRODUCTS)
HUITOUKE_PRODUCTS = Preset("huitouke_products", "", "products", _signature("商品", "使用周期(天)", "商家编码", "商品状态"),
                           _columns({c.zh: c.field for c in PRODUCT_COLUMNS}), use_synonyms=False)
HUITOUKE_PRODUCTS_EN = Preset("huitouke_products_en", "", "products",
                              _signature("Product", "Cycle days", "Product code", "Product status"),
                              _columns({c.en: c.field for c in PRODUCT_COLUMNS}), use_synonyms=False)

PRESETS: dict[str, Preset] = {
    preset.key: preset
    for preset in (TAOBAO, TAOBAO_DETAIL, PINDUODUO, DOUYIN, YOUZAN, YOUZAN_CUSTOMERS, OWN_SHEET, PRODUCTS,
                   HUITOUKE_CUSTOMERS, HUITOUKE_CUSTOMERS_EN, HUITOUKE_ORDERS, HUITOUKE_ORDERS_EN,
                   HUITOUKE_REMINDERS, HUITOUKE_REMINDERS_EN, HUITOUKE_AFTERSALES, HUITOUKE_AFTERSALES_EN,
                   HUITOUKE_TASKS, HUITOUKE_TASKS_EN, HUITOUKE_COMPLAINTS, HUITOUKE_COMPLAINTS_EN,
                   HUITOUKE_REVIEWS, HUITOUKE_REVIEWS_EN, HUITOUKE_COUPONS, HUITOUKE_COUPONS_EN, HUITOUKE_CONTACTS, HUITOUKE_CONTACTS_EN,
                   HUITOUKE_LEVELS, HUITOUKE_LEVELS_EN, HUITOUKE_TEMPLATES, HUITOUKE_TEMPLATES_EN,
                   HUITOUKE_POINTS, HUITOUKE_POINTS_EN, HUITOUKE_CAMPAIGNS, HUITOUKE_CAMPAIGNS_EN,
                   HUITOUKE_CAMPAIGN_MEMBERS, HUITOUKE_CAMPAIGN_MEMBERS_EN, HUITOUKE_PRODUCTS, HUITOUKE_PRODUCTS_EN,
                   HUITOUKE_TAGS, HUITOUKE_TAGS_EN)
}
PLATFORM_WORDS = {
    "淘宝": "taobao", "天猫": "tmall", "taobao": "taobao", "拼多多": "pinduoduo",
    "pdd": "pinduoduo", "pinduoduo": "pinduoduo", "tmall": "tmall", "抖音": "douyin", "抖店": "douyin", "douyin": "douyin",
    "有赞": "youzan", "youzan": "youzan", "微店": "weidian", "weidian": "weidian", "微信": "wechat",
    "wechat": "wechat", "朋友圈": "moments", "moments": "moments", "线下": "offline", "offline": "offline",
    "其他": "other", "other": "other",
}


MARKS_NEEDED = 2  # marks of an export (Preset.marks) that make a file lacking its signature that export
_MARKED_COLUMNS = frozenset({"platform_order_no", "product_title"})  # ... with these columns of its own


def detect_preset(headers: Sequence[str]) -> Preset:
    """The preset whose signature headers are all present (largest signature wins); else the one of whose marks
    (``Preset.marks``) the headers hold ``MARKS_NEEDED`` or more (the most wins), with columns it maps to the order
    number and the goods (a Douyin export without 子订单编号: 订单编号, 商品名称, 订单应付金额, 收件人手机号…; one mark
    — a seller's sheet with a 收件人手机号 column — is not enough); a sheet with a usage-cycle column and no order
    number is a products sheet; anything else is the seller's own."""
    from core.excel.mapping import guess_field

    present = {normalise_header(header) for header in headers}
    matches = [preset for preset in PRESETS.values() if preset.signature and preset.signature <= present]
    if matches:
        return max(matches, key=lambda preset: len(preset.signature))
    marked = _marked(present)
    if marked:
        return max(marked, key=lambda preset: len(preset.marks & present))
    fields = {guess_field(header) for header in headers}
    if "cycle_days" in fields and "platform_order_no" not in fields:
        return PRODUCTS
    return OWN_SHEET


def _marked(present: set[str]) -> list[Preset]:
    """The presets a file of these (normalised) headers is by their marks (``detect_preset``): ``MARKS_NEEDED`` of
    its marks, its order number and goods columns, and no header of the seller's own words the export does not
    have (姓名, 电话, 微信, 备注, 标签, 下单时间…: a seller's sheet that borrowed two Douyin headers, read as Douyin,
    would lose what those columns hold)."""
    from core.excel.mapping import SYNONYMS

    return [preset for preset in PRESETS.values() if len(preset.marks & present) >= MARKS_NEEDED
            and _MARKED_COLUMNS.issubset(preset.columns.get(header) for header in present)
            and not any(header not in preset.columns and header in SYNONYMS for header in present)]


def is_export_header(headers: Sequence[str]) -> bool:
    """True when these cells hold every signature header of a known export, or its marks as ``detect_preset`` takes
    them (core.excel.readers.find_table)."""
    present = {normalise_header(header) for header in headers if header}
    return any(preset.signature and preset.signature <= present for preset in PRESETS.values()) or bool(_marked(present))


def platform_of(text: str, default: str = "other") -> str:
    """Our platform key for a platform name written in a cell (淘宝 → taobao); ``default`` if unknown."""
    key = text.strip().lower()
    return PLATFORM_WORDS.get(key, key if key in PLATFORM_WORDS.values() else default)
