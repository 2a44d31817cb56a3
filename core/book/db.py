"""Opening a book: engine and pragmas, the writer lock, integrity check, migrations, sessions.

`Book.open(location)` takes a file path (SQLite) or a `postgresql://` URL. For a SQLite file it takes the
one-writer lock, runs `quick_check` (a damaged book raises BookDamaged naming the newest good backup),
backs the file up and upgrades it when its schema is older, refuses a book written by a newer version,
and takes the day's automatic backup. Every service call uses `book.session()`: one short transaction.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from core.book import backup, changes, schema
from core.book.lock import BookLock
from core.book.paths import is_url
from core.errors import BookBusy, BookDamaged, RejectedInput

log = logging.getLogger(__name__)


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cur = dbapi_connection.cursor()
    # WAL: readers never block the writer and a crash mid-write leaves the last commit intact.
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=10000")
    # NORMAL is safe in WAL mode (a power cut may lose the last commit, never corrupt the file).
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA cache_size=-16000")
    # Erased customers must not linger in free pages (PIPL): zero deleted content.
    cur.execute("PRAGMA secure_delete=ON")
    # Temporary tables and sorts in files (the OS caches them): the reminder engine's temp tables held
    # ~130 MB of the app's memory on a 100k book in RAM, and were no faster there (measured 3.37 vs 3.41 s).
    cur.execute("PRAGMA temp_store=FILE")
    cur.close()


def busy_error(exc: BaseException) -> BookBusy | None:
    """BookBusy for SQLite's "database is locked" / "database is busy", else None."""
    text = str(getattr(exc, "orig", exc)).lower()
    if "database is locked" in text or "database is busy" in text:
        return BookBusy("book_busy")
    return None


@contextlib.contextmanager
def busy_as_coded() -> Iterator[None]:
    """Raise SQLite's "database is locked" met inside the block as BookBusy (for work outside book.session)."""
    try:
        yield
    except OperationalError as exc:
        busy = busy_error(exc)
        if busy is None:
            raise
        raise busy from exc


def make_engine(location: str | Path) -> Engine:
    """An engine for a file path or URL, with the SQLite pragmas of DESIGN.md on every connection.

    Every committed write bumps the book's change counter (core.book.changes).
    """
    if is_url(location):
        url = str(location)
        if url.startswith("postgresql://"):
            url = "postgresql+psycopg://" + url[len("postgresql://"):]
        from core.book.shared import connect_args

        engine = create_engine(url, pool_pre_ping=True, connect_args=connect_args())
    else:
        engine = create_engine(f"sqlite:///{Path(location)}", connect_args={"timeout": 10})
        event.listen(engine, "connect", _sqlite_pragmas)
    changes.count_writes(engine)
    return engine


class Book:
    """An open customer book. Create with `Book.open`, end with `close()` (or use `with`)."""

    def __init__(self, location: str | Path, engine: Engine, lock: BookLock | None,
                 backup_root: Path | None = None) -> None:
        self.location = location
        self.engine = engine
        self._lock = lock
        self.backup_root = backup_root
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    # -- opening -----------------------------------------------------------------------------------
    @classmethod
    def open(cls, location: str | Path, *, create: bool = False, lock: bool = True,
             backup_root: Path | None = None, daily_backup: bool = True, program: str = "huitouke") -> Book:
        """Open (and with `create=True` create) a book; see the module docstring for what happens.

        Raises RejectedInput (no such book), BookLocked, BookDamaged, BookTooNew.
        """
        if is_url(location):
            return cls._open_server(str(location))
        path = Path(location).expanduser().resolve()
        exists = path.exists() and path.stat().st_size > 0
        if not exists and not create:
            raise RejectedInput("book_missing", f"No book at {path} (create one with: huitouke init {path})",
                                path=str(path))
        held = BookLock(path, program) if lock else None
        if held:
            held.acquire()
        try:
            if exists:
                problems = backup.quick_check(path)
                if problems:
                    raise BookDamaged("book_damaged", f"The book {path} is damaged", path=str(path),
                                      problems=problems[:10],
                                      newest_backup=str(backup.newest_good_backup(path, root=backup_root) or ""))
            path.parent.mkdir(parents=True, exist_ok=True)
            engine = make_engine(path)

            def before_upgrade() -> None:
                backup.create_backup(path, "before-migration", root=backup_root)

            schema.upgrade(engine, before_upgrade=before_upgrade if exists else None)
            if daily_backup and exists:
                backup.daily_backup_if_due(path, root=backup_root)
        except BaseException:
            if held:
                held.release()
            raise
        return cls(path, engine, held, backup_root)

    @classmethod
    def _open_server(cls, url: str) -> Book:
        """A shared book: no lock file and no file backups (see docs/SHARED_BOOK.md); the server's own
        transactions keep two people apart. Raises ServerUnavailable when it cannot connect."""
        from sqlalchemy.exc import OperationalError

        from core.book.shared import ServerAddress, connection_error

        engine = make_engine(url)
        try:
            schema.upgrade(engine, before_upgrade=None)
        except OperationalError as exc:  # cannot connect, or the connection dropped while opening
            engine.dispose()
            raise connection_error(exc, ServerAddress.from_url(url)) from exc
        except BaseException:
            engine.dispose()
            raise
        return cls(url, engine, None)

    # -- use ---------------------------------------------------------------------------------------
    @property
    def path(self) -> Path | None:
        """The SQLite file, or None for a server book."""
        return None if is_url(self.location) else Path(self.location)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @property
    def display_name(self) -> str:
        if self.path is not None:
            return str(self.path)
        # postgresql://user:***@host:port/db — no driver name, no connection options, never the password
        return self.engine.url.set(drivername="postgresql", query={}).render_as_string(hide_password=True)

    @contextlib.contextmanager
    def session(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back if it raises. SQLite's "database is
        locked" (another program held the write lock past the busy timeout) is raised as BookBusy."""
        s = self._sessions()
        try:
            yield s
            s.commit()
        except OperationalError as exc:
            s.rollback()
            busy = busy_error(exc)
            if busy is None:
                raise
            raise busy from exc
        except BaseException:
            s.rollback()
            raise
        finally:
            s.close()

    def change_counter(self) -> int:
        """A number that grows whenever anyone commits a write to this book (poll it to refresh views)."""
        return changes.read_counter(self.engine)

    def backup(self, reason: str = "manual") -> backup.BackupInfo:
        """Back up this (SQLite) book now."""
        if self.path is None:
            raise RejectedInput("backup_not_sqlite", "Back up a shared book with pg_dump (docs/SHARED_BOOK.md)")
        return backup.create_backup(self.path, reason, root=self.backup_root)

    def close(self) -> None:
        self.engine.dispose()
        if self._lock:
            self._lock.release()

    def __enter__(self) -> Book:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
