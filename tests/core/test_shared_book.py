"""Two people on one book at once: lost updates become conflicts, races on keys and figures, change counter.

Each "person" is a thread with a Book of its own (its own engine and connection, as on two PCs). A
barrier inside the transaction makes both reach the dangerous point before either writes, so the race
is forced every time rather than hoped for. These run on SQLite and, with HUITOUKE_TEST_PG_URL, on
PostgreSQL; the ones needing two writers inside open transactions at once are PostgreSQL-only.
"""

import contextlib
import datetime as dt
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import event, func, make_url, select
from sqlalchemy.orm import Session

from core import customer_stats
from core.book.db import Book
from core.book.models import Order
from core.customers import CustomerService
from core.dto import CustomerInput, CustomerQuery, OrderInput, OrderItemInput, OrderQuery
from core.errors import ConflictError, RejectedInput, ValidationError
from core.orders import OrderService


@pytest.fixture
def other_book(book):
    """A second Book on the same book: another person's app (its own engine and connections)."""
    other = Book.open(book.location, lock=False, daily_backup=False, backup_root=book.backup_root)
    yield other
    other.close()


@contextlib.contextmanager
def barrier_before_first_flush(parties: int = 2):
    """Every thread's first ORM flush waits until `parties` threads have got that far."""
    barrier, seen = threading.Barrier(parties, timeout=20), threading.local()

    def wait(_session, _context, _instances):
        if not getattr(seen, "done", False):
            seen.done = True
            barrier.wait()

    event.listen(Session, "before_flush", wait)
    try:
        yield
    finally:
        event.remove(Session, "before_flush", wait)


def run_both(first, second):
    """Run two callables at once; return what each returned or raised."""
    def outcome(fn):
        try:
            return fn()
        except Exception as exc:  # the test inspects which one lost
            return exc

    with ThreadPoolExecutor(2) as pool:
        a, b = pool.submit(outcome, first), pool.submit(outcome, second)
        return a.result(timeout=60), b.result(timeout=60)


def test_two_people_saving_one_customer_at_once_one_gets_a_conflict_not_a_lost_update(book, other_book):
    mine, theirs = CustomerService(book), CustomerService(other_book)
    c = mine.create(CustomerInput(name="张伟", note="原来的"))
    with barrier_before_first_flush():
        results = run_both(
            lambda: mine.update(c.id, CustomerInput(name="张伟", note="我的备注"), expected_version=c.version),
            lambda: theirs.update(c.id, CustomerInput(name="张伟", note="她的备注"), expected_version=c.version))
    conflicts = [r for r in results if isinstance(r, ConflictError)]
    saved = [r for r in results if not isinstance(r, Exception)]
    assert len(conflicts) == 1 and len(saved) == 1, results
    assert conflicts[0].code == "customer_conflict"
    final = theirs.get(c.id)
    assert final.fields.note == saved[0].fields.note  # the winner's edit, whole, and nothing silently lost
    assert final.version == c.version + 1


def test_a_stale_save_from_another_connection_is_a_conflict(book, other_book):
    mine, theirs = CustomerService(book), CustomerService(other_book)
    c = mine.create(CustomerInput(name="李娜"))
    theirs.update(c.id, CustomerInput(name="李娜", phone="13912345678"), expected_version=c.version)
    with pytest.raises(ConflictError) as err:
        mine.update(c.id, CustomerInput(name="李娜", note="没看到别人改过"), expected_version=c.version)
    assert err.value.details["actual_version"] == c.version + 1
    assert mine.get(c.id).fields.phone == "13912345678"


def test_the_same_platform_order_number_typed_by_two_people_at_once_is_saved_once(book, other_book):
    c = CustomerService(book).create(CustomerInput(name="王芳"))

    def create(b):
        return lambda: OrderService(b).create(OrderInput(
            customer_id=c.id, created_at=dt.datetime(2026, 3, 1, 10), status="paid", platform="taobao",
            platform_order_no="3515313147329357", items=(OrderItemInput(title="蜂蜜", unit_price_cents=5000),)))

    with barrier_before_first_flush():
        results = run_both(create(book), create(other_book))
    refused = [r for r in results if isinstance(r, ValidationError)]
    assert len(refused) == 1 and refused[0].code == "order_no_taken", results
    assert OrderService(book).count(OrderQuery()) == 1
    assert CustomerService(book).get(c.id).purchase_count == 1


@pytest.mark.postgres
def test_orders_written_for_one_customer_at_once_are_both_counted(book, other_book, monkeypatch):
    """Without row locks, the later commit would store figures computed without the other's order."""
    c = CustomerService(book).create(CustomerInput(name="赵敏"))
    barrier, original = threading.Barrier(2, timeout=20), customer_stats.refresh

    def refresh_after_both_inserted(session, ids=None):
        barrier.wait()  # both orders are inserted (uncommitted) before either recomputes the figures
        return original(session, ids)

    monkeypatch.setattr(customer_stats, "refresh", refresh_after_both_inserted)

    def create(b, day):
        return lambda: OrderService(b).create(OrderInput(
            customer_id=c.id, created_at=dt.datetime(2026, 3, day, 10), status="completed",
            items=(OrderItemInput(title="蜂蜜", unit_price_cents=5000),)))

    results = run_both(create(book, 1), create(other_book, 9))
    assert not [r for r in results if isinstance(r, Exception)], results
    monkeypatch.undo()
    figures = CustomerService(book).get(c.id)
    assert (figures.purchase_count, figures.purchase_days, figures.total_spend_cents) == (2, 2, 10000)
    assert figures.first_purchase_on == dt.date(2026, 3, 1) and figures.last_purchase_on == dt.date(2026, 3, 9)


def test_change_counter_grows_with_every_committed_write_seen_by_everyone(book, other_book):
    start = book.change_counter()
    assert other_book.change_counter() == start
    c = CustomerService(book).create(CustomerInput(name="钱多多"))
    after_create = other_book.change_counter()
    assert after_create > start
    CustomerService(other_book).list_page(CustomerQuery())
    CustomerService(book).get(c.id)
    assert book.change_counter() == after_create  # reading changes nothing
    with pytest.raises(ValidationError):
        OrderService(book).create(OrderInput(customer_id=c.id, created_at=dt.datetime(2026, 1, 1), status="lost"))
    with pytest.raises(RuntimeError), book.session() as s:
        s.add(Order(customer_id=c.id, order_date=dt.date(2026, 1, 1)))
        s.flush()
        raise RuntimeError("rolled back")
    assert book.change_counter() == after_create  # a rolled-back write bumps nothing
    CustomerService(other_book).set_do_not_disturb([c.id], True)  # a bulk Core UPDATE counts too
    assert book.change_counter() == after_create + 1
    with book.session() as s:
        assert s.scalar(select(func.count()).select_from(Order)) == 0


@pytest.mark.postgres
def test_an_empty_server_database_is_migrated_on_open_and_never_backed_up_as_a_file(fresh_pg_schema):
    from core.book import schema

    url = fresh_pg_schema()
    with Book.open(url) as b:
        assert schema.current_revision(b.engine) == schema.HEAD
        assert b.path is None and not b.is_sqlite
        assert b.display_name == make_url(url).set(query={}).render_as_string(hide_password=True)
        assert make_url(url).password is None or "***@" in b.display_name  # never the password
        assert b.change_counter() == 1  # the migration itself was a write
        with pytest.raises(RejectedInput) as err:
            b.backup()
        assert err.value.code == "backup_not_sqlite"
    with Book.open(url) as b:  # the second open finds the schema current and changes nothing
        assert b.change_counter() == 1


@pytest.mark.postgres
def test_a_one_at_a_time_section_makes_the_second_writer_wait_for_the_first_commit(book, other_book):
    from core.book.dialect import one_at_a_time

    events, inside = [], threading.Event()

    def first():
        with book.session() as s:
            one_at_a_time(s, "import")
            events.append("first in")
            inside.set()
            threading.Event().wait(0.5)
            events.append("first out")

    def second():
        inside.wait(10)
        with other_book.session() as s:
            one_at_a_time(s, "reminders")  # another name: not held up
            events.append("other section")
            one_at_a_time(s, "import")
            events.append("second in")

    run_both(first, second)
    assert events == ["first in", "other section", "first out", "second in"]


def _book_with_cycles(book, customers: int = 6):
    """Customers who bought a product with a cycle: each yields repurchase and care tasks."""
    from core.dto import ProductInput
    from core.products import ProductService

    honey = ProductService(book).create(ProductInput(name="蜂蜜500g", cycle_days=45, lead_days=3, price_cents=6800))
    orders = OrderService(book)
    for i in range(customers):
        c = CustomerService(book).create(CustomerInput(name=f"客户{i}"))
        orders.create(OrderInput(customer_id=c.id, created_at=dt.datetime(2026, 10, 1 + i, 10), status="completed",
                                 items=(OrderItemInput(product_id=honey.id, unit_price_cents=6800),)))


def _reminder_keys(book) -> list[str]:
    from core.book.models import Reminder

    with book.session() as s:
        return sorted(s.scalars(select(Reminder.rule_key)))


def test_two_people_regenerating_reminders_at_once_write_each_task_once(book, other_book):
    from core.reminders.service import ReminderService

    _book_with_cycles(book)
    today = dt.date(2026, 11, 10)
    results = run_both(lambda: ReminderService(book).regenerate(today),
                       lambda: ReminderService(other_book).regenerate(today))
    assert not [r for r in results if isinstance(r, Exception)], results
    keys = _reminder_keys(book)
    assert keys and len(keys) == len(set(keys))
    assert any(k.startswith("repurchase:item:") for k in keys)
    ReminderService(book).regenerate(today)
    assert _reminder_keys(book) == keys  # and a third pass changes nothing


@pytest.mark.postgres
def test_regenerations_forced_to_write_at_the_same_moment_queue_instead_of_colliding(book, other_book, monkeypatch):
    from core.reminders import generate
    from core.reminders.service import ReminderService

    _book_with_cycles(book)
    barrier, original = threading.Barrier(2, timeout=5), generate._upsert
    waited = []

    def upsert_together(session, params, *within):
        try:
            barrier.wait()  # without the one-at-a-time lock both would get here together
        except threading.BrokenBarrierError:
            waited.append(1)  # the other pass was held at the door until this one finished
        return original(session, params, *within)

    monkeypatch.setattr(generate, "_upsert", upsert_together)
    today = dt.date(2026, 11, 10)
    results = run_both(lambda: ReminderService(book).regenerate(today),
                       lambda: ReminderService(other_book).regenerate(today))
    assert not [r for r in results if isinstance(r, Exception)], results
    assert waited  # they queued
    keys = _reminder_keys(book)
    assert keys and len(keys) == len(set(keys))


@pytest.mark.postgres  # a book file has one app at a time (see the report: two imports in one process)
def test_two_people_importing_the_same_file_at_once_get_each_order_once(book, other_book, tmp_path):
    from core.excel.importer import run_import
    from tests.core.excel.test_import import ROW_A, ROW_B, _taobao

    path = _taobao(tmp_path, "orders.csv", [ROW_A, ROW_B])
    results = run_both(lambda: run_import(book, path), lambda: run_import(other_book, path))
    assert not [r for r in results if isinstance(r, Exception)], results
    assert sorted((r.orders_created, r.orders_unchanged) for r in results) == [(0, 2), (2, 0)]
    assert OrderService(book).count(OrderQuery()) == 2
