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
    "refund_above_paid": QT_TRANSLATE_NOOP(
        "ErrorText", "The refund (%value) is more than what was paid (%limit): lower the refund, or keep the line "
                     "that was refunded."),
    "item_empty": QT_TRANSLATE_NOOP("ErrorText", "Each item needs a product or a description."),
    "quantity_invalid": QT_TRANSLATE_NOOP("ErrorText", "Quantities must be at least 1."),
    "order_no_taken": QT_TRANSLATE_NOOP("ErrorText", "Another order already has this order number on this platform."),
    "order_no_too_long": QT_TRANSLATE_NOOP("ErrorText", "The order number is too long."),
    "text_too_long": QT_TRANSLATE_NOOP("ErrorText", "A text is too long: at most %limit characters."),
    "order_status_invalid": QT_TRANSLATE_NOOP("ErrorText", "Unknown order status."),
    "product_name_empty": QT_TRANSLATE_NOOP("ErrorText", "A product needs a name."),
    "product_name_taken": QT_TRANSLATE_NOOP("ErrorText", "There is already a product with this name."),
    "product_not_found": QT_TRANSLATE_NOOP("ErrorText", "This product no longer exists."),
    "product_merge_same": QT_TRANSLATE_NOOP("ErrorText", "A product cannot be merged with itself."),
    "product_conflict": QT_TRANSLATE_NOOP(
        "ErrorText", "Someone else saved this product in the meantime. Close the window and open it again."),
    "price_negative": QT_TRANSLATE_NOOP("ErrorText", "The price cannot be negative."),
    "cycle_days_invalid": QT_TRANSLATE_NOOP("ErrorText", "The usage cycle must be a positive number of days."),
    "lead_days_invalid": QT_TRANSLATE_NOOP("ErrorText", "The reminder lead time must be zero or more days."),
    "tag_name_empty": QT_TRANSLATE_NOOP("ErrorText", "A tag needs a name."),
    # my shop (core.shop)
    "shop_name_too_long": QT_TRANSLATE_NOOP("ErrorText", "The shop name is too long: at most %limit characters."),
    "shop_platform_unknown": QT_TRANSLATE_NOOP("ErrorText", "Unknown platform “%value”."),
    "contact_window_invalid": QT_TRANSLATE_NOOP(
        "ErrorText", "Each contact time needs a start before its end, and the times must not overlap."),
    "daily_capacity_invalid": QT_TRANSLATE_NOOP(
        "ErrorText", "Today's list holds between 1 and %limit tasks a day."),
    # marketing (core.marketing): member levels, points, coupons, segments, campaigns
    "level_name_empty": QT_TRANSLATE_NOOP("ErrorText", "A member level needs a name."),
    "level_name_taken": QT_TRANSLATE_NOOP("ErrorText", "There is already a member level called “%value”."),
    "level_threshold_missing": QT_TRANSLATE_NOOP(
        "ErrorText", "A member level needs a spend threshold, a purchase-days threshold or both."),
    "level_discount_invalid": QT_TRANSLATE_NOOP(
        "ErrorText", "The member discount must be between 1 % and 100 % of the price (100 % = no discount)."),
    "level_not_found": QT_TRANSLATE_NOOP("ErrorText", "This member level no longer exists."),
    "points_zero": QT_TRANSLATE_NOOP("ErrorText", "Enter a number of points above zero."),
    "points_reason_missing": QT_TRANSLATE_NOOP("ErrorText", "Say why the points are given: the reason goes into "
                                                            "every customer's points ledger."),
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
    "campaign_window_invalid": QT_TRANSLATE_NOOP(
        "ErrorText", "The days to wait for an answer must be at least 1."),
    "campaign_not_found": QT_TRANSLATE_NOOP("ErrorText", "This campaign no longer exists."),
    "campaign_member_not_found": QT_TRANSLATE_NOOP("ErrorText", "This customer is not on the campaign's list."),
    "campaign_has_touches": QT_TRANSLATE_NOOP(
        "ErrorText", "This campaign has already reached customers, so it cannot be deleted."),
    "exclusion_unknown": QT_TRANSLATE_NOOP("ErrorText", "Unknown exclusion in the segment."),
    # the book, its backups and the command line (core.book, core.cli)
    "book_missing": QT_TRANSLATE_NOOP("ErrorText", "There is no book at %path. Create one with: huitouke init %path"),
    "book_exists": QT_TRANSLATE_NOOP("ErrorText", "%path already exists; it was not overwritten."),
    "book_locked": QT_TRANSLATE_NOOP(
        "ErrorText", "The book %path is open in another window or program. Close it there first."),
    "book_too_new": QT_TRANSLATE_NOOP(
        "ErrorText", "The book was written by a newer version of Huitouke. Please update the app."),
    "backup_missing": QT_TRANSLATE_NOOP("ErrorText", "There is no backup at %file."),
    "backup_damaged": QT_TRANSLATE_NOOP("ErrorText", "This backup is damaged; nothing was restored."),
    "backup_not_sqlite": QT_TRANSLATE_NOOP(
        "ErrorText", "A shared book is backed up on its server (pg_dump), not by Huitouke."),
    "batch_missing": QT_TRANSLATE_NOOP("ErrorText", "This import no longer exists."),
    "batch_already_undone": QT_TRANSLATE_NOOP("ErrorText", "This import was undone already."),
    "batch_running": QT_TRANSLATE_NOOP("ErrorText", "This import is still being written; undo it once it has "
                                                    "finished."),
    "bad_date": QT_TRANSLATE_NOOP("ErrorText", "“%value” is not a date: write it like 2026-01-31."),
    "bad_range": QT_TRANSLATE_NOOP("ErrorText", "The start date %start is after the end date %end."),
    "export_what_unknown": QT_TRANSLATE_NOOP(
        "ErrorText", "Nothing to export called “%what”: choose customers, orders, reminders, aftersales or all."),
    "export_target_is_folder": QT_TRANSLATE_NOOP(
        "ErrorText", "%path is a folder: give the export a file name, such as customers.xlsx."),
    "export_not_xlsx": QT_TRANSLATE_NOOP(
        "ErrorText", "The export is an Excel workbook: give %path the ending .xlsx (a CSV cannot hold its sheets)."),
    "export_folder_missing": QT_TRANSLATE_NOOP(
        "ErrorText", "The folder of %path does not exist: nothing was exported. Choose a folder that exists."),
    "export_folder_readonly": QT_TRANSLATE_NOOP(
        "ErrorText", "The folder of %path cannot be written to: nothing was exported. Choose another folder."),
    "demo_customers": QT_TRANSLATE_NOOP(
        "ErrorText", "A demo book cannot have %value customers: choose between 0 and 1,000,000."),
    "cancelled": QT_TRANSLATE_NOOP("ErrorText", "Cancelled: nothing was written."),
    "analytics_cancelled": QT_TRANSLATE_NOOP("ErrorText", "Cancelled: the figures were not computed."),
    "unknown_command": QT_TRANSLATE_NOOP("ErrorText", "Unknown command “%command”."),
    "command_unavailable": QT_TRANSLATE_NOOP("ErrorText", "The command “%command” is not available in this version."),
    # reminders (core.reminders)
    "customer_missing": QT_TRANSLATE_NOOP("ErrorText", "This customer no longer exists."),
    "reminder_missing": QT_TRANSLATE_NOOP("ErrorText", "This task no longer exists."),
    "reminder_changed": QT_TRANSLATE_NOOP(
        "ErrorText", "Someone else changed this task in the meantime. Refresh the list and try again."),
    "reminder_closed": QT_TRANSLATE_NOOP("ErrorText", "This task is already done or dismissed."),
    "reminder_title_empty": QT_TRANSLATE_NOOP("ErrorText", "A task needs a title."),
    "reminder_snooze_past": QT_TRANSLATE_NOOP("ErrorText", "A task can only be postponed to a later date."),
    "reminder_bad_outcome": QT_TRANSLATE_NOOP("ErrorText", "Unknown result for a task."),
    "contact_bad_channel": QT_TRANSLATE_NOOP("ErrorText", "Unknown way of contacting the customer."),
    "product_missing": QT_TRANSLATE_NOOP("ErrorText", "This product no longer exists."),
    "cycle_not_positive": QT_TRANSLATE_NOOP("ErrorText", "The usage cycle must be a positive number of days."),
    # after-sales (core.aftersales) and analytics (core.analytics)
    "complaint_kind_invalid": QT_TRANSLATE_NOOP("ErrorText", "Unknown kind of complaint."),
    "complaint_step_invalid": QT_TRANSLATE_NOOP("ErrorText", "Unknown step of a complaint."),
    "compensation_invalid": QT_TRANSLATE_NOOP("ErrorText", "Unknown kind of compensation."),
    "contact_channel_invalid": QT_TRANSLATE_NOOP("ErrorText", "Unknown way of contacting the customer."),
    "risk_sign_invalid": QT_TRANSLATE_NOOP("ErrorText", "Unknown risk sign “%value”."),
    "attempt_result_invalid": QT_TRANSLATE_NOOP("ErrorText", "Unknown result of a contact attempt."),
    "offer_invalid": QT_TRANSLATE_NOOP("ErrorText", "Unknown kind of offer for a review."),
    "outcome_invalid": QT_TRANSLATE_NOOP("ErrorText", "Unknown outcome of a review."),
    "platform_invalid": QT_TRANSLATE_NOOP("ErrorText", "Unknown platform “%value”."),
    "review_level_invalid": QT_TRANSLATE_NOOP("ErrorText", "Unknown kind of review."),
    "setting_invalid": QT_TRANSLATE_NOOP("ErrorText", "“%value” is not a valid value for this setting."),
    "unknown_selection": QT_TRANSLATE_NOOP("ErrorText", "Unknown selection of customers."),
    "unknown_rfm_segment": QT_TRANSLATE_NOOP("ErrorText", "Unknown RFM segment “%value”."),
    # the book file itself (core.book.guard, core.book.backup, core.book.db)
    "not_a_book": QT_TRANSLATE_NOOP(
        "ErrorText", "%path is not a Huitouke book. It was left exactly as it is."),
    "book_is_folder": QT_TRANSLATE_NOOP("ErrorText", "%path is a folder, not a book file. Choose a book file."),
    "book_folder_missing": QT_TRANSLATE_NOOP("ErrorText", "The folder of %path does not exist."),
    "book_folder_readonly": QT_TRANSLATE_NOOP(
        "ErrorText", "The folder of %path cannot be written to, so the book cannot be opened there. "
        "The book itself is not damaged: copy it to a folder you can write to, or change the folder's permissions."),
    "book_readonly": QT_TRANSLATE_NOOP(
        "ErrorText", "%path cannot be read and written (it is read-only). The book is not damaged: "
        "change the file's permissions or copy it elsewhere."),
    "book_layout_unknown": QT_TRANSLATE_NOOP(
        "ErrorText", "This book comes from an early test version of Huitouke and cannot be upgraded. "
        "Open a backup, or export it with the version that made it."),
    "book_closed": QT_TRANSLATE_NOOP(
        "ErrorText", "The book was closed before this work finished; nothing more was saved. Open the book again."),
    "book_checking": QT_TRANSLATE_NOOP(
        "ErrorText", "The book is still being checked; nothing was saved. Try again in a moment."),
    "book_damaged": QT_TRANSLATE_NOOP(
        "ErrorText", "The book is damaged, so nothing more is written to it. Restore a backup: "
        "Settings → Backups in the app, or huitouke restore on the command line."),
    "disk_full": QT_TRANSLATE_NOOP(
        "ErrorText", "The disk is full; nothing was saved and the book is unchanged. Free some space and try again."),
    "demo_needs_file": QT_TRANSLATE_NOOP(
        "ErrorText", "A demo book is a file on this computer: give a file path, not a server address."),
    "restore_not_sqlite": QT_TRANSLATE_NOOP(
        "ErrorText", "A shared book is restored on its server (pg_restore), not by Huitouke."),
    "backup_failed": QT_TRANSLATE_NOOP(
        "ErrorText", "The backup could not be verified, so it was not kept. The book itself is unchanged; check the "
        "disk and try again."),
    "book_unreadable": QT_TRANSLATE_NOOP(
        "ErrorText", "%path could not be read. It was left exactly as it is: check that the file is not in use or "
        "on a removed disk."),
    "scrub_failed": QT_TRANSLATE_NOOP(
        "ErrorText", "A backup could not be rewritten without the erased customer; it was left as it was."),
    # segment thresholds (core.analytics.thresholds)
    "threshold_invalid": QT_TRANSLATE_NOOP("ErrorText", "“%value” is not allowed for this threshold."),
    "threshold_unknown": QT_TRANSLATE_NOOP("ErrorText", "Unknown threshold."),
}


def describe(error: HuitoukeError) -> str:
    """A sentence for the error: its translated message with %detail placeholders filled, else str(error).
    (ui.text.cli.sentence also looks in the import's and after-sales' catalogues: the command line's words.)"""
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
