"""After-sales on a customer's record (their cases, buttons to open new ones), the risk-buyer lookup
the customer and order dialogs show, and the After-sales menu of an order."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.aftersales.dto import CaseFilter
from core.aftersales.reviews import ReviewService
from core.aftersales.service import AftersalesService
from core.aftersales.tasks import system_clock
from ui.models.cases import CasesModel, Column
from ui.text.aftersales import CASE_KINDS, CASE_STATUSES, word


def risk_warning_for(book, customer_id: int | None):
    """The customer's risk-buyer warning DTO (None when not flagged or no customer)."""
    return ReviewService(book).risk_warning(customer_id) if customer_id else None


class CustomerCasesWidget(QWidget):
    """Shows one customer's complaints and reviews (the dialog around it shows the risk banner);
    `case_saved(kind, id)` after a case dialog changed one."""

    case_saved = Signal(str, int)

    def __init__(self, book, customer_id: int, orders=None, order_id: int | None = None,
                 clock: Callable[[], dt.datetime] = system_clock, parent=None, lane=None):
        """With a `lane` (ui.book_lane.BookLane) the case dialogs opened here save there."""
        super().__init__(parent)
        self._service = AftersalesService(book, clock)
        self._orders, self._lane = orders, lane
        self._clock = clock
        self.customer_id = customer_id
        self.order_id = order_id
        layout = QVBoxLayout(self)
        self.model = CasesModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        for column in (Column.CUSTOMER, Column.PLATFORM):
            self.table.hideColumn(column)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(Column.SUMMARY, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.new_complaint_button = QPushButton(self.tr("New complaint…"))
        self.new_complaint_button.clicked.connect(lambda: self.open_case("complaint"))
        self.new_review_button = QPushButton(self.tr("New mid/bad review…"))
        self.new_review_button.clicked.connect(lambda: self.open_case("review"))
        buttons.addWidget(self.new_complaint_button)
        buttons.addWidget(self.new_review_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.reload()

    def reload(self) -> None:
        self.model.set_rows(self._service.cases.list_cases(
            CaseFilter(customer_id=self.customer_id, order_id=self.order_id)))

    def open_case(self, kind: str, case_id: int | None = None) -> None:
        from ui.pages.aftersales import open_case_dialog

        open_case_dialog(self._service, self._orders, kind, customer_id=self.customer_id, case_id=case_id,
                         order_id=self.order_id, clock=self._clock, parent=self, on_saved=self.case_saved.emit,
                         lane=self._lane)
        self.reload()

    def _on_table_double_clicked(self, index) -> None:
        row = self.model.row_at(index.row())
        self.open_case(row.kind, row.id)


class OrderCasesButton(QPushButton):
    """"After-sales…" on an order: a menu to open a complaint or review about it, and its existing cases."""

    def __init__(self, book, orders, customer_id: int, order_id: int,
                 clock: Callable[[], dt.datetime] = system_clock, parent=None, lane=None):
        super().__init__(parent)
        self.setText(self.tr("After-sales…"))
        self._service = AftersalesService(book, clock)
        self._orders, self._clock, self._lane = orders, clock, lane
        self.customer_id, self.order_id = customer_id, order_id
        self.setMenu(QMenu(self))
        self.menu().aboutToShow.connect(self._fill_menu)
        self._fill_menu()

    def _fill_menu(self) -> None:
        menu = self.menu()
        menu.clear()
        menu.addAction(self.tr("New complaint…"), lambda: self.open_case("complaint"))
        menu.addAction(self.tr("New mid/bad review…"), lambda: self.open_case("review"))
        cases = self._service.cases.list_cases(CaseFilter(customer_id=self.customer_id, order_id=self.order_id))
        if cases:
            menu.addSeparator()
        for case in cases:
            text = " · ".join((word(CASE_KINDS, case.kind), case.opened_on.isoformat(),
                               word(CASE_STATUSES, case.status)))
            menu.addAction(text, lambda kind=case.kind, case_id=case.id: self.open_case(kind, case_id))

    def open_case(self, kind: str, case_id: int | None = None) -> None:
        from ui.pages.aftersales import open_case_dialog

        open_case_dialog(self._service, self._orders, kind, customer_id=self.customer_id, case_id=case_id,
                         order_id=self.order_id, clock=self._clock, parent=self.window(), lane=self._lane)
