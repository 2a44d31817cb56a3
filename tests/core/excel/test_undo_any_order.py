"""Issue #18: undoing every import, in any order, returns the book to empty and never fails — each undo removes
what its import brought, never what a later import still done also vouches for (core.excel.batches)."""

from __future__ import annotations

from sqlalchemy import func, select

from core.book.models import Customer, Order, OrderItem
from core.dto import OrderItemInput
from core.excel.batches import undo_import
from core.excel.importer import run_import
from tests.core.excel import test_douyin_rounded_refs as rounded
from tests.core.excel.files import write_csv
from tests.core.excel.test_douyin_sub_orders import CREAM, SERUM, edit_lines, order_of
from tests.core.excel.test_pasted_lines import _douyin
from tests.core.excel.test_presets import PDD_HEADERS


def _state(line: list[str], status: str) -> list[str]:
    return [*line[:20], status, *line[21:]]


def _rows(book) -> tuple[int, int, int]:
    with book.session() as session:
        return tuple(session.scalar(select(func.count()).select_from(model)) for model in (Customer, Order, OrderItem))


def test_undoing_the_middle_of_three_exports_of_one_line_keeps_the_newest(tmp_path, book):
    """Every value of the line the middle import changed was changed again by the newest: nothing to put back."""
    batches = [run_import(book, _douyin(tmp_path / f"{day}.csv", [_state(CREAM, status)])).batch_id
               for day, status in (("mon", "待发货"), ("tue", "已发货"), ("wed", "已完成"))]
    undo_import(book, batches[1])
    assert order_of(book)[0] == "completed"
    undo_import(book, batches[0])
    assert order_of(book)[0] == "completed" and _rows(book) == (1, 1, 1)
    undo_import(book, batches[2])
    assert _rows(book) == (0, 0, 0)


def test_undoing_every_export_of_a_growing_order_middle_first_empties_the_book(tmp_path, book):
    """Undoing the import that added a line recounts the order it changed: no edit of the seller's for all that."""
    files = ([_state(CREAM, "待发货")], [_state(CREAM, "待发货"), _state(SERUM, "待发货")], [CREAM, SERUM])
    batches = [run_import(book, _douyin(tmp_path / f"{day}.csv", lines)).batch_id
               for day, lines in zip(("mon", "tue", "wed"), files, strict=True)]
    undo_import(book, batches[1])
    assert order_of(book)[:4] == ("completed", 30000, 30000, 0)
    undo_import(book, batches[0])  # the order is Wednesday's now
    undo_import(book, batches[2])
    assert _rows(book) == (0, 0, 0)


def test_undoing_a_newer_export_never_brings_back_what_an_undone_one_said(tmp_path, book):
    """A newer export (the serum refunded), then two older ones Excel rounded (shipped, then paid): undoing the newer
    leaves the order as the furthest on of the older ones still done says; undoing those never brings back the
    refund of the newer one, undone."""
    cream, serum, number = rounded.CREAM, rounded.SERUM, rounded.MAIN
    files = ([rounded._state(cream), rounded._state(serum, after_sale="退款成功")],
             [rounded._rounded(rounded._state(line, "已发货")) for line in (cream, serum)],
             [rounded._rounded(rounded._state(line, "待发货")) for line in (cream, serum)])
    for undo_order in ((0, 2, 1), (0, 1, 2)):
        with book.session() as session:  # (one book, emptied by each round)
            assert session.scalar(select(func.count()).select_from(Order)) == 0
        batches = [run_import(book, rounded._xlsx(tmp_path / f"{at}.xlsx", lines)).batch_id
                   for at, lines in enumerate(files)]
        undo_import(book, batches[undo_order[0]])
        assert order_of(book, number)[:4] == ("shipped", 30000, 30000, 0)  # (Wednesday's, still done)
        undo_import(book, batches[undo_order[1]])
        assert order_of(book, number)[:4] == (("shipped", 30000, 30000, 0) if undo_order[1] == 2
                                              else ("paid", 30000, 30000, 0))
        undo_import(book, batches[undo_order[2]])
        assert _rows(book) == (0, 0, 0)


def test_a_line_the_seller_added_stays_when_every_import_is_undone(tmp_path, book):
    """A gift line added in the app changes none of the order's money: the order is the seller's edit all the same."""
    first = run_import(book, _douyin(tmp_path / "mon.csv", [CREAM, SERUM]))
    gift = OrderItemInput(title="赠品", quantity=1, unit_price_cents=0, sku_spec="", amount_cents=0)
    edit_lines(book, lambda items: [*items, gift])
    again = run_import(book, _douyin(tmp_path / "tue.csv", [CREAM, SERUM]))
    undo_import(book, again.batch_id)
    undo_import(book, first.batch_id)
    assert [line[0] for line in order_of(book)[4]] == ["面霜", "精华", "赠品"] and _rows(book) == (1, 1, 3)


def _pinduoduo(folder, status, after_sale=""):
    folder.mkdir()
    row = ["红糖姜茶", "240901-123456789012345", status, "59.90", "0", "5.00", "0", "54.90", "54.90", "1", "张伟",
           "13800000001", "四川省", "成都市", "武侯区", "幸福路1号", "2024-09-01 10:00:00", "", "", "", "123", "10袋",
           "", "", "", after_sale, ""]
    return write_csv(folder / "pdd.csv", [PDD_HEADERS, row], encoding="utf-8", bom=True)


def _pdd_order(book) -> tuple:
    with book.session() as session:
        return tuple(session.execute(select(Order.status, Order.paid_cents, Order.refund_cents)).one())


def test_undoing_a_refunded_pinduoduo_export_leaves_the_older_one_without_a_refund(tmp_path, book):
    """Pinduoduo gives no refund column: a refunded order is refunded in full. The older export (awaiting shipment)
    read after it, alone, gives the order no refund: undoing the newer leaves none."""
    newer = run_import(book, _pinduoduo(tmp_path / "new", "已签收", "退款成功"))
    assert _pdd_order(book) == ("refunded", 5490, 5490)
    older = run_import(book, _pinduoduo(tmp_path / "old", "待发货"))
    undo_import(book, newer.batch_id)
    assert _pdd_order(book) == ("paid", 5490, 0)
    undo_import(book, older.batch_id)
    assert _rows(book) == (0, 0, 0)
