"""What an import leaves behind for member levels (core.marketing.levels)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from core.book.models import Customer
from core.excel.importer import run_import
from core.marketing.service import MarketingService
from tests.core.excel.files import TAOBAO_HEADERS, taobao_row, write_csv

ROW = taobao_row("1002", "buyer_b", "李四", "13800138000", "北京 北京市 朝阳区 建国路88号",
                 "2024-01-03 10:00:00", "2024-01-03 10:01:00", "面膜", 1, "99.00", "0.00", "99.00", "交易成功")


def test_an_imported_purchase_brings_a_book_customer_to_the_level_it_reaches(tmp_path, book, make_customer):
    """Pre-existing: order writes run after_orders_written (spend points, levels) but the importer does not, so a
    book customer whose imported orders reach a level keeps the old one until some later order write."""
    service = MarketingService(book)
    customer = make_customer(name="李四", phone="13800138000").id
    service.save_level("银卡", 1, dt.date(2026, 6, 1), min_purchases=1)
    silver = service.levels()[0].id
    run_import(book, write_csv(tmp_path / "orders.csv", [TAOBAO_HEADERS, ROW], encoding="gbk", quote_all=True))
    with book.session() as s:
        assert s.get(Customer, customer).purchase_days == 1
        assert s.get(Customer, customer).member_level_id == silver


def test_imported_history_never_earns_points_retroactively(tmp_path, book, make_customer, make_order):
    """The customer's first new order after an import earns only for that order (#22)."""
    from sqlalchemy import func, select

    from core.book.models import Order, PointsEntry

    customer = make_customer(name="李四", phone="13800138000").id
    run_import(book, write_csv(tmp_path / "orders.csv", [TAOBAO_HEADERS, ROW], encoding="gbk", quote_all=True))
    make_order(customer, "2026-06-01", items=(("蜂蜜", 1, 5000),))  # ¥50 new spending, 1 point per yuan

    def spend_points():
        with book.session() as s:
            return s.scalar(select(func.coalesce(func.sum(PointsEntry.delta), 0))
                            .where(PointsEntry.customer_id == customer, PointsEntry.reason == "spend"))

    assert spend_points() == 50  # not 149: the imported ¥99 order earns nothing
    with book.session() as s:
        imported = s.scalar(select(Order.id).where(Order.customer_id == customer, Order.import_batch_id.is_not(None)))
    assert imported is not None
    make_order(customer, "2026-06-02", items=(("蜂蜜", 1, 2000),))
    assert spend_points() == 70


def test_risk_buyers_are_flagged_when_their_orders_arrive_by_import(tmp_path, book, make_customer):
    from core.customers import CustomerService
    from core.excel.importer import RiskBuyer

    service = CustomerService(book)
    risky = make_customer(name="李四", phone="13800138000")
    service.update(risky.id, dataclasses.replace(risky.fields, risk_buyer=True), risky.version)
    path = write_csv(tmp_path / "orders.csv", [TAOBAO_HEADERS, ROW], encoding="gbk", quote_all=True)
    result = run_import(book, path)
    assert result.risk_buyers == (RiskBuyer(risky.id, "李四", 1),)
    assert result.to_json()["risk_buyers"] == [{"customer_id": risky.id, "orders": 1}]  # no names printed
    assert run_import(book, path).risk_buyers == ()  # the same orders again: nothing new arrived


def test_no_risk_buyer_no_flag(tmp_path, book, make_customer):
    make_customer(name="李四", phone="13800138000")
    result = run_import(book, write_csv(tmp_path / "orders.csv", [TAOBAO_HEADERS, ROW], encoding="gbk",
                                        quote_all=True))
    assert result.orders_created == 1 and result.risk_buyers == ()
