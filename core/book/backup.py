"""Backups of a SQLite book with SQLite's online backup API, their rotation, and restore.

A backup is a complete, consistent copy taken while the book may be open (WAL included), gzip-compressed
(stdlib, level 1: a 415 MB demo book becomes 129 MB in ~9 s) and verified after writing (quick_check of the
copy before compressing, then the whole .gz read back against its CRC). Files are named
`<stem>-YYYYMMDD-HHMMSS-<reason>.book.gz` in the book's private backup folder
(core.book.paths.backup_dir_for); older uncompressed `.book` backups are still listed and restored.
Work in progress is named `*.partial` there and renamed only when whole; `clean_leftovers` removes
partials a killed process left behind. A backup asked to stop (`is_cancelled`: the app closing) removes its own.

Rotation keeps the newest daily backup of each of the last 7 days, of each of the last 4 ISO weeks and
of each of the last 12 months, and the newest 20 event backups (before a migration, import, merge or
restore) — as many of those as fit in SIZE_FACTOR × the book's size, taken in turn from each kind so the
backups still reach back months (see `rotate`); the newest backup always stays.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gzip
import json
import os
import re
import shutil
import sqlite3
import threading
import time
import zlib
from collections.abc import Hashable, Iterator
from dataclasses import dataclass
from pathlib import Path

from core import clock
from core.book import guard
from core.book.paths import backup_dir_for
from core.errors import BookDamaged, Cancelled, HuitoukeError, RejectedInput
from core.progress import IsCancelled, never_cancelled

DAILY = "daily"
EVENT_KEEP = 20
SIZE_FACTOR = 3  # all backups of a book together stay within this many times the book's size
GZIP_LEVEL = 1
PARTIAL = ".partial"
LEFTOVER_AGE_SECONDS = 600  # a .partial untouched this long belongs to a process that died
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})-(?P<reason>[a-z_-]+)\.book(?P<gz>\.gz)?$")
_BLOCK = 1 << 20


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: dt.datetime
    reason: str
    size: int


def _copy_sqlite(src_path: Path, dst_path: Path) -> None:
    """Copy a SQLite database page by page through the backup API (consistent even while in use)."""
    src = sqlite3.connect(f"file:{src_path}?mode=ro", uri=True, timeout=30)
    try:
        dst = sqlite3.connect(dst_path)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")  # a backup is a single self-contained file
        finally:
            dst.close()
    finally:
        src.close()


def _stop_if(is_cancelled: IsCancelled) -> None:
    if is_cancelled():
        raise Cancelled("cancelled", "The backup was cancelled")


def quick_check(path: Path) -> list[str]:
    """Problems PRAGMA quick_check finds ([] when the file is a sound SQLite database)."""
    return guard.integrity_problems(path, full=False)


def assert_sound(path: Path, *, full: bool = True, root: Path | None = None,
                 integrity: bool = True) -> tuple[int, str | None]:
    """Refuse anything but a sound Huitouke book at `path`; returns its (application_id, revision).

    Raises what core.book.guard raises (a folder, an unwritable place, not a book, a lost WAL) and
    BookDamaged when `integrity_check` (`full`) or `quick_check` finds a problem, naming the newest backup
    that itself passes integrity_check. With `integrity=False` only the place, the WAL and the identity (the
    caller runs the check itself: Book.open(check="concurrent")).
    """
    path = Path(path)
    guard.inspect_place(path)
    lost = guard.wal_lost(path)
    if lost:
        raise damaged(path, [lost], root)
    try:
        ident = guard.identify(path)
    except BookDamaged as exc:
        raise damaged(path, exc.details.get("problems", []), root) from None
    problems = guard.integrity_problems(path, full=full) if integrity else []
    if problems:
        raise damaged(path, problems, root)
    return ident


def damaged(path: Path, problems: list[str], root: Path | None) -> BookDamaged:
    """BookDamaged `book_damaged` for the book at `path`: its first problems and the newest backup that passes
    integrity_check."""
    newest = newest_good_backup(path, root=root)
    return BookDamaged("book_damaged", f"The book {path} is damaged", path=str(path), problems=problems[:10],
                       newest_backup=str(newest or ""))


def create_backup(book_path: Path, reason: str = DAILY, *, root: Path | None = None,
                  now: dt.datetime | None = None, is_cancelled: IsCancelled = never_cancelled) -> BackupInfo:
    """Back up the book now (compressed, verified) and rotate old backups. Returns the new backup.

    Written under `.partial` names and renamed when verified, so a crash never leaves a half backup that
    looks whole. Raises BookDamaged `backup_failed` (nothing kept) when the copy does not verify, Cancelled
    (nothing kept, its `.partial` files removed) once `is_cancelled()` is true: it is asked after the copy, after
    its check and for every block compressed or read back (the app closing during the daily backup).
    """
    book_path = Path(book_path)
    now = (now or clock.now())
    folder = backup_dir_for(book_path, root)
    final = folder / f"{book_path.stem}-{now:%Y%m%d-%H%M%S}-{reason}.book.gz"
    n = 1
    while final.exists():
        final = folder / f"{book_path.stem}-{now:%Y%m%d-%H%M%S}-{reason}-{n}.book.gz"
        n += 1
    raw = folder / (final.name[:-3] + PARTIAL)
    packed = folder / (final.name + PARTIAL)
    try:
        _copy_sqlite(book_path, raw)
        _stop_if(is_cancelled)
        problems = guard.integrity_problems(raw, full=False)
        if problems:
            raise BookDamaged("backup_failed", f"The backup of {book_path} did not verify", problems=problems[:10])
        _stop_if(is_cancelled)
        compress_verified(raw, packed, is_cancelled)
        packed.replace(final)
    finally:
        raw.unlink(missing_ok=True)
        packed.unlink(missing_ok=True)
    info = BackupInfo(final, now, reason, final.stat().st_size)
    rotate(book_path, root=root, today=now.date(), protect=final)
    return info


def compress_verified(src: Path, dst: Path, is_cancelled: IsCancelled = never_cancelled) -> None:
    """gzip `src` into `dst`, then read `dst` back whole (gzip checks its CRC and length) before returning;
    Cancelled between two blocks once `is_cancelled()` is true (`dst` is the caller's to remove)."""
    with open(src, "rb") as fh, open(dst, "wb") as out:
        with gzip.GzipFile(filename="", mode="wb", fileobj=out, compresslevel=GZIP_LEVEL, mtime=0) as gz:
            while block := fh.read(_BLOCK):
                _stop_if(is_cancelled)
                gz.write(block)
        out.flush()
    size = 0
    with gzip.open(dst, "rb") as gz:
        while block := gz.read(_BLOCK):
            _stop_if(is_cancelled)
            size += len(block)
    if size != src.stat().st_size:
        raise BookDamaged("backup_failed", f"The compressed backup {dst.name} did not verify")


@contextlib.contextmanager
def opened_copy(backup_path: Path) -> Iterator[Path]:
    """The backup as a plain SQLite file for reading: itself when uncompressed, else a `.partial` copy
    decompressed next to it in the private backup folder (removed afterwards). Raises BookDamaged
    `backup_damaged` when the .gz is cut short or fails its CRC."""
    backup_path = Path(backup_path)
    if not backup_path.name.endswith(".gz"):
        yield backup_path
        return
    plain = backup_path.with_name(backup_path.name[:-3] + ".open" + PARTIAL)
    try:
        try:
            with gzip.open(backup_path, "rb") as gz, open(plain, "wb") as out:
                shutil.copyfileobj(gz, out, _BLOCK)
        except (OSError, EOFError, zlib.error) as exc:  # BadGzipFile is an OSError
            raise BookDamaged("backup_damaged", f"The backup {backup_path} is damaged",
                              problems=[str(exc)]) from None
        yield plain
    finally:
        plain.unlink(missing_ok=True)


def backup_problems(backup_path: Path) -> list[str]:
    """What is wrong with a backup ([] when it is a Huitouke book passing integrity_check).

    The answer is remembered in `checks.json` next to the backups, keyed by name, size and modification
    time, so the Backups dialog and the newest-good-backup search check each backup file once.
    """
    backup_path = Path(backup_path)
    cache, key = _checks_file(backup_path), _check_key(backup_path)
    known = _read_checks(cache)
    if key in known:
        return known[key]
    try:
        with opened_copy(backup_path) as plain:
            guard.identify(plain)
            problems = guard.integrity_problems(plain, full=True)
    except HuitoukeError as exc:
        if exc.code == "disk_full":
            raise
        problems = list(exc.details.get("problems") or [f"{exc.code}: {exc}"])
    known = {k: v for k, v in _read_checks(cache).items() if (cache.parent / k.split("|")[0]).exists()}
    known[key] = problems
    with contextlib.suppress(OSError):
        partial = cache.with_name(cache.name + PARTIAL)
        partial.write_text(json.dumps(known, ensure_ascii=False), encoding="utf-8")
        partial.replace(cache)
    return problems


def _checks_file(backup_path: Path) -> Path:
    return backup_path.parent / "checks.json"


def _check_key(path: Path) -> str:
    try:
        st = path.stat()
    except OSError:
        return f"{path.name}|missing"
    return f"{path.name}|{st.st_size}|{st.st_mtime_ns}"


def _read_checks(cache: Path) -> dict[str, list[str]]:
    try:
        data = json.loads(cache.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


@contextlib.contextmanager
def working_copy(book_path: Path, *, root: Path | None = None) -> Iterator[Path]:
    """A throwaway copy of the book in its backup folder, removed after the block: for work that writes and
    rolls back (an import's dry run) without holding the book's write lock meanwhile. The copy is one read of
    the book (the backup API in one step: under WAL nobody waits for it); its `.partial` name lets a later
    open remove it if the process was killed (clean_leftovers)."""
    book_path = Path(book_path)
    copy = backup_dir_for(book_path, root) / f"{book_path.stem}-{os.getpid()}-{threading.get_ident()}-work.book{PARTIAL}"
    try:
        _copy_sqlite(book_path, copy)
        yield copy
    finally:
        for leftover in (copy, *(copy.with_name(copy.name + end) for end in ("-wal", "-shm", "-journal"))):
            leftover.unlink(missing_ok=True)


def clean_leftovers(book_path: Path, *, root: Path | None = None, now: float | None = None) -> list[Path]:
    """Delete `.partial` files a killed backup, restore or check left in the book's backup folder (only
    those untouched for LEFTOVER_AGE_SECONDS: a backup running in another process keeps its fresh)."""
    folder = backup_dir_for(Path(book_path), root, create=False)
    now = time.time() if now is None else now
    removed = []
    for leftover in [*folder.glob(f"*{PARTIAL}"), *folder.glob(f"*{PARTIAL}-*")]:  # and a working copy's -wal…
        with contextlib.suppress(OSError):
            if now - leftover.stat().st_mtime > LEFTOVER_AGE_SECONDS:
                leftover.unlink()
                removed.append(leftover)
    return removed


def list_backups(book_path: Path, *, root: Path | None = None) -> list[BackupInfo]:
    """Every backup of the book, newest first."""
    result = []
    folder = backup_dir_for(Path(book_path), root, create=False)
    for path in [*folder.glob("*.book"), *folder.glob("*.book.gz")]:
        m = _NAME.match(path.name)
        if not m:
            continue
        taken = dt.datetime.strptime(m["stamp"], "%Y%m%d-%H%M%S")
        reason = re.sub(r"-\d+$", "", m["reason"])
        result.append(BackupInfo(path, taken, reason, path.stat().st_size))
    result.sort(key=lambda b: (b.taken_at, b.path.name), reverse=True)
    return result


def daily_backup_if_due(book_path: Path, *, root: Path | None = None, now: dt.datetime | None = None,
                        is_cancelled: IsCancelled = never_cancelled) -> BackupInfo | None:
    """Take the day's backup unless one was already taken today (called at launch). Cancelled (see
    create_backup), nothing is kept: the next call takes it again."""
    now = now or clock.now()
    for b in list_backups(book_path, root=root):
        if b.reason == DAILY and b.taken_at.date() == now.date():
            return None
    return create_backup(book_path, DAILY, root=root, now=now, is_cancelled=is_cancelled)


def rotate(book_path: Path, *, root: Path | None = None, today: dt.date | None = None,
           budget: int | None = None, protect: Path | None = None) -> list[Path]:
    """Delete backups the policy no longer keeps, then, while all of them together exceed `budget` bytes
    (default SIZE_FACTOR × the book's size), the least useful; returns what was deleted.

    Under the budget the kept backups are taken in turn from each kind — the newest first, then the next
    month, the next week, an event backup, the next of the last days, … — so a budget of nine backups still
    reaches months back instead of holding the last nine days. `protect` (the backup just taken) stays.
    """
    today = today or clock.today()
    backups = list_backups(book_path, root=root)
    # the order of turns: history reaching back first, since a backup deleted is gone for good while
    # tomorrow brings a new daily one
    kinds: dict[str, list[BackupInfo]] = {"month": [], "week": [], "event": [], "day": []}
    daily = [b for b in backups if b.reason == DAILY]
    seen: dict[str, set] = {"day": set(), "week": set(), "month": set()}
    for b in daily:  # newest first: the first of each period is the one kept
        d = b.taken_at.date()
        age = (today - d).days
        buckets: list[tuple[str, Hashable]] = []  # (period, the period this backup falls in)
        if age < 7:
            buckets.append(("day", d))
        if age < 7 * 4:
            buckets.append(("week", tuple(d.isocalendar())[:2]))
        if age < 366:
            buckets.append(("month", (d.year, d.month)))
        for kind, key in buckets:
            if key not in seen[kind]:
                seen[kind].add(key)
                kinds[kind].append(b)
    kinds["event"] = [b for b in backups if b.reason != DAILY][:EVENT_KEEP]
    first = [b for b in backups if b.path == Path(protect)] if protect is not None else []
    first += daily[:1] + backups[:1]  # never delete the newest daily backup, nor the newest of all
    if budget is None:
        budget = SIZE_FACTOR * Path(book_path).stat().st_size if Path(book_path).exists() else None
    keep: set[Path] = set()
    total = 0
    for b in _in_turn(first, kinds):
        if budget is not None and keep and total + b.size > budget:
            continue
        keep.add(b.path)
        total += b.size
    deleted = []
    for b in backups:
        if b.path not in keep:
            b.path.unlink(missing_ok=True)
            deleted.append(b.path)
    return deleted


def _in_turn(first: list[BackupInfo], kinds: dict[str, list[BackupInfo]]) -> Iterator[BackupInfo]:
    """`first`, then one of each kind in turn (each kind newest first, passing over what was given already)
    until all are given."""
    given: set[Path] = set()
    for b in first:
        if b.path not in given:
            given.add(b.path)
            yield b
    queues = [list(q) for q in kinds.values()]
    while any(queues):
        for queue in queues:
            while queue and queue[0].path in given:
                queue.pop(0)
            if queue:
                b = queue.pop(0)
                given.add(b.path)
                yield b


def newest_good_backup(book_path: Path, *, root: Path | None = None) -> Path | None:
    """The newest backup that passes the full integrity_check (and foreign_key_check), or None."""
    for b in list_backups(book_path, root=root):
        if not backup_problems(b.path):
            return b.path
    return None


def restore_backup(backup_path: Path, book_path: Path, *, root: Path | None = None) -> BackupInfo | None:
    """Replace the book's contents with a backup's. The caller holds the book's lock.

    The backup must be a Huitouke book passing integrity_check (else RejectedInput `not_a_book` or
    BookDamaged `backup_damaged`, nothing changed). The target must be a place a book can live
    (core.book.guard.inspect_place) and either absent, a Huitouke book, or a file this book's backups
    belong to (a book damaged beyond recognition); anything else is refused as `not_a_book`, untouched.
    A sound current book is backed up first (reason "before-restore", returned); a damaged one is kept
    aside as `<book>.damaged-<time>`.
    """
    backup_path, book_path = Path(backup_path), Path(book_path)
    if not backup_path.is_file():
        raise RejectedInput("backup_missing", f"No backup file at {backup_path}", file=str(backup_path))
    with opened_copy(backup_path) as plain:
        guard.identify(plain)
        problems = guard.integrity_problems(plain, full=True)
        if problems:
            raise BookDamaged("backup_damaged", f"The backup {backup_path} is damaged", problems=problems)
        check_restore_target(book_path, root=root)
        return _replace_book(plain, book_path, root)


def _replace_book(plain: Path, book_path: Path, root: Path | None) -> BackupInfo | None:
    saved = None
    if book_path.exists():
        if _is_sound_book(book_path):
            saved = create_backup(book_path, "before-restore", root=root)
        else:
            damaged_copy = book_path.with_name(book_path.name + f".damaged-{clock.now():%Y%m%d-%H%M%S}")
            book_path.replace(damaged_copy)
            for suffix in ("-wal", "-shm"):
                Path(str(book_path) + suffix).unlink(missing_ok=True)
    src = sqlite3.connect(f"file:{plain}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(book_path)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=WAL")
        finally:
            dst.close()
    finally:
        src.close()
    return saved


def check_restore_target(book_path: Path, *, root: Path | None = None) -> None:
    """Refuse a restore target that is not a place for a book or a file that is not (and never was) a book.

    Called before the restore takes the book's lock, so nothing at all is created next to a foreign file.
    """
    book_path = Path(book_path)
    guard.inspect_place(book_path, must_exist=False)
    if book_path.exists() and not _was_a_book(book_path, root):
        raise RejectedInput("not_a_book", f"{book_path} is not a Huitouke book; not replaced", path=str(book_path))


def _is_sound_book(path: Path) -> bool:
    try:
        guard.identify(path)
    except HuitoukeError:
        return False
    return not guard.wal_lost(path) and not guard.integrity_problems(path, full=True)


def _was_a_book(path: Path, root: Path | None) -> bool:
    """A Huitouke book (however damaged), or a file whose own backups exist (so it once was one)."""
    try:
        guard.identify(path)
        return True
    except BookDamaged:
        return True
    except HuitoukeError:
        return bool(list_backups(path, root=root))
