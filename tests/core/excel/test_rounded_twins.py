"""Issue #18: twin Douyin sub-orders (two sub-orders of the same goods at the same price) in an export whose
子订单编号 Excel rounded (both numbers round to one) are two lines of their order, not one line pasted twice: two rows
of one order inside one block of its rows are two sub-orders; a pasted copy repeats the whole block
(core.excel.plan._Runs, core.excel.line_states.pasted_copies). The twins' money was lost (paid 300.00 of 400.00), and
a twin merged into the book kept a stale state."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from core.book.models import OrderItem
from core.excel.importer import run_import
from tests.core.excel.test_douyin_line_state_order import MAIN, TWIN_1, TWIN_2
from tests.core.excel.test_douyin_rounded_refs import _rounded, _state, _xlsx
from tests.core.excel.test_douyin_sub_orders import order_of
from tests.core.excel.test_import_rounds import forced
from tests.core.excel.test_pasted_lines import _douyin_line

EYE = _douyin_line(MAIN, "4912345678901234590", "眼霜", 1, "200.00", "200.00")  # rounds as the twins do
OTHER = "4912345678901239001"
LIPS = _douyin_line(OTHER, "4912345678901239002", "唇膏", 1, "50.00", "50.00")
CREAM = ("面霜", 1, 10000, 10000)
TWINS_AND_EYE = ("completed", 40000, 40000, 0, [CREAM, CREAM, ("眼霜", 1, 20000, 20000)])


def _notes(result) -> list[tuple[int, str, str]]:
    return [(error.row, error.code, error.value) for error in result.errors]


def _states(book) -> list[tuple[str, str]]:
    with book.session() as session:
        return sorted(tuple(json.loads(state)[:2]) for state in session.scalars(
            select(OrderItem.line_state).where(OrderItem.title == "面霜")))


@pytest.mark.parametrize("round_rows", [None, 2])
def test_twins_of_a_rounded_export_are_two_lines(tmp_path, book, monkeypatch, round_rows):
    forced(monkeypatch, round_rows)  # (one plan, or an import in rounds)
    assert _rounded(TWIN_1) == _rounded(TWIN_2)  # (nothing in the rows tells them apart)
    result = run_import(book, _xlsx(tmp_path / "rounded.xlsx", [_rounded(line) for line in (TWIN_1, TWIN_2, EYE, LIPS)]))
    assert order_of(book, MAIN) == TWINS_AND_EYE
    assert _notes(result) == []


@pytest.mark.parametrize("round_rows", [None, 3])
def test_a_rounded_export_pasted_twice_still_reads_each_twin_once(tmp_path, book, monkeypatch, round_rows):
    forced(monkeypatch, round_rows)
    export = [_rounded(line) for line in (TWIN_1, TWIN_2, EYE, LIPS)]
    result = run_import(book, _xlsx(tmp_path / "twice.xlsx", [*export, *export]))
    assert order_of(book, MAIN) == TWINS_AND_EYE and order_of(book, OTHER)[2] == 5000
    assert _notes(result) == [(6, "duplicate_row", MAIN), (7, "duplicate_row", MAIN), (8, "duplicate_row", MAIN),
                              (9, "duplicate_row", OTHER)]


def test_an_export_of_one_order_pasted_twice_is_read_once(tmp_path, book):
    """The order's two blocks stand together: one run of rows that is one block repeated whole."""
    export = [_rounded(line) for line in (TWIN_1, TWIN_2, EYE)]
    result = run_import(book, _xlsx(tmp_path / "one.xlsx", [*export, *export]))
    assert order_of(book, MAIN) == TWINS_AND_EYE
    assert _notes(result) == [(5, "duplicate_row", MAIN), (6, "duplicate_row", MAIN), (7, "duplicate_row", MAIN)]


def test_a_lone_row_repeated_is_read_once_and_the_note_says_it_may_be_a_twin(tmp_path, book):
    """An order of nothing but two identical rounded rows: a sub-order pasted twice or identical twins — the rows
    cannot tell. Read once, noted as such (ui.text.excel: "if the order had two, one's amount is missing")."""
    result = run_import(book, _xlsx(tmp_path / "lone.xlsx", [_rounded(TWIN_1), _rounded(TWIN_2)]))
    assert order_of(book, MAIN) == ("completed", 10000, 10000, 0, [CREAM])
    assert _notes(result) == [(3, "duplicate_rounded_row", MAIN)]


@pytest.mark.parametrize("newer_first", [False, True])
def test_older_and_newer_rounded_exports_pasted_together_give_each_twin_its_later_state(tmp_path, book, newer_first):
    older = [_rounded(_state(line, "待发货")) for line in (TWIN_1, TWIN_2, EYE)]
    newer = [_rounded(_state(TWIN_1, "已发货", "退款成功")), _rounded(_state(TWIN_2, "已发货")),
             _rounded(_state(EYE, "已发货"))]
    first, second = (newer, older) if newer_first else (older, newer)
    result = run_import(book, _xlsx(tmp_path / "week.xlsx", [*first, _rounded(LIPS), *second]))
    assert order_of(book, MAIN) == ("partial_refund", 40000, 40000, 10000, [CREAM, CREAM, ("眼霜", 1, 20000, 20000)])
    assert _states(book) == [("已发货", ""), ("已发货", "退款成功")]
    assert [code for _row, code, _value in _notes(result)] == ["duplicate_row"] * 3


def test_both_twins_of_the_book_take_the_state_a_rounded_export_gives_them(tmp_path, book):
    """(The stale twin: the rounded file gave one twin, so the other kept 待发货 and the order stayed paid.)"""
    run_import(book, _xlsx(tmp_path / "mon.xlsx", [_state(line, "待发货") for line in (TWIN_1, TWIN_2, EYE)]))
    run_import(book, _xlsx(tmp_path / "tue.xlsx", [_rounded(_state(line, "已发货")) for line in (TWIN_1, TWIN_2, EYE)]))
    assert _states(book) == [("已发货", ""), ("已发货", "")]
    assert order_of(book, MAIN) == ("shipped", 40000, 40000, 0, [CREAM, CREAM, ("眼霜", 1, 20000, 20000)])
    run_import(book, _xlsx(tmp_path / "wed.xlsx", [_rounded(_state(TWIN_1, "已发货", "退款成功")),
                                                   _rounded(_state(TWIN_2, "已完成")), _rounded(_state(EYE, "已完成"))]))
    assert _states(book) == [("已发货", "退款成功"), ("已完成", "")]
    assert order_of(book, MAIN)[:4] == ("partial_refund", 40000, 40000, 10000)


def test_an_order_ending_one_sheet_and_starting_the_next_is_two_blocks(tmp_path, book):
    """Two exports as two sheets of one workbook, the newer first: its last order is the older one's first. The
    order's rows follow each other, but a sheet's rows are a block of their own: the older copies are read once."""
    from tests.core.excel.files import write_xlsx
    from tests.core.excel.test_pasted_lines import DOUYIN_HEADERS

    newer = [_rounded(LIPS), _rounded(_state(TWIN_1, "已发货", "退款成功")), _rounded(_state(TWIN_2, "已发货")),
             _rounded(_state(EYE, "已发货"))]
    older = [_rounded(_state(line, "待发货")) for line in (TWIN_1, TWIN_2, EYE)]
    result = run_import(book, write_xlsx(tmp_path / "two.xlsx", {"新": [DOUYIN_HEADERS, *newer],
                                                                 "旧": [DOUYIN_HEADERS, *older]}))
    assert order_of(book, MAIN) == ("partial_refund", 40000, 40000, 10000, [CREAM, CREAM, ("眼霜", 1, 20000, 20000)])
    assert _states(book) == [("已发货", ""), ("已发货", "退款成功")]
    assert [(row, code) for row, code, _value in _notes(result)] == [(2, "duplicate_row"), (3, "duplicate_row"),
                                                                     (4, "duplicate_row")]
