"""The After-sales page: complaints and mid/bad reviews (open first) with filters, statistics and export."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate, QSettings, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core.aftersales.dto import CASE_KIND_VALUES, COMPLAINT_STATUS_VALUES, CaseFilter, CaseRowDTO
from core.aftersales.service import AftersalesService
from core.aftersales.tasks import system_clock
from core.book.models import PLATFORM_VALUES
from core.customers import CustomerService
from core.orders import OrderService
from ui.charts.aftersales import top_complaint_kinds
from ui.dialogs.case_base import combo_with
from ui.models.cases import SORT_ROLE, CasesModel, Column
from ui.pages.base import Page
from ui.text.aftersales import CASE_KINDS, CASE_STATUSES, word
from ui.text.labels import PLATFORMS, label, money

HEADER_KEY = "aftersales/cases_header"


def open_case_dialog(service: AftersalesService, orders: OrderService | None, kind: str, *, customer_id: int,
                     case_id: int | None = None, order_id: int | None = None,
                     clock: Callable[[], dt.datetime] | None = None, parent=None,
                     on_saved: Callable[[str, int], None] | None = None, lane=None) -> QDialog:
    """Open the complaint or review dialog (modal) — from this page, a customer record or an order."""
    from ui.dialogs.complaint import ComplaintDialog
    from ui.dialogs.review import ReviewDialog

    if kind == "complaint":
        dialog = ComplaintDialog(service, orders, customer_id=customer_id, complaint_id=case_id, order_id=order_id,
                                 clock=clock, parent=parent, lane=lane)
    else:
        dialog = ReviewDialog(service, orders, customer_id=customer_id, review_id=case_id, order_id=order_id,
                              clock=clock, parent=parent, lane=lane)
    if on_saved is not None:
        dialog.case_saved.connect(on_saved)
    dialog.exec()
    return dialog


class AftersalesPage(Page):
    """Cases table and statistics. Receives the services it uses, UI settings, and the clock the dialogs
    judge "overdue" by (the service has its own for what it records)."""

    def __init__(self, service: AftersalesService, customers: CustomerService, orders: OrderService,
                 settings: QSettings, clock: Callable[[], dt.datetime] = system_clock, parent=None, lane=None):
        """`lane` (ui.book_lane.BookLane): where the case dialogs write; None writes on the GUI thread."""
        super().__init__(parent)
        self._service, self._lane = service, lane
        self._customers = customers
        self._orders = orders
        self._settings = settings
        self._clock = clock
        self._stale_stats = True
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_filters())
        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_table(), self.tr("Cases"))
        self.tabs.addTab(self._build_statistics(), self.tr("Statistics"))
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        layout.addWidget(self.tabs, 1)
        self.reload()

    # -- building ----------------------------------------------------------------------------------
    def _build_filters(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.kind_box = QComboBox()
        self.kind_box.addItem(self.tr("All cases"), "")
        combo_with(self.kind_box, CASE_KINDS, word, CASE_KIND_VALUES)
        self.status_box = QComboBox()
        self.status_box.addItem(self.tr("Any status"), "")
        combo_with(self.status_box, CASE_STATUSES, word, COMPLAINT_STATUS_VALUES)
        self.platform_box = QComboBox()
        self.platform_box.addItem(self.tr("All platforms"), "")
        combo_with(self.platform_box, PLATFORMS, label, PLATFORM_VALUES)
        self.range_box = QCheckBox(self.tr("From"))
        today = self._clock().date()
        self.from_edit = self._date_edit(today.replace(day=1))
        self.to_edit = self._date_edit(today)
        for widget in (self.kind_box, self.status_box, self.platform_box):
            widget.currentIndexChanged.connect(self.reload)
        self.range_box.toggled.connect(self.reload)
        self.from_edit.dateChanged.connect(self._on_range_date_changed)
        self.to_edit.dateChanged.connect(self._on_range_date_changed)
        for widget in (self.kind_box, self.status_box, self.platform_box, self.range_box, self.from_edit,
                       QLabel(self.tr("to")), self.to_edit):
            row.addWidget(widget)
        row.addStretch(1)
        self.new_complaint_button = QPushButton(self.tr("New complaint…"))
        self.new_complaint_button.clicked.connect(lambda: self._on_new_case_clicked("complaint"))
        self.new_review_button = QPushButton(self.tr("New mid/bad review…"))
        self.new_review_button.clicked.connect(lambda: self._on_new_case_clicked("review"))
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.clicked.connect(self._on_export_clicked)
        self.settings_button = QPushButton(self.tr("Settings…"))
        self.settings_button.clicked.connect(self._on_settings_clicked)
        for button in (self.new_complaint_button, self.new_review_button, self.export_button, self.settings_button):
            row.addWidget(button)
        return row

    @staticmethod
    def _date_edit(day: dt.date) -> QDateEdit:
        edit = QDateEdit(QDate(day.year, day.month, day.day))
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        return edit

    def _build_table(self) -> QWidget:
        self.model = CasesModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setSortingEnabled(True)
        self.proxy.sort(-1)  # keep core's order (open first) until the seller clicks a header
        header = self.table.horizontalHeader()
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(Column.SUMMARY, QHeaderView.ResizeMode.Stretch)
        state = self._settings.value(HEADER_KEY)
        if state is not None:
            header.restoreState(state)
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        self.empty_label = QLabel(self.tr("No cases. Record a complaint or a mid/bad review from the buttons "
                                          "above, a customer's record or an order."))
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        widget = QWidget()
        layout = QVBoxLayout(widget)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)
        return widget

    def _build_statistics(self) -> QWidget:
        widget = QWidget()
        layout = QVBoxLayout(widget)
        top = QHBoxLayout()
        self.figures_label = QLabel()
        self.figures_label.setWordWrap(True)
        top.addWidget(self.figures_label, 1)
        self.save_chart_button = QPushButton(self.tr("Save chart…"))
        self.save_chart_button.clicked.connect(self._on_save_chart_clicked)
        top.addWidget(self.save_chart_button)
        layout.addLayout(top)
        self.charts_holder = QVBoxLayout()
        layout.addLayout(self.charts_holder, 1)
        self.charts = None
        return widget

    # -- data --------------------------------------------------------------------------------------
    def case_filter(self) -> CaseFilter:
        date_from = date_to = None
        if self.range_box.isChecked():
            date_from, date_to = self.from_edit.date().toPython(), self.to_edit.date().toPython()
        return CaseFilter(kind=self.kind_box.currentData(), status=self.status_box.currentData(),
                          platform=self.platform_box.currentData(), date_from=date_from, date_to=date_to)

    def reload(self) -> None:
        rows = self._service.cases.list_cases(self.case_filter())
        self.model.set_rows(rows)
        self.empty_label.setVisible(not rows)
        self._stale_stats = True
        if self.tabs.currentIndex() == 1:
            self._show_statistics()

    def _show_statistics(self) -> None:
        f = self.case_filter()
        stats = self._service.cases.statistics(f.date_from, f.date_to)
        rate = "–" if stats.rescue_rate is None else f"{stats.rescue_rate:.0%}"
        median = "–" if stats.median_response_hours is None else f"{stats.median_response_hours:.1f}"
        spent = sum(m.total_cents for m in stats.spend_per_month)
        values = {"%1": str(sum(m.complaints for m in stats.cases_per_month)), "%2": str(stats.reviews_total),
                  "%3": rate, "%4": str(stats.reviews_rescued), "%5": median, "%6": money(spent)}
        text = self.tr("Complaints %1 · reviews %2 · review rescue rate %3 (%4 of %2) · median first response "
                       "%5 h · compensation %6")
        for placeholder, value in values.items():
            text = text.replace(placeholder, value)
        kinds = top_complaint_kinds(stats)
        self.figures_label.setText(text + (f"\n{kinds}" if kinds else ""))
        if self.charts is None:
            from ui.charts.aftersales import AftersalesChartsWidget

            self.charts = AftersalesChartsWidget()
            self.charts_holder.addWidget(self.charts)
        self.charts.show_stats(stats)
        self._stale_stats = False

    # -- page hooks --------------------------------------------------------------------------------
    def page_activated(self) -> None:
        self.reload()

    def refresh(self) -> None:
        self.reload()

    def save_state(self) -> None:
        self._settings.setValue(HEADER_KEY, self.table.horizontalHeader().saveState())

    # -- actions -----------------------------------------------------------------------------------
    def selected_case(self) -> CaseRowDTO | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(self.proxy.mapToSource(rows[0]).row()) if rows else None

    def _on_table_double_clicked(self, index) -> None:
        row = self.model.row_at(self.proxy.mapToSource(index).row())
        self.open_case(row.kind, row.customer_id, row.id)

    def open_case(self, kind: str, customer_id: int, case_id: int | None = None) -> None:
        open_case_dialog(self._service, self._orders, kind, customer_id=customer_id, case_id=case_id,
                         clock=self._clock, parent=self, on_saved=self._on_case_saved, lane=self._lane)
        self.reload()

    def _on_case_saved(self, _kind: str, _case_id: int) -> None:
        self.book_modified.emit()

    def _on_new_case_clicked(self, kind: str) -> None:
        from ui.dialogs.merge import CustomerPickerDialog

        picker = CustomerPickerDialog(self._customers, 0, self)
        picker.setWindowTitle(self.tr("Choose the customer"))
        if picker.exec() == QDialog.DialogCode.Accepted and picker.chosen_id is not None:
            self.open_case(kind, picker.chosen_id)

    def _on_range_date_changed(self) -> None:
        if self.range_box.isChecked():
            self.reload()

    def _on_tabs_current_changed(self, index: int) -> None:
        if index == 1 and self._stale_stats:
            self._show_statistics()

    def _on_export_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export cases"), self.tr("after-sales cases.xlsx"),
                                              self.tr("Excel workbook (*.xlsx)"))
        if path:
            self.export_to(path)

    def export_to(self, path: str) -> int:
        """Write the cases the table shows (current filter) to `path`; returns the number of rows."""
        from ui.i18n import chosen_language

        result = self._service.export_cases(path, self.case_filter(), chosen_language(self._settings))
        return sum(result.sheets.values())

    def _on_settings_clicked(self) -> None:
        from ui.dialogs.aftersales_settings import AftersalesSettingsDialog

        if AftersalesSettingsDialog(self._service, self, lane=self._lane).exec() == QDialog.DialogCode.Accepted:
            self.reload()

    def _on_save_chart_clicked(self) -> None:
        if self.charts is None:
            self._show_statistics()
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save chart"), self.tr("after-sales.png"),
                                              self.tr("PNG image (*.png)"))
        if path:
            self.charts.save_png(path)
