"""Benchmark: what the safety of a big book costs, and what a year of its backups takes on disk.

Usage:  python bench/bench_backups.py --book PATH [--days 365]

Times on the book (copied into a scratch folder next to it, never changed): quick_check, integrity_check,
one real backup (copy, quick_check, gzip, read-back) and its size, a restore (decompress, integrity_check,
replace). Then a year of daily launches: each day the rotation of core.book.backup runs over backups of the
real compressed size (sparse files: the rotation only reads names and sizes), with event backups before an
import every week, and the total is compared with SIZE_FACTOR × the book.
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from core.book import backup, guard


def timed(fn, *args, **kwargs):
    started = time.perf_counter()
    result = fn(*args, **kwargs)
    return time.perf_counter() - started, result


def _sparse(path: Path, size: int) -> None:
    with open(path, "wb") as fh:
        fh.truncate(size)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--book", required=True)
    ap.add_argument("--days", type=int, default=365)
    args = ap.parse_args()
    source = Path(args.book)
    with tempfile.TemporaryDirectory(dir=source.parent) as scratch:
        scratch = Path(scratch)
        book = scratch / source.name
        shutil.copyfile(source, book)
        size = book.stat().st_size
        print(f"book: {size / 1e6:.0f} MB")
        for label, full in (("quick_check", False), ("integrity_check", True)):
            seconds, problems = timed(guard.integrity_problems, book, full=full)
            print(f"{label}: {seconds:.1f} s ({'ok' if not problems else problems[:2]})")
        root = scratch / "backups"
        seconds, info = timed(backup.create_backup, book, "manual", root=root)
        print(f"backup: {seconds:.1f} s, {info.size / 1e6:.0f} MB ({info.size / size:.0%} of the book)")
        seconds, _ = timed(backup.restore_backup, info.path, book, root=root)
        print(f"restore: {seconds:.1f} s")
        shutil.rmtree(root)

        year_root = scratch / "year"
        day0 = dt.datetime(2026, 1, 1, 9)
        peak = 0
        for day in range(args.days):
            now = day0 + dt.timedelta(days=day)
            target = backup.backup_dir_for(book, year_root)
            _sparse(target / f"{book.stem}-{now:%Y%m%d-%H%M%S}-daily.book.gz", info.size)
            if day % 7 == 3:
                later = now + dt.timedelta(hours=2)
                _sparse(target / f"{book.stem}-{later:%Y%m%d-%H%M%S}-before-import.book.gz", info.size)
            backup.rotate(book, root=year_root, today=now.date())
            peak = max(peak, sum(b.size for b in backup.list_backups(book, root=year_root)))
        kept = backup.list_backups(book, root=year_root)
        total = sum(b.size for b in kept)
        print(f"after {args.days} days: {len(kept)} backups, {total / 1e6:.0f} MB = {total / size:.2f} × the book "
              f"(peak {peak / size:.2f} ×; limit {backup.SIZE_FACTOR} ×)")
        print("kept:", ", ".join(f"{b.taken_at:%m-%d} {b.reason}" for b in kept))


if __name__ == "__main__":
    main()
