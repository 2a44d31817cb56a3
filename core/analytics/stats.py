"""The `stats` command: repurchase figures of a book for a date range, as JSON or a short text."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from core import clock
from core.analytics.dto import DateRange
from core.analytics.report import AnalyticsReport, compute_report, report_to_json
from core.cli_text import fill, label, translate
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
    """The figures as a few lines in the user's language (core.cli_text: English until the CLI installs its
    translator); the month table's columns line up in both."""
    s = report.summary

    def rate(value: float | None) -> str:
        return "-" if value is None else f"{value * 100:.1f}%"

    segments = translate("Cli", ", ").join(
        f"{label('rfm', name)} {count}" for name, count in report.rfm.counts.items())
    lines = [
        fill(translate("Cli", "Range: %1 .. %2"), report.range.start, report.range.end),
        fill(translate("Cli", "Buyers: %1   repeat buyers: %2   repeat rate: %3"), s.buyers, s.repeat_buyers,
             rate(s.repeat_rate)),
        fill(translate("Cli", "Orders: %1   revenue: %2"), s.orders, f"{s.revenue_cents / 100:,.2f}"),
        fill(translate("Cli", "Median repurchase interval: %1 days"),
             "-" if s.median_interval_days is None else s.median_interval_days),
        fill(translate("Cli", "Magic number: %1"), magic_text(report)),
        fill(translate("Cli", "Churned customers: %1"), s.churned_customers),
        fill(translate("Cli", "RFM: %1"), segments),
        translate("Cli", "Month     revenue      orders  buyers  new  returning  next-month"),
    ]
    next_month = {r.period: rate(r.rate) + ("" if r.complete else "…") for r in report.next_month}
    running = "  " + translate("Cli", "(month not over)")
    for m in report.months:
        lines.append(f"{m.month}  {m.revenue_cents / 100:>11,.2f}  {m.orders:>6}  {m.buyers:>6}  {m.new_buyers:>3}  "
                     f"{m.returning_buyers:>9}  {next_month.get(m.month, '-'):>10}" + ("" if m.complete else running))
    lines.append(translate("Cli", "… = not final yet: the next month has not ended"))
    return "\n".join(lines)


def magic_text(report: AnalyticsReport) -> str:
    """The magic number, or "none yet" and why (the points need curve.min_customers customers)."""
    curve = report.curve
    if curve.magic_number is not None:
        return str(curve.magic_number)
    reasons = {
        "no_buyers": translate("Cli", "no buyers in the range"),
        "too_few_customers": fill(translate("Cli", "fewer than 2 points of the curve have %1 customers"),
                                  curve.min_customers),
        "flat_from_first": translate("Cli", "the curve is flat from the first purchase"),
        "not_flat": translate("Cli", "the curve has not flattened"),
    }
    reason = reasons.get(curve.no_magic_reason or "")
    return fill(translate("Cli", "none yet (%1)"), reason) if reason else translate("Cli", "none yet")
