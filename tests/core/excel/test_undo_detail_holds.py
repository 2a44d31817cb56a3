"""Issue #18: a later import still done that found lines of a Taobao detail file (订单明细, matched to the order's lines
by content) or a customer's other phones as the book has them holds them (core.excel.holds): undoing the earlier
import that added them keeps them, and they go when that later import is undone in turn."""

from __future__ import annotations

from sqlalchemy import select

from core.book.models import CustomerAlias, Order
from core.excel.analysis import load_file
from core.excel.batches import undo_import
from core.excel.importer import run_import
from tests.core.excel.files import write_csv
from tests.core.excel.test_detail_items import HONEY_ORDER, REFUND_ORDER, detail_file, items_of
from tests.core.excel.test_presets import taobao_file


def _report(folder, pair: bool = True):
    """The Taobao order report, with its detail companion beside it (a pair) or alone."""
    folder.mkdir()
    report = taobao_file(folder)
    if pair:
        detail_file(folder, "ExportOrderDetailList201707081234.csv")
    return load_file(report)


def test_undoing_the_pair_that_gave_the_detail_lines_keeps_those_a_later_pair_holds(tmp_path, book):
    run_import(book, _report(tmp_path / "w1", pair=False))  # the report alone: one summary line an order
    summary = items_of(book, HONEY_ORDER)
    first = run_import(book, _report(tmp_path / "w2"))  # with its detail file: the honey order's two lines
    lines = items_of(book, HONEY_ORDER)
    assert (first.items_added, first.items_replaced) == (1, 1) and len(lines) == 2
    again = run_import(book, _report(tmp_path / "w3"))  # the same pair a week later: the lines as the book has them
    assert (again.items_added, again.items_replaced) == (0, 0)
    result = undo_import(book, first.batch_id)
    assert items_of(book, HONEY_ORDER) == lines and result.values_kept >= 1
    undo_import(book, again.batch_id)  # they were passed on to it: now they go
    assert items_of(book, HONEY_ORDER) == summary


def test_undoing_the_pair_that_made_the_orders_keeps_the_ones_an_overlapping_pair_holds(tmp_path, book):
    first = run_import(book, _report(tmp_path / "w1"))
    lines = items_of(book, HONEY_ORDER)
    again = run_import(book, _report(tmp_path / "w2"))
    undo_import(book, first.batch_id)
    assert items_of(book, HONEY_ORDER) == lines and items_of(book, REFUND_ORDER) == [("面膜30片", "", 1, 9900, 9900)]
    undo_import(book, again.batch_id)
    with book.session() as session:
        assert session.scalars(select(Order.id)).all() == []


def _aliases(book) -> list[tuple]:
    with book.session() as session:
        return session.execute(select(CustomerAlias.kind, CustomerAlias.value)).all()


def test_an_other_phone_a_later_sheet_gives_again_stays_when_the_sheet_that_added_it_is_undone(tmp_path, book):
    header = ["姓名", "电话"]
    run_import(book, write_csv(tmp_path / "a.csv", [header, ["王芳", "13925130165"]]))
    added = run_import(book, write_csv(tmp_path / "b.csv", [header, ["王芳", "13925130165/13800138000"]]))
    again = run_import(book, write_csv(tmp_path / "c.csv", [header, ["王芳", "13925130165/13800138000"]]))
    assert _aliases(book) == [("phone", "13800138000")] and again.customers_updated == 0
    result = undo_import(book, added.batch_id)
    assert _aliases(book) == [("phone", "13800138000")] and result.values_kept == 1
    undo_import(book, again.batch_id)
    assert _aliases(book) == []
