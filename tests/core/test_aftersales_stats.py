"""After-sales statistics and the cases list on a hand-built book with known numbers."""

from __future__ import annotations

import datetime as dt

import pytest

from core.aftersales.dto import CaseFilter, MonthCountDTO, MonthSpendDTO
from core.aftersales.service import AftersalesService
from tests.core.aftersales_support import FixedClock, add_customer, add_order


@pytest.fixture
def built(book):
    """January: 2 complaints (answered in 2 h and 30 h), 1 review revised. February: 1 complaint never
    answered, 3 reviews (removed, unchanged, still open). March: nothing. April: 1 review (open)."""
    clock = FixedClock(dt.datetime(2026, 1, 5, 9, 0))
    svc = AftersalesService(book, clock)
    a, b = add_customer(book, "甲"), add_customer(book, "乙")
    order = add_order(book, a, "2026-01-02", platform="pinduoduo")
    c1 = svc.complaints.open(a, kind="quality", order_id=order)
    c2 = svc.complaints.open(b, kind="attitude", opened_at=dt.datetime(2026, 1, 6, 8, 0))
    clock.now = dt.datetime(2026, 1, 5, 11, 0)
    svc.complaints.tick_step(c1.id, 1)
    svc.complaints.compensate(c1.id, compensation_type="refund", amount_cents=2000)
    clock.now = dt.datetime(2026, 1, 7, 14, 0)
    svc.complaints.tick_step(c2.id, 1)
    clock.now = dt.datetime(2026, 1, 20, 9, 0)
    r1 = svc.reviews.open(a, platform="taobao", level="mid", review_date=dt.date(2026, 1, 19))
    svc.reviews.make_offer(r1.id, offer_type="cash")
    svc.reviews.record_outcome(r1.id, "revised")
    clock.now = dt.datetime(2026, 2, 3, 9, 0)
    c3 = svc.complaints.open(b, kind="quality")
    svc.complaints.compensate(c3.id, compensation_type="points", points=100)
    svc.complaints.close(c3.id)
    r2 = svc.reviews.open(b, platform="taobao", level="bad", review_date=dt.date(2026, 2, 2))
    svc.reviews.make_offer(r2.id, offer_type="coupon")
    svc.reviews.record_outcome(r2.id, "removed")
    r3 = svc.reviews.open(a, platform="pinduoduo", level="bad", review_date=dt.date(2026, 2, 3))
    svc.reviews.record_outcome(r3.id, "unchanged")
    svc.reviews.open(b, platform="douyin", level="mid", review_date=dt.date(2026, 2, 3))
    clock.now = dt.datetime(2026, 4, 2, 9, 0)
    svc.reviews.open(a, platform="taobao", level="bad", review_date=dt.date(2026, 4, 1))
    return svc, clock


def test_statistics_numbers(built):
    svc, _ = built
    st = svc.cases.statistics()
    assert st.cases_per_month == (MonthCountDTO("2026-01", 2, 1), MonthCountDTO("2026-02", 1, 3),
                                  MonthCountDTO("2026-03", 0, 0), MonthCountDTO("2026-04", 0, 1))
    assert st.complaints_by_kind == (("quality", 2), ("attitude", 1))
    # c3's first response is its compensation, 0 h after opening
    assert st.response_hours == (2.0, 30.0, 0.0)
    assert st.median_response_hours == 2.0
    assert st.within_target_share == pytest.approx(2 / 3)
    assert (st.reviews_total, st.reviews_rescued) == (5, 2)
    assert st.rescue_rate == pytest.approx(0.4)
    assert dict(st.outcomes) == {"pending": 2, "removed": 1, "revised": 1, "unchanged": 1}
    assert st.spend_per_month == (MonthSpendDTO("2026-01", 2000, 500, 0), MonthSpendDTO("2026-02", 0, 1000, 100))
    assert st.spend_per_month[0].total_cents == 2500


def test_statistics_range(built):
    svc, _ = built
    st = svc.cases.statistics(dt.date(2026, 2, 1), dt.date(2026, 2, 28))
    assert st.cases_per_month == (MonthCountDTO("2026-02", 1, 3),)
    assert (st.reviews_total, st.reviews_rescued, st.rescue_rate) == (3, 1, pytest.approx(1 / 3))
    assert st.spend_per_month == (MonthSpendDTO("2026-02", 0, 1000, 100),)
    empty = svc.cases.statistics(dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    assert empty.rescue_rate is None and empty.median_response_hours is None and empty.cases_per_month == ()


def test_cases_list_open_first_and_filters(built):
    svc, _ = built
    rows = svc.cases.list_cases()
    assert len(rows) == 8
    statuses = [r.status for r in rows]
    assert statuses == sorted(statuses, key=["open", "resolved", "closed"].index)
    open_rows = [r for r in rows if r.status == "open"]
    # c1 waits for its follow-up, c2 was answered and has no task left; the Feb and Apr reviews are open
    assert [(r.kind, r.subtype, r.next_due) for r in open_rows] == [
        ("complaint", "quality", dt.date(2026, 1, 12)), ("review", "mid", dt.date(2026, 2, 3)),
        ("review", "bad", dt.date(2026, 4, 2)), ("complaint", "attitude", None)]
    assert [r.overdue for r in open_rows] == [True, True, False, False]  # today is 2026-04-02
    assert len(svc.cases.list_cases(CaseFilter(kind="review", status="closed"))) == 3
    assert [r.kind for r in svc.cases.list_cases(CaseFilter(platform="pinduoduo"))] == ["complaint", "review"]
    feb = svc.cases.list_cases(CaseFilter(date_from=dt.date(2026, 2, 1), date_to=dt.date(2026, 2, 28)))
    assert len(feb) == 4
    assert svc.cases.list_cases(CaseFilter(kind="review", status="resolved")) == []
    assert svc.cases.open_case_count() == 4


def test_offers_without_offer_time_count_at_outcome_or_review_date(book):
    from core.book.models import BadReview

    cid = add_customer(book)
    with book.session() as s:
        s.add_all([
            BadReview(customer_id=cid, platform="taobao", level="bad", review_date=dt.date(2026, 2, 20),
                      offer_type="cash", offer_cents=1000, outcome="revised", outcome_at=dt.datetime(2026, 3, 2, 9)),
            BadReview(customer_id=cid, platform="taobao", level="mid", review_date=dt.date(2026, 2, 21),
                      offer_type="cash", offer_cents=500),
        ])
    spend = AftersalesService(book, FixedClock(dt.datetime(2026, 3, 5))).cases.statistics().spend_per_month
    assert spend == (MonthSpendDTO("2026-02", 0, 500, 0), MonthSpendDTO("2026-03", 0, 1000, 0))
