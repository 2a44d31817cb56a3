"""Issue #18: a Douyin order whose sub-orders (子订单编号) are spread over several exports of the shop, imported
on different days, gives the order as if every export had been read as one file (core.excel.sub_orders)."""

from __future__ import annotations

import dataclasses

from sqlalchemy import select

from core.book.models import Order, OrderItem
from core.dto import OrderInput, OrderItemInput
from core.excel.importer import run_import
from core.orders import OrderService
from tests.core.excel.test_detail_items import items_table
from tests.core.excel.test_pasted_lines import _douyin, _douyin_line

MAIN = "6920000000000000001"
CREAM = _douyin_line(MAIN, "6920000000000000002", "面霜", 1, "100.00", "100.00")
SERUM = _douyin_line(MAIN, "6920000000000000003", "精华", 1, "200.00", "200.00")
EYE = _douyin_line(MAIN, "6920000000000000004", "眼霜", 1, "400.00", "400.00")


def order_of(book, number=MAIN) -> tuple:
    """(status, goods, paid, refund, [(title, quantity, unit price, amount)…])"""
    with book.session() as session:
        order_id, *values = session.execute(select(Order.id, Order.status, Order.goods_cents, Order.paid_cents,
                                                   Order.refund_cents).where(Order.platform_order_no == number)).one()
        items = session.execute(select(OrderItem.title, OrderItem.quantity, OrderItem.unit_price_cents,
                                       OrderItem.amount_cents).where(OrderItem.order_id == order_id)
                                .order_by(OrderItem.id)).all()
    return (*values, [tuple(item) for item in items])


def one_file(book, tmp_path, lines) -> tuple:
    """The order as the same lines read as one file give it (in a book of its own)."""
    from core.book.db import Book

    with Book.open(tmp_path / "one.book", create=True, backup_root=tmp_path / "bk1", daily_backup=False) as other:
        run_import(other, _douyin(tmp_path / "one.csv", lines))
        return order_of(other)


def edit_lines(book, change, number=MAIN, **values) -> None:
    """The order's lines changed in the app (core.orders), as the order dialog does: ``change`` maps its lines
    (OrderItemInput) to the new ones; ``values``: other fields the seller changed (status, refund_cents…)."""
    service = OrderService(book)
    with book.session() as session:
        order_id = session.scalar(select(Order.id).where(Order.platform_order_no == number))
    detail = service.get(order_id)
    items = [OrderItemInput(title=item.title, quantity=item.quantity, unit_price_cents=item.unit_price_cents,
                            sku_spec=item.sku_spec, amount_cents=item.amount_cents) for item in detail.items]
    fields = {f.name: getattr(detail, f.name) for f in dataclasses.fields(OrderInput)
              if f.name not in ("items", "goods_cents", "paid_cents")} | values
    service.update(order_id, OrderInput(**fields, items=tuple(change(items))), detail.version)


def test_a_sub_order_only_in_the_second_export_is_added_and_the_money_is_the_whole_orders(tmp_path, book):
    run_import(book, _douyin(tmp_path / "first.csv", [CREAM]))
    second = run_import(book, _douyin(tmp_path / "second.csv", [SERUM]))  # a lone new sub-order
    assert order_of(book) == ("completed", 30000, 30000, 0, [("面霜", 1, 10000, 10000), ("精华", 1, 20000, 20000)])
    assert order_of(book) == one_file(book, tmp_path, [CREAM, SERUM])
    assert (second.items_added, second.orders_updated) == (1, 1)
    after = items_table(book)
    for name, lines in (("second.csv", [SERUM]), ("first.csv", [CREAM]), ("both.csv", [CREAM, SERUM])):
        again = run_import(book, _douyin(tmp_path / f"again_{name}", lines))  # nothing changes
        assert (again.items_added, again.orders_updated, again.orders_unchanged) == (0, 0, 1), name
        assert items_table(book) == after and order_of(book)[1:3] == (30000, 30000)


def test_an_older_export_after_a_newer_one_keeps_the_lines_it_lacks_and_their_money(tmp_path, book):
    run_import(book, _douyin(tmp_path / "newer.csv", [CREAM, SERUM]))
    older = run_import(book, _douyin(tmp_path / "older.csv", [CREAM]))
    assert order_of(book) == ("completed", 30000, 30000, 0, [("面霜", 1, 10000, 10000), ("精华", 1, 20000, 20000)])
    assert (older.orders_updated, older.orders_unchanged) == (0, 1)


def test_a_later_export_that_changes_a_sub_order_updates_its_line(tmp_path, book):
    run_import(book, _douyin(tmp_path / "first.csv", [CREAM]))
    two_creams = _douyin_line(MAIN, "6920000000000000002", "面霜", 2, "100.00", "200.00")
    run_import(book, _douyin(tmp_path / "later.csv", [two_creams, SERUM]))
    assert order_of(book) == ("completed", 40000, 40000, 0, [("面霜", 2, 10000, 20000), ("精华", 1, 20000, 20000)])
    assert order_of(book) == one_file(book, tmp_path, [two_creams, SERUM])


def test_sub_orders_status_and_refund_are_decided_from_every_line_of_every_export(tmp_path, book):
    run_import(book, _douyin(tmp_path / "first.csv", [CREAM, SERUM]))
    refunded = [*SERUM[:21], "退款成功", *SERUM[22:]]  # the serum refunded, in an export holding only it
    run_import(book, _douyin(tmp_path / "refund.csv", [refunded]))
    assert order_of(book)[:4] == ("partial_refund", 30000, 30000, 20000)
    assert order_of(book) == one_file(book, tmp_path, [CREAM, refunded])


def test_a_line_the_seller_renamed_in_the_app_is_still_that_sub_order(tmp_path, book):
    run_import(book, _douyin(tmp_path / "first.csv", [CREAM, SERUM]))
    edit_lines(book, lambda items: [dataclasses.replace(item, title=item.title + "(改)") if item.title == "面霜" else item
                                    for item in items])
    later = run_import(book, _douyin(tmp_path / "later.csv", [CREAM, SERUM, EYE]))
    assert order_of(book) == ("completed", 70000, 70000, 0, [
        ("面霜(改)", 1, 10000, 10000), ("精华", 1, 20000, 20000), ("眼霜", 1, 40000, 40000)])
    assert later.items_added == 1


def test_a_sub_order_line_the_seller_removed_in_the_app_does_not_come_back(tmp_path, book):
    both = _douyin(tmp_path / "both.csv", [CREAM, SERUM])
    run_import(book, both)
    edit_lines(book, lambda items: items[:1])
    assert order_of(book) == ("completed", 10000, 10000, 0, [("面霜", 1, 10000, 10000)])
    again = run_import(book, both)  # the same export again: the seller's edit wins
    assert order_of(book) == ("completed", 10000, 10000, 0, [("面霜", 1, 10000, 10000)])
    assert (again.items_added, again.orders_unchanged) == (0, 1)
    later = run_import(book, _douyin(tmp_path / "later.csv", [CREAM, SERUM, EYE]))  # a new sub-order still comes
    assert order_of(book) == ("completed", 50000, 50000, 0, [("面霜", 1, 10000, 10000), ("眼霜", 1, 40000, 40000)])
    assert later.items_added == 1
