"""Paste from chat, end to end: clipboard → paste dialog → customer saved → order dialog with the items
(filled by the order dialog itself: `OrderDialog.fill_from_message`)."""

from collections.abc import Sequence

from PySide6.QtWidgets import QDialog, QWidget

from core.customers import CustomerService
from core.dto import CustomerDetail, ProductDTO
from core.orders import OrderService
from core.products import ProductService
from core.smartpaste.apply import usable_phones
from ui.dialogs.order import OrderDialog
from ui.dialogs.paste import PasteDialog, clipboard_text


def _names(products: Sequence[ProductDTO]) -> list[str]:
    return [product.name for product in products]


def run_paste_flow(parent: QWidget, book, text: str | None = None) -> CustomerDetail | None:
    """Ctrl+Shift+V: read *text* (default: the clipboard), let the seller confirm the customer — matched
    by phone or new — and, when asked, open a new order for them with the items filled in.

    Returns the saved customer, or None when the seller cancelled.
    """
    customers, orders = CustomerService(book), OrderService(book)
    product_list = ProductService(book).list(include_inactive=False)
    paste = PasteDialog(customers, _names(product_list), clipboard_text() if text is None else text, parent=parent)
    if paste.exec() != QDialog.DialogCode.Accepted:
        return None
    if paste.with_order:
        order = OrderDialog(orders, customers, product_list, customer_id=paste.customer.id, parent=parent)
        order.fill_from_message(paste.parsed())
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
