"""Turns the coded errors raised by core (core/errors.py) into translated sentences for the seller."""

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from core.errors import HuitoukeError

_CONTEXT = "ErrorText"

MESSAGES = {
    "customer_identity_missing": QT_TRANSLATE_NOOP(
        "ErrorText", "A customer needs at least a name, a phone number, a WeChat ID or a buyer ID."),
    "phone_invalid": QT_TRANSLATE_NOOP("ErrorText", "“%value” is not a phone number."),
    "birth_month_invalid": QT_TRANSLATE_NOOP("ErrorText", "The birthday month must be between 1 and 12."),
    "birth_day_invalid": QT_TRANSLATE_NOOP("ErrorText", "That day does not exist in the birthday month."),
    "birth_year_invalid": QT_TRANSLATE_NOOP("ErrorText", "The birth year is not plausible."),
    "customer_conflict": QT_TRANSLATE_NOOP(
        "ErrorText", "Someone else saved this customer in the meantime. Close the window and open it again."),
    "customer_not_found": QT_TRANSLATE_NOOP("ErrorText", "This customer no longer exists."),
    "book_busy": QT_TRANSLATE_NOOP(
        "ErrorText", "Another program (an import from the command line?) is writing to the book right now. "
                     "Nothing was saved; try again in a moment."),
    "merge_same": QT_TRANSLATE_NOOP("ErrorText", "A customer cannot be merged with itself."),
    "order_conflict": QT_TRANSLATE_NOOP(
        "ErrorText", "Someone else saved this order in the meantime. Close the window and open it again."),
    "order_not_found": QT_TRANSLATE_NOOP("ErrorText", "This order no longer exists."),
    "amount_negative": QT_TRANSLATE_NOOP("ErrorText", "Amounts cannot be negative."),
    "item_empty": QT_TRANSLATE_NOOP("ErrorText", "Each item needs a product or a description."),
    "quantity_invalid": QT_TRANSLATE_NOOP("ErrorText", "Quantities must be at least 1."),
    "order_no_taken": QT_TRANSLATE_NOOP("ErrorText", "Another order already has this order number on this platform."),
    "order_no_too_long": QT_TRANSLATE_NOOP("ErrorText", "The order number is too long."),
    "text_too_long": QT_TRANSLATE_NOOP("ErrorText", "A text is too long: at most %limit characters."),
    "order_status_invalid": QT_TRANSLATE_NOOP("ErrorText", "Unknown order status."),
    "product_name_empty": QT_TRANSLATE_NOOP("ErrorText", "A product needs a name."),
    "product_name_taken": QT_TRANSLATE_NOOP("ErrorText", "There is already a product with this name."),
    "product_not_found": QT_TRANSLATE_NOOP("ErrorText", "This product no longer exists."),
    "product_conflict": QT_TRANSLATE_NOOP(
        "ErrorText", "Someone else saved this product in the meantime. Close the window and open it again."),
    "price_negative": QT_TRANSLATE_NOOP("ErrorText", "The price cannot be negative."),
    "cycle_days_invalid": QT_TRANSLATE_NOOP("ErrorText", "The usage cycle must be a positive number of days."),
    "lead_days_invalid": QT_TRANSLATE_NOOP("ErrorText", "The reminder lead time must be zero or more days."),
    "tag_name_empty": QT_TRANSLATE_NOOP("ErrorText", "A tag needs a name."),
    # marketing (core.marketing): member levels, points, coupons, segments, campaigns
    "level_name_empty": QT_TRANSLATE_NOOP("ErrorText", "A member level needs a name."),
    "level_name_taken": QT_TRANSLATE_NOOP("ErrorText", "There is already a member level called “%value”."),
    "level_threshold_missing": QT_TRANSLATE_NOOP(
        "ErrorText", "A member level needs a spend threshold, a purchase-days threshold or both."),
    "level_discount_invalid": QT_TRANSLATE_NOOP(
        "ErrorText", "The member discount must be between 1 % and 100 % of the price (100 % = no discount)."),
    "level_not_found": QT_TRANSLATE_NOOP("ErrorText", "This member level no longer exists."),
    "points_zero": QT_TRANSLATE_NOOP("ErrorText", "Enter a number of points above zero."),
    "points_insufficient": QT_TRANSLATE_NOOP("ErrorText", "The customer does not have that many points."),
    "points_exceed_order": QT_TRANSLATE_NOOP(
        "ErrorText", "That is more points than this order is worth: use at most %max points."),
    "points_rule_unknown": QT_TRANSLATE_NOOP("ErrorText", "Unknown points rule."),
    "points_rule_invalid": QT_TRANSLATE_NOOP(
        "ErrorText", "Points cannot be negative, and redeeming needs at least 1 point per yuan."),
    "setting_unknown": QT_TRANSLATE_NOOP("ErrorText", "Unknown setting."),
    "coupon_kind_invalid": QT_TRANSLATE_NOOP("ErrorText", "Unknown kind of coupon."),
    "coupon_value_invalid": QT_TRANSLATE_NOOP("ErrorText", "A coupon's value and threshold cannot be negative."),
    "coupon_expiry_invalid": QT_TRANSLATE_NOOP("ErrorText", "A coupon cannot expire before it is issued."),
    "coupon_not_found": QT_TRANSLATE_NOOP("ErrorText", "This coupon no longer exists."),
    "coupon_already_used": QT_TRANSLATE_NOOP("ErrorText", "This coupon was used already."),
    "coupon_other_customer": QT_TRANSLATE_NOOP("ErrorText", "This coupon belongs to another customer."),
    "coupon_expired": QT_TRANSLATE_NOOP("ErrorText", "This coupon expired on %value, before the order date."),
    "coupon_below_threshold": QT_TRANSLATE_NOOP(
        "ErrorText", "The goods of this order do not reach the coupon's threshold."),
    "segment_name_empty": QT_TRANSLATE_NOOP("ErrorText", "A saved segment needs a name."),
    "segment_name_taken": QT_TRANSLATE_NOOP("ErrorText", "There is already a segment called “%value”."),
    "segment_value_invalid": QT_TRANSLATE_NOOP("ErrorText", "“%value” is not a valid value for this filter."),
    "segment_key_unknown": QT_TRANSLATE_NOOP("ErrorText", "Unknown filter in the segment."),
    "segment_not_found": QT_TRANSLATE_NOOP("ErrorText", "This segment no longer exists."),
    "campaign_name_empty": QT_TRANSLATE_NOOP("ErrorText", "A campaign needs a name."),
    "campaign_body_empty": QT_TRANSLATE_NOOP("ErrorText", "A campaign needs a message."),
}


def describe(error: HuitoukeError) -> str:
    """A sentence for the error: its translated message with %detail placeholders filled, else str(error)."""
    return coded_sentence(_CONTEXT, MESSAGES, error)


def coded_sentence(context: str, messages: dict[str, str], error: HuitoukeError) -> str:
    """`messages[error.code]` translated in `context`, each %detail replaced by the error's detail of that
    name; str(error) for a code without a message."""
    source = messages.get(error.code)
    if source is None:
        return str(error)
    text = QCoreApplication.translate(context, source)
    for key, value in error.details.items():
        text = text.replace(f"%{key}", str(value))
    return text
