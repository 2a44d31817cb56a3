"""Order lines ↔ products (core.product_links, core.product_names): names from titles, re-linking on create,
rename, merge and delete, per-unit suggested cycles, and reminders that follow every product write."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import bindparam, select, text

from core.book.models import OrderItem
from core.dto import ProductInput
from core.errors import ValidationError
from core.excel.batches import undo_import
from core.excel.importer import ImportOptions, run_import
from core.product_names import name_key, normalise
from core.products import ProductService
from core.reminders.generate import regenerate
from tests.core.excel.files import TAOBAO_HEADERS, taobao_row, write_csv

D = dt.date(2026, 6, 15)


@pytest.mark.parametrize(("title", "spec", "name", "variant"), [
    ("【包邮】洋槐蜂蜜500g", "", "洋槐蜂蜜 500g", ""),
    ("【顺丰】【新品】洋槐蜂蜜 500g（原味）", "", "洋槐蜂蜜 500g", "原味"),
    ("洋槐蜂蜜５００ｇ", "", "洋槐蜂蜜 500g", ""),
    ("  面膜30片 ", "", "面膜 30片", ""),
    ("红糖姜茶【热卖】", "口味:原味", "红糖姜茶", "口味:原味"),
    ("(现货)玫瑰精华 30ml", "", "玫瑰精华 30ml", ""),
    ("【包邮】", "", "", ""),
    ("补差价专拍 1元", "", "", ""),
    ("邮费补拍", "", "", ""),
])
def test_product_names_from_titles(title, spec, name, variant):
    found = normalise(title, spec)
    assert (found.name, found.variant) == (name, variant)
    assert name_key("洋槐蜂蜜 500G") == name_key("洋槐蜂蜜500g") == normalise("【包邮】洋槐蜂蜜500g").key


def _csv(path, rows):
    """rows: (order no, phone, day, title, quantity)"""
    lines = [taobao_row(no, f"tb{phone[-4:]}", f"买家{phone[-2:]}", phone, "浙江省 杭州市 西湖区 文三路1号",
                        f"{day} 10:00:00", f"{day} 10:05:00", title, quantity, "68.00", "0.00", "68.00", "交易成功")
             for no, phone, day, title, quantity in rows]
    return write_csv(path, [TAOBAO_HEADERS, *lines], encoding="gbk", quote_all=True)


def _import(book, path):
    return run_import(book, path, ImportOptions(today=D, backup=False))


def _summaries(book):
    return {s.product.name: s for s in ProductService(book).summaries()}


def _tasks(book, kinds=("repurchase", "winback")):
    with book.session() as s:
        return sorted(s.execute(text(
            "SELECT c.phone, r.kind, r.due_date, r.status, p.name FROM reminder r JOIN customer c ON c.id = r.customer_id "
            "LEFT JOIN product p ON p.id = r.product_id WHERE r.kind IN :kinds").bindparams(
                bindparam("kinds", expanding=True)), {"kinds": list(kinds)}).all())


def _id(book, name):
    return _summaries(book)[name].product.id


def test_honey_two_jars_every_80_days_is_a_40_day_cycle_and_drives_reminders(book, make_customer, make_order):
    products = ProductService(book)
    honey = products.create(ProductInput(name="洋槐蜂蜜 500g"))
    for i in range(3):
        customer = make_customer(name=f"客{i}", phone=f"1390000000{i}")
        for back in (230, 150, 70):  # 2 jars every 80 days: 80 / 2 = 40 days a jar
            make_order(customer.id, (D - dt.timedelta(days=back)).isoformat(), [("【包邮】洋槐蜂蜜500g", 2, 6800)])
    summary = _summaries(book)["洋槐蜂蜜 500g"]
    assert (summary.product.suggested_cycle_days, summary.product.suggestion_basis) == (40, 6)
    assert summary.product.cycle_is_suggested and (summary.buyers, summary.units_sold) == (3, 18)
    # 6 intervals ≥ reminder.suggest_min_intervals (5): the suggestion is the effective cycle
    with book.session() as s:
        regenerate(s, D)
    runout = D - dt.timedelta(days=70) + dt.timedelta(days=80)
    due = (runout - dt.timedelta(days=3)).isoformat()
    assert [(kind, str(day), status) for _phone, kind, day, status, _p in _tasks(book)] == \
        [("repurchase", due, "open")] * 3
    confirmed = products.confirm_cycle(honey.id, today=D)
    assert (confirmed.cycle_days, confirmed.cycle_is_suggested) == (40, False)


def test_rename_merge_delete_and_create_relink_the_lines(book, tmp_path):
    first = _import(book, _csv(tmp_path / "a.csv", [
        ("9001", "13800000001", "2026-05-01", "【包邮】洋槐蜂蜜500g", 1),
        ("9002", "13800000002", "2026-05-02", "面膜30片", 1),
        ("9003", "13800000003", "2026-05-03", "面膜 三十片装", 1)]))
    assert first.products_created == 3
    products = ProductService(book)
    honey = products.get(_id(book, "洋槐蜂蜜 500g"))
    products.update(honey.id, ProductInput(name="槐花蜜 500g"), honey.version, today=D)
    assert _summaries(book)["槐花蜜 500g"].buyers == 1  # its line stays: the seller's word for it
    later = _import(book, _csv(tmp_path / "b.csv", [("9004", "13800000004", "2026-05-04", "洋槐蜂蜜500g", 1)]))
    assert later.products_created == 0 and _summaries(book)["槐花蜜 500g"].buyers == 2

    mask, other = _id(book, "面膜 30片"), _id(book, "面膜 三十片装")
    products.merge(mask, other, today=D)
    assert set(_summaries(book)) == {"槐花蜜 500g", "面膜 30片"} and _summaries(book)["面膜 30片"].buyers == 2
    again = _import(book, _csv(tmp_path / "c.csv", [("9005", "13800000005", "2026-05-05", "面膜 三十片装", 1)]))
    assert again.products_created == 0 and _summaries(book)["面膜 30片"].buyers == 3

    with pytest.raises(ValidationError):  # the same name, spaces and width aside
        products.create(ProductInput(name="面膜３０片"))
    products.delete(_id(book, "槐花蜜 500g"), today=D)
    with book.session() as s:
        assert s.scalar(select(text("COUNT(*)")).select_from(OrderItem).where(OrderItem.product_id.is_(None))) == 2
    products.create(ProductInput(name="洋槐蜂蜜 500g", cycle_days=40), today=D)
    assert _summaries(book)["洋槐蜂蜜 500g"].buyers == 2  # named like the lines: they move to it
    # …and their reminders were regenerated with it, without a separate pass
    assert {(phone, kind, name) for phone, kind, _d, status, name in _tasks(book) if status == "open"} == {
        ("13800000001", "repurchase", "洋槐蜂蜜 500g"), ("13800000004", "repurchase", "洋槐蜂蜜 500g")}


def test_a_cycle_edit_rederives_the_tasks_an_older_cycle_let_expire(book, tmp_path):
    _import(book, _csv(tmp_path / "a.csv", [("9101", "13800000001", "2026-03-01", "红糖姜茶", 1)]))
    products = ProductService(book)
    tea = products.get(_id(book, "红糖姜茶"))
    tea = products.update(tea.id, ProductInput(name="红糖姜茶", cycle_days=20), tea.version, today=D)
    # run-out 03-21, win-back 04-10: more than 30 days overdue on 06-15, so nothing is open
    assert [status for *_x, status, _n in _tasks(book)] in ([], ["expired"], ["expired", "expired"])
    products.update(tea.id, ProductInput(name="红糖姜茶", cycle_days=90), tea.version, today=D)
    # run-out 05-30: the repurchase (due 05-27) is open again, not left expired
    assert [(kind, str(day), status) for _p, kind, day, status, _n in _tasks(book)] == \
        [("repurchase", "2026-05-27", "open")]


def test_undo_of_an_import_relinks_and_regenerates(book, tmp_path):
    products = ProductService(book)
    first = _import(book, _csv(tmp_path / "a.csv", [("9201", "13800000001", "2026-05-20", "红糖姜茶", 1)]))
    products.confirm_cycle(_id(book, "红糖姜茶"), 20, today=D)
    second = _import(book, _csv(tmp_path / "b.csv", [("9202", "13800000002", "2026-05-21", "红糖姜茶", 1)]))
    assert second.products_created == 0
    assert [phone for phone, *_rest in _tasks(book, ("repurchase",))] == ["13800000001", "13800000002"]
    result = undo_import(book, first.batch_id, today=D)  # the product it made stays (the other line uses it, the
    assert result.products_kept == 1  # seller set its cycle: core.excel.undo_products), its buyer's order goes
    (tea,) = _summaries(book).values()
    assert (tea.product.name, tea.buyers, tea.product.cycle_days) == ("红糖姜茶", 1, 20)
    assert [phone for phone, *_rest in _tasks(book, ("repurchase",))] == ["13800000002"]  # regenerated without them


def test_merging_two_customers_runs_their_purchases_together(book, make_customer, make_order):
    from core.customers import CustomerService

    first = make_customer(name="王芳", phone="13900000001")
    second = make_customer(name="王芳(淘宝)", phone="13900000002")
    make_order(first.id, "2026-03-01", [("面膜30片", 2, 9900)])
    make_order(second.id, "2026-04-30", [("面膜 30片", 1, 9900)])
    ProductService(book).create(ProductInput(name="面膜 30片"))  # the two lines are named like it: both move
    assert _summaries(book)["面膜 30片"].product.suggestion_basis == 0  # one purchase day each
    CustomerService(book).merge(first.id, second.id, backup=False)
    mask = _summaries(book)["面膜 30片"].product
    assert (mask.suggested_cycle_days, mask.suggestion_basis) == (30, 1)  # 60 days after 2 boxes


def test_a_product_named_with_its_bracket_gets_the_lines_titled_so(book, tmp_path):
    ProductService(book).create(ProductInput(name="面膜（补水）", cycle_days=30))
    result = _import(book, _csv(tmp_path / "a.csv", [("9301", "13800000001", "2026-05-01", "【包邮】面膜(补水)", 1),
                                                     ("9302", "13800000002", "2026-05-02", "面膜（控油）", 1)]))
    assert result.products_created == 1  # 面膜（控油）is no variant of a seller's product: 面膜, a new one
    assert {name: s.buyers for name, s in _summaries(book).items()} == {"面膜（补水）": 1, "面膜": 1}


def test_a_suggestion_read_before_lines_moved_to_its_product_is_read_again(book, make_customer, make_order):
    from core.book.models import Product
    from core.product_links import CycleWatch, follow_product_write

    honey = ProductService(book).create(ProductInput(name="洋槐蜂蜜 500g"))
    for i in range(3):
        customer = make_customer(name=f"客{i}", phone=f"1390000000{i}")
        for back in (230, 150, 70):
            make_order(customer.id, (D - dt.timedelta(days=back)).isoformat(), [("【包邮】洋槐蜂蜜500g", 2, 6800)])
    with book.session() as s:
        s.execute(text("UPDATE order_item SET product_id = NULL"))
        # what a chunked import read between transactions, before the lines were linked: no suggestion
        follow_product_write(s, CycleWatch(s), D, products=[honey.id], link_new=True, regenerate_now=False,
                             suggestions={honey.id: None})
        product = s.get(Product, honey.id)
        assert (product.suggested_cycle_days, product.suggestion_basis) == (40, 6)


def test_a_product_the_seller_deleted_is_not_made_again_by_an_import(book, tmp_path):
    """The seller deleted 红糖姜茶: a later import (its lines left without a product, a new export holding its
    title, our own export re-imported or rebuilt into an empty book) does not bring it back; creating it again
    by hand does, and the next import links to it."""
    from core.book.db import Book
    from core.excel.export import export_book

    _import(book, _csv(tmp_path / "a.csv", [("9301", "13800000001", "2026-05-20", "红糖姜茶", 1),
                                             ("9302", "13800000002", "2026-05-21", "洋槐蜂蜜500g", 1)]))
    products = ProductService(book)
    products.delete(_id(book, "红糖姜茶"), today=D)
    unlinked = select(text("COUNT(*)")).select_from(OrderItem).where(OrderItem.product_id.is_(None))
    later = _import(book, _csv(tmp_path / "b.csv", [("9303", "13800000003", "2026-05-22", "【包邮】红糖姜茶", 2),
                                                   ("9304", "13800000004", "2026-05-22", "洋槐蜂蜜500g", 1)]))
    assert later.products_created == 0 and set(_summaries(book)) == {"洋槐蜂蜜 500g"}
    with book.session() as s:
        assert s.scalar(unlinked) == 2  # the lines keep their title, without a product
    export_book(book, tmp_path / "all.xlsx", "all", "zh_CN")
    same = _import(book, tmp_path / "all.xlsx")
    assert (same.products_created, same.products_updated) == (0, 0) and set(_summaries(book)) == {"洋槐蜂蜜 500g"}
    with Book.open(tmp_path / "copy.book", create=True, backup_root=tmp_path / "bk", daily_backup=False) as copy:
        rebuilt = run_import(copy, tmp_path / "all.xlsx", ImportOptions(today=D, backup=False))
        assert rebuilt.products_created == 1 and set(_summaries(copy)) == {"洋槐蜂蜜 500g"}
        again = _import(copy, _csv(tmp_path / "c.csv", [("9305", "13800000005", "2026-05-23", "红糖姜茶", 1)]))
        assert again.products_created == 0
        with copy.session() as s:
            assert s.scalar(unlinked) == 3
    products.create(ProductInput(name="红糖姜茶", cycle_days=20), today=D)  # the seller makes it again
    assert _summaries(book)["红糖姜茶"].buyers == 2
    _import(book, _csv(tmp_path / "d.csv", [("9306", "13800000006", "2026-05-24", "红糖姜茶", 1)]))
    assert _summaries(book)["红糖姜茶"].buyers == 3
    with book.session() as s:
        assert s.scalar(unlinked) == 0
