"""Issue #18: a Douyin line without a usable number — one an export whose sub-order numbers (子订单编号) Excel rounded
gave the book (cleaning.line_number) — keeps the state its export gave it (``order_item.line_state``) when the seller
edits the order in the app (core.orders) and in a book rebuilt from our export (its 子订单状态 column:
line_states.keep_line), so the order's status and refund still follow its lines."""

from __future__ import annotations

import dataclasses

from sqlalchemy import select

from core.book.db import Book
from core.book.models import OrderItem
from core.excel.importer import run_import
from tests.core.book_files import run_cli
from tests.core.excel.test_detail_items import items_table
from tests.core.excel.test_douyin_rounded_refs import CREAM, SERUM, _rounded, _state, _xlsx
from tests.core.excel.test_douyin_sub_orders import edit_lines, order_of

MAIN = CREAM[0]
# Monday's export as Excel saved it: no line keeps its number; the serum refunded
ROUNDED = [_rounded(CREAM), _rounded(_state(SERUM, after_sale="退款成功"))]
REFUNDED = ("partial_refund", 30000, 30000, 20000, [("面霜", 1, 10000, 10000), ("精华", 1, 20000, 20000)])


def _lines(book) -> list[tuple]:
    with book.session() as session:
        return [tuple(row) for row in session.execute(
            select(OrderItem.title, OrderItem.line_ref, OrderItem.line_state).order_by(OrderItem.id))]


def _two_creams(items):
    return [dataclasses.replace(item, quantity=2, amount_cents=20000) if item.title == "面霜" else item
            for item in items]


def test_the_seller_editing_an_order_keeps_the_states_of_its_lines_without_numbers(tmp_path, book):
    run_import(book, _xlsx(tmp_path / "mon.xlsx", ROUNDED))
    assert order_of(book, MAIN) == REFUNDED
    lines = _lines(book)
    assert [ref for _title, ref, _state in lines] == [None, None] and all(state for *_line, state in lines)
    edit_lines(book, lambda items: items, MAIN, seller_note="老客户，送小样")  # the order's note
    assert _lines(book) == lines and order_of(book, MAIN) == REFUNDED
    edit_lines(book, _two_creams, MAIN)  # another line's quantity: the serum keeps its refund
    assert _lines(book) == lines
    assert order_of(book, MAIN) == ("partial_refund", 40000, 40000, 20000,
                                    [("面霜", 2, 10000, 20000), ("精华", 1, 20000, 20000)])
    # The same export again says nothing new: the seller's quantity and the refund stay.
    edited = items_table(book)
    again = run_import(book, _xlsx(tmp_path / "mon_again.xlsx", ROUNDED))
    assert items_table(book) == edited and (again.orders_unchanged, again.items_added) == (1, 0)
    # A later export refunding the cream alone: both lines refunded, the order with them.
    run_import(book, _xlsx(tmp_path / "tue.xlsx", [_rounded(_state(CREAM, after_sale="退款成功"))]))
    assert order_of(book, MAIN) == ("refunded", 30000, 30000, 30000,
                                    [("面霜", 1, 10000, 10000), ("精华", 1, 20000, 20000)])


def test_a_book_rebuilt_from_our_export_keeps_the_states_of_lines_without_numbers(tmp_path):
    path, copy_path, export = tmp_path / "shop.book", tmp_path / "copy.book", tmp_path / "all.xlsx"
    with Book.open(path, create=True, backup_root=tmp_path / "bk1", daily_backup=False) as book:
        run_import(book, _xlsx(tmp_path / "mon.xlsx", ROUNDED))
        lines = _lines(book)
    out = run_cli("--book", path, "export", export, "--what", "all", "--language", "zh_CN")
    assert out.returncode == 0, out.stderr
    with Book.open(path, backup_root=tmp_path / "bk1", daily_backup=False) as book:  # into the same book: nothing
        before = items_table(book)
        again = run_import(book, export)
        assert items_table(book) == before and (again.orders_updated, again.items_added) == (0, 0)
    Book.open(copy_path, create=True, backup_root=tmp_path / "bk2", daily_backup=False).close()
    out = run_cli("--book", copy_path, "import", export)
    assert out.returncode == 0, out.stderr
    with Book.open(copy_path, backup_root=tmp_path / "bk2", daily_backup=False) as copy:
        assert _lines(copy) == lines and order_of(copy, MAIN) == REFUNDED
        # the copy merges the next export as the book it came from would
        run_import(copy, _xlsx(tmp_path / "tue.xlsx", [_rounded(_state(CREAM, after_sale="退款成功"))]))
        assert order_of(copy, MAIN) == ("refunded", 30000, 30000, 30000,
                                        [("面霜", 1, 10000, 10000), ("精华", 1, 20000, 20000)])
