"""Each migration after the first released schema: a book of the schema before it upgrades with nothing lost
and with what the migration adds filled in (tests/fixtures/book-0001.book is the oldest released book)."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import select

from core import customer_stats
from core.book import schema
from core.book.db import Book
from core.book.models import Customer
from tests.core.book_files import copy_fixture_0001

pytestmark = pytest.mark.sqlite_only


def _rows(path, sql: str) -> list[tuple]:
    con = sqlite3.connect(path)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_0003_adds_the_customers_cycle_days_filled_from_their_last_purchase(tmp_path):
    path = copy_fixture_0001(tmp_path / "old.book")
    customers_before = _rows(path, "SELECT id, name, phone, total_spend_cents, purchase_days FROM customer ORDER BY id")
    assert "cycle_days" not in [row[1] for row in _rows(path, "PRAGMA table_info(customer)")]
    with Book.open(path, backup_root=tmp_path / "bk") as book:
        assert schema.current_revision(book.engine) == schema.HEAD
        with book.session() as s:
            filled = s.scalars(select(Customer.cycle_days).where(Customer.cycle_days.is_not(None))).all()
            assert customer_stats.refresh(s) == 0  # the upgrade already left every derived figure right
    assert filled, "the fixture's buyers of products with a cycle get a cycle_days"
    after = _rows(path, "SELECT id, name, phone, total_spend_cents, purchase_days FROM customer ORDER BY id")
    assert after == customers_before


def test_0004_adds_the_products_suggested_cycles_computed_from_the_purchases(tmp_path):
    path = copy_fixture_0001(tmp_path / "old.book")
    products_before = _rows(path, "SELECT id, name, cycle_days, lead_days FROM product ORDER BY id")
    with Book.open(path, backup_root=tmp_path / "bk"):
        pass
    after = _rows(path, "SELECT id, name, cycle_days, lead_days FROM product ORDER BY id")
    assert after == products_before
    basis = _rows(path, "SELECT suggestion_basis, suggested_cycle_days FROM product")
    assert all(count >= 0 for count, _ in basis)
    assert any(count > 0 and days for count, days in basis), "the fixture's repeat buyers give suggestions"


def test_0005_adds_the_reference_indexes_and_changes_no_row(tmp_path):
    from core.book.models import REFERENCE_INDEXES

    path = copy_fixture_0001(tmp_path / "old.book")
    names = {f"ix_{table}_{column}" for table, column in REFERENCE_INDEXES}
    indexes = "SELECT name FROM sqlite_master WHERE type = 'index'"
    assert not names & {name for (name,) in _rows(path, indexes)}
    counts = "SELECT (SELECT count(*) FROM customer), (SELECT count(*) FROM orders), (SELECT count(*) FROM reminder)"
    before = _rows(path, counts)
    with Book.open(path, backup_root=tmp_path / "bk") as book:
        assert schema.current_revision(book.engine) == schema.HEAD
    assert names <= {name for (name,) in _rows(path, indexes)}
    assert _rows(path, counts) == before
    partial = _rows(path, "SELECT sql FROM sqlite_master WHERE name = 'ix_customer_referred_by_id'")[0][0]
    assert partial.endswith("WHERE referred_by_id IS NOT NULL")


def test_the_indexes_an_import_killed_halfway_dropped_are_back_before_any_migration(tmp_path, monkeypatch):
    """A big import drops plain indexes and builds them after its rows (core.excel.deferred_indexes); killed
    halfway, it leaves them dropped until its batch is undone, which happens after the book is opened and upgraded.
    A migration touching one of them would fail on such a book: they are built again before any migration runs."""
    import json

    from alembic import command

    from core.excel.batches import recover_unfinished_imports

    path = copy_fixture_0001(tmp_path / "old.book")
    con = sqlite3.connect(path)
    with con:
        sql = con.execute("SELECT sql FROM sqlite_master WHERE name = 'ix_orders_status'").fetchone()[0]
        con.execute("DROP INDEX ix_orders_status")
        con.execute("INSERT INTO import_batch VALUES (900, 'ExportOrderList.xlsx', 'Sheet1', 'taobao', "
                    "'2026-12-07 06:00:00', 'running', NULL, 0, 0, 0, 0, 0, 0, 0, '{}')")
        con.execute("INSERT INTO import_change (batch_id, table_name, row_id, old_values_json) VALUES (900, ?, 0, ?)",
                    (schema.DROPPED_INDEX, json.dumps({"name": "ix_orders_status", "sql": sql})))
    con.close()
    seen = []
    upgrade = command.upgrade

    def upgrade_watched(config, revision, *args, **kwargs):
        connection = config.attributes["connection"]
        seen.append(connection.exec_driver_sql(
            "SELECT count(*) FROM sqlite_master WHERE name = 'ix_orders_status'").scalar())
        return upgrade(config, revision, *args, **kwargs)

    monkeypatch.setattr(command, "upgrade", upgrade_watched)
    with Book.open(path, backup_root=tmp_path / "bk") as book:
        assert seen == [1], "the migrations ran on a book without the index"
        assert _rows(path, "SELECT status FROM import_batch WHERE id = 900") == [("running",)]
        assert recover_unfinished_imports(book) == [900]  # the batch's undo, after the upgrade, as before
    assert _rows(path, "SELECT sql FROM sqlite_master WHERE name = 'ix_orders_status'") == [(sql,)]
    assert _rows(path, "SELECT status FROM import_batch WHERE id = 900") != [("running",)]
