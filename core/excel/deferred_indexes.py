"""A big import into a (nearly) empty SQLite book builds the customer, order and order line tables' plain indexes
after its rows instead of along them (issue #18): one sort per index instead of a B-tree insert per row and index
(the customer table has 21 of them). 50,000 orders and 18,000 new customers: ≈ 0.2 s CPU less.

Safe because:
- only non-unique indexes made by CREATE INDEX are dropped (``PRAGMA index_list``: origin ``c``); primary keys
  and unique constraints stay, so no duplicate can get in meanwhile;
- the drop is committed together with one ``import_change`` line per index holding its exact CREATE statement
  (from ``sqlite_master``), in a chunk after the batch row was committed ``running``. A reader meanwhile (the
  app, another program) gets the same rows, only found without those indexes; a row saved meanwhile is
  indexed when the index is built again;
- the writer builds them again before anything reads by them (the figures, the reminders), then deletes the
  lines. An import that fails, is cancelled or is killed leaves a ``running`` batch whose undo
  (core.excel.batches.undo_import, at once or at the next open) first builds what its lines name
  (``CREATE INDEX IF NOT EXISTS``, nothing if it is there) and only then deletes the rows. A book that must be
  migrated first gets them back before the migration runs (core.book.schema.restore_dropped_indexes).

PostgreSQL books keep their indexes: DROP INDEX holds an exclusive lock on the table until the commit, which
would stop the other users' reads of a shared book; and nothing was measured there.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from sqlalchemy import delete, select, text
from sqlalchemy.orm import Session

from core.book.models import ImportChange
from core.book.schema import DROPPED_INDEX, index_again

DEFERRED = DROPPED_INDEX  # import_change.table_name of an index dropped for the import (old_values_json: its SQL)
MIN_ROWS = 5000  # new rows of a table below which its indexes are kept (the gain is small, the rebuild a pass)
AT_MOST_EXISTING = 4  # and the table may already hold at most a quarter of them (a rebuild sorts them all)


def worth_deferring(session: Session, new_rows: dict[str, int]) -> list[str]:
    """The tables of ``new_rows`` (table → rows about to be inserted) whose indexes are better built after."""
    if session.get_bind().dialect.name != "sqlite" or session.execute(text(
            "SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'")).first() is not None:
        return []  # (a book someone ran ANALYZE on: dropping an index drops its statistics too)
    chosen = []
    for table, count in new_rows.items():
        if count >= MIN_ROWS:
            existing = session.execute(text(f'SELECT count(*) FROM "{table}"')).scalar_one()
            if existing * AT_MOST_EXISTING <= count:
                chosen.append(table)
    return chosen


def drop(session: Session, tables: list[str], record: Callable[[str, int, Any], None]) -> None:
    """Drop the plain indexes of ``tables``, each recorded (``record(DEFERRED, 0, {"sql": ...})``, committed
    with the drop by the caller) so that the batch's undo can build it again."""
    for table in tables:
        names = [row[1] for row in session.execute(text(f'PRAGMA index_list("{table}")'))
                 if not row[2] and row[3] == "c"]
        for name in sorted(names):
            sql = session.execute(text("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = :name"),
                                  {"name": name}).scalar_one()
            record(DEFERRED, 0, {"name": name, "sql": sql})
            session.execute(text(f'DROP INDEX "{name}"'))


def rebuild(session: Session, batch_id: int, step: Callable[[], None]) -> None:
    """Build the batch's dropped indexes again, ``step()`` after each (a chunk may end there); then forget them."""
    for sql in _statements(session, batch_id):
        session.execute(text(sql))
        step()
    session.execute(delete(ImportChange).where(ImportChange.batch_id == batch_id,
                                               ImportChange.table_name == DEFERRED))


def restore(session: Session, batch_id: int) -> None:
    """Before an unfinished batch is undone: its dropped indexes built again (those already there are kept)."""
    for sql in _statements(session, batch_id):
        session.execute(text(sql))


def _statements(session: Session, batch_id: int) -> list[str]:
    """The CREATE INDEX IF NOT EXISTS statement of each index the batch dropped, in the order they were dropped."""
    lines = session.scalars(select(ImportChange.old_values_json).where(
        ImportChange.batch_id == batch_id, ImportChange.table_name == DEFERRED).order_by(ImportChange.id)).all()
    return [index_again(json.loads(line)["sql"]) for line in lines]
