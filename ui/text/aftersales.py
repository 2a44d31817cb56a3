"""Translated words for the after-sales codes core stores, and sentences for its error codes."""

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

_CONTEXT = "AftersalesLabels"

CASE_KINDS = {
    "complaint": QT_TRANSLATE_NOOP("AftersalesLabels", "Complaint"),
    "review": QT_TRANSLATE_NOOP("AftersalesLabels", "Mid/bad review"),
}
CASE_STATUSES = {
    "open": QT_TRANSLATE_NOOP("AftersalesLabels", "Open"),
    "resolved": QT_TRANSLATE_NOOP("AftersalesLabels", "Resolved"),
    "closed": QT_TRANSLATE_NOOP("AftersalesLabels", "Closed"),
}
COMPLAINT_KINDS = {
    "quality": QT_TRANSLATE_NOOP("AftersalesLabels", "Quality problem"),
    "suspected_fake": QT_TRANSLATE_NOOP("AftersalesLabels", "Suspected fake"),
    "price_dispute": QT_TRANSLATE_NOOP("AftersalesLabels", "Price dispute"),
    "description_mismatch": QT_TRANSLATE_NOOP("AftersalesLabels", "Not as described"),
    "colour_difference": QT_TRANSLATE_NOOP("AftersalesLabels", "Colour difference"),
    "damaged": QT_TRANSLATE_NOOP("AftersalesLabels", "Damaged"),
    "attitude": QT_TRANSLATE_NOOP("AftersalesLabels", "Service attitude"),
    "promise_not_honoured": QT_TRANSLATE_NOOP("AftersalesLabels", "Promise not honoured"),
    "slow_shipping": QT_TRANSLATE_NOOP("AftersalesLabels", "Slow shipping"),
    "logistics": QT_TRANSLATE_NOOP("AftersalesLabels", "Logistics"),
    "other": QT_TRANSLATE_NOOP("AftersalesLabels", "Other"),
}
COMPLAINT_CATEGORIES = {
    "product": QT_TRANSLATE_NOOP("AftersalesLabels", "Product"),
    "service": QT_TRANSLATE_NOOP("AftersalesLabels", "Service"),
}
COMPLAINT_STEPS = {
    "apologise": QT_TRANSLATE_NOOP("AftersalesLabels", "1. Calm and apologise"),
    "respond": QT_TRANSLATE_NOOP("AftersalesLabels", "2. Respond fast: restate the problem"),
    "empathise": QT_TRANSLATE_NOOP("AftersalesLabels", "3. Show you care"),
    "compensate": QT_TRANSLATE_NOOP("AftersalesLabels", "4. Compensate"),
    "follow_up": QT_TRANSLATE_NOOP("AftersalesLabels", "5. Follow up"),
}
COMPENSATIONS = {
    "refund": QT_TRANSLATE_NOOP("AftersalesLabels", "Refund"),
    "partial_refund": QT_TRANSLATE_NOOP("AftersalesLabels", "Partial refund"),
    "exchange": QT_TRANSLATE_NOOP("AftersalesLabels", "Exchange"),
    "repair": QT_TRANSLATE_NOOP("AftersalesLabels", "Repair"),
    "coupon": QT_TRANSLATE_NOOP("AftersalesLabels", "Coupon"),
    "gift": QT_TRANSLATE_NOOP("AftersalesLabels", "Gift"),
    "points": QT_TRANSLATE_NOOP("AftersalesLabels", "Points"),
}
COUPON_KINDS = {
    "cash": QT_TRANSLATE_NOOP("AftersalesLabels", "Cash coupon"),
    "threshold": QT_TRANSLATE_NOOP("AftersalesLabels", "Threshold coupon"),
    "free_shipping": QT_TRANSLATE_NOOP("AftersalesLabels", "Free-shipping card"),
    "discount": QT_TRANSLATE_NOOP("AftersalesLabels", "Discount card"),
    "birthday": QT_TRANSLATE_NOOP("AftersalesLabels", "Birthday card"),
}
CHANNELS = {
    "wechat": QT_TRANSLATE_NOOP("AftersalesLabels", "WeChat"),
    "phone": QT_TRANSLATE_NOOP("AftersalesLabels", "Phone"),
    "sms": QT_TRANSLATE_NOOP("AftersalesLabels", "SMS"),
    "qq": QT_TRANSLATE_NOOP("AftersalesLabels", "QQ"),
    "platform_chat": QT_TRANSLATE_NOOP("AftersalesLabels", "Platform chat"),
    "other": QT_TRANSLATE_NOOP("AftersalesLabels", "Other"),
}
REVIEW_LEVELS = {
    "mid": QT_TRANSLATE_NOOP("AftersalesLabels", "Mid review"),
    "bad": QT_TRANSLATE_NOOP("AftersalesLabels", "Bad review"),
}
REVIEW_REASONS = {
    "logistics": QT_TRANSLATE_NOOP("AftersalesLabels", "Logistics"),
    "quality": QT_TRANSLATE_NOOP("AftersalesLabels", "Quality"),
    "description_mismatch": QT_TRANSLATE_NOOP("AftersalesLabels", "Not as described"),
    "attitude": QT_TRANSLATE_NOOP("AftersalesLabels", "Service attitude"),
    "price": QT_TRANSLATE_NOOP("AftersalesLabels", "Price"),
    "damaged": QT_TRANSLATE_NOOP("AftersalesLabels", "Damaged"),
    "misunderstanding": QT_TRANSLATE_NOOP("AftersalesLabels", "Misunderstanding"),
    "other": QT_TRANSLATE_NOOP("AftersalesLabels", "Other"),
}
REVIEW_OFFERS = {
    "cash": QT_TRANSLATE_NOOP("AftersalesLabels", "Cash"),
    "coupon": QT_TRANSLATE_NOOP("AftersalesLabels", "Coupon"),
    "free_shipping": QT_TRANSLATE_NOOP("AftersalesLabels", "Free shipping next time"),
    "gift": QT_TRANSLATE_NOOP("AftersalesLabels", "Gift"),
    "level": QT_TRANSLATE_NOOP("AftersalesLabels", "Member level"),
}
REVIEW_OUTCOMES = {
    "": QT_TRANSLATE_NOOP("AftersalesLabels", "Pending"),
    "pending": QT_TRANSLATE_NOOP("AftersalesLabels", "Pending"),
    "revised": QT_TRANSLATE_NOOP("AftersalesLabels", "Revised"),
    "removed": QT_TRANSLATE_NOOP("AftersalesLabels", "Removed"),
    "unchanged": QT_TRANSLATE_NOOP("AftersalesLabels", "Unchanged"),
    "unreachable": QT_TRANSLATE_NOOP("AftersalesLabels", "Buyer unreachable"),
}
ATTEMPT_RESULTS = {
    "reached": QT_TRANSLATE_NOOP("AftersalesLabels", "Reached"),
    "no_answer": QT_TRANSLATE_NOOP("AftersalesLabels", "No answer (retry tomorrow)"),
    "refused": QT_TRANSLATE_NOOP("AftersalesLabels", "Refused to talk"),
    "contacted": QT_TRANSLATE_NOOP("AftersalesLabels", "Contacted"),
    "declined": QT_TRANSLATE_NOOP("AftersalesLabels", "Declined"),
}
RISK_SIGNS = {
    "new_account": QT_TRANSLATE_NOOP("AftersalesLabels", "Newly registered account"),
    "refuses_platform_chat": QT_TRANSLATE_NOOP("AftersalesLabels", "Refuses the platform's chat tool"),
    "targets_new_shop": QT_TRANSLATE_NOOP("AftersalesLabels", "Targets new shops"),
    "cheap_fragile": QT_TRANSLATE_NOOP("AftersalesLabels", "Buys cheap, fragile goods"),
    "remote_address": QT_TRANSLATE_NOOP("AftersalesLabels", "Ships to a remote address"),
}
ERRORS = {
    "complaint_already_compensated": QT_TRANSLATE_NOOP("AftersalesLabels", "This complaint was compensated already."),
    "complaint_wrong_status": QT_TRANSLATE_NOOP(
        "AftersalesLabels", "This cannot be done while the complaint is in this status."),
    "review_wrong_status": QT_TRANSLATE_NOOP("AftersalesLabels", "This cannot be done while the review is in this status."),
    "review_already_offered": QT_TRANSLATE_NOOP("AftersalesLabels", "An offer was made for this review already."),
    "review_date_future": QT_TRANSLATE_NOOP("AftersalesLabels", "The review date cannot be in the future."),
    "order_of_other_customer": QT_TRANSLATE_NOOP("AftersalesLabels", "That order belongs to another customer."),
    "points_required": QT_TRANSLATE_NOOP("AftersalesLabels", "Enter how many points to give."),
    "amount_required": QT_TRANSLATE_NOOP("AftersalesLabels", "Enter the coupon's amount."),
    "amount_negative": QT_TRANSLATE_NOOP("AftersalesLabels", "The amount cannot be negative."),
    "complaint_not_found": QT_TRANSLATE_NOOP("AftersalesLabels", "This case no longer exists."),
    "bad_review_not_found": QT_TRANSLATE_NOOP("AftersalesLabels", "This case no longer exists."),
    "conflict": QT_TRANSLATE_NOOP("AftersalesLabels", "Someone else changed this case; it was reloaded."),
}


def word(table: dict[str, str], code: str) -> str:
    """The translated word for `code` in one of the tables above; the code itself when unknown
    (a seller's own review reason, for instance)."""
    source = table.get(code)
    return QCoreApplication.translate(_CONTEXT, source) if source else code


def error_text(error: Exception) -> str:
    """A translated sentence for a coded core error: after-sales codes here, the rest via ui.text.errors."""
    from ui.text.errors import describe

    code = getattr(error, "code", "")
    if code in ERRORS:
        return QCoreApplication.translate(_CONTEXT, ERRORS[code])
    return describe(error) if hasattr(error, "details") else str(error)
