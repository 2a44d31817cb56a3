"""A full disk (issue #20): a coded error with a sentence (exit 2), the book exactly as it was."""

from __future__ import annotations

import os
import shutil

import pytest

from core.book.check import check_book
from tests.core.book_files import error_of, make_book, run_cli, small_disk

pytestmark = [pytest.mark.sqlite_only,
              pytest.mark.skipif(os.geteuid() != 0, reason="a real full disk needs a tmpfs mount (root)")]


def _big_csv(path, rows=20000):
    lines = ["姓名,手机,地址,备注"] + [f"客户{i},139{i:08d},浙江省杭州市西湖区文三路{i}号,{'备注' * 20}"
                                    for i in range(rows)]
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


@pytest.mark.slow
def test_import_onto_a_full_disk_exits_2_with_disk_full_and_the_book_unchanged(tmp_path):
    csv = _big_csv(tmp_path / "big.csv")
    made = make_book(tmp_path / "made.book")
    with small_disk(tmp_path / "disk", made.stat().st_size // 1024 + 200) as disk:
        book = shutil.copyfile(made, disk / "b.book")
        out = run_cli("import", csv, "--book", book, "--json")
        assert out.returncode == 2, out.stderr[-3000:]
        assert error_of(out)["code"] == "disk_full"
        assert "Unexpected" not in out.stderr
        report = check_book(book)
        assert report.ok and report.counts["customer"] == 2, report.problems


@pytest.mark.slow
def test_a_backup_onto_a_full_disk_is_coded_and_leaves_no_partial_file(tmp_path):
    book = make_book(tmp_path / "b.book", customers=300)
    with small_disk(tmp_path / "data", 64) as disk:
        out = run_cli("backup", "--book", book, env={"HUITOUKE_DATA_DIR": str(disk)})
        assert out.returncode == 2, out.stderr[-3000:]
        assert error_of(out)["code"] == "disk_full"
        assert not list(disk.rglob("*.partial"))
    assert check_book(book).ok


@pytest.mark.slow
def test_a_wal_book_on_a_full_disk_is_never_called_damaged(tmp_path):
    """Reading a WAL book needs a -shm file; on a full disk SQLite cannot make one ("disk I/O error")."""
    made = make_book(tmp_path / "made.book")
    with small_disk(tmp_path / "disk", made.stat().st_size // 1024 + 8) as disk:
        book = shutil.copyfile(made, disk / "b.book")
        (disk / "filler").write_bytes(b"\0" * (shutil.disk_usage(disk).free - 4096))
        for command in ("check", "today"):
            out = run_cli(command, "--book", book, "--json")
            assert out.returncode == 2, (command, out.stdout, out.stderr[-2000:])
        assert error_of(run_cli("today", "--book", book))["code"] == "disk_full"
        assert check_book(book).exit_code == 2


def test_a_write_on_a_full_disk_raises_disk_full_in_core_and_the_book_is_unchanged(tmp_path):
    """What the app sees (core.book.db.Book.session): a coded DiskFull its dialogs put in words."""
    from core.book.db import Book
    from core.book.models import Customer
    from core.errors import DiskFull

    made = make_book(tmp_path / "made.book")
    with small_disk(tmp_path / "disk", made.stat().st_size // 1024 + 150) as disk:
        book_path = shutil.copyfile(made, disk / "b.book")
        with (Book.open(book_path, daily_backup=False, backup_root=tmp_path / "bk") as book,
              pytest.raises(DiskFull), book.session() as s):
            s.add_all(Customer(name=f"客户{i}", note="备注" * 400) for i in range(3000))
        assert check_book(book_path).counts["customer"] == 2
