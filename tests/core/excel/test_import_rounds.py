"""Issue #18, Build 3: an import of a huge file is planned and written in rounds (core.excel.rounds) and writes the
book one plan writes. The thresholds are lowered here so that small files take that path; the book is compared in
every table (scripts/import_diff.py's canonical dump) and by the ids of its customers, orders, lines and products,
with the CLI's JSON of the import."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from core.book.db import Book
from core.excel import records as records_module
from core.excel import rounds as rounds_module
from core.excel import writer as writer_module
from core.excel.export import export_book
from core.excel.importer import ImportOptions, run_import
from scripts.import_diff import Dump
from tests.core.excel.files import taobao_rows, write_csv
from tests.core.excel.test_packed_rows import _douyin_twice, _no_numbers
from tests.core.excel.test_pasted_lines import _douyin, _douyin_line
from tests.core.excel.test_round_trip import demo  # noqa: F401  (the fixture)

TODAY = dt.date(2026, 6, 1)
IDS = {"customer": "SELECT id, name, phone, purchase_count, total_spend_cents, stage, cycle_days FROM customer",
       "orders": "SELECT id, customer_id, platform_order_no, status, paid_cents FROM orders",
       "order_item": "SELECT id, order_id, title, product_id, line_ref, line_state FROM order_item",
       "product": "SELECT id, name FROM product", "import_change": "SELECT id, table_name, row_id FROM import_change"}
_WRITE_ORDERS = writer_module.BookWriter._write_orders


def forced(monkeypatch, round_rows: int | None) -> list[int]:
    """Imports from here on in rounds of ``round_rows`` rows (its people ``round_rows`` at a time too), or (None) in
    one plan; returns the list that gets the number of orders written at a time."""
    monkeypatch.setattr(rounds_module, "ROUNDS_AFTER", 10**9 if round_rows is None else 0)
    monkeypatch.setattr(rounds_module, "ROUND_ROWS", round_rows or 1)
    if round_rows is not None:  # (blocks of 5 rows, a column's cleaned texts let go after each: records.TableRows)
        monkeypatch.setattr(records_module, "_BLOCK", 5)
        monkeypatch.setattr(rounds_module, "KEPT_TEXTS", 2)
    written: list[int] = []

    def watched(self, new_orders, *args):
        written.append(len(new_orders.drafts))
        return _WRITE_ORDERS(self, new_orders, *args)

    monkeypatch.setattr(writer_module.BookWriter, "_write_orders", watched)
    return written


def _import(path, folder, monkeypatch, round_rows: int | None, before=None):
    """Import ``path`` into an empty book (or one that ``before`` was imported into): in rounds of ``round_rows`` rows (its people ``round_rows`` at a time too), or
    (None) in one plan. The import's JSON, the book's canonical dump, its rows with their ids, and the number of orders
    written at a time."""
    written = forced(monkeypatch, round_rows)
    book_path = folder / ("whole.book" if round_rows is None else f"rounds{round_rows}.book")
    with Book.open(book_path, create=True, backup_root=folder / "backups") as book:
        if before is not None:  # (a file imported first, as one plan)
            with monkeypatch.context() as first:
                first.setattr(rounds_module, "ROUNDS_AFTER", 10**9)
                run_import(book, before, ImportOptions(today=TODAY))
        result = run_import(book, path, ImportOptions(today=TODAY)).to_json()
    result.pop("batch_id")
    with sqlite3.connect(book_path) as connection:
        rows = {table: connection.execute(f"{query} ORDER BY id").fetchall() for table, query in IDS.items()}
    return result, Dump(book_path).lines(), rows, written


def _taobao_lines(folder):
    """A Taobao order list whose orders have several goods rows (next to each other), some pasted again at the end."""
    folder.mkdir()
    header, *rows = taobao_rows(60, 20)
    lines = []
    for number, row in enumerate(rows):
        lines.append(row)
        for extra in range(number % 3):  # (the title is the 20th column: another goods line of the order)
            lines.append([*row[:19], f"{row[19]} 赠品{extra}", *row[20:]])
    return write_csv(folder / "ExportOrderList201707081234.csv", [header, *lines, *lines[40:52]], encoding="gbk",
                     quote_all=True)


def _douyin_orders(folder):
    """Douyin orders of two or three lines each (sub-orders), a line of one of them repeated a few orders later."""
    folder.mkdir()
    lines = []
    for order in range(12):
        number = f"69300000000000{order:05d}"
        for line in range(2 + order % 2):
            lines.append(_douyin_line(number, f"{number}{line}", ["土蜂蜜500g", "青梅酒500ml", "桂花蜜"][line],
                                      1 + line, "68.00", f"{68 * (1 + line)}.00"))
    return _douyin(folder / "lines.csv", [*lines[:10], lines[3], *lines[10:]])


def _masked_buyers(folder):
    """Douyin orders of buyers the export masks (周** and 王**, a few phones and homes): 6 buyers, 3 orders each,
    the rows of a buyer far apart (core.excel.masked)."""
    from tests.core.excel.test_douyin_masked_buyers import line

    folder.mkdir()
    buyers = [(name, phone, ("江苏省", "南京市", "玄武区", home)) for name in ("周**", "王**")
              for phone, home in (("151****0000", "建设路1号"), ("151****0001", "建设路1号"), ("151****0000", "建设路2号"))]
    rows = [line(number, *buyers[number % 6], day=1 + number) for number in range(18)]
    return _douyin(folder / "masked.csv", rows)


@pytest.mark.parametrize("make", [_taobao_lines, _douyin_orders, _douyin_twice, _no_numbers, _masked_buyers])
@pytest.mark.parametrize("round_rows", [1, 4])
def test_an_import_in_rounds_writes_the_book_one_plan_writes(tmp_path, monkeypatch, make, round_rows):
    path = make(tmp_path / "file")
    whole = _import(path, tmp_path, monkeypatch, None)
    rounds = _import(path, tmp_path, monkeypatch, round_rows)
    assert whole[2]["orders"] and len(whole[3]) == 1
    if make is _masked_buyers:
        assert [row[3] for row in whole[2]["customer"]] == [3] * 6  # each buyer their 3 orders
    assert rounds[0] == whole[0]
    assert rounds[1] == whole[1]
    assert rounds[2] == whole[2]
    # written in rounds, but for the same export pasted twice: each of its orders has rows at both ends
    assert len(rounds[3]) == 1 if make is _douyin_twice else len(rounds[3]) > 1, rounds[3]


def test_our_export_read_back_in_rounds_is_the_book_read_back_in_one_plan(demo, tmp_path, monkeypatch):  # noqa: F811
    """The 600-customer demo book's `export --what all` (its people, orders and every history sheet)."""
    _folder, path = demo
    export = tmp_path / "all.xlsx"
    with Book.open(path, backup_root=tmp_path / "backups") as book:
        export_book(book, export, "all", "zh_CN", today=TODAY)
    whole = _import(export, tmp_path, monkeypatch, None)
    rounds = _import(export, tmp_path, monkeypatch, 500)
    assert len(rounds[3]) > 3 and max(rounds[3]) < 500, rounds[3]
    assert whole[0]["orders_created"] > 2000 and whole[0]["customers_created"] == 600
    assert rounds[0] == whole[0]
    assert rounds[1] == whole[1]
    assert rounds[2] == whole[2]


def test_people_in_rounds_into_a_book_with_customers_are_matched_as_by_one_plan(tmp_path, monkeypatch):
    """A book with customers and no order: the people of an import in rounds are made at once (round_writer.in_rounds)
    and matched against the book's, as one plan's; into an empty book they are written a round at a time."""
    path = _taobao_lines(tmp_path / "file")
    _header, *rows = taobao_rows(60, 20)
    known = write_csv(tmp_path / "customers.csv", [["姓名", "手机", "备注"], *[
        [row[12], row[16].lstrip("'"), "老客"] for row in rows[:30:6]]])
    whole = _import(path, tmp_path, monkeypatch, None, known)
    rounds = _import(path, tmp_path, monkeypatch, 4, known)
    assert whole[0]["customers_updated"] > 0 and whole[0]["customers_created"] < 20, whole[0]
    assert rounds[0] == whole[0]
    assert rounds[1] == whole[1]
    assert rounds[2] == whole[2]


def test_products_the_lines_call_for_are_made_as_by_one_plan(tmp_path, monkeypatch):
    """A title met in a later round that holds the name of a product made for an earlier round's title still gets a
    product of its own (as when every title is resolved at once), and the lines get their products."""
    folder = tmp_path / "file"
    folder.mkdir()
    header, *rows = taobao_rows(8, 8)
    for number, row in enumerate(rows):
        row[19] = "面霜" if number < 4 else "保湿面霜 50ml"
    path = write_csv(folder / "ExportOrderList201707081234.csv", [header, *rows], encoding="gbk", quote_all=True)
    whole = _import(path, tmp_path, monkeypatch, None)
    rounds = _import(path, tmp_path, monkeypatch, 2)
    assert len(rounds[3]) == 4
    assert len(whole[2]["product"]) == 2  # (one for each title: neither is in the book when the titles are read)
    assert rounds[2] == whole[2] and rounds[1] == whole[1]
    assert all(line[3] is not None for line in rounds[2]["order_item"])


def test_a_book_that_got_orders_after_the_plan_takes_every_round_as_one_plan(tmp_path, monkeypatch):
    """Planned in rounds (the book had no order then), written into a book that has orders by then (a shared book):
    every round's orders are taken as one plan's, looked up in the book and updated as one plan's are."""
    folder = tmp_path / "file"
    folder.mkdir()
    header, *rows = taobao_rows(40, 12)
    first = write_csv(folder / "ExportOrderList201707081234.csv", [header, *rows[:25]], encoding="gbk", quote_all=True)
    second = write_csv(folder / "ExportOrderList201707091234.csv", [header, *rows[10:]], encoding="gbk",
                       quote_all=True)
    monkeypatch.setattr(rounds_module, "ROUNDS_AFTER", 0)
    monkeypatch.setattr(rounds_module, "ROUND_ROWS", 4)
    books = []
    for forced in (False, True):
        if forced:  # (as if the book had had no order when the file was planned)
            monkeypatch.setattr(rounds_module, "wanted", lambda *_args: True)
        book_path = tmp_path / f"forced{forced}.book"
        with Book.open(book_path, create=True, backup_root=tmp_path / "backups") as book:
            run_import(book, first, ImportOptions(today=TODAY))
            result = run_import(book, second, ImportOptions(today=TODAY)).to_json()
        result.pop("batch_id")
        books.append((result, Dump(book_path).lines()))
    assert books[0][0]["orders_updated"] + books[0][0]["orders_unchanged"] == 15
    assert books[1] == books[0]


_CONTENT = {  # what an import wrote, without ids (the same on SQLite and PostgreSQL)
    "customers": "SELECT name, phone, platform_buyer_id, purchase_count, total_spend_cents, stage FROM customer",
    "orders": "SELECT o.platform_order_no, c.name, o.status, o.paid_cents, o.refund_cents, o.order_date FROM orders o "
              "JOIN customer c ON c.id = o.customer_id",
    "lines": "SELECT o.platform_order_no, i.title, i.quantity, i.amount_cents, p.name FROM order_item i "
             "JOIN orders o ON o.id = i.order_id LEFT JOIN product p ON p.id = i.product_id",
    "changes": "SELECT table_name, old_values_json FROM import_change",
}


def _content(book) -> dict[str, list[tuple]]:
    from sqlalchemy import text

    with book.session() as session:
        return {name: sorted(tuple(str(value) for value in row) for row in session.execute(text(query)))
                for name, query in _CONTENT.items()}


def test_an_import_in_rounds_on_either_engine_writes_what_one_plan_writes(tmp_path, book, monkeypatch):
    """The rounds' own statements (the lines given the products made once every round was read, the orders' ids
    read round by round) on the book's engine: PostgreSQL too when the tests run there."""
    path = _taobao_lines(tmp_path / "file")
    monkeypatch.setattr(rounds_module, "ROUNDS_AFTER", 0)
    monkeypatch.setattr(rounds_module, "ROUND_ROWS", 5)
    in_rounds = run_import(book, path, ImportOptions(today=TODAY)).to_json()
    monkeypatch.setattr(rounds_module, "ROUNDS_AFTER", 10**9)
    with Book.open(tmp_path / "whole.book", create=True, backup_root=tmp_path / "backups") as whole:
        one_plan = run_import(whole, path, ImportOptions(today=TODAY)).to_json()
        expected = _content(whole)
    assert in_rounds["orders_created"] == one_plan["orders_created"] == 60
    assert _content(book) == expected


def test_an_import_in_rounds_is_one_batch_undone_at_once(tmp_path, monkeypatch):
    from core.excel.batches import undo_import

    path = _douyin_orders(tmp_path / "file")
    monkeypatch.setattr(rounds_module, "ROUNDS_AFTER", 0)
    monkeypatch.setattr(rounds_module, "ROUND_ROWS", 4)
    book_path = tmp_path / "rounds.book"
    with Book.open(book_path, create=True, backup_root=tmp_path / "backups") as book:
        result = run_import(book, path, ImportOptions(today=TODAY))
        assert result.orders_created == 12
        undo_import(book, result.batch_id, TODAY)
    with sqlite3.connect(book_path) as connection:
        assert [connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                for table in ("customer", "orders", "order_item", "import_batch")] == [0, 0, 0, 1]


def test_a_file_none_of_whose_rows_can_be_imported_is_refused_in_rounds_too(tmp_path, monkeypatch):
    """The contract holds on the rounds path: every row refused → ``no_row_imported``, no batch, no backup."""
    from core.errors import ImportRejected

    rows = taobao_rows(3, 2)
    for row in rows[1:]:  # no buyer, no name, no phone: no identity
        for column in ("买家会员名", "收货人姓名", "联系手机"):
            row[rows[0].index(column)] = ""
    path = write_csv(tmp_path / "refused.csv", rows)
    monkeypatch.setattr(rounds_module, "ROUNDS_AFTER", 0)
    monkeypatch.setattr(rounds_module, "ROUND_ROWS", 2)
    book_path = tmp_path / "rounds.book"
    with Book.open(book_path, create=True, backup_root=tmp_path / "backups") as book:
        with pytest.raises(ImportRejected) as refused:
            run_import(book, path, ImportOptions(today=TODAY))
        assert refused.value.code == "no_row_imported"
    with sqlite3.connect(book_path) as connection:
        assert connection.execute("SELECT count(*) FROM import_batch").fetchone()[0] == 0
    assert not (tmp_path / "backups").exists() or not any((tmp_path / "backups").rglob("*.book"))
