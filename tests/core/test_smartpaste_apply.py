"""Smart paste meets the book: phone match first, address update on request, order inputs with items."""

from __future__ import annotations

import datetime as dt

from core.customers import CustomerService
from core.dto import ProductInput
from core.orders import OrderService
from core.products import ProductService
from core.smartpaste import parse_message
from core.smartpaste.apply import (
    address_differs,
    find_customer,
    new_customer_input,
    order_input,
    updated_customer_input,
)

MESSAGE = "张三 138 0013 8000 浙江省杭州市西湖区文三路100号5幢301 青梅酒两瓶 蜂蜜一瓶 共216元"


def test_a_new_phone_makes_a_new_customer(book):
    service = CustomerService(book)
    parsed = parse_message(MESSAGE)

    assert find_customer(service, parsed) is None
    created = service.create(new_customer_input(parsed, source_channel="微信"))

    assert (created.fields.name, created.phone_norm) == ("张三", "13800138000")
    assert (created.fields.province, created.fields.city, created.fields.district) == ("浙江省", "杭州市", "西湖区")
    assert created.fields.address_detail == "文三路100号5幢301"


def test_the_customer_is_found_by_phone_and_the_address_update_is_offered(book, make_customer):
    existing = make_customer(name="张三三", phone="13800138000", province="浙江省", city="杭州市",
                             district="上城区", address_detail="解放路1号", wechat_id="zs_wx")
    service = CustomerService(book)
    parsed = parse_message(MESSAGE)

    found = find_customer(service, parsed)

    assert found.id == existing.id
    assert address_differs(found.fields, parsed)
    updated = service.update(found.id, updated_customer_input(found.fields, parsed, True), found.version)
    assert updated.fields.district == "西湖区" and updated.fields.address_detail == "文三路100号5幢301"
    assert (updated.fields.name, updated.fields.wechat_id) == ("张三三", "zs_wx")


def test_keeping_the_old_address_changes_nothing_but_blanks(book, make_customer):
    existing = make_customer(name="", wechat_id="zs_wx", phone="", district="上城区")
    parsed = parse_message(MESSAGE)

    kept = updated_customer_input(existing.fields, parsed, False)

    assert kept.district == "上城区"
    assert (kept.name, kept.phone) == ("张三", "13800138000")


def test_same_address_is_not_offered_as_a_change(book, make_customer):
    make_customer(name="张三", phone="13800138000", province="浙江省", city="杭州市", district="西湖区",
                  address_detail="文三路100号5幢301")
    parsed = parse_message(MESSAGE)

    assert not address_differs(find_customer(CustomerService(book), parsed).fields, parsed)


def test_a_masked_phone_never_matches_anyone(book, make_customer):
    make_customer(name="赵六", phone="138****8000")

    assert find_customer(CustomerService(book), parse_message("赵六 138****8000 上海市浦东新区博云路2号")) is None


def test_the_second_phone_matches_when_the_first_is_unknown(book, make_customer):
    existing = make_customer(name="林芳", phone="0592-5556666")

    found = find_customer(CustomerService(book), parse_message("林芳 13788889999 / 0592-5556666"))

    assert found.id == existing.id


def test_the_order_gets_the_products_prices_and_the_pasted_total(book, make_customer):
    products = ProductService(book)
    plum = products.create(ProductInput(name="青梅酒", price_cents=8800))
    products.create(ProductInput(name="土蜂蜜 500g", price_cents=6800))
    customer = make_customer(name="张三", phone="13800138000")
    parsed = parse_message(MESSAGE, [p.name for p in products.list()])

    order = OrderService(book).create(order_input(customer.id, parsed, products.list(),
                                                  dt.datetime(2026, 11, 23, 10, 0)))

    first = order.items[0]
    assert (first.product_id, first.quantity, first.unit_price_cents) == (plum.id, 2, 8800)
    assert [item.title or item.product_name for item in order.items] == ["青梅酒", "土蜂蜜 500g"]
    assert order.paid_cents == 21600
    assert order.receiver_phone == "13800138000"
    assert order.receiver_address == "浙江省杭州市西湖区文三路100号5幢301"


def test_an_item_not_in_the_product_list_becomes_a_free_text_line(book, make_customer):
    customer = make_customer(name="张三")
    parsed = parse_message("张三 龙井茶三罐")

    order = OrderService(book).create(order_input(customer.id, parsed, [], dt.datetime(2026, 11, 23, 10, 0)))

    assert [(item.product_id, item.title, item.quantity) for item in order.items] == [(None, "龙井茶", 3)]


def test_save_customer_creates_updates_or_leaves_alone(book, make_customer):
    from core.smartpaste.apply import save_customer

    service = CustomerService(book)
    parsed = parse_message(MESSAGE)
    created = save_customer(service, parsed, None, False)
    assert created.fields.address_detail == "文三路100号5幢301"

    moved = parse_message("张三 13800138000 浙江省杭州市上城区解放路1号")
    kept = save_customer(service, moved, find_customer(service, moved), False)
    assert (kept.version, kept.fields.district) == (created.version, "西湖区")
    updated = save_customer(service, moved, find_customer(service, moved), True)
    assert (updated.fields.district, updated.fields.address_detail) == ("上城区", "解放路1号")
    assert [row.id for row in service.find_by_phone("13800138000")] == [created.id]
