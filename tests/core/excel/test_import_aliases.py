"""Issue #18 (hostile6 F8): a customer's second phone or second platform account met in an import is remembered as
an alias (core.excel.customer_rows.second_keys) when the row is matched to them by a key of its own (an order of the
book, a phone, a buyer ID; a buyer ID only when the match was not by a phone alone: a gift's payer) and bears their
name; a later export with only that phone or account finds the same
customer instead of making a second one. A gift (another name), a masked phone, a match by name alone, or a key that
is another customer's gives no alias. Undoing the import removes the aliases it added, and only those."""

from __future__ import annotations

from sqlalchemy import select

from core.book.models import Customer, CustomerAlias, Order
from core.excel.batches import undo_import
from core.excel.importer import run_import
from tests.core.excel.files import TAOBAO_HEADERS, taobao_row, write_csv

ADDRESS = "广东省 广州市 越秀区 某某路1号(510180)"
_n = iter(range(1, 1000))


def _taobao(tmp_path, *rows) -> object:
    """An ExportOrderList of ``rows``: (order suffix, buyer ID, name, mobile), one ¥20 honey order each."""
    lines = [taobao_row(f"35153131473293579{suffix}", buyer, name, mobile, ADDRESS, "2026-12-06 09:00:00",
                        "2026-12-06 09:01:00", "蜂巢蜜", 1, "20.00", "0.00", "20.00", "交易成功")
             for suffix, buyer, name, mobile in rows]
    return write_csv(tmp_path / f"ExportOrderList2026120{next(_n):03d}00.csv", [TAOBAO_HEADERS, *lines],
                     encoding="gbk", quote_all=True)


def _aliases(book) -> list[tuple]:
    with book.session() as session:
        return sorted(session.execute(select(CustomerAlias.customer_id, CustomerAlias.kind, CustomerAlias.value)))


def _customers(book) -> list[tuple]:
    with book.session() as session:
        return session.execute(select(Customer.id, Customer.name, Customer.phone_norm, Customer.platform_buyer_id)
                               .order_by(Customer.id)).all()


def _owner(book, suffix: str) -> int:
    with book.session() as session:
        return session.scalar(select(Order.customer_id).where(Order.platform_order_no == f"35153131473293579{suffix}"))


def test_the_second_phone_and_account_of_a_matched_customer_are_remembered_and_find_her_later(tmp_path, book):
    run_import(book, _taobao(tmp_path, ("01", "tb_wang", "王芳", "13925130165")))
    # her account with another phone (matched by the account), then her other account with that phone (matched by
    # the order already in the book and the phone)
    second = run_import(book, _taobao(tmp_path, ("05", "tb_wang", "王芳", "13600000001"),
                                      ("06", "Wang_Fang2", "王芳", "13600000001")))
    assert second.customers_created == 0 and second.customers_updated == 1
    assert _aliases(book) == [(1, "buyer_id", "Wang_Fang2"), (1, "phone", "13600000001")]
    # a later export with only the second account and a masked phone, then only the second phone: the same 王芳
    later = run_import(book, _taobao(tmp_path, ("07", "Wang_Fang2", "王芳", "136****0001")))
    last = run_import(book, _taobao(tmp_path, ("08", "tb_other", "王芳", "13600000001")))
    assert later.customers_created == last.customers_created == 0 and not later.proposals
    assert _owner(book, "07") == _owner(book, "08") == 1 and len(_customers(book)) == 1
    # a masked phone is never an alias; nor is the account of an order matched by her phone alone: someone paying for
    # her (a gift) — that account's own order later, to its owner's name and phone, is not put on her
    assert _aliases(book) == [(1, "buyer_id", "Wang_Fang2"), (1, "phone", "13600000001")]
    payer = run_import(book, _taobao(tmp_path, ("09", "tb_other", "赵六", "13511112222")))
    assert payer.customers_created == 1 and _owner(book, "09") != 1


def test_a_gift_to_another_name_a_match_by_name_or_another_customers_key_gives_no_alias(tmp_path, book):
    run_import(book, _taobao(tmp_path, ("01", "tb_wang", "王芳", "13925130165"),
                             ("02", "tb_li", "李四", "13800138000")))
    # her account sends a gift to 陈晨: the order is hers (her account), the phone is not
    gift = run_import(book, _taobao(tmp_path, ("03", "tb_wang", "陈晨", "13700000002")))
    assert gift.customers_created == 0 and _owner(book, "03") == 1
    # 李四's phone under 王芳's account and name: matched by the phone to 李四, whose name it is not
    run_import(book, _taobao(tmp_path, ("04", "tb_wang", "王芳", "13800138000")))
    # 王芳's phone and name with 李四's account: 王芳's order, but the account is 李四's, not an alias of hers
    run_import(book, _taobao(tmp_path, ("09", "tb_li", "王芳", "13925130165")))
    assert _aliases(book) == []
    assert [row[1:] for row in _customers(book)] == [("王芳", "13925130165", "tb_wang"), ("李四", "13800138000", "tb_li")]


def test_a_name_and_address_match_gives_no_alias(tmp_path, book):
    header = ["姓名", "电话", "地址"]
    run_import(book, write_csv(tmp_path / "a.csv", [header, ["王芳", "", ADDRESS]]))
    run_import(book, write_csv(tmp_path / "b.csv", [header, ["王芳", "13925130165", ADDRESS]]))  # fills her phone
    run_import(book, write_csv(tmp_path / "c.csv", [header, ["王芳", "", ADDRESS]]))
    assert _aliases(book) == [] and _customers(book) == [(1, "王芳", "13925130165", "")]


def test_undoing_the_import_removes_the_aliases_it_added_and_only_those(tmp_path, book):
    run_import(book, _taobao(tmp_path, ("01", "tb_wang", "王芳", "13925130165")))
    phone = run_import(book, _taobao(tmp_path, ("05", "tb_wang", "王芳", "13600000001")))
    # her other account, one person with an order of her own account: matched by that account, not by a phone alone
    account = run_import(book, _taobao(tmp_path, ("06", "Wang_Fang2", "王芳", "13600000001"),
                                       ("10", "tb_wang", "王芳", "13600000001")))
    assert _aliases(book) == [(1, "buyer_id", "Wang_Fang2"), (1, "phone", "13600000001")]
    again = run_import(book, _taobao(tmp_path, ("05", "tb_wang", "王芳", "13600000001")))  # holds the phone
    assert again.customers_updated == 0
    undo_import(book, account.batch_id)
    assert _aliases(book) == [(1, "phone", "13600000001")]
    result = undo_import(book, phone.batch_id)  # the phone stays: the import after it still holds it
    assert _aliases(book) == [(1, "phone", "13600000001")] and result.values_kept >= 1
    undo_import(book, again.batch_id)
    assert _aliases(book) == [] and _customers(book) == [(1, "王芳", "13925130165", "tb_wang")]
