"""What an open book gives the pages: the book, the background runner, UI settings and the clock."""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from PySide6.QtCore import QSettings

from ui.tasks import TaskRunner


@dataclass
class Session:
    """Handed to page factories, which pass each page only the parts it uses."""

    book: Any  # core.book.db.Book
    book_path: str
    settings: QSettings
    tasks: TaskRunner = field(default_factory=TaskRunner)
    today: Callable[[], date] = date.today
