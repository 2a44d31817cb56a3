"""The book's duplicate customers (core.duplicates_finder) on a real book: masked twins, name + address, aliases."""

from __future__ import annotations

import pytest

from core.customers import CustomerService, add_alias
from core.duplicates_finder import find_duplicates
from core.excel.review import keep_separate, merge_pairs

HOME = {"province": "浙江省", "city": "杭州市", "district": "西湖区", "address_detail": "文三路100号"}
ELSEWHERE = {"province": "浙江省", "city": "杭州市", "district": "西湖区", "address_detail": "文二路8号"}


@pytest.fixture
def douyin_buyer(make_customer, make_order):
    """A customer as an old import made one of a masked Douyin order: 周**, 151****0000, one order of Douyin."""
    numbers = iter(range(1, 100))

    def _make(address=HOME, phone="151****0000", name="周**"):
        customer = make_customer(name=name, phone=phone, **address)
        make_order(customer.id, "2026-03-02", platform="douyin", platform_order_no=f"DY{next(numbers)}")
        return customer.id

    return _make


def pairs(book) -> set[tuple[int, int, str]]:
    return {(view.proposal.candidate_id, view.proposal.customer_id, view.reasons[0]) for view in find_duplicates(book).views}


def test_masked_buyers_of_one_address_are_one_pair_each(book, douyin_buyer):
    first, second, third = douyin_buyer(), douyin_buyer(), douyin_buyer(address={**HOME, "address_detail": "文三路 100号"})
    douyin_buyer(address=ELSEWHERE)  # another 周** elsewhere: another person
    douyin_buyer(phone="151****0001")  # other visible digits
    assert pairs(book) == {(first, second, "masked_same"), (first, third, "masked_same")}


def test_masked_buyers_without_the_same_platform_are_not_listed(book, douyin_buyer, make_customer, make_order):
    first = douyin_buyer()
    other = make_customer(name="周**", phone="151****0000", **HOME)
    make_order(other.id, "2026-03-02", platform="pinduoduo", platform_order_no="PDD1")
    assert pairs(book) == set()
    douyin_buyer(address=ELSEWHERE)
    assert pairs(book) == set() and first


def test_same_name_and_address_without_conflicting_phones(book, make_customer):
    typed = make_customer(name="李雷", phone="13800001111", **HOME)
    again = make_customer(name="李雷", **{**HOME, "address_detail": "文三路１００号"})  # full-width digits
    make_customer(name="李雷", phone="13900002222", **HOME)  # another phone: not the same person
    make_customer(name="李雷", **ELSEWHERE)
    make_customer(name="韩梅梅", **HOME)
    assert pairs(book) == {(typed.id, again.id, "name_address")}


def test_a_phone_or_buyer_id_that_is_another_customers_alias(book, make_customer):
    holder = make_customer(name="王芳", phone="13711112222")
    by_phone = make_customer(name="芳芳", phone="13755556666")
    by_buyer = make_customer(name="fang", platform_buyer_id="dy_fang")
    with book.session() as session:
        add_alias(session, holder.id, "phone", "13755556666")
        add_alias(session, holder.id, "buyer_id", "dy_fang")
    assert pairs(book) == {(holder.id, by_phone.id, "alias"), (holder.id, by_buyer.id, "alias")}


def test_a_pair_kept_apart_is_not_listed_again_and_a_merge_keeps_both_orders(book, douyin_buyer, make_customer):
    first, second = douyin_buyer(), douyin_buyer()
    typed = make_customer(name="李雷", **HOME)
    again = make_customer(name="李雷", **HOME)
    views = {view.proposal.reason: view for view in find_duplicates(book).views}
    keep_separate(book, [views["name_address"].proposal])
    assert pairs(book) == {(first, second, "masked_same")}
    assert merge_pairs(book, [views["masked_same"].proposal]) == 1
    assert pairs(book) == set()
    assert CustomerService(book).get(first).purchase_count == 2
    assert typed.id != again.id


def test_a_masked_buyer_whom_a_later_real_customer_fits(book, douyin_buyer, make_customer):
    """The Douyin export imported before the Taobao history: the import proposed nothing (the real customer came
    after); the finder proposes her, whatever the order, the real customer kept."""
    hidden = douyin_buyer()
    other_digits = douyin_buyer(phone="151****0001")
    real = make_customer(name="周杰", phone="15112340000", **{**HOME, "address_detail": "文三路100号"})
    make_customer(name="周杰", phone="15112340000", **ELSEWHERE)  # the same phone elsewhere: not at her address
    make_customer(name="吴杰", phone="15112340001", **HOME)  # the other digits, but another surname
    assert pairs(book) == {(real.id, hidden, "masked_fits")} and other_digits


def test_one_name_at_one_address_with_masks_showing_other_digits_is_not_a_pair(book, make_customer):
    first = make_customer(name="王芳", phone="138****1234", **HOME)
    make_customer(name="王芳", phone="139****5678", **HOME)
    fitting = make_customer(name="王芳", phone="13812341234", **HOME)
    assert pairs(book) == {(first.id, fitting.id, "name_address")}


def _alive(book) -> set[int]:
    from sqlalchemy import select

    from core.book.models import Customer

    with book.session() as session:
        return set(session.scalars(select(Customer.id).where(Customer.deleted_at.is_(None))))


@pytest.mark.parametrize("one_by_one", [False, True])
def test_merging_every_pair_of_a_group_of_three_or_more_makes_one_customer(book, douyin_buyer, make_customer,
                                                                          one_by_one):
    """A group of k alike customers gives k - 1 pairs, each with its oldest: merged all at once, or pair by pair in
    any order (the dialog's buttons: one merge_pairs call a pair), the group is one customer with every order."""
    buyers = [douyin_buyer() for _ in range(4)]
    typed = [make_customer(name="李雷", **HOME).id for _ in range(3)]
    found = [view.proposal for view in find_duplicates(book).views]
    assert len(found) == 5 and {proposal.candidate_id for proposal in found} == {buyers[0], typed[0]}
    if one_by_one:
        for proposal in reversed(found):
            assert merge_pairs(book, [proposal]) == 1
    else:
        assert merge_pairs(book, found) == 5
    assert _alive(book) == {buyers[0], typed[0]} and pairs(book) == set()
    assert CustomerService(book).get(buyers[0]).purchase_count == 4


@pytest.mark.parametrize("one_by_one", [False, True])
def test_pairs_of_different_reasons_sharing_a_customer_merge_into_one(book, make_customer, one_by_one):
    """芳芳 is the alias of 王芳's second phone (王芳 kept) and the same name and address as a later 芳芳 without a
    phone (芳芳 kept): merging both pairs leaves 王芳 alone. The second pair's kept customer was gone, and the later
    芳芳 was passed over."""
    holder = make_customer(name="王芳", phone="13711112222")
    fang = make_customer(name="芳芳", phone="13755556666", **HOME)
    later = make_customer(name="芳芳", **HOME)
    with book.session() as session:
        add_alias(session, holder.id, "phone", "13755556666")
    found = [view.proposal for view in find_duplicates(book).views]
    assert [(proposal.candidate_id, proposal.customer_id) for proposal in found] == [(holder.id, fang.id),
                                                                                    (fang.id, later.id)]
    if one_by_one:
        for proposal in found:
            merge_pairs(book, [proposal])
    else:
        assert merge_pairs(book, found) == 2
    assert _alive(book) == {holder.id}


def test_past_the_limit_the_search_says_how_many_more_and_lists_them_next_time(book, douyin_buyer):
    buyers = [douyin_buyer() for _ in range(4)]  # three pairs, each with the oldest
    first = find_duplicates(book, limit=2)
    assert len(first.views) == 2 and first.more == 1
    merge_pairs(book, [view.proposal for view in first.views])
    second = find_duplicates(book, limit=2)
    assert [(view.proposal.candidate_id, view.proposal.customer_id) for view in second.views] == [(buyers[0], buyers[3])]
    assert second.more == 0


def test_of_two_real_customers_fitting_a_masked_one_the_second_comes_once_the_first_is_kept_apart(
        book, douyin_buyer, make_customer):
    """周杰 and 周洁 at her address both fit 周** / 151****0000: one pair at a time (merging her into both would merge
    them); the seller says 周杰 is not her, and the next search proposes 周洁 (before: never)."""
    hidden = douyin_buyer()
    first = make_customer(name="周杰", phone="15112340000", **HOME)
    second = make_customer(name="周洁", phone="15198760000", **HOME)
    views = find_duplicates(book).views
    assert [(view.proposal.candidate_id, view.proposal.customer_id) for view in views] == [(first.id, hidden)]
    keep_separate(book, [views[0].proposal])
    assert pairs(book) == {(second.id, hidden, "masked_fits")}
