"""Where Huitouke keeps its files: the user data folder, the default book, backups, logs.

The data folder comes from platformdirs (Qt-free, so the CLI and the GUI agree). Setting the
environment variable HUITOUKE_DATA_DIR overrides it (tests, portable installs).
"""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path

from core import APP_NAME

BOOK_SUFFIX = ".book"


def is_url(location: str | Path) -> bool:
    """True for a shared book's address (postgresql://…), False for a book file's path."""
    return "://" in str(location)


def is_frozen() -> bool:
    """True inside the packaged (PyInstaller) app."""
    return bool(getattr(sys, "frozen", False)) and hasattr(sys, "_MEIPASS")


def bundle_root() -> Path:
    """Where the app's read-only files (resources/, core/book/migrations/) live: the source checkout, or the
    unpacked PyInstaller bundle. The one place that knows about sys._MEIPASS; user data never goes here.
    """
    if is_frozen():
        return Path(sys._MEIPASS)
    return Path(__file__).resolve().parents[2]


def data_dir() -> Path:
    """Return the user data folder, creating it if needed."""
    override = os.environ.get("HUITOUKE_DATA_DIR")
    if override:
        path = Path(override)
    else:
        import platformdirs

        path = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_book_path() -> Path:
    """The book opened when no --book is given."""
    return data_dir() / f"customers{BOOK_SUFFIX}"


def log_dir() -> Path:
    path = data_dir() / "logs"
    path.mkdir(parents=True, exist_ok=True)
    return path


def backup_dir_for(book_path: Path, root: Path | None = None, *, create: bool = True) -> Path:
    """Backups of one book live in their own folder under the data folder.

    The folder name joins the book's file name with a short hash of its absolute path, so two books
    with the same name in different folders never share backups.
    """
    book_path = Path(book_path).resolve()
    digest = hashlib.sha1(str(book_path).encode("utf-8")).hexdigest()[:8]
    base = root if root is not None else data_dir() / "backups"
    path = base / f"{book_path.stem}-{digest}"
    if create:
        path.mkdir(parents=True, exist_ok=True)
    return path
