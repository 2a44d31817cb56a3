"""Export: round trip into an empty book, typed cells, header look, languages, formula injection, template."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
from sqlalchemy import select

from core.book.db import Book
from core.book.models import Customer, Order, OrderItem
from core.customers import CustomerService
from core.dto import CustomerInput
from core.excel.export import export_book, safe_text, write_template
from core.excel.importer import run_import
from tests.core.excel.files import taobao_rows, write_csv, write_xlsx


def _fill(book, tmp_path):
    service = CustomerService(book)
    service.create(CustomerInput(name="阿香", real_name="李香", phone="13512345678", wechat_id="axiang_88",
                                 qq="10001", email="a@x.cn", province="湖南省", city="长沙市", district="岳麓区",
                                 address_detail="麓山路1号", postcode="410000", gender="female", birth_month=5,
                                 birth_day=3, source_channel="referral", personality="爱砍价，语气要软",
                                 note="=HYPERLINK(\"http://evil\")", tags=("宝妈", "干皮")))
    service.create(CustomerInput(name="+老客户", birth_year=1990, birth_month=12, birth_day=1, gender="male"))
    run_import(book, write_csv(tmp_path / "ExportOrderList1.csv", taobao_rows(40, 12), encoding="gbk",
                               quote_all=True))
    run_import(book, write_xlsx(tmp_path / "own.xlsx", {"s": [
        ["姓名", "电话", "下单时间", "商品", "数量", "单价", "标签"],
        ["阿香", "13512345678", "2024-05-03", "蜂蜜", 2, "68", "复购"],
        ["阿香", "13512345678", "2024-05-03", "面膜", 1, "99", ""],
        ["-小号", "", "2024-06-01", "茶", 1, "10", ""]]}))


def _customers(book):
    keep = ("name", "real_name", "phone", "phone_norm", "wechat_id", "qq", "platform_buyer_id", "email",
            "province", "city", "district", "address_detail", "postcode", "gender", "birth_year", "birth_month",
            "birth_day", "source_channel", "personality", "note", "first_purchase_on", "last_purchase_on",
            "purchase_days", "purchase_count", "total_spend_cents")
    with book.session() as session:
        rows = session.scalars(select(Customer)).all()
        return sorted((tuple(getattr(c, k) for k in keep), tuple(sorted(t.name for t in c.tags))) for c in rows)


def _orders(book):
    keep = ("platform", "platform_order_no", "status", "is_purchase", "created_at", "paid_at", "shipped_at",
            "completed_at", "goods_cents", "postage_cents", "discount_cents", "paid_cents", "refund_cents",
            "receiver_name", "receiver_phone", "receiver_address", "order_date")
    with book.session() as session:
        orders = session.scalars(select(Order)).all()
        items = {}
        for order_id, *item in session.execute(select(OrderItem.order_id, OrderItem.title, OrderItem.quantity,
                                                      OrderItem.unit_price_cents, OrderItem.amount_cents)):
            items.setdefault(order_id, []).append(tuple(item))
        owners = dict(session.execute(select(Customer.id, Customer.name)).all())
        return sorted((tuple(getattr(o, k) for k in keep), owners[o.customer_id], tuple(sorted(items.get(o.id, []))))
                      for o in orders)


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_round_trip_into_an_empty_book(tmp_path, book, language):
    _fill(book, tmp_path)
    path = tmp_path / f"all-{language}.xlsx"
    result = export_book(book, path, "all", language, today=dt.date(2024, 7, 1))
    # (its order lines made its products, its customers its tags; a book without coupons, contact log, levels,
    # templates or cases: no sheet for them)
    assert set(result.sheets) == ({"客户", "订单", "商品", "标签", "提醒"} if language == "zh_CN"
                                  else {"Customers", "Orders", "Products", "Tags", "Reminders"})
    with Book.open(tmp_path / "empty.book", create=True, backup_root=tmp_path / "bk2") as fresh:
        imported = run_import(fresh, path)
        # the tasks sheet is read back too (core.excel.own_history): nothing passed over
        assert imported.errors == ()
        assert _customers(fresh) == _customers(book)
        assert _orders(fresh) == _orders(book)


def test_cells_are_typed_header_bold_and_frozen(tmp_path, book):
    _fill(book, tmp_path)
    path = export_book(book, tmp_path / "c.xlsx", "orders", "zh_CN").path
    sheet = openpyxl.load_workbook(path)["订单"]
    assert sheet.freeze_panes == "A2" and sheet["A1"].font.bold and sheet["A1"].value == "订单号"
    row = [cell for cell in sheet[2]]
    created = row[4]  # after 订单号, 订单ID, 平台, 订单状态
    assert isinstance(created.value, dt.datetime) and created.number_format == "yyyy-mm-dd hh:mm:ss"
    paid = row[12]
    assert isinstance(paid.value, int | float) and paid.number_format == "#,##0.00"
    assert sheet.column_dimensions["E"].width >= 20


def test_formula_injection_is_neutralised(tmp_path, book):
    _fill(book, tmp_path)
    path = export_book(book, tmp_path / "c.xlsx", "customers", "en").path
    sheet = openpyxl.load_workbook(path)["Customers"]
    texts = [cell.value for row in sheet.iter_rows(min_row=2) for cell in row if isinstance(cell.value, str)]
    assert "'=HYPERLINK(\"http://evil\")" in texts and "'+老客户" in texts and "'-小号" in texts
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)
    assert safe_text("@SUM(A1)") == "'@SUM(A1)" and safe_text("\tx") == "'\tx" and safe_text("a\x01b") == "ab"


def test_blank_template_imports_once_filled(tmp_path, book):
    path = write_template(tmp_path / "template.xlsx", "zh_CN")
    workbook = openpyxl.load_workbook(path)
    workbook["客户"].append(["小美", "13800001111", "xm", "浙江省杭州市西湖区文三路1号", "新客", "3月8日", "女", "朋友圈",
                           "", "2024-05-03", "桂花蜜", 2, 128, "", "微信"])
    workbook["商品"].append(["桂花蜜", 40, 5, 64, "蜂蜜"])
    workbook.save(path)
    result = run_import(book, path)
    assert result.errors == () and (result.customers_created, result.orders_created, result.products_created) == (1, 1, 1)
    with book.session() as session:
        customer = session.scalar(select(Customer))
        order = session.scalar(select(Order))
        assert (customer.city, customer.birth_month, customer.source_channel) == ("杭州市", 3, "moments")
        assert (order.platform, order.paid_cents) == ("wechat", 12800)
        assert session.scalar(select(OrderItem.product_id)) is not None


def test_english_template_headers_map_too(tmp_path, book):
    path = write_template(tmp_path / "template.xlsx", "en")
    workbook = openpyxl.load_workbook(path)
    workbook["Customers"].append(["Mei", "13800001111", "", "", "", "", "", "", "", "2024-05-03", "Honey", 1, 50,
                                  "", ""])
    workbook.save(path)
    result = run_import(book, path)
    assert result.errors == () and result.orders_created == 1


def test_after_sales_cases_get_their_sheet_when_there_are_any(tmp_path, book, make_customer):
    from core.aftersales.service import ComplaintService

    empty = export_book(book, tmp_path / "a.xlsx", "all", "zh_CN")
    assert not {"投诉", "中差评", "售后"} & set(empty.sheets)
    customer = make_customer(name="阿香", phone="13512345678")
    ComplaintService(book).open(customer.id, kind="damaged", description="=瓶子碎了")
    result = export_book(book, tmp_path / "b.xlsx", "all", "zh_CN")
    # the copy of the book carries the complaint with every field (its reason in words), not the page's summary
    assert result.sheets["投诉"] == 1 and "售后" not in result.sheets and "中差评" not in result.sheets
    sheet = openpyxl.load_workbook(tmp_path / "b.xlsx")["投诉"]
    assert sheet.freeze_panes == "A2" and {"'=瓶子碎了", "破损", "处理中"} <= {c.value for c in sheet[2]}
    summary = export_book(book, tmp_path / "c.xlsx", "aftersales", "zh_CN")
    assert summary.sheets == {"售后": 1}
    sheet = openpyxl.load_workbook(tmp_path / "c.xlsx")["售后"]
    assert sheet.freeze_panes == "A2" and "'=瓶子碎了" in [c.value for c in sheet[2]]


def test_an_order_time_with_an_offset_imports_and_exports_as_local_time(tmp_path, book):
    path = write_xlsx(tmp_path / "own.xlsx", {"s": [["姓名", "电话", "下单时间", "商品", "金额"],
                                                    ["阿香", "13512345678", "2024-05-03 10:00+08", "蜂蜜", "68"]]})
    assert run_import(book, path).orders_created == 1
    local = dt.datetime(2024, 5, 3, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=8))).astimezone().replace(tzinfo=None)
    with book.session() as session:
        assert session.scalar(select(Order.created_at)) == local
    target = tmp_path / "all.xlsx"
    export_book(book, target, "orders", "zh_CN")  # Excel has no time zones: an aware time would stop the export
    values = [cell for row in openpyxl.load_workbook(target).active.iter_rows(values_only=True) for cell in row]
    assert local in values

