"""Issue #18: a Douyin line's stored state (``order_item.line_state``) follows the newest word on it whether its
export gave the sub-order numbers exact or rounded by Excel (core.excel.sub_orders), so an older export read later
never sets the order back, the book does not depend on the order the exports are imported in, and undoing a newer
import leaves the order as the older export says it."""

from __future__ import annotations

import itertools
import json

from sqlalchemy import select

from core.book.db import Book
from core.book.models import OrderItem
from core.excel.batches import undo_import
from core.excel.importer import run_import
from tests.core.excel.test_douyin_rounded_refs import CREAM, SERUM, _rounded, _state, _xlsx
from tests.core.excel.test_douyin_sub_orders import order_of
from tests.core.excel.test_pasted_lines import _douyin_line

MAIN = "4912345678901230001"
LOTION = _douyin_line(MAIN, "4912345678901234567", "乳液", 2, "150.00", "300.00")


def _line_states(book) -> list[tuple[str, str]]:
    """Each line's status and after-sale status as the book stores them."""
    with book.session() as session:
        return [tuple(json.loads(state)[:2]) for state in
                session.scalars(select(OrderItem.line_state).order_by(OrderItem.id))]


def test_a_rounded_export_moves_the_line_on_and_an_older_exact_one_read_later_does_not_set_it_back(tmp_path, book):
    run_import(book, _xlsx(tmp_path / "mon.xlsx", [_rounded(_state(LOTION, "待发货"))]))
    run_import(book, _xlsx(tmp_path / "wed.xlsx", [_rounded(_state(LOTION, "已完成"))]))
    assert order_of(book, MAIN)[0] == "completed" and _line_states(book) == [("已完成", "")]
    run_import(book, _xlsx(tmp_path / "tue.xlsx", [_state(LOTION, "已发货")]))  # older, exact numbers
    assert order_of(book, MAIN) == ("completed", 30000, 30000, 0, [("乳液", 2, 15000, 30000)])
    assert _line_states(book) == [("已完成", "")]


def test_a_refund_a_rounded_export_gave_stays_when_an_older_exact_export_is_read(tmp_path, book):
    run_import(book, _xlsx(tmp_path / "mon.xlsx", [_rounded(_state(LOTION, "待发货"))]))
    run_import(book, _xlsx(tmp_path / "wed.xlsx", [_rounded(_state(LOTION, "已发货", "退款成功"))]))
    run_import(book, _xlsx(tmp_path / "tue.xlsx", [_state(LOTION, "已发货")]))
    assert order_of(book, MAIN)[:4] == ("refunded", 30000, 30000, 30000)
    assert _line_states(book) == [("已发货", "退款成功")]


def test_the_book_does_not_depend_on_the_order_rounded_and_exact_exports_are_read_in(tmp_path, book):
    files = [_xlsx(tmp_path / "mon.xlsx", [_rounded(_state(CREAM, "待发货")), _rounded(_state(SERUM, "待发货"))]),
             _xlsx(tmp_path / "tue.xlsx", [_state(CREAM, "已发货"), _state(SERUM, "已发货")]),
             _xlsx(tmp_path / "wed.xlsx", [_rounded(CREAM), _rounded(_state(SERUM, after_sale="退款成功"))])]
    for file in files:
        run_import(book, file)
    expected = ("partial_refund", 30000, 30000, 20000, [("面霜", 1, 10000, 10000), ("精华", 1, 20000, 20000)])
    assert order_of(book, MAIN) == expected
    for number, order in enumerate(itertools.permutations(files)):
        with Book.open(tmp_path / f"p{number}.book", create=True, backup_root=tmp_path / f"bk{number}",
                       daily_backup=False) as other:
            for file in order:
                run_import(other, file)
            assert order_of(other, MAIN) == expected, [file.name for file in order]


def test_undoing_a_newer_rounded_export_leaves_the_order_as_the_older_rounded_one_says(tmp_path, book):
    newer = run_import(book, _xlsx(tmp_path / "wed.xlsx", [_rounded(_state(CREAM, "已发货", "退款成功")),
                                                           _rounded(_state(SERUM, "已发货"))]))
    run_import(book, _xlsx(tmp_path / "mon.xlsx", [_rounded(_state(CREAM, "待发货")), _rounded(_state(SERUM, "待发货"))]))
    assert order_of(book, MAIN)[:4] == ("partial_refund", 30000, 30000, 10000)
    undo_import(book, newer.batch_id)
    assert order_of(book, MAIN) == ("paid", 30000, 30000, 0, [("面霜", 1, 10000, 10000), ("精华", 1, 20000, 20000)])
    assert _line_states(book) == [("待发货", "")] * 2


TWIN_1 = _douyin_line(MAIN, "4912345678901234567", "面霜", 1, "100.00", "100.00")
TWIN_2 = _douyin_line(MAIN, "4912345678901234568", "面霜", 1, "100.00", "100.00")  # rounds as TWIN_1 does
TWINS_DONE = [_state(TWIN_1), _state(TWIN_2, after_sale="退款成功")]  # Douyin: one cream refunded, not both


def test_an_exact_export_says_which_twin_a_rounded_export_refunded(tmp_path, book):
    run_import(book, _xlsx(tmp_path / "mon.xlsx", [_state(TWIN_1, "待发货"), _state(TWIN_2, "待发货")]))
    run_import(book, _xlsx(tmp_path / "tue.xlsx", [_rounded(_state(TWIN_2, after_sale="退款成功"))]))
    assert order_of(book, MAIN)[:4] == ("partial_refund", 20000, 20000, 10000)  # (one of the two: which, unknown)
    run_import(book, _xlsx(tmp_path / "wed.xlsx", TWINS_DONE))
    assert order_of(book, MAIN) == ("partial_refund", 20000, 20000, 10000, [("面霜", 1, 10000, 10000)] * 2)
    assert sorted(_line_states(book)) == [("已完成", ""), ("已完成", "退款成功")]


def test_the_refunded_twin_of_a_rounded_export_is_the_one_the_exact_export_refunds(tmp_path, book):
    run_import(book, _xlsx(tmp_path / "tue.xlsx", [_rounded(_state(TWIN_2, after_sale="退款成功"))]))
    wednesday = run_import(book, _xlsx(tmp_path / "wed.xlsx", TWINS_DONE))
    assert order_of(book, MAIN) == ("partial_refund", 20000, 20000, 10000, [("面霜", 1, 10000, 10000)] * 2)
    assert wednesday.items_added == 1
    with book.session() as session:
        refs = dict(session.execute(select(OrderItem.line_ref, OrderItem.line_state)).all())
    assert json.loads(refs[TWIN_2[1]])[:2] == ["已完成", "退款成功"] and json.loads(refs[TWIN_1[1]])[:2] == ["已完成", ""]



def test_twins_a_rounded_export_cannot_tell_apart_keep_the_refund_in_either_row_order(tmp_path):
    rows = [_rounded(line) for line in TWINS_DONE]
    for number, order in enumerate((rows, rows[::-1])):
        with Book.open(tmp_path / f"t{number}.book", create=True, backup_root=tmp_path / f"tb{number}",
                       daily_backup=False) as other:
            run_import(other, _xlsx(tmp_path / f"mon{number}.xlsx", [_state(TWIN_1, "待发货"), _state(TWIN_2, "待发货")]))
            run_import(other, _xlsx(tmp_path / f"wed{number}.xlsx", order))
            assert order_of(other, MAIN) == ("partial_refund", 20000, 20000, 10000, [("面霜", 1, 10000, 10000)] * 2)
        with Book.open(tmp_path / f"a{number}.book", create=True, backup_root=tmp_path / f"ab{number}",
                       daily_backup=False) as alone:  # read alone: two rows of one block are two sub-orders
            result = run_import(alone, _xlsx(tmp_path / f"only{number}.xlsx", order))
            assert order_of(alone, MAIN) == ("partial_refund", 20000, 20000, 10000, [("面霜", 1, 10000, 10000)] * 2)
            assert result.errors == ()


def test_twins_pasted_with_a_rounded_copy_of_them_in_one_file_are_read_once(tmp_path, book):
    run_import(book, _xlsx(tmp_path / "week.xlsx", [*TWINS_DONE, *[_rounded(line) for line in TWINS_DONE[::-1]]]))
    assert order_of(book, MAIN) == ("partial_refund", 20000, 20000, 10000, [("面霜", 1, 10000, 10000)] * 2)
