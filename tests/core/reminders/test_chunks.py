"""The complete pass in short transactions (regenerate_in_chunks): the same reminders as one transaction,
day after day, and the book's write lock free while it reads and between its chunks."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3

import pytest
from sqlalchemy import event, func, select, text

from core.book.db import Book
from core.book.models import Customer, Reminder
from core.reminders import mark_done, regenerate
from core.reminders.generate import regenerate_in_chunks

D = dt.date


def _fill(book: Book, factory) -> None:
    """Nine customers: repurchases of two products, an unpaid and a shipped order, a coupon, birthdays."""
    with book.session() as s:
        make = factory(s)
        honey, mask = make.product("蜂蜜500g", cycle=30, lead=3), make.product("面膜", cycle=20, lead=2)
        for n in range(9):
            c = make.customer(f"客户{n}", phone=f"1380013800{n}", birth_month=4 + n % 3, birth_day=10 + n)
            make.order(c, D(2026, 2, 20) + dt.timedelta(days=4 * n), [(honey if n % 2 else mask, 1 + n % 3)],
                       delivered=D(2026, 2, 23) + dt.timedelta(days=4 * n))
            if n % 3 == 0:
                make.order(c, D(2026, 4, 1) + dt.timedelta(days=n), [(mask, 1)], status="unpaid")
            if n % 4 == 1:
                make.order(c, D(2026, 3, 28), [(honey, 1)], status="shipped", shipped=D(2026, 3, 29))
            if n == 5:
                make.coupon(c, D(2026, 4, 20))


def _snapshot(book: Book) -> list[tuple]:
    """Every reminder; facts without the order number (the factory numbers orders across both books)."""
    with book.session() as s:
        rows = s.execute(select(Reminder.rule_key, Reminder.kind, Reminder.customer_id, Reminder.status,
                                Reminder.due_date, Reminder.facts_json)).all()
    return sorted((*row[:5], {k: v for k, v in json.loads(row[5] or "{}").items() if k != "order_no"})
                  for row in rows)


@pytest.mark.sqlite_only  # two book files built alike
def test_chunks_write_what_one_transaction_writes_day_after_day(tmp_path, factory):
    one, chunked = (Book.open(tmp_path / f"{name}.book", create=True, daily_backup=False)
                    for name in ("one", "chunked"))
    try:
        for book in (one, chunked):
            _fill(book, factory)
        for day in (D(2026, 3, 20), D(2026, 4, 5), D(2026, 4, 12), D(2026, 5, 30), D(2026, 9, 1)):
            with one.session() as s:
                single = regenerate(s, day)
            split = regenerate_in_chunks(chunked.engine, day, chunk_customers=2)
            assert _snapshot(one) == _snapshot(chunked), day
            assert (split.written, split.superseded, split.expired) == (single.written, single.superseded,
                                                                         single.expired), day
            for book in (one, chunked):  # the seller acts on the first open task: kept by both
                with book.session() as s:
                    first = s.scalars(select(Reminder).where(Reminder.status == "open").order_by(Reminder.rule_key)
                                      ).first()
                    if first is not None:
                        mark_done(s, first.id, "contacted", dt.datetime.combine(day, dt.time(10)))
        assert len(_snapshot(one)) > 20
    finally:
        one.close()
        chunked.close()


@pytest.mark.sqlite_only  # SQLite's single write lock
def test_the_write_lock_is_free_while_reading_and_between_chunks(book, factory):
    _fill(book, factory)
    other = sqlite3.connect(book.path, timeout=0, isolation_level=None)  # another program that never waits
    seen = []

    def progress(done: int, total: int, label: str) -> None:
        other.execute("UPDATE customer SET note = ? WHERE id = (SELECT MIN(id) FROM customer)", (label,))
        seen.append(label)

    try:
        result = regenerate_in_chunks(book.engine, D(2026, 4, 12), progress=progress, chunk_customers=3)
    finally:
        other.close()
    assert seen[:4] == ["groups", "product cycle", "orders", "customers"]
    assert seen[4:] == ["write"] * 3 + ["done"] and result.written > 0  # 9 customers, 3 per chunk
    with book.session() as s:
        assert s.scalar(select(Customer.note).order_by(Customer.id).limit(1)) == "done"
        # the one-transaction pass holds the lock from its start: the same program could not write
        other = sqlite3.connect(book.path, timeout=0, isolation_level=None)
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            regenerate(s, D(2026, 4, 13), progress=progress)
        other.close()


def test_the_background_pass_of_the_app_leaves_nothing_for_one_transaction_to_do(book, factory):
    from core.reminders.service import ReminderService

    _fill(book, factory)
    first = ReminderService(book).regenerate(D(2026, 4, 12))  # chunked, on either engine
    assert first.written > 10
    with book.session() as s:
        again = regenerate(s, D(2026, 4, 12))
    assert (again.written, again.superseded, again.expired) == (0, 0, 0)


def test_a_cancelled_pass_stops_between_chunks_and_the_next_pass_writes_everything(book, factory):
    """The app closing: the pass stops between two committed chunks; the book stays whole, the next pass completes."""
    from core.reminders.generate import RegenerationCancelled

    _fill(book, factory)
    writes: list[str] = []
    with pytest.raises(RegenerationCancelled):
        regenerate_in_chunks(book.engine, D(2026, 4, 12), chunk_customers=2, is_cancelled=lambda: len(writes) > 2,
                             progress=lambda done, total, label: writes.append(label) if label == "write" else None)
    halfway = _snapshot(book)
    complete = regenerate_in_chunks(book.engine, D(2026, 4, 12), chunk_customers=2)
    assert 0 < len(halfway) < len(_snapshot(book)) and complete.written > 0
    with book.session() as s:
        again = regenerate(s, D(2026, 4, 12))
    assert (again.written, again.superseded, again.expired) == (0, 0, 0)


@pytest.mark.parametrize("scope", ["everyone", "one customer"])
def test_a_save_between_chunks_is_not_undone_by_the_later_chunks(book, factory, scope):
    """A product's cycle changed (a complete pass in its own transaction) or one customer's orders saved
    (an incremental pass) while the chunked pass writes: once it ends, nothing is left to do."""
    _fill(book, factory)
    day = D(2026, 4, 12)
    saved = []

    def progress(done: int, total: int, label: str) -> None:
        if label != "write" or saved:
            return
        with book.session() as s:  # the seller's save, between the first chunks
            if scope == "everyone":
                s.execute(text("UPDATE product SET cycle_days = 12 WHERE name = '面膜'"))
                regenerate(s, day)
            else:
                last = s.scalar(select(func.max(Customer.id)))
                s.execute(text("UPDATE customer SET birth_month = 4, birth_day = 20 WHERE id = :id"), {"id": last})
                regenerate(s, day, [last])
            s.commit()
        saved.append(label)

    regenerate_in_chunks(book.engine, day, progress=progress, chunk_customers=2)
    assert saved
    with book.session() as s:
        again = regenerate(s, day)
    assert (again.written, again.superseded, again.expired) == (0, 0, 0)


def test_slow_chunks_shrink_to_fewer_customers_and_write_the_same(book, factory, monkeypatch):
    """Chunks are sized by their time (a first pass inserting most tasks wrote 1000 customers in 140–260 ms on
    the 100k book while a save waited): each chunk longer than CHUNK_SECONDS makes the next one smaller."""
    from core.reminders import generate

    _fill(book, factory)
    monkeypatch.setattr(generate, "CHUNK_SECONDS", 1e-9)  # every chunk too long: from 4 customers down to 1
    labels: list[str] = []
    result = regenerate_in_chunks(book.engine, D(2026, 4, 12), chunk_customers=4,
                                  progress=lambda done, total, label: labels.append(label))
    assert labels.count("write") == 5  # 9 customers: 4, 2, 1, 1, 1 (not 4, 4, 1)
    assert result.written > 10
    with book.session() as s:
        again = regenerate(s, D(2026, 4, 12))
    assert (again.written, again.superseded, again.expired) == (0, 0, 0)


def test_next_width_follows_the_chunks_time():
    from core.book.turns import next_width
    from core.reminders.generate import CHUNK_SECONDS

    assert next_width(1000, CHUNK_SECONDS * 4, 1000, CHUNK_SECONDS) == 500  # at most halved at once
    assert next_width(100, CHUNK_SECONDS / 10, 1000, CHUNK_SECONDS) == 200  # at most doubled
    assert next_width(800, CHUNK_SECONDS / 10, 1000, CHUNK_SECONDS) == 1000  # never past chunk_customers
    assert next_width(50, 10.0, 1000, CHUNK_SECONDS) == 50  # never below a twentieth of it


@pytest.mark.sqlite_only  # the write-ahead log
def test_the_log_is_copied_into_the_book_after_the_chunks_not_inside_their_commits(book, factory):
    """The chunks' connection checkpoints after its commits (no write lock held), and goes back to the pool
    with SQLite's automatic checkpoint on again."""
    _fill(book, factory)
    checkpoints: list[str] = []

    def seen(_conn, _cursor, statement, _params, _context, _many) -> None:
        if "wal_checkpoint" in statement or "wal_autocheckpoint" in statement:
            checkpoints.append(statement)

    event.listen(book.engine, "before_cursor_execute", seen)
    try:
        regenerate_in_chunks(book.engine, D(2026, 4, 12), chunk_customers=3)
    finally:
        event.remove(book.engine, "before_cursor_execute", seen)
    assert checkpoints[0] == "PRAGMA wal_autocheckpoint = 0" and checkpoints[-1] == "PRAGMA wal_autocheckpoint = 1000"
    assert "PRAGMA wal_checkpoint(PASSIVE)" in checkpoints  # after the first chunk at least (nothing known yet)
    connections = [book.engine.connect() for _ in range(3)]
    try:
        assert {c.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar() for c in connections} == {1000}
    finally:
        for c in connections:
            c.close()
