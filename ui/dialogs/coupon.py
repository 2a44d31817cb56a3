"""Coupon dialog: kind (cash, 满减 threshold, free shipping, discount, birthday), value, threshold, discount and
how many days it is valid (a free-shipping card takes the order's postage off), read back as a core
CouponSpec; the coupon's wording is previewed as it will read
in a message."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QSpinBox, QVBoxLayout

from core.book.models import COUPON_KIND_VALUES
from core.marketing.loyalty import CouponSpec, coupon_text
from ui.dialogs.case_base import combo_with
from ui.text.aftersales import COUPON_KINDS, word
from ui.widgets.error_label import error_label
from ui.widgets.inputs import MoneyEdit


class CouponDialog(QDialog):
    """`heading` says who gets the coupon; `valid_days` is the default validity. spec() is the result."""

    def __init__(self, heading: str, valid_days: int = 30, language: str = "zh_CN", parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Issue a coupon"))
        self._language = language
        layout = QVBoxLayout(self)
        self.heading_label = QLabel(heading)
        self.heading_label.setWordWrap(True)
        layout.addWidget(self.heading_label)
        form = self._form = QFormLayout()
        self.kind_box = combo_with(QComboBox(), COUPON_KINDS, word, COUPON_KIND_VALUES)
        self.value_edit = MoneyEdit()
        self.value_edit.set_cents(1000)
        self.threshold_edit = MoneyEdit()
        self.threshold_edit.set_cents(10000)
        self.discount_spin = QSpinBox()
        self.discount_spin.setRange(1, 99)
        self.discount_spin.setValue(90)
        self.discount_spin.setSuffix(" %")
        self.days_spin = QSpinBox()
        self.days_spin.setRange(1, 3650)
        self.days_spin.setValue(valid_days)
        self.preview_label = QLabel()
        form.addRow(self.tr("Kind:"), self.kind_box)
        form.addRow(self.tr("Value:"), self.value_edit)
        form.addRow(self.tr("For orders of at least:"), self.threshold_edit)
        form.addRow(self.tr("Customer pays (% of the price):"), self.discount_spin)
        form.addRow(self.tr("Valid for (days):"), self.days_spin)
        form.addRow(self.tr("Reads as:"), self.preview_label)
        layout.addLayout(form)
        self.error_label = error_label()
        layout.addWidget(self.error_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Issue"))
        buttons.accepted.connect(self._on_accepted)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        for signal in (self.kind_box.currentIndexChanged, self.value_edit.valueChanged,
                       self.threshold_edit.valueChanged, self.discount_spin.valueChanged):
            signal.connect(self._on_field_changed)
        self._on_field_changed()

    def spec(self) -> CouponSpec:
        kind = self.kind_box.currentData()
        return CouponSpec(
            kind=kind,
            value_cents=0 if kind in ("discount", "free_shipping") else self.value_edit.cents(),
            threshold_cents=self.threshold_edit.cents() if kind == "threshold" else 0,
            discount_percent=self.discount_spin.value() if kind == "discount" else None,
            valid_days=self.days_spin.value())

    def _on_field_changed(self) -> None:
        kind = self.kind_box.currentData()
        self._form.setRowVisible(self.value_edit, kind not in ("discount", "free_shipping"))
        self._form.setRowVisible(self.threshold_edit, kind == "threshold")
        self._form.setRowVisible(self.discount_spin, kind == "discount")
        spec = self.spec()
        self.preview_label.setText(coupon_text(spec.kind, spec.value_cents, spec.threshold_cents,
                                               spec.discount_percent, self._language))
        self.error_label.setText("")

    def _on_accepted(self) -> None:
        spec = self.spec()
        if spec.kind in ("cash", "threshold", "birthday") and spec.value_cents <= 0:
            self.error_label.setText(self.tr("Enter the coupon's value."))
        elif spec.kind == "threshold" and spec.threshold_cents <= spec.value_cents:
            self.error_label.setText(self.tr("The threshold must be above the coupon's value."))
        else:
            self.accept()
