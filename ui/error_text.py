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
    "merge_same": QT_TRANSLATE_NOOP("ErrorText", "A customer cannot be merged with itself."),
    "order_conflict": QT_TRANSLATE_NOOP(
        "ErrorText", "Someone else saved this order in the meantime. Close the window and open it again."),
    "order_not_found": QT_TRANSLATE_NOOP("ErrorText", "This order no longer exists."),
    "amount_negative": QT_TRANSLATE_NOOP("ErrorText", "Amounts cannot be negative."),
    "item_empty": QT_TRANSLATE_NOOP("ErrorText", "Each item needs a product or a description."),
    "quantity_invalid": QT_TRANSLATE_NOOP("ErrorText", "Quantities must be at least 1."),
    "order_no_taken": QT_TRANSLATE_NOOP("ErrorText", "Another order already has this order number on this platform."),
    "order_no_too_long": QT_TRANSLATE_NOOP("ErrorText", "The order number is too long."),
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
}


def describe(error: HuitoukeError) -> str:
    """A sentence for the error: its translated message with %detail placeholders filled, else str(error)."""
    source = MESSAGES.get(error.code)
    if source is None:
        return str(error)
    text = QCoreApplication.translate(_CONTEXT, source)
    for key, value in error.details.items():
        text = text.replace(f"%{key}", str(value))
    return text
