"""Issue #18, Build 3: an import in rounds into a book with orders (core.excel.round_book) — our export read back
into the same book, a seller's history imported again with more orders — writes the book one plan writes. The
thresholds are lowered so that small files take that path; the book is compared in every table (import_diff's
canonical dump: the rows each import held as one, however many transactions wrote them), by the ids of its
customers, orders, lines, products and undo records, with the CLI's JSON."""

from __future__ import annotations

import shutil
import sqlite3

from core.book.db import Book
from core.excel import round_book
from core.excel import rounds as rounds_module
from core.excel.export import export_book
from core.excel.importer import ImportOptions, run_import
from scripts.import_diff import Dump
from tests.core.excel.files import TAOBAO_HEADERS, taobao_rows, write_csv
from tests.core.excel.test_import_rounds import IDS, TODAY, _content, forced
from tests.core.excel.test_round_trip import demo  # noqa: F401  (the fixture)

_STATUS = TAOBAO_HEADERS.index("订单状态")
_CLAIMED = round_book._claimed


def _into(book_path, path, folder, monkeypatch, round_rows: int | None):
    """Import ``path`` into the book at ``book_path`` in rounds of ``round_rows`` rows, or (None) in one plan: the
    import's JSON, the book's canonical dump, its rows with their ids, and how many orders were written at a time."""
    written = forced(monkeypatch, round_rows)
    with Book.open(book_path, backup_root=folder / "backups") as book:
        result = run_import(book, path, ImportOptions(today=TODAY)).to_json()
    result.pop("batch_id")
    with sqlite3.connect(book_path) as connection:
        rows = {table: connection.execute(f"{query} ORDER BY id").fetchall() for table, query in IDS.items()}
        rows["import_change"] = connection.execute(
            "SELECT id, table_name, row_id, old_values_json, new_values_json FROM import_change ORDER BY id").fetchall()
    return result, Dump(book_path).lines(), rows, written


def _history(folder):
    """A Taobao history (orders of several goods rows, some pasted again) and an earlier export of its first 30
    orders, some of them then not yet paid or shipped: imported again, those move on."""
    folder.mkdir()
    header, *rows = taobao_rows(60, 20)
    lines = []
    for number, row in enumerate(rows):
        lines.append(row)
        for extra in range(number % 3):  # (another goods line of the order: the title is the 20th column)
            lines.append([*row[:19], f"{row[19]} 赠品{extra}", *row[20:]])
    earlier = [[*row[:_STATUS], "卖家已发货，等待买家确认", *row[_STATUS + 1:]]
               if row[_STATUS] == "交易成功" and index % 2 else row for index, row in enumerate(lines[:50])]
    return (write_csv(folder / "ExportOrderList201707011234.csv", [header, *earlier], encoding="gbk", quote_all=True),
            write_csv(folder / "ExportOrderList201707081234.csv", [header, *lines, *lines[40:52]], encoding="gbk",
                      quote_all=True))


def test_a_history_imported_again_with_more_orders_in_rounds_is_written_as_by_one_plan(tmp_path, monkeypatch):
    """A book that has some of the file's orders (some behind the file): in rounds of 1 and 4 rows, the orders it has
    are updated, their people matched to their owners and the others inserted, as one plan does — the same ids, the
    same undo records in the same order."""
    earlier, later = _history(tmp_path / "file")
    with Book.open(tmp_path / "first.book", create=True, backup_root=tmp_path / "backups") as book:
        monkeypatch.setattr(rounds_module, "ROUNDS_AFTER", 10**9)
        run_import(book, earlier, ImportOptions(today=TODAY))
    results = {}
    for round_rows in (None, 1, 4):
        book_path = tmp_path / f"rounds{round_rows}.book"
        shutil.copy(tmp_path / "first.book", book_path)
        results[round_rows] = _into(book_path, later, tmp_path, monkeypatch, round_rows)
    whole = results[None]
    assert whole[0]["orders_updated"] > 3 and whole[0]["orders_created"] > 20, whole[0]
    assert whole[0]["customers_created"] > 0 and whole[3] == [whole[0]["orders_created"]]
    for round_rows in (1, 4):
        rounds = results[round_rows]
        assert len(rounds[3]) > 3 and sum(rounds[3]) == whole[0]["orders_created"], rounds[3]  # (in rounds)
        assert rounds[0] == whole[0]
        assert rounds[1] == whole[1]
        assert rounds[2] == whole[2]


def _export(demo, folder):  # noqa: F811  (the fixture)
    """The 600-customer demo book's `export --what all`."""
    _folder, path = demo
    export = folder / "all.xlsx"
    with Book.open(path, backup_root=folder / "backups") as book:
        export_book(book, export, "all", "zh_CN", today=TODAY)
    return export


def _read_back(book_path, export, folder, monkeypatch):
    """``export`` imported into copies of the book at ``book_path`` in one plan and in rounds of 500 rows (``_into``
    for each) and how many times the rounds looked up every round's orders by id first (round_book._claimed)."""
    claimed: list[int] = []
    monkeypatch.setattr(round_book, "_claimed", lambda session, rounds: claimed.append(1)
                        or _CLAIMED(session, rounds))
    results = {}
    for round_rows in (None, 500):
        copy = folder / f"rounds{round_rows}.book"
        shutil.copy(book_path, copy)
        results[round_rows] = _into(copy, export, folder, monkeypatch, round_rows)
    whole, rounds = results[None], results[500]
    assert rounds[0] == whole[0]
    assert rounds[1] == whole[1]
    assert rounds[2] == whole[2]
    return whole, rounds, len(claimed)


def test_our_export_read_back_into_the_same_book_in_rounds_changes_nothing(demo, tmp_path, monkeypatch):  # noqa: F811
    """The demo book's export read back into a copy of that book: nothing created or updated, and no second walk of
    the file (every order is the book's) — the book one plan leaves."""
    whole, rounds, claimed = _read_back(demo[1], _export(demo, tmp_path), tmp_path, monkeypatch)
    assert whole[0]["orders_unchanged"] > 2000 and whole[3] == [0], whole
    assert (whole[0]["customers_created"], whole[0]["customers_updated"], whole[0]["orders_created"],
            whole[0]["orders_updated"]) == (0, 0, 0, 0), whole[0]
    assert rounds[3] == [] and claimed == 0  # (in rounds: no new order, none written; every order by its id)


def test_our_export_read_into_another_book_in_rounds_finds_its_orders_as_one_plan(demo, tmp_path, monkeypatch):  # noqa: F811
    """Our export read back into another book that got its orders before under other ids (a seller's history imported
    first): its orders without a number are found alike, not by their ids — and an order alike a book order that a
    later round's order names by its id waits for every round's orders of the same id (round_book._claimed), as one
    plan takes those first."""
    export = _export(demo, tmp_path)
    _earlier, later = _history(tmp_path / "file")
    with Book.open(tmp_path / "first.book", create=True, backup_root=tmp_path / "backups") as book:
        monkeypatch.setattr(rounds_module, "ROUNDS_AFTER", 10**9)
        run_import(book, later, ImportOptions(today=TODAY))  # (the orders of the export then get other ids)
        run_import(book, export, ImportOptions(today=TODAY))
    whole, rounds, claimed = _read_back(tmp_path / "first.book", export, tmp_path, monkeypatch)
    assert whole[0]["orders_unchanged"] > 2000 and whole[0]["orders_created"] == 0, whole[0]
    assert claimed == 1 and rounds[3] == []


def _alike_later(export) -> None:
    """Our export with an early order without a number made alike a late one (the same time and paid): the early
    one's id no longer finds its book order, and the order alike it in the book is the late one's."""
    from openpyxl import load_workbook

    workbook = load_workbook(export)
    sheet = workbook["订单"]
    header = [cell.value for cell in sheet[1]]
    ref, created, paid = header.index("订单ID"), header.index("下单时间"), header.index("实付金额")
    rows = [row for row in sheet.iter_rows(min_row=2) if not row[0].value and row[header.index("平台")].value == "微信"]
    single = [row for row in rows if sum(other[ref].value == row[ref].value for other in rows) == 1]
    early, late = single[0], single[-1]
    assert late[0].row - early[0].row > 1000
    early[created].value, early[paid].value = late[created].value, late[paid].value
    workbook.save(export)


def test_an_order_alike_one_a_later_round_names_is_found_as_by_one_plan(demo, tmp_path, monkeypatch):  # noqa: F811
    """One plan finds every order of our export by its id first, then those left by an order alike: an early round's
    order alike the book order of a later round's order (by id) does not take it — the rounds look up every round's
    orders by id first (round_book._claimed) — and is a new order, as by one plan."""
    export = _export(demo, tmp_path)
    _alike_later(export)
    whole, rounds, claimed = _read_back(demo[1], export, tmp_path, monkeypatch)
    assert whole[0]["orders_created"] == 1, whole[0]  # (the early order: the late one's book order is the late one's)
    assert claimed == 1 and sum(rounds[3]) == 1 and len(rounds[3]) > 3


def test_rounds_into_a_book_with_orders_on_either_engine_write_what_one_plan_writes(tmp_path, book, monkeypatch):
    """The rounds' lookups of the book's orders on the book's engine: PostgreSQL too when the tests run there."""
    earlier, later = _history(tmp_path / "file")
    monkeypatch.setattr(rounds_module, "ROUNDS_AFTER", 10**9)
    run_import(book, earlier, ImportOptions(today=TODAY))
    with Book.open(tmp_path / "whole.book", create=True, backup_root=tmp_path / "backups") as whole:
        run_import(whole, earlier, ImportOptions(today=TODAY))
        one_plan = run_import(whole, later, ImportOptions(today=TODAY)).to_json()
        expected = _content(whole)
    written = forced(monkeypatch, 5)
    in_rounds = run_import(book, later, ImportOptions(today=TODAY)).to_json()
    assert len(written) > 3, written
    assert in_rounds["orders_updated"] == one_plan["orders_updated"] > 3
    assert in_rounds["orders_created"] == one_plan["orders_created"] > 20
    assert _content(book) == expected
