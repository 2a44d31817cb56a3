"""Issue #18: a book rebuilt from `export --what all` behaves as the original on the next Douyin import — each
line keeps its sub-order number and state, the order the numbers of the lines the seller removed."""

from __future__ import annotations

from sqlalchemy import select

from core.book.db import Book
from core.book.models import Order, OrderItem
from core.excel.export import export_book
from core.excel.importer import run_import
from tests.core.excel.test_douyin_line_rules import _state
from tests.core.excel.test_douyin_sub_orders import CREAM, EYE, MAIN, SERUM, edit_lines, order_of
from tests.core.excel.test_pasted_lines import _douyin


def lines_of(book) -> tuple:
    """The order's removed sub-order numbers and its lines' numbers and states."""
    with book.session() as session:
        removed = session.scalar(select(Order.removed_line_refs).where(Order.platform_order_no == MAIN))
        lines = session.execute(select(OrderItem.title, OrderItem.line_ref, OrderItem.line_state)
                                .order_by(OrderItem.id)).all()
    return removed, [tuple(line) for line in lines]


def test_a_book_rebuilt_from_our_export_keeps_line_states_and_the_removed_lines_out(tmp_path, book):
    # Monday's export: the cream still to ship, the serum refunded; the seller then removes the eye cream
    run_import(book, _douyin(tmp_path / "mon.csv", [_state(CREAM, "待发货"), _state(SERUM, after_sale="退款成功"), EYE]))
    edit_lines(book, lambda items: items[:2])
    original = lines_of(book)
    assert original[0] == "6920000000000000004" and all(state for _title, _ref, state in original[1])
    for language in ("zh_CN", "en"):
        export = tmp_path / f"all-{language}.xlsx"
        export_book(book, export, "all", language=language)
        same = run_import(book, export)  # into the same book: nothing changes
        assert (same.orders_updated, same.items_added, same.orders_unchanged) == (0, 0, 1)
        assert lines_of(book) == original
        with Book.open(tmp_path / f"copy-{language}.book", create=True, backup_root=tmp_path / "bk",
                       daily_backup=False) as copy:
            run_import(copy, export)
            assert lines_of(copy) == original and order_of(copy) == order_of(book)
            # an older export (the serum not refunded yet) holding the removed line: the copy, as the original,
            # keeps the serum's refund and leaves the eye cream out
            older = _douyin(tmp_path / "older.csv", [_state(CREAM, "待发货"), SERUM, EYE])
            run_import(copy, older)
            assert lines_of(copy) == original
            assert order_of(copy) == order_of(book) == ("partial_refund", 30000, 30000, 20000, [
                ("面霜", 1, 10000, 10000), ("精华", 1, 20000, 20000)])
    later = _douyin(tmp_path / "later.csv", [CREAM, _state(SERUM, after_sale="退款成功"), EYE])  # the cream completed
    with Book.open(tmp_path / "copy-zh_CN.book", backup_root=tmp_path / "bk", daily_backup=False) as copy:
        run_import(copy, later)
        run_import(book, later)
        assert lines_of(copy) == lines_of(book) and order_of(copy) == order_of(book)
        assert order_of(book)[0] == "partial_refund"
