"""What an open book gives the pages: the book, the background runner, UI settings and the clock."""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from PySide6.QtCore import QSettings

from core import clock
from ui.book_lane import BookLane
from ui.tasks import TaskRunner


@dataclass
class Session:
    """Handed to page factories, which pass each page only the parts it uses."""

    book: Any  # core.book.db.Book
    book_path: str
    settings: QSettings
    tasks: TaskRunner = field(default_factory=TaskRunner)  # reads and other background work (the shared pool)
    lane: BookLane = field(default_factory=BookLane)  # the book's writes, one at a time (ui.book_lane)
    today: Callable[[], date] = date.today
    launch_today: Any = None  # the Today list read while the book opened (ui.launcher), for the first Today page

    def now(self) -> dt.datetime:
        """The wall-clock time on the session's day (``today``): what pages that date new records use, so every
        page agrees on the day with the Today list (tests and scripts/screenshots.py fix ``today``)."""
        return dt.datetime.combine(self.today(), clock.now().time())
