"""Schema versions: upgrade a book with Alembic from code, refuse books written by newer versions.

The fast path (book already current) reads `alembic_version` with plain SQL and does not import
Alembic. `KNOWN_REVISIONS` lists every released revision, oldest first; a test keeps it equal to the
migration scripts. Each released schema keeps a fixture book under tests/fixtures/.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import inspect, text
from sqlalchemy.engine import Engine

from core.errors import BookTooNew

log = logging.getLogger(__name__)

KNOWN_REVISIONS = ("0001",)
HEAD = KNOWN_REVISIONS[-1]


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
