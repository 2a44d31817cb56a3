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
        return Path(sys._MEIPASS)  # type: ignore[attr-defined]  # set by the PyInstaller bootloader only
    return Path(__file__).resolve().parents[2]


def data_dir() -> Path:
    """Return the user data folder, creating it (mode 0700: only its owner may look inside) if needed."""
    override = os.environ.get("HUITOUKE_DATA_DIR")
    if override:
        path = Path(override)
    else:
        import platformdirs

        path = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    return path


PRIVATE_DIR_MODE, PRIVATE_FILE_MODE = 0o700, 0o600
TEMP_LEFTOVER_SECONDS = 3600


def make_private() -> Path:
    """Called first by the app and the command line: files are created 0600 and folders 0700 (umask 077);
    the data folder and everything in it (book, backups, logs) are tightened to those modes; Python's temp
    files (openpyxl writes each exported sheet to one, full of names and phones) go to `<data>/tmp`
    instead of /tmp, and what a killed process left there an hour ago or more is removed. Returns that
    temp folder."""
    import tempfile
    import time

    os.umask(0o077)
    root = data_dir()
    for folder, _dirs, files in os.walk(root):
        tighten(Path(folder), PRIVATE_DIR_MODE)
        for name in files:
            tighten(Path(folder) / name, PRIVATE_FILE_MODE)
    temp = root / "tmp"
    temp.mkdir(mode=PRIVATE_DIR_MODE, exist_ok=True)
    now = time.time()
    for leftover in temp.iterdir():
        try:
            if leftover.is_file() and now - leftover.stat().st_mtime > TEMP_LEFTOVER_SECONDS:
                leftover.unlink()
        except OSError:
            pass
    tempfile.tempdir = str(temp)
    return temp


def tighten(path: Path, mode: int) -> None:
    """chmod to `mode` when others or the group may read it (our own files only; errors ignored)."""
    try:
        st = path.lstat()
        if st.st_uid == os.getuid() and st.st_mode & 0o077 and not path.is_symlink():
            path.chmod(mode)
    except (OSError, AttributeError):  # AttributeError: os.getuid on Windows
        pass


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
