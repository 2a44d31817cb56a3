"""`main.py import/export` as scripts see them, and an import killed halfway (SIGKILL)."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap

import pytest

from core.book.check import check_book
from core.book.db import Book
from tests.conftest import ROOT
from tests.core.excel.files import taobao_rows, write_csv, write_xlsx


def run(*args):
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *map(str, args)], cwd=ROOT, capture_output=True,
                          text=True, timeout=300)


def indexes(path):
    con = sqlite3.connect(path)
    try:
        return con.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name").fetchall()
    finally:
        con.close()


def counts(path):
    con = sqlite3.connect(path)
    try:
        return {table: con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                for table in ("customer", "orders", "order_item", "import_batch")}
    finally:
        con.close()


@pytest.mark.slow
def test_import_json_and_exit_codes(tmp_path):
    book = tmp_path / "b.book"
    assert run("init", book).returncode == 0
    sheet = write_xlsx(tmp_path / "own.xlsx", {"五月": [
        ["姓名", "电话", "下单时间", "商品", "金额"], ["张三", "13800138000", "2024-05-03", "蜂蜜", 68],
        ["李四", "13900139000", "2024/13/40", "茶", 10]]})
    dry = run("import", sheet, "--book", book, "--dry-run", "--json")
    assert dry.returncode == 0 and json.loads(dry.stdout)["customers_created"] == 2
    assert counts(book)["customer"] == 0
    out = run("import", sheet, "--book", book, "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert {k: data[k] for k in ("customers_created", "customers_updated", "orders_created", "orders_unchanged",
                                 "rows_skipped")} == {"customers_created": 2, "customers_updated": 0,
                                                      "orders_created": 1, "orders_unchanged": 0, "rows_skipped": 0}
    [error] = data["errors"]  # 李四 is imported; the purchase with the impossible date is not
    assert (error["sheet"], error["row"], error["column"], error["scope"]) == ("五月", 3, "下单时间", "purchase")
    assert error["message"]
    again = json.loads(run("import", sheet, "--book", book, "--json").stdout)
    assert (again["orders_created"], again["orders_unchanged"]) == (0, 1)


@pytest.mark.slow
def test_rejected_file_exits_2_and_writes_nothing(tmp_path):
    book = tmp_path / "b.book"
    run("init", book)
    before = counts(book)
    junk = tmp_path / "junk.xlsx"
    junk.write_bytes(b"%PDF-1.4\n" + bytes(300))
    out = run("import", junk, "--book", book, "--json")
    assert out.returncode == 2 and json.loads(out.stderr)["error"]["code"] == "not_a_spreadsheet"
    assert counts(book) == before


@pytest.mark.slow
def test_export_from_the_command_line(tmp_path):
    book = tmp_path / "b.book"
    run("init", book)
    run("import", write_xlsx(tmp_path / "own.xlsx", {"s": [["姓名", "电话"], ["张三", "13800138000"]]}), "--book", book)
    target = tmp_path / "out.xlsx"
    out = run("export", target, "--book", book, "--what", "customers")
    assert out.returncode == 0 and target.exists()
    import python_calamine

    rows = python_calamine.CalamineWorkbook.from_path(str(target)).get_sheet_by_index(0).to_python()
    assert rows[0][1] == "称呼" and rows[1][1] == "张三"


@pytest.mark.slow
@pytest.mark.parametrize("stage", ["customers", "orders", "reminders"])
def test_sigkill_halfway_leaves_nothing_of_that_import_once_reopened(tmp_path, stage):
    """The import commits in chunks (core.excel.chunked): killed after some of them, the book is sound, `check`
    names the unfinished batch, and the next open undoes it — the book holds nothing of that import."""
    book_path = tmp_path / "b.book"
    with Book.open(book_path, create=True, backup_root=tmp_path / "bk") as book:
        from core.excel.importer import run_import

        run_import(book, write_xlsx(tmp_path / "first.xlsx", {"s": [["姓名", "电话"], ["老客", "13800138000"]]}))
    before, indexes_before = counts(book_path), indexes(book_path)
    data = write_csv(tmp_path / "big.csv", taobao_rows(20000, 8000), encoding="gbk", quote_all=True)
    script = textwrap.dedent(f"""
        import sys, time
        sys.path.insert(0, {str(ROOT)!r})
        from pathlib import Path
        from core.book.db import Book
        from core.excel import chunked
        from core.excel.importer import run_import

        chunked.CHUNK_S = 0  # every step commits: the progress below follows a commit of its step

        def progress(done, total, message):
            if message == {stage!r}:  # a chunk of this step has just been committed
                print("WRITING", flush=True)
                time.sleep(30)

        with Book.open({str(book_path)!r}, backup_root=Path({str(tmp_path / "bk")!r})) as book:
            run_import(book, {str(data)!r}, progress=progress)
        print("FINISHED", flush=True)
    """)
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True,
                             env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        line = child.stdout.readline()
        assert line.strip() == "WRITING"
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait(timeout=60)
    assert child.returncode == -signal.SIGKILL
    # a big import into a nearly empty book builds these after its rows (core.excel.deferred_indexes)
    missing = {name for name, _sql in indexes_before} - {name for name, _sql in indexes(book_path)}
    assert ("ix_customer_phone_norm" in missing) == (stage != "reminders")
    report = check_book(book_path)
    assert report.ok, report.problems
    assert report.unfinished_imports == (2,)
    assert counts(book_path)["customer"] > before["customer"]  # chunks were committed: half an import, for now
    checked = run("check", "--book", book_path, "--json")
    assert checked.returncode == 0 and json.loads(checked.stdout)["unfinished_imports"] == [2]
    if stage == "orders":  # the command line undoes it when it opens the book
        out = run("export", tmp_path / "out.xlsx", "--book", book_path, "--what", "customers")
        assert out.returncode == 0, out.stderr
        assert "2" in out.stderr
    else:
        from core.excel.batches import recover_unfinished_imports

        with Book.open(book_path, backup_root=tmp_path / "bk") as reopened:  # the dead process's lock is stale
            assert recover_unfinished_imports(reopened) == [2]
            assert recover_unfinished_imports(reopened) == []
    after = counts(book_path)
    assert {k: after[k] for k in ("customer", "orders", "order_item")} == {
        k: before[k] for k in ("customer", "orders", "order_item")}
    con = sqlite3.connect(book_path)
    try:
        assert con.execute("SELECT id, status FROM import_batch ORDER BY id").fetchall() == [(1, "done"), (2, "undone")]
        assert con.execute("SELECT count(*) FROM reminder WHERE customer_id NOT IN (SELECT id FROM customer)"
                           ).fetchone() == (0,)
    finally:
        con.close()
    assert check_book(book_path).unfinished_imports == ()
    assert indexes(book_path) == indexes_before  # built again by the undo


@pytest.mark.slow
def test_a_save_from_another_program_gets_in_during_a_command_line_import(tmp_path):
    """`main.py import` beside the open app: its chunks (about core.excel.chunked.CHUNK_S of work each) leave
    gaps that a writer waiting in SQLite's busy handler, polling with backoff, really takes — each save
    waits about one chunk, not the whole import."""
    import threading
    import time

    book_path = tmp_path / "b.book"
    Book.open(book_path, create=True, backup_root=tmp_path / "bk").close()
    data = write_csv(tmp_path / "big.csv", taobao_rows(20000, 8000), encoding="gbk", quote_all=True)
    child = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "import", str(data), "--book", str(book_path)],
                             cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    con = sqlite3.connect(book_path, timeout=10, isolation_level=None)  # the app's busy timeout (core.book.db)
    waits, running = [], []
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and child.poll() is None:
            if con.execute("SELECT count(*) FROM import_batch WHERE status = 'running'").fetchone()[0]:
                break
            time.sleep(0.02)
        while child.poll() is None and len(waits) < 40:
            started = time.perf_counter()
            con.execute("BEGIN IMMEDIATE")  # a save: waits for the import's write lock
            waits.append(time.perf_counter() - started)
            running.append(con.execute("SELECT count(*) FROM import_batch WHERE status = 'running'").fetchone()[0])
            con.execute("UPDATE book_change SET counter = counter WHERE id = -1")
            con.execute("COMMIT")
            threading.Event().wait(0.02)
    finally:
        con.close()
        _out, err = child.communicate(timeout=300)
    assert child.returncode == 0, err
    during = [wait for wait, busy in zip(waits, running, strict=True) if busy]
    assert len(during) >= 3, (waits, running)  # the saves went in while the import was still writing
    assert max(during) < 0.5, during  # a chunk or two (without the gap: 0.6 s seen), never the rest of the import
