"""Backups that fit (issue #20): compressed, verified, bounded by total size; leftovers cleaned."""

from __future__ import annotations

import datetime as dt
import gzip
import os
import random
import signal
import subprocess
import sys
import time

import pytest
from sqlalchemy import text

from core.book import backup
from core.book.check import check_book
from core.book.db import Book
from core.book.models import Customer
from core.errors import BookDamaged
from tests.conftest import ROOT

pytestmark = pytest.mark.sqlite_only


def _noisy_book(path, customers=400, seed=1):
    """A book whose pages do not compress to nothing (random notes), as real addresses and notes do not."""
    rng = random.Random(seed)
    with Book.open(path, create=True, daily_backup=False) as b, b.session() as s:
        s.add_all(Customer(name=f"客户{i}", note="".join(chr(0x4E00 + rng.randrange(2000)) for _ in range(120)))
                  for i in range(customers))
    return path


def test_backups_are_gzip_compressed_smaller_and_restore_whole(tmp_path):
    path = _noisy_book(tmp_path / "b.book")
    info = backup.create_backup(path, "manual")
    assert info.path.name.endswith(".book.gz")
    with gzip.open(info.path) as gz:
        assert gz.read(16) == b"SQLite format 3\x00"
    assert info.size < path.stat().st_size * 0.8
    with Book.open(path) as b, b.session() as s:
        s.execute(text("DELETE FROM customer"))
    backup.restore_backup(info.path, path)
    assert check_book(path).counts["customer"] == 400
    assert not list(info.path.parent.glob("*.partial"))


def test_a_cut_short_backup_is_refused_by_restore_and_never_offered(tmp_path):
    path = _noisy_book(tmp_path / "b.book")
    good = backup.create_backup(path, "manual", now=dt.datetime(2026, 12, 1, 9))
    cut = backup.create_backup(path, "manual", now=dt.datetime(2026, 12, 2, 9))
    cut.path.write_bytes(cut.path.read_bytes()[: cut.size // 2])
    before = path.read_bytes()
    with pytest.raises(BookDamaged) as err:
        backup.restore_backup(cut.path, path)
    assert err.value.code == "backup_damaged"
    assert path.read_bytes() == before
    assert backup.newest_good_backup(path) == good.path


@pytest.mark.slow
def test_a_year_of_daily_backups_stays_within_three_times_the_book(tmp_path):
    path = _noisy_book(tmp_path / "y.book", customers=300)
    day0 = dt.datetime(2026, 1, 1, 9)
    rng = random.Random(2)
    totals = []
    for day in range(365):
        if day % 30 == 0:  # the book grows through the year
            with Book.open(path, daily_backup=False) as b, b.session() as s:
                s.add_all(Customer(name=f"新客{day}-{i}",
                                   note="".join(chr(0x4E00 + rng.randrange(2000)) for _ in range(120)))
                          for i in range(40))
        backup.daily_backup_if_due(path, now=day0 + dt.timedelta(days=day))
        totals.append(sum(b.size for b in backup.list_backups(path)))
        assert totals[-1] <= backup.SIZE_FACTOR * path.stat().st_size, day
    kept = backup.list_backups(path)
    assert kept[0].taken_at.date() == (day0 + dt.timedelta(days=364)).date()  # the newest is always there
    assert len(kept) < 7 + 4 + 12  # the size bound, not only the calendar policy, decided
    assert all(not backup.backup_problems(b.path) for b in kept[:2])


def test_leftover_partials_are_removed_at_the_next_open_but_not_a_running_backups(tmp_path):
    path = _noisy_book(tmp_path / "b.book")
    folder = backup.create_backup(path, "manual").path.parent
    stale = folder / "b-20261201-090000-daily.book.partial"
    stale.write_bytes(b"half a backup")
    old = time.time() - backup.LEFTOVER_AGE_SECONDS - 5
    os.utime(stale, (old, old))
    fresh = folder / "b-20261206-090000-daily.book.gz.partial"
    fresh.write_bytes(b"being written")
    Book.open(path, daily_backup=False).close()
    assert not stale.exists() and fresh.exists()


@pytest.mark.slow
def test_a_killed_demo_leaves_no_book_and_the_next_run_builds_one(tmp_path):
    target = tmp_path / "demo.book"
    proc = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "demo", str(target), "--customers", "20000"],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    partial = tmp_path / "demo.book.partial"
    while not (partial.exists() and partial.stat().st_size > 1_000_000) and time.time() < deadline:
        time.sleep(0.05)  # killed once the build has written its first megabyte
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert not target.exists()
    out = subprocess.run([sys.executable, str(ROOT / "main.py"), "demo", str(target), "--customers", "30"],
                         cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["demo.book"]  # the killed run's partial is gone
    assert check_book(target).ok
