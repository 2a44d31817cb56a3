"""The few SQL differences between SQLite and PostgreSQL, kept in one place.

Everything else in core is dialect-neutral SQLAlchemy. Each helper here takes the dialect name
(`book.engine.dialect.name` or `session.bind.dialect.name`) and returns one SQL expression.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Integer, cast, func, literal, select
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


_MIGRATION_LOCK_KEY = 0x48554954_4B450001  # any fixed number; names this app's migrations on the server


def serialize_migrations(connection) -> None:
    """Let only one app at a time migrate a shared book (two people opening an empty database at once).

    On PostgreSQL a transaction-level advisory lock: the second waits, then finds the schema current.
    A SQLite book has its lock file and needs nothing.
    """
    if connection.dialect.name == "postgresql":
        connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_MIGRATION_LOCK_KEY})")
