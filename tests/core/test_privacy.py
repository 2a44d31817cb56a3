"""Privacy (issue #20): private modes, no customer data in logs, erase reaches every backup."""

from __future__ import annotations

import datetime as dt
import gzip
import os
import sqlite3
import stat

import pytest
from sqlalchemy import text

from core.book import backup
from core.book.db import Book
from core.customers import CustomerService
from tests.core.book_files import NAME, PHONE, make_book, run_cli

pytestmark = pytest.mark.sqlite_only


def _contents(path):
    data = path.read_bytes()
    if path.name.endswith(".gz"):
        data += gzip.decompress(data)
    return data


def _files_holding(folder, *needles):
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file()
                  and any(n.encode("utf-8") in _contents(p) for n in needles))


@pytest.mark.slow
def test_data_folder_book_backups_and_logs_are_private(tmp_path):
    data = tmp_path / "data"
    env = {"HUITOUKE_DATA_DIR": str(data)}
    book = data / "customers.book"
    assert run_cli("init", "--book", book, env=env).returncode == 0
    assert run_cli("backup", "--book", book, env=env).returncode == 0
    assert run_cli("import", tmp_path / "missing.csv", "--book", book, env=env).returncode == 2
    (data / "logs").mkdir(exist_ok=True)
    old_log = data / "logs" / "huitouke.log"
    old_log.write_text("from an older version\n")
    old_log.chmod(0o644)
    assert run_cli("check", "--book", book, env=env).returncode == 0  # any start tightens what is there
    for path in [data, *data.rglob("*")]:
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode & 0o077 == 0, (str(path), oct(mode))


@pytest.mark.slow
def test_an_unexpected_error_logs_no_customer_name_or_phone(tmp_path):
    """A write that fails unexpectedly while saving a known customer: the log holds no name, no phone."""
    data = tmp_path / "data"
    book = make_book(tmp_path / "b.book")
    con = sqlite3.connect(book)
    con.execute("CREATE TRIGGER boom BEFORE INSERT ON customer BEGIN SELECT RAISE(ABORT, 'boom'); END")
    con.commit()
    con.close()
    other_phone, other_name = "13712345678", "上官保密"
    csv = tmp_path / "in.csv"
    csv.write_text(f"姓名,手机,地址\n{other_name},{other_phone},浙江省杭州市西湖区文三路1号\n", encoding="utf-8")
    out = run_cli("import", csv, "--book", book, env={"HUITOUKE_DATA_DIR": str(data)})
    assert out.returncode == 1 and "Unexpected error" in out.stderr
    logs = list((data / "logs").rglob("*"))
    assert logs and any("boom" in p.read_text(encoding="utf-8") for p in logs)  # the error is logged…
    assert _files_holding(data / "logs", other_phone, other_name, PHONE, NAME) == []  # …without the person
    assert other_phone not in out.stderr and other_name not in out.stderr


def test_erase_removes_the_customer_from_the_book_its_wal_and_every_backup(tmp_path, monkeypatch):
    data = tmp_path / "data"
    monkeypatch.setenv("HUITOUKE_DATA_DIR", str(data))
    book_path = make_book(data / "customers.book", customers=30)
    for day in range(1, 6):
        # the last five days (the rotation after the erase counts its 7 days from today)
        backup.create_backup(book_path, "daily", now=dt.datetime.combine(
            dt.date.today() - dt.timedelta(days=6 - day), dt.time(9)))
    backup.create_backup(book_path, "before-import")
    legacy = backup.list_backups(book_path)[-1].path  # an uncompressed backup from an older version
    plain = legacy.with_name(legacy.name[: -len(".gz")])
    plain.write_bytes(gzip.decompress(legacy.read_bytes()))
    legacy.unlink()
    assert len(_files_holding(data, PHONE)) >= 6
    with Book.open(book_path, daily_backup=False) as book:
        customers = CustomerService(book)
        with book.session() as s:
            target = s.execute(text("SELECT id FROM customer WHERE phone_norm = :p"), {"p": PHONE}).scalar()
        assert customers.erase([target]) == 1
        assert customers.last_unreachable == []
        assert _files_holding(data, PHONE, NAME) == []  # while the book is open (WAL included)
    assert _files_holding(data, PHONE, NAME) == []
    kept = backup.list_backups(book_path)
    assert len(kept) == 6 and all(b.path.name.endswith(".gz") for b in kept)
    assert all(backup.backup_problems(b.path) == [] for b in kept)
    with backup.opened_copy(kept[0].path) as copy:
        con = sqlite3.connect(copy)
        assert con.execute("SELECT count(*) FROM customer").fetchone()[0] == 29  # the others are all there
        con.close()
    assert not [n for n in os.listdir(kept[0].path.parent) if n.endswith(backup.PARTIAL)]


@pytest.mark.slow
def test_a_killed_export_leaves_its_temp_files_in_the_private_folder_not_tmp(tmp_path):
    import signal
    import subprocess
    import sys
    import time

    from tests.conftest import ROOT

    data, public_tmp = tmp_path / "data", tmp_path / "public-tmp"
    public_tmp.mkdir()
    env = {**os.environ, "HUITOUKE_DATA_DIR": str(data), "TMPDIR": str(public_tmp)}
    book = tmp_path / "demo.book"
    subprocess.run([sys.executable, str(ROOT / "main.py"), "demo", str(book), "--customers", "3000"], cwd=ROOT,
                   env=env, check=True, capture_output=True, timeout=300)
    proc = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "export", str(tmp_path / "out.xlsx"),
                             "--book", str(book)], cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    private = data / "tmp"
    deadline = time.time() + 120
    while not list(private.glob("openpyxl.*")) and time.time() < deadline and proc.poll() is None:
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    left = list(private.glob("openpyxl.*"))
    assert left, "the export's sheets were not written to the private temp folder"
    assert list(public_tmp.iterdir()) == []
    assert stat.S_IMODE(private.stat().st_mode) == 0o700
    old = time.time() - 2 * 3600
    for path in left:
        os.utime(path, (old, old))
    assert run_cli("check", "--book", book, env={"HUITOUKE_DATA_DIR": str(data)}).returncode == 0
    assert not list(private.glob("openpyxl.*"))  # cleaned at the next start
