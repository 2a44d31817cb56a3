"""Issue #18: a seller's first week — overlapping exports imported on different days in any order. An older
export imported after a newer one does not move an order back: a status behind the book's leaves the book's
status, paid and refund (core.excel.cleaning.status_behind, BookWriter._update_order; a Douyin line's state in
core.excel.sub_orders); a status further on still updates."""

from __future__ import annotations

import dataclasses
import random

from sqlalchemy import select

from core.book.models import Order
from core.dto import OrderInput, OrderItemInput
from core.excel.importer import run_import
from core.orders import OrderService
from tests.core.excel.files import TAOBAO_HEADERS, taobao_row, write_csv
from tests.core.excel.test_douyin_sub_orders import CREAM, SERUM, one_file, order_of
from tests.core.excel.test_pasted_lines import _douyin

_PAID, _SHIPPED, _DONE = "买家已付款，等待卖家发货", "卖家已发货，等待买家确认", "交易成功"


def _taobao(path, number, status, refund="0.00"):
    row = taobao_row(number, "tb_小王", "王芳", "13925130165", "广东省 广州市 越秀区 某某路1号(510180)",
                     "2026-11-02 00:42:32", "2026-11-02 00:45:00" if status != "等待买家付款" else "",
                     "云南野生蜂蜜500g", 2, "198.00", "10.00", "208.00", status, refund)
    return write_csv(path, [TAOBAO_HEADERS, row], encoding="gbk", quote_all=True)


def _status(book, number):
    with book.session() as session:
        return tuple(session.execute(select(Order.status, Order.paid_cents, Order.refund_cents)
                                     .where(Order.platform_order_no == number)).one())


def _paid_line(line, after=""):
    return [*line[:20], "待发货", after, *line[22:]]


def test_an_older_taobao_order_list_after_a_newer_one_leaves_the_order_completed(tmp_path, book):
    run_import(book, _taobao(tmp_path / "ExportOrderList_wed.csv", "2001", _DONE))
    older = run_import(book, _taobao(tmp_path / "ExportOrderList_mon.csv", "2001", _PAID))
    assert _status(book, "2001") == ("completed", 20800, 0)
    assert (older.orders_updated, older.orders_unchanged) == (0, 1)
    # the other way round the newer one still moves it on
    run_import(book, _taobao(tmp_path / "ExportOrderList_mon2.csv", "2002", _PAID))
    run_import(book, _taobao(tmp_path / "ExportOrderList_tue2.csv", "2002", _SHIPPED))
    assert _status(book, "2002") == ("shipped", 20800, 0)
    run_import(book, _taobao(tmp_path / "ExportOrderList_wed2.csv", "2002", _PAID))
    assert _status(book, "2002")[0] == "shipped"


def test_a_closed_order_stays_closed_and_a_refund_is_not_taken_back(tmp_path, book):
    run_import(book, _taobao(tmp_path / "ExportOrderList_a.csv", "3001", "交易关闭"))
    run_import(book, _taobao(tmp_path / "ExportOrderList_b.csv", "3001", "等待买家付款"))
    assert _status(book, "3001")[0] == "closed"
    run_import(book, _taobao(tmp_path / "ExportOrderList_c.csv", "3002", _DONE, refund="50.00"))
    assert _status(book, "3002") == ("partial_refund", 20800, 5000)
    run_import(book, _taobao(tmp_path / "ExportOrderList_d.csv", "3002", _SHIPPED))
    assert _status(book, "3002") == ("partial_refund", 20800, 5000)


def test_an_older_export_does_not_undo_the_sellers_own_status(tmp_path, book):
    run_import(book, _taobao(tmp_path / "ExportOrderList_mon.csv", "4001", _PAID))
    service = OrderService(book)
    with book.session() as session:
        order_id = session.scalar(select(Order.id).where(Order.platform_order_no == "4001"))
    detail = service.get(order_id)
    items = [OrderItemInput(title=item.title, quantity=item.quantity, unit_price_cents=item.unit_price_cents,
                            sku_spec=item.sku_spec, amount_cents=item.amount_cents) for item in detail.items]
    fields = {f.name: getattr(detail, f.name) for f in dataclasses.fields(OrderInput)
              if f.name not in ("items", "goods_cents", "paid_cents", "status")}
    service.update(order_id, OrderInput(**fields, status="delivered", items=tuple(items)), detail.version)
    run_import(book, _taobao(tmp_path / "ExportOrderList_mon_again.csv", "4001", _SHIPPED))
    assert _status(book, "4001")[0] == "delivered"
    run_import(book, _taobao(tmp_path / "ExportOrderList_fri.csv", "4001", _DONE))
    assert _status(book, "4001")[0] == "completed"


def test_an_older_douyin_export_leaves_the_lines_later_states(tmp_path, book):
    run_import(book, _douyin(tmp_path / "wed.csv", [CREAM, SERUM]))
    run_import(book, _douyin(tmp_path / "mon.csv", [_paid_line(CREAM), _paid_line(SERUM)]))
    assert order_of(book)[:4] == ("completed", 30000, 30000, 0)
    refunded = [*SERUM[:21], "退款成功", *SERUM[22:]]
    run_import(book, _douyin(tmp_path / "thu.csv", [refunded]))
    run_import(book, _douyin(tmp_path / "wed_again.csv", [CREAM, SERUM]))
    assert order_of(book) == one_file(book, tmp_path, [CREAM, refunded])
    assert order_of(book)[:4] == ("partial_refund", 30000, 30000, 20000)


def test_a_week_of_douyin_exports_out_of_order_gives_the_latest_state(tmp_path, book):
    from core.book.db import Book

    rng, days, latest = random.Random(5), [[] for _ in range(7)], {}
    for n in range(100):
        main = str(6930000000000000000 + n * 1000)
        subs = [(str(int(main) + k + 1), f"面霜{k}", rng.choice(["39.90", "99.00"])) for k in range(rng.randint(1, 3))]
        start = rng.randint(0, 4)
        for day in range(start, 7):
            for sub, title, price in subs:
                if rng.random() < 0.6:
                    stage = min(2, (day - start) // 2)
                    refund = "退款成功" if sub.endswith("2") and stage == 2 else ""
                    row = [main, sub, title, "500g", "1", "111", price, price, "0", "周**", "138****1234", "江苏省",
                           "南京市", "鼓楼区", "", "中山路**号", "", "2024/9/5 10:00", "2024/9/5 10:01", "",
                           ("待发货", "已发货", "已完成")[stage], refund, "", "2024/9/6 10:00"]
                    days[day].append(row)
                    latest[sub] = row
    for day in (5, 2, 6, 0, 3, 1, 4):  # one a day, not in date order
        run_import(book, _douyin(tmp_path / f"day{day}.csv", days[day]))
    query = select(Order.platform_order_no, Order.paid_cents, Order.refund_cents).order_by(Order.platform_order_no)
    with book.session() as session:
        day_by_day = session.execute(query).all()
    with Book.open(tmp_path / "one.book", create=True, backup_root=tmp_path / "bk1", daily_backup=False) as other:
        run_import(other, _douyin(tmp_path / "one.csv", list(latest.values())))
        with other.session() as session:
            assert session.execute(query).all() == day_by_day
    assert sum(refund for _number, _paid, refund in day_by_day) > 0
