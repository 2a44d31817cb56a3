"""Translated words for the spreadsheet import and export: fields, presets, row problems and refusals."""

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from core.errors import HuitoukeError
from ui.text.errors import coded_sentence

_CONTEXT = "ExcelLabels"

FIELDS = {
    "": QT_TRANSLATE_NOOP("ExcelLabels", "(not imported)"),
    "name": QT_TRANSLATE_NOOP("ExcelLabels", "Name / nickname"),
    "real_name": QT_TRANSLATE_NOOP("ExcelLabels", "Real name"),
    "phone": QT_TRANSLATE_NOOP("ExcelLabels", "Phone"),
    "phone_alt": QT_TRANSLATE_NOOP("ExcelLabels", "Other phone"),
    "wechat_id": QT_TRANSLATE_NOOP("ExcelLabels", "WeChat ID"),
    "qq": QT_TRANSLATE_NOOP("ExcelLabels", "QQ"),
    "platform_buyer_id": QT_TRANSLATE_NOOP("ExcelLabels", "Buyer ID"),
    "email": QT_TRANSLATE_NOOP("ExcelLabels", "Email"),
    "address": QT_TRANSLATE_NOOP("ExcelLabels", "Whole address"),
    "province": QT_TRANSLATE_NOOP("ExcelLabels", "Province"),
    "city": QT_TRANSLATE_NOOP("ExcelLabels", "City"),
    "district": QT_TRANSLATE_NOOP("ExcelLabels", "District"),
    "street": QT_TRANSLATE_NOOP("ExcelLabels", "Street"),
    "address_detail": QT_TRANSLATE_NOOP("ExcelLabels", "Address detail"),
    "postcode": QT_TRANSLATE_NOOP("ExcelLabels", "Postcode"),
    "gender": QT_TRANSLATE_NOOP("ExcelLabels", "Gender"),
    "birthday": QT_TRANSLATE_NOOP("ExcelLabels", "Birthday"),
    "tags": QT_TRANSLATE_NOOP("ExcelLabels", "Tags"),
    "source_channel": QT_TRANSLATE_NOOP("ExcelLabels", "Source"),
    "note": QT_TRANSLATE_NOOP("ExcelLabels", "Note"),
    "personality": QT_TRANSLATE_NOOP("ExcelLabels", "Personality"),
    "customer_ref": QT_TRANSLATE_NOOP("ExcelLabels", "Customer number in this file"),
    "keep": QT_TRANSLATE_NOOP("ExcelLabels", "Keep in the customer's note"),
    "platform": QT_TRANSLATE_NOOP("ExcelLabels", "Platform"),
    "platform_order_no": QT_TRANSLATE_NOOP("ExcelLabels", "Order number"),
    "status": QT_TRANSLATE_NOOP("ExcelLabels", "Order status"),
    "after_sale_status": QT_TRANSLATE_NOOP("ExcelLabels", "After-sales status"),
    "created_at": QT_TRANSLATE_NOOP("ExcelLabels", "Order date"),
    "paid_at": QT_TRANSLATE_NOOP("ExcelLabels", "Paid at"),
    "shipped_at": QT_TRANSLATE_NOOP("ExcelLabels", "Shipped at"),
    "delivered_at": QT_TRANSLATE_NOOP("ExcelLabels", "Delivered at"),
    "completed_at": QT_TRANSLATE_NOOP("ExcelLabels", "Completed at"),
    "closed_at": QT_TRANSLATE_NOOP("ExcelLabels", "Closed at"),
    "goods_cents": QT_TRANSLATE_NOOP("ExcelLabels", "Goods amount"),
    "postage_cents": QT_TRANSLATE_NOOP("ExcelLabels", "Postage"),
    "discount_cents": QT_TRANSLATE_NOOP("ExcelLabels", "Discount"),
    "paid_cents": QT_TRANSLATE_NOOP("ExcelLabels", "Amount paid"),
    "refund_cents": QT_TRANSLATE_NOOP("ExcelLabels", "Refunded"),
    "tracking_no": QT_TRANSLATE_NOOP("ExcelLabels", "Tracking number"),
    "carrier": QT_TRANSLATE_NOOP("ExcelLabels", "Carrier"),
    "buyer_message": QT_TRANSLATE_NOOP("ExcelLabels", "Buyer message"),
    "seller_note": QT_TRANSLATE_NOOP("ExcelLabels", "Seller note"),
    "receiver_name": QT_TRANSLATE_NOOP("ExcelLabels", "Receiver"),
    "receiver_phone": QT_TRANSLATE_NOOP("ExcelLabels", "Receiver phone"),
    "receiver_address": QT_TRANSLATE_NOOP("ExcelLabels", "Receiver address"),
    "product_title": QT_TRANSLATE_NOOP("ExcelLabels", "Product"),
    "sku_spec": QT_TRANSLATE_NOOP("ExcelLabels", "Spec"),
    "quantity": QT_TRANSLATE_NOOP("ExcelLabels", "Quantity"),
    "unit_price_cents": QT_TRANSLATE_NOOP("ExcelLabels", "Unit price"),
    "amount_cents": QT_TRANSLATE_NOOP("ExcelLabels", "Line amount"),
    "line_ref": QT_TRANSLATE_NOOP("ExcelLabels", "Order line number (sub-order)"),
    "line_state": QT_TRANSLATE_NOOP("ExcelLabels", "Sub-order state (Huitouke export)"),
    "removed_line_refs": QT_TRANSLATE_NOOP("ExcelLabels", "Removed sub-order numbers (Huitouke export)"),
    "line_product": QT_TRANSLATE_NOOP("ExcelLabels", "Linked product (Huitouke export)"),
    "product_name": QT_TRANSLATE_NOOP("ExcelLabels", "Product name"),
    "category": QT_TRANSLATE_NOOP("ExcelLabels", "Category"),
    "price_cents": QT_TRANSLATE_NOOP("ExcelLabels", "Price"),
    "cycle_days": QT_TRANSLATE_NOOP("ExcelLabels", "Usage cycle (days)"),
    "lead_days": QT_TRANSLATE_NOOP("ExcelLabels", "Remind days before"),
    "product_code": QT_TRANSLATE_NOOP("ExcelLabels", "Product code (SKU)"),
    "product_active": QT_TRANSLATE_NOOP("ExcelLabels", "Product status (on sale / discontinued)"),
    "product_note": QT_TRANSLATE_NOOP("ExcelLabels", "Product note"),
    "aliases": QT_TRANSLATE_NOOP("ExcelLabels", "Other accounts (one \"kind: value\" a line)"),
}

PRESETS = {
    "own": QT_TRANSLATE_NOOP("ExcelLabels", "My own sheet"),
    "taobao": QT_TRANSLATE_NOOP("ExcelLabels", "Taobao / Tmall order report"),
    "taobao_detail": QT_TRANSLATE_NOOP("ExcelLabels", "Taobao order items (detail file)"),
    "pinduoduo": QT_TRANSLATE_NOOP("ExcelLabels", "Pinduoduo orders"),
    "douyin": QT_TRANSLATE_NOOP("ExcelLabels", "Douyin shop orders"),
    "youzan": QT_TRANSLATE_NOOP("ExcelLabels", "Youzan orders"),
    "youzan_customers": QT_TRANSLATE_NOOP("ExcelLabels", "Youzan customers"),
    "products": QT_TRANSLATE_NOOP("ExcelLabels", "Products and usage cycles"),
    "huitouke_customers": QT_TRANSLATE_NOOP("ExcelLabels", "Huitouke export: customers"),
    "huitouke_customers_en": QT_TRANSLATE_NOOP("ExcelLabels", "Huitouke export: customers (English)"),
    "huitouke_orders": QT_TRANSLATE_NOOP("ExcelLabels", "Huitouke export: orders"),
    "huitouke_orders_en": QT_TRANSLATE_NOOP("ExcelLabels", "Huitouke export: orders (English)"),
    "huitouke_reminders": QT_TRANSLATE_NOOP("ExcelLabels", "Huitouke export: reminders (not imported)"),
    "huitouke_reminders_en": QT_TRANSLATE_NOOP("ExcelLabels", "Huitouke export: reminders, English (not imported)"),
    "huitouke_tasks": QT_TRANSLATE_NOOP("ExcelLabels", "Huitouke export: tasks (for new customers)"),
    "huitouke_tasks_en": QT_TRANSLATE_NOOP("ExcelLabels", "Huitouke export: tasks, English (for new customers)"),
    "huitouke_complaints": QT_TRANSLATE_NOOP("ExcelLabels", "Huitouke export: complaints (for new customers)"),
    "huitouke_complaints_en": QT_TRANSLATE_NOOP(
        "ExcelLabels", "Huitouke export: complaints, English (for new customers)"),
    "huitouke_reviews": QT_TRANSLATE_NOOP("ExcelLabels", "Huitouke export: mid and bad reviews (for new customers)"),
    "huitouke_reviews_en": QT_TRANSLATE_NOOP(
        "ExcelLabels", "Huitouke export: mid and bad reviews, English (for new customers)"),
    "huitouke_coupons": QT_TRANSLATE_NOOP("ExcelLabels", "Huitouke export: coupons (for new customers)"),
    "huitouke_coupons_en": QT_TRANSLATE_NOOP("ExcelLabels", "Huitouke export: coupons, English (for new customers)"),
    "huitouke_contacts": QT_TRANSLATE_NOOP("ExcelLabels", "Huitouke export: contact log (for new customers)"),
    "huitouke_contacts_en": QT_TRANSLATE_NOOP(
        "ExcelLabels", "Huitouke export: contact log, English (for new customers)"),
    "huitouke_levels": QT_TRANSLATE_NOOP("ExcelLabels", "Huitouke export: member levels"),
    "huitouke_levels_en": QT_TRANSLATE_NOOP("ExcelLabels", "Huitouke export: member levels (English)"),
    "huitouke_templates": QT_TRANSLATE_NOOP("ExcelLabels", "Huitouke export: message templates"),
    "huitouke_templates_en": QT_TRANSLATE_NOOP("ExcelLabels", "Huitouke export: message templates (English)"),
    "huitouke_points": QT_TRANSLATE_NOOP("ExcelLabels", "Huitouke export: points ledger (for new customers)"),
    "huitouke_points_en": QT_TRANSLATE_NOOP(
        "ExcelLabels", "Huitouke export: points ledger, English (for new customers)"),
    "huitouke_campaigns": QT_TRANSLATE_NOOP("ExcelLabels", "Huitouke export: marketing campaigns"),
    "huitouke_campaigns_en": QT_TRANSLATE_NOOP("ExcelLabels", "Huitouke export: marketing campaigns (English)"),
    "huitouke_campaign_members": QT_TRANSLATE_NOOP(
        "ExcelLabels", "Huitouke export: campaign customers (for new customers)"),
    "huitouke_campaign_members_en": QT_TRANSLATE_NOOP(
        "ExcelLabels", "Huitouke export: campaign customers, English (for new customers)"),
    "huitouke_products": QT_TRANSLATE_NOOP("ExcelLabels", "Huitouke export: products"),
    "huitouke_products_en": QT_TRANSLATE_NOOP("ExcelLabels", "Huitouke export: products (English)"),
    "huitouke_tags": QT_TRANSLATE_NOOP("ExcelLabels", "Huitouke export: tags"),
    "huitouke_tags_en": QT_TRANSLATE_NOOP("ExcelLabels", "Huitouke export: tags (English)"),
    "huitouke_aftersales": QT_TRANSLATE_NOOP("ExcelLabels", "Huitouke export: after-sales (not imported)"),
    "huitouke_aftersales_en": QT_TRANSLATE_NOOP("ExcelLabels", "Huitouke export: after-sales, English (not imported)"),
}

PROBLEMS = {
    "date_invalid": QT_TRANSLATE_NOOP("ExcelLabels", "not a date"),
    "date_ambiguous": QT_TRANSLATE_NOOP("ExcelLabels", "ambiguous date (day or month first)"),
    "date_without_year": QT_TRANSLATE_NOOP("ExcelLabels", "date without a year"),
    "date_missing": QT_TRANSLATE_NOOP("ExcelLabels", "the order has no date"),
    "number_invalid": QT_TRANSLATE_NOOP("ExcelLabels", "not a number"),
    "amount_invalid": QT_TRANSLATE_NOOP("ExcelLabels", "not an amount of money"),
    "quantity_invalid": QT_TRANSLATE_NOOP("ExcelLabels", "not a whole quantity"),
    "quantity_negative": QT_TRANSLATE_NOOP("ExcelLabels", "quantity is zero or negative"),
    "precision_lost": QT_TRANSLATE_NOOP(
        "ExcelLabels", "long number stored as a number: Excel already rounded its last digits (format the column as text)"),
    "identity_missing": QT_TRANSLATE_NOOP("ExcelLabels", "no name, phone, WeChat ID or buyer ID"),
    "product_missing": QT_TRANSLATE_NOOP("ExcelLabels", "no product name"),
    "order_no_missing": QT_TRANSLATE_NOOP("ExcelLabels", "no order number"),
    "value_invalid": QT_TRANSLATE_NOOP("ExcelLabels", "not yes or no"),
    "order_without_date": QT_TRANSLATE_NOOP(
        "ExcelLabels", "product or amount without a date: the customer was imported, the purchase was not"),
    "order_not_in_book": QT_TRANSLATE_NOOP(
        "ExcelLabels", "this order is neither in the book nor in this import: import the order report first"),
    "duplicate_row": QT_TRANSLATE_NOOP(
        "ExcelLabels", "the same order line as an earlier row (pasted twice?): read once, its amount counted once"),
    "duplicate_rounded_row": QT_TRANSLATE_NOOP(
        "ExcelLabels", "the same goods as an earlier row of the order, and Excel rounded their sub-order numbers, so "
        "whether it is a copy (pasted twice?) or another sub-order cannot be told: read once; if the order had two, "
        "one's amount is missing (export again with 子订单编号 formatted as text)"),
    "total_row": QT_TRANSLATE_NOOP("ExcelLabels", "a total row (合计 / 总计 / 小计): not a customer"),
    "sheet_not_imported": QT_TRANSLATE_NOOP(
        "ExcelLabels", "this sheet of a Huitouke export is not imported (the After-sales page's summary: the full "
        "export's complaints and reviews sheets are); rows"),
    "tasks_without_ids": QT_TRANSLATE_NOOP(
        "ExcelLabels", "the tasks sheet of a Huitouke export without its ID columns (任务编号 / Task ID, 客户编号 / "
        "Customer ID…: deleted, or an older export): its tasks cannot find their customers, so the sheet is not "
        "imported and none of its rows becomes a customer; rows"),
    "history_needs_customers": QT_TRANSLATE_NOOP(
        "ExcelLabels", "this sheet of a Huitouke export comes back with the export's customers sheet, for the "
        "customers that import creates: import the whole export (“all”) into a new book"),
    "cell_cut": QT_TRANSLATE_NOOP("ExcelLabels", "a cell longer than 32,767 characters was cut (characters)"),
    "line_cut": QT_TRANSLATE_NOOP("ExcelLabels", "a line longer than 4 MB was cut"),
    "encoding_mixed": QT_TRANSLATE_NOOP("ExcelLabels", "this line is in another encoding than the file; read as"),
    "encoding_replaced": QT_TRANSLATE_NOOP(
        "ExcelLabels", "this line is in no known encoding: unreadable characters replaced"),
    "quote_unbalanced": QT_TRANSLATE_NOOP(
        "ExcelLabels", "a quote is not closed: the lines after it were read one row each"),
    "formula_without_value": QT_TRANSLATE_NOOP(
        "ExcelLabels", "a formula without a saved value, read as empty (open the file in Excel or WPS and save it)"),
}

REFUSALS = {
    "not_a_spreadsheet": QT_TRANSLATE_NOOP("ExcelLabels", "%file is not a spreadsheet that can be read."),
    "empty": QT_TRANSLATE_NOOP("ExcelLabels", "%file is empty."),
    "encrypted": QT_TRANSLATE_NOOP(
        "ExcelLabels", "%file is protected by a password. Open it in Excel or WPS, remove the password and save it again."),
    "too_large": QT_TRANSLATE_NOOP("ExcelLabels", "%file is too large to import in one go; split it into smaller files."),
    "far_cells": QT_TRANSLATE_NOOP(
        "ExcelLabels", "%file has cells as far out as row %rows, column %columns, well past any table, and was not "
        "opened. In Excel or WPS delete the empty rows and columns after your table and save it again."),
    "zip_bomb": QT_TRANSLATE_NOOP(
        "ExcelLabels", "%file looks unsafe (it would unpack to far more than its size) and was not opened."),
    "no_header": QT_TRANSLATE_NOOP("ExcelLabels", "No header row was found in %file."),
    "no_identity_column": QT_TRANSLATE_NOOP(
        "ExcelLabels", "No column of %file tells who the customer is (name, phone, WeChat ID or buyer ID). "
        "Choose one in the column list."),
    "unreadable": QT_TRANSLATE_NOOP("ExcelLabels", "%file could not be read."),
    "file_changed": QT_TRANSLATE_NOOP(
        "ExcelLabels", "%file was changed after it was opened here (saved again in Excel or WPS?): open it again."),
    "rows_rejected": QT_TRANSLATE_NOOP(
        "ExcelLabels", "%rows rows have problems and “all or nothing” is on, so nothing was imported."),
    "cancelled": QT_TRANSLATE_NOOP("ExcelLabels", "Cancelled: nothing was imported."),
    "no_data_rows": QT_TRANSLATE_NOOP("ExcelLabels", "%file has a header row but no data rows: nothing was imported."),
    "no_row_imported": QT_TRANSLATE_NOOP(
        "ExcelLabels", "None of the %rows rows of %file can be imported, so nothing was written. "
        "Check the first problems with “Check only”."),
}


def field_label(field: str) -> str:
    return QCoreApplication.translate(_CONTEXT, FIELDS.get(field, field))


def preset_label(key: str) -> str:
    return QCoreApplication.translate(_CONTEXT, PRESETS.get(key, key))


def problem_text(code: str, value: str = "") -> str:
    """A translated reason a row was skipped, with the cell's value when there is one."""
    text = QCoreApplication.translate(_CONTEXT, PROBLEMS[code]) if code in PROBLEMS else code
    if not value:
        return text
    return QCoreApplication.translate("ExcelLabels", "%1: %2").replace("%1", text).replace("%2", value)


def refusal_text(error: HuitoukeError) -> str:
    """A translated sentence for a file refused as a whole (ImportRejected / Cancelled)."""
    return coded_sentence(_CONTEXT, REFUSALS, error)
