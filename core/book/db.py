"""Opening a book: engine and pragmas, the writer lock, integrity check, migrations, sessions.

`Book.open(location)` takes a file path (SQLite) or a `postgresql://` URL. For a SQLite file it refuses
what is not a book or cannot be one (core.book.guard: a folder, an unwritable place, a foreign file, a lost
WAL), takes the one-writer lock, checks the file (`check`: "quick" runs quick_check, "full" integrity_check,
"background" quick_check with writes held until `verify()` passes — the app's way: a write waits for the
check on the thread that makes it and goes through once it passes, or raises BookDamaged; a damaged book raises
BookDamaged naming the newest backup passing integrity_check; "concurrent" as "background" but with the quick check
on a thread of its own while the book is already read — the app's launch, see `await_quick_check`), runs the full
check, backs the file up and
upgrades it when its schema is older, refuses a book written by a newer version or an unknown early layout,
and takes the day's automatic backup. Every service call uses `book.session()`: one short transaction.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from core.background import lower_this_thread
from core.book import backup, changes, guard, schema
from core.book.changes import is_write
from core.book.lock import BookLock
from core.book.paths import PRIVATE_FILE_MODE, is_url, tighten
from core.book.shared import ServerAddress, connection_error, server_engine
from core.errors import BookBusy, BookClosed, BookDamaged, HuitoukeError, RejectedInput, as_disk_full

CHECKS = ("quick", "full", "background", "concurrent")
WRITE_WAIT_SECONDS = 600  # how long a write waits for the background check before it gives up

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
    """An engine for a file path or URL, with the SQLite pragmas of DESIGN.md on every connection; SQL
    parameters are left out of error messages (privacy: logs hold codes and ids, never values).

    Every committed write bumps the book's change counter (core.book.changes).
    """
    if is_url(location):
        engine = server_engine(str(location))
    else:
        # hide_parameters: an error's message (and so every log) never carries a customer's name or phone
        engine = create_engine(f"sqlite:///{Path(location)}", connect_args={"timeout": 10}, hide_parameters=True)
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
        self.state = "ok"  # "checking" until verify() passes (check="background"), "damaged" after it fails
        self.problems: tuple[str, ...] = ()
        self._checked = threading.Event()
        self._checked.set()
        self._quick_done = threading.Event()  # the quick check of check="concurrent" is over
        self._quick_done.set()
        self._quick_failure: BaseException | None = None
        self._quick_lock = threading.Lock()
        self._quick_callbacks: list[Callable[[BaseException | None], None]] = []
        self.closed = False
        # after close() no connection is made or handed out: a job still running past the window's close wait
        # would otherwise reconnect to a book whose lock is released (#21). A connection already checked out
        # finishes its transaction.
        event.listen(engine, "do_connect", self._refuse_if_closed)
        event.listen(engine, "checkout", self._refuse_if_closed)

    def _refuse_if_closed(self, *_args) -> None:
        if self.closed:
            raise BookClosed("book_closed", path=str(self.display_name))

    # -- opening -----------------------------------------------------------------------------------
    @classmethod
    def open(cls, location: str | Path, *, create: bool = False, lock: bool = True,
             backup_root: Path | None = None, daily_backup: bool = True, program: str = "huitouke",
             check: str = "quick") -> Book:
        """Open (and with `create=True` create) a book; see the module docstring for what happens.

        Raises RejectedInput (no such book, not a book, a folder, an unwritable place), BookLocked,
        BookDamaged, BookTooNew, BookLayoutUnknown.
        """
        if check not in CHECKS:
            raise ValueError(check)
        if is_url(location):
            return cls._open_server(str(location))
        path = Path(location).expanduser().resolve()
        if create and not path.parent.exists():
            with contextlib.suppress(OSError):  # else refused just below as book_folder_missing
                path.parent.mkdir(parents=True)
        guard.inspect_place(path, must_exist=False)
        exists = path.exists() and path.stat().st_size > 0
        if not exists and not create:
            raise RejectedInput("book_missing", f"No book at {path} (create one with: huitouke init {path})",
                                path=str(path))
        if exists:
            with contextlib.suppress(BookDamaged):  # reported below, naming a good backup
                guard.identify(path)  # not a book: refused before anything is touched, even a lock file
        held = BookLock(path, program) if lock else None
        if held:
            held.acquire()
        engine = None
        try:
            backup.clean_leftovers(path, root=backup_root)
            if exists:
                tighten(path, PRIVATE_FILE_MODE)  # a book made before modes were set: 0600 like a new one
                backup.assert_sound(path, full=check == "full", root=backup_root, integrity=check != "concurrent")
            engine = make_engine(path)
            book = cls(path, engine, held, backup_root)
            if check in ("background", "concurrent") and exists:
                book._hold_writes_until_verified()
            if check == "concurrent" and exists:
                book._start_quick_check(path)

            def before_upgrade() -> None:
                if check != "full":  # nothing is migrated in a book that has not passed the full check
                    book.await_quick_check()
                    backup.assert_sound(path, full=True, root=backup_root)
                    book._set_state(())
                backup.create_backup(path, "before-migration", root=backup_root)
                schema.restore_dropped_indexes(engine)  # (an import killed halfway: the schema whole again)

            try:
                upgraded = schema.upgrade(engine, before_upgrade=before_upgrade if exists else None)
            except Exception as exc:
                damage = book.as_damage(exc)
                if damage is not None:
                    raise damage from None
                raise
            if upgraded and exists:
                book.refresh_derived()
            if daily_backup and exists:
                book.await_quick_check()  # never a backup of a book that did not pass
                backup.daily_backup_if_due(path, root=backup_root)
        except BaseException:
            if engine is not None:
                engine.dispose()
            if held:
                held.release()
            raise
        return book

    # -- the background check (check="background") ---------------------------------------------------
    def _hold_writes_until_verified(self) -> None:
        """Until verify() passes, connections are query_only and a write statement waits for the check."""
        self.state = "checking"
        self._checked.clear()
        event.listen(self.engine, "checkout", self._on_checkout)
        event.listen(self.engine, "before_cursor_execute", self._before_execute)

    def _on_checkout(self, dbapi_connection, _record, _proxy) -> None:
        cur = dbapi_connection.cursor()
        cur.execute(f"PRAGMA query_only={0 if self.state == 'ok' else 1}")
        cur.close()

    def _before_execute(self, conn, _cursor, statement, _params, _context, _many) -> None:
        if not is_write(statement):
            return
        if self.state == "checking":
            self._checked.wait(WRITE_WAIT_SECONDS)
        if self.state != "ok":
            raise self._write_refused()
        self._on_checkout(conn.connection.driver_connection, None, None)  # this connection may write now

    # -- the quick check beside the first reads (check="concurrent") ---------------------------------
    def _start_quick_check(self, path: Path) -> None:
        """quick_check on a thread of its own while the book is read (the app's first rows come from a read
        made meanwhile: docs/PERFORMANCE.md, launch). Failing, the book is closed for writing at once."""
        self._quick_done.clear()

        def run() -> None:
            lower_this_thread()  # the GUI thread paints the first rows meanwhile
            try:
                problems = tuple(guard.integrity_problems(path, full=False))
                if problems:
                    self._set_state(problems)
                    self._quick_failure = backup.damaged(path, list(problems), self.backup_root)
            except BaseException as exc:  # disk full, unreadable: what Book.open would have raised
                self._quick_failure = exc
            finally:
                with self._quick_lock:
                    self._quick_done.set()
                    callbacks, self._quick_callbacks = self._quick_callbacks, []
                for callback in callbacks:
                    callback(self._quick_failure)

        threading.Thread(target=run, name="quick-check", daemon=True).start()

    def await_quick_check(self, timeout: float | None = None) -> bool:
        """Wait for the quick check of check="concurrent" (at once with any other check); False when it is
        still running after `timeout`. Raises what it found: BookDamaged (naming the newest good backup; the
        book is closed for writing), DiskFull or RejectedInput `book_unreadable`."""
        if not self._quick_done.wait(timeout):
            return False
        if self._quick_failure is not None:
            raise self._quick_failure
        return True

    def when_quick_checked(self, fn: Callable[[BaseException | None], None]) -> None:
        """Call fn(None, or what the quick check raised) once it is over: at once when it is (or with any other
        check), else on the quick check's thread."""
        with self._quick_lock:
            if not self._quick_done.is_set():
                self._quick_callbacks.append(fn)
                return
        fn(self._quick_failure)

    def as_damage(self, exc: BaseException) -> HuitoukeError | None:
        """What a failed read means: SQLite's "malformed" / "not a database" met while the quick check runs (or
        after) is the book's damage — the quick check's own BookDamaged once it is over, else one naming the
        error; the book is then closed for writing. None for any other error."""
        if not guard.is_damage(getattr(exc, "orig", exc)) or self.path is None:
            return None
        try:
            self.await_quick_check()
        except HuitoukeError as found:
            return found
        self._set_state((str(getattr(exc, "orig", exc)),))
        return backup.damaged(self.path, list(self.problems), self.backup_root)

    def _set_state(self, problems: tuple[str, ...]) -> None:
        self.problems = problems
        self.state = "damaged" if problems else "ok"
        self._checked.set()

    def verify(self) -> tuple[str, ...]:
        """Run the full integrity_check (safe on a worker thread; reads through its own connection).

        Passing lets writes through; failing closes the book for writing (state "damaged": every write
        raises BookDamaged). Returns the problems found (() when sound). The app calls it right after
        opening and once a day.
        """
        if self.path is None:
            return ()
        try:
            self.await_quick_check()
        except BookDamaged as exc:
            return tuple(exc.details.get("problems") or self.problems)
        lost = guard.wal_lost(self.path)
        problems = (lost,) if lost else tuple(guard.integrity_problems(self.path, full=True))
        self._set_state(problems)
        if problems:
            log.warning("book %s failed its integrity check: %d problems", self.path.name, len(problems))
        return problems

    @classmethod
    def _open_server(cls, url: str) -> Book:
        """A shared book: no lock file and no file backups (see docs/SHARED_BOOK.md); the server's own
        transactions keep two people apart. Raises ServerUnavailable when it cannot connect."""
        from sqlalchemy.exc import OperationalError


        engine = make_engine(url)
        try:
            upgraded = schema.upgrade(engine, before_upgrade=None)
        except OperationalError as exc:  # cannot connect, or the connection dropped while opening
            engine.dispose()
            raise connection_error(exc, ServerAddress.from_url(url)) from exc
        except BaseException:
            engine.dispose()
            raise
        book = cls(url, engine, None)
        if upgraded:
            book.refresh_derived()
        return book

    def refresh_derived(self) -> None:
        """Recompute every derived figure (core.customer_stats, the products' suggested cycles) in one
        transaction: run after a schema
        upgrade, so a migration that adds a derived column need not compute it in SQL of its own."""
        from core import customer_stats
        from core.product_links import refresh_suggestions

        with self.session() as s:
            refresh_suggestions(s)
            changed = customer_stats.refresh(s)
        log.info("derived figures recomputed after the upgrade: %d customers changed", changed)

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
        """One transaction: committed when the block ends, rolled back if it raises (a full disk as DiskFull; SQLite's
        "database is locked" — another program held the write lock past the busy timeout — as BookBusy).
        Raises BookClosed after close()."""
        self._refuse_if_closed()
        s = self._sessions()
        try:
            yield s
            s.commit()
        except OperationalError as exc:
            s.rollback()
            if self.state != "ok" and "readonly" in str(exc.orig):
                raise self._write_refused() from None
            full = as_disk_full(exc, lambda: self.path is not None and guard.disk_is_full(self.path))
            if full is not None:  # rolled back: the book is as it was
                raise full from exc
            busy = busy_error(exc)
            if busy is not None:
                raise busy from exc
            raise
        except BaseException:
            s.rollback()
            raise
        finally:
            s.close()

    def _write_refused(self) -> BookDamaged:
        if self.state == "checking":
            return BookDamaged("book_checking", "The book is still being checked; nothing was written",
                               path=str(self.path))
        newest = backup.newest_good_backup(self.path, root=self.backup_root) if self.path is not None else None
        return BookDamaged("book_damaged", f"The book {self.path} is damaged; nothing was written",
                           path=str(self.path), problems=list(self.problems[:10]), newest_backup=str(newest or ""))

    def change_counter(self) -> int:
        """A number that grows whenever anyone commits a write to this book (poll it to refresh views)."""
        return changes.read_counter(self.engine)

    def backup(self, reason: str = "manual") -> backup.BackupInfo:
        """Back up this (SQLite) book now."""
        if self.path is None:
            raise RejectedInput("backup_not_sqlite", "Back up a shared book with pg_dump (docs/SHARED_BOOK.md)")
        return backup.create_backup(self.path, reason, root=self.backup_root)

    def close(self) -> None:
        """Close the book for good: later sessions and connections raise BookClosed; a transaction already
        under way on another thread still commits or rolls back on its own connection."""
        if self.closed:
            return
        self.closed = True
        self.engine.dispose()
        if self._lock:
            self._lock.release()

    def __enter__(self) -> Book:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
