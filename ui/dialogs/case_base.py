"""What the complaint and review dialogs share: customer header with the risk banner, order choice,
an inline error line, and running a service call that may raise a coded error — a write on the book's lane
when the dialog has one (ui.book_lane, ui.dialogs.lane_save)."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QDialog, QLabel, QVBoxLayout

from core.aftersales.service import AftersalesService
from core.errors import HuitoukeError
from ui.dialogs.lane_save import save_on_lane
from ui.text.aftersales import error_text
from ui.text.labels import PLATFORMS, label, money
from ui.widgets.risk_warning import RiskWarningBanner


class CaseDialogBase(QDialog):
    """Base of ComplaintDialog and ReviewDialog. `case_saved(kind, id)` fires after every change."""

    case_saved = Signal(str, int)

    def __init__(self, service: AftersalesService, orders, customer_id: int,
                 clock: Callable[[], dt.datetime] | None = None, parent=None, lane=None):
        super().__init__(parent)
        self._service, self._lane = service, lane
        self._orders = orders
        self.customer_id = customer_id
        self._clock = clock or (lambda: dt.datetime.now().replace(microsecond=0))
        self.setMinimumWidth(760)
        self.main_layout = QVBoxLayout(self)
        self.customer_label = QLabel()
        font = self.customer_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.customer_label.setFont(font)
        self.main_layout.addWidget(self.customer_label)
        self.risk_banner = RiskWarningBanner()
        self.main_layout.addWidget(self.risk_banner)
        self.error_label = QLabel()
        self.error_label.setObjectName("caseErrorLabel")
        self.error_label.setStyleSheet("#caseErrorLabel { color: #c62828; }")
        self.error_label.setWordWrap(True)
        self.error_label.hide()

    def _show_risk(self) -> None:
        self.risk_banner.show_warning(self._service.reviews.risk_warning(self.customer_id))

    def _order_box(self, selected: int | None) -> QComboBox:
        """None plus the customer's orders (newest first), `selected` chosen."""
        box = QComboBox()
        box.addItem(self.tr("(no order)"), None)
        if self._orders is not None:
            for order in self._orders.for_customer(self.customer_id, limit=200):
                text = " · ".join(p for p in (order.order_date.isoformat(), label(PLATFORMS, order.platform),
                                              order.platform_order_no or "", money(order.paid_cents)) if p)
                box.addItem(text, order.id)
        index = box.findData(selected) if selected is not None else 0
        box.setCurrentIndex(max(0, index))
        return box

    def _write(self, fn: Callable[..., Any], *args: Any, then: Callable[[Any], None],
               failed: Callable[[], None] | None = None, **kwargs: Any) -> None:
        """A write: ``then(result)`` after it; a coded error shows as a red sentence (then ``failed()``). With a
        lane it runs there, the dialog disabled meanwhile; without, at once."""
        def done(result: Any) -> None:
            self.setEnabled(True)
            self.error_label.hide()
            then(result)

        def refused(error: HuitoukeError) -> None:
            self.setEnabled(True)
            self.error_label.setText(error_text(error))
            self.error_label.show()
            if failed is not None:
                failed()

        if self._lane is not None:
            self.setEnabled(False)
        save_on_lane(self._lane, None, functools.partial(fn, *args, **kwargs), done, refused)

    def _now(self) -> dt.datetime:
        return self._clock()


def combo_with(box: QComboBox, items: dict[str, str], words: Callable[[dict[str, str], str], str],
               codes: tuple[str, ...] | list[str] | None = None) -> QComboBox:
    """Fill `box` with (translated word, code) for each code (default: every key of `items`)."""
    for code in codes if codes is not None else items:
        box.addItem(words(items, code), code)
    return box


def select_code(box: QComboBox, code: str) -> None:
    index = box.findData(code)
    if index < 0 and box.isEditable():
        box.setEditText(code)
        return
    box.setCurrentIndex(max(0, index))
