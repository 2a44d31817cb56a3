"""ChartView: a titled matplotlib chart (FigureCanvasQTAgg around a Figure, no pyplot) for the pages.

A chart shows one line saying what it counts, draws itself from numbers computed in core, shows the
exact value of the bar or point under the mouse, reports clicks on elements that stand for customers
(`element_clicked(selection, description)`), and saves itself as PNG or its numbers as an Excel sheet.
Colours come from the widget's palette, so charts stay readable in light and dark themes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QCursor, QPalette
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QSizePolicy,
    QToolButton,
    QToolTip,
    QVBoxLayout,
)

from ui.charts.fonts import setup_cjk_font

# Series colours with enough contrast on both white and near-black backgrounds (Tableau 10, adjusted).
SERIES = ("#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#ff9da7", "#9c755f")


POINT_RADIUS_PX = 7


@dataclass(frozen=True)
class Target:
    """A chart element under the mouse: `contains(event)`, its tooltip, the customers it stands for (or None)."""

    contains: Callable[[Any], bool]
    text: str
    selection: Any = None
    description: str = ""


@dataclass(frozen=True)
class Colours:
    background: str
    text: str
    grid: str
    series: tuple[str, ...]
    highlight: str


def palette_colours(palette: QPalette) -> Colours:
    window = palette.color(QPalette.ColorRole.Window)
    text = palette.color(QPalette.ColorRole.WindowText)
    grid = palette.color(QPalette.ColorRole.Mid)
    dark = window.lightness() < 128
    highlight = "#ff6b6b" if dark else "#c0392b"
    return Colours(window.name(), text.name(), grid.name(), SERIES, highlight)


# Characters Excel refuses in a sheet title, and those no file name may hold on Windows or macOS.
_SHEET_FORBIDDEN = str.maketrans({c: "-" for c in "[]:*?/\\"})
_FILE_FORBIDDEN = str.maketrans({c: "-" for c in '<>:"/\\|?*'})


def sheet_title(title: str) -> str:
    """A worksheet title Excel accepts: no []:*?/\\, not empty, at most 31 characters, no edge apostrophe."""
    cleaned = title.translate(_SHEET_FORBIDDEN).strip().strip("'")[:31].strip()
    return cleaned or "Sheet"


def file_stem(title: str) -> str:
    """A file name (without extension) from a chart title: no path separators or characters Windows refuses."""
    cleaned = "".join(c for c in title.translate(_FILE_FORBIDDEN) if c >= " ").strip(" .")
    return cleaned[:100] or "chart"


def _safe_cell(value: Any) -> Any:
    """Text that a spreadsheet would run as a formula gets a leading apostrophe (formula injection)."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


class ChartView(QFrame):
    """Base of every chart. Subclasses implement `render(report, colours)` and `table()`.

    Strings of this base class use the context "ChartView" explicitly, whatever the subclass.
    Margins are fixed per chart (`MARGINS`, fractions of the figure) rather than computed by a layout
    engine at every draw: constrained layout costs about a third of a chart's drawing time.
    """

    MARGINS: ClassVar[dict[str, float]] = {"left": 0.1, "right": 0.97, "top": 0.95, "bottom": 0.2, "wspace": 0.2}

    element_clicked = Signal(object, str)

    def __init__(self, title: str, caption: str, parent=None) -> None:
        super().__init__(parent)
        setup_cjk_font()
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._title = title
        self._period = ""  # what range the numbers cover, for saved pictures (set_period)
        self._targets: list[Target] = []
        self.data = None  # what the chart shows now (an AnalyticsReport, or the chart's own rows)
        self._hovered: Target | None = None
        self.figure = Figure(figsize=(5.6, 3.2), dpi=100)
        self.canvas = FigureCanvasQTAgg(self.figure)
        self.canvas.setMinimumHeight(260)
        self.canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.canvas.mpl_connect("motion_notify_event", self._on_canvas_motion)
        self.canvas.mpl_connect("button_press_event", self._on_canvas_press)
        title_label = QLabel(f"<b>{title}</b>")
        self.caption_label = QLabel(caption)
        self.caption_label.setWordWrap(True)
        self.caption_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.save_button = self._tool_button(
            QCoreApplication.translate("ChartView", "PNG"),
            QCoreApplication.translate("ChartView", "Save the chart as a PNG picture"),
            self._on_save_button_clicked)
        self.export_button = self._tool_button(
            QCoreApplication.translate("ChartView", "Excel"),
            QCoreApplication.translate("ChartView", "Export the chart's numbers to Excel"),
            self._on_export_button_clicked)
        header = QHBoxLayout()
        header.addWidget(title_label, 1)
        header.addWidget(self.save_button)
        header.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addLayout(header)
        layout.addWidget(self.caption_label)
        layout.addWidget(self.canvas, 1)

    def _tool_button(self, text: str, tip: str, slot: Callable[[], None]) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setAutoRaise(True)
        button.clicked.connect(slot)
        return button

    @property
    def title(self) -> str:
        return self._title

    @property
    def period(self) -> str:
        return self._period

    def set_period(self, text: str) -> None:
        """The range the numbers cover (e.g. "2026-01-01 – 2026-03-15, as of 2026-03-15"), printed on saved PNGs."""
        self._period = text

    # --- drawing --------------------------------------------------------------------------------
    def show_report(self, report) -> None:
        """Redraw from a core.analytics AnalyticsReport (or the chart's own data)."""
        self._targets = []
        self._hovered = None
        # Removing the old axes is much cheaper than Figure.clear(), which first resets every tick.
        for old in [*self.figure.axes, *self.figure.texts]:
            old.remove()
        self.figure.subplots_adjust(**self.MARGINS)
        colours = palette_colours(self.palette())
        self.figure.set_facecolor(colours.background)
        self.data = report
        self.render(report, colours)
        self.canvas.draw_idle()

    def render(self, report, colours: Colours) -> None:
        raise NotImplementedError

    def table(self) -> tuple[Sequence[str], Sequence[Sequence[Any]]]:
        """Headers and rows of the numbers the chart shows (for Excel); empty before the first report."""
        return ([], []) if self.data is None else self.rows()

    def rows(self) -> tuple[Sequence[str], Sequence[Sequence[Any]]]:
        """`table()` once there is data."""
        raise NotImplementedError

    def styled_axes(self, colours: Colours, position: int = 111):
        axes = self.figure.add_subplot(position)
        axes.set_facecolor(colours.background)
        axes.tick_params(colors=colours.text, labelsize=8)
        for spine in axes.spines.values():
            spine.set_color(colours.grid)
        axes.spines["top"].set_visible(False)
        axes.spines["right"].set_visible(False)
        axes.grid(axis="y", color=colours.grid, alpha=0.35, linewidth=0.6)
        axes.set_axisbelow(True)
        axes.xaxis.label.set_color(colours.text)
        axes.yaxis.label.set_color(colours.text)
        return axes

    def axes_or_message(self, colours: Colours, has_data: bool, text: str | None = None, position: int = 111):
        """Styled axes when there is something to draw, else a centred message and None."""
        if has_data:
            return self.styled_axes(colours, position)
        self.empty_message(colours, text)
        return None

    def empty_message(self, colours: Colours, text: str | None = None) -> None:
        message = text or QCoreApplication.translate("ChartView", "No purchases in this range")
        self.figure.text(0.5, 0.5, message, ha="center", va="center", color=colours.text, fontsize=10)

    def add_target(self, artist, text: str, selection=None, description: str = "") -> None:
        """A bar or other patch: hovered when the mouse is inside it."""
        self._targets.append(Target(lambda event: artist.contains(event)[0], text, selection, description))

    def add_point(self, axes, x: float, y: float, text: str, selection=None, description: str = "") -> None:
        """A data point of a line: hovered within a few pixels (one Line2D per series stays cheap to draw)."""
        def near(event) -> bool:
            if event.inaxes is not axes:
                return False
            px, py = axes.transData.transform((x, y))
            return (px - event.x) ** 2 + (py - event.y) ** 2 <= POINT_RADIUS_PX ** 2

        self._targets.append(Target(near, text, selection, description))

    def targets(self) -> list[Target]:
        return list(self._targets)

    # --- mouse ----------------------------------------------------------------------------------
    def hit(self, event) -> Target | None:
        """The element under a matplotlib mouse event, if any."""
        return next((target for target in self._targets if target.contains(event)), None)

    def _on_canvas_motion(self, event) -> None:
        target = self.hit(event) if event.inaxes is not None else None
        if target is None:
            if self._hovered is not None:
                QToolTip.hideText()
                self.canvas.unsetCursor()
            self._hovered = None
            return
        if target is not self._hovered:
            text = target.text
            if target.selection is not None:
                text += "\n" + QCoreApplication.translate("ChartView", "Click to list these customers")
            QToolTip.showText(QCursor.pos(), text, self.canvas)
            self.canvas.setCursor(Qt.CursorShape.PointingHandCursor if target.selection is not None
                                  else Qt.CursorShape.ArrowCursor)
        self._hovered = target

    def _on_canvas_press(self, event) -> None:
        target = self.hit(event) if event.inaxes is not None else None
        if target is not None and target.selection is not None and event.button == 1:
            self.element_clicked.emit(target.selection, target.description or target.text)

    # --- files ----------------------------------------------------------------------------------
    def save_png(self, path: str) -> None:
        """The chart as shown, with its title and period above and its caption (what it counts, what the
        marks mean) below, so the picture explains itself away from the app."""
        import textwrap

        colour = palette_colours(self.palette()).text
        heading = self._title + (f"\n{self._period}" if self._period else "")
        caption = "\n".join(textwrap.wrap(self.caption_label.text(), 70 if self._mostly_wide() else 120))
        added = [self.figure.text(0.02, 1.0, heading, ha="left", va="bottom", fontsize=11, color=colour,
                                  fontweight="bold")]
        if caption:
            added.append(self.figure.text(0.02, -0.01, caption, ha="left", va="top", fontsize=8, color=colour))
        try:
            self.figure.savefig(path, dpi=150, facecolor=self.figure.get_facecolor(), bbox_inches="tight",
                                pad_inches=0.2)
        finally:
            for artist in added:
                artist.remove()

    def _mostly_wide(self) -> bool:
        """Whether the caption is mostly wide (CJK) characters, which take two columns when wrapped."""
        text = self.caption_label.text()
        return sum(ord(c) > 0x2E80 for c in text) * 2 > len(text)

    def export_excel(self, path: str) -> None:
        from openpyxl import Workbook
        from openpyxl.styles import Font

        headers, rows = self.table()
        book = Workbook()
        sheet = book.active
        sheet.title = sheet_title(self._title)
        sheet.append([_safe_cell(h) for h in headers])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in rows:
            sheet.append([_safe_cell(v) for v in row])
        sheet.freeze_panes = "A2"
        for column in sheet.columns:
            width = max(len(str(c.value or "")) for c in column) + 4
            sheet.column_dimensions[column[0].column_letter].width = min(max(width, 10), 40)
        book.save(path)

    def _on_save_button_clicked(self) -> None:
        title = QCoreApplication.translate("ChartView", "Save chart")
        kinds = QCoreApplication.translate("ChartView", "PNG pictures (*.png)")
        path, _ = QFileDialog.getSaveFileName(self, title, f"{file_stem(self._title)}.png", kinds)
        if path:
            self._write(self.save_png, path)

    def _on_export_button_clicked(self) -> None:
        title = QCoreApplication.translate("ChartView", "Export numbers")
        kinds = QCoreApplication.translate("ChartView", "Excel workbooks (*.xlsx)")
        path, _ = QFileDialog.getSaveFileName(self, title, f"{file_stem(self._title)}.xlsx", kinds)
        if path:
            self._write(self.export_excel, path)

    def _write(self, writer: Callable[[str], None], path: str) -> None:
        try:
            writer(path)
        except (OSError, ValueError) as exc:
            message = QCoreApplication.translate("ChartView", "Could not write %1: %2")
            QMessageBox.warning(self, QCoreApplication.translate("ChartView", "Cannot save"),
                                message.replace("%1", path).replace("%2", str(exc)))
