"""The order dialog's member-discount line: the customer's level and what its discount takes off the goods,
with a button that writes it into the order's discount (nothing is applied until the seller accepts)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from ui.text.labels import money


class MemberDiscountWidget(QWidget):
    """`marketing` is a core MarketingService. `accepted(cents)` when the seller applies the suggestion."""

    accepted = Signal(int)

    def __init__(self, marketing, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._marketing = marketing
        self._discount = None
        self._goods = 0
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.text_label = QLabel()
        self.apply_button = QPushButton(self.tr("Apply"))
        self.apply_button.setToolTip(self.tr("Put the member discount into the order's discount"))
        self.apply_button.clicked.connect(self._on_apply_button_clicked)
        row.addWidget(self.text_label, 1)
        row.addWidget(self.apply_button)
        self.setVisible(False)

    def set_customer(self, customer_id: int | None) -> None:
        """Look up the customer's member discount; the line hides when their level takes nothing off."""
        self._discount = self._marketing.member_discount(customer_id)
        self._refresh()

    def set_goods(self, goods_cents: int) -> None:
        self._goods = goods_cents
        self._refresh()

    def suggested_cents(self) -> int:
        return self._discount.cents_off(self._goods) if self._discount else 0

    def _refresh(self) -> None:
        self.setVisible(self._discount is not None)
        if self._discount is None:
            return
        self.text_label.setText(self.tr("%1: pays %2 % of the goods → −%3").replace("%1", self._discount.level)
                                .replace("%2", str(self._discount.percent)).replace("%3", money(self.suggested_cents())))
        self.apply_button.setEnabled(self.suggested_cents() > 0)

    def _on_apply_button_clicked(self) -> None:
        self.accepted.emit(self.suggested_cents())
