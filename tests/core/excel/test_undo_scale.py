"""Undoing a large import does work in proportion to what it deletes, not to that squared.

Undoing an import of 18,000 customers took 50 s: every customer deleted made SQLite scan the whole customer table
for others it had referred (customer.referred_by_id had no index), and every order deleted scanned the tables
that may point at an order. Counted in SQLite virtual-machine steps (its progress handler), not in seconds."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import event, func, select

from core.book.models import REFERENCE_INDEXES, UNINDEXED_REFERENCES, Customer
from core.excel.batches import undo_import
from core.excel.importer import ImportOptions, run_import
from tests.core.excel.files import taobao_rows, write_csv

pytestmark = pytest.mark.sqlite_only

STEP = 1_000  # the progress handler is called every STEP virtual-machine instructions


def _steps_of_undo(book, batch_id: int) -> int:
    """The virtual-machine instructions the undo's statements ran (in thousands), on every connection it used."""
    counted = [0]

    def count() -> int:
        counted[0] += 1
        return 0  # (go on)

    def watch(conn, _cursor, _statement, _parameters, _context, _executemany) -> None:
        conn.connection.dbapi_connection.set_progress_handler(count, STEP)

    event.listen(book.engine, "before_cursor_execute", watch)
    try:
        undo_import(book, batch_id)
    finally:
        event.remove(book.engine, "before_cursor_execute", watch)
    return counted[0]


def _customers(book) -> int:
    with book.session() as session:
        return session.scalar(select(func.count()).select_from(Customer))


def test_undoing_an_import_costs_a_bounded_number_of_steps_per_row(book, tmp_path):
    rows = taobao_rows(3_000, buyers=2_000)
    result = run_import(book, write_csv(tmp_path / "ExportOrderList.csv", rows), ImportOptions(backup=False))
    created = result.customers_created
    assert created > 1_500 and _customers(book) == created
    steps = _steps_of_undo(book, result.batch_id)
    assert _customers(book) == 0
    # With the indexes: ≈ 290 steps a row deleted (1,300 thousand for 1,527 customers and 3,000 orders). Without
    # the index on referred_by_id every customer deleted reads all the others: 9,400 thousand, and growing with
    # the square of the customers.
    assert steps * STEP < 600 * (created + len(rows)), f"{steps} thousand steps for {created} customers"


def test_every_foreign_key_a_delete_follows_starts_some_index(book):
    """What the indexes are for, checked on the schema itself: every child column of a foreign key with an
    ON DELETE action is the first column of an index of its table (else a delete of its parent scans it)."""
    path = book.path
    connection = sqlite3.connect(path)
    try:
        tables = [name for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        unindexed = []
        for table in tables:
            first_columns = {connection.execute(f"SELECT name FROM pragma_index_info('{index}') WHERE seqno = 0")
                             .fetchone()[0] for (index,) in connection.execute(
                                 f"SELECT name FROM pragma_index_list('{table}')")}
            for (column, on_delete) in connection.execute(
                    f'SELECT "from", on_delete FROM pragma_foreign_key_list(\'{table}\')'):
                if on_delete in ("CASCADE", "SET NULL") and column not in first_columns:
                    unindexed.append(f"{table}.{column}")
    finally:
        connection.close()
    assert sorted(unindexed) == sorted(f"{table}.{column}" for table, column in UNINDEXED_REFERENCES)
    assert ("customer", "referred_by_id") in REFERENCE_INDEXES
