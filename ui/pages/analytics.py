"""The Analytics page: a date range, headline figures and the repurchase charts, computed in the background.

matplotlib is imported the first time the page is shown (the charts live in ui.charts), on the thread
pool while the page shows "Preparing the charts…" with a busy bar; the charts are then built one per turn of
the event loop so the window never freezes. While a new range is computing, the previous numbers stay on
screen. Clicking a segment, a stage or a bar asks for
the customers behind it and emits `customers_requested(ids, description)`; the main window shows them
in the customer list.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from core.analytics import AnalyticsService, DateRange, Selection
from ui.pages.base import Page
from ui.tasks import TaskRunner
from ui.text.labels import money

PRESETS = ("this_month", "last_3_months", "last_6_months", "last_12_months", "this_year", "all", "custom")


def months_back(today: dt.date, months: int) -> dt.date:
    """The first day of the month `months - 1` months before today's month."""
    index = today.year * 12 + today.month - 1 - (months - 1)
    return dt.date(index // 12, index % 12 + 1, 1)


def preset_range(preset: str, today: dt.date) -> DateRange:
    """The date range of a preset; "custom" has none (the page reads its date fields)."""
    if preset == "this_month":
        return DateRange(today.replace(day=1), today)
    if preset.startswith("last_"):
        return DateRange(months_back(today, int(preset.split("_")[1])), today)
    if preset == "this_year":
        return DateRange(dt.date(today.year, 1, 1), today)
    return DateRange()


def load_chart_library() -> str | None:
    """Import matplotlib's Qt canvas and register the CJK font (the slow part of the first showing); returns
    the font family. Runs on the thread pool: nothing here touches a widget."""
    import matplotlib.backends.backend_qtagg
    import matplotlib.figure  # noqa: F401

    from ui.charts.fonts import setup_cjk_font

    return setup_cjk_font()


def chart_classes() -> tuple:
    """The page's charts in grid order (two per row)."""
    from ui.charts.repurchase import (
        CohortChart,
        IntervalChart,
        ProductIntervalChart,
        PurchaseCountChart,
        RepeatRateChart,
    )
    from ui.charts.sales import NewReturningChart, ProvinceChart, RfmChart, SalesTrendChart, StageChart

    return (SalesTrendChart, RepeatRateChart, NewReturningChart, CohortChart, IntervalChart, ProductIntervalChart,
            PurchaseCountChart, RfmChart, StageChart, ProvinceChart)


class HeadlineCard(QFrame):
    """One big number with its name; clickable when it stands for customers."""

    clicked = Signal()

    def __init__(self, name: str, tip: str, clickable: bool = False) -> None:
        super().__init__()
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setToolTip(tip)
        self.value_label = QLabel("–")
        font = self.value_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.value_label.setFont(font)
        name_label = QLabel(name)
        name_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addWidget(self.value_label)
        layout.addWidget(name_label)
        self._clickable = clickable
        if clickable:
            self.setCursor(Qt.CursorShape.PointingHandCursor)

    def set_value(self, text: str) -> None:
        self.value_label.setText(text)

    def mouseReleaseEvent(self, event) -> None:
        if self._clickable and event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mouseReleaseEvent(event)


class AnalyticsPage(Page):
    """See the module docstring. `today()` is the seller's local date (injected for tests)."""

    customers_requested = Signal(object, str)
    report_shown = Signal()

    def __init__(self, service: AnalyticsService, tasks: TaskRunner, today: Callable[[], dt.date],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._tasks = tasks
        self._today = today
        self._task = None
        self._generation = 0
        self._range = DateRange()
        self._shown_range: DateRange | None = None
        self._stale = True
        self.report = None
        self.charts: list = []
        self._preparing = False
        self._build()

    # --- construction -------------------------------------------------------------------------------
    def _build(self) -> None:
        self.range_box = QComboBox()
        names = {
            "this_month": self.tr("This month"), "last_3_months": self.tr("Last 3 months"),
            "last_6_months": self.tr("Last 6 months"), "last_12_months": self.tr("Last 12 months"),
            "this_year": self.tr("This year"), "all": self.tr("All time"), "custom": self.tr("Custom…"),
        }
        for key in PRESETS:
            self.range_box.addItem(names[key], key)
        self.range_box.setCurrentIndex(PRESETS.index("last_12_months"))
        self.from_edit, self.to_edit = QDateEdit(), QDateEdit()
        for edit in (self.from_edit, self.to_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
            edit.dateChanged.connect(self._on_date_edit_changed)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.progress_bar = QProgressBar()
        self.progress_bar.setMaximumWidth(160)
        self.progress_bar.setTextVisible(False)
        self.progress_bar.hide()
        self.status_label = QLabel()
        self.status_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Range:")))
        bar.addWidget(self.range_box)
        bar.addWidget(self.from_edit)
        bar.addWidget(QLabel("–"))
        bar.addWidget(self.to_edit)
        bar.addWidget(self.refresh_button)
        bar.addWidget(self.progress_bar)
        bar.addWidget(self.status_label, 1)

        self.buyers_card = HeadlineCard(self.tr("Buyers"), self.tr("Customers with at least one purchase in the range"),
                                        clickable=True)
        self.repeat_card = HeadlineCard(self.tr("Repeat purchase rate"),
                                        self.tr("Buyers with 2 or more purchase days ÷ buyers"), clickable=True)
        self.interval_card = HeadlineCard(self.tr("Median repurchase interval"),
                                          self.tr("Median days between two purchase days of a customer"))
        self.revenue_card = HeadlineCard(self.tr("Revenue"), self.tr("Paid minus refunded, over purchases"))
        self.churned_card = HeadlineCard(self.tr("Churned customers"),
                                         self.tr("Customers whose last purchase is past their churn threshold today"),
                                         clickable=True)
        self.buyers_card.clicked.connect(lambda: self._request(Selection("buyers"), self.tr("Buyers in the range")))
        self.repeat_card.clicked.connect(lambda: self._request(Selection("repeat_buyers"), self.tr("Repeat buyers")))
        self.churned_card.clicked.connect(lambda: self._request(Selection("stage", "churned"),
                                                                self.tr("Churned customers")))
        cards = QHBoxLayout()
        for card in (self.buyers_card, self.repeat_card, self.interval_card, self.revenue_card, self.churned_card):
            card.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            cards.addWidget(card)

        self.chart_grid = QGridLayout()
        self.chart_grid.setSpacing(10)
        holder = QWidget()
        holder.setLayout(self.chart_grid)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(holder)

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(cards)
        layout.addWidget(scroll, 1)
        self.range_box.currentIndexChanged.connect(self._on_range_box_changed)
        self.refresh_button.clicked.connect(self._on_refresh_button_clicked)
        self._set_custom_dates(preset_range("last_12_months", self._today()))

    def _prepare_charts(self) -> None:
        """First showing: import matplotlib and find the CJK font on the pool, then build the charts."""
        self._preparing = True
        self.progress_bar.setRange(0, 0)
        self.progress_bar.show()
        self.status_label.setText(self.tr("Preparing the charts…"))
        self._tasks.run(load_chart_library, on_success=lambda _family: self._build_next_chart([]),
                        on_error=lambda exc: self._on_task_failed(self._generation, exc))

    def _build_next_chart(self, built: list) -> None:
        """Build one chart, then yield to the event loop (a chart takes a moment on a slow machine)."""
        from PySide6.QtCore import QTimer

        classes = chart_classes()
        built.append(classes[len(built)]())
        self.progress_bar.setRange(0, len(classes))
        self.progress_bar.setValue(len(built))
        if len(built) < len(classes):
            QTimer.singleShot(0, lambda: self._build_next_chart(built))
            return
        self._place_charts(built)
        self._preparing = False
        if self._stale and self.isVisible():
            self.recompute()
        else:
            self.progress_bar.hide()
            self.status_label.clear()

    def _place_charts(self, charts: list) -> None:
        (self.sales_chart, self.repeat_chart, self.new_returning_chart, self.cohort_chart, self.interval_chart,
         self.product_chart, self.curve_chart, self.rfm_chart, self.stage_chart, self.province_chart) = charts
        self.charts = list(charts)
        for index, chart in enumerate(self.charts):
            self.chart_grid.addWidget(chart, index // 2, index % 2)
            chart.element_clicked.connect(self._on_chart_element_clicked)
        if self.report is not None:
            self.show_report(self.report)

    # --- page hooks ---------------------------------------------------------------------------------
    def page_activated(self) -> None:
        if not self.charts:
            if not self._preparing:
                self._prepare_charts()
            return
        if self._stale:
            self.recompute()

    def refresh(self) -> None:
        """The book changed elsewhere: recompute now if visible, else when next shown."""
        self._service.invalidate()
        self._stale = True
        if self.isVisible() and self.charts:
            self.recompute()

    # --- range --------------------------------------------------------------------------------------
    def current_preset(self) -> str:
        return self.range_box.currentData()

    def selected_range(self) -> DateRange:
        preset = self.current_preset()
        if preset == "custom":
            return DateRange(self.from_edit.date().toPython(), self.to_edit.date().toPython())
        return preset_range(preset, self._today())

    def set_preset(self, preset: str) -> None:
        self.range_box.setCurrentIndex(PRESETS.index(preset))

    def _set_custom_dates(self, date_range: DateRange) -> None:
        for edit, value in ((self.from_edit, date_range.start), (self.to_edit, date_range.end)):
            edit.blockSignals(True)
            edit.setDate(QDate(value) if value else QDate(self._today()))
            edit.blockSignals(False)

    def _on_range_box_changed(self, _index: int) -> None:
        custom = self.current_preset() == "custom"
        for edit in (self.from_edit, self.to_edit):
            edit.setEnabled(custom)
        if self.charts:
            self.recompute()

    def _on_refresh_button_clicked(self) -> None:
        self._service.invalidate()
        self.recompute()

    def _on_date_edit_changed(self, _date) -> None:
        if self.current_preset() == "custom" and self.charts:
            self.recompute()

    # --- computing ----------------------------------------------------------------------------------
    def recompute(self) -> None:
        """Compute the selected range in the background; the previous numbers stay until it is done."""
        date_range = self.selected_range()
        if date_range.start and date_range.end and date_range.start > date_range.end:
            self.status_label.setText(self.tr("The start date is after the end date."))
            return
        if self._task is not None and not self._task.done:
            self._task.cancel()
        self._generation += 1
        generation = self._generation
        self._range = date_range
        self._stale = False
        self.progress_bar.setRange(0, 0)
        self.progress_bar.show()
        self.status_label.setText(self.tr("Computing…"))
        self._task = self._tasks.run(
            self._service.report, date_range, self._today(),
            on_success=lambda report: self._on_report_ready(generation, report),
            on_error=lambda exc: self._on_task_failed(generation, exc),
            on_progress=lambda done, total, _m: self._on_progress(generation, done, total),
        )

    def _on_progress(self, generation: int, done: int, total: int) -> None:
        if generation == self._generation:
            self.progress_bar.setRange(0, total)
            self.progress_bar.setValue(done)

    def _on_task_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self.progress_bar.hide()
        self.status_label.setText(self.tr("Could not compute the figures: %1").replace("%1", str(exc)))

    def _on_report_ready(self, generation: int, report) -> None:
        if generation != self._generation:
            return
        self.show_report(report)
        self._tasks.run(self._service.product_intervals, self._range, self._today(),
                        on_success=lambda rows: self._on_products_ready(generation, rows),
                        on_error=lambda exc: self._on_task_failed(generation, exc))

    def _on_products_ready(self, generation: int, rows) -> None:
        if generation == self._generation:
            self.product_chart.show_report(rows)

    def show_report(self, report) -> None:
        """Put a computed AnalyticsReport on screen (headline figures and every chart)."""
        self.report = report
        self._shown_range = self._range
        s = report.summary
        self.buyers_card.set_value(f"{s.buyers:,}")
        self.repeat_card.set_value("–" if s.repeat_rate is None else f"{s.repeat_rate * 100:.1f}%")
        self.interval_card.set_value("–" if s.median_interval_days is None else
                                     self.tr("%1 days").replace("%1", f"{s.median_interval_days:g}"))
        self.revenue_card.set_value(money(s.revenue_cents))
        self.churned_card.set_value(f"{s.churned_customers:,}")
        period = self.period_text(report)
        for chart in self.charts:
            chart.set_period(period)
            if chart is not self.product_chart:
                chart.show_report(report)
        self.progress_bar.hide()
        if self.current_preset() != "custom":
            self._set_custom_dates(report.range)  # "Custom…" then starts from what is shown
        self.status_label.setText(period)
        self.report_shown.emit()

    def period_text(self, report) -> str:
        start, end = report.range.start, report.range.end
        return (self.tr("%1 to %2, as of %3").replace("%1", start.isoformat() if start else "")
                .replace("%2", end.isoformat() if end else "").replace("%3", report.today.isoformat()))

    # --- click-through ------------------------------------------------------------------------------
    def _on_chart_element_clicked(self, selection: Selection, description: str) -> None:
        self._request(selection, description)

    def _request(self, selection: Selection, description: str) -> None:
        """Find the customers behind `selection` in the background, then emit customers_requested."""
        date_range = self._shown_range if self._shown_range is not None else self._range
        self.status_label.setText(self.tr("Finding the customers…"))
        self._tasks.run(self._service.customers_for, selection, date_range, self._today(),
                        on_success=lambda ids: self._on_customers_found(ids, description),
                        on_error=lambda exc: self._on_task_failed(self._generation, exc))

    def _on_customers_found(self, ids, description: str) -> None:
        self.status_label.setText(self.tr("%1: %2 customers").replace("%1", description).replace("%2", f"{len(ids):,}"))
        self.customers_requested.emit(tuple(ids), description)
