"""Points awarded to a segment (#22): one ledger line per customer with reason "campaign" and the note typed;
refused without points or a reason, all or nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from core.errors import ValidationError
from core.marketing import loyalty
from core.marketing.service import MarketingService

TODAY = dt.date(2026, 6, 1)
NOW = dt.datetime(2026, 6, 1, 10, 0)


def test_points_go_to_every_customer_of_the_segment_with_the_reason(book, make_customer, make_order):
    service = MarketingService(book)
    repeat = make_customer(name="回头", do_not_disturb=True).id
    make_order(repeat, "2026-04-01")
    make_order(repeat, "2026-05-01")
    once = make_customer(name="一次").id
    make_order(once, "2026-05-02")
    make_customer(name="没买过")
    returning = {"min_purchase_days": 2}
    assert service.award_segment_points(returning, 200, "周年店庆积分", TODAY, NOW) == 1
    with book.session() as s:
        lines = loyalty.ledger(s, repeat)
        assert [(ln.delta, ln.reason, ln.note) for ln in lines if ln.reason == "campaign"] == [
            (200, "campaign", "周年店庆积分")]
        assert not [ln for ln in loyalty.ledger(s, once) if ln.reason == "campaign"]


@pytest.mark.parametrize("points, note, code", [(0, "gift", "points_zero"), (100, "  ", "points_reason_missing")])
def test_bad_awards_are_refused_and_write_nothing(book, make_customer, make_order, points, note, code):
    service = MarketingService(book)
    c = make_customer(name="甲").id
    make_order(c, "2026-05-01")
    with pytest.raises(ValidationError) as caught:
        service.award_segment_points({}, points, note, TODAY, NOW)
    assert caught.value.code == code
    with book.session() as s:
        assert [ln.reason for ln in loyalty.ledger(s, c)] == ["spend"]
