"""The customer list in SQL: every sort key, the level filter, and the stored stage and tag names staying
right after writes, at midnight and when the stage thresholds change."""

import dataclasses
import datetime as dt

import pytest
from sqlalchemy import select

from core import customer_stats
from core.book.models import Customer
from core.customers import SORT_KEYS, CustomerService
from core.dto import CustomerQuery
from core.marketing.levels import recompute_levels, save_level
from core.orders import OrderService
from core.settings import set_setting
from core.tags import TagService

TODAY = dt.date(2026, 6, 1)


@pytest.fixture
def customers(book):
    return CustomerService(book)


def _ids(customers, **query):
    query.setdefault("today", TODAY)
    return customers.ids(CustomerQuery(**query))


def _stored(book):
    with book.session() as s:
        return dict(s.execute(select(Customer.id, Customer.stage)).all())


@pytest.fixture
def pool(book, make_customer, make_order):
    """Five customers in every stage but loyal, with distinct columns, tags and levels."""
    with book.session() as s:
        gold = save_level(s, "金卡", 2, min_spend_cents=10000)
        silver = save_level(s, "银卡", 1, min_purchases=1)
    people = {
        "prospect": make_customer(name="潜", wechat_id="w3", province="浙江", city="杭州", tags=("宝妈", "干皮")),
        "new": make_customer(name="新", wechat_id="w1", province="广东", city="深圳", tags=("干皮",)),
        "returning": make_customer(name="回", wechat_id="w5", province="广东", city="广州", tags=("宝妈",)),
        "dormant": make_customer(name="眠", wechat_id="w2", province="北京", city="北京"),
        "churned": make_customer(name="流", wechat_id="w4", province="浙江", city="宁波", tags=("送礼",)),
    }
    make_order(people["new"].id, "2026-05-01")
    make_order(people["returning"].id, "2026-04-01", items=(("蜂蜜", 3, 5000),))
    make_order(people["returning"].id, "2026-05-01")
    make_order(people["dormant"].id, "2025-11-01")
    make_order(people["churned"].id, "2025-06-01")
    with book.session() as s:
        recompute_levels(s, TODAY)
    return {"people": {stage: c.id for stage, c in people.items()}, "gold": gold, "silver": silver}


def test_every_sort_key_orders_the_ids_like_the_rows_and_reverses(customers, pool):
    for key in SORT_KEYS:
        ascending = _ids(customers, sort=key, descending=False)
        assert sorted(ascending) == sorted(pool["people"].values()), key
        assert _ids(customers, sort=key, descending=True) == ascending[::-1], key
        rows = customers.list_page(CustomerQuery(sort=key, descending=False, today=TODAY))
        assert [r.id for r in rows] == ascending, key


def test_stage_sorts_in_lifecycle_order_not_by_code(customers, pool):
    order = _ids(customers, sort="stage", descending=False)
    by_id = {i: stage for stage, i in pool["people"].items()}
    assert [by_id[i] for i in order] == ["prospect", "new", "returning", "dormant", "churned"]


def test_level_sorts_by_rank_with_no_level_first_and_filters(customers, pool):
    people, rows = pool["people"], customers.list_page(CustomerQuery(sort="level", descending=False, today=TODAY))
    assert [r.level for r in rows] == ["", "银卡", "银卡", "银卡", "金卡"]
    assert rows[-1].id == people["returning"]  # ¥200 spent: gold beats silver by rank, not by name or id
    assert _ids(customers, level_ids=(pool["gold"],)) == [people["returning"]]
    assert _ids(customers, level_ids=(0,)) == [people["prospect"]]
    assert sorted(_ids(customers, level_ids=(0, pool["gold"]))) == sorted([people["prospect"], people["returning"]])


def test_tags_city_and_wechat_sort_by_the_text_shown(customers, pool):
    rows = customers.list_page(CustomerQuery(sort="tags", descending=False, today=TODAY))
    assert ["、".join(r.tags) for r in rows] == ["", "宝妈", "宝妈、干皮", "干皮", "送礼"]
    rows = customers.list_page(CustomerQuery(sort="city", descending=False, today=TODAY))
    assert [r.city for r in rows] == sorted(r.city for r in rows)
    rows = customers.list_page(CustomerQuery(sort="wechat_id", descending=True, today=TODAY))
    assert [r.wechat_id for r in rows] == ["w5", "w4", "w3", "w2", "w1"]


def test_stored_tag_names_follow_every_tag_change(book, customers, make_customer):
    tags = TagService(book)
    a, b = make_customer(name="甲", tags=("干皮",)), make_customer(name="乙")

    def names():
        with book.session() as s:
            return dict(s.execute(select(Customer.id, Customer.tag_names)).all())

    assert names() == {a.id: "干皮", b.id: ""}
    tags.add_tags([a.id, b.id], ["宝妈"])
    assert names() == {a.id: "宝妈、干皮", b.id: "宝妈"}
    tags.remove_tags([a.id], ["干皮"])
    assert names() == {a.id: "宝妈", b.id: "宝妈"}
    baoma = next(t.id for t in tags.all_tags() if t.name == "宝妈")
    tags.rename(baoma, "妈妈")
    assert names() == {a.id: "妈妈", b.id: "妈妈"}
    tags.add_tags([a.id], ["老客"])
    tags.rename(next(t.id for t in tags.all_tags() if t.name == "老客"), "妈妈")  # onto an existing tag: merged
    assert names() == {a.id: "妈妈", b.id: "妈妈"}
    tags.delete(next(t.id for t in tags.all_tags() if t.name == "妈妈"))
    assert names() == {a.id: "", b.id: ""}
    detail = customers.get(a.id)
    customers.update(a.id, dataclasses.replace(detail.fields, tags=("送礼", "干皮")), detail.version)
    assert names()[a.id] == "干皮、送礼"


def test_stored_stage_follows_order_writes(book, customers, make_customer, make_order):
    c = make_customer(name="甲")
    assert customers.ensure_stages(TODAY) == 0  # a new customer is already a prospect
    order = make_order(c.id, "2026-05-20")
    assert _stored(book)[c.id] == "new"
    make_order(c.id, "2026-05-25")
    assert _ids(customers, stages=("returning",)) == [c.id]
    OrderService(book).delete(order.id)
    assert _stored(book)[c.id] == "new"


def test_stored_stage_moves_on_at_midnight_writing_only_changed_rows(book, customers, make_customer, make_order):
    cycle = make_customer(name="周期")
    make_order(cycle.id, "2026-01-01")
    make_order(cycle.id, "2026-01-31")  # cycle 30 days: dormant after day 45, churned after day 60
    steady = make_customer(name="稳")
    make_order(steady.id, "2026-03-01")
    day = dt.date(2026, 3, 17)
    assert _ids(customers, stages=("returning",), today=day) == [cycle.id]
    assert _ids(customers, stages=("dormant",), today=day + dt.timedelta(days=1)) == [cycle.id]
    assert customers.ensure_stages(day + dt.timedelta(days=1)) == 0  # already done by the list
    assert customers.ensure_stages(dt.date(2026, 4, 2)) == 1  # only the customer who churned is written
    assert _stored(book) == {cycle.id: "churned", steady.id: "new"}
    assert _ids(customers, sort="stage", descending=True, today=dt.date(2026, 4, 2)) == [cycle.id, steady.id]


def test_stored_stage_follows_the_thresholds_in_settings(book, customers, make_customer, make_order):
    c = make_customer(name="甲")
    make_order(c.id, "2026-03-01")  # 92 days before TODAY: new under the default 180-day churn threshold
    assert _ids(customers, stages=("new",)) == [c.id]
    with book.session() as s:
        set_setting(s, "stage.churn_default_days", 90)
    assert _ids(customers, stages=("churned",)) == [c.id]
    assert customers.count(CustomerQuery(stages=("new",), today=TODAY)) == 0


def test_stored_stage_equals_the_computed_stage_on_every_day(book, customers, pool):
    with book.session() as s:
        thresholds = customer_stats.stage_thresholds(s)
    for offset in range(0, 400, 37):
        day = TODAY + dt.timedelta(days=offset)
        customers.ensure_stages(day)
        rows = customers.list_page(CustomerQuery(today=day))
        with book.session() as s:
            stored = {r.id: r.stage for r in s.scalars(select(Customer))}
            computed = {r.id: customer_stats.stage_of(r.purchase_days, r.total_spend_cents, r.last_purchase_on,
                                                      r.typical_interval_days, day, thresholds, r.cycle_days)
                        for r in s.scalars(select(Customer))}
        assert stored == computed == {r.id: r.stage for r in rows}, day


def test_merge_keeps_stage_and_tag_names(book, customers, make_customer, make_order):
    keep, other = make_customer(name="甲", tags=("干皮",)), make_customer(name="乙", tags=("宝妈",))
    make_order(other.id, "2026-05-20")
    customers.ensure_stages(TODAY)
    customers.merge(keep.id, other.id)
    with book.session() as s:
        row = s.get(Customer, keep.id)
        assert (row.stage, row.tag_names) == ("new", "宝妈、干皮")


def test_import_and_its_undo_keep_stage_and_tag_names(book, customers, make_customer, tmp_path):
    from core.excel.batches import undo_import
    from core.excel.importer import run_import
    from tests.core.excel.files import write_xlsx

    mine = make_customer(name="阿香", phone="13512345678", tags=("宝妈",))
    customers.ensure_stages(TODAY)
    result = run_import(book, write_xlsx(tmp_path / "own.xlsx", {"s": [
        ["姓名", "电话", "下单时间", "商品", "数量", "单价", "标签"],
        ["阿香", "13512345678", "2026-05-03", "蜂蜜", 2, "68", "复购"],
        ["小丽", "13600001111", "2026-05-20", "茶", 1, "10", "干皮"]]}))
    with book.session() as s:
        rows = {c.name: (c.stage, c.tag_names) for c in s.scalars(select(Customer))}
    assert rows == {"阿香": ("new", "复购、宝妈"), "小丽": ("new", "干皮")}
    undo_import(book, result.batch_id)
    with book.session() as s:
        assert {c.id: (c.stage, c.tag_names) for c in s.scalars(select(Customer))} == {mine.id: ("prospect", "宝妈")}
