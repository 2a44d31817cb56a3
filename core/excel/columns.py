"""Column texts of every exported sheet, in English and Chinese (data, so core needs no Qt translation).

Each column: (key, import field or "", English header, Chinese header, cell type). The import field lets
the importer read our own exports back (presets ``huitouke_customers`` / ``huitouke_orders``).
Cell types: text, int, money, date, datetime, bool.
"""

from __future__ import annotations

from typing import NamedTuple


class Column(NamedTuple):
    key: str
    field: str
    en: str
    zh: str
    kind: str = "text"

    def header(self, language: str) -> str:
        return self.zh if language.startswith("zh") else self.en


CUSTOMER_COLUMNS = (
    Column("id", "customer_ref", "Customer ID", "客户编号", "int"),
    Column("name", "name", "Name", "称呼", "text"),
    Column("real_name", "real_name", "Real name", "真实姓名"),
    Column("phone", "phone", "Phone", "手机号"),
    Column("wechat_id", "wechat_id", "WeChat ID", "微信号"),
    Column("qq", "qq", "QQ", "QQ号"),
    Column("platform_buyer_id", "platform_buyer_id", "Buyer ID", "买家会员名"),
    Column("email", "email", "Email", "邮箱"),
    Column("province", "province", "Province", "省份"),
    Column("city", "city", "City", "城市"),
    Column("district", "district", "District", "区县"),
    Column("address_detail", "address_detail", "Address detail", "详细地址"),
    Column("postcode", "postcode", "Postcode", "邮编"),
    Column("gender", "gender", "Gender", "性别"),
    Column("birthday", "birthday", "Birthday", "生日"),
    Column("tags", "tags", "Tags", "标签"),
    Column("source_channel", "source_channel", "Source", "来源渠道"),
    Column("personality", "personality", "Personality", "性格、沟通注意"),
    Column("note", "note", "Note", "备注"),
    Column("do_not_disturb", "do_not_disturb", "Do not disturb", "不再打扰", "bool"),
    Column("risk_buyer", "risk_buyer", "Risk buyer", "风险买家", "bool"),
    Column("referred_by_id", "referrer_ref", "Referred by (customer ID)", "推荐人编号", "int"),
    Column("other_phones", "phone_alt", "Other phones", "其他电话"),
    # the customer's other aliases (customer_alias: WeChat IDs, buyer IDs, names), one "kind: value" a line
    Column("aliases", "aliases", "Other accounts", "其他账号"),
    Column("points", "points_balance", "Points", "积分", "int"),
    Column("stage", "", "Stage", "客户阶段"),
    Column("first_purchase_on", "", "First purchase", "首次购买", "date"),
    Column("last_purchase_on", "", "Last purchase", "最近购买", "date"),
    Column("purchase_days", "", "Purchase days", "购买天数", "int"),
    Column("purchase_count", "", "Purchases", "购买次数", "int"),
    Column("total_spend_cents", "", "Total spend", "累计消费", "money"),
    Column("avg_order_cents", "", "Average order", "客单价", "money"),
)
ORDER_COLUMNS = (
    Column("platform_order_no", "platform_order_no", "Order no", "订单号"),
    Column("id", "order_ref", "Order ID", "订单ID", "int"),
    Column("platform", "platform", "Platform", "平台"),
    Column("status", "status", "Status", "订单状态"),
    Column("created_at", "created_at", "Ordered at", "下单时间", "datetime"),
    Column("paid_at", "paid_at", "Paid at", "付款时间", "datetime"),
    Column("shipped_at", "shipped_at", "Shipped at", "发货时间", "datetime"),
    Column("delivered_at", "delivered_at", "Delivered at", "签收时间", "datetime"),
    Column("completed_at", "completed_at", "Completed at", "完成时间", "datetime"),
    Column("closed_at", "closed_at", "Closed at", "关闭时间", "datetime"),
    Column("goods_cents", "goods_cents", "Goods", "商品金额", "money"),
    Column("postage_cents", "postage_cents", "Postage", "运费", "money"),
    Column("discount_cents", "discount_cents", "Discount", "优惠", "money"),
    Column("paid_cents", "paid_cents", "Paid", "实付金额", "money"),
    Column("refund_cents", "refund_cents", "Refunded", "退款金额", "money"),
    Column("tracking_no", "tracking_no", "Tracking no", "快递单号"),
    Column("carrier", "carrier", "Carrier", "快递公司"),
    Column("buyer_message", "buyer_message", "Buyer message", "买家留言"),
    Column("seller_note", "seller_note", "Seller note", "卖家备注"),
    Column("receiver_name", "receiver_name", "Receiver", "收货人"),
    Column("receiver_phone", "receiver_phone", "Receiver phone", "收货人手机"),
    Column("receiver_address", "receiver_address", "Receiver address", "收货地址"),
    # the sub-order numbers of the lines the seller removed in the app (orders.removed_line_refs, one a line): a
    # book rebuilt from the export keeps them out when a Douyin export holding them is imported (core.excel.sub_orders)
    Column("removed_line_refs", "removed_line_refs", "Removed sub-order nos.", "已删子订单编号"),
    Column("customer_id", "customer_ref", "Customer ID", "客户编号", "int"),
    Column("customer_name", "name", "Customer", "客户"),
    Column("customer_phone", "phone", "Customer phone", "客户手机号"),
    Column("customer_buyer_id", "platform_buyer_id", "Customer buyer ID", "客户买家会员名"),
    Column("product_title", "product_title", "Product", "商品"),
    Column("sku_spec", "sku_spec", "Spec", "规格"),
    Column("quantity", "quantity", "Quantity", "数量", "int"),
    Column("unit_price_cents", "unit_price_cents", "Unit price", "单价", "money"),
    Column("amount_cents", "amount_cents", "Line amount", "小计", "money"),
    Column("line_ref", "line_ref", "Sub-order no.", "子订单编号"),  # the line's own number (core.excel.sub_orders)
    # what the line's export said of it (order_item.line_state: JSON, core.excel.line_states), as the book keeps it
    Column("line_state", "line_state", "Sub-order state", "子订单状态"),
    # the product the line belongs to (its name; NO_PRODUCT_WORDS when none: a line the seller typed, a deleted
    # product's): a copy links the line to it rather than by its title (core.excel.writer)
    Column("line_product", "line_product", "Linked product", "所属商品"),
)
REMINDER_COLUMNS = (
    Column("due_date", "", "Due", "到期日", "date"),
    Column("kind", "", "Kind", "类型"),
    Column("status", "", "Status", "状态"),
    Column("customer_name", "", "Customer", "客户"),
    Column("customer_phone", "", "Phone", "手机号"),
    Column("product", "", "Product", "商品"),
    Column("title", "", "Task", "任务"),
    Column("outcome", "", "Outcome", "结果"),
    Column("note", "", "Note", "备注"),
    # what restores the task in a copy of the book (core.excel.own_history): the book's ids of the task and
    # of what it is about, the line's place in its order, the rule it was written by and its facts
    Column("id", "", "Task ID", "任务编号", "int"),
    Column("customer_id", "customer_ref", "Customer ID", "客户编号", "int"),
    Column("order_id", "", "Order ID", "订单ID", "int"),
    Column("item_position", "", "Order line", "订单第几行", "int"),
    Column("coupon_id", "", "Coupon ID", "优惠券编号", "int"),
    Column("complaint_id", "", "Complaint ID", "投诉编号", "int"),
    Column("bad_review_id", "", "Review ID", "差评编号", "int"),
    Column("snoozed_until", "", "Snoozed until", "推迟到", "date"),
    Column("closed_at", "", "Closed at", "完成时间", "datetime"),
    Column("rule_key", "", "Rule", "任务规则"),
    Column("facts_json", "", "Task facts", "任务依据"),
)
COMPLAINT_COLUMNS = (  # the book's complaints with their five steps (core.excel.own_history)
    Column("id", "", "Complaint ID", "投诉编号", "int"),
    Column("customer_id", "customer_ref", "Customer ID", "客户编号", "int"),
    Column("order_id", "", "Order ID", "订单ID", "int"),
    Column("order_no", "", "Order no", "订单号"),
    Column("kind", "", "Reason", "投诉原因"),
    Column("channel", "", "Channel", "渠道"),
    Column("description", "", "Description", "投诉内容"),
    Column("evidence", "", "Evidence files (one a line)", "证据文件（每行一个）"),
    Column("status", "", "Status", "状态"),
    Column("opened_at", "", "Opened at", "投诉时间", "datetime"),
    Column("first_response_at", "", "First response", "首次回复时间", "datetime"),
    Column("resolved_at", "", "Resolved at", "解决时间", "datetime"),
    Column("closed_at", "", "Closed at", "关闭时间", "datetime"),
    Column("compensation_type", "", "Compensation", "补偿方式"),
    Column("compensation_cents", "", "Compensation amount", "补偿金额", "money"),
    Column("compensation_points", "", "Compensation points", "补偿积分", "int"),
    Column("compensated_at", "", "Compensated at", "补偿时间", "datetime"),
    Column("resolution", "", "Resolution", "处理结果"),
    *(column for step, (en, zh) in enumerate((("apologise", "安抚道歉"), ("respond", "快速反应"), ("empathise", "移情"),
                                             ("compensate", "补偿"), ("follow up", "跟踪")), 1)
      for column in (Column(f"step{step}_at", "", f"Step {step} ({en}) done", f"第{step}步 {zh} 完成时间", "datetime"),
                     Column(f"step{step}_note", "", f"Step {step} note", f"第{step}步 备注"))),
)
REVIEW_COLUMNS = (  # the book's mid and bad reviews (core.excel.own_history)
    Column("id", "", "Review ID", "差评编号", "int"),
    Column("customer_id", "customer_ref", "Customer ID", "客户编号", "int"),
    Column("order_id", "", "Order ID", "订单ID", "int"),
    Column("order_no", "", "Order no", "订单号"),
    Column("platform", "", "Platform", "平台"),
    Column("level", "", "Level", "评价等级"),
    Column("review_date", "", "Review date", "评价日期", "date"),
    Column("text", "", "Review text", "评价内容"),
    Column("reason", "", "Reason", "差评原因"),
    Column("offer_type", "", "Offer", "补偿方式"),
    Column("offer_cents", "", "Offer amount", "补偿金额", "money"),
    Column("offer_at", "", "Offered at", "补偿时间", "datetime"),
    Column("outcome", "", "Outcome", "结果"),
    Column("outcome_at", "", "Outcome at", "结果时间", "datetime"),
    Column("change_deadline", "", "Change deadline", "改评截止日", "date"),
    Column("status", "", "Status", "状态"),
    Column("sign_new_account", "", "Sign: new account", "迹象：新注册账号", "bool"),
    Column("sign_refuses_platform_chat", "", "Sign: refuses platform chat", "迹象：拒绝平台聊天", "bool"),
    Column("sign_targets_new_shop", "", "Sign: targets new shops", "迹象：专挑新店", "bool"),
    Column("sign_cheap_fragile", "", "Sign: cheap fragile goods", "迹象：便宜易碎商品", "bool"),
    Column("sign_remote_address", "", "Sign: remote address", "迹象：偏远地址", "bool"),
    Column("evidence_note", "", "Evidence", "证据说明"),
    # each sign's own evidence note (sign_evidence_json)
    Column("new_account_evidence", "", "Evidence: new account", "证据：新注册账号"),
    Column("refuses_platform_chat_evidence", "", "Evidence: refuses platform chat", "证据：拒绝平台聊天"),
    Column("targets_new_shop_evidence", "", "Evidence: targets new shops", "证据：专挑新店"),
    Column("cheap_fragile_evidence", "", "Evidence: cheap fragile goods", "证据：便宜易碎商品"),
    Column("remote_address_evidence", "", "Evidence: remote address", "证据：偏远地址"),
)
AFTERSALE_COLUMNS = (  # cells from core.excel.aftersales_sheet.case_sheet_rows, same order
    Column("kind", "", "Case", "类别"),
    Column("id", "", "No.", "编号", "int"),
    Column("opened_on", "", "Date", "日期", "date"),
    Column("customer_name", "", "Customer", "客户"),
    Column("customer_phone", "", "Phone", "手机号"),
    Column("platform", "", "Platform", "平台"),
    Column("subtype", "", "Kind / level", "原因 / 等级"),
    Column("status", "", "Status", "状态"),
    Column("next_due", "", "Next task due", "下次跟进", "date"),
    Column("summary", "", "Summary", "内容"),
    Column("amount_cents", "", "Compensation / offer", "补偿金额", "money"),
    Column("outcome", "", "Outcome", "结果"),
)
ERROR_COLUMNS = (
    Column("file", "", "File", "文件"),
    Column("sheet", "", "Sheet", "工作表"),
    Column("row", "", "Row", "行", "int"),
    Column("column", "", "Column", "列"),
    Column("code", "", "Problem code", "问题代码"),
    Column("message", "", "Problem", "问题"),
    Column("value", "", "Value", "原值"),
    Column("scope", "", "Left out", "未导入的部分"),
)
SCOPE_WORDS = {"row": ("the row", "整行"), "purchase": ("the purchase (customer imported)", "这笔购买（客户已导入）"),
               "field": ("the cell (customer imported)", "这一格（客户已导入）"), "note": ("nothing (note)", "无（提示）")}
TEMPLATE_COLUMNS = (
    Column("name", "name", "Name", "姓名"),
    Column("phone", "phone", "Phone", "电话"),
    Column("wechat_id", "wechat_id", "WeChat ID", "微信号"),
    Column("address", "address", "Address", "地址"),
    Column("tags", "tags", "Tags", "标签"),
    Column("birthday", "birthday", "Birthday", "生日"),
    Column("gender", "gender", "Gender", "性别"),
    Column("source_channel", "source_channel", "Source", "来源"),
    Column("note", "note", "Note", "备注"),
    Column("created_at", "created_at", "Order date", "下单时间", "date"),
    Column("product_title", "product_title", "Product", "商品"),
    Column("quantity", "quantity", "Quantity", "数量", "int"),
    Column("paid_cents", "paid_cents", "Amount paid", "金额", "money"),
    Column("platform_order_no", "platform_order_no", "Order no", "订单号"),
    Column("platform", "platform", "Platform", "平台"),
)
PRODUCT_TEMPLATE_COLUMNS = (
    Column("name", "product_name", "Product", "商品"),
    Column("cycle_days", "cycle_days", "Cycle days", "使用周期(天)", "int"),
    Column("lead_days", "lead_days", "Lead days", "提前天数", "int"),
    Column("price_cents", "price_cents", "Price", "价格", "money"),
    Column("category", "category", "Category", "分类"),
)
# our export's products sheet: the template's columns, then what a copy of the book needs besides
PRODUCT_COLUMNS = (
    *PRODUCT_TEMPLATE_COLUMNS,
    Column("code", "product_code", "Product code", "商家编码"),
    Column("active", "product_active", "Product status", "商品状态"),
    Column("note", "product_note", "Product note", "商品备注"),
)
# a product's active flag as written (zh, en) and the kinds of a customer's aliases (其他账号 lines), by code
PRODUCT_ACTIVE_WORDS = {True: ("on sale", "在售"), False: ("discontinued", "停售")}
# the status of a row naming a product the seller deleted (setting products.deleted): a copy of the book does not
# make it again from the order lines of its name (core.product_links)
PRODUCT_DELETED_WORDS = ("deleted", "已删除")
NO_PRODUCT_WORDS = ("(no product)", "（无商品）")  # an order line of no product (所属商品)
ALIAS_KIND_WORDS = {"wechat": ("WeChat ID", "微信号"), "buyer_id": ("Buyer ID", "买家会员名"), "name": ("Name", "曾用名"),
                    "phone": ("Phone", "电话"), "qq": ("QQ", "QQ号"), "email": ("Email", "邮箱")}
COUPON_COLUMNS = (  # read back for the customers an import creates (core.excel.own_export)
    Column("customer_id", "customer_ref", "Customer ID", "客户编号", "int"),
    Column("kind", "", "Coupon", "券类型"),
    Column("value_cents", "", "Value", "面额", "money"),
    Column("threshold_cents", "", "Threshold", "使用门槛", "money"),
    Column("discount_percent", "", "Discount %", "折扣(%)", "int"),
    Column("issued_at", "", "Issued at", "发放时间", "datetime"),
    Column("expires_on", "", "Expires on", "到期日", "date"),
    Column("used_at", "", "Used at", "使用时间", "datetime"),
    Column("source", "", "Source", "来源"),
    Column("note", "", "Note", "备注"),
    Column("id", "", "Coupon ID", "优惠券编号", "int"),
    Column("used_order_id", "", "Used on order (ID)", "使用订单ID", "int"),
    Column("used_order_no", "", "Used on order no", "使用订单号"),
    Column("complaint_id", "", "Complaint ID", "投诉编号", "int"),
    Column("bad_review_id", "", "Review ID", "差评编号", "int"),
    Column("campaign_id", "", "Campaign ID", "活动编号", "int"),
)
CONTACT_COLUMNS = (
    Column("customer_id", "customer_ref", "Customer ID", "客户编号", "int"),
    Column("at", "", "Contacted at", "联系时间", "datetime"),
    Column("channel", "", "Channel", "渠道"),
    Column("purpose", "", "Purpose", "目的"),
    Column("is_marketing", "", "Marketing", "营销", "bool"),
    Column("result", "", "Result", "结果"),
    Column("message", "", "Message", "内容"),
    Column("note", "", "Note", "备注"),
    Column("reminder_id", "", "Task ID", "任务编号", "int"),
    Column("complaint_id", "", "Complaint ID", "投诉编号", "int"),
    Column("bad_review_id", "", "Review ID", "差评编号", "int"),
    Column("campaign_id", "", "Campaign ID", "活动编号", "int"),
)
POINTS_COLUMNS = (  # the points ledger line by line, with the order and complaint each line is about
    Column("customer_id", "customer_ref", "Customer ID", "客户编号", "int"),
    Column("at", "", "Points at", "积分时间", "datetime"),
    Column("delta", "", "Points", "积分变动", "int"),
    Column("reason", "", "Points reason", "积分原因"),
    Column("note", "", "Note", "备注"),
    Column("order_id", "", "Order ID", "订单ID", "int"),
    Column("complaint_id", "", "Complaint ID", "投诉编号", "int"),
)
CAMPAIGN_COLUMNS = (  # the book's marketing campaigns (restored when missing: the n-th of a name), with the
    # message template each used: by its kind and language (the same in every book), its name to choose among them
    Column("id", "", "Campaign ID", "活动编号", "int"),
    Column("name", "", "Campaign", "活动名称"),
    Column("status", "", "Campaign status", "活动状态"),
    Column("scheduled_on", "", "Scheduled on", "计划日期", "date"),
    Column("response_window_days", "", "Response window (days)", "响应期(天)", "int"),
    Column("body", "", "Message", "活动话术"),
    Column("segment_json", "", "Customer filter", "客户筛选"),
    Column("coupon_spec_json", "", "Coupon given", "赠券设置"),
    Column("template_kind", "", "Campaign template kind", "活动模板类型"),
    Column("template_language", "", "Campaign template language", "活动模板语言"),
    Column("template_name", "", "Campaign template name", "活动模板名称"),
)
CAMPAIGN_TEMPLATE_KEYS = ("template_kind", "template_language", "template_name")
CAMPAIGN_MEMBER_COLUMNS = (  # which customers a campaign reached, and the order each answered with
    Column("campaign_id", "", "Campaign ID", "活动编号", "int"),
    Column("customer_id", "customer_ref", "Customer ID", "客户编号", "int"),
    Column("status", "", "Sending status", "发送状态"),
    Column("channel", "", "Channel", "渠道"),
    Column("sent_at", "", "Sent at", "发送时间", "datetime"),
    Column("message", "", "Message", "内容"),
    Column("responded_order_id", "", "Answered with order (ID)", "响应订单ID", "int"),
)
LEVEL_COLUMNS = (  # the book's member levels and message templates, read back when missing (by name)
    Column("name", "", "Level", "会员等级"),
    Column("rank", "", "Rank", "等级顺序", "int"),
    Column("min_spend_cents", "", "Spend from", "累计消费门槛", "money"),
    Column("min_purchases", "", "Purchases from", "购买次数门槛", "int"),
    Column("discount_percent", "", "Price paid %", "折扣(%)", "int"),
)
TEMPLATE_TEXT_COLUMNS = (
    Column("kind", "", "Template kind", "话术类型"),
    Column("name", "", "Template name", "话术名称"),
    Column("language", "", "Language", "语言"),
    Column("body", "", "Text", "话术内容"),
    Column("is_default", "", "Default", "默认", "bool"),
)
TAG_COLUMNS = (  # the book's tags with their colours, added when the book has none of that name
    Column("name", "", "Tag name", "标签名"),
    Column("color", "", "Tag colour", "标签颜色"),
)
# Chinese words of the codes these sheets hold, by column key (a code without a word is written as is).
LEDGER_WORDS_ZH = {
    "kind": {"cash": "现金券", "threshold": "满减券", "free_shipping": "包邮券", "discount": "折扣券", "birthday": "生日券"},
    "source": {"manual": "手动", "campaign": "活动", "complaint": "投诉补偿", "review": "评价补偿"},
    "channel": {"wechat": "微信", "phone": "电话", "sms": "短信", "qq": "QQ", "platform_chat": "平台旺旺", "other": "其他"},
    "purpose": {"care": "关怀", "marketing": "营销", "aftersales": "售后", "sales": "销售"},
    "result": {"contacted": "已联系", "no_answer": "未接通", "bought": "已购买", "declined": "已拒绝",
               "skipped": "已跳过", "snoozed": "已推迟", "opted_out": "不再打扰", "reached": "联系上了",
               "refused": "拒绝沟通"},
}
# Our export's words for the birthday of a lunar (农历) calendar: "农历 1990-02-30" reads back as lunar.
LUNAR_PREFIX = {"zh": "农历 ", "en": "lunar "}
SHEET_NAMES = {
    "customers": ("Customers", "客户"), "orders": ("Orders", "订单"), "reminders": ("Reminders", "提醒"),
    "aftersales": ("After-sales", "售后"), "errors": ("Problems", "问题"), "template": ("Customers", "客户"),
    "products": ("Products", "商品"), "coupons": ("Coupons", "优惠券"), "contacts": ("Contact log", "联系记录"),
    "levels": ("Member levels", "会员等级"), "templates": ("Message templates", "话术模板"),
    "complaints": ("Complaints", "投诉"), "reviews": ("Mid and bad reviews", "中差评"),
    "points": ("Points ledger", "积分明细"), "campaigns": ("Campaigns", "营销活动"),
    "campaign_members": ("Campaign customers", "活动客户"), "tags": ("Tags", "标签"),
}

STATUS_WORDS_ZH = {
    "unpaid": "待付款", "paid": "已付款待发货", "shipped": "已发货", "delivered": "已签收", "completed": "交易成功",
    "refunded": "已退款", "partial_refund": "部分退款", "closed": "交易关闭",
}
GENDER_WORDS_ZH = {"male": "男", "female": "女"}
SOURCE_WORDS_ZH = {
    "moments": "朋友圈", "qzone": "QQ空间", "weibo": "微博", "taobao": "淘宝", "weidian": "微店",
    "pinduoduo": "拼多多", "douyin": "抖音", "referral": "转介绍", "other": "其他",
}
PLATFORM_WORDS_ZH = {
    "wechat": "微信", "weidian": "微店", "taobao": "淘宝", "tmall": "天猫", "pinduoduo": "拼多多", "douyin": "抖音",
    "youzan": "有赞", "moments": "朋友圈", "offline": "线下", "other": "其他",
}
REMINDER_KIND_WORDS_ZH = {
    "arrival_care": "到货关怀", "use_care": "使用关怀", "repurchase": "复购提醒", "winback": "流失挽回",
    "unpaid": "催付", "unpaid_second": "二次催付", "closed_care": "关闭订单关怀", "delayed_shipment": "延迟发货",
    "shipped": "发货通知", "arrived": "签收关怀", "refund": "退款完成", "birthday": "生日关怀",
    "last_purchase": "回访关怀", "coupon_expiry": "优惠券到期", "complaint": "投诉跟进", "review": "中差评",
    "manual": "手动任务", "level_up": "会员升级",
}
REMINDER_STATUS_WORDS_ZH = {"open": "待办", "snoozed": "已推迟", "done": "已完成", "skipped": "已跳过",
                            "expired": "已过期", "superseded": "已被取代"}
REMINDER_OUTCOME_WORDS_ZH = {"contacted": "已联系", "no_answer": "未接通", "bought": "已购买", "declined": "已拒绝",
                             "skipped": "已跳过"}
STAGE_WORDS_ZH = {"prospect": "潜客", "new": "新客", "returning": "老客", "loyal": "忠诚", "dormant": "沉睡",
                  "churned": "流失"}


def sheet_name(key: str, language: str) -> str:
    english, chinese = SHEET_NAMES[key]
    return chinese if language.startswith("zh") else english


# Chinese words of the codes of the task, complaint and review sheets, by column key.
TASK_WORDS_ZH = {"kind": REMINDER_KIND_WORDS_ZH, "status": REMINDER_STATUS_WORDS_ZH,
                 "outcome": REMINDER_OUTCOME_WORDS_ZH}
COMPLAINT_WORDS_ZH = {
    "kind": {"quality": "质量问题", "suspected_fake": "疑似假货", "price_dispute": "价格纠纷",
             "description_mismatch": "与描述不符", "colour_difference": "色差", "damaged": "破损",
             "attitude": "服务态度", "promise_not_honoured": "承诺的优惠未兑现", "slow_shipping": "发货慢",
             "logistics": "物流问题", "other": "其他"},
    "channel": LEDGER_WORDS_ZH["channel"],
    "status": {"open": "处理中", "resolved": "已解决", "closed": "已关闭"},
    "compensation_type": {"refund": "退款", "partial_refund": "部分退款", "exchange": "换货", "repair": "维修",
                          "coupon": "优惠券", "gift": "赠品", "points": "积分"},
}
REVIEW_WORDS_ZH = {
    "platform": PLATFORM_WORDS_ZH, "level": {"mid": "中评", "bad": "差评"},
    "offer_type": {"cash": "现金", "coupon": "优惠券", "free_shipping": "包邮", "gift": "赠品", "level": "升级会员"},
    "outcome": {"revised": "已改评", "removed": "已删评", "unchanged": "未修改", "unreachable": "联系不上买家"},
    "status": {"open": "处理中", "closed": "已关闭"},
}
POINTS_WORDS_ZH = {"reason": {"spend": "消费", "join": "入会", "photo_review": "晒图好评", "referral": "推荐",
                              "redeem": "兑换", "compensation": "补偿", "manual": "手动", "campaign": "活动",
                              "import": "导入"}}
CAMPAIGN_WORDS_ZH = {"status": {"draft": "草稿", "running": "进行中", "finished": "已结束"},
                     "template_kind": REMINDER_KIND_WORDS_ZH}
CAMPAIGN_MEMBER_WORDS_ZH = {"status": {"queued": "待发送", "sent": "已发送", "skipped": "已跳过",
                                       "opted_out": "不再打扰"},
                            "channel": LEDGER_WORDS_ZH["channel"]}
