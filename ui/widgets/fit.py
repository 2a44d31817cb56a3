"""Windows that fit a small laptop screen (1366×768, the smallest the sellers use): sizes clamped to the
screen's available area, and tall panels that scroll instead of growing past it."""

from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

SMALL_SCREEN = QSize(1366, 728)  # the available area of a 1366×768 screen with a 40-pixel taskbar
FRAME = QSize(16, 40)  # what the system adds around a window's client area (borders, title bar)


def fitted_size(wanted: QSize, available: QRect) -> QSize:
    """wanted, made smaller where needed so that the window with its frame fits in available."""
    return QSize(min(wanted.width(), available.width() - FRAME.width()),
                 min(wanted.height(), available.height() - FRAME.height()))


def fits(size: QSize, available: QSize = SMALL_SCREEN) -> bool:
    """Whether a window of this client size, framed, fits in available."""
    return size.width() + FRAME.width() <= available.width() and size.height() + FRAME.height() <= available.height()


def scrolling(widget: QWidget) -> QScrollArea:
    """widget in a frameless vertical scroll area: its height no longer sets the window's minimum."""
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidget(widget)
    return scroll
