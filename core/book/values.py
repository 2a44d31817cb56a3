"""The short English codes the book's status and kind columns hold (core.book.models re-exports them; ui/
translates them). Apart from the models so that what only needs a code (the import's cleaning, read before the
book's modules are loaded: core.excel.analysis) does not import SQLAlchemy."""

ORDER_STATUS_VALUES = (
    "unpaid", "paid", "shipped", "delivered", "completed", "refunded", "partial_refund", "closed",
)
# A purchase (DOMAIN.md §2): paid and not closed or fully refunded.
PURCHASE_STATUSES = frozenset({"paid", "shipped", "delivered", "completed", "partial_refund"})
PLATFORM_VALUES = ("wechat", "weidian", "taobao", "tmall", "pinduoduo", "douyin", "youzan", "moments", "offline", "other")
SOURCE_CHANNEL_VALUES = ("moments", "qzone", "weibo", "taobao", "weidian", "pinduoduo", "douyin", "referral", "other")
GENDER_VALUES = ("", "female", "male")
REMINDER_STATUS_VALUES = ("open", "done", "snoozed", "skipped", "expired", "superseded")
REMINDER_KIND_VALUES = (
    "arrival_care", "use_care", "repurchase", "winback", "unpaid", "unpaid_second", "closed_care",
    "delayed_shipment", "shipped", "arrived", "refund", "birthday", "last_purchase", "coupon_expiry",
    "complaint", "review", "manual", "level_up",
)
CONTACT_CHANNEL_VALUES = ("wechat", "phone", "sms", "qq", "platform_chat", "other")
COMPLAINT_KIND_VALUES = (
    "quality", "suspected_fake", "price_dispute", "description_mismatch", "colour_difference", "damaged",
    "attitude", "promise_not_honoured", "slow_shipping", "logistics", "other",
)
COMPENSATION_VALUES = ("refund", "partial_refund", "exchange", "repair", "coupon", "gift", "points")
COUPON_KIND_VALUES = ("cash", "threshold", "free_shipping", "discount", "birthday")

