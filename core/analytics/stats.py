"""The `stats` command: repurchase figures of a book for a date range, as JSON or a short text."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from core import clock
from core.analytics.dto import DateRange
from core.analytics.report import AnalyticsReport, compute_report, report_to_json
from core.errors import EXIT_OK, RejectedInput


def parse_date(value: str | None, option: str) -> dt.date | None:
    """YYYY-MM-DD or None; RejectedInput naming the option otherwise."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise RejectedInput("bad_date", f"{option} must be a date like 2026-01-31, not {value!r}",
                            option=option, value=value) from None


def stats_command(location: str | Path, date_from: str | None, date_to: str | None, *, as_json: bool,
                  today: dt.date | None = None) -> int:
    """Print the figures of the book at `location`; reads only (no writer lock, no daily backup)."""
    from core.book.db import Book

    start, end = parse_date(date_from, "--from"), parse_date(date_to, "--to")
    if start and end and start > end:
        raise RejectedInput("bad_range", "--from is after --to", start=str(start), end=str(end))
    with Book.open(location, lock=False, daily_backup=False, program="huitouke stats") as book, book.session() as s:
        report = compute_report(s, DateRange(start, end), today or clock.today())
    if as_json:
        print(json.dumps(report_to_json(report), ensure_ascii=False, indent=2))
    else:
        print(report_to_text(report))
    return EXIT_OK


def report_to_text(report: AnalyticsReport) -> str:
    s = report.summary

    def rate(value: float | None) -> str:
        return "-" if value is None else f"{value * 100:.1f}%"

    lines = [
        f"Range: {report.range.start} .. {report.range.end}",
        f"Buyers: {s.buyers}   repeat buyers: {s.repeat_buyers}   repeat rate: {rate(s.repeat_rate)}",
        f"Orders: {s.orders}   revenue: {s.revenue_cents / 100:,.2f}",
        f"Median repurchase interval: {'-' if s.median_interval_days is None else s.median_interval_days} days",
        f"Magic number: {magic_text(report)}",
        f"Churned customers: {s.churned_customers}",
        "RFM: " + ", ".join(f"{name} {count}" for name, count in report.rfm.counts.items()),
        "Month     revenue      orders  buyers  new  returning  next-month",
    ]
    next_month = {r.period: rate(r.rate) + ("" if r.complete else "…") for r in report.next_month}
    for m in report.months:
        lines.append(f"{m.month}  {m.revenue_cents / 100:>11,.2f}  {m.orders:>6}  {m.buyers:>6}  {m.new_buyers:>3}  "
                     f"{m.returning_buyers:>9}  {next_month.get(m.month, '-'):>10}"
                     + ("" if m.complete else "  (month not over)"))
    lines.append("… = not final yet: the next month has not ended")
    return "\n".join(lines)


NO_MAGIC_TEXT = {
    "no_buyers": "no buyers in the range",
    "too_few_customers": "fewer than 2 points of the curve have {n} customers",
    "flat_from_first": "the curve is flat from the first purchase",
    "not_flat": "the curve has not flattened",
}


def magic_text(report: AnalyticsReport) -> str:
    """The magic number, or "none yet" and why (the points need curve.min_customers customers)."""
    curve = report.curve
    if curve.magic_number is not None:
        return str(curve.magic_number)
    reason = NO_MAGIC_TEXT.get(curve.no_magic_reason or "", "")
    return "none yet" + (f" ({reason.format(n=curve.min_customers)})" if reason else "")
