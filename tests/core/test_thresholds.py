"""Segment thresholds (core.analytics.thresholds): live counts for unsaved values, checks, saving, suggestion."""

import pytest
from sqlalchemy import select

from core.analytics.thresholds import ThresholdService
from core.book.models import Customer
from core.errors import ValidationError
from core.settings import DEFAULTS, get_setting
from tests.core.analytics_book import TODAY, fill_shop


@pytest.fixture
def shop(book):
    return book, fill_shop(book)


def test_live_counts_follow_unsaved_values(shop):
    book, _ = shop
    service = ThresholdService(book)
    now = service.counts(service.current(), TODAY)
    # as in test_analytics.test_stages_and_levels: E prospect; C, D new; A, B returning; G churned (F deleted)
    assert now.stages == {"prospect": 1, "new": 2, "returning": 2, "loyal": 0, "dormant": 0, "churned": 1}
    # spends of the buyers: A 310, B 300, C 50, D 30, G 20 → median 50; A, B recent frequent high; C recent
    # one day 50 (high); D recent low; G 287 days ago, low
    assert now.median_spend_cents == 5000
    assert {k: v for k, v in now.rfm.items() if v} == {"重要价值客户": 2, "重要发展客户": 1, "一般发展客户": 1,
                                                       "一般挽留客户": 1}
    # multiplier 1: A (honey 45 days, 33 since) still returning; B (45, 64 since) and C (mask 30, 42 since)
    # churned; D (nothing known → 180) new
    trial = service.counts({**service.current(), "stage.churn_cycle_multiplier": 1,
                            "analytics.rfm_recent_days": 40}, TODAY)
    assert trial.stages == {"prospect": 1, "new": 1, "returning": 1, "loyal": 0, "dormant": 0, "churned": 3}
    assert trial.rfm["重要保持客户"] == 1  # B: last purchase 64 days ago is no longer recent
    with book.session() as s:  # nothing was saved
        assert get_setting(s, "stage.churn_cycle_multiplier") == 2


@pytest.mark.parametrize("key, value", [("stage.churn_min_days", 0), ("stage.dormant_fraction", 1.5),
                                        ("analytics.rfm_recent_days", 12.5), ("stage.churn_default_days", "90"),
                                        ("analytics.rfm_high_purchase_days", True), ("stage.nonsense", 3)])
def test_bad_values_are_refused_and_nothing_is_saved(shop, key, value):
    book, _ = shop
    service = ThresholdService(book)
    with pytest.raises(ValidationError) as caught:
        service.save({"analytics.rfm_recent_days": 30, key: value}, TODAY)
    assert caught.value.details["field"] == key
    with book.session() as s:
        assert get_setting(s, "analytics.rfm_recent_days") == 90


def test_saving_moves_the_stored_stages(shop):
    book, ids = shop
    service = ThresholdService(book)
    service.counts(service.current(), TODAY)
    assert service.save({"stage.churn_cycle_multiplier": 1, "analytics.rfm_high_spend_cents": None}, TODAY) >= 2
    with book.session() as s:
        stored = dict(s.execute(select(Customer.id, Customer.stage)).all())
    assert (stored[ids["B"]], stored[ids["C"]], stored[ids["A"]]) == ("churned", "churned", "returning")


def test_a_small_book_suggests_the_defaults(shop):
    book, _ = shop
    suggestion = ThresholdService(book).suggested(TODAY)
    assert suggestion == {key: DEFAULTS[key] for key in suggestion}
