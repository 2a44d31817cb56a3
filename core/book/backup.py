"""Backups of a SQLite book with SQLite's online backup API, their rotation, and restore.

A backup is a complete, consistent copy taken while the book may be open (WAL included). Files are
named `<stem>-YYYYMMDD-HHMMSS-<reason>.book` in the book's backup folder (core.book.paths.backup_dir_for).
Rotation keeps the newest daily backup of each of the last 7 days, of each of the last 4 ISO weeks and
of each of the last 12 months; event backups (before a migration, import, merge or restore) keep the
newest 20.
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from core import clock
from core.book.paths import backup_dir_for
from core.errors import BookDamaged, RejectedInput

DAILY = "daily"
EVENT_KEEP = 20
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})-(?P<reason>[a-z_-]+)\.book$")


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


def quick_check(path: Path) -> list[str]:
    """Problems PRAGMA quick_check finds ([] when the file is a sound SQLite database)."""
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30)
    except sqlite3.Error as exc:
        return [str(exc)]
    try:
        rows = con.execute("PRAGMA quick_check").fetchall()
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    finally:
        con.close()
    problems = [r[0] for r in rows]
    return [] if problems == ["ok"] else problems


def create_backup(book_path: Path, reason: str = DAILY, *, root: Path | None = None,
                  now: dt.datetime | None = None) -> BackupInfo:
    """Back up the book now and rotate old backups. Returns the new backup.

    Written to a temporary name and renamed, so a crash never leaves a half backup that looks whole.
    """
    book_path = Path(book_path)
    now = (now or clock.now())
    folder = backup_dir_for(book_path, root)
    final = folder / f"{book_path.stem}-{now:%Y%m%d-%H%M%S}-{reason}.book"
    n = 1
    while final.exists():
        final = folder / f"{book_path.stem}-{now:%Y%m%d-%H%M%S}-{reason}-{n}.book"
        n += 1
    partial = final.with_suffix(".partial")
    _copy_sqlite(book_path, partial)
    partial.replace(final)
    rotate(book_path, root=root, today=now.date())
    return BackupInfo(final, now, reason, final.stat().st_size)


def list_backups(book_path: Path, *, root: Path | None = None) -> list[BackupInfo]:
    """Every backup of the book, newest first."""
    result = []
    for path in backup_dir_for(Path(book_path), root).glob("*.book"):
        m = _NAME.match(path.name)
        if not m:
            continue
        taken = dt.datetime.strptime(m["stamp"], "%Y%m%d-%H%M%S")
        reason = re.sub(r"-\d+$", "", m["reason"])
        result.append(BackupInfo(path, taken, reason, path.stat().st_size))
    result.sort(key=lambda b: (b.taken_at, b.path.name), reverse=True)
    return result


def daily_backup_if_due(book_path: Path, *, root: Path | None = None,
                        now: dt.datetime | None = None) -> BackupInfo | None:
    """Take the day's backup unless one was already taken today (called at launch)."""
    now = now or clock.now()
    for b in list_backups(book_path, root=root):
        if b.reason == DAILY and b.taken_at.date() == now.date():
            return None
    return create_backup(book_path, DAILY, root=root, now=now)


def rotate(book_path: Path, *, root: Path | None = None, today: dt.date | None = None) -> list[Path]:
    """Delete backups the policy no longer keeps; returns what was deleted."""
    today = today or clock.today()
    backups = list_backups(book_path, root=root)
    keep: set[Path] = set()
    daily = [b for b in backups if b.reason == DAILY]
    seen: dict[str, set] = {"day": set(), "week": set(), "month": set()}
    for b in daily:  # newest first: the first of each period is the one kept
        d = b.taken_at.date()
        age = (today - d).days
        buckets = []
        if age < 7:
            buckets.append(("day", d))
        if age < 7 * 4:
            buckets.append(("week", tuple(d.isocalendar())[:2]))
        if age < 366:
            buckets.append(("month", (d.year, d.month)))
        for kind, key in buckets:
            if key not in seen[kind]:
                seen[kind].add(key)
                keep.add(b.path)
    keep.update(b.path for b in [b for b in backups if b.reason != DAILY][:EVENT_KEEP])
    if daily:
        keep.add(daily[0].path)  # never delete the newest daily backup
    deleted = []
    for b in backups:
        if b.path not in keep:
            b.path.unlink(missing_ok=True)
            deleted.append(b.path)
    return deleted


def newest_good_backup(book_path: Path, *, root: Path | None = None) -> Path | None:
    """The newest backup that passes quick_check, or None."""
    for b in list_backups(book_path, root=root):
        if not quick_check(b.path):
            return b.path
    return None


def restore_backup(backup_path: Path, book_path: Path, *, root: Path | None = None) -> BackupInfo | None:
    """Replace the book's contents with a backup's. The caller holds the book's lock.

    The backup is checked first (a damaged backup is refused with nothing changed). The current book,
    when it is readable, is itself backed up first (reason "before-restore") and that backup returned.
    """
    backup_path, book_path = Path(backup_path), Path(book_path)
    if not backup_path.is_file():
        raise RejectedInput("backup_missing", f"No backup file at {backup_path}", file=str(backup_path))
    problems = quick_check(backup_path)
    if problems:
        raise BookDamaged("backup_damaged", f"The backup {backup_path} is damaged", problems=problems)
    saved = None
    if book_path.exists() and not quick_check(book_path):
        saved = create_backup(book_path, "before-restore", root=root)
    elif book_path.exists():
        damaged_copy = book_path.with_name(book_path.name + f".damaged-{clock.now():%Y%m%d-%H%M%S}")
        book_path.replace(damaged_copy)
        for suffix in ("-wal", "-shm"):
            Path(str(book_path) + suffix).unlink(missing_ok=True)
    src = sqlite3.connect(f"file:{backup_path}?mode=ro", uri=True)
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
