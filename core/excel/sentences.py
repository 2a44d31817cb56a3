"""English sentences of the row problems of an import (the CLI's text and the error report; ui/ translates the
codes itself, ui.text.excel.PROBLEMS)."""

from __future__ import annotations

from core.excel.records import RowError

_ERROR_SENTENCES = {
    "date_invalid": "not a date", "date_ambiguous": "ambiguous date (day or month first?)",
    "date_without_year": "date without a year", "date_missing": "the order has no date",
    "number_invalid": "not a number", "amount_invalid": "not an amount of money",
    "quantity_invalid": "not a whole quantity", "value_invalid": "not yes or no",
    "quantity_negative": "quantity is zero or negative",
    "precision_lost": "the number was stored as a number and Excel rounded its last digits",
    "identity_missing": "no name, phone, WeChat or buyer ID", "product_missing": "no product name",
    "order_no_missing": "no order number", "order_not_in_book": "order neither in the book nor in this import",
    "duplicate_row": "the same order line as an earlier row (pasted twice?): read once, its amount counted once",
    "duplicate_rounded_row": "the same goods as an earlier row of the order, and Excel rounded their sub-order "
    "numbers, so whether it is a copy (pasted twice?) or another sub-order cannot be told: read once; if the order "
    "had two, one's amount is missing (export again with 子订单编号 as text)",
    "sheet_not_imported": "a sheet of our own export that is not imported (the After-sales page's summary: the "
    "full export's complaints and reviews sheets are); rows in it",
    "tasks_without_ids": "our export's tasks sheet without its ID columns (任务编号 / Task ID, 客户编号 / Customer ID…: "
    "deleted, or an older export): its tasks cannot find their customers, so the sheet is not imported and none "
    "of its rows becomes a customer; rows in it",
    "history_needs_customers": "this sheet of our export comes back with the export's customers sheet, for the "
    "customers that import creates: import the whole export (all sheets) into a new book",
    "cell_cut": "a cell longer than 32,767 characters was cut", "line_cut": "a line longer than 4 MB was cut",
    "encoding_mixed": "a line in another encoding, read as "
    "such", "encoding_replaced": "a line in no known encoding: unreadable characters replaced",
    "quote_unbalanced": "a quote is not closed: the lines after it were read one row each",
    "formula_without_value": "a formula cell without a saved value (open and save the file in Excel or WPS)",
    "total_row": "a total row: not a customer",
    "order_without_date": "product or amount without a date: "
    "the customer was imported, the purchase was not", "order_not_found": "order number not in the file",
}


def error_sentence(error: RowError) -> str:
    """An English sentence for a row error (ui/ translates the codes itself)."""
    text = _ERROR_SENTENCES.get(error.code, error.code)
    return f"{text}: {error.value}" if error.value else text
