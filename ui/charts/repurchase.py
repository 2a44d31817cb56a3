"""Repurchase charts: repeat-rate trend, cohort heat map, interval histogram, per-product intervals,
and the purchase-count curve with the magic number. Dumb views over core.analytics DTOs."""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import QCoreApplication

from core.analytics import NDAY_WINDOWS, Selection
from ui.charts.base import ChartView, Colours, Target


def percent(rate: float | None) -> str:
    return "–" if rate is None else f"{rate * 100:.1f}%"


def days_text(days: float | None) -> str:
    if days is None:
        return "–"
    return f"{days:.0f}" if float(days).is_integer() else f"{days:.1f}"


def month_ticks(axes, labels: list[str], colours: Colours) -> None:
    """Month labels on the x axis, thinned to at most 12 so they stay legible."""
    step = max(1, -(-len(labels) // 12))
    axes.set_xticks(range(0, len(labels), step))
    axes.set_xticklabels([labels[i] for i in range(0, len(labels), step)], rotation=45, ha="right",
                         color=colours.text)


def mark_running_months(bars, months, colours: Colours) -> None:
    """Hatch and fade the bars of months still running: their figures cover only the days so far."""
    for bar, month in zip(bars, months, strict=True):
        if not month.complete:
            bar.set_alpha(0.45)
            bar.set_hatch("///")
            bar.set_edgecolor(colours.text)


def running_month_handle(colours: Colours, text: str):
    """A legend entry for the hatched bars of a running month."""
    from matplotlib.patches import Patch

    return Patch(facecolor=colours.background, edgecolor=colours.text, hatch="///", label=text)


def running_suffix(month) -> str:
    return "" if month.complete else " — " + QCoreApplication.translate("ChartView", "month not over")


def top_legend(axes, colours: Colours, handles=None) -> None:
    legend = axes.legend(handles=handles, fontsize=8, frameon=False, loc="lower left", bbox_to_anchor=(0, 1.0),
                         ncols=3)
    for text in legend.get_texts():
        text.set_color(colours.text)


class RepeatRateChart(ChartView):
    """Monthly repeat purchase rate and next-month repurchase rate."""

    MARGINS: ClassVar[dict[str, float]] = {**ChartView.MARGINS, "top": 0.9}

    def __init__(self, parent=None) -> None:
        super().__init__(
            self.tr("Repeat rate by month"),
            self.tr("Solid: share of the month's buyers with 2+ purchase days in that month. Dashed: share "
                    "who buy again the next month (hollow = next month not over yet)."), parent)

    def render(self, report, colours: Colours) -> None:
        months = report.months
        axes = self.axes_or_message(colours, any(m.buyers for m in months))
        if axes is None:
            return
        labels = [m.month for m in months]
        rates = [(m.repeat_rate or 0) * 100 for m in months]
        final = [i for i, m in enumerate(months) if m.complete]
        running = [i for i, m in enumerate(months) if not m.complete]
        axes.plot(final, [rates[i] for i in final], color=colours.series[0], linewidth=1.6, marker="o", markersize=4,
                  label=self.tr("Repeat rate"))
        if running:
            axes.plot(running, [rates[i] for i in running], linestyle="none", marker="o", markersize=5,
                      markerfacecolor=colours.background, markeredgecolor=colours.series[0],
                      label=QCoreApplication.translate("ChartView", "month not over"))
        for i, m in enumerate(months):
            self.add_point(axes, i, rates[i], self.tr("%1: %2 of %3 buyers bought on 2+ days (%4)")
                           .replace("%1", m.month).replace("%2", str(m.repeat_buyers)).replace("%3", str(m.buyers))
                           .replace("%4", percent(m.repeat_rate)) + running_suffix(m),
                           Selection("month_repeat", m.month), self.tr("Repeat buyers of %1").replace("%1", m.month))
        next_by_month = {r.period: r for r in report.next_month}
        points = [(i, next_by_month[month]) for i, month in enumerate(labels)
                  if month in next_by_month and next_by_month[month].rate is not None]
        axes.plot([i for i, _ in points], [r.rate * 100 for _, r in points], color=colours.series[1], linewidth=1.4,
                  linestyle="--", label=self.tr("Next-month rate"))
        axes.plot([i for i, r in points if r.complete], [r.rate * 100 for _, r in points if r.complete],
                  linestyle="none", marker="o", markersize=4, color=colours.series[1])
        axes.plot([i for i, r in points if not r.complete], [r.rate * 100 for _, r in points if not r.complete],
                  linestyle="none", marker="o", markersize=5, markerfacecolor=colours.background,
                  markeredgecolor=colours.series[1])
        for i, rate in points:
            month = labels[i]
            self.add_point(axes, i, rate.rate * 100, self.tr("%1: %2 of %3 buyers bought again the next month (%4)")
                           .replace("%1", month).replace("%2", str(rate.returned))
                           .replace("%3", str(rate.buyers)).replace("%4", percent(rate.rate)),
                           Selection("next_month_returned", month),
                           self.tr("Buyers of %1 who came back the next month").replace("%1", month))
        axes.set_ylabel("%")
        highest = max(rates + [r.rate * 100 for _, r in points], default=0.0)
        axes.set_ylim(0, max(10.0, highest * 1.15))  # all-zero months: a 0–10 % axis, not 0–0.05 %
        month_ticks(axes, labels, colours)
        top_legend(axes, colours)

    def rows(self):
        report = self.data
        headers = [self.tr("Month"), self.tr("Buyers"), self.tr("Repeat buyers"), self.tr("Repeat rate"),
                   self.tr("Came back next month"), self.tr("Next-month rate"), self.tr("Next month over"),
                   QCoreApplication.translate("ChartView", "Month over")]
        next_by_month = {r.period: r for r in report.next_month}
        rows = []
        for m in report.months:
            n = next_by_month.get(m.month)
            rows.append([m.month, m.buyers, m.repeat_buyers, m.repeat_rate, n.returned if n else None,
                         n.rate if n else None, (self.tr("yes") if n.complete else self.tr("no")) if n else None,
                         self.tr("yes") if m.complete else self.tr("no")])
        for q in report.next_quarter:
            rows.append([q.period, q.buyers, None, None, q.returned, q.rate,
                         self.tr("yes") if q.complete else self.tr("no")])
        return headers, rows


class CohortChart(ChartView):
    """Heat map: first-purchase cohort month × 30/60/90-day repurchase rate (darker = higher)."""

    MARGINS: ClassVar[dict[str, float]] = {**ChartView.MARGINS, "left": 0.12}

    MAX_COHORTS = 24

    def __init__(self, parent=None) -> None:
        super().__init__(
            self.tr("Repurchase within 30/60/90 days"),
            self.tr("Customers whose first purchase falls in the month: share with a second purchase day "
                    "within 30, 60 or 90 days. Hatched with “…” = the window is still open (not final, left out "
                    "of the colours)."), parent)
        self._cells: dict[tuple[int, int], Target] = {}
        self._axes = None

    def render(self, report, colours: Colours) -> None:
        import numpy as np

        self._cells = {}
        cohorts = report.cohorts[-self.MAX_COHORTS:]
        axes = self.axes_or_message(colours, bool(cohorts), self.tr("No first purchases in this range"))
        if axes is None:
            return
        axes.grid(False)
        axes.set_facecolor(colours.background)
        values = np.array([[w.rate if w.rate is not None and w.complete else np.nan for w in c.windows]
                           for c in cohorts]).T
        image = axes.imshow(values * 100, aspect="auto", cmap="YlGnBu", vmin=0,
                            vmax=max(1.0, float(np.nanmax(values * 100)) if np.isfinite(values).any() else 1.0))
        axes.set_yticks(range(len(NDAY_WINDOWS)))
        axes.set_yticklabels([self.tr("%1 days").replace("%1", str(n)) for n in NDAY_WINDOWS], color=colours.text)
        month_ticks(axes, [c.month for c in cohorts], colours)
        from matplotlib.patches import Rectangle

        show_text = len(cohorts) <= 12
        for col, cohort in enumerate(cohorts):
            for row, window in enumerate(cohort.windows):
                mark = "" if window.complete else "…"
                if not window.complete:
                    axes.add_patch(Rectangle((col - 0.5, row - 0.5), 1, 1, facecolor="none", hatch="///",
                                             edgecolor=colours.grid, linewidth=0))
                if show_text and window.rate is not None:
                    shade = window.rate * 100 / (image.norm.vmax or 1) if window.complete else 0
                    axes.text(col, row, f"{window.rate * 100:.0f}%{mark}", ha="center", va="center", fontsize=7,
                              color="white" if shade > 0.55 else (colours.text if not window.complete else "#222222"))
                self._cells[(col, row)] = Target(
                    lambda _event: True, self.tr("%1 cohort, %2 customers: %3 bought again within %4 days (%5)%6")
                    .replace("%1", cohort.month).replace("%2", str(cohort.customers))
                    .replace("%3", str(window.repurchased)).replace("%4", str(window.days))
                    .replace("%5", percent(window.rate))
                    .replace("%6", "" if window.complete else " — " + self.tr("window still open")),
                    Selection("cohort_repurchased", cohort.month, window.days),
                    self.tr("First bought in %1, back within %2 days").replace("%1", cohort.month)
                    .replace("%2", str(window.days)))
        self._axes = axes

    def hit(self, event):
        if event.inaxes is not self._axes or event.xdata is None:
            return None
        return self._cells.get((round(event.xdata), round(event.ydata)))

    def targets(self) -> list[Target]:
        return list(self._cells.values())

    def rows(self):
        headers = [self.tr("First-purchase month"), self.tr("Customers")]
        for n in NDAY_WINDOWS:
            headers += [self.tr("Back within %1 days").replace("%1", str(n)),
                        self.tr("Rate %1 days").replace("%1", str(n)),
                        self.tr("%1-day window over").replace("%1", str(n))]
        rows = []
        for c in self.data.cohorts:
            row = [c.month, c.customers]
            for w in c.windows:
                row += [w.repurchased, w.rate, self.tr("yes") if w.complete else self.tr("no")]
            rows.append(row)
        return headers, rows


class IntervalChart(ChartView):
    """Histogram of repurchase intervals with the median marked."""

    MARGINS: ClassVar[dict[str, float]] = {**ChartView.MARGINS, "bottom": 0.25}

    def __init__(self, parent=None) -> None:
        super().__init__(
            self.tr("Repurchase interval"),
            self.tr("Days between two consecutive purchase days of a customer, counted where the later "
                    "one is in the range; the line is the median."), parent)

    @staticmethod
    def bin_label(low: int, high: int | None) -> str:
        return f"{low}+" if high is None else f"{low}–{high}"

    def render(self, report, colours: Colours) -> None:
        dist = report.intervals
        axes = self.axes_or_message(colours, bool(dist.count), self.tr("No repurchases in this range"))
        if axes is None:
            return
        labels = [self.bin_label(b.low, b.high) for b in dist.bins]
        bars = axes.bar(range(len(dist.bins)), [b.count for b in dist.bins], color=colours.series[0], width=0.8)
        for bar, b, label in zip(bars, dist.bins, labels, strict=True):
            key = f"{b.low}-{b.high}" if b.high is not None else f"{b.low}-"
            self.add_target(bar, self.tr("%1 days: %2 repurchases").replace("%1", label).replace("%2", str(b.count)),
                            Selection("interval", key),
                            self.tr("Came back after %1 days").replace("%1", label))
        if dist.median_days is not None:
            index = max(i for i, b in enumerate(dist.bins) if b.low <= max(dist.median_days, 1))
            axes.axvline(index, color=colours.highlight, linewidth=1.4, linestyle="--")
            axes.text(index + 0.15, axes.get_ylim()[1] * 0.92,
                      self.tr("median %1 days").replace("%1", days_text(dist.median_days)),
                      color=colours.highlight, fontsize=8)
        axes.set_xticks(range(len(labels)))
        axes.set_xticklabels(labels, rotation=45, ha="right", color=colours.text)
        axes.set_xlabel(self.tr("days"))

    def rows(self):
        dist = self.data.intervals
        rows = [[self.bin_label(b.low, b.high), b.low, b.high, b.count] for b in dist.bins]
        rows += [[self.tr("median"), None, None, dist.median_days], [self.tr("25th percentile"), None, None, dist.p25_days],
                 [self.tr("75th percentile"), None, None, dist.p75_days], [self.tr("mean"), None, None, dist.mean_days],
                 [self.tr("intervals"), None, None, dist.count]]
        return [self.tr("Days"), self.tr("From"), self.tr("To"), self.tr("Repurchases")], rows


class ProductIntervalChart(ChartView):
    """Median repurchase interval per product (the most repurchased first), product cycle as a dot."""

    MARGINS: ClassVar[dict[str, float]] = {**ChartView.MARGINS, "left": 0.3, "bottom": 0.14}

    MAX_PRODUCTS = 15

    def __init__(self, parent=None) -> None:
        super().__init__(
            self.tr("Repurchase interval by product"),
            self.tr("Median days between two purchase days of the same product by the same customer; the dot "
                    "is the product's set usage cycle."), parent)

    def render(self, products, colours: Colours) -> None:
        shown = tuple(products or ())[:self.MAX_PRODUCTS]
        axes = self.axes_or_message(colours, bool(shown),
                                    self.tr("No product was bought twice by one customer in this range"))
        if axes is None:
            return
        axes.grid(axis="y", visible=False)
        axes.grid(axis="x", color=colours.grid, alpha=0.35, linewidth=0.6)
        y = list(range(len(shown)))[::-1]
        bars = axes.barh(y, [p.median_days or 0 for p in shown], color=colours.series[2], height=0.7)
        for bar, p in zip(bars, shown, strict=True):
            self.add_target(bar, self.tr("%1: median %2 days over %3 repurchases; cycle %4")
                            .replace("%1", p.product_name).replace("%2", days_text(p.median_days))
                            .replace("%3", str(p.count))
                            .replace("%4", self.tr("not set") if p.cycle_days is None
                                     else self.tr("%1 days").replace("%1", str(p.cycle_days))))
        cycles = [(yy, p.cycle_days) for yy, p in zip(y, shown, strict=True) if p.cycle_days]
        if cycles:
            axes.scatter([c for _, c in cycles], [yy for yy, _ in cycles], color=colours.highlight, s=18, zorder=3)
        axes.set_yticks(y)
        axes.set_yticklabels([p.product_name for p in shown], color=colours.text, fontsize=8)
        axes.set_xlabel(self.tr("days"))

    def rows(self):
        return ([self.tr("Product"), self.tr("Repurchases"), self.tr("Median days"), self.tr("Set cycle (days)")],
                [[p.product_name, p.count, p.median_days, p.cycle_days] for p in self.data or ()])


class PurchaseCountChart(ChartView):
    """P(k+1 | k) against k: counted points filled, points with too few customers hollow; the magic number
    marked, or why there is none yet (docs/ANALYTICS.md)."""

    MARGINS: ClassVar[dict[str, float]] = {**ChartView.MARGINS, "bottom": 0.15, "top": 0.88}

    def __init__(self, parent=None) -> None:
        super().__init__(self.tr("Purchase-count curve and magic number"), "", parent)

    def no_magic_text(self, reason: str | None, min_customers: int) -> str:
        texts = {
            "no_buyers": self.tr("no buyers in this range"),
            "too_few_customers": self.tr("fewer than 2 points have %1 customers"),
            "flat_from_first": self.tr("the curve is flat from the first purchase"),
            "not_flat": self.tr("the counted points have not settled"),
        }
        return self.tr("No magic number yet: %1").replace(
            "%1", texts.get(reason or "", "").replace("%1", str(min_customers)))

    def render(self, report, colours: Colours) -> None:
        curve = report.curve
        self.caption_label.setText(
            self.tr("Of the customers with at least k purchase days in the range, the share who reach k+1. A point "
                    "counts only when %1 or more customers reached k (hollow points have fewer and decide nothing). "
                    "The magic number is the smallest k from which no counted point rises more than %2 points "
                    "above it.").replace("%1", str(curve.min_customers))
            .replace("%2", f"{curve.tolerance * 100:g}"))
        axes = self.axes_or_message(colours, bool(curve.points), self.tr("Too few buyers for a curve"))
        if axes is None:
            return
        ks = [p.k for p in curve.points]
        rates = [p.rate * 100 for p in curve.points]
        axes.plot(ks, rates, color=colours.series[0], linewidth=1.2)
        counted = [(p.k, r) for p, r in zip(curve.points, rates, strict=True) if p.supported]
        thin = [(p.k, r) for p, r in zip(curve.points, rates, strict=True) if not p.supported]
        if counted:
            axes.plot([k for k, _ in counted], [r for _, r in counted], linestyle="none", marker="o", markersize=5,
                      color=colours.series[0],
                      label=self.tr("counted (%1+ customers)").replace("%1", str(curve.min_customers)))
        if thin:
            axes.plot([k for k, _ in thin], [r for _, r in thin], linestyle="none", marker="o", markersize=5,
                      markerfacecolor=colours.background, markeredgecolor=colours.grid,
                      label=self.tr("too few customers"))
        for p, rate in zip(curve.points, rates, strict=True):
            note = "" if p.supported else " — " + self.tr("too few customers to count")
            self.add_point(axes, p.k, rate, self.tr("%1 of %2 customers with %3+ purchase days reached %4 (%5)")
                           .replace("%1", str(p.customers_at_least_next)).replace("%2", str(p.customers_at_least_k))
                           .replace("%3", str(p.k)).replace("%4", str(p.k + 1)).replace("%5", percent(p.rate)) + note,
                           Selection("purchase_days_at_least", str(p.k + 1)),
                           self.tr("Customers with %1+ purchase days").replace("%1", str(p.k + 1)))
        axes.set_xlim(0.5, max(ks) + 0.5)
        if curve.magic_number is not None:
            magic = curve.magic_number
            axes.axvline(magic, color=colours.highlight, linestyle="--", linewidth=1.4)
            right_half = magic > (max(ks) + 1) / 2
            axes.text(magic + (-0.15 if right_half else 0.15), 6,
                      self.tr("magic number %1").replace("%1", str(magic)), ha="right" if right_half else "left",
                      va="bottom", color=colours.highlight, fontsize=9, clip_on=True)
        else:
            axes.text(0.02, 0.04, self.no_magic_text(curve.no_magic_reason, curve.min_customers),
                      transform=axes.transAxes, ha="left", va="bottom", color=colours.highlight, fontsize=8)
        step = max(1, -(-len(ks) // 15))
        axes.set_xticks(ks[::step])
        axes.set_xlabel(self.tr("k (purchase days)"))
        axes.set_ylabel("P(k+1 | k) %")
        axes.set_ylim(0, 105)
        top_legend(axes, colours)

    def rows(self):
        curve = self.data.curve
        rows = [[p.k, p.customers_at_least_k, p.customers_at_least_next, p.rate,
                 self.tr("yes") if p.supported else self.tr("no")] for p in curve.points]
        rows.append([self.tr("magic number"), curve.magic_number, None, None,
                     None if curve.magic_number is not None
                     else self.no_magic_text(curve.no_magic_reason, curve.min_customers)])
        return [self.tr("k"), self.tr("Customers with ≥ k"), self.tr("Customers with ≥ k+1"), "P(k+1 | k)",
                self.tr("Counts")], rows
