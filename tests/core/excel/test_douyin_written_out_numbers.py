"""Issue #18: a real Douyin sub-order number (子订单编号) that ends in 0000 — one in 10,000 does — written out as text is
that number, not Excel's rounding, unless its file shows Excel rounded it (cleaning.line_number,
cleaning.column_shows_rounding): a number cell or an E-notation text in the column, or more numbers ending in zeros
than chance gives."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from core.book.db import Book
from core.book.models import Order, OrderItem
from core.excel import cleaning
from core.excel.export import export_book
from core.excel.importer import run_import
from tests.core.excel.files import write_xlsx
from tests.core.excel.test_detail_items import items_table
from tests.core.excel.test_douyin_rounded_refs import _state
from tests.core.excel.test_douyin_sub_orders import edit_lines, order_of
from tests.core.excel.test_pasted_lines import DOUYIN_HEADERS, _douyin, _douyin_line

MAIN = "4912345678901220001"
ZEROS = "4912345678901230000"  # a real sub-order number ending in 0000
CREAM = _douyin_line(MAIN, ZEROS, "面霜", 1, "100.00", "100.00")
SERUM = _douyin_line(MAIN, "4912345678901234568", "精华", 1, "200.00", "200.00")
EYE = _douyin_line(MAIN, "4912345678901234569", "眼霜", 1, "400.00", "400.00")


def _refs(book) -> list[str | None]:
    with book.session() as session:
        return list(session.scalars(select(OrderItem.line_ref).order_by(OrderItem.id)))


def _file(tmp_path, name: str, lines, form: str):
    if form == "csv":  # as Douyin writes it: every number as text
        return _douyin(tmp_path / f"{name}.csv", lines)
    return write_xlsx(tmp_path / f"{name}.xlsx", {"订单": [DOUYIN_HEADERS, *lines]})  # text cells


@pytest.mark.parametrize("form", ["csv", "xlsx"])
def test_a_real_sub_order_number_ending_in_zeros_is_that_number(tmp_path, book, form):
    run_import(book, _file(tmp_path, "mon", [CREAM, SERUM, EYE], form))
    assert _refs(book) == [ZEROS, SERUM[1], EYE[1]]
    before = items_table(book)
    again = run_import(book, _file(tmp_path, "mon_again", [CREAM, SERUM, EYE], form))
    assert items_table(book) == before and again.orders_unchanged == 1
    # a later export refunds the cream by its number
    tuesday = run_import(book, _file(tmp_path, "tue", [_state(CREAM, after_sale="退款成功")], form))
    assert order_of(book, MAIN) == ("partial_refund", 70000, 70000, 10000,
                                    [("面霜", 1, 10000, 10000), ("精华", 1, 20000, 20000), ("眼霜", 1, 40000, 40000)])
    assert tuesday.items_added == 0 and _refs(book) == [ZEROS, SERUM[1], EYE[1]]


def test_a_workbooks_text_cell_ending_in_zeros_is_exact_even_alone_and_in_a_copy_from_our_export(tmp_path, book):
    run_import(book, _file(tmp_path, "one", [CREAM], "xlsx"))  # a text cell: Excel never rounds text
    assert _refs(book) == [ZEROS]
    export_book(book, tmp_path / "all.xlsx", "all", language="zh_CN")
    with Book.open(tmp_path / "copy.book", create=True, backup_root=tmp_path / "bk2", daily_backup=False) as copy:
        run_import(copy, tmp_path / "all.xlsx")
        assert _refs(copy) == [ZEROS]


def test_a_removed_sub_order_ending_in_zeros_stays_removed_in_a_copy_from_our_export(tmp_path, book):
    run_import(book, _file(tmp_path, "mon", [CREAM, SERUM], "csv"))
    edit_lines(book, lambda items: items[1:], MAIN)  # the seller removes the cream
    export_book(book, tmp_path / "all.xlsx", "all", language="zh_CN")
    with Book.open(tmp_path / "copy.book", create=True, backup_root=tmp_path / "bk2", daily_backup=False) as copy:
        run_import(copy, tmp_path / "all.xlsx")
        with copy.session() as session:
            assert session.scalar(select(Order.removed_line_refs)) == ZEROS
        again = run_import(copy, _file(tmp_path, "mon_again", [CREAM, SERUM], "csv"))  # the cream stays out
        assert order_of(copy, MAIN)[4] == [("精华", 1, 20000, 20000)] and again.items_added == 0


def test_a_csv_excel_saved_with_its_numbers_written_out_is_read_as_rounded(tmp_path, book):
    written_out = [[line[0], f"{int(line[1][:15]) + (line[1][15] >= '5')}0000", *line[2:]] for line in (SERUM, EYE)]
    run_import(book, _douyin(tmp_path / "saved.csv", written_out))
    assert _refs(book) == [None, None]  # no number: each kept as what Excel left of it
    run_import(book, _douyin(tmp_path / "exact.csv", [SERUM, EYE]))  # the exact export: the same lines, numbered
    assert _refs(book) == [SERUM[1], EYE[1]] and len(order_of(book, MAIN)[4]) == 2


@pytest.mark.parametrize(("cells", "rounding"), [
    ([ZEROS, SERUM[1], EYE[1]], False),  # an export as Douyin wrote it
    ([ZEROS], True),  # every long number ends in zeros: Excel wrote them out
    ([ZEROS, "4912345678901240000"], True),
    ([ZEROS, 4.91234567890123e18], True),  # a number cell: Excel saved the file
    ([ZEROS, "4.91234567890124E+18"], True),
    ([ZEROS, "6.92E+18"], True),
    ([ZEROS, "4912345678901240000", *[str(4912345678901234500 + n) for n in range(8)]], True),  # 2 in 10: pasted
    ([ZEROS, "4912345678901240000", *[str(4912345678901234500 + n) for n in range(30)]], False),  # 2 in 32: chance
    ([f'="{ZEROS}"', SERUM[1]], False),  # protected from Excel by its exporter
    ([ZEROS, None, "", 3, "面霜", "12345"], True),  # other cells say nothing
])
def test_a_column_shows_rounding_by_its_other_cells(cells, rounding):
    assert cleaning.column_shows_rounding(cells) is rounding


@pytest.mark.parametrize(("cells", "rounding"), [
    ([ZEROS], False),  # a workbook's text cell: text, never rounded
    ([ZEROS, "4912345678901240000"], False),
    ([ZEROS, 4.91234567890123e18], True),  # a number cell beside it: Excel rounded the column
    ([ZEROS, "4.91234567890124E+18"], True),
])
def test_in_a_workbook_only_number_cells_or_e_notation_show_rounding(cells, rounding):
    assert cleaning.column_shows_rounding(cells, typed=True) is rounding


def test_a_number_ending_in_zeros_is_rounded_only_where_its_column_shows_it():
    assert cleaning.line_number(ZEROS) == "~491234567890123/19"  # read alone: as Excel leaves it
    assert cleaning.line_number(ZEROS, lambda: True) == "~491234567890123/19"
    assert cleaning.line_number(ZEROS, lambda: False) == ZEROS
    assert cleaning.line_number(f'="{ZEROS}"') == ZEROS  # protected: Excel's own save writes bare digits
    assert cleaning.line_number(f"{ZEROS}\t", lambda: True) == ZEROS
    assert cleaning.line_number("4.91234567890123E+18", lambda: False) == "~491234567890123/19"  # always rounded
    assert cleaning.line_number(4.91234567890123e18, lambda: False) == "~491234567890123/19"
