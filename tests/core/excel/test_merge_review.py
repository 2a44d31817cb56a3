"""Weak matches of an import reviewed by the seller: both sides described, merged or kept separate, remembered."""

from __future__ import annotations

from sqlalchemy import func, select

from core.book.models import Customer, Order
from core.excel.batches import undo_import
from core.excel.importer import ImportOptions, run_import
from core.excel.review import keep_separate, merge_pairs, pending_proposals
from tests.core.excel.files import write_xlsx

HEADERS = ["姓名", "手机", "收货地址", "购买日期", "产品", "金额"]


def count(book, model) -> int:
    with book.session() as session:
        return session.scalar(select(func.count()).select_from(model))


def sheet_with(tmp_path, *rows, name="老客户.xlsx"):
    return write_xlsx(tmp_path / name, {"4月": [HEADERS, *rows]})


def test_the_proposal_shows_both_customers_and_why(tmp_path, book, make_customer, make_order):
    existing = make_customer(name="张三", phone="13700137000", province="湖南省", city="长沙市")
    make_order(existing.id, "2024-03-01")
    path = sheet_with(tmp_path, ["张三", "13900139000", "广东省广州市越秀区某某路1号", "2024-04-03", "蜂蜜", 68],
                      ["张三", "13900139000", "", "2024-04-09", "面膜", 99])
    dry = run_import(book, path, ImportOptions(dry_run=True))
    [view] = dry.reviews
    assert count(book, Customer) == 1  # a dry run describes the pair, then writes nothing
    assert (view.new.name, view.new.phones, view.new.orders) == ("张三", ("13900139000",), 2)
    assert (view.existing.id, view.existing.phones, view.existing.orders) == (existing.id, ("13700137000",), 1)
    assert view.new.address.startswith("广东省 广州市") and view.existing.address == "湖南省 长沙市"
    assert view.reasons == ("same_name", "phones_differ", "addresses_differ")
    result = run_import(book, path)
    assert [view.proposal for view in result.reviews] == list(result.proposals)
    assert [view.proposal for view in pending_proposals(book)] == list(result.proposals)


def test_merging_a_pair_keeps_every_order_and_is_remembered(tmp_path, book, make_customer, make_order):
    existing = make_customer(name="李四", province="北京", city="北京市", address_detail="建国路88号")
    make_order(existing.id, "2024-03-01")
    path = sheet_with(tmp_path, ["李四", "", "浙江省杭州市西湖区文三路100号", "2024-04-03", "蜂蜜", 68])
    result = run_import(book, path)
    assert result.customers_created == 1 and count(book, Customer) == 2
    assert merge_pairs(book, result.proposals) == 1
    assert count(book, Customer) == 1 and count(book, Order) == 2
    with book.session() as session:
        assert set(session.scalars(select(Order.customer_id))) == {existing.id}
    assert pending_proposals(book) == []
    again = run_import(book, path)  # the same person of the same file is the merged customer now
    assert (again.customers_created, again.proposals, again.orders_unchanged) == (0, (), 1)
    list_only = write_xlsx(tmp_path / "名单.xlsx", {"s": [["姓名", "地址"], ["李四", "浙江省杭州市西湖区文三路100号"]]})
    assert run_import(book, list_only).customers_created == 0  # no order to recognise them by: the decision
    assert count(book, Customer) == 1


def test_a_pair_kept_separate_is_not_proposed_again(tmp_path, book, make_customer):
    make_customer(name="王芳", phone="13925130165")
    path = sheet_with(tmp_path, ["王芳", "", "", "2024-04-03", "蜂蜜", 68])
    first = run_import(book, path)
    assert len(first.proposals) == 1 and len(pending_proposals(book)) == 1
    keep_separate(book, first.proposals)
    assert pending_proposals(book) == []
    undo_import(book, first.batch_id)  # the seller undoes and imports the same file again
    again = run_import(book, path)
    assert again.customers_created == 1 and again.proposals == ()
    assert count(book, Customer) == 2


def test_an_unanswered_proposal_disappears_when_its_import_is_undone(tmp_path, book, make_customer):
    make_customer(name="赵敏", phone="13800138000")
    result = run_import(book, sheet_with(tmp_path, ["赵敏", "13600136000", "", "2024-04-03", "茶", 29]))
    assert len(pending_proposals(book)) == 1
    undo_import(book, result.batch_id)
    assert pending_proposals(book) == []
