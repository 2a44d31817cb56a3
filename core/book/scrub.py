"""Erasing customers for good (PIPL): the statements that remove every trace of them, and the same done to
every backup of the book, so an erased customer is found in no file under the data folder.

A backup is rewritten through SQLite, never edited as bytes: decompressed into the private backup folder,
the customers deleted with `secure_delete` and foreign keys on (orders, tasks, logs and cases follow them),
VACUUMed (no free page keeps the old rows), quick_checked, compressed and verified (core.book.backup),
then put in the old one's place. A backup that cannot be rewritten (damaged, unreadable) is named in the
result instead — the caller says so plainly.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import delete, select, update

from core.book import backup, guard
from core.book.models import Customer, ImportChange, Order
from core.errors import HuitoukeError


def erase_statements(ids: Sequence[int]) -> list:
    """What removes customers `ids` and every trace of them, in order (run in one transaction with
    foreign keys on: orders, tasks, contacts, cases and tags cascade from the customer)."""
    ids = list(ids)
    order_ids = select(Order.id).where(Order.customer_id.in_(ids))
    return [
        update(Customer).where(Customer.referred_by_id.in_(ids)).values(referred_by_id=None)
        .execution_options(synchronize_session=False),
        delete(ImportChange).where(ImportChange.table_name == "customer", ImportChange.row_id.in_(ids)),
        delete(ImportChange).where(ImportChange.table_name == "orders", ImportChange.row_id.in_(order_ids)),
        delete(Customer).where(Customer.id.in_(ids)),
    ]


@dataclass(frozen=True)
class Person:
    """Who is erased, as a backup may hold them: the id, and what confirms it is the same person there."""

    id: int
    name: str
    phone_norm: str


@dataclass
class ScrubResult:
    rewritten: list[Path] = field(default_factory=list)
    unreachable: list[Path] = field(default_factory=list)  # backups that could not be rewritten


def erase_from_backups(book_path: Path, people: Sequence[Person], *, root: Path | None = None) -> ScrubResult:
    """Remove `people` from every backup of the book (see the module docstring)."""
    result = ScrubResult()
    if not people:
        return result
    for info in backup.list_backups(book_path, root=root):
        try:
            with backup.opened_copy(info.path) as plain:
                work = plain if plain != info.path else _copy_of(info.path)
                try:
                    _erase_in(work, people)
                    if guard.integrity_problems(work, full=False):
                        raise HuitoukeError("scrub_failed")
                    final = info.path if info.path.name.endswith(".gz") else info.path.with_name(info.path.name + ".gz")
                    packed = final.with_name(final.name + backup.PARTIAL)
                    backup.compress_verified(work, packed)
                    packed.replace(final)
                    if final != info.path:
                        info.path.unlink()
                finally:
                    if work != plain:
                        work.unlink(missing_ok=True)
            result.rewritten.append(final)
        except (HuitoukeError, sqlite3.Error, OSError):
            result.unreachable.append(info.path)
    return result


def _copy_of(path: Path) -> Path:
    work = path.with_name(path.name + ".scrub" + backup.PARTIAL)
    work.write_bytes(path.read_bytes())
    return work


def _erase_in(path: Path, people: Sequence[Person]) -> None:
    from sqlalchemy import create_engine

    engine = create_engine(f"sqlite:///{path}", hide_parameters=True)
    try:
        with engine.begin() as conn:
            conn.exec_driver_sql("PRAGMA foreign_keys=ON")
            conn.exec_driver_sql("PRAGMA secure_delete=ON")
            ids: set[int] = set()
            for p in people:
                same = (Customer.name == p.name) | ((Customer.phone_norm == p.phone_norm) & (p.phone_norm != ""))
                ids.update(conn.scalars(select(Customer.id).where(Customer.id == p.id, same)))
                if p.phone_norm:
                    ids.update(conn.scalars(select(Customer.id).where(Customer.phone_norm == p.phone_norm)))
            for statement in erase_statements(sorted(ids)):
                conn.execute(statement)
        with engine.connect() as conn:
            conn.exec_driver_sql("VACUUM")
    finally:
        engine.dispose()
