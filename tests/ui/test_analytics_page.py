"""The Analytics page and its charts, offscreen: rendering without missing glyphs, hover, click-through,
PNG and Excel, background computing that keeps the previous numbers."""

from __future__ import annotations

import datetime as dt
import warnings

import pytest

from core.analytics import AnalyticsService, DateRange, Selection
from tests.core.analytics_book import Q1, TODAY, fill_shop


@pytest.fixture
def shop(book):
    return book, fill_shop(book)


@pytest.fixture
def report(shop):
    book, _ = shop
    return AnalyticsService(book).report(Q1, TODAY)


@pytest.fixture
def page(qtbot, shop):
    from ui.pages.analytics import AnalyticsPage
    from ui.tasks import TaskRunner

    book, _ = shop
    tasks = TaskRunner()
    widget = AnalyticsPage(AnalyticsService(book), tasks, lambda: TODAY)
    qtbot.addWidget(widget)
    widget.resize(1300, 2200)
    yield widget
    tasks.cancel_all()
    tasks.wait(5000)


def all_charts():
    from ui.charts.repurchase import (
        CohortChart,
        IntervalChart,
        ProductIntervalChart,
        PurchaseCountChart,
        RepeatRateChart,
    )
    from ui.charts.sales import NewReturningChart, ProvinceChart, RfmChart, SalesTrendChart, StageChart

    return (CohortChart, IntervalChart, ProductIntervalChart, PurchaseCountChart, RepeatRateChart,
            NewReturningChart, ProvinceChart, RfmChart, SalesTrendChart, StageChart)


def test_cjk_font_is_found_and_registered():
    import matplotlib

    from ui.charts.fonts import setup_cjk_font

    family = setup_cjk_font()
    assert family is not None
    assert matplotlib.rcParams["font.sans-serif"][0] == family
    assert matplotlib.rcParams["axes.unicode_minus"] is False


@pytest.mark.parametrize("chart_class", all_charts(), ids=lambda c: c.__name__)
def test_chart_renders_chinese_without_missing_glyphs(qtbot, shop, report, chart_class, tmp_path):
    from ui.charts.repurchase import ProductIntervalChart

    book, _ = shop
    chart = chart_class()
    qtbot.addWidget(chart)
    chart.resize(640, 380)
    data = AnalyticsService(book).product_intervals(Q1, TODAY) if chart_class is ProductIntervalChart else report
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        chart.show_report(data)
        chart.figure.text(0.01, 0.01, "重要价值客户 广东 蜂蜜 −12")  # Chinese and a minus on every chart
        chart.canvas.draw()
    missing = [str(w.message) for w in caught if "missing from" in str(w.message)]
    assert missing == []
    assert chart.figure.axes, "the chart drew axes"
    chart.save_png(str(tmp_path / "chart.png"))
    assert (tmp_path / "chart.png").stat().st_size > 5000


def test_hover_shows_exact_values_and_click_reports_the_selection(qtbot, report):
    from matplotlib.backend_bases import MouseEvent

    from ui.charts.sales import ProvinceChart

    chart = ProvinceChart()
    qtbot.addWidget(chart)
    chart.resize(640, 380)
    chart.show_report(report)
    chart.canvas.draw()
    axes = chart.figure.axes[0]
    first_bar = axes.patches[0]  # 广东: 2 buyers, ¥150.00 (the hand-computed book)
    x, y = axes.transData.transform((first_bar.get_x() + first_bar.get_width() / 2,
                                     first_bar.get_y() + first_bar.get_height() / 2))
    event = MouseEvent("button_press_event", chart.canvas, x, y, button=1)
    target = chart.hit(event)
    assert target is not None and "广东" in target.text and "2" in target.text and "¥150.00" in target.text
    with qtbot.waitSignal(chart.element_clicked) as signal:
        chart._on_canvas_press(event)
    assert signal.args[0] == Selection("province", "广东")
    outside = MouseEvent("motion_notify_event", chart.canvas, 1, 1)
    assert chart.hit(outside) is None


def test_excel_export_has_the_numbers(qtbot, report, tmp_path):
    from openpyxl import load_workbook

    from ui.charts.sales import SalesTrendChart

    chart = SalesTrendChart()
    qtbot.addWidget(chart)
    chart.show_report(report)
    path = tmp_path / "sales.xlsx"
    chart.export_excel(str(path))
    rows = list(load_workbook(path).active.iter_rows(values_only=True))
    assert rows[0] == ("Month", "Revenue (yuan)", "Orders", "Buyers", "Average order (yuan)", "Month over")
    assert rows[1] == ("2026-01", 310, 4, 2, 77.5, "yes")
    assert rows[3] == ("2026-03", 30, 1, 1, 30, "no")  # March 15: the month is not over


@pytest.mark.parametrize("title", ["Repurchase within 30/60/90 days", "30天/60天/90天回购", "a:b*c?[d]\\e" + "x" * 40])
def test_every_chart_title_exports_to_excel_and_names_a_file(qtbot, report, tmp_path, title):
    from openpyxl import load_workbook

    from ui.charts.base import file_stem
    from ui.charts.repurchase import CohortChart

    chart = CohortChart()
    qtbot.addWidget(chart)
    chart._title = title
    chart.show_report(report)
    path = tmp_path / f"{file_stem(title)}.xlsx"
    assert "/" not in file_stem(title) and "\\" not in file_stem(title)
    chart.export_excel(str(path))
    sheet = load_workbook(path).active
    assert len(sheet.title) <= 31 and not set("[]:*?/\\") & set(sheet.title)
    assert sheet["A2"].value == "2026-01"  # the January cohort's row


def test_the_real_cohort_chart_exports(qtbot, report, tmp_path):
    from openpyxl import load_workbook

    from ui.charts.repurchase import CohortChart

    chart = CohortChart()
    qtbot.addWidget(chart)
    chart.show_report(report)
    assert "/" in chart.title
    chart.export_excel(str(tmp_path / "c.xlsx"))
    assert load_workbook(tmp_path / "c.xlsx").active.title == "Repurchase within 30-60-90 days"


def test_saved_png_carries_title_period_and_caption(qtbot, report, tmp_path):
    from PySide6.QtGui import QImage

    from ui.charts.sales import SalesTrendChart

    chart = SalesTrendChart()
    qtbot.addWidget(chart)
    chart.resize(640, 380)
    chart.show_report(report)
    chart.set_period("2026-01-01 – 2026-03-15")
    plain = tmp_path / "plain.png"
    chart.figure.savefig(plain, dpi=150, bbox_inches="tight", pad_inches=0.2)
    texts_before = list(chart.figure.texts)
    chart.save_png(str(tmp_path / "saved.png"))
    assert chart.figure.texts == texts_before, "the title and caption are only on the saved picture"
    saved, bare = QImage(str(tmp_path / "saved.png")), QImage(str(plain))
    # two heading lines above (~11 pt at 150 dpi) and the two-line caption below
    assert saved.height() > bare.height() + 60
    legend = chart.figure.axes[0].get_legend()
    assert [t.get_text() for t in legend.get_texts()] == ["Revenue", "Average order value", "month not over"]


def test_excel_export_neutralises_formulas(qtbot, tmp_path):
    from openpyxl import load_workbook

    from ui.charts.base import ChartView

    class Table(ChartView):
        def render(self, report, colours):
            pass

        def table(self):
            return ["Province"], [["=HYPERLINK(\"x\")"]]

    chart = Table("t", "c")
    qtbot.addWidget(chart)
    chart.export_excel(str(tmp_path / "t.xlsx"))
    assert load_workbook(tmp_path / "t.xlsx").active["A2"].value == "'=HYPERLINK(\"x\")"


def show_q1(qtbot, page):
    page.show()
    page.set_preset("custom")
    page.from_edit.setDate(Q1.start)
    page.to_edit.setDate(Q1.end)
    with qtbot.waitSignal(page.report_shown, timeout=20000):
        page.page_activated()


@pytest.mark.slow
def test_first_showing_shows_a_progress_state_while_charts_are_prepared(qtbot, page):
    page.show()
    page.page_activated()
    # at once, before any chart exists: a busy bar and a word, not a frozen window
    assert not page.charts and page.progress_bar.isVisible()
    assert page.status_label.text() == "Preparing the charts…"
    page.page_activated()  # a second activation while preparing starts nothing new
    with qtbot.waitSignal(page.report_shown, timeout=30000):
        pass
    assert len(page.charts) == 10 and not page.progress_bar.isVisible()
    assert page.curve_chart.period.startswith("2025-")  # the period saved PNGs carry


def test_page_computes_in_the_background_and_shows_the_figures(qtbot, page):
    assert not page.charts, "matplotlib waits until the page is shown"
    show_q1(qtbot, page)
    assert page.report.range == Q1
    assert page.buyers_card.value_label.text() == "4"
    assert page.repeat_card.value_label.text() == "25.0%"
    assert page.revenue_card.value_label.text() == "¥490.00"
    assert page.churned_card.value_label.text() == "1"
    assert len(page.charts) == 10 and all(chart.figure.axes for chart in page.charts if chart is not page.product_chart)


@pytest.mark.slow
def test_previous_numbers_stay_until_the_new_ones_arrive(qtbot, page):
    page.show()
    page.set_preset("all")
    with qtbot.waitSignal(page.report_shown, timeout=20000):
        page.page_activated()
    assert page.buyers_card.value_label.text() == "5"
    page.set_preset("this_month")  # March 2026: only D bought
    assert page.buyers_card.value_label.text() == "5"  # still the old figure while computing
    with qtbot.waitSignal(page.report_shown, timeout=20000):
        pass
    assert page.buyers_card.value_label.text() == "1"
    assert page.report.range == DateRange(dt.date(2026, 3, 1), TODAY)


@pytest.mark.slow
def test_click_through_emits_the_customer_ids(qtbot, page, shop):
    _, ids = shop
    show_q1(qtbot, page)
    with qtbot.waitSignal(page.customers_requested, timeout=20000) as signal:
        page.rfm_chart.element_clicked.emit(Selection("rfm", "一般发展客户"), "一般发展客户")
    assert signal.args == [(ids["C"], ids["D"]), "一般发展客户"]
    with qtbot.waitSignal(page.customers_requested, timeout=20000) as signal:
        page.churned_card.clicked.emit()
    assert signal.args[0] == (ids["G"],)


def test_presets(qtbot):
    from ui.pages.analytics import preset_range

    today = dt.date(2026, 11, 23)
    assert preset_range("this_month", today) == DateRange(dt.date(2026, 11, 1), today)
    assert preset_range("last_3_months", today) == DateRange(dt.date(2026, 9, 1), today)
    assert preset_range("last_12_months", today) == DateRange(dt.date(2025, 12, 1), today)
    assert preset_range("this_year", today) == DateRange(dt.date(2026, 1, 1), today)
    assert preset_range("all", today) == DateRange()


@pytest.fixture
def zh_cn(qapp):
    from ui.i18n import install_chinese

    translators = install_chinese(qapp)
    assert translators, "the zh_CN .qm could not be built or loaded"
    yield
    for translator in translators:
        qapp.removeTranslator(translator)


@pytest.mark.slow
def test_page_on_the_demo_book_in_chinese_screenshot(qtbot, zh_cn, tmp_path):
    """Saved as artifacts/screenshots/page_analytics_demo.png for people to look at."""
    from pathlib import Path

    from PySide6.QtGui import QColor

    from core.book.db import Book
    from core.demo.build import build_demo
    from ui.pages.analytics import AnalyticsPage
    from ui.tasks import TaskRunner

    today = dt.date(2026, 11, 23)
    build_demo(tmp_path / "demo.book", customers=300, seed=1, today=today)
    book = Book.open(tmp_path / "demo.book", backup_root=tmp_path / "backups", daily_backup=False)
    tasks = TaskRunner()
    page = AnalyticsPage(AnalyticsService(book), tasks, lambda: today)
    qtbot.addWidget(page)
    page.resize(1300, 3300)
    page.show()
    try:
        assert page.range_box.currentText() == "近 12 个月"
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            with qtbot.waitSignal(page.report_shown, timeout=30000):
                page.page_activated()
            qtbot.waitUntil(lambda: bool(page.product_chart.figure.axes), timeout=30000)
            for chart in page.charts:
                chart.canvas.draw()
        assert [str(w.message) for w in caught if "missing from" in str(w.message)] == []
        assert page.report.summary.buyers > 0 and page.rfm_chart.figure.axes
        labels = [t.get_text() for t in page.rfm_chart.figure.axes[0].get_yticklabels()]
        assert "重要价值客户" in labels
        out = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"
        out.mkdir(parents=True, exist_ok=True)
        image = page.grab().toImage()
        assert image.save(str(out / "page_analytics_demo.png"))
        colours = {QColor(image.pixel(x, y)).name() for x in range(0, image.width(), 9) for y in range(0, image.height(), 9)}
        assert len(colours) > 20
    finally:
        tasks.cancel_all()
        tasks.wait(10000)
        book.close()


def test_months_without_orders_leave_a_gap_in_the_average_order_line(qtbot, shop):
    import math

    from ui.charts.sales import SalesTrendChart

    book, _ = shop
    data = AnalyticsService(book).report(DateRange(dt.date(2025, 11, 1), TODAY), TODAY)
    chart = SalesTrendChart()
    qtbot.addWidget(chart)
    chart.show_report(data)
    months = [m.month for m in data.months]
    line = chart.figure.axes[1].lines[0].get_ydata()
    assert months[0] == "2025-11" and math.isnan(line[0])  # no orders in November 2025: no ¥0 point
    assert line[months.index("2026-01")] > 0


def test_an_all_zero_repeat_rate_has_a_readable_percent_axis(qtbot, shop):
    from ui.charts.repurchase import RepeatRateChart

    book, _ = shop
    data = AnalyticsService(book).report(DateRange(dt.date(2025, 6, 1), dt.date(2025, 6, 30)), TODAY)
    assert [m.repeat_rate for m in data.months] == [0]  # 高歌 bought once in June, never again
    chart = RepeatRateChart()
    qtbot.addWidget(chart)
    chart.show_report(data)
    assert chart.figure.axes[0].get_ylim() == (0, 10)  # not 0–0.05 %
