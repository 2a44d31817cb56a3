"""Analytics benchmark: every metric, the whole Analytics page and each chart on the 100k demo book.

Usage:  python bench/bench_analytics.py [--book PATH] [--customers 100000] [--seed 1] [--repeat 3]
With --book an existing book is used; otherwise a demo book (core.demo.build) is built in a temp folder.
Prints the best of `--repeat` runs per step, next to the targets of issue #7 (page ≤ 2 s, chart ≤ 0.3 s),
with the machine and its load average (the machine is shared: a high load inflates every figure).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import shutil
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from core.analytics import AnalyticsService, DateRange, Selection, repurchase, sales, segments
from core.analytics import data as purchase_data
from core.analytics.report import Scope, product_intervals_in
from core.book.db import Book
from core.settings import get_settings

TODAY = dt.date(2026, 11, 23)
PAGE_TARGET_S = 2.0
FLOOR_SQL = "SELECT customer_id, is_purchase, order_date, paid_cents, refund_cents FROM orders"
CHART_TARGET_S = 0.3


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        cpu = next((line.split(":", 1)[1].strip() for line in cpuinfo.read_text().splitlines()
                    if line.startswith("model name")), cpu)
    return f"{os.cpu_count()} cores ({cpu}), SQLite {sqlite3.sqlite_version}, Python {platform.python_version()}"


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"


def best(fn: Callable[[], object], repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - started)
    return min(times), result


def metric_rows(book: Book, date_range: DateRange, repeat: int) -> list[tuple[str, float]]:
    rows = []
    with book.session() as s:
        seconds, data = best(lambda: purchase_data.load_purchase_days(s), repeat)
        rows.append(("read purchase days (one SQL read + numpy grouping)", seconds))
        lo, hi = purchase_data.resolve_range(date_range, data, TODAY)
        provinces = sales.load_customer_provinces(s)
        scope = Scope(data=data, provinces=provinces, lo=lo, hi=hi, today_day=purchase_data.to_epoch_day(TODAY),
                      mask=data.in_range(lo, hi))
        mask, settings = scope.mask, get_settings(s, "analytics.")
        _ids, counts = repurchase.days_per_customer(data, mask)
        first, last = int(purchase_data.months_of(data.day[mask]).min()), int(purchase_data.months_of(data.day[mask]).max())
        steps = [
            ("buyers, repeat buyers, repeat rate", lambda: repurchase.days_per_customer(data, mask)),
            ("monthly: sales trend, new vs returning, repeat rate", lambda: sales.monthly_figures(data, mask, first, last)),
            ("next-month repurchase rate", lambda: repurchase.next_period_rates(data, mask, scope.today_day, False)),
            ("next-quarter repurchase rate", lambda: repurchase.next_period_rates(data, mask, scope.today_day, True)),
            ("30/60/90-day cohorts", lambda: repurchase.cohorts(data, mask, scope.today_day)),
            ("interval distribution and median",
             lambda: repurchase.interval_distribution(repurchase.interval_gaps(data, mask))),
            ("purchase-count curve and magic number", lambda: repurchase.purchase_count_curve(counts, 10, 0.05)),
            ("read customer provinces", lambda: sales.load_customer_provinces(s)),
            ("provinces", lambda: sales.province_figures(data, mask, provinces)),
            ("RFM eight segments", lambda: segments.rfm_result(data, mask, scope.as_of_day, settings)),
            ("lifecycle stage counts (SQL)", lambda: segments.stage_counts(s, TODAY)),
            ("member level counts (SQL)", lambda: segments.level_counts(s)),
            ("per-product intervals, cold (reads orders and lines; own task)", lambda: product_intervals_in(s, scope)),
            ("book signature (cache check per call)", lambda: purchase_data.book_signature(s)),
        ]
        for name, fn in steps:
            rows.append((name, best(fn, repeat)[0]))
    service = AnalyticsService(book)
    service.report(date_range, TODAY)  # the page has computed before anyone clicks
    service.product_intervals(date_range, TODAY)
    rows.append(("per-product intervals, warm (range changed)",
                 best(lambda: service.product_intervals(DateRange(dt.date(2025, 12, 1), TODAY), TODAY), repeat)[0]))
    for name, selection in (("click-through: RFM segment ids", Selection("rfm", "重要价值客户")),
                            ("click-through: stage ids", Selection("stage", "churned")),
                            ("click-through: new buyers of a month", Selection("month_new", f"{TODAY:%Y-%m}"))):
        rows.append((name, best(lambda sel=selection: service.customers_for(sel, date_range, TODAY), repeat)[0]))
    return rows


def chart_rows(report, products, repeat: int) -> list[tuple[str, float]]:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from ui.charts.repurchase import (
        CohortChart,
        IntervalChart,
        ProductIntervalChart,
        PurchaseCountChart,
        RepeatRateChart,
    )
    from ui.charts.sales import NewReturningChart, ProvinceChart, RfmChart, SalesTrendChart, StageChart

    rows = []
    for chart_class in (SalesTrendChart, RepeatRateChart, NewReturningChart, CohortChart, IntervalChart,
                        ProductIntervalChart, PurchaseCountChart, RfmChart, StageChart, ProvinceChart):
        chart = chart_class()
        chart.resize(640, 380)
        chart.show()
        app.processEvents()
        data = products if chart_class is ProductIntervalChart else report

        def draw(chart=chart, data=data):
            chart.show_report(data)
            chart.canvas.draw()

        draw()  # the first draw of a process also loads fonts; the page pays it once
        rows.append((f"chart: {chart.title}", best(draw, repeat)[0]))
        chart.close()
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--book")
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    folder = None
    if args.book:
        path = Path(args.book)
    else:
        from core.demo.build import build_demo

        folder = Path(tempfile.mkdtemp(prefix="huitouke-bench-"))
        path = folder / "demo.book"
        started = time.perf_counter()
        build_demo(path, customers=args.customers, seed=args.seed, today=TODAY)
        print(f"built {path} in {time.perf_counter() - started:.1f} s")
    try:
        book = Book.open(path, lock=False, daily_backup=False)
        with book.session() as s:
            orders = s.connection().exec_driver_sql("SELECT count(*) FROM orders").scalar()
            customers = s.connection().exec_driver_sql("SELECT count(*) FROM customer").scalar()
        print(f"machine: {machine()}; load before: {load()}")
        print(f"book: {customers:,} customers, {orders:,} orders; today {TODAY}")
        floor = None
        if book.path is not None:  # the same run's floor: raw sqlite3 reading the columns every metric needs
            def raw_read():
                with sqlite3.connect(book.path) as con:
                    return con.execute(FLOOR_SQL).fetchall()

            floor = best(raw_read, args.repeat)[0]
        results = [("floor: raw sqlite3 read of every order's customer, status, date, amounts", floor or 0.0, None)]
        for label, date_range in (("all time", DateRange()), ("last 12 months", DateRange(dt.date(2025, 12, 1), TODAY))):
            # cold: a new service reads every order; warm: the range changed, the purchase days are cached
            seconds, report = best(lambda r=date_range: AnalyticsService(book).report(r, TODAY), args.repeat)
            results.append((f"whole page, {label}, cold (compute_report + read)", seconds, PAGE_TARGET_S))
        service = AnalyticsService(book)
        service.report(DateRange(), TODAY)
        for label, date_range in (("all time", DateRange()), ("last 12 months", DateRange(dt.date(2025, 12, 1), TODAY))):
            seconds, report = best(lambda r=date_range: service.report(r, TODAY), args.repeat)
            results.append((f"whole page, {label}, warm (range changed)", seconds, PAGE_TARGET_S))
        results += [(name, seconds, None) for name, seconds in metric_rows(book, DateRange(), args.repeat)]
        products = service.product_intervals(DateRange(dt.date(2025, 12, 1), TODAY), TODAY)
        results += [(name, seconds, CHART_TARGET_S) for name, seconds in chart_rows(report, products, args.repeat)]
        book.close()
        width = max(len(name) for name, _, _ in results)
        print(f"{'step':<{width}}  {'seconds':>8}  {'× floor':>7}  target")
        for name, seconds, target in results:
            verdict = "" if target is None else f"≤ {target:g} s {'ok' if seconds <= target else 'OVER'}"
            ratio = f"{seconds / floor:7.2f}" if floor else " " * 7
            print(f"{name:<{width}}  {seconds:>8.3f}  {ratio}  {verdict}")
        print(f"load after: {load()}")
    finally:
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
