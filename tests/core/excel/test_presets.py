"""Every preset with a real file shaped like the platform's export, imported into a real book."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from core.book.models import Customer, Order, OrderItem, Product
from core.excel.analysis import load_file
from core.excel.importer import run_import
from tests.core.excel.files import TAOBAO_HEADERS, taobao_row, write_csv, write_xlsx


def _customers(book):
    with book.session() as session:
        return {c.name: c for c in session.scalars(select(Customer))}


def _orders(book):
    with book.session() as session:
        orders = session.scalars(select(Order).order_by(Order.id)).all()
        items = session.execute(select(OrderItem.order_id, OrderItem.title, OrderItem.quantity,
                                       OrderItem.unit_price_cents, OrderItem.product_id)).all()
    return {o.platform_order_no: o for o in orders}, items


def taobao_file(tmp_path, name="ExportOrderList201707081234.csv"):
    rows = [TAOBAO_HEADERS,
            taobao_row("35153131473293579", "tb_小王", "王芳", "13925130165", "广东省 广州市 越秀区 某某路1号(510180)",
                       "2017-07-08 00:42:32", "2017-07-08 00:45:00", "云南野生蜂蜜500g", 2, "198.00", "10.00",
                       "208.00", "交易成功"),
            taobao_row("35153131473293580", "tb_小王", "王芳", "13925130165", "广东省 广州市 越秀区 某某路1号(510180)",
                       "2017-08-01 10:00:00", "", "面膜30片", 1, "99.00", "0.00", "99.00", "等待买家付款"),
            taobao_row("35153131473293581", "lisi88", "李四", "13800138000", "北京 北京市 朝阳区 建国路88号",
                       "2017-08-02 09:00:00", "2017-08-02 09:01:00", "面膜30片", 1, "99.00", "0.00", "99.00",
                       "买家已付款，等待卖家发货", refund="30.00")]
    return write_csv(tmp_path / name, rows, encoding="gbk", quote_all=True)


def test_taobao_order_report_gbk_with_every_quirk(tmp_path, book):
    result = run_import(book, taobao_file(tmp_path))
    assert result.errors == () and result.tables[0].preset == "taobao"
    assert (result.customers_created, result.orders_created) == (2, 3)
    orders, items = _orders(book)
    first = orders["35153131473293579"]  # ="…" unwrapped, all 17 digits kept
    assert first.platform == "taobao" and first.status == "completed" and first.paid_cents == 20800
    assert first.postage_cents == 1000 and first.created_at == dt.datetime(2017, 7, 8, 0, 42, 32)
    assert first.receiver_phone == "13925130165"
    assert orders["35153131473293580"].status == "unpaid" and not orders["35153131473293580"].is_purchase
    assert orders["35153131473293581"].status == "partial_refund"
    wang = _customers(book)["王芳"]
    assert (wang.phone_norm, wang.platform_buyer_id, wang.province, wang.city, wang.district,
            wang.address_detail, wang.postcode) == ("13925130165", "tb_小王", "广东省", "广州市", "越秀区",
                                                     "某某路1号", "510180")
    assert wang.purchase_count == 1 and wang.total_spend_cents == 20800
    assert ("云南野生蜂蜜500g", 2) in {(title, qty) for _, title, qty, _, _ in items}


def test_taobao_detail_file_is_joined_on_order_number(tmp_path, book):
    taobao_file(tmp_path)
    write_csv(tmp_path / "ExportOrderDetailList201707081234.csv", [
        ["订单编号", "标题", "价格", "购买数量", "外部系统编号", "商品属性", "套餐信息", "备注", "订单状态", "商家编码"],
        ['="35153131473293579"', "云南野生蜂蜜500g", "89.00", "2", "", "规格:500g", "", "", "交易成功", "FM500"],
        ['="35153131473293579"', "蜂巢蜜", "20.00", "1", "", "", "", "", "交易成功", ""],
    ], encoding="gbk", quote_all=True)
    loaded = load_file(tmp_path / "ExportOrderList201707081234.csv")
    assert len(loaded.companions) == 1
    run_import(book, loaded)
    orders, items = _orders(book)
    mine = sorted((title, qty, price) for order_id, title, qty, price, _ in items
                  if order_id == orders["35153131473293579"].id)
    assert mine == [("云南野生蜂蜜500g", 2, 8900), ("蜂巢蜜", 1, 2000)]


PDD_HEADERS = ["商品", "订单号", "订单状态", "商品总价（元）", "邮费(元)", "店铺优惠折扣(元)", "平台优惠折扣(元)",
               "用户实付金额（元）", "商家实收金额(元)", "商品数量(件)", "收货人", "手机", "省", "市", "区", "街道",
               "支付时间", "拼单成功时间", "发货时间", "确认收货时间", "商品id", "商品规格", "快递单号", "快递公司",
               "商家备注", "售后状态", "买家留言"]


def test_pinduoduo_header_below_a_title_tabs_and_masked_phone(tmp_path, book):
    rows = [["拼多多订单导出 2024-05-01 至 2024-05-31"], PDD_HEADERS,
            ["\t红糖姜茶\t", "\t240503-123456789012345\t", "已签收", "59.90", "0", "5", "0", "54.90", "54.90", "2",
             "赵敏", "\t138****8000\t", "浙江省", "杭州市", "西湖区", "文三路100号", "2024-05-03 10:00:00", "",
             "2024-05-04 09:00:00", "", "123", "500g*2", "YT123", "圆通", "", "", ""],
            ["红糖姜茶", "240504-000000000000001", "已发货，退款成功", "29.95", "0", "0", "0", "29.95", "29.95", "1",
             "钱多多", "13700137000", "江苏", "南京市", "玄武区", "中山路1号", "2024-05-04 11:00:00", "", "", "",
             "123", "500g", "", "", "", "退款成功", ""]]
    path = write_csv(tmp_path / "pdd.csv", rows, encoding="utf-8", bom=True)
    result = run_import(book, path)
    assert result.tables[0].preset == "pinduoduo" and result.tables[0].header_row == 2
    assert result.errors == () and result.orders_created == 2
    orders, _ = _orders(book)
    first = orders["240503-123456789012345"]
    assert first.status == "delivered" and first.paid_cents == 5490 and first.discount_cents == 500
    assert first.created_at == dt.datetime(2024, 5, 3, 10, 0)  # PDD has no order time: payment time
    assert orders["240504-000000000000001"].status == "refunded"
    people = _customers(book)
    zhao = people["赵敏"]
    assert zhao.phone == "138****8000" and zhao.phone_norm == ""  # masked: kept, never an identity
    assert (zhao.province, zhao.city, zhao.district, zhao.address_detail) == ("浙江省", "杭州市", "西湖区", "文三路100号")
    assert people["钱多多"].province == "江苏省"


def test_douyin_sub_orders_become_items_of_one_order(tmp_path, book):
    headers = ["主订单编号", "子订单编号", "选购商品", "商品规格", "商品数量", "商品ID", "商品单价", "订单应付金额", "运费",
               "收件人", "收件人手机号", "省", "市", "区", "街道", "详细地址", "买家留言", "订单提交时间", "支付完成时间",
               "订单完成时间", "订单状态", "售后状态", "取消原因", "发货时间"]
    row = ["6920000000000000001", "6920000000000000002", "玫瑰面膜", "10片", 1, "1", "39.9", "39.9", "0", "周**",
           "151****0000", "四川省", "成都市", "武侯区", "", "天府大道1号", "", "2024-06-01 08:00:00",
           "2024-06-01 08:01:00", "2024-06-05 08:00:00", "已完成", "", "", "2024-06-02 08:00:00"]
    second = list(row)
    second[1], second[2], second[6], second[7] = "6920000000000000003", "玫瑰精华", "60", "60"
    result = run_import(book, write_xlsx(tmp_path / "douyin.xlsx", {"订单": [headers, row, second]}))
    assert result.tables[0].preset == "douyin" and result.errors == ()
    assert (result.orders_created, result.customers_created) == (1, 1)
    orders, items = _orders(book)
    order = orders["6920000000000000001"]
    assert order.paid_cents == 9990 and order.status == "completed" and len(items) == 2


def test_youzan_orders_with_repeated_header(tmp_path, book):
    headers = ["订单号", "订单状态", "订单创建时间", "买家付款时间", "交易成功时间", "商品金额合计", "运费", "订单实付金额",
               "全部商品名称", "收货人省份", "收货人城市", "收货人地区", "详细收货地址/提货地址", "收货人/提货人",
               "收货人手机号/提货人手机号", "买家备注", "买家昵称", "买家手机号", "订单退款状态", "订单已退款金额",
               "商家订单备注", "分销员", "分销员"]
    row = ["E20240601000000001", "交易成功", "2024-06-01 10:00:00", "2024-06-01 10:01:00", "2024-06-09 10:00:00",
           "128.00", "0.00", "128.00", "桂花蜜500g", "广东省", "深圳市", "南山区", "科技园1栋", "孙小美", "13600136000",
           "", "小美美", "13600136000", "", "0.00", "老客", "a", "b"]
    result = run_import(book, write_xlsx(tmp_path / "youzan.xlsx", {"Sheet1": [headers, row]}))
    assert result.tables[0].preset == "youzan" and result.errors == ()
    customer = _customers(book)["孙小美"]
    assert customer.platform_buyer_id == "小美美" and customer.city == "深圳市"


def test_youzan_customers_masked_phones_and_trailing_comma(tmp_path, book):
    text = ("客户姓名,客户昵称,客户手机号,客户生日,客户性别,标签,是否会员,客户积分,消费次数,消费金额,上次消费时间,来源渠道,成为客户时间,\r\n"
            "周芷若,芷若,186******05,1990-05-03,女,宝妈、干皮,是,100,3,300.00,2024-05-01,朋友圈,2023-01-01,\r\n"
            ",小昭,13500135000,5月3日,女,,否,0,0,0,,,2023-02-01,\r\n")
    path = tmp_path / "customers.csv"
    path.write_bytes(text.encode("gb18030"))
    result = run_import(book, path)
    assert result.tables[0].preset == "youzan_customers" and result.errors == ()
    people = _customers(book)
    zhou = people["芷若"]
    assert (zhou.real_name, zhou.phone, zhou.phone_norm, zhou.gender, zhou.source_channel) == (
        "周芷若", "186******05", "", "female", "moments")
    assert (zhou.birth_year, zhou.birth_month, zhou.birth_day) == (1990, 5, 3)
    assert (people["小昭"].birth_year, people["小昭"].birth_month) == (None, 5)
    with book.session() as session:
        assert sorted(t.name for t in session.get(Customer, zhou.id).tags) == ["宝妈", "干皮"]


def test_own_sheet_one_sheet_per_month(tmp_path, book):
    sheets = {
        "2024年4月": [["我的客户"], [], ["名字", "手机号", "收货地址", "分组", "下单时间", "宝贝", "数量", "实付"],
                    ["老陈", "１３８ ００１３ ８００１", "湖南省长沙市岳麓区麓山路1号", "老客 送礼", "4月28日", "蜂蜜", 1, "68元"]],
        "2024年5月": [["名字", "手机号", "收货地址", "分组", "下单时间", "宝贝", "数量", "实付"],
                    ["老陈", 13800138001, "", "复购", 45415, "蜂蜜", 2, 136],
                    ["小林", "", "", "", "20240505", "", "", ""]],
    }
    result = run_import(book, write_xlsx(tmp_path / "own.xlsx", sheets))
    assert result.errors == () and [t.preset for t in result.tables] == ["own", "own"]
    assert (result.customers_created, result.orders_created) == (2, 1 + 1)
    chen = _customers(book)["老陈"]
    assert chen.phone_norm == "13800138001" and chen.purchase_days == 2 and chen.total_spend_cents == 20400
    orders, _ = _orders(book)
    assert {o.order_date for o in orders.values()} == {dt.date(2024, 4, 28), dt.date(2024, 5, 3)}


def test_products_sheet_creates_and_updates_products_and_items_link_by_name(tmp_path, book):
    products = write_xlsx(tmp_path / "products.xlsx", {"商品": [["商品", "使用周期(天)", "提前天数"],
                                                              ["云南野生蜂蜜", 45, 5], ["面膜", "30天", ""]]})
    result = run_import(book, products)
    assert result.tables[0].preset == "products" and result.products_created == 2
    run_import(book, taobao_file(tmp_path))
    again = run_import(book, write_xlsx(tmp_path / "p2.xlsx", {"商品": [["产品", "使用周期（天）"], ["面膜", 28]]}))
    assert (again.products_created, again.products_updated) == (0, 1)
    with book.session() as session:
        by_name = {p.name: p for p in session.scalars(select(Product))}
        assert by_name["云南野生蜂蜜"].cycle_days == 45 and by_name["云南野生蜂蜜"].lead_days == 5
        assert by_name["面膜"].cycle_days == 28
        linked = dict(session.execute(select(OrderItem.title, OrderItem.product_id)).all())
    assert linked["云南野生蜂蜜500g"] == by_name["云南野生蜂蜜"].id and linked["面膜30片"] == by_name["面膜"].id
