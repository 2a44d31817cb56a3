"""Sales and segment charts: new vs returning buyers, sales trend, provinces, RFM segments, lifecycle
stages and member levels. Dumb views over core.analytics DTOs."""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import QCoreApplication

from core.analytics import Selection
from ui.charts.base import ChartView, Colours
from ui.charts.repurchase import (
    mark_running_months,
    month_ticks,
    percent,
    running_month_handle,
    running_suffix,
    top_legend,
)
from ui.text.labels import STAGES, label, money, rfm_label


def month_over(month) -> str:
    """"yes" / "no" for the Excel column saying whether the month's figures are final."""
    if month.complete:
        return QCoreApplication.translate("ChartView", "yes")
    return QCoreApplication.translate("ChartView", "no")


def yuan_axis(axes) -> None:
    axes.yaxis.set_major_formatter(lambda value, _pos: f"¥{value:,.0f}")


def horizontal_grid(axes, colours: Colours) -> None:
    axes.grid(axis="y", visible=False)
    axes.grid(axis="x", color=colours.grid, alpha=0.35, linewidth=0.6)


class NewReturningChart(ChartView):
    """Stacked bars per month: new buyers and returning buyers."""

    MARGINS: ClassVar[dict[str, float]] = {**ChartView.MARGINS, "top": 0.9}

    def __init__(self, parent=None) -> None:
        super().__init__(
            self.tr("New and returning buyers"),
            self.tr("Buyers per month: new = first purchase ever in that month, returning = bought before."),
            parent)

    def render(self, report, colours: Colours) -> None:
        months = report.months
        axes = self.axes_or_message(colours, any(m.buyers for m in months))
        if axes is None:
            return
        x = range(len(months))
        new = axes.bar(x, [m.new_buyers for m in months], color=colours.series[2], width=0.75, label=self.tr("New"))
        back = axes.bar(x, [m.returning_buyers for m in months], bottom=[m.new_buyers for m in months],
                        color=colours.series[0], width=0.75, label=self.tr("Returning"))
        mark_running_months(new, months, colours)
        mark_running_months(back, months, colours)
        for bar_new, bar_back, m in zip(new, back, months, strict=True):
            self.add_target(bar_new, self.tr("%1: %2 new buyers, %3").replace("%1", m.month)
                            .replace("%2", str(m.new_buyers)).replace("%3", money(m.new_revenue_cents))
                            + running_suffix(m),
                            Selection("month_new", m.month), self.tr("New buyers of %1").replace("%1", m.month))
            self.add_target(bar_back, self.tr("%1: %2 returning buyers, %3").replace("%1", m.month)
                            .replace("%2", str(m.returning_buyers)).replace("%3", money(m.returning_revenue_cents))
                            + running_suffix(m),
                            Selection("month_returning", m.month),
                            self.tr("Returning buyers of %1").replace("%1", m.month))
        month_ticks(axes, [m.month for m in months], colours)
        handles = [new, back]
        if not all(m.complete for m in months):
            handles.append(running_month_handle(colours, QCoreApplication.translate("ChartView", "month not over")))
        top_legend(axes, colours, handles)

    def rows(self):
        return ([self.tr("Month"), self.tr("New buyers"), self.tr("Returning buyers"), self.tr("New buyers' revenue"),
                 self.tr("Returning buyers' revenue"), QCoreApplication.translate("ChartView", "Month over")],
                [[m.month, m.new_buyers, m.returning_buyers, m.new_revenue_cents / 100, m.returning_revenue_cents / 100,
                  month_over(m)] for m in self.data.months])


class SalesTrendChart(ChartView):
    """Revenue bars per month with the average order value as a line."""

    MARGINS: ClassVar[dict[str, float]] = {**ChartView.MARGINS, "left": 0.13, "right": 0.89, "top": 0.9}

    def __init__(self, parent=None) -> None:
        super().__init__(
            self.tr("Sales trend"),
            self.tr("Revenue (paid minus refunded) per month over purchases; the line is the average order value."),
            parent)

    def render(self, report, colours: Colours) -> None:
        months = report.months
        axes = self.axes_or_message(colours, any(m.orders for m in months))
        if axes is None:
            return
        x = list(range(len(months)))
        bars = axes.bar(x, [m.revenue_cents / 100 for m in months], color=colours.series[0], width=0.75,
                        label=self.tr("Revenue"))
        mark_running_months(bars, months, colours)
        for bar, m in zip(bars, months, strict=True):
            self.add_target(bar, self.tr("%1: revenue %2, %3 orders, %4 buyers, average order %5")
                            .replace("%1", m.month).replace("%2", money(m.revenue_cents)).replace("%3", str(m.orders))
                            .replace("%4", str(m.buyers)).replace("%5", money(m.aov_cents)) + running_suffix(m),
                            Selection("month_buyers", m.month), self.tr("Buyers of %1").replace("%1", m.month))
        yuan_axis(axes)
        aov = axes.twinx()
        # A month without orders has no average order value: a gap in the line, not a fall to ¥0.
        (line,) = aov.plot(x, [m.aov_cents / 100 if m.orders else float("nan") for m in months],
                           color=colours.series[1], linewidth=1.5,
                           marker="o", markersize=3, label=self.tr("Average order value"))
        aov.tick_params(colors=colours.series[1], labelsize=8)
        aov.spines["right"].set_color(colours.series[1])
        aov.spines["top"].set_visible(False)
        aov.set_ylim(bottom=0)
        yuan_axis(aov)
        month_ticks(axes, [m.month for m in months], colours)
        handles = [bars, line]
        if not all(m.complete for m in months):
            handles.append(running_month_handle(colours, QCoreApplication.translate("ChartView", "month not over")))
        top_legend(axes, colours, handles)

    def rows(self):
        return ([self.tr("Month"), self.tr("Revenue (yuan)"), self.tr("Orders"), self.tr("Buyers"),
                 self.tr("Average order (yuan)"), QCoreApplication.translate("ChartView", "Month over")],
                [[m.month, m.revenue_cents / 100, m.orders, m.buyers, m.aov_cents / 100, month_over(m)]
                 for m in self.data.months])


class ProvinceChart(ChartView):
    """Horizontal bars: buyers per province (top 15)."""

    MARGINS: ClassVar[dict[str, float]] = {**ChartView.MARGINS, "left": 0.2, "bottom": 0.1}

    MAX_PROVINCES = 15

    def __init__(self, parent=None) -> None:
        super().__init__(self.tr("Buyers by province"),
                         self.tr("Buyers in the range by the province of their address (top 15)."), parent)

    def province_name(self, province: str) -> str:
        return province or self.tr("Unknown")

    def render(self, report, colours: Colours) -> None:
        shown = report.provinces[:self.MAX_PROVINCES]
        axes = self.axes_or_message(colours, bool(shown))
        if axes is None:
            return
        horizontal_grid(axes, colours)
        y = list(range(len(shown)))[::-1]
        bars = axes.barh(y, [p.buyers for p in shown], color=colours.series[4], height=0.7)
        for bar, p in zip(bars, shown, strict=True):
            name = self.province_name(p.province)
            self.add_target(bar, self.tr("%1: %2 buyers, %3").replace("%1", name).replace("%2", str(p.buyers))
                            .replace("%3", money(p.revenue_cents)),
                            Selection("province", p.province), self.tr("Buyers in %1").replace("%1", name))
        axes.set_yticks(y)
        axes.set_yticklabels([self.province_name(p.province) for p in shown], color=colours.text, fontsize=8)

    def rows(self):
        return ([self.tr("Province"), self.tr("Buyers"), self.tr("Revenue (yuan)")],
                [[self.province_name(p.province), p.buyers, p.revenue_cents / 100] for p in self.data.provinces])


class RfmChart(ChartView):
    """Horizontal bars: buyers in each of the eight RFM segments."""

    MARGINS: ClassVar[dict[str, float]] = {**ChartView.MARGINS, "left": 0.36, "bottom": 0.1}

    def __init__(self, parent=None) -> None:
        super().__init__(self.tr("RFM segments"), "", parent)

    def render(self, report, colours: Colours) -> None:
        t = report.rfm.thresholds
        spend = money(t.high_spend_cents) + (" " + self.tr("(the median)") if t.spend_is_median else "")
        self.caption_label.setText(
            self.tr("Buyers of the range: recent = last purchase ≤ %1 days before %2; frequent = %3+ purchase "
                    "days; high spend = %4 or more.").replace("%1", str(t.recent_days))
            .replace("%2", report.rfm.as_of.isoformat()).replace("%3", str(t.high_purchase_days)).replace("%4", spend))
        counts = report.rfm.counts
        axes = self.axes_or_message(colours, bool(sum(counts.values())))
        if axes is None:
            return
        horizontal_grid(axes, colours)
        names = list(counts)
        y = list(range(len(names)))[::-1]
        palette = [colours.series[i % len(colours.series)] for i in range(len(names))]
        bars = axes.barh(y, [counts[n] for n in names], color=palette, height=0.7)
        total = sum(counts.values())
        for bar, name in zip(bars, names, strict=True):
            self.add_target(bar, self.tr("%1: %2 customers (%3)").replace("%1", rfm_label(name))
                            .replace("%2", str(counts[name])).replace("%3", percent(counts[name] / total)),
                            Selection("rfm", name), rfm_label(name))
        axes.set_yticks(y)
        axes.set_yticklabels([rfm_label(n) for n in names], color=colours.text, fontsize=8)

    def rows(self):
        return ([self.tr("Segment"), self.tr("Segment (Chinese)"), self.tr("Customers")],
                [[rfm_label(n), n, c] for n, c in self.data.rfm.counts.items()])


class StageChart(ChartView):
    """Customers today by lifecycle stage (left) and by member level (right)."""

    MARGINS: ClassVar[dict[str, float]] = {**ChartView.MARGINS, "left": 0.14, "bottom": 0.1, "wspace": 0.55}

    def __init__(self, parent=None) -> None:
        super().__init__(self.tr("Lifecycle stages and member levels"),
                         self.tr("All customers today by lifecycle stage, and by member level."), parent)

    def level_name(self, key: str, name: str) -> str:
        return name if key else self.tr("No level")

    def render(self, report, colours: Colours) -> None:
        stages = report.stages
        if not sum(s.customers for s in stages):
            self.empty_message(colours, self.tr("No customers yet"))
            return
        levels = [lv for lv in report.levels if lv.customers or lv.key]
        left = self.styled_axes(colours, 121)
        horizontal_grid(left, colours)
        y = list(range(len(stages)))[::-1]
        bars = left.barh(y, [s.customers for s in stages], color=colours.series[6], height=0.7)
        for bar, s in zip(bars, stages, strict=True):
            name = label(STAGES, s.key)
            self.add_target(bar, self.tr("%1: %2 customers").replace("%1", name).replace("%2", str(s.customers)),
                            Selection("stage", s.key), name)
        left.set_yticks(y)
        left.set_yticklabels([label(STAGES, s.key) for s in stages], color=colours.text, fontsize=8)
        right = self.styled_axes(colours, 122)
        horizontal_grid(right, colours)
        y = list(range(len(levels)))[::-1]
        bars = right.barh(y, [lv.customers for lv in levels], color=colours.series[5], height=0.7)
        for bar, lv in zip(bars, levels, strict=True):
            name = self.level_name(lv.key, lv.label)
            self.add_target(bar, self.tr("%1: %2 customers").replace("%1", name).replace("%2", str(lv.customers)),
                            Selection("level", lv.key), name)
        right.set_yticks(y)
        right.set_yticklabels([self.level_name(lv.key, lv.label) for lv in levels], color=colours.text, fontsize=8)

    def rows(self):
        rows = [[self.tr("Stage"), label(STAGES, s.key), s.customers] for s in self.data.stages]
        rows += [[self.tr("Member level"), self.level_name(lv.key, lv.label), lv.customers] for lv in self.data.levels]
        return [self.tr("Group"), self.tr("Name"), self.tr("Customers")], rows
