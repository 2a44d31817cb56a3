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


def test_a_customer_added_before_the_target_is_recorded_is_not_left_out(book, people, make_customer, make_order):
    """Saved after the pass read the last customer id but before it recorded its target: their save stored the
    old day's stage, and their id is past every chunk. The pass reads the last id where it records the target
    (one transaction, the book's turn held), so they fall in a chunk."""
    added: list[int] = []

    def add():
        added.append(make_customer(name="庚").id)
        make_order(added[0], "2026-05-20")  # new on TODAY, churned on LATER

    turn, _count = _turns(1, add)
    customer_stats.update_stages_in_chunks(book.session, LATER, write_turn=turn, chunk_customers=2)
    assert _stages_right_for(book, LATER)
    with book.session() as s:
        assert s.get(Customer, added[0]).stage == "churned"


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



def test_another_program_moving_the_stages_between_a_chunks_check_and_its_write_is_not_undone(book, people,
                                                                                            monkeypatch):
    """The command line beside the app (issue #21) moves the stages to another day (update_stages) after a chunk
    checked its target and before it wrote: the chunk wrote the old target over the other pass's stages, which
    the stored basis then claimed. Each transaction of the pass takes the book's turn first (one_at_a_time, as
    update_stages does), so the other program waits, and its pass stands once done."""
    from sqlalchemy import text

    from core.book.db import Book
    from core.errors import BookBusy

    if book.path is None:
        pytest.skip("two programs on one book file")
    other_day = TODAY + dt.timedelta(days=1)  # (another clock, or other thresholds: stages unlike LATER's)
    written = customer_stats._write_stages
    outside: list[str] = []

    def other_program_first(*args, **kwargs):
        if not outside:  # (once: the other program's own pass calls this too)
            outside.append("started")
            other = Book.open(book.path, lock=False, daily_backup=False)
            try:
                with other.session() as s:
                    s.execute(text("PRAGMA busy_timeout=200"))
                    customer_stats.update_stages(s, other_day)
                outside.append("moved")
            except BookBusy:  # the pass holds the book's write lock: the other program waits its turn
                outside.append("waited")
            finally:
                other.close()
        return written(*args, **kwargs)

    monkeypatch.setattr(customer_stats, "_write_stages", other_program_first)
    customer_stats.update_stages_in_chunks(book.session, LATER, chunk_customers=10)
    stored = dt.date.fromisoformat(_basis(book)[0])
    assert _stages_right_for(book, stored)  # before: the basis said other_day, the stages were LATER's
    assert outside == ["started", "waited"] and stored == LATER
    with book.session() as s:
        customer_stats.update_stages(s, other_day)  # what the other program does once its turn comes
    assert _stages_right_for(book, other_day) and not _stages_right_for(book, LATER)
