"""Paste from chat: the fields read from a pasted message, editable, with the unsure ones highlighted."""

import dataclasses
from collections.abc import Sequence

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.customers import CustomerService
from core.dto import CustomerDetail
from core.errors import HuitoukeError
from core.phones import is_masked_phone
from core.smartpaste import ParsedMessage, parse_message
from core.smartpaste.apply import address_differs, find_customer, save_customer
from core.smartpaste.numerals import parse_number
from ui.text.errors import describe
from ui.widgets.error_label import error_label

# An orange frame reads well on light and dark palettes, unlike a background tint.
UNSURE_STYLE = "QLineEdit[unsure=\"true\"], QTableWidget[unsure=\"true\"] { border: 2px solid #f08c00; }"
REPARSE_DELAY_MS = 250
_LINE_FIELDS = ("name", "phones", "province", "city", "district", "detail", "postcode", "amount_cents")


def format_yuan(cents: int | None) -> str:
    """128.00 for 12800 fen; empty for None."""
    return "" if cents is None else f"{cents / 100:.2f}"


def parse_yuan(text: str) -> int | None:
    """Fen from what the seller typed in the amount box (¥128, 128.5); None when empty or not a number."""
    cleaned = text.strip().lstrip("¥￥").replace(",", "").strip()
    try:
        value = float(cleaned)
    except ValueError:
        return None
    return round(value * 100) if 0 <= value < 100_000_000 else None


class PasteDialog(QDialog):
    """Shows what smart paste read from *text* and lets the seller correct it before it is used.

    ``parsed()`` is the message as edited; ``matched`` the existing customer with one of its phones (or
    None: a new customer); ``update_address()`` whether the seller wants that customer's address replaced.
    With ``save`` True, Enter (OK) saves the customer — created, or matched and updated — into
    ``customer``, and a core error keeps the dialog open with the reason; ``with_order`` then says whether
    the seller asked for an order with the items (offered when saving and ``offer_order``). ``reparsed``
    follows each reading of the text box.
    """

    reparsed = Signal()

    def __init__(self, customers: CustomerService, product_names: Sequence[str], text: str = "",
                 save: bool = True, offer_order: bool = True, parent=None):
        super().__init__(parent)
        self._customers = customers
        self._product_names = tuple(product_names)
        self._parsed = ParsedMessage()
        self._save = save
        self.matched: CustomerDetail | None = None
        self.customer: CustomerDetail | None = None
        offer_order = save and offer_order
        self.setWindowTitle(self.tr("Paste from chat"))
        self.setStyleSheet(UNSURE_STYLE)
        self.resize(640, 660)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Message:")))
        self.text_edit = QPlainTextEdit()
        self.text_edit.setObjectName("message")
        self.text_edit.setPlaceholderText(self.tr("Paste the buyer's message here"))
        self.text_edit.setFixedHeight(96)
        self.text_edit.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout.addWidget(self.text_edit)
        layout.addWidget(self._build_fields())
        self.legend = QLabel(self.tr("Fields with an orange frame were guessed: please check them."))
        self.legend.setObjectName("legend")
        self.legend.setWordWrap(True)
        layout.addWidget(self.legend)
        layout.addWidget(self._build_match())
        self.order_box = QCheckBox(self.tr("Then open a new order with these items"))
        self.order_box.setObjectName("with_order")
        self.order_box.setVisible(offer_order)
        layout.addWidget(self.order_box)
        self.error_label = error_label()
        layout.addWidget(self.error_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._offer_order = offer_order
        self._reparse_timer = QTimer(self, singleShot=True, interval=REPARSE_DELAY_MS)
        self._reparse_timer.timeout.connect(self._on_reparse_timer_timeout)
        self.text_edit.setPlainText(text)
        self.read_message()
        self.text_edit.textChanged.connect(self._reparse_timer.start)
        self.edits["name"].setFocus()

    # --- building -----------------------------------------------------------------------------------
    def _build_fields(self) -> QWidget:
        labels = {
            "name": self.tr("Name:"), "phones": self.tr("Phone:"), "province": self.tr("Province:"),
            "city": self.tr("City:"), "district": self.tr("District:"), "detail": self.tr("Address:"),
            "postcode": self.tr("Postcode:"), "amount_cents": self.tr("Amount (yuan):"),
        }
        box = QWidget()
        form = QFormLayout(box)
        form.setContentsMargins(0, 0, 0, 0)
        self.edits: dict[str, QLineEdit] = {}
        for name in _LINE_FIELDS:
            edit = QLineEdit()
            edit.setObjectName(name)
            self.edits[name] = edit
            form.addRow(labels[name], edit)
        self.edits["phones"].setPlaceholderText(self.tr("Several numbers: separate with a comma"))
        self.edits["phones"].editingFinished.connect(self._on_phones_editing_finished)
        for name in ("province", "city", "district", "detail"):
            self.edits[name].editingFinished.connect(self._show_match)
        self.items_table = QTableWidget(0, 2)
        self.items_table.setObjectName("items")
        self.items_table.setHorizontalHeaderLabels([self.tr("Product"), self.tr("Quantity")])
        self.items_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.items_table.verticalHeader().setVisible(False)
        self.items_table.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.items_table.setFixedHeight(110)
        form.addRow(self.tr("Items:"), self.items_table)
        return box

    def _build_match(self) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 4, 0, 0)
        self.match_label = QLabel()
        self.match_label.setObjectName("match_label")
        self.match_label.setWordWrap(True)
        self.match_label.setTextFormat(Qt.TextFormat.PlainText)
        self.update_address_box = QCheckBox()
        self.update_address_box.setObjectName("update_address")
        self.update_address_box.setChecked(True)
        column.addWidget(self.match_label)
        row = QHBoxLayout()
        row.addWidget(self.update_address_box, 1)
        column.addLayout(row)
        return box

    # --- reading ------------------------------------------------------------------------------------
    def read_message(self) -> None:
        """Parse the text box again and show the result (the seller's edits to the fields are replaced)."""
        self._parsed = parse_message(self.text_edit.toPlainText(), self._product_names)
        parsed = self._parsed
        values = {"name": parsed.name, "phones": ", ".join(parsed.phones), "province": parsed.province,
                  "city": parsed.city, "district": parsed.district, "detail": parsed.detail,
                  "postcode": parsed.postcode, "amount_cents": format_yuan(parsed.amount_cents)}
        for name, value in values.items():
            self.edits[name].setText(value or "")
        self.items_table.setRowCount(0)
        for product, quantity in parsed.items:
            self._add_item_row(product, quantity)
        if self._offer_order:
            self.order_box.setChecked(bool(parsed.items))
        self._mark_unsure()
        self._show_match()
        self.reparsed.emit()

    def _add_item_row(self, product: str, quantity: float) -> None:
        row = self.items_table.rowCount()
        self.items_table.insertRow(row)
        self.items_table.setItem(row, 0, QTableWidgetItem(product))
        count = QTableWidgetItem(f"{quantity:g}")
        count.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.items_table.setItem(row, 1, count)

    def unsure_fields(self) -> set[str]:
        """Fields shown with the orange frame: guessed by the parser, or a name or phone that is missing."""
        unsure = set(self._parsed.uncertain)
        if not self._parsed.name:
            unsure.add("name")
        if not self._parsed.phones:
            unsure.add("phones")
        return unsure

    def _mark_unsure(self) -> None:
        unsure = self.unsure_fields()
        hint = self.tr("Not sure: please check")
        widgets = {**self.edits, "items": self.items_table}
        for name, widget in widgets.items():
            flagged = name in unsure
            widget.setProperty("unsure", flagged)
            widget.setToolTip(hint if flagged else "")
            widget.style().unpolish(widget)
            widget.style().polish(widget)
        self.legend.setVisible(bool(unsure))

    def _on_reparse_timer_timeout(self) -> None:
        self.read_message()

    def _on_phones_editing_finished(self) -> None:
        self._show_match()

    # --- the customer -------------------------------------------------------------------------------
    def _show_match(self) -> None:
        parsed = self.parsed()
        self.matched = find_customer(self._customers, parsed)
        if self.matched is None:
            if parsed.phones and all(is_masked_phone(phone) for phone in parsed.phones):
                self.match_label.setText(self.tr(
                    "A masked phone number cannot find a customer: a new customer will be created."))
            else:
                self.match_label.setText(self.tr("No customer has this phone: a new customer will be created."))
            self.update_address_box.setVisible(False)
            return
        fields = self.matched.fields
        phone = fields.phone or self.matched.phone_norm
        self.match_label.setText(self.tr("Existing customer: %1 (%2).").replace("%1", self.matched.name or "—")
                                 .replace("%2", phone))
        differs = address_differs(fields, parsed)
        self.update_address_box.setVisible(differs)
        if differs:
            old = "".join(p for p in (fields.province, fields.city if fields.city != fields.province else "",
                                      fields.district, fields.address_detail) if p) or self.tr("none")
            self.update_address_box.setText(self.tr("Update their address (now: %1)").replace("%1", old))

    def update_address(self) -> bool:
        """Whether the matched customer's address is to be replaced by the pasted one."""
        return self.matched is not None and not self.update_address_box.isHidden() \
            and self.update_address_box.isChecked()

    def accept(self) -> None:
        """Save the customer when asked to (see the class docstring), then close."""
        if self._save:
            try:
                self.customer = save_customer(self._customers, self.parsed(), self.matched, self.update_address())
            except HuitoukeError as exc:
                self.error_label.setText(describe(exc))
                return
        super().accept()

    @property
    def with_order(self) -> bool:
        return self._offer_order and self.order_box.isChecked()

    def parsed(self) -> ParsedMessage:
        """The message as the fields now say (what the seller corrected included)."""
        text = {name: edit.text().strip() for name, edit in self.edits.items()}
        phones = tuple(p.strip() for p in text["phones"].replace("，", ",").replace("/", ",").split(",") if p.strip())
        items = []
        for row in range(self.items_table.rowCount()):
            product = (self.items_table.item(row, 0).text() if self.items_table.item(row, 0) else "").strip()
            quantity = parse_number(self.items_table.item(row, 1).text() if self.items_table.item(row, 1) else "")
            if product and quantity:
                items.append((product, int(quantity) if quantity == int(quantity) else quantity))
        return dataclasses.replace(
            self._parsed, name=text["name"] or None, phones=phones, province=text["province"] or None,
            city=text["city"] or None, district=text["district"] or None, detail=text["detail"] or None,
            postcode=text["postcode"] or None, items=tuple(items), amount_cents=parse_yuan(text["amount_cents"]))


def clipboard_text() -> str:
    """The text on the system clipboard (empty when it holds none)."""
    return QGuiApplication.clipboard().text()
