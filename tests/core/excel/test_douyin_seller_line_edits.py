"""Issue #18: a Douyin line the seller changed in the app (its quantity) stays whole — goods and paid agreeing —
while the exports say the same of it, whether the same export comes again with exact numbers or as Excel rounded
them; a newer word on the line is the export's, whole (core.excel.sub_orders)."""

from __future__ import annotations

import dataclasses

from core.excel.batches import undo_import
from core.excel.importer import run_import
from tests.core.excel.test_detail_items import items_table
from tests.core.excel.test_douyin_rounded_refs import CREAM, SERUM, _rounded, _state, _xlsx
from tests.core.excel.test_douyin_sub_orders import edit_lines, order_of

MAIN = CREAM[0]
WAITING = [_state(CREAM, "待发货"), _state(SERUM, "待发货")]


def _two_creams(items):
    return [dataclasses.replace(item, quantity=2, amount_cents=20000) if item.title == "面霜" else item
            for item in items]


def test_a_quantity_the_seller_changed_stays_whole_when_the_same_export_comes_again(tmp_path, book):
    run_import(book, _xlsx(tmp_path / "mon.xlsx", WAITING))
    edit_lines(book, _two_creams, MAIN)
    edited = ("paid", 40000, 40000, 0, [("面霜", 2, 10000, 20000), ("精华", 1, 20000, 20000)])
    assert order_of(book, MAIN) == edited
    lines = items_table(book)
    again = run_import(book, _xlsx(tmp_path / "mon_again.xlsx", WAITING))
    assert order_of(book, MAIN) == edited and items_table(book) == lines
    assert (again.orders_updated, again.orders_unchanged, again.items_added) == (0, 1, 0)
    undo_import(book, again.batch_id)
    assert order_of(book, MAIN) == edited
    resaved = run_import(book, _xlsx(tmp_path / "mon_rounded.xlsx", [_rounded(line) for line in WAITING]))
    assert order_of(book, MAIN) == edited and items_table(book) == lines  # no third line: the cream is the seller's
    assert (resaved.orders_unchanged, resaved.items_added) == (1, 0)


def test_a_newer_word_on_another_line_keeps_the_sellers_quantity_and_one_on_that_line_is_the_exports(tmp_path, book):
    run_import(book, _xlsx(tmp_path / "mon.xlsx", WAITING))
    edit_lines(book, _two_creams, MAIN)
    run_import(book, _xlsx(tmp_path / "tue.xlsx", [_state(CREAM, "待发货"), _state(SERUM, "已发货")]))
    assert order_of(book, MAIN) == ("paid", 40000, 40000, 0, [("面霜", 2, 10000, 20000), ("精华", 1, 20000, 20000)])
    run_import(book, _xlsx(tmp_path / "wed.xlsx", [_rounded(_state(CREAM, "已发货")), _rounded(_state(SERUM, "已发货"))]))
    assert order_of(book, MAIN) == ("shipped", 30000, 30000, 0, [("面霜", 1, 10000, 10000), ("精华", 1, 20000, 20000)])
