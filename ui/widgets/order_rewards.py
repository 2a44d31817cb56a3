"""The order dialog's coupon-and-points row: one of the customer's open coupons and a number of points to use
on the order, read back as a core OrderRedemption (applied by OrderService in the order's transaction)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSpinBox, QWidget

from core.dto import OrderRedemption
from core.marketing.loyalty import coupon_cents_off, coupon_text
from ui.text.labels import money


class OrderRewardsWidget(QWidget):
    """`marketing` is a core MarketingService. `changed` follows any change of coupon or points."""

    changed = Signal()

    def __init__(self, marketing, parent: QWidget | None = None):
        super().__init__(parent)
        self._marketing = marketing
        self._coupons: dict[int, object] = {}
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.coupon_box = QComboBox()
        self.coupon_box.setMinimumWidth(160)
        self.points_spin = QSpinBox()
        self.points_spin.setSingleStep(100)
        self.points_spin.setSuffix(self.tr(" points"))
        self.balance_label = QLabel()
        row.addWidget(self.coupon_box, 1)
        row.addWidget(self.points_spin)
        row.addWidget(self.balance_label)
        self.coupon_box.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.points_spin.valueChanged.connect(self._on_points_spin_value_changed)
        self.set_customer(None, dt.date.today())

    def set_customer(self, customer_id: int | None, on_date: dt.date) -> None:
        """Offer the coupons this customer can use on an order dated `on_date`, and their points."""
        self._language = self._marketing.message_language()
        coupons = self._marketing.open_coupons(customer_id, on_date) if customer_id is not None else []
        balance = self._marketing.rewards(customer_id, on_date).balance if customer_id is not None else 0
        self._coupons = {k.id: k for k in coupons}
        self.coupon_box.blockSignals(True)
        self.coupon_box.clear()
        self.coupon_box.addItem(self.tr("no coupon") if coupons else self.tr("no open coupons"), None)
        for k in coupons:
            expiry = self.tr(" (until %1)").replace("%1", k.expires_on.isoformat()) if k.expires_on else ""
            self.coupon_box.addItem(coupon_text(k.kind, k.value_cents, k.threshold_cents, k.discount_percent,
                                                self._language) + expiry, k.id)
        self.coupon_box.blockSignals(False)
        self.points_spin.blockSignals(True)
        self.points_spin.setRange(0, balance)
        self.points_spin.setValue(0)
        self.points_spin.blockSignals(False)
        self.points_spin.setEnabled(balance > 0)
        self.balance_label.setText(self.tr("of %1").replace("%1", str(balance)))
        self.changed.emit()

    def redemption(self) -> OrderRedemption | None:
        """What to use on the order; None when nothing is chosen."""
        coupon_id = self.coupon_box.currentData()
        if coupon_id is None and not self.points_spin.value():
            return None
        return OrderRedemption(coupon_id, self.points_spin.value())

    def cents_off(self, goods_cents: int, postage_cents: int) -> int:
        """The money the chosen coupon and points take off an order of these amounts (a preview)."""
        coupon = self._coupons.get(self.coupon_box.currentData())
        off = coupon_cents_off(coupon.kind, coupon.value_cents, coupon.discount_percent, goods_cents,
                               postage_cents) if coupon else 0
        return off + (self._marketing.points_cents(self.points_spin.value()) if self.points_spin.value() else 0)

    def _on_points_spin_value_changed(self, points: int) -> None:
        self.balance_label.setText(self.tr("of %1 = %2").replace("%1", str(self.points_spin.maximum()))
                                   .replace("%2", money(self._marketing.points_cents(points))))
        self.changed.emit()
