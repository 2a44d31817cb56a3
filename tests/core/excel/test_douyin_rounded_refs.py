"""Issue #18: a Douyin sub-order number (子订单编号) Excel rounded to 15 significant digits (4.91234567890123E+18)
still names its sub-order when one exact number rounds to it (core.excel.line_states.rounds_to): in one file
holding a newer and an older copy, against the book's lines and the lines the seller removed; and the order's money
and status after each import (core.excel.sub_orders)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import select

from core.book.db import Book
from core.book.models import Customer, OrderItem
from core.excel.batches import undo_import
from core.excel.importer import run_import
from tests.core.excel.files import write_xlsx
from tests.core.excel.test_detail_items import items_table
from tests.core.excel.test_douyin_sub_orders import edit_lines, order_of
from tests.core.excel.test_pasted_lines import DOUYIN_HEADERS, _douyin, _douyin_line

MAIN = "4912345678901230001"
CREAM = _douyin_line(MAIN, "4912345678901234567", "面霜", 1, "100.00", "100.00")
SERUM = _douyin_line(MAIN, "4912345678901234568", "精华", 1, "200.00", "200.00")
EYE = _douyin_line(MAIN, "4912345678901234569", "眼霜", 1, "400.00", "400.00")


def _state(line: list[str], status: str = "已完成", after_sale: str = "") -> list[str]:
    return [*line[:20], status, after_sale, *line[22:]]


def _rounded(line: list[str]) -> list[str]:
    """The line as Excel saved it: its sub-order number a number rounded to 15 significant digits."""
    return [line[0], float(f"{int(line[1]):.15g}"), *line[2:]]


def _xlsx(path, lines):
    return write_xlsx(path, {"订单": [DOUYIN_HEADERS, *lines]})


@pytest.mark.parametrize("form", ["number", "E+18", "digits"])
def test_a_newer_exact_and_an_older_rounded_copy_in_one_sheet_give_each_sub_order_once(tmp_path, book, form):
    older = [_rounded(_state(CREAM, "待发货")), _rounded(_state(SERUM, "待发货"))]
    newer = [CREAM, _state(SERUM, after_sale="退款成功")]
    if form == "number":
        run_import(book, _xlsx(tmp_path / "week.xlsx", [*newer, *older]))
    else:  # saved as CSV from Excel: the number as Excel shows it, or written out in full digits
        shown = {"E+18": "{:.14E}".format, "digits": lambda number: str(int(Decimal(repr(number))))}[form]
        run_import(book, _douyin(tmp_path / "week.csv", [*newer, *([line[0], shown(line[1]), *line[2:]]
                                                                   for line in older)]))
    assert order_of(book, MAIN) == ("partial_refund", 30000, 30000, 20000,
                                    [("面霜", 1, 10000, 10000), ("精华", 1, 20000, 20000)])
    # imported as two files, in either order, the same
    for number, files in (("2", ([CREAM, _state(SERUM, after_sale="退款成功")], older)),
                          ("3", (older, [CREAM, _state(SERUM, after_sale="退款成功")]))):
        with Book.open(tmp_path / f"b{number}.book", create=True, backup_root=tmp_path / f"bk{number}",
                       daily_backup=False) as other:
            for position, lines in enumerate(files):
                run_import(other, _xlsx(tmp_path / f"{number}_{position}.xlsx", lines))
            assert order_of(other, MAIN) == order_of(book, MAIN)


def test_a_rounded_line_of_other_goods_is_not_the_book_line_its_number_rounds_to(tmp_path, book):
    run_import(book, _xlsx(tmp_path / "cream.xlsx", [CREAM]))
    serum = run_import(book, _xlsx(tmp_path / "serum.xlsx", [_rounded(SERUM)]))  # both round to 491234567890123
    assert order_of(book, MAIN) == ("completed", 30000, 30000, 0, [("面霜", 1, 10000, 10000), ("精华", 1, 20000, 20000)])
    assert serum.items_added == 1


def test_an_exact_line_claims_the_line_a_rounded_export_added_without_its_number(tmp_path, book):
    run_import(book, _xlsx(tmp_path / "mon.xlsx", [CREAM]))
    run_import(book, _xlsx(tmp_path / "tue.xlsx", [_rounded(CREAM), _rounded(EYE)]))  # the eye added, no number
    assert order_of(book, MAIN)[1:3] == (50000, 50000)
    wednesday = run_import(book, _xlsx(tmp_path / "wed.xlsx", [CREAM, _state(EYE, after_sale="退款成功")]))
    assert order_of(book, MAIN) == ("partial_refund", 50000, 50000, 40000,
                                    [("面霜", 1, 10000, 10000), ("眼霜", 1, 40000, 40000)])
    assert wednesday.items_added == 0
    with book.session() as session:
        assert session.scalars(select(OrderItem.line_ref).order_by(OrderItem.id)).all() == [CREAM[1], EYE[1]]
    after = items_table(book)
    again = run_import(book, _xlsx(tmp_path / "tue_again.xlsx", [_rounded(CREAM), _rounded(EYE)]))
    assert items_table(book) == after and (again.items_added, again.orders_unchanged) == (0, 1)
    undo_import(book, wednesday.batch_id)  # the eye has no number again, nor its refund
    assert order_of(book, MAIN) == ("completed", 50000, 50000, 0, [("面霜", 1, 10000, 10000), ("眼霜", 1, 40000, 40000)])
    with book.session() as session:
        assert session.scalars(select(OrderItem.line_ref).order_by(OrderItem.id)).all() == [CREAM[1], None]


def test_an_older_rounded_export_with_a_line_more_leaves_the_money_the_sum_of_the_lines(tmp_path, book):
    run_import(book, _xlsx(tmp_path / "newer.xlsx", [CREAM, SERUM]))
    older = [_rounded(_state(line, "待发货")) for line in (CREAM, SERUM, EYE)]
    run_import(book, _xlsx(tmp_path / "older.xlsx", older))
    _status, goods, paid, refund, lines = order_of(book, MAIN)
    assert (goods, paid, refund) == (70000, 70000, 0) and len(lines) == 3
    assert sum(line[3] for line in lines) == goods


def test_a_line_the_seller_removed_does_not_come_back_from_a_rounded_export(tmp_path, book):
    run_import(book, _xlsx(tmp_path / "both.xlsx", [CREAM, SERUM]))
    edit_lines(book, lambda items: items[:1], MAIN)  # the seller removes the serum
    again = run_import(book, _xlsx(tmp_path / "rounded.xlsx", [_rounded(CREAM), _rounded(SERUM)]))
    assert order_of(book, MAIN) == ("completed", 10000, 10000, 0, [("面霜", 1, 10000, 10000)])
    assert (again.items_added, again.orders_unchanged) == (0, 1)


def _seller_sets(book, **values) -> None:
    """The seller changes the order in the app (core.orders), its lines as they are."""
    edit_lines(book, lambda items: items, MAIN, **values)


def test_a_refund_the_seller_typed_survives_an_export_that_adds_a_sub_order(tmp_path, book):
    run_import(book, _xlsx(tmp_path / "mon.xlsx", [CREAM]))
    _seller_sets(book, refund_cents=3000, status="partial_refund")  # ¥30 given back by hand
    run_import(book, _xlsx(tmp_path / "tue.xlsx", [CREAM, SERUM]))
    assert order_of(book, MAIN)[:4] == ("partial_refund", 30000, 30000, 3000)
    # an export that says something new of a refund: its word
    run_import(book, _xlsx(tmp_path / "wed.xlsx", [CREAM, _state(SERUM, after_sale="退款成功")]))
    assert order_of(book, MAIN)[:4] == ("partial_refund", 30000, 30000, 20000)


def test_an_order_the_seller_closed_stays_closed_when_an_export_adds_a_sub_order(tmp_path, book):
    run_import(book, _xlsx(tmp_path / "mon.xlsx", [CREAM]))
    _seller_sets(book, status="closed")
    run_import(book, _xlsx(tmp_path / "tue.xlsx", [CREAM, SERUM]))
    assert order_of(book, MAIN)[0] == "closed"


def test_a_lone_refunded_sub_order_counts_its_paid_as_refunded(tmp_path, book):
    run_import(book, _xlsx(tmp_path / "refunded.xlsx", [_state(CREAM, after_sale="退款成功")]))
    assert order_of(book, MAIN)[:4] == ("refunded", 10000, 10000, 10000)
    with book.session() as session:
        assert session.scalar(select(Customer.total_spend_cents)) == 0


def test_an_order_first_read_from_a_rounded_export_takes_its_numbers_from_the_next_exact_one(tmp_path, book):
    run_import(book, _xlsx(tmp_path / "rounded.xlsx", [_rounded(CREAM), _rounded(EYE)]))  # no number in the book
    exact = run_import(book, _xlsx(tmp_path / "exact.xlsx", [CREAM, EYE]))  # the same: the lines get their numbers
    assert order_of(book, MAIN) == ("completed", 50000, 50000, 0, [("面霜", 1, 10000, 10000), ("眼霜", 1, 40000, 40000)])
    assert (exact.items_added, exact.orders_updated) == (0, 1)
    with book.session() as session:
        assert session.scalars(select(OrderItem.line_ref).order_by(OrderItem.id)).all() == [CREAM[1], EYE[1]]
    # a lone refunded sub-order: the order is partly refunded, its money still its lines'
    run_import(book, _xlsx(tmp_path / "refund.xlsx", [_state(CREAM, after_sale="退款成功")]))
    assert order_of(book, MAIN)[:4] == ("partial_refund", 50000, 50000, 10000)


def test_a_lone_refunded_sub_order_over_an_order_read_from_a_rounded_export_leaves_the_rest_paid(tmp_path, book):
    run_import(book, _xlsx(tmp_path / "rounded.xlsx", [_rounded(CREAM), _rounded(EYE)]))
    run_import(book, _xlsx(tmp_path / "refund.xlsx", [_state(CREAM, after_sale="退款成功")]))
    assert order_of(book, MAIN) == ("partial_refund", 50000, 50000, 10000,
                                    [("面霜", 1, 10000, 10000), ("眼霜", 1, 40000, 40000)])


def test_a_newer_rounded_export_updates_the_state_of_the_line_it_is(tmp_path, book):
    run_import(book, _xlsx(tmp_path / "mon.xlsx", [_state(CREAM, "待发货"), _state(SERUM, "待发货")]))
    later = [_rounded(CREAM), _rounded(_state(SERUM, after_sale="退款成功"))]
    run_import(book, _xlsx(tmp_path / "later.xlsx", later))
    assert order_of(book, MAIN) == ("partial_refund", 30000, 30000, 20000,
                                    [("面霜", 1, 10000, 10000), ("精华", 1, 20000, 20000)])
    before = items_table(book)
    older = run_import(book, _xlsx(tmp_path / "mon_rounded.xlsx", [_rounded(_state(line, "待发货")) for line in (CREAM, SERUM)]))
    assert items_table(book) == before and older.orders_unchanged == 1  # an older one does not move it back


def test_an_order_closed_by_its_only_cancelled_line_is_live_when_a_later_export_brings_a_live_one(tmp_path, book):
    cancelled = [*_state(CREAM, "已关闭")[:18], "", *_state(CREAM, "已关闭")[19:]]
    run_import(book, _xlsx(tmp_path / "mon.xlsx", [cancelled]))
    assert order_of(book, MAIN)[0] == "closed"
    run_import(book, _xlsx(tmp_path / "tue.xlsx", [SERUM]))  # the buyer's other sub-order, paid and done
    assert order_of(book, MAIN)[:3] == ("completed", 30000, 20000)
