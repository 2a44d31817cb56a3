"""An empty Today list's counts of dormant and churned customers (core.reminders.today.with_lapsed): live
customers only, worked out for the day whatever stages are stored, none on a day with tasks — on SQLite and on
PostgreSQL (the `book` fixture)."""

import datetime as dt

from sqlalchemy import text

from core.customers import CustomerService
from core.reminders.service import ReminderService
from core.reminders.today import day_list
from tests.conftest import OLD_BOOK_TODAY as TODAY


def test_an_empty_day_counts_live_churned_and_dormant_customers_not_deleted_ones(old_book):
    listed = ReminderService(old_book).day_list(TODAY, now=dt.datetime(2026, 12, 7, 10, 0))
    assert listed.total == 0
    assert listed.lapsed == (("dormant", 1), ("churned", 3))
    with old_book.session() as s:
        assert day_list(s, TODAY).lapsed == (("dormant", 1), ("churned", 3))


def test_the_counts_are_for_the_day_not_the_stages_stored_for_an_earlier_one(old_book):
    """The launch reads the first list before it brings the stored stages to the day; a book built on the
    command line has stages of the day of its import."""
    CustomerService(old_book).ensure_stages(dt.date(2024, 10, 20))
    with old_book.session() as s:
        stored = s.execute(text("SELECT COUNT(*) FROM customer WHERE stage IN ('dormant', 'churned')")).scalar_one()
    assert stored == 0
    assert ReminderService(old_book).day_list(TODAY).lapsed == (("dormant", 1), ("churned", 3))


def test_a_day_with_tasks_has_no_lapsed_counts(old_book, make_customer, make_order):
    make_order(make_customer(name="吴用", phone="13100131000").id, TODAY.isoformat(), status="unpaid")
    ReminderService(old_book).regenerate(TODAY)
    listed = ReminderService(old_book).day_list(TODAY)
    assert listed.total > 0 and listed.lapsed == ()
