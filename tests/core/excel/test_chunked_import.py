"""An import written in short transactions (core.excel.chunked, issue #21): same book as in one transaction,
undone as one batch, and never half an import left after a failure, a cancel or a killed process
(the real kill: tests/core/excel/test_cli_and_crash.py)."""

from __future__ import annotations

import contextlib
import datetime as dt

import pytest
from sqlalchemy import func, select, text

from core.book.db import Book
from core.book.models import Customer, ImportBatch, Order, OrderItem, Reminder
from core.errors import Cancelled, RejectedInput
from core.excel import chunked, deferred_indexes, writer
from core.excel.batches import recover_unfinished_imports, undo_import
from core.excel.chunked import ImportRunning
from core.excel.importer import ImportOptions, run_import
from tests.core.excel.files import taobao_rows, write_csv

TODAY = dt.date(2024, 7, 1)


def _rows(book) -> dict:
    with book.session() as s:
        return {
            "customers": sorted(s.execute(select(Customer.name, Customer.phone, Customer.purchase_count,
                                                 Customer.total_spend_cents, Customer.stage, Customer.cycle_days,
                                                 Customer.member_level_id, Customer.last_purchase_on)).all()),
            "orders": s.scalar(select(func.count(Order.id))), "items": s.scalar(select(func.count(OrderItem.id))),
            "reminders": sorted(s.execute(select(Reminder.rule_key, Reminder.kind, Reminder.due_date, Reminder.status)
                                          ).all()),
        }


def _book(tmp_path, name: str) -> Book:
    book = Book.open(tmp_path / f"{name}.book", create=True, backup_root=tmp_path / "bk", daily_backup=False)
    run_import(book, write_csv(tmp_path / "first.csv", taobao_rows(300, 120, seed=3), encoding="gbk", quote_all=True),
               ImportOptions(backup=False, today=TODAY))
    return book


def test_small_chunks_give_the_same_book_as_big_ones(tmp_path, monkeypatch):
    data = write_csv(tmp_path / "more.csv", taobao_rows(400, 200, seed=5), encoding="gbk", quote_all=True)
    with _book(tmp_path, "big") as big:
        run_import(big, data, ImportOptions(backup=False, today=TODAY))
        expected = _rows(big)
    monkeypatch.setattr(writer, "CHUNK_ROWS", 7)
    monkeypatch.setattr(chunked, "CHUNK_CUSTOMERS", 5)
    monkeypatch.setattr(writer, "CHUNK_UPDATES", 3)
    monkeypatch.setattr(chunked, "CHUNK_S", 0)  # every step its own transaction
    turns = []

    @contextlib.contextmanager
    def write_turn():
        turns.append(1)
        yield

    with _book(tmp_path, "small") as small:
        result = run_import(small, data, ImportOptions(backup=False, today=TODAY), write_turn=write_turn)
        assert len(turns) > 100  # hundreds of short transactions
        assert _rows(small) == expected
        with small.session() as s:
            assert s.get(ImportBatch, result.batch_id).status == "done"
        undo_import(small, result.batch_id, TODAY)  # still undone as one batch
        with _book(tmp_path, "only-first") as first:
            assert _rows(small) == _rows(first)


def test_chunks_are_sized_by_time_not_rows(tmp_path, monkeypatch):
    """A transaction ends at the first step's end after chunked.CHUNK_S of work: a step of seven rows is not a
    transaction of its own unless that time has passed."""
    data = write_csv(tmp_path / "more.csv", taobao_rows(400, 200, seed=5), encoding="gbk", quote_all=True)
    monkeypatch.setattr(writer, "CHUNK_ROWS", 7)
    monkeypatch.setattr(chunked, "CHUNK_CUSTOMERS", 5)
    made = {}
    for seconds in (0, 60):
        monkeypatch.setattr(chunked, "CHUNK_S", seconds)
        turns = []

        @contextlib.contextmanager
        def write_turn(turns=turns):
            turns.append(1)
            yield

        with _book(tmp_path, f"chunk-{seconds}") as book:
            run_import(book, data, ImportOptions(backup=False, today=TODAY), write_turn=write_turn)
            made[seconds] = (len(turns), _rows(book))
    assert made[0][0] > 80  # every step its own transaction
    assert made[60][0] < 10  # the batch row alone, the reads between transactions, the end
    assert made[0][1] == made[60][1]


@pytest.mark.parametrize("stage", ["customers", "orders", "reminders", "saving"])
def test_a_failure_halfway_undoes_what_was_committed(tmp_path, monkeypatch, stage):
    monkeypatch.setattr(writer, "CHUNK_ROWS", 50)
    monkeypatch.setattr(chunked, "CHUNK_CUSTOMERS", 20)
    with _book(tmp_path, "b") as book:
        before = _rows(book)
        seen = []

        def progress(_done, _total, message):
            seen.append(message)
            if message == stage:
                with book.session() as s:  # another connection sees the chunks committed so far
                    assert s.scalar(select(ImportBatch.status).order_by(ImportBatch.id.desc()).limit(1)) == "running"
                raise Cancelled("cancelled")

        with pytest.raises(Cancelled):
            run_import(book, write_csv(tmp_path / "more.csv", taobao_rows(400, 200, seed=5), encoding="gbk",
                                       quote_all=True), ImportOptions(backup=False, today=TODAY), progress=progress)
        assert stage in seen
        assert _rows(book) == before
        with book.session() as s:
            assert s.execute(select(ImportBatch.id, ImportBatch.status)).all() == [(1, "done")]  # no trace left


def test_a_running_batch_is_left_alone_while_its_import_writes(tmp_path):
    with _book(tmp_path, "b") as book:
        before = _rows(book)
        with book.session() as s:  # as a killed import leaves it: its batch and a customer of it
            s.add(ImportBatch(id=7, file_name="big.csv", status="running"))
            s.flush()
            s.add(Customer(name="半个导入", import_batch_id=7))
        with pytest.raises(RejectedInput) as refused:
            undo_import(book, 7)  # the seller cannot undo it from the history meanwhile
        assert refused.value.code == "batch_running"
        running = ImportRunning(book)
        assert running.acquire(0)  # an import is writing (another process or thread)
        try:
            assert not ImportRunning(book).acquire(0)
            assert recover_unfinished_imports(book, TODAY) == []
        finally:
            running.release()
        assert recover_unfinished_imports(book, TODAY) == [7]  # nobody writes it: left by a killed import
        assert _rows(book) == before
        with book.session() as s:
            assert s.get(ImportBatch, 7).status == "undone"
            assert s.execute(text("SELECT count(*) FROM customer WHERE import_batch_id = 7")).scalar() == 0


def test_a_refused_file_writes_no_batch_and_takes_no_backup(tmp_path):
    with _book(tmp_path, "b") as book:
        backups = sorted((tmp_path / "bk").rglob("*"))
        with pytest.raises(Exception) as refused:
            run_import(book, write_csv(tmp_path / "empty.csv", [["姓名", "电话"]]))
        assert refused.value.code == "no_data_rows"
        with book.session() as s:
            assert s.scalar(select(func.count(ImportBatch.id))) == 1
        assert sorted((tmp_path / "bk").rglob("*")) == backups


def test_a_dry_run_leaves_the_book_free_for_other_writers(tmp_path):
    """A dry run writes and rolls back in a throwaway copy of the book (it held the book's write lock for the
    whole check: a save from the app or another program waited for all of it). Failed before: "database is
    locked" at once for a writer that does not wait."""
    import sqlite3

    data = write_csv(tmp_path / "more.csv", taobao_rows(400, 200, seed=5), encoding="gbk", quote_all=True)
    with _book(tmp_path, "b") as book:
        before = _rows(book)
        saved: list[str] = []

        def progress(_done, _total, message):
            if message in ("customers", "orders") and message not in saved:
                other = sqlite3.connect(book.path, timeout=0, isolation_level=None)  # never waits
                try:
                    other.execute("UPDATE customer SET note = ? WHERE id = 1", (message,))
                finally:
                    other.close()
                saved.append(message)

        result = run_import(book, data, ImportOptions(backup=False, today=TODAY, dry_run=True), progress=progress)
        assert result.dry_run and result.customers_created > 0
        assert saved == ["customers", "orders"]
        with book.session() as s:
            assert s.get(Customer, 1).note == "orders"
            s.execute(text("UPDATE customer SET note = '' WHERE id = 1"))
        assert _rows(book) == before  # nothing of the check in the book
        assert not [p.name for p in (tmp_path / "bk").rglob("*") if p.is_file()]  # nor its copy left behind


@pytest.mark.slow
def test_a_program_beside_an_import_on_the_lane_gets_in_between_chunks(tmp_path):
    """The app imports on its lane (a write_turn); another program's save waits in SQLite's busy handler, which
    the lane cannot see: the gap after each chunk lets it in within about a chunk."""
    import sqlite3
    import threading
    import time

    book = Book.open(tmp_path / "b.book", create=True, backup_root=tmp_path / "bk", daily_backup=False)
    data = write_csv(tmp_path / "big.csv", taobao_rows(20000, 8000), encoding="gbk", quote_all=True)
    writing, done = threading.Event(), threading.Event()

    @contextlib.contextmanager
    def write_turn():
        writing.set()
        yield

    def run() -> None:
        try:
            run_import(book, data, ImportOptions(backup=False, today=TODAY), write_turn=write_turn)
        finally:
            done.set()

    worker = threading.Thread(target=run)
    worker.start()
    con = sqlite3.connect(book.path, timeout=10, isolation_level=None, check_same_thread=False)
    waits = []
    try:
        writing.wait(60)
        while not done.is_set() and len(waits) < 40:
            started = time.perf_counter()
            con.execute("BEGIN IMMEDIATE")
            waited = time.perf_counter() - started
            if not done.is_set():
                waits.append(waited)
            con.execute("COMMIT")
            time.sleep(0.02)
    finally:
        con.close()
        worker.join()
        book.close()
    assert len(waits) >= 10, waits  # without the gap: 7 saves in the whole import, one waiting 0.5–0.6 s
    # one chunk (≈ 0.1 s on an idle machine); the slowest but one, so that one stall of a loaded machine's
    # scheduler (0.4546 s once at load 5) is not read as a chunk that let nobody in
    assert sorted(waits)[-2] < 0.45, waits


def _indexes(book) -> list[tuple]:
    with book.session() as s:
        return s.execute(text("SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name")).all()


@pytest.mark.parametrize("stage", [None, "customers", "orders"])
def test_a_big_import_builds_its_indexes_after_its_rows(tmp_path, monkeypatch, stage):
    """Into an empty book the plain indexes of customers and orders are dropped while the rows go in
    (core.excel.deferred_indexes): the same book in the end, the same indexes; stopped halfway, its undo
    builds them again first. Meanwhile another connection reads the same rows, without those indexes."""
    monkeypatch.setattr(writer, "CHUNK_ROWS", 50)
    data = write_csv(tmp_path / "more.csv", taobao_rows(400, 200, seed=5), encoding="gbk", quote_all=True)

    def empty(name: str) -> Book:
        return Book.open(tmp_path / f"{name}.book", create=True, backup_root=tmp_path / "bk", daily_backup=False)

    with empty("plain") as plain:
        run_import(plain, data, ImportOptions(backup=False, today=TODAY))
        expected, indexes = _rows(plain), _indexes(plain)
    monkeypatch.setattr(deferred_indexes, "MIN_ROWS", 10)
    monkeypatch.setattr(chunked, "CHUNK_S", 0)  # every step commits: the other connection sees it
    with empty("b") as book:
        before = _rows(book)
        assert _indexes(book) == indexes
        seen = []

        def progress(_done, _total, message):
            if message in ("customers", "orders") and message not in seen:
                seen.append(message)
                with book.session() as s:  # another connection: the indexes are gone, the rows are there
                    names = {name for name, _table, _sql in _indexes(book)}
                    assert not {"ix_customer_phone_norm", "ix_orders_customer_purchase", "ix_order_item_order_id"} & names
                    assert "ix_import_change_batch_id" in names  # other tables keep theirs
                    assert s.scalar(select(func.count(Customer.id)).where(Customer.phone_norm != "")) > 0
                if message == stage:
                    raise Cancelled("cancelled")

        if stage is None:
            run_import(book, data, ImportOptions(backup=False, today=TODAY), progress=progress)
            assert _rows(book) == expected
        else:
            with pytest.raises(Cancelled):
                run_import(book, data, ImportOptions(backup=False, today=TODAY), progress=progress)
            assert _rows(book) == before
        assert seen == ["customers", "orders"][:2 if stage != "customers" else 1]
        assert _indexes(book) == indexes
        with book.session() as s:
            assert s.scalar(text("SELECT count(*) FROM import_change WHERE table_name = 'sqlite_index'")) == 0
            assert s.scalar(text("PRAGMA integrity_check")) == "ok"
