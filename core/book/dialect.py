"""The few SQL differences between SQLite and PostgreSQL, kept in one place.

Everything else in core is dialect-neutral SQLAlchemy. Each helper here takes the dialect name
(`book.engine.dialect.name` or `session.bind.dialect.name`) and returns one SQL expression.
"""

from __future__ import annotations

import datetime as dt
import typing
import zlib
from collections.abc import Iterable, Iterator
from typing import Any

from sqlalchemy import CursorResult, Integer, Result, Table, cast, func, literal, select, text
from sqlalchemy.orm import Session

IN_LIST_SIZE = 500  # values per IN (…) list: well under SQLite's and PostgreSQL's bind-parameter limits


def in_chunks(values: Iterable, size: int = IN_LIST_SIZE) -> Iterator[list]:
    """`values` in lists of at most `size`, for `column.in_(chunk)` filters over any number of values."""
    batch: list = []
    for value in values:
        batch.append(value)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


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

    For whole-book writers that read before they write (reminder regeneration, an import matching
    existing orders). On PostgreSQL a transaction-level advisory lock per name: a second pass waits for
    the first to commit and then sees its rows instead of colliding with them. On SQLite the transaction
    takes the book's write lock now (a no-op UPDATE) rather than at its first write: a pass that first
    read under a snapshot and then found another writer had committed would fail at once with "database
    is locked"; this way the second waits its turn (busy_timeout), whatever the name.
    `connection` is a Connection or a Session.
    """
    bind = connection.get_bind() if isinstance(connection, Session) else connection
    if bind.dialect.name == "sqlite":
        connection.execute(text("UPDATE book_change SET counter = counter WHERE id = -1"))
        return
    _advisory_lock(connection, name)


def _advisory_lock(connection, name: str) -> None:
    key = zlib.crc32(name.encode("utf-8")) - 2**31  # a stable signed 32-bit number per name
    connection.execute(text("SELECT pg_advisory_xact_lock(:space, :key)"), {"space": _APP_LOCK_SPACE, "key": key})


def serialize_migrations(connection) -> None:
    """Let only one app at a time migrate a shared book (two people opening an empty database at once):
    the second waits, then finds the schema current. A book file has its lock file instead."""
    if connection.dialect.name == "postgresql":
        _advisory_lock(connection, "migrate")


class RawSql:
    """Fragments of hand-written SQL (the reminder engine's set-based statements) for one dialect.

    For SQLite each fragment is exactly what the engine was written and measured with; PostgreSQL gets
    the equivalent. Day numbers are Julian day numbers on both (SQLite's julianday(); on PostgreSQL the
    date's distance from 2000-01-01, which is Julian day 2451544.5), so Python-side `:..._jd` parameters
    mean the same everywhere.
    """

    def __init__(self, dialect: str) -> None:
        self.sqlite = dialect == "sqlite"

    @classmethod
    def of(cls, session: Session) -> RawSql:
        return cls(dialect_of(session))

    def true(self) -> str:
        """Boolean true as compared with `col = ...` (SQLite keeps using the column's index with 1)."""
        return "1" if self.sqlite else "true"

    def cross_join(self) -> str:
        """An inner join written so SQLite keeps the join order (CROSS JOIN); a plain JOIN elsewhere."""
        return "CROSS JOIN" if self.sqlite else "JOIN"

    def no_index(self, condition: str) -> str:
        """SQLite's unary "+" that keeps the planner off an index; plain elsewhere."""
        return condition if self.sqlite else condition.lstrip("+")

    def table_scan(self, table: str) -> str:
        """A FROM item read in table order: SQLite's NOT INDEXED (its planner would otherwise walk an index
        for a GROUP BY and read the table in random order); plain elsewhere."""
        return f"{table} NOT INDEXED" if self.sqlite else table

    def column_type(self, kind: str) -> str:
        """Temporary-table column types: "date", "datetime", "real" (SQLite keeps text and REAL)."""
        if self.sqlite:
            return {"date": "TEXT", "datetime": "TEXT", "real": "REAL"}[kind]
        return {"date": "DATE", "datetime": "TIMESTAMP", "real": "DOUBLE PRECISION"}[kind]

    def plus_days(self, expr: str, days: int) -> str:
        """The date `days` (may be negative) after the date or datetime `expr`."""
        if self.sqlite:
            return f"date({expr}, '{days} days')"
        return f"(CAST({expr} AS DATE) + {days})"

    def minus_days(self, expr: str, days_sql: str) -> str:
        """The date `days_sql` (an SQL integer expression) before `expr`."""
        if self.sqlite:
            return f"date({expr}, '-' || ({days_sql}) || ' days')"
        return f"(CAST({expr} AS DATE) - ({days_sql}))"

    def day_number(self, expr: str) -> str:
        """The Julian day number of a date or datetime's date."""
        if self.sqlite:
            return f"julianday({expr})"
        return f"(CAST({expr} AS DATE) - DATE '2000-01-01' + 2451544.5)"

    def date_of_day_number(self, expr: str) -> str:
        """The date of a Julian day number (the inverse of `day_number`)."""
        if self.sqlite:
            return f"date({expr})"
        return f"(DATE '2000-01-01' + CAST(FLOOR(({expr}) - 2451544.5) AS INTEGER))"

    def days_between(self, later: str, earlier: str) -> str:
        """Whole days from date `earlier` to date `later`."""
        if self.sqlite:
            return f"CAST(julianday({later}) - julianday({earlier}) AS INTEGER)"
        return f"({later} - {earlier})"

    def json_object(self, *pairs: str) -> str:
        """A JSON object as text from alternating SQL key and value expressions."""
        if self.sqlite:
            return f"json_object({', '.join(pairs)})"
        return f"CAST(json_build_object({', '.join(pairs)}) AS TEXT)"

    def greatest(self, a: str, b: str) -> str:
        return f"MAX({a}, {b})" if self.sqlite else f"GREATEST({a}, {b})"

    def differs(self, a: str, b: str) -> str:
        """`a` and `b` differ, NULL counting as a value."""
        return f"{a} IS NOT {b}" if self.sqlite else f"{a} IS DISTINCT FROM {b}"

    def value(self, value: dt.date | dt.datetime):
        """A date or datetime parameter: ISO text for SQLite's text columns, typed for PostgreSQL (which
        will not compare a date column with text)."""
        if not self.sqlite:
            return value
        return value.isoformat(sep=" ") if isinstance(value, dt.datetime) else value.isoformat()


def rowcount(result: Result[Any]) -> int:
    """How many rows an INSERT, UPDATE or DELETE run through `Session.execute` changed (its CursorResult's
    rowcount; the generic Result type SQLAlchemy declares for `execute` does not show it)."""
    return typing.cast("CursorResult[Any]", result).rowcount


def table_of(model: type) -> Table:
    """The Core table of a mapped class of this book (every model is mapped to one Table)."""
    return typing.cast(Table, model.__table__)  # type: ignore[attr-defined]
