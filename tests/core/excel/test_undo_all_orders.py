"""Issue #18, as a property: three imports of the same orders (Douyin, exact and rounded by Excel; newer and older
exports mixed), undone in each of the 6 orders, never fail and leave the book empty of
customers, orders and lines — each undo removes what its import brought, never what a later import still done
vouches for, and what the last undo leaves nobody vouches for (core.excel.batches)."""

from __future__ import annotations

import itertools

import pytest
from sqlalchemy import func, select

from core.book.models import Customer, Order, OrderItem
from core.excel.batches import undo_import
from core.excel.importer import run_import
from tests.core.excel import test_douyin_rounded_refs as douyin
from tests.core.excel import test_douyin_sub_orders as exact
from tests.core.excel.test_pasted_lines import _douyin

_CREAM, _SERUM = douyin.CREAM, douyin.SERUM


def _dy(*lines):
    return lambda path: douyin._xlsx(path / "douyin.xlsx", list(lines))


def _csv(*lines):
    return lambda path: _douyin(path / "douyin.csv", list(lines))


def _at(line, status, after_sale=""):
    return douyin._state(line, status, after_sale)


def _round(line, status, after_sale=""):
    return douyin._rounded(douyin._state(line, status, after_sale))


SEQUENCES = {
    "douyin one line paid, shipped, completed": (
        _dy(_at(_CREAM, "待发货")), _dy(_at(_CREAM, "已发货")), _dy(_at(_CREAM, "已完成"))),
    "douyin lines grow": (
        _csv(_at(exact.CREAM, "待发货")), _csv(_at(exact.CREAM, "待发货"), _at(exact.SERUM, "待发货")),
        _csv(exact.CREAM, exact.SERUM)),
    "douyin newer exact, older rounded": (
        _dy(_at(_CREAM, "已完成"), _at(_SERUM, "已完成", "退款成功")),
        _dy(_round(_CREAM, "已发货"), _round(_SERUM, "已发货")), _dy(_round(_CREAM, "待发货"), _round(_SERUM, "待发货"))),
}


def _rows(book) -> tuple[int, int, int]:
    with book.session() as session:
        return tuple(session.scalar(select(func.count()).select_from(model)) for model in (Customer, Order, OrderItem))


@pytest.mark.parametrize("undo_order", list(itertools.permutations(range(3))), ids=lambda order: "".join(
    str(at + 1) for at in order))
@pytest.mark.parametrize("name", SEQUENCES)
def test_three_imports_undone_in_any_order_leave_the_book_empty(tmp_path, book, name, undo_order):
    batches = []
    for at, write in enumerate(SEQUENCES[name]):
        folder = tmp_path / str(at)
        folder.mkdir()
        batches.append(run_import(book, write(folder)).batch_id)
    for at in undo_order:
        undo_import(book, batches[at])
    assert _rows(book) == (0, 0, 0)
