"""The chunked import (core.excel.chunked) on a shared PostgreSQL book: it commits in chunks, a refused or failed
import leaves nothing, an import killed halfway (SIGKILL) is undone at the next open, and the "import running"
lock belongs to one book — two books in one database do not share it. Run with HUITOUKE_TEST_PG_URL set."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import signal
import subprocess
import sys
import textwrap

import pytest
from sqlalchemy import event, func, select, text

from core.book.db import Book
from core.book.models import Customer, ImportBatch, Order, OrderItem
from core.errors import Cancelled
from core.excel import chunked, writer
from core.excel.batches import recover_unfinished_imports
from core.excel.chunked import ImportRunning
from core.excel.importer import ImportOptions, run_import
from tests.conftest import ROOT
from tests.core.excel.files import taobao_rows, write_csv

pytestmark = pytest.mark.postgres
TODAY = dt.date(2024, 7, 1)


def _counts(book) -> dict:
    with book.session() as s:
        return {"customers": s.scalar(select(func.count(Customer.id))), "orders": s.scalar(select(func.count(Order.id))),
                "items": s.scalar(select(func.count(OrderItem.id))),
                "batches": sorted(s.execute(select(ImportBatch.id, ImportBatch.status)).all())}


def _book(url: str, tmp_path) -> Book:
    book = Book.open(url, create=True, backup_root=tmp_path / "bk")
    run_import(book, write_csv(tmp_path / "first.csv", taobao_rows(100, 40, seed=3), encoding="gbk", quote_all=True),
               ImportOptions(backup=False, today=TODAY))
    return book


def test_a_chunked_import_commits_chunk_by_chunk(fresh_pg_schema, tmp_path, monkeypatch):
    monkeypatch.setattr(writer, "CHUNK_ROWS", 20)
    monkeypatch.setattr(chunked, "CHUNK_CUSTOMERS", 10)
    monkeypatch.setattr(chunked, "CHUNK_S", 0)  # every step its own transaction
    data = write_csv(tmp_path / "more.csv", taobao_rows(300, 150, seed=5), encoding="gbk", quote_all=True)
    with Book.open(fresh_pg_schema(), create=True, backup_root=tmp_path / "bk") as whole:
        run_import(whole, data, ImportOptions(backup=False, today=TODAY))
        expected = _counts(whole)
    seen: list[int] = []
    turns: list[int] = []

    @contextlib.contextmanager
    def write_turn():
        turns.append(1)
        yield

    url = fresh_pg_schema()
    with Book.open(url, create=True, backup_root=tmp_path / "bk") as book, Book.open(url) as other:

        def progress(_done, _total, message):
            if message == "orders":  # another program sees what the chunks committed so far
                with other.session() as s:
                    seen.append(s.scalar(select(func.count(Customer.id))))
                    assert s.scalar(select(ImportBatch.status)) == "running"

        result = run_import(book, data, ImportOptions(backup=False, today=TODAY), progress=progress,
                            write_turn=write_turn)
        assert len(turns) > 20 and seen and seen[0] > 0
        assert _counts(book) == expected
        with book.session() as s:
            assert s.get(ImportBatch, result.batch_id).status == "done"


def test_a_refused_file_writes_nothing(fresh_pg_schema, tmp_path):
    with _book(fresh_pg_schema(), tmp_path) as book:
        before = _counts(book)
        with pytest.raises(Exception) as refused:
            run_import(book, write_csv(tmp_path / "empty.csv", [["姓名", "电话"]]))
        assert refused.value.code == "no_data_rows"
        assert _counts(book) == before


@pytest.mark.parametrize("stage", ["customers", "orders", "reminders"])
def test_a_failure_halfway_undoes_what_was_committed(fresh_pg_schema, tmp_path, monkeypatch, stage):
    monkeypatch.setattr(writer, "CHUNK_ROWS", 50)
    monkeypatch.setattr(chunked, "CHUNK_CUSTOMERS", 20)
    with _book(fresh_pg_schema(), tmp_path) as book:
        before = _counts(book)

        def progress(_done, _total, message):
            if message == stage:
                raise Cancelled("cancelled")

        with pytest.raises(Cancelled):
            run_import(book, write_csv(tmp_path / "more.csv", taobao_rows(300, 150, seed=5), encoding="gbk",
                                       quote_all=True), ImportOptions(backup=False, today=TODAY), progress=progress)
        assert _counts(book) == before
        assert ImportRunning(book).acquire(0)  # given back


def test_an_import_killed_halfway_is_undone_at_the_next_open(fresh_pg_schema, tmp_path):
    url = fresh_pg_schema()
    _book(url, tmp_path).close()
    with Book.open(url) as book:
        before = _counts(book)
    data = write_csv(tmp_path / "big.csv", taobao_rows(3000, 1200), encoding="gbk", quote_all=True)
    script = textwrap.dedent(f"""
        import sys, time
        from core.book.db import Book
        from core.excel import chunked, writer
        from core.excel.importer import run_import
        writer.CHUNK_ROWS, chunked.CHUNK_S = 200, 0

        def progress(done, total, message):
            if message == "orders":  # chunks of customers have been committed
                print("WRITING", flush=True)
                time.sleep(60)

        with Book.open({url!r}) as book:
            run_import(book, {str(data)!r}, progress=progress)
        print("FINISHED", flush=True)
    """)
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True, cwd=ROOT,
                             env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        assert child.stdout.readline().strip() == "WRITING"
        with Book.open(url) as book:
            assert _counts(book)["customers"] > before["customers"]  # half an import, committed
            assert not ImportRunning(book).acquire(0)  # held by the import writing
            assert recover_unfinished_imports(book, TODAY) == []  # left alone while it writes
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait(timeout=60)
    assert child.returncode == -signal.SIGKILL
    with Book.open(url) as book:
        running = ImportRunning(book)
        assert running.acquire(5)  # the server ends the dead client's session and its lock with it
        running.release()
        assert recover_unfinished_imports(book, TODAY) == [2]
        assert recover_unfinished_imports(book, TODAY) == []
        after = _counts(book)
    assert {k: after[k] for k in ("customers", "orders", "items")} == {
        k: before[k] for k in ("customers", "orders", "items")}
    assert after["batches"] == [(1, "done"), (2, "undone")]


def test_the_import_lock_is_one_books_not_every_book_on_the_server(fresh_pg_schema, tmp_path):
    """Two books in two schemas of one database: an import writing into one does not stop an import into the
    other, nor make the other's recovery think its own killed import is still running."""
    with _book(fresh_pg_schema(), tmp_path) as one, _book(fresh_pg_schema(), tmp_path) as two:
        running = ImportRunning(one)
        assert running.acquire(0)
        try:
            assert ImportRunning(two).acquire(0)
            assert not ImportRunning(one).acquire(0)
        finally:
            running.release()


def test_a_large_import_brings_the_planners_statistics_up_to_date_first(fresh_pg_schema, tmp_path, monkeypatch):
    """Right after a bulk insert PostgreSQL still plans as for the tables before it (autovacuum analyzes later):
    the suggested cycles' join over 120,000 new orders ran for minutes in CI. The import analyzes the tables it
    filled before its figures and suggestions; a small import does not."""
    monkeypatch.setattr(chunked, "ANALYZE_AFTER", 30)
    analyzed = "SELECT relname, COALESCE(analyze_count, 0) FROM pg_stat_user_tables WHERE schemaname = current_schema()"
    with Book.open(fresh_pg_schema(), create=True, backup_root=tmp_path / "bk") as book:
        run_import(book, write_csv(tmp_path / "few.csv", taobao_rows(20, 10, seed=3), encoding="gbk", quote_all=True),
                   ImportOptions(backup=False, today=TODAY))
        with book.session() as s:
            before = dict(s.execute(text(analyzed)).all())
        run_import(book, write_csv(tmp_path / "many.csv", taobao_rows(200, 80, seed=5), encoding="gbk",
                                   quote_all=True), ImportOptions(backup=False, today=TODAY))
        with book.session() as s:
            after = dict(s.execute(text(analyzed)).all())
    assert all(after[name] == before[name] + 1 for name in ("customer", "orders", "order_item")), (before, after)
    assert before["orders"] == 0  # (the small import did not)


def test_an_import_in_rounds_analyzes_the_tables_it_filled_once(fresh_pg_schema, tmp_path, monkeypatch):
    """Analyzed before linking the products it made at the end (core.excel.round_writer.link_created), the tables
    are not analyzed again before the figures: no row came in between."""
    from core.excel import rounds

    monkeypatch.setattr(chunked, "ANALYZE_AFTER", 30)
    monkeypatch.setattr(rounds, "ROUNDS_AFTER", 0)
    monkeypatch.setattr(rounds, "ROUND_ROWS", 50)
    statements: list[str] = []
    analyzed = "SELECT relname, COALESCE(analyze_count, 0) FROM pg_stat_user_tables WHERE schemaname = current_schema()"
    with Book.open(fresh_pg_schema(), create=True, backup_root=tmp_path / "bk") as book:
        with book.session() as s:
            before = dict(s.execute(text(analyzed)).all())
        event.listen(book.engine, "before_cursor_execute", lambda *args: statements.append(args[2]))
        result = run_import(book, write_csv(tmp_path / "many.csv", taobao_rows(200, 80, seed=5), encoding="gbk",
                                            quote_all=True), ImportOptions(backup=False, today=TODAY))
        with book.session() as s:
            after = dict(s.execute(text(analyzed)).all())
    assert result.products_created and [sql for sql in statements if sql.startswith("ANALYZE")] == [
        "ANALYZE customer, orders, order_item"]
    assert all(after[name] == before[name] + 1 for name in ("customer", "orders", "order_item")), (before, after)
