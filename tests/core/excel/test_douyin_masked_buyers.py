"""A Douyin buyer the export masks (收件人 周**, 收件人手机号 151****0000) is one customer across their orders and imports
when the masked name, the visible digits of the phone and the full address are the same (core.excel.masked: strong
evidence); a masked buyer fitting a real customer at that address is a merge proposal, never a silent merge."""

from __future__ import annotations

from sqlalchemy import func, select

from core.book.models import Customer, Order
from core.excel.batches import undo_import
from core.excel.importer import ImportOptions, run_import
from core.excel.review import merge_pairs
from tests.core.excel.test_pasted_lines import _douyin as douyin

HOME = ("江苏省", "南京市", "玄武区", "建设路1号")


def line(number: int, name: str = "周**", phone: str = "151****0000", address=HOME, title: str = "云南野生蜂蜜500g",
         day: int = 1, status: str = "已完成") -> list[str]:
    """One row of a Douyin (抖店) order export: order ``number`` of one line, placed on 2026-08-``day``."""
    main = f"69200000000{number:08d}"
    province, city, district, detail = address
    return [main, main[:-1] + "9", title, "标准", "1", "111", "68.00", "68.00", "0", name, phone, province, city,
            district, "", detail, "", f"2026/8/{day} 10:00", f"2026/8/{day} 10:01", "", status, "", "",
            f"2026/8/{day + 1} 10:00"]


def customers(book) -> list[tuple]:
    """(name, phone, address detail, orders, purchase days) of each live customer, by id."""
    with book.session() as session:
        orders = func.count(Order.id)
        return [tuple(row) for row in session.execute(
            select(Customer.name, Customer.phone, Customer.address_detail, orders, Customer.purchase_days)
            .outerjoin(Order, Order.customer_id == Customer.id).where(Customer.deleted_at.is_(None))
            .group_by(Customer.id).order_by(Customer.id))]


def test_one_masked_buyer_at_one_home_is_one_returning_customer_within_a_file(tmp_path, book):
    path = douyin(tmp_path / "抖店订单.csv", [line(1, day=1), line(2, day=9), line(3, day=20)])
    result = run_import(book, path)
    assert (result.customers_created, result.orders_created, result.proposals) == (1, 3, ())
    assert customers(book) == [("周**", "151****0000", "建设路1号", 3, 3)]


def test_other_homes_other_digits_and_other_names_are_other_customers(tmp_path, book):
    rows = [line(1), line(2, address=("江苏省", "南京市", "玄武区", "建设路2号")),  # another home
            line(3, address=("江苏省", "南京市", "鼓楼区", "建设路1号")),  # the same street in another district
            line(4, phone="151****0001"), line(5, name="王**"),  # other visible digits, another surname
            line(6, address=("江苏省", "南京市", "", "建设路1号")), line(7, address=("江苏省", "南京市", "", "建设路1号")),
            line(8, address=("江苏省", "南京市", "玄武区", "***")), line(9, address=("江苏省", "南京市", "玄武区", "***")),
            line(10, phone=""), line(11, phone="")]  # a part of the address or the phone missing: not enough
    result = run_import(book, douyin(tmp_path / "mixed.csv", rows))
    assert result.customers_created == 11 and result.proposals == ()
    assert run_import(book, douyin(tmp_path / "again.csv", rows)).customers_created == 0  # each its own, again


def test_a_later_douyin_export_adds_to_the_same_customer_and_the_same_file_changes_nothing(tmp_path, book):
    first = douyin(tmp_path / "8月.csv", [line(1, day=1), line(2, day=9)])
    run_import(book, first)
    second = run_import(book, douyin(tmp_path / "9月.csv", [line(2, day=9), line(3, day=25),
                                                             line(4, name="王**", day=26)]))
    assert (second.customers_created, second.orders_created, second.orders_unchanged) == (1, 2, 1)
    assert customers(book) == [("周**", "151****0000", "建设路1号", 3, 3), ("王**", "151****0000", "建设路1号", 1, 1)]
    before = customers(book)
    again = run_import(book, first)
    assert (again.customers_created, again.customers_updated, again.orders_created, again.orders_updated,
            again.orders_unchanged) == (0, 0, 0, 0, 2)
    assert customers(book) == before
    undo_import(book, second.batch_id)  # the later import's orders go, the customer of the first stays
    assert customers(book) == [("周**", "151****0000", "建设路1号", 2, 2)]
    undo_import(book, again.batch_id)
    undo_import(book, run_import(book, first).batch_id)
    assert customers(book) == [("周**", "151****0000", "建设路1号", 2, 2)]


def test_a_masked_buyer_fitting_a_real_customer_is_proposed_never_merged(tmp_path, book, make_customer, make_order):
    real = make_customer(name="周杰", phone="15112340000", province="江苏省", city="南京市", district="玄武区",
                         address_detail="建设路1号")
    make_order(real.id, "2026-03-01")
    make_customer(name="周敏", phone="13900000000", province="江苏省", city="南京市", district="玄武区",
                  address_detail="建设路1号")  # the same home, another phone: no proposal
    path = douyin(tmp_path / "抖店订单.csv", [line(1, day=1), line(2, day=9)])
    dry = run_import(book, path, ImportOptions(dry_run=True))
    [view] = dry.reviews
    assert (view.existing.id, view.new.name, view.reasons) == (real.id, "周**", ("masked_fits",))
    result = run_import(book, path)
    assert result.customers_created == 1
    [proposal] = result.proposals
    assert (proposal.candidate_id, proposal.reason) == (real.id, "masked_fits")
    assert customers(book)[0] == ("周杰", "15112340000", "建设路1号", 1, 1)  # untouched: nothing merged
    assert run_import(book, path).proposals == ()  # the same file: its customer, nothing new proposed
    assert merge_pairs(book, result.proposals) == 1  # the seller says they are one: the real name and phone stay
    assert customers(book) == [("周杰", "15112340000", "建设路1号", 3, 3), ("周敏", "13900000000", "建设路1号", 0, 0)]
    later = run_import(book, douyin(tmp_path / "9月.csv", [line(3, day=25)]))  # a later export: the seller's answer
    assert (later.customers_created, later.proposals) == (0, ())
    assert customers(book)[0] == ("周杰", "15112340000", "建设路1号", 4, 4)


def test_a_masked_buyer_with_a_masked_street_fits_the_real_street(tmp_path, book, make_customer):
    real = make_customer(name="周杰伦", phone="15112340000", province="江苏省", city="南京市", district="玄武区",
                         address_detail="中山路12号")
    masked_street = ("江苏省", "南京市", "玄武区", "中山路**号")
    result = run_import(book, douyin(tmp_path / "a.csv", [line(1, address=masked_street), line(2, address=masked_street)]))
    assert result.customers_created == 1 and [p.candidate_id for p in result.proposals] == [real.id]
    other = run_import(book, douyin(tmp_path / "b.csv", [line(3, address=("江苏省", "南京市", "玄武区", "北京路**号"))]))
    assert other.customers_created == 1 and other.proposals == ()  # another street: a new customer, no proposal


def test_our_export_of_masked_buyers_comes_back_as_they_are_and_the_next_export_joins_them(tmp_path, book):
    from core.book.db import Book
    from core.excel.export import export_book

    rows = [line(1, day=1), line(2, day=9), line(3, address=("江苏省", "南京市", "玄武区", "建设路2号")),
            line(4, phone="151****0001"), line(5, phone="")]
    run_import(book, douyin(tmp_path / "8月.csv", rows))
    later = douyin(tmp_path / "9月.csv", [line(6, day=25), line(7, phone="151****0001", day=26)])
    expected = customers(book)
    assert len(expected) == 4
    for language in ("zh_CN", "en"):
        export = tmp_path / f"all-{language}.xlsx"
        export_book(book, export, "all", language=language)
        same = run_import(book, export)  # into the same book: nothing changes
        assert (same.customers_created, same.orders_created, same.proposals) == (0, 0, ())
        assert customers(book) == expected
        with Book.open(tmp_path / f"copy-{language}.book", create=True, backup_root=tmp_path / "bk",
                       daily_backup=False) as copy:
            run_import(copy, export)  # into an empty book: the same customers, not one 周** for all
            assert customers(copy) == expected
            next_month = run_import(copy, later)
            assert (next_month.customers_created, next_month.proposals) == (0, ())
            assert [row[3] for row in customers(copy)] == [3, 1, 2, 1]


def test_two_masked_namesakes_at_two_homes_are_two_people_on_the_today_list(tmp_path, book):
    import datetime as dt

    from core.reminders.service import ReminderService

    other_home = ("江苏省", "南京市", "玄武区", "建设路2号")
    run_import(book, douyin(tmp_path / "抖店订单.csv", [line(1, day=1), line(2, address=other_home, day=1),
                                                       line(3, day=2)]))
    service = ReminderService(book)
    service.regenerate(dt.date(2026, 11, 1))  # last-purchase care, 90 days after each one's last purchase
    tasks = service.today_list(dt.date(2026, 11, 1), limit=None).tasks
    assert {task.customer_name for task in tasks} == {"周**"}
    assert len({task.customer_id for task in tasks}) == 2  # one 周** per home, each with their own tasks


def _edit(book, **values) -> int:
    """The first customer edited in the app (core.customers), as the customer dialog saves it; returns its id."""
    import dataclasses

    from core.customers import CustomerService

    service = CustomerService(book)
    with book.session() as session:
        customer_id = session.scalar(select(Customer.id).order_by(Customer.id).limit(1))
    detail = service.get(customer_id)
    service.update(customer_id, dataclasses.replace(detail.fields, tags=None, **values), detail.version)
    return customer_id


def test_what_the_seller_adds_to_a_masked_customer_keeps_the_next_export_theirs(tmp_path, book):
    run_import(book, douyin(tmp_path / "8月.csv", [line(1, day=1)]))
    _edit(book, wechat_id="zhou_2026", note="爱喝蜂蜜")  # learned in a chat: still the same masked buyer
    later = run_import(book, douyin(tmp_path / "9月.csv", [line(2, day=9)]))
    assert (later.customers_created, later.proposals) == (0, ())
    assert customers(book) == [("周**", "151****0000", "建设路1号", 2, 2)]


def test_a_masked_customer_the_seller_named_is_proposed_for_the_next_export(tmp_path, book):
    run_import(book, douyin(tmp_path / "8月.csv", [line(1, day=1)]))
    named = _edit(book, name="周杰")  # the phone still masked: the seller knows the name only
    later = run_import(book, douyin(tmp_path / "9月.csv", [line(2, day=9), line(3, day=12)]))
    assert later.customers_created == 1 and [(p.candidate_id, p.reason) for p in later.proposals] == [
        (named, "masked_fits")]
    assert merge_pairs(book, later.proposals) == 1
    assert customers(book) == [("周杰", "151****0000", "建设路1号", 3, 3)]
    assert run_import(book, douyin(tmp_path / "10月.csv", [line(4, day=20)])).customers_created == 0


def test_the_same_masked_buyer_from_another_source_is_only_proposed(tmp_path, book):
    from tests.core.excel.files import write_xlsx

    run_import(book, douyin(tmp_path / "抖店订单.csv", [line(1, day=1)]))
    sheet = write_xlsx(tmp_path / "手抄.xlsx", {"客户": [["姓名", "手机", "省", "市", "区", "详细地址", "购买日期", "产品", "金额"],
                                                       ["周**", "151****0000", *HOME, "2026-08-20", "蜂蜜", 68]]})
    result = run_import(book, sheet)  # a copied masked row in the seller's sheet: another platform, not the same key
    assert result.customers_created == 1 and [p.reason for p in result.proposals] == ["masked_fits"]
