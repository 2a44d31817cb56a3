"""Product dialog: name, category, price, usage cycle (or the suggested one, until confirmed) and lead time."""

import datetime as dt
import functools
from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

from core.dto import ProductDTO, ProductInput
from core.products import ProductService
from ui.dialogs.lane_save import save_form
from ui.widgets.error_label import save_cancel_footer
from ui.widgets.inputs import MoneyEdit


class ProductDialog(QDialog):
    """Creates (product None) or edits a product. ``saved(ProductDTO)`` follows a successful save (core has
    re-linked the order lines and regenerated the reminders for ``today()`` by then).

    A product whose cycle is only suggested shows the suggestion and its basis; "Use suggestion" puts it in the
    cycle box, and saving confirms it as the product's cycle."""

    saved = Signal(object)

    def __init__(self, products: ProductService, product: ProductDTO | None = None, parent=None,
                 today: Callable[[], dt.date] | None = None, lane=None):
        """With a `lane` (ui.book_lane.BookLane) the save runs there, off the GUI thread (ui.dialogs.lane_save)."""
        super().__init__(parent)
        self._products, self._lane = products, lane
        self._product = product
        self._today = today
        self.setWindowTitle(self.tr("Product") if product else self.tr("New product"))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.name_edit = QLineEdit()
        self.category_edit = QLineEdit()
        self.price_edit = MoneyEdit()
        self.cycle_box = QSpinBox(minimum=0, maximum=3650, specialValueText=self.tr("not set"))
        self.cycle_box.setSuffix(self.tr(" days"))
        self.lead_box = QSpinBox(minimum=0, maximum=365, value=3)
        self.lead_box.setSuffix(self.tr(" days"))
        self.code_edit = QLineEdit()
        self.active_box = QCheckBox(self.tr("On sale"))
        self.active_box.setChecked(True)
        form.addRow(self.tr("Name:"), self.name_edit)
        form.addRow(self.tr("Category:"), self.category_edit)
        form.addRow(self.tr("Price:"), self.price_edit)
        form.addRow(self.tr("Usage cycle:"), self.cycle_box)
        self.suggestion_label = QLabel()
        self.suggestion_label.setWordWrap(True)
        self.use_suggestion_button = QPushButton(self.tr("Use suggestion"))
        self.use_suggestion_button.clicked.connect(self.use_suggestion)
        form.addRow("", self.suggestion_label)
        suggestion_row = QHBoxLayout()
        suggestion_row.addWidget(self.use_suggestion_button)
        suggestion_row.addStretch(1)
        form.addRow("", suggestion_row)
        form.addRow(self.tr("Remind before run-out:"), self.lead_box)
        form.addRow(self.tr("Seller code (SKU):"), self.code_edit)
        form.addRow("", self.active_box)
        hint = QLabel(self.tr("The usage cycle is how long one unit lasts (a 30-piece mask box ≈ 30 days). "
                              "Repurchase reminders fall due that many days after a purchase, minus the lead time."))
        hint.setWordWrap(True)
        layout.addLayout(form)
        layout.addWidget(hint)
        self.error_label, buttons = save_cancel_footer(self, layout)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        if product is not None:
            self.name_edit.setText(product.name)
            self.category_edit.setText(product.category)
            self.price_edit.set_cents(product.price_cents)
            self.cycle_box.setValue(product.cycle_days or 0)
            self.lead_box.setValue(product.lead_days)
            self.code_edit.setText(product.code)
            self.active_box.setChecked(product.active)
        self._show_suggestion()

    def _show_suggestion(self) -> None:
        product = self._product
        days = product.suggested_cycle_days if product is not None else None
        if days is None:
            self.suggestion_label.setText(self.tr("No suggestion yet: it needs customers who bought this product "
                                                  "at least twice."))
            self.use_suggestion_button.setVisible(False)
            return
        text = self.tr("Suggested from the order history: %1 days per unit (from %2 repurchase intervals).") \
            .replace("%1", str(days)).replace("%2", str(product.suggestion_basis))
        if product.cycle_is_suggested:
            text += " " + self.tr("Not confirmed yet: save with this cycle to confirm it.")
        self.suggestion_label.setText(text)
        self.use_suggestion_button.setVisible(product.cycle_days != days)

    def use_suggestion(self) -> None:
        if self._product is not None and self._product.suggested_cycle_days:
            self.cycle_box.setValue(self._product.suggested_cycle_days)

    def product_input(self) -> ProductInput:
        return ProductInput(
            name=self.name_edit.text().strip(), category=self.category_edit.text().strip(),
            price_cents=self.price_edit.cents(), cycle_days=self.cycle_box.value() or None,
            lead_days=self.lead_box.value(), code=self.code_edit.text().strip(), active=self.active_box.isChecked(),
            note=self._product.note if self._product else "")

    def save(self) -> bool:
        today = self._today() if self._today else None
        if self._product is None:
            call = functools.partial(self._products.create, self.product_input(), today=today)
        else:
            call = functools.partial(self._products.update, self._product.id, self.product_input(),
                                     self._product.version, today=today)
        return save_form(self._lane, self, self.save_button, self.error_label, call, self._saved)

    def _saved(self, product: ProductDTO) -> None:
        self._product = product
        self.saved.emit(product)
