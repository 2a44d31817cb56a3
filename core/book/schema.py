"""Schema versions: upgrade a book with Alembic from code, refuse books written by newer versions.

The fast path (book already current) reads `alembic_version` with plain SQL and does not import
Alembic. `KNOWN_REVISIONS` lists every released revision, oldest first; a test keeps it equal to the
migration scripts. Each released schema keeps a fixture book under tests/fixtures/.

Revision 0001 was regenerated many times before it was frozen, so a book saying "0001" may hold an older
layout: before upgrading one, its tables and columns are compared with the frozen 0001 layout
(`LAYOUT_0001`, the fingerprint of tests/fixtures/book-0001.book) and an unknown layout is refused with
BookLayoutUnknown instead of crashing later. Books from 0002 on carry the application id and were made by
the frozen migrations only.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import inspect, text
from sqlalchemy.engine import Engine

from core.errors import BookLayoutUnknown, BookTooNew

log = logging.getLogger(__name__)

KNOWN_REVISIONS = ("0001", "0002", "0003", "0004", "0005", "0006", "0007")
HEAD = KNOWN_REVISIONS[-1]
# sha256 of layout_description() of a book made by the frozen 0001 (tests/fixtures/book-0001.book).
LAYOUT_0001 = "74fd2320ef0613f451ce91957c09ecec634100b148966171e44b1d9613f603dd"


class RunsDriverSql(Protocol):
    """What layout_fingerprint reads through: a Connection, or a wrapped sqlite3 one (core.book.check)."""

    def exec_driver_sql(self, statement: str, /) -> Iterable[Any]: ...


def layout_fingerprint(conn: RunsDriverSql) -> str:
    """sha256 of a SQLite book's tables and their columns (name, declared type, not null, primary key)."""
    tables = [r[0] for r in conn.exec_driver_sql(
        "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
    desc = [[t, [[r[1], r[2].upper(), r[3], r[5]] for r in conn.exec_driver_sql(f"PRAGMA table_info('{t}')")]]
            for t in tables]
    return hashlib.sha256(json.dumps(desc).encode()).hexdigest()


def check_layout(engine: Engine, revision: str | None) -> None:
    """Raise BookLayoutUnknown for a SQLite book saying 0001 whose tables are not the frozen 0001's."""
    if revision != "0001" or engine.dialect.name != "sqlite":
        return
    with engine.connect() as conn:
        if layout_fingerprint(conn) != LAYOUT_0001:
            raise BookLayoutUnknown("book_layout_unknown", revision=revision)


# import_change.table_name of an index an import dropped to build it after its rows (core.excel.deferred_indexes);
# its old_values_json holds {"name", "sql"}: the index's CREATE INDEX statement
DROPPED_INDEX = "sqlite_index"


def index_again(create_sql: str) -> str:
    """A dropped index's CREATE INDEX statement as CREATE INDEX IF NOT EXISTS (nothing done if it is there)."""
    sql, head = create_sql.strip(), "CREATE INDEX "
    assert sql.upper().startswith(head), sql
    return "CREATE INDEX IF NOT EXISTS " + sql[len(head):]


def restore_dropped_indexes(engine: Engine) -> int:
    """Build again the indexes that imports killed halfway dropped (their batches still ``running``); returns how
    many statements ran. Called before a migration: the book then has the schema the migration was written for.
    The batches themselves are undone after the upgrade (core.excel.batches.recover_unfinished_imports), which
    finds the indexes there. Raw SQL only: it runs on the book's schema before the migration, not the models'."""
    if engine.dialect.name != "sqlite":
        return 0  # (a shared book keeps its indexes)
    with engine.begin() as conn:
        tables = {name for (name,) in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not {"import_batch", "import_change"} <= tables:
            return 0
        lines = conn.exec_driver_sql(
            "SELECT c.old_values_json FROM import_change c JOIN import_batch b ON b.id = c.batch_id "
            "WHERE c.table_name = ? AND b.status = 'running' ORDER BY c.id", (DROPPED_INDEX,)).all()
        for (line,) in lines:
            conn.exec_driver_sql(index_again(json.loads(line)["sql"]))
    if lines:
        log.warning("%d indexes dropped by an import stopped halfway built again before the upgrade", len(lines))
    return len(lines)


def migrations_dir() -> Path:
    """The Alembic scripts: next to this file from source, or bundled as data (.py files) in the frozen app."""
    from core.book.paths import bundle_root

    return bundle_root() / "core" / "book" / "migrations"


def current_revision(engine: Engine) -> str | None:
    """The book's schema revision, or None for an empty database."""
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade(engine: Engine, before_upgrade: Callable[[], None] | None) -> bool:
    """Bring the book to HEAD. Returns True if anything was migrated.

    `before_upgrade` runs (e.g. a backup) only when an existing schema is about to change.
    """
    rev = current_revision(engine)
    if rev == HEAD:
        return False
    if rev is not None and rev not in KNOWN_REVISIONS:
        raise BookTooNew("book_too_new", revision=rev)
    check_layout(engine, rev)
    if rev is not None and before_upgrade is not None:
        before_upgrade()
    log.info("schema upgrade %s -> %s", rev or "(new book)", HEAD)
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    from core.book.dialect import serialize_migrations

    with engine.begin() as conn:
        serialize_migrations(conn)
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    return True
