"""customer_stats.update_stages_in_chunks (issue #21): the stored stages moved to a new day in short transactions,
with the same result as one pass, right for a customer saved between two chunks, stopped when another pass
replaces its target, and done again in full after one killed halfway."""

import contextlib
import datetime as dt

import pytest
from sqlalchemy import select

from core import customer_stats
from core.book.models import Customer, Setting
from core.customers import CustomerService

TODAY = dt.date(2026, 6, 1)
LATER = TODAY + dt.timedelta(days=200)


@pytest.fixture
def people(book, make_customer, make_order):
    """Six customers (the first a prospect), stages brought to TODAY."""
    ids = [make_customer(name=name).id for name in "甲乙丙丁戊己"]
    for cid, day in zip(ids[1:], ("2026-05-01", "2026-04-01", "2025-11-01", "2025-06-01", "2026-05-25"), strict=True):
        make_order(cid, day)
    CustomerService(book).ensure_stages(TODAY)
    return ids


def _stages_right_for(book, day) -> bool:
    with book.session() as s:
        thresholds = customer_stats.stage_thresholds(s)
        rows = list(s.scalars(select(Customer)))
        return all(r.stage == customer_stats.stage_of(r.purchase_days, r.total_spend_cents, r.last_purchase_on,
                                                      r.typical_interval_days, day, thresholds, r.cycle_days)
                   for r in rows)


def _basis(book):
    with book.session() as s:
        return customer_stats._stored_basis(s)["date"], s.get(Setting, customer_stats.STAGE_BASIS_NEXT)


def _turns(at: int, do):
    """A write_turn that calls `do()` when the `at`-th turn starts (1: recording the target, 2…: the chunks)."""
    count = [0]

    @contextlib.contextmanager
    def turn():
        count[0] += 1
        if count[0] == at:
            do()
        yield

    return turn, count


def test_the_chunked_pass_leaves_what_one_pass_leaves(book, people):
    assert not _stages_right_for(book, LATER)
    turn, count = _turns(0, None)
    changed = customer_stats.update_stages_in_chunks(book.session, LATER, write_turn=turn, chunk_customers=2)
    assert changed > 0 and count[0] == 1 + 3 + 1  # the target, three chunks of two, the last
    assert _stages_right_for(book, LATER)
    assert _basis(book) == (LATER.isoformat(), None)
    with book.session() as s:
        assert customer_stats.stages_current(s, LATER)
    assert customer_stats.update_stages_in_chunks(book.session, LATER, write_turn=turn) == 0


def test_a_customer_saved_after_their_chunk_gets_the_new_days_stage(book, people, make_order):
    prospect = people[0]  # in the first chunk; an order 12 days before TODAY: new then, churned 200 days later
    turn, _count = _turns(3, lambda: make_order(prospect, "2026-05-20"))
    customer_stats.update_stages_in_chunks(book.session, LATER, write_turn=turn, chunk_customers=2)
    assert _stages_right_for(book, LATER)
    with book.session() as s:
        assert s.get(Customer, prospect).stage == "churned"


def test_a_pass_replaced_meanwhile_stops_and_the_other_one_stands(book, people):
    other = LATER + dt.timedelta(days=100)

    def replace():
        with book.session() as s:
            customer_stats.update_stages(s, other)

    turn, count = _turns(3, replace)
    customer_stats.update_stages_in_chunks(book.session, LATER, write_turn=turn, chunk_customers=2)
    assert count[0] == 3  # no chunk written after the other pass
    assert _basis(book) == (other.isoformat(), None)
    assert _stages_right_for(book, other)


def test_a_pass_killed_halfway_is_done_again_in_full(book, people):
    def kill():
        raise KeyboardInterrupt

    turn, _count = _turns(3, kill)
    with pytest.raises(KeyboardInterrupt):
        customer_stats.update_stages_in_chunks(book.session, LATER, write_turn=turn, chunk_customers=2)
    assert _basis(book)[0] == TODAY.isoformat()
    with book.session() as s:
        assert not customer_stats.stages_current(s, LATER)
    CustomerService(book).ensure_stages_in_chunks(LATER)
    assert _stages_right_for(book, LATER)
    assert _basis(book) == (LATER.isoformat(), None)
