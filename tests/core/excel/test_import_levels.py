"""What an import leaves behind for member levels (core.marketing.levels)."""

from __future__ import annotations

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
