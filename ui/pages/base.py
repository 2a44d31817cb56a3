"""What the main window expects of a page: a widget with an activation hook and a book-changed signal."""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget


class Page(QWidget):
    """Base of every page. Pages receive the services they use in their constructor.

    ``book_modified`` is emitted after the page changed the book (the window refreshes its counts and
    tells the other pages through ``refresh``). Subclasses call ``self.tr`` in their own class so that
    each page has its own translation context.
    """

    book_modified = Signal()

    def page_activated(self) -> None:
        """Called each time the page is shown; reload what may be stale."""

    def refresh(self) -> None:
        """Called when another page changed the book."""

    def save_state(self) -> None:
        """Called before the window closes; keep column widths and the like in QSettings."""
