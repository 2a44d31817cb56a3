"""Bulk INSERTs of many rows inside a session's transaction, at the speed of SQLite's executemany (the import's
writer, core.excel.writer, inserts its customers, orders, lines and undo records with them), and the cut of
text to a column's declared length that PostgreSQL needs."""

from __future__ import annotations

import datetime as dt
from operator import itemgetter, methodcaller
from typing import Any

from sqlalchemy import Date, DateTime, String, insert
from sqlalchemy.orm import Session


def fit_to_lengths(row: dict[str, Any], lengths: dict[str, int]) -> dict[str, Any]:
    """Cut text to the column's declared length (PostgreSQL enforces it; SQLite does not)."""
    for name, limit in lengths.items():
        value = row.get(name)
        if isinstance(value, str) and len(value) > limit:
            row[name] = value[:limit]
    return row


def bulk_insert(session: Session, table, rows: list[dict[str, Any]]) -> None:
    """INSERT many rows (all with the same keys) inside the session's transaction; see bulk_insert_columns."""
    bulk_insert_columns(session, table, columns_of(rows))


def columns_of(rows: list[dict[str, Any]]) -> dict[str, list[Any]]:
    """Rows that all have the same keys, as columns (key → values in row order); {} for no rows."""
    if not rows:
        return {}
    names = list(rows[0])
    by_row = map(itemgetter(*names), rows) if len(names) > 1 else ((row[names[0]],) for row in rows)
    return dict(zip(names, map(list, zip(*by_row, strict=True)), strict=True))


def bulk_insert_columns(session: Session, table, columns: dict[str, list[Any]]) -> None:
    """INSERT one row per position of ``columns`` (column name → values, all lists of one length) inside the
    session's transaction; columns not given take their defaults.

    On SQLite this is one DB-API executemany with SQLAlchemy's own bind processors and column defaults,
    applied a column at a time (the Core executemany path spends more time building parameters than SQLite
    spends inserting); other databases get ``session.execute(insert(table), rows)`` with their length
    limits applied.
    """
    names = list(columns)
    count = len(columns[names[0]]) if names else 0
    if not count:
        return
    connection = session.connection()
    dialect = connection.dialect
    if dialect.name != "sqlite":
        lengths = text_lengths(table)
        session.execute(insert(table), [fit_to_lengths(dict(zip(names, values, strict=True)), lengths)
                                        for values in zip(*columns.values(), strict=True)])
        return
    values_by_column = []
    for name, values in columns.items():
        process = _bind_processor(table.c[name].type, dialect)
        if process is not None:
            values = list(map(process, values)) if None not in values else [
                None if value is None else process(value) for value in values]
        values_by_column.append(values)
    for column in table.columns:
        if column.name not in columns and column.default is not None and not column.primary_key:
            argument = column.default.arg
            value = argument(None) if callable(argument) else argument
            process = _bind_processor(column.type, dialect)
            names.append(column.name)
            values_by_column.append([value if value is None or process is None else process(value)] * count)
    quote = dialect.identifier_preparer.quote
    statement = (f"INSERT INTO {quote(table.name)} ({', '.join(quote(name) for name in names)}) "
                 f"VALUES ({', '.join('?' * len(names))})")
    connection.exec_driver_sql(statement, list(zip(*values_by_column, strict=True)))


_SAMPLE_MOMENT = dt.datetime(2024, 5, 3, 10, 1, 2, 345678)
def _bind_processor(column_type, dialect):
    """SQLAlchemy's bind processor for a column type, or an equivalent C-speed one for dates and times
    (used only when it gives exactly the same text as SQLAlchemy's for a sample value)."""
    process = column_type._cached_bind_processor(dialect)
    if process is None:
        return None
    for fast, sample in ((methodcaller("isoformat", " ", "microseconds"), _SAMPLE_MOMENT),
                         (dt.date.isoformat, _SAMPLE_MOMENT.date())):
        if isinstance(column_type, DateTime if isinstance(sample, dt.datetime) else Date):
            try:
                if process(sample) == fast(sample):
                    return fast
            except (TypeError, ValueError):
                pass
    return process


def text_lengths(table) -> dict[str, int]:
    """The declared lengths of a table's text columns (column name → length), for fit_to_lengths."""
    return {column.name: column.type.length for column in table.columns
            if isinstance(column.type, String) and column.type.length}
