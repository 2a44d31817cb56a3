"""The few SQL differences between SQLite and PostgreSQL, kept in one place.

Everything else in core is dialect-neutral SQLAlchemy. Each helper here takes the dialect name
(`book.engine.dialect.name` or `session.bind.dialect.name`) and returns one SQL expression.
"""

from __future__ import annotations

import datetime as dt
import zlib

from sqlalchemy import Integer, cast, func, literal, select, text
from sqlalchemy.orm import Session


def dialect_of(session: Session) -> str:
    """"sqlite" or "postgresql": the engine behind a session."""
    return session.get_bind().dialect.name


def days_since_sql(today: dt.date, column, dialect: str = "sqlite"):
    """Whole days from a date column to `today`.

    SQLite stores dates as text: julianday() turns both into day numbers. PostgreSQL subtracts dates
    natively and returns an integer.
    """
    if dialect == "sqlite":
        return cast(func.julianday(literal(today.isoformat())) - func.julianday(column), Integer)
    return literal(today) - column


def contains_ci(column, pattern: str, dialect: str = "sqlite"):
    """`column` matches a LIKE pattern (escape "\\"), ignoring ASCII case as SQLite's LIKE does.

    SQLite's LIKE already ignores ASCII case (and keeps using the column's index); PostgreSQL's is
    case-sensitive, so it gets ILIKE. Tracking numbers like "SF123" then match "sf123" on both.
    """
    if dialect == "sqlite":
        return column.like(pattern, escape="\\")
    return column.ilike(pattern, escape="\\")


def lock_rows_for_update(session: Session, table, ids: list[int] | None) -> None:
    """Lock these rows of `table` (all rows when `ids` is None) until the transaction ends.

    A read-then-write (recompute figures from orders, then store them) must not interleave with another
    person's on PostgreSQL: READ COMMITTED would let the later writer store figures computed without the
    earlier one's order. Locking first (in id order, so two lockers cannot deadlock) makes the next
    statement see everything committed before. FOR NO KEY UPDATE leaves inserts of child rows (an order
    referencing the customer) free. SQLite has one writer at a time and needs nothing.
    """
    if dialect_of(session) == "sqlite":
        return
    stmt = select(table.c.id).order_by(table.c.id).with_for_update(key_share=True)
    if ids is not None:
        stmt = stmt.where(table.c.id.in_(ids))
    session.execute(stmt)


_APP_LOCK_SPACE = 0x48554954  # "HUIT": the first half of every advisory lock key this app takes


def one_at_a_time(connection, name: str) -> None:
    """Until this transaction ends, nobody else runs the section called `name` on this book.

    For whole-book writers that read before they write (an import matching existing orders, a migration):
    on PostgreSQL a transaction-level advisory lock, so a second import waits for the first to commit and
    then finds its orders instead of colliding with them. A SQLite book has one writer at a time anyway
    (its lock file and write lock) and needs nothing. `connection` is a Connection or a Session.
    """
    bind = connection.get_bind() if isinstance(connection, Session) else connection
    if bind.dialect.name != "postgresql":
        return
    key = zlib.crc32(name.encode("utf-8")) - 2**31  # a stable signed 32-bit number per name
    connection.execute(text("SELECT pg_advisory_xact_lock(:space, :key)"), {"space": _APP_LOCK_SPACE, "key": key})


def serialize_migrations(connection) -> None:
    """Let only one app at a time migrate a shared book (two people opening an empty database at once):
    the second waits, then finds the schema current."""
    one_at_a_time(connection, "migrate")
