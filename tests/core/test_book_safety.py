"""Issue #20: a damaged book is never used, and nothing but a book is ever touched (real files, real CLI)."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import sqlite3
import threading
from pathlib import Path

import pytest
from sqlalchemy import text

from core.book import backup, guard, schema
from core.book.check import check_book
from core.book.db import Book
from core.book.models import Customer
from core.errors import BookDamaged, BookLayoutUnknown, RejectedInput
from tests.core.book_files import (
    FIXTURE_0001,
    break_table,
    copy_fixture_0001,
    error_of,
    make_book,
    read_only_folder,
    run_cli,
    skew_index,
)

pytestmark = pytest.mark.sqlite_only

BOOK_COMMANDS = (("today",), ("stats",), ("backup",), ("export", "out.xlsx"), ("import", "in.csv"))


def _bytes_of(folder):
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


# -- integrity ---------------------------------------------------------------------------------------------

def test_skewed_index_passes_quick_check_and_fails_integrity_check(tmp_path):
    path = make_book(tmp_path / "s.book")
    skew_index(path)
    assert guard.integrity_problems(path, full=False) == []
    assert any("ix_customer_phone" in p for p in guard.integrity_problems(path, full=True))
    with pytest.raises(BookDamaged):
        Book.open(path, check="full")


@pytest.mark.slow
def test_every_command_refuses_the_skewed_book_with_exit_4_and_writes_nothing(tmp_path):
    path = make_book(tmp_path / "s.book")
    skew_index(path)
    (tmp_path / "in.csv").write_text("姓名,手机\n新客户,13700000000\n", encoding="utf-8")
    before = path.read_bytes()
    assert run_cli("check", "--book", path).returncode == 4
    for command, *rest in BOOK_COMMANDS:
        out = run_cli(command, *[tmp_path / r for r in rest], "--book", path)
        assert out.returncode == 4, (command, out.stderr)
        assert error_of(out)["code"] == "book_damaged"
    assert path.read_bytes() == before
    assert not (tmp_path / "out.xlsx").exists()


def test_the_backup_named_for_a_damaged_book_itself_passes_integrity_check(tmp_path):
    root = tmp_path / "bk"
    path = make_book(tmp_path / "s.book", backup_root=root)
    good = backup.create_backup(path, "manual", root=root, now=dt.datetime(2026, 12, 1, 9))
    skew_index(path)
    later = backup.create_backup(path, "manual", root=root)  # a copy of the skewed book, newer than `good`
    assert backup.backup_problems(later.path)  # it passed quick_check when written, not integrity_check
    with pytest.raises(BookDamaged) as err:
        Book.open(path, backup_root=root, check="full")
    assert err.value.details["newest_backup"] == str(good.path)


def _write_in_a_thread(book, name):
    outcome = {}

    def write():
        try:
            with book.session() as s:
                s.add(Customer(name=name))
            outcome["done"] = True
        except Exception as exc:
            outcome["error"] = exc

    thread = threading.Thread(target=write)
    thread.start()
    return thread, outcome


def test_background_check_holds_writes_until_it_passes(tmp_path):
    path = make_book(tmp_path / "b.book")
    with Book.open(path, check="background") as book:
        assert book.state == "checking"
        thread, outcome = _write_in_a_thread(book, "检查之后")
        thread.join(0.5)
        assert thread.is_alive() and not outcome  # the write waits for the check
        with book.session() as s:  # reading goes on meanwhile
            assert s.execute(text("SELECT count(*) FROM customer")).scalar() == 2
        assert book.verify() == ()
        thread.join(10)
        assert outcome == {"done": True}
    with Book.open(path) as book, book.session() as s:
        assert s.execute(text("SELECT count(*) FROM customer")).scalar() == 3


def test_background_check_that_fails_closes_the_book_for_writing(tmp_path):
    path = make_book(tmp_path / "s.book")
    skew_index(path)
    with Book.open(path, check="background") as book:  # quick_check passes: the app opens at once
        before = path.read_bytes()
        thread, outcome = _write_in_a_thread(book, "不该写入")
        problems = book.verify()
        thread.join(10)
        assert problems and book.state == "damaged"
        assert outcome["error"].code == "book_damaged"
        with pytest.raises(BookDamaged) as err, book.session() as s:
            s.execute(text("UPDATE customer SET city = 'x'"))
        assert err.value.code == "book_damaged"
    assert path.read_bytes() == before


def test_concurrent_check_lets_the_book_be_read_beside_it_and_a_failing_one_closes_it_for_writing(tmp_path):
    """check="concurrent" (the app's launch): the book is read while quick_check runs; writes wait for the checks,
    and a failing quick check closes the book for writing — nothing is ever written."""
    path = make_book(tmp_path / "c.book")
    break_table(path, "orders")  # the customers still read
    before = path.read_bytes()
    with Book.open(path, check="concurrent", daily_backup=False) as book:
        assert book.state in ("checking", "damaged")
        with book.session() as s:
            assert s.execute(text("SELECT count(*) FROM customer")).scalar() == 2
        thread, outcome = _write_in_a_thread(book, "不该写入")
        with pytest.raises(BookDamaged) as err:
            book.await_quick_check(10)
        assert err.value.code == "book_damaged" and err.value.details["problems"]
        told = []
        book.when_quick_checked(told.append)  # over: told at once
        assert told == [err.value]
        thread.join(10)
        assert book.state == "damaged" and outcome["error"].code == "book_damaged"
        assert book.verify() == tuple(err.value.details["problems"])  # the full check does not run on it
        with pytest.raises(BookDamaged), book.session() as s:
            s.execute(text("UPDATE customer SET city = 'x'"))
    assert path.read_bytes() == before


def test_a_read_meeting_a_broken_page_while_the_quick_check_runs_is_the_books_damage(tmp_path):
    path = make_book(tmp_path / "r.book")
    break_table(path, "customer")
    with Book.open(path, check="concurrent", daily_backup=False) as book:
        with pytest.raises(Exception) as read, book.session() as s:
            s.execute(text("SELECT * FROM customer")).all()
        damage = book.as_damage(read.value)
        assert isinstance(damage, BookDamaged) and damage.code == "book_damaged" and book.state == "damaged"
        assert book.as_damage(ValueError("not about the file")) is None


def test_concurrent_check_on_a_sound_book_lets_writes_through_once_the_full_check_passed(tmp_path):
    path = make_book(tmp_path / "ok.book")
    with Book.open(path, check="concurrent") as book:
        assert book.await_quick_check(10) and book.state == "checking"  # writes still wait for the full check
        assert book.verify() == () and book.state == "ok"
        with book.session() as s:
            s.execute(text("UPDATE customer SET city = '杭州'"))


def _book_with_unsaved_wal(tmp_path, wal_bytes=None):
    """A copy of a book taken while its writer was live: the file, its -shm, and no -wal (or the first
    `wal_bytes` of it)."""
    path = make_book(tmp_path / "w.book")
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA wal_autocheckpoint=0")
    con.execute("UPDATE customer SET city = '杭州'")
    con.commit()
    copy = tmp_path / "copy"
    copy.mkdir()
    for suffix in ("", "-shm"):
        shutil.copyfile(f"{path}{suffix}", copy / f"w.book{suffix}")
    if wal_bytes is not None:
        (copy / "w.book-wal").write_bytes(Path(f"{path}-wal").read_bytes()[:wal_bytes])
    con.close()
    return copy / "w.book"


def test_a_wal_that_vanished_while_holding_commits_is_reported(tmp_path):
    path = _book_with_unsaved_wal(tmp_path)
    assert "missing" in guard.wal_lost(path)
    report = check_book(path)
    assert report.exit_code == 4 and "missing" in report.problems[0]
    out = run_cli("today", "--book", path)
    assert out.returncode == 4 and "missing" in error_of(out)["problems"][0]


def test_a_wal_cut_short_is_reported(tmp_path):
    path = _book_with_unsaved_wal(tmp_path, wal_bytes=32 + 4096)  # the header and part of the first frame
    assert "cut short" in guard.wal_lost(path)
    out = run_cli("import", tmp_path / "x.csv", "--book", path)
    assert out.returncode == 4 and "cut short" in error_of(out)["problems"][0]


@pytest.mark.slow
def test_a_cleanly_closed_wal_book_has_no_wal_file_and_is_fine(tmp_path):
    path = make_book(tmp_path / "c.book")
    assert path.read_bytes()[18] == 2  # the header says WAL
    assert not (tmp_path / "c.book-wal").exists()
    assert guard.wal_lost(path) is None
    assert run_cli("today", "--book", path).returncode == 0


# -- only books are touched -----------------------------------------------------------------------------------

def test_new_books_carry_the_application_id(tmp_path):
    path = make_book(tmp_path / "n.book")
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA application_id").fetchone()[0] == guard.APPLICATION_ID
    con.close()


@pytest.mark.slow
def test_a_foreign_sqlite_file_is_refused_by_every_command_untouched(tmp_path):
    other = tmp_path / "other.sqlite"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE notes (t TEXT)")
    con.execute("INSERT INTO notes VALUES ('mine')")
    con.commit()
    con.close()
    (tmp_path / "in.csv").write_text("姓名,手机\n新客户,13700000000\n", encoding="utf-8")
    before = _bytes_of(tmp_path)
    for command, *rest in (*BOOK_COMMANDS, ("check",)):
        out = run_cli(command, *[tmp_path / r for r in rest], "--book", other)
        assert out.returncode == 2, (command, out.stderr)
    assert error_of(run_cli("stats", "--book", other))["code"] == "not_a_book"
    assert _bytes_of(tmp_path) == before  # no tables written, no lock file, no export
    with pytest.raises(RejectedInput) as err:
        Book.open(other)
    assert err.value.code == "not_a_book"


@pytest.mark.slow
def test_restore_onto_a_text_file_is_refused_and_the_file_untouched(tmp_path):
    book = make_book(tmp_path / "b.book")
    made = run_cli("backup", "--book", book, "--json")
    snapshot = json.loads(made.stdout)["path"]
    notes = tmp_path / "notes.txt"
    notes.write_text("my notes\n", encoding="utf-8")
    out = run_cli("restore", snapshot, "--book", notes)
    assert out.returncode == 2 and error_of(out)["code"] == "not_a_book"
    assert notes.read_text(encoding="utf-8") == "my notes\n"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("notes")) == ["notes.txt"]
    # restoring a text file over a book is refused too
    out = run_cli("restore", notes, "--book", book)
    assert out.returncode == 2 and error_of(out)["code"] == "not_a_book"


def test_restore_replaces_a_book_damaged_beyond_recognition_when_its_backups_exist(tmp_path):
    book = make_book(tmp_path / "b.book")
    snap = backup.create_backup(book, "manual")
    book.write_bytes(b"\0" * 8192)  # the header is gone: no longer recognisable as any database
    assert run_cli("restore", snap.path, "--book", book).returncode == 0
    assert check_book(book).ok
    assert list(tmp_path.glob("b.book.damaged-*"))


@pytest.mark.slow
def test_a_folder_as_book_and_a_read_only_folder_have_their_own_codes(tmp_path):
    folder = tmp_path / "a-folder"
    folder.mkdir()
    for command in ("today", "check", "init", "backup"):
        out = run_cli(command, "--book", folder)
        assert out.returncode == 2, (command, out.stderr)
    assert error_of(run_cli("today", "--book", folder))["code"] == "book_is_folder"
    place = tmp_path / "ro"
    place.mkdir()
    make_book(place / "b.book")
    with read_only_folder(place):
        out = run_cli("today", "--book", place / "b.book")
        assert out.returncode == 2 and error_of(out)["code"] == "book_folder_readonly"
        assert run_cli("check", "--book", place / "b.book").returncode == 2
        with pytest.raises(RejectedInput) as err:
            Book.open(place / "b.book")
        assert err.value.code == "book_folder_readonly"


# -- schema: the frozen first release ------------------------------------------------------------------------

def test_the_fixture_is_the_frozen_0001_layout():
    con = sqlite3.connect(f"file:{FIXTURE_0001}?mode=ro", uri=True)
    try:
        assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
        assert con.execute("PRAGMA application_id").fetchone()[0] == 0
    finally:
        con.close()
    from sqlalchemy import create_engine

    eng = create_engine(f"sqlite:///file:{FIXTURE_0001}?mode=ro&uri=true")
    with eng.connect() as conn:
        assert schema.layout_fingerprint(conn) == schema.LAYOUT_0001
    eng.dispose()


_ADDED = {"import_hold": "0007"}  # tables added by a later revision: new, empty, in an upgraded book


def _counts(path):
    con = sqlite3.connect(path)
    tables = [r[0] for r in con.execute(
        "SELECT name FROM sqlite_master WHERE type='table' AND name NOT IN ('alembic_version', 'book_change')")]
    counts = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
    for table in _ADDED:
        assert counts.pop(table, 0) == 0, table
    names = con.execute("SELECT id, name, phone, city FROM customer ORDER BY id").fetchall()
    con.close()
    return counts, names


def test_a_0001_book_upgrades_to_head_with_nothing_lost(tmp_path):
    path = copy_fixture_0001(tmp_path / "old.book")
    before = _counts(path)
    root = tmp_path / "bk"
    with Book.open(path, backup_root=root) as b:
        assert schema.current_revision(b.engine) == schema.HEAD
    assert _counts(path) == before
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA application_id").fetchone()[0] == guard.APPLICATION_ID
    con.close()
    assert "before-migration" in [x.reason for x in backup.list_backups(path, root=root)]
    assert run_cli("check", "--book", path).returncode == 0


@pytest.mark.slow
def test_an_unknown_early_layout_is_refused_with_exit_4_never_a_crash(tmp_path):
    path = copy_fixture_0001(tmp_path / "early.book")
    con = sqlite3.connect(path)
    con.execute("ALTER TABLE customer DROP COLUMN email")  # an early 0001 without a later column
    con.commit()
    con.execute("PRAGMA journal_mode=WAL")  # as every book in use is
    con.close()
    before = path.read_bytes()
    with pytest.raises(BookLayoutUnknown):
        Book.open(path, backup_root=tmp_path / "bk")
    for command in ("today", "import", "check"):
        out = run_cli(command, *(["x.csv"] if command == "import" else []), "--book", path)
        assert out.returncode == 4, (command, out.stderr)
    assert error_of(run_cli("today", "--book", path))["code"] == "book_layout_unknown"
    assert path.read_bytes() == before


@pytest.mark.slow
def test_check_today_and_import_agree_on_random_byte_flips(tmp_path):
    """The issue's experiment: random single-byte flips; whatever check says, today and import say too. Most flips
    land in a cell's bytes (a damage no check can see: all three say nothing); the flips go on, past eight, until one
    hit the book's structure (which of them does depends on the book's layout: a new table moves it)."""
    import random

    rng = random.Random(20)
    original = make_book(tmp_path / "orig.book", customers=200)
    csv = tmp_path / "in.csv"
    csv.write_text("姓名,手机\n新客户,13700000000\n", encoding="utf-8")
    outcomes: list[int] = []
    for i in range(40):
        if i >= 8 and 4 in outcomes:
            break
        path = tmp_path / f"flip{i}.book"
        shutil.copyfile(original, path)
        data = bytearray(path.read_bytes())
        at = rng.randrange(100, len(data))  # past the header (a broken header is simply "not a book")
        data[at] ^= 1 << rng.randrange(8)
        path.write_bytes(bytes(data))
        codes = [run_cli("check", "--book", path).returncode, run_cli("today", "--book", path).returncode,
                 run_cli("import", csv, "--book", path).returncode]
        damaged = [code == 4 for code in codes]
        assert damaged in ([True] * 3, [False] * 3), (at, codes)
        outcomes.append(codes[0])
    assert 4 in outcomes  # the experiment did hit something


def _upgraded(fixture: str, tmp_path) -> Path:
    """A copy of the fixture book opened once (upgraded to head), nothing lost; its path."""
    path = tmp_path / "old.book"
    shutil.copyfile(FIXTURE_0001.parent / fixture, path)
    before = _counts(path)
    with Book.open(path, backup_root=tmp_path / "bk") as b:
        assert schema.current_revision(b.engine) == schema.HEAD
    assert _counts(path) == before
    return path


def test_a_0005_book_upgrades_to_head_with_nothing_lost_and_its_douyin_lines_keep_the_older_rule(tmp_path):
    """0006 adds order_item.line_ref / line_state (core.excel.sub_orders). The fixture is a demo book made by
    0005 with a Douyin order of two sub-orders imported: its lines come through without numbers, and the same
    export imported again changes nothing (the older rule: lines compared by their content)."""
    path = _upgraded("book-0005.book", tmp_path)
    con = sqlite3.connect(path)
    assert con.execute("SELECT count(*) FROM order_item WHERE line_ref IS NOT NULL OR line_state IS NOT NULL"
                       ).fetchone() == (0,)
    assert con.execute("SELECT count(*) FROM orders WHERE removed_line_refs IS NOT NULL").fetchone() == (0,)
    assert con.execute("SELECT count(*) FROM import_change WHERE new_values_json IS NOT NULL").fetchone() == (0,)
    items = con.execute("SELECT * FROM order_item ORDER BY id").fetchall()
    con.close()
    csv = tmp_path / "dy.csv"
    header = ("主订单编号,子订单编号,选购商品,商品规格,商品数量,商品ID,商品单价,订单应付金额,运费,收件人,收件人手机号,省,市,区,街道,"
              "详细地址,买家留言,订单提交时间,支付完成时间,订单完成时间,订单状态,售后状态,取消原因,发货时间")
    rows = [f"D77,{sub},{title},{spec},1,,{price},{price},0,张三,13800138000,广东省,广州市,天河区,,某路1号,,"
            "2026-11-01 10:00:00,2026-11-01 10:01:00,2026-11-05 10:00:00,已完成,,,2026-11-02 10:00:00"
            for sub, title, spec, price in (("S1", "面霜", "50g", "100.00"), ("S2", "精华", "30ml", "200.00"))]
    csv.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8-sig")
    assert run_cli("import", csv, "--book", path).returncode == 0
    con = sqlite3.connect(path)
    assert con.execute("SELECT * FROM order_item ORDER BY id").fetchall() == items
    con.close()


def test_a_0006_book_upgrades_to_head_and_its_imports_are_undone_as_before_and_held_by_later_ones(tmp_path):
    """0007 adds import_hold (core.excel.holds). The fixture is a demo book made by 0006 with four imports: a Douyin
    order (cream), the same order's next export (serum added), a Taobao order shipped, then refunded. Its imports
    hold nothing (undone as before); an import made after the upgrade holds the serum, which an undo of the import
    that added it then leaves."""
    from sqlalchemy import select

    from core.book.models import ImportHold, Order
    from core.excel.batches import undo_import
    from tests.core.excel.test_douyin_sub_orders import CREAM, SERUM, order_of
    from tests.core.excel.test_pasted_lines import _douyin

    path = _upgraded("book-0006.book", tmp_path)
    assert run_cli("import", _douyin(tmp_path / "again.csv", [CREAM, SERUM]), "--book", path).returncode == 0
    with Book.open(path, backup_root=tmp_path / "bk") as b:
        with b.session() as session:
            assert session.scalar(select(ImportHold.row_ids).where(ImportHold.batch_id == 5,
                                                                   ImportHold.table_name == "orders")) == "174"
        undo_import(b, 4)  # the refund, recorded by 0006: put back as before
        with b.session() as session:
            assert session.execute(select(Order.status, Order.refund_cents).where(Order.id == 175)).one() == ("shipped", 0)
        undo_import(b, 2)  # the serum it added stays: the import made after the upgrade holds it
        assert order_of(b)[4] == [("面霜", 1, 10000, 10000), ("精华", 1, 20000, 20000)]
