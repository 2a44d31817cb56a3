"""What may be opened as a book: the file's place, its identity, its WAL and its integrity.

Every command and the app ask `inspect_book(path)` before touching a file. It raises, without opening the
file for writing and without creating anything:
- RejectedInput `book_is_folder` / `book_folder_missing` / `book_folder_readonly` / `book_readonly`
  (exit 2): the path cannot hold a book — never reported as damage;
- RejectedInput `not_a_book` (exit 2): not a SQLite file, or a SQLite file that is not ours (another
  `application_id`, or no Huitouke schema version);
- BookDamaged `wal_lost` (exit 4): the header says WAL and the shared-memory index (`-shm`) says the WAL held
  committed frames, but the `-wal` file is gone or shorter than those frames. A book closed cleanly has
  neither file (SQLite checkpoints and deletes them), so a missing `-wal` alone is normal; we only report what
  the `-shm` proves was lost. A `-wal` and `-shm` removed together leave no trace and cannot be detected.

A read that fails for a reason other than the file's contents (disk full: SQLite cannot create the `-shm`;
I/O errors) raises DiskFull `disk_full` or RejectedInput `book_unreadable`, never BookDamaged.

`integrity_problems(path, full=True)` runs `integrity_check` (every index against its table) and
`foreign_key_check`; `full=False` runs `quick_check`, which does not compare indexes with tables.
`core.book.backup.assert_sound` puts these together and names the newest good backup when one fails.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import struct
import sys
from pathlib import Path

from core.errors import BookDamaged, DiskFull, RejectedInput

# PRAGMA application_id of every Huitouke book ("HTKB"); set by migration 0002.
APPLICATION_ID = 0x48544B42
SQLITE_MAGIC = b"SQLite format 3\x00"
_WAL_HEADER, _FRAME_HEADER = 32, 24
_SHM_VERSION = 3007000


def inspect_place(path: Path, *, must_exist: bool = True) -> None:
    """Refuse a path that cannot hold a book (a folder, a missing or read-only folder, a read-only file)."""
    path = Path(path)
    if path.is_dir():
        raise RejectedInput("book_is_folder", f"{path} is a folder, not a book file", path=str(path))
    folder = path.parent
    if not folder.is_dir():
        raise RejectedInput("book_folder_missing", f"The folder {folder} does not exist", path=str(path))
    if not os.access(folder, os.W_OK | os.X_OK):
        raise RejectedInput("book_folder_readonly",
                            f"The folder {folder} cannot be written to (the book needs to write files next to it)",
                            path=str(path))
    if path.exists() and not os.access(path, os.R_OK | os.W_OK):
        raise RejectedInput("book_readonly", f"The file {path} cannot be read and written", path=str(path))
    if must_exist and not path.exists():
        raise RejectedInput("book_missing", f"No book at {path} (create one with: huitouke init {path})",
                            path=str(path))


def wal_lost(path: Path) -> str | None:
    """Why the book's WAL was lost while it held commits, or None (see the module docstring)."""
    try:
        with open(path, "rb") as fh:
            header = fh.read(20)
    except OSError:
        return None
    if len(header) < 20 or header[18] != 2:  # not a WAL book
        return None
    shm, wal = Path(f"{path}-shm"), Path(f"{path}-wal")
    try:
        with open(shm, "rb") as fh:
            index = fh.read(48)
    except OSError:
        return None  # no -shm: closed cleanly (or both files removed: undetectable)
    if len(index) < 48:
        return None
    order = "<" if sys.byteorder == "little" else ">"
    version, _unused, _change, is_init, _big, page_size, frames = struct.unpack(order + "IIIBBHI", index[:20])
    if version != _SHM_VERSION or not is_init or frames == 0:
        return None
    page_size = 65536 if page_size == 1 else page_size
    needed = _WAL_HEADER + frames * (_FRAME_HEADER + page_size)
    size = wal.stat().st_size if wal.exists() else None
    if size is None:
        return f"the write-ahead log {wal.name} is missing but held {frames} pages of recent changes"
    if size < needed:
        return f"the write-ahead log {wal.name} is cut short ({size} of {needed} bytes)"
    return None


def identify(path: Path) -> tuple[int, str | None]:
    """(application_id, schema revision) of a SQLite book; raises RejectedInput `not_a_book` otherwise.

    A book made before application ids (revision 0001) has id 0 and a Huitouke `alembic_version`.
    """
    path = Path(path)
    try:
        with open(path, "rb") as fh:
            header = fh.read(100)
    except OSError as exc:
        raise RejectedInput("book_readonly", f"The file {path} cannot be read", path=str(path)) from exc
    if header[:16] != SQLITE_MAGIC or int.from_bytes(header[68:72], "big") not in (0, APPLICATION_ID):
        raise RejectedInput("not_a_book", f"{path} is not a Huitouke book", path=str(path))
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30)
        try:
            app_id = con.execute("PRAGMA application_id").fetchone()[0]
            has_version = con.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
                                      ).fetchone()
            revision = con.execute("SELECT version_num FROM alembic_version").fetchone() if has_version else None
            has_customers = con.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='customer'"
                                        ).fetchone()
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        _raise_if_not_damage(exc, path)
        raise BookDamaged("book_damaged", f"The book {path} is damaged", path=str(path),
                          problems=[str(exc)]) from None
    revision = revision[0] if revision else None
    ours = app_id == APPLICATION_ID or (app_id == 0 and revision is not None and has_customers)
    if not ours:
        raise RejectedInput("not_a_book", f"{path} is not a Huitouke book", path=str(path))
    return app_id, revision


def integrity_problems(path: Path, *, full: bool = True) -> list[str]:
    """What SQLite's checks find wrong in the file ([] when sound); never writes."""
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30)
    except sqlite3.Error as exc:
        _raise_if_not_damage(exc, path)
        return [str(exc)]
    try:
        rows = con.execute("PRAGMA integrity_check" if full else "PRAGMA quick_check").fetchall()
        problems = [r[0] for r in rows]
        problems = [] if problems == ["ok"] else problems
        if full and not problems:
            fk = con.execute("PRAGMA foreign_key_check").fetchall()
            problems += [f"foreign key: {row[0]} row {row[1]} points to a missing {row[2]}" for row in fk[:20]]
        return problems
    except sqlite3.DatabaseError as exc:
        _raise_if_not_damage(exc, path)
        return [str(exc)]
    finally:
        con.close()


_CORRUPT, _NOTADB, _FULL = 11, 26, 13
DISK_FULL_BYTES = 1 << 20  # less free space than this where a write failed: the disk is full


def _raise_if_not_damage(exc: sqlite3.Error, path: Path) -> None:
    """A failure to read that says nothing about the file's contents (the disk is full, so SQLite cannot
    make its -shm file; an I/O error; a file it cannot open) is raised as such — never reported as damage."""
    code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
    if code in (_CORRUPT, _NOTADB) or code == 0:
        return
    if code == _FULL or disk_is_full(path):
        raise DiskFull("disk_full", path=str(path)) from None
    raise RejectedInput("book_unreadable", f"{path} could not be read ({exc})", path=str(path)) from None


def is_damage(exc: BaseException) -> bool:
    """True for SQLite's own word that the file is damaged: "database disk image is malformed" (SQLITE_CORRUPT)
    or "file is not a database" (SQLITE_NOTADB) — what a read meeting a broken page raises."""
    code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
    return isinstance(exc, sqlite3.DatabaseError) and code in (_CORRUPT, _NOTADB)


def disk_is_full(path: Path) -> bool:
    """True when the disk holding `path` has less than DISK_FULL_BYTES free."""
    try:
        return shutil.disk_usage(Path(path).parent).free < DISK_FULL_BYTES
    except OSError:
        return False
