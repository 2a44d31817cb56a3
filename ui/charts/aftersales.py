"""After-sales charts: cases per month by kind, time to first response, review outcomes, money spent.

A dumb view over `AftersalesStatsDTO` (core.aftersales.stats computes every number). matplotlib is
imported only when the first chart is drawn; the figure can be saved as PNG.
"""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from core.aftersales.dto import RESCUED_OUTCOMES, AftersalesStatsDTO
from ui.text.aftersales import COMPLAINT_KINDS, REVIEW_OUTCOMES, word

COMPLAINT_COLOUR = "#e57373"
REVIEW_COLOUR = "#64b5f6"
RESCUED_COLOUR = "#66bb6a"


class AftersalesChartsWidget(QWidget):
    """Four charts in one figure; `show_stats` redraws them."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._figure = None
        self._canvas = None

    def _ensure_canvas(self) -> None:
        if self._canvas is not None:
            return
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        from matplotlib.figure import Figure

        from ui.charts.fonts import setup_cjk_font

        setup_cjk_font()
        self._figure = Figure(figsize=(9, 6), layout="constrained")
        self._canvas = FigureCanvasQTAgg(self._figure)
        self._layout.addWidget(self._canvas)

    def show_stats(self, stats: AftersalesStatsDTO, target_hours: int = 24) -> None:
        self._ensure_canvas()
        self._figure.clear()
        cases, response, outcomes, spend = self._figure.subplots(2, 2).flat
        self._draw_cases(cases, stats)
        self._draw_response(response, stats, target_hours)
        self._draw_outcomes(outcomes, stats)
        self._draw_spend(spend, stats)
        self._canvas.draw_idle()

    def save_png(self, path: str) -> None:
        self._ensure_canvas()
        self._figure.savefig(path, dpi=150)

    # -- the four charts ---------------------------------------------------------------------------
    def _draw_cases(self, ax, stats: AftersalesStatsDTO) -> None:
        months = [m.month for m in stats.cases_per_month]
        positions = range(len(months))
        complaints = [m.complaints for m in stats.cases_per_month]
        ax.bar(positions, complaints, color=COMPLAINT_COLOUR, label=self.tr("Complaints"))
        ax.bar(positions, [m.reviews for m in stats.cases_per_month], bottom=complaints, color=REVIEW_COLOUR,
               label=self.tr("Mid/bad reviews"))
        ax.set_xticks(list(positions), months, rotation=45, ha="right", fontsize=8)
        ax.set_title(self.tr("Cases per month"))
        ax.yaxis.get_major_locator().set_params(integer=True)
        if months:
            ax.legend(fontsize=8)
        else:
            self._no_data(ax)

    def _draw_response(self, ax, stats: AftersalesStatsDTO, target_hours: int) -> None:
        ax.set_title(self.tr("Time to first response (hours)"))
        if not stats.response_hours:
            self._no_data(ax)
            return
        ax.hist(stats.response_hours, bins=min(12, max(3, len(stats.response_hours))), color=COMPLAINT_COLOUR)
        ax.axvline(target_hours, color="#424242", linestyle="--")
        ax.yaxis.get_major_locator().set_params(integer=True)
        share = round((stats.within_target_share or 0) * 100)
        ax.set_xlabel(self.tr("median %1 h · %2% within %3 h")
                      .replace("%1", f"{stats.median_response_hours:.1f}").replace("%2", str(share))
                      .replace("%3", str(target_hours)), fontsize=8)

    def _draw_outcomes(self, ax, stats: AftersalesStatsDTO) -> None:
        rate = "–" if stats.rescue_rate is None else f"{stats.rescue_rate:.0%}"
        ax.set_title(self.tr("Review rescue rate %1").replace("%1", rate))
        if not stats.outcomes:
            self._no_data(ax)
            return
        names = [word(REVIEW_OUTCOMES, code) for code, _ in stats.outcomes]
        colours = [RESCUED_COLOUR if code in RESCUED_OUTCOMES else REVIEW_COLOUR for code, _ in stats.outcomes]
        ax.barh(names, [n for _, n in stats.outcomes], color=colours)
        ax.xaxis.get_major_locator().set_params(integer=True)

    def _draw_spend(self, ax, stats: AftersalesStatsDTO) -> None:
        months = [m.month for m in stats.spend_per_month]
        positions = range(len(months))
        complaint_yuan = [m.complaint_cents / 100 for m in stats.spend_per_month]
        ax.bar(positions, complaint_yuan, color=COMPLAINT_COLOUR, label=self.tr("Complaint compensation"))
        ax.bar(positions, [m.review_cents / 100 for m in stats.spend_per_month], bottom=complaint_yuan,
               color=REVIEW_COLOUR, label=self.tr("Review offers"))
        ax.set_xticks(list(positions), months, rotation=45, ha="right", fontsize=8)
        ax.set_title(self.tr("Compensation spent per month (¥)"))
        if months:
            ax.legend(fontsize=8)
        else:
            self._no_data(ax)

    def _no_data(self, ax) -> None:
        ax.text(0.5, 0.5, self.tr("No data in this period"), ha="center", va="center", transform=ax.transAxes,
                color="#757575")
        ax.set_xticks([])
        ax.set_yticks([])


def top_complaint_kinds(stats: AftersalesStatsDTO, limit: int = 3) -> str:
    """"质量问题 2 · 服务态度 1" — the most frequent complaint kinds, for the figures line."""
    return " · ".join(f"{word(COMPLAINT_KINDS, kind)} {n}" for kind, n in stats.complaints_by_kind[:limit])
