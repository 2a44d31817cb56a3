"""Issue #18: undoing an import puts back what the book had before it for what it changed, and keeps what the seller
typed by hand in the order dialog (core.orders) before or after it — a refund above all — even on a Douyin order
whose money is its lines' (the undo's recount of the lines left never overrides the seller: core.excel.undo_own)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from core.book.models import Customer, Order, OrderItem
from core.excel.batches import undo_import
from core.excel.importer import run_import
from tests.core.excel.files import TAOBAO_HEADERS, taobao_row, write_csv
from tests.core.excel.test_douyin_sub_orders import CREAM, EYE, SERUM, edit_lines, order_of
from tests.core.excel.test_pasted_lines import _douyin, _douyin_line
from tests.core.excel.test_presets import PDD_HEADERS

REFUNDED = [*SERUM[:21], "退款成功", *SERUM[22:]]  # the serum refunded, as a later export says
BOTH = [("面霜", 1, 10000, 10000), ("精华", 1, 20000, 20000)]


def _spend(book) -> int:
    with book.session() as session:
        return session.scalar(select(Customer.total_spend_cents))


def test_a_refund_the_seller_typed_before_an_import_that_refunded_a_line_comes_back_when_it_is_undone(tmp_path, book):
    run_import(book, _douyin(tmp_path / "mon.csv", [CREAM, SERUM]))
    edit_lines(book, lambda items: items, refund_cents=3000, status="partial_refund")  # ¥30 given back by hand
    before = order_of(book)
    assert before == ("partial_refund", 30000, 30000, 3000, BOTH)
    tuesday = run_import(book, _douyin(tmp_path / "tue.csv", [CREAM, REFUNDED]))  # the serum refunded: its word
    assert order_of(book) == ("partial_refund", 30000, 30000, 20000, BOTH)
    undo_import(book, tuesday.batch_id)
    assert order_of(book) == before and _spend(book) == 27000


def test_a_refund_the_seller_typed_after_the_import_stays_when_it_is_undone(tmp_path, book):
    run_import(book, _douyin(tmp_path / "mon.csv", [CREAM, SERUM]))
    tuesday = run_import(book, _douyin(tmp_path / "tue.csv", [CREAM, REFUNDED]))
    edit_lines(book, lambda items: items, refund_cents=25000)  # the seller gave ¥50 more back
    result = undo_import(book, tuesday.batch_id)
    assert order_of(book) == ("partial_refund", 30000, 30000, 25000, BOTH) and result.values_kept == 1
    assert _spend(book) == 5000


def test_a_refund_the_seller_typed_stays_when_an_import_that_added_a_line_is_undone(tmp_path, book):
    run_import(book, _douyin(tmp_path / "mon.csv", [CREAM, SERUM]))
    edit_lines(book, lambda items: items, refund_cents=3000, status="partial_refund")
    tuesday = run_import(book, _douyin(tmp_path / "tue.csv", [EYE]))  # a sub-order more: says nothing of refunds
    assert order_of(book)[:4] == ("partial_refund", 70000, 70000, 3000)
    undo_import(book, tuesday.batch_id)
    assert order_of(book) == ("partial_refund", 30000, 30000, 3000, BOTH)


def test_a_refund_the_seller_typed_comes_back_when_the_import_that_added_a_refunded_line_is_undone(tmp_path, book):
    run_import(book, _douyin(tmp_path / "mon.csv", [CREAM]))
    edit_lines(book, lambda items: items, refund_cents=3000, status="partial_refund")
    before = order_of(book)
    tuesday = run_import(book, _douyin(tmp_path / "tue.csv", [CREAM, REFUNDED]))  # the serum, refunded: its word
    assert order_of(book)[:4] == ("partial_refund", 30000, 30000, 20000)
    undo_import(book, tuesday.batch_id)
    assert order_of(book) == before


def test_a_refund_the_seller_typed_on_an_order_the_undone_import_made_stays_with_the_order(tmp_path, book):
    monday = run_import(book, _douyin(tmp_path / "mon.csv", [CREAM, SERUM]))
    edit_lines(book, lambda items: items, refund_cents=3000, status="partial_refund")
    result = undo_import(book, monday.batch_id)  # the seller edited the order: it stays, as they left it
    assert order_of(book) == ("partial_refund", 30000, 30000, 3000, BOTH) and result.rows_kept >= 1


def test_a_refund_a_later_import_still_done_gives_is_its_lines_not_the_seller_one_it_replaced(tmp_path, book):
    run_import(book, _douyin(tmp_path / "mon.csv", [CREAM]))
    edit_lines(book, lambda items: items, refund_cents=3000, status="partial_refund")
    tuesday = run_import(book, _douyin(tmp_path / "tue.csv", [CREAM, SERUM]))
    wednesday = run_import(book, _douyin(tmp_path / "wed.csv", [REFUNDED]))  # the serum refunded: its word
    assert order_of(book)[:4] == ("partial_refund", 30000, 30000, 20000)
    undo_import(book, tuesday.batch_id)  # Wednesday holds the serum, refunded: the lines say the refund
    assert order_of(book) == ("partial_refund", 30000, 30000, 20000, BOTH)
    undo_import(book, wednesday.batch_id)  # the serum goes: the book as before Tuesday, the seller's ¥30 with it
    assert order_of(book) == ("partial_refund", 10000, 10000, 3000, [("面霜", 1, 10000, 10000)])


def _states(book) -> list[tuple]:
    with book.session() as session:
        return session.execute(select(OrderItem.title, OrderItem.line_ref, OrderItem.line_state)
                               .where(OrderItem.title != "眼霜").order_by(OrderItem.title)).all()


def test_the_line_state_the_undone_import_gave_goes_though_the_seller_saved_the_order_since(tmp_path, book):
    other = _douyin_line("6920000000000000091", "6920000000000000092", "眼霜", 1, "400.00", "400.00")
    run_import(book, _douyin(tmp_path / "mon.csv", [CREAM, SERUM, other]))
    before = _states(book)
    tuesday = run_import(book, _douyin(tmp_path / "tue.csv", [CREAM, REFUNDED]))
    edit_lines(book, lambda items: items, seller_note="已联系")  # saved: its lines anew, with new ids
    undo_import(book, tuesday.batch_id)  # the serum's refund goes, found by its number
    assert _states(book) == before and order_of(book) == ("completed", 30000, 30000, 0, BOTH)


def _pdd(folder, status, after_sale=""):
    folder.mkdir()
    row = ["红糖姜茶", "240503-123456789012345", status, "59.90", "0", "0", "0", "59.90", "59.90", "2", "赵敏",
           "13800138000", "浙江省", "杭州市", "西湖区", "文三路100号", "2024-05-03 10:00:00", "", "2024-05-04 09:00:00",
           "", "123", "500g*2", "", "", "", after_sale, ""]
    return write_csv(folder / "pdd.csv", [PDD_HEADERS, row], encoding="utf-8", bom=True)


def test_a_refund_the_seller_typed_on_a_pinduoduo_order_comes_back_when_the_refunding_export_is_undone(tmp_path, book):
    run_import(book, _pdd(tmp_path / "mon", "已发货，待签收"))
    edit_lines(book, lambda items: items, "240503-123456789012345", refund_cents=1000, status="partial_refund")
    before = order_of(book, "240503-123456789012345")
    later = run_import(book, _pdd(tmp_path / "tue", "已发货，退款成功", "退款成功"))
    assert order_of(book, "240503-123456789012345")[3] == 5990
    undo_import(book, later.batch_id)
    assert order_of(book, "240503-123456789012345") == before


def _taobao(folder, status, refund="0.00"):
    folder.mkdir()
    row = taobao_row("3515313147329357902", "tb_li", "李四", "13800138000", "北京市 北京市 朝阳区 某某路2号(100020)",
                     "2026-12-01 10:00:00", "2026-12-01 10:01:00", "面膜30片", 1, "99.00", "10.00", "109.00", status,
                     refund=refund)
    return write_csv(folder / "ExportOrderList202612021200.csv", [TAOBAO_HEADERS, row], encoding="gbk", quote_all=True)


@pytest.mark.parametrize(("typed", "refund", "status"), [({}, 5000, "partial_refund"),
                                                      ({"status": "partial_refund"}, 5000, "partial_refund"),
                                                      ({}, 10900, "refunded")])
def test_a_refund_the_seller_raised_after_a_taobao_import_stays_with_its_status_when_that_import_is_undone(
        tmp_path, book, typed, refund, status):
    """hostile6 F9: the status the undo would put back (已发货) goes with no refund; the seller's refund stays, and so
    does the status of a refund (partial or full, as an import reads an order with a refund), whether the seller
    typed the status the import had given again or left it."""
    run_import(book, _taobao(tmp_path / "mon", "卖家已发货，等待买家确认"))
    later = run_import(book, _taobao(tmp_path / "fri", "交易成功", "30.00"))
    number = "3515313147329357902"
    assert order_of(book, number)[:4] == ("partial_refund", 9900, 10900, 3000)
    edit_lines(book, lambda items: items, number, refund_cents=refund, **typed)
    result = undo_import(book, later.batch_id)
    assert order_of(book, number)[:4] == (status, 9900, 10900, refund) and result.values_kept >= 1
    with book.session() as session:
        assert session.scalar(select(Order.is_purchase)) is (status == "partial_refund")
