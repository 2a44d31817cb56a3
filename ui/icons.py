"""SVG icons from resources/icons, drawn in the palette's text colour so they follow light and dark themes."""

from functools import cache

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QGuiApplication, QIcon, QIconEngine, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from ui.paths import icons_dir

_INK = "#303030"  # the stroke colour every icon file is drawn with; replaced at paint time


class _SvgIconEngine(QIconEngine):
    """Renders an SVG at any size (high-DPI) in the colour of the current palette."""

    def __init__(self, svg: str):
        super().__init__()
        self._svg = svg
        self._renderers: dict[str, QSvgRenderer] = {}  # by ink: the SVG is parsed once per colour, not per paint

    def _renderer(self, mode: QIcon.Mode) -> QSvgRenderer:
        palette = QGuiApplication.palette()
        group = QPalette.ColorGroup.Disabled if mode == QIcon.Mode.Disabled else QPalette.ColorGroup.Normal
        role = QPalette.ColorRole.HighlightedText if mode == QIcon.Mode.Selected else QPalette.ColorRole.WindowText
        ink = palette.color(group, role).name()
        renderer = self._renderers.get(ink)
        if renderer is None:
            renderer = self._renderers[ink] = QSvgRenderer(QByteArray(self._svg.replace(_INK, ink).encode()))
        return renderer

    def paint(self, painter: QPainter, rect, mode, state) -> None:
        self._renderer(mode).render(painter, QRectF(rect))

    def pixmap(self, size: QSize, mode, state) -> QPixmap:
        pixmap = QPixmap(size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        self.paint(painter, pixmap.rect(), mode, state)
        painter.end()
        return pixmap

    def clone(self) -> QIconEngine:
        return _SvgIconEngine(self._svg)


@cache
def _svg_text(name: str) -> str:
    return (icons_dir() / f"{name}.svg").read_text(encoding="utf-8")


def icon(name: str) -> QIcon:
    """The icon resources/icons/<name>.svg; raises FileNotFoundError for an unknown name."""
    return QIcon(_SvgIconEngine(_svg_text(name)))


def app_icon() -> QIcon:
    """The coloured application icon (not recoloured)."""
    return QIcon(str(icons_dir() / "app.svg"))
