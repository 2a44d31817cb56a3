"""The book's change counter: every committed write bumps it, so a window can poll "anything new?" cheaply.

Choice (issue #10): an application-side counter row rather than PostgreSQL triggers or a sequence. A
listener on each engine notes when a transaction runs an INSERT, UPDATE or DELETE and, just before that
transaction commits, upserts `book_change` (id 1) to counter + 1 in the same transaction — so the bump
is committed exactly when the write is, and a rolled-back write bumps nothing. The same SQL works on
SQLite and PostgreSQL, covers ORM sessions, bulk Core statements and importers alike, and costs one
tiny statement per write transaction (a 100,000-row import is one transaction, so one bump). On
PostgreSQL the row lock is taken at the very end of a write and released by its commit, so writers
queue on it only for that instant. Readers (`read_counter`) never block and never bump.

Each engine also remembers the counter values its own commits produced (`RETURNING counter`), so a window
polling the counter can tell its own background writes (a regeneration) from other programs' writes (the
command line's import, another person on a shared book): `written_by_others`.
"""

from __future__ import annotations

import weakref
from collections import deque

from sqlalchemy import event, text
from sqlalchemy.engine import Connection, Engine

_WROTE = "huitouke_wrote"
_WRITE_VERBS = ("INSERT", "UPDATE", "DELETE", "REPLACE")
BUMP_SQL = ("INSERT INTO book_change (id, counter) VALUES (1, 1) "
            "ON CONFLICT (id) DO UPDATE SET counter = book_change.counter + 1 RETURNING counter")
_OWN_KEPT = 10_000  # own counter values remembered per engine
_own: weakref.WeakKeyDictionary[Engine, deque[int]] = weakref.WeakKeyDictionary()


def is_write(statement: str) -> bool:
    """True for an INSERT, UPDATE, DELETE or REPLACE statement."""
    return statement.lstrip()[:7].upper().startswith(_WRITE_VERBS)


def _on_begin(conn: Connection) -> None:
    conn.info.pop(_WROTE, None)


def _after_execute(conn: Connection, _cursor, statement: str, _params, _context, _many) -> None:
    if is_write(statement):
        conn.info[_WROTE] = True


def _before_commit(conn: Connection) -> None:
    # Runs before the DBAPI commit, inside the transaction being committed.
    if conn.info.pop(_WROTE, False):
        cursor = conn.connection.cursor()
        try:
            cursor.execute(BUMP_SQL)
            row = cursor.fetchone()
        finally:
            cursor.close()
        if row is not None:
            _own.setdefault(conn.engine, deque(maxlen=_OWN_KEPT)).append(row[0])


def forget_writes(connection) -> None:
    """The writes so far in this transaction touched only temporary tables: its commit is not a change of
    the book (and must not take the book's write lock to bump the counter). `connection`: a Connection or
    a Session bound to one."""
    conn = connection.connection() if hasattr(connection, "get_bind") else connection
    conn.info.pop(_WROTE, None)


def _on_rollback(conn: Connection) -> None:
    conn.info.pop(_WROTE, None)


def count_writes(engine: Engine) -> None:
    """Make every committed write on `engine` bump the change counter (see the module docstring)."""
    event.listen(engine, "begin", _on_begin)
    event.listen(engine, "after_cursor_execute", _after_execute)
    event.listen(engine, "commit", _before_commit)
    event.listen(engine, "rollback", _on_rollback)


def read_counter(engine: Engine) -> int:
    """The current counter (0 for a book nobody has written to yet)."""
    with engine.connect() as conn:
        return conn.execute(text("SELECT counter FROM book_change WHERE id = 1")).scalar() or 0


def written_by_others(engine: Engine, before: int, after: int) -> bool:
    """Whether a counter that moved from `before` to `after` moved for any commit not made through `engine`
    (this process). A counter that went back (the book was replaced) counts as written by others."""
    if after <= before:
        return after < before
    own = _own.get(engine, ())
    if after - before > len(own):
        return True
    mine = set(own)
    return any(value not in mine for value in range(before + 1, after + 1))
