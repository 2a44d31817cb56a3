"""Paste from chat, end to end: clipboard → paste dialog → customer saved → order dialog with the items."""

from collections.abc import Sequence

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QWidget

from core.customers import CustomerService
from core.dto import CustomerDetail, ProductDTO
from core.orders import OrderService
from core.products import ProductService
from core.smartpaste import ParsedMessage
from core.smartpaste.apply import order_items, receiver_of, usable_phones
from ui.dialogs.paste import PasteDialog


def clipboard_text() -> str:
    """The text on the system clipboard (empty when it holds none)."""
    return QGuiApplication.clipboard().text()


def _names(products: Sequence[ProductDTO]) -> list[str]:
    return [product.name for product in products]


def prefill_order_dialog(dialog, parsed: ParsedMessage, products: Sequence[ProductDTO]) -> None:
    """Put the pasted items (the seller's products with their prices where they match), the pasted total
    and the receiver (name, phone, address) into an OrderDialog, replacing the rows it has."""
    lines = order_items(parsed, products)
    if lines:
        dialog.items_table.setRowCount(0)
        for line in lines:
            dialog.add_item(line.product_id, line.title, line.quantity, line.unit_price_cents)
    if parsed.amount_cents is not None:
        dialog.paid_edit.set_cents(parsed.amount_cents)
    dialog.set_receiver(*receiver_of(parsed))


def run_paste_flow(parent: QWidget, book, text: str | None = None) -> CustomerDetail | None:
    """Ctrl+Shift+V: read *text* (default: the clipboard), let the seller confirm the customer — matched
    by phone or new — and, when asked, open a new order for them with the items filled in.

    Returns the saved customer, or None when the seller cancelled.
    """
    from ui.dialogs.order import OrderDialog

    customers, orders = CustomerService(book), OrderService(book)
    product_list = ProductService(book).list(include_inactive=False)
    paste = PasteDialog(customers, _names(product_list), clipboard_text() if text is None else text, parent=parent)
    if paste.exec() != QDialog.DialogCode.Accepted:
        return None
    if paste.with_order:
        order = OrderDialog(orders, customers, product_list, customer_id=paste.customer.id, parent=parent)
        prefill_order_dialog(order, paste.parsed(), product_list)
        order.exec()
    return paste.customer


def paste_into_customer_dialog(dialog, customers: CustomerService) -> bool:
    """The Paste button of the customer dialog: fill its contact and address fields from a chat message.

    Nothing is saved here; the customer dialog's own Save does that. Returns whether fields were filled.
    """
    paste = PasteDialog(customers, (), clipboard_text(), save=False, parent=dialog)
    if paste.exec() != QDialog.DialogCode.Accepted:
        return False
    parsed = paste.parsed()
    phones = usable_phones(parsed) or parsed.phones
    values = {"name": parsed.name, "phone": phones[0] if phones else None, "province": parsed.province,
              "city": parsed.city, "district": parsed.district, "address_detail": parsed.detail,
              "postcode": parsed.postcode}
    for field, value in values.items():
        if value:
            dialog.edits[field].setText(value)
    dialog.edits["phone"].editingFinished.emit()  # the dialog's own check: masked, invalid, already taken
    return True


def paste_into_order_dialog(dialog, customers: CustomerService, products: Sequence[ProductDTO]) -> bool:
    """The Paste button of the order dialog: items and amount from a chat message; when the order has no
    customer yet, the customer too (matched by phone, or created). Returns whether anything was filled."""
    paste = PasteDialog(customers, _names(products), clipboard_text(), save=dialog.customer_id is None,
                        offer_order=False, parent=dialog)
    if paste.exec() != QDialog.DialogCode.Accepted:
        return False
    if paste.customer is not None:
        dialog.customer_id = paste.customer.id
    prefill_order_dialog(dialog, paste.parsed(), products)
    return True
