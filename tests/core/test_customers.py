"""Customer services on a real book: edit, validation, conflicts, search, tags, recycle bin, erase, merge."""

import datetime as dt

import pytest
from sqlalchemy import func, select, text

from core.book.models import ContactLog, Customer, Reminder
from core.customers import CustomerService
from core.dto import CustomerInput, CustomerQuery
from core.errors import ConflictError, ValidationError
from core.tags import TagService


@pytest.fixture
def customers(book):
    return CustomerService(book)


def test_create_normalises_phone_and_builds_pinyin_search(customers, make_customer):
    c = make_customer(name="张伟", phone="+86 138-0013-8000", tags=("宝妈", "干皮"))
    assert c.phone_norm == "13800138000"
    assert c.tags == ("宝妈", "干皮")
    assert c.stage == "prospect"


@pytest.mark.parametrize("query", ["张伟", "张", "zw", "ZW", "zhangwei", "8000", "0013", "138 0013", "wxid_zw88", "宝妈"])
def test_search_finds_by_name_pinyin_phone_fragment_wechat_and_tag(customers, make_customer, query):
    target = make_customer(name="张伟", phone="13800138000", wechat_id="wxid_zw88", tags=("宝妈",))
    make_customer(name="李娜", phone="13912345678")
    found = [r.id for r in customers.list_page(CustomerQuery(text=query))]
    assert found == [target.id]


def test_search_treats_like_wildcards_literally(customers, make_customer):
    make_customer(name="张伟")
    assert customers.list_page(CustomerQuery(text="%")) == []
    assert customers.list_page(CustomerQuery(text="_")) == []


def test_masked_phone_is_kept_but_is_not_an_identity(customers, make_customer):
    c = make_customer(name="王芳", phone="138****8000")
    assert c.fields.phone == "138****8000" and c.phone_norm == ""
    assert customers.find_by_phone("13800138000") == []


def test_duplicate_phone_warning_finds_the_other_customer(customers, make_customer):
    a = make_customer(name="张伟", phone="13800138000")
    b = make_customer(name="张伟2", phone="138 0013 8000")
    assert [r.id for r in customers.find_by_phone("13800138000", exclude_id=b.id)] == [a.id]


@pytest.mark.parametrize("fields,field", [
    ({"name": ""}, "name"),
    ({"phone": "12345"}, "phone"),
    ({"birth_month": 13}, "birth_month"),
    ({"birth_month": 2, "birth_day": 30}, "birth_day"),
    ({"birth_year": 1850}, "birth_year"),
])
def test_invalid_values_are_refused_with_the_field(customers, fields, field):
    with pytest.raises(ValidationError) as err:
        customers.create(CustomerInput(**{"name": "某人", **fields}))
    assert err.value.details["field"] == field
    assert customers.count(CustomerQuery()) == 0


def test_lunar_birthday_allows_day_30_of_any_month(customers):
    c = customers.create(CustomerInput(name="某人", birth_month=2, birth_day=30, birthday_lunar=True))
    assert c.fields.birthday_lunar and c.fields.birth_day == 30


def test_update_with_a_stale_version_is_a_conflict_not_a_lost_update(customers, make_customer):
    c = make_customer(name="张伟")
    first = customers.update(c.id, CustomerInput(name="张伟", note="第一次"), expected_version=c.version)
    assert first.version == c.version + 1
    with pytest.raises(ConflictError):
        customers.update(c.id, CustomerInput(name="张伟", note="过期的编辑"), expected_version=c.version)
    assert customers.get(c.id).fields.note == "第一次"


def test_recycle_bin_restore_and_erase(book, customers, make_customer, make_order):
    keep = make_customer(name="甲")
    gone = make_customer(name="乙", phone="13800138000")
    make_order(gone.id, "2026-01-02")
    assert customers.soft_delete([gone.id]) == 1
    assert [r.id for r in customers.list_page(CustomerQuery())] == [keep.id]
    assert [r.id for r in customers.list_page(CustomerQuery(deleted=True))] == [gone.id]
    assert customers.restore([gone.id]) == 1
    assert customers.count(CustomerQuery()) == 2
    assert customers.erase([gone.id]) == 1
    with book.session() as s:
        assert s.execute(text("SELECT count(*) FROM orders")).scalar() == 0
        assert s.scalar(select(func.count()).select_from(Customer)) == 1
    if book.is_sqlite:
        raw = book.path.read_bytes() + (book.path.parent / (book.path.name + "-wal")).read_bytes()
        assert b"13800138000" not in raw  # secure_delete: no trace in the file


def test_bulk_tags_and_do_not_disturb(customers, make_customer, book):
    ids = [make_customer(name=f"客户{i}").id for i in range(5)]
    tags = TagService(book)
    assert tags.add_tags(ids[:3], ["送礼", "宝妈"]) == 6
    assert tags.add_tags(ids[:3], ["送礼"]) == 0  # idempotent
    counts = {t.name: t.customers for t in tags.all_tags()}
    assert counts == {"送礼": 3, "宝妈": 3}
    songli = next(t.id for t in tags.all_tags() if t.name == "送礼")
    assert sorted(r.id for r in customers.list_page(CustomerQuery(tag_ids=(songli,)))) == ids[:3]
    assert tags.remove_tags(ids[:1], ["送礼"]) == 1
    assert customers.set_do_not_disturb(ids[3:], True) == 2
    assert customers.count(CustomerQuery(do_not_disturb=True)) == 2


def test_tag_rename_onto_existing_name_merges(customers, make_customer, book):
    a = make_customer(name="甲", tags=("宝妈",))
    b = make_customer(name="乙", tags=("宝 妈",))  # typed differently; seller fixes it
    tags = TagService(book)
    wrong = next(t.id for t in tags.all_tags() if t.name == "宝 妈")
    tags.rename(wrong, "宝妈")
    assert [(t.name, t.customers) for t in tags.all_tags()] == [("宝妈", 2)]
    assert customers.get(b.id).tags == ("宝妈",) and customers.get(a.id).tags == ("宝妈",)


def test_merge_keeps_every_order_note_task_and_tag_of_both(book, customers, make_customer, make_order):
    a = make_customer(name="张伟", phone="13800138000", note="喜欢蜂蜜", tags=("老客",))
    b = make_customer(name="伟哥", phone="13900001111", wechat_id="wx_zw", note="淘宝买家", tags=("送礼",),
                      province="浙江省")
    make_order(a.id, "2026-01-02")
    make_order(b.id, "2026-02-03")
    with book.session() as s:
        s.add(Reminder(rule_key="manual:x", kind="manual", customer_id=b.id, due_date=dt.date(2026, 3, 1)))
        s.add(ContactLog(customer_id=b.id, channel="wechat", result="contacted"))
    merged = customers.merge(a.id, b.id)
    assert merged.fields.name == "张伟" and merged.fields.province == "浙江省"
    assert merged.fields.wechat_id == "wx_zw"
    assert "喜欢蜂蜜" in merged.fields.note and "淘宝买家" in merged.fields.note
    assert merged.tags == ("老客", "送礼")
    assert ("phone", "13900001111") in {(x.kind, x.value) for x in merged.aliases}
    assert merged.purchase_days == 2
    with book.session() as s:
        assert s.execute(text("SELECT count(*) FROM reminder WHERE customer_id = :c"), {"c": a.id}).scalar() == 1
        assert s.execute(text("SELECT count(*) FROM contact_log WHERE customer_id = :c"), {"c": a.id}).scalar() == 1
        assert s.get(Customer, b.id) is None
    # the other phone still finds the merged customer
    assert [r.id for r in customers.list_page(CustomerQuery(text="0000111"))] == [a.id]
    assert [r.id for r in customers.find_by_phone("13900001111")] == [a.id]


def test_sorting_and_paging_in_sql(customers, make_customer, make_order):
    ids = []
    for i, day in enumerate(["2026-01-05", "2026-03-01", "2025-12-31"]):
        c = make_customer(name=f"客户{i}")
        make_order(c.id, day, items=(("蜂蜜", 1, 1000 * (i + 1)),))
        ids.append(c.id)
    newest_first = [r.id for r in customers.list_page(CustomerQuery(sort="last_purchase_on"))]
    assert newest_first == [ids[1], ids[0], ids[2]]
    by_spend = [r.id for r in customers.list_page(CustomerQuery(sort="total_spend_cents", descending=False))]
    assert by_spend == ids
    page2 = customers.list_page(CustomerQuery(sort="total_spend_cents", descending=False, offset=1, limit=1))
    assert [r.id for r in page2] == [ids[1]]


def test_stage_filter_in_sql_matches_stage_in_rows(customers, make_customer, make_order):
    today = dt.date(2026, 6, 1)
    prospect = make_customer(name="潜")
    new = make_customer(name="新")
    make_order(new.id, "2026-05-01")
    back = make_customer(name="老")
    make_order(back.id, "2026-04-01")
    make_order(back.id, "2026-05-01")
    churned = make_customer(name="流")
    make_order(churned.id, "2025-06-01")
    for stage, who in [("prospect", prospect), ("new", new), ("returning", back), ("churned", churned)]:
        rows = customers.list_page(CustomerQuery(stages=(stage,), today=today))
        assert [r.id for r in rows] == [who.id], stage
        assert rows[0].stage == stage


def test_dormant_sits_between_active_and_churned(customers, make_customer, make_order):
    c = make_customer(name="眠")
    make_order(c.id, "2026-01-01")
    make_order(c.id, "2026-01-31")  # usual cycle 30 days → dormant after 45, churned after 60
    stage = {d: customers.get(c.id, today=dt.date.fromisoformat(d)).stage
             for d in ("2026-03-17", "2026-03-18", "2026-04-01", "2026-04-02")}
    # 2026-03-17 is exactly 45 days after 01-31 (not past it); 04-01 exactly 60
    assert stage == {"2026-03-17": "returning", "2026-03-18": "dormant", "2026-04-01": "dormant",
                     "2026-04-02": "churned"}
    dormant = customers.list_page(CustomerQuery(stages=("dormant",), today=dt.date(2026, 3, 20)))
    assert [r.id for r in dormant] == [c.id]


def test_book_counts_separate_live_and_deleted_customers(book, make_customer, make_order):
    from core.customers import CustomerService, book_counts

    kept, gone = make_customer(name="甲"), make_customer(name="乙")
    make_order(kept.id, "2026-03-02")
    CustomerService(book).soft_delete([gone.id])
    counts = book_counts(book)
    assert (counts.customers, counts.deleted_customers, counts.orders, counts.products) == (1, 1, 1, 0)
