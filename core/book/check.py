"""`check`: is a book sound? Integrity, foreign keys and schema version, as a report with an exit code."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from core.book import guard, schema
from core.book.paths import is_url
from core.errors import EXIT_DAMAGED, EXIT_OK, EXIT_REJECTED, HuitoukeError


@dataclass(frozen=True)
class CheckReport:
    path: str
    ok: bool
    problems: tuple[str, ...] = ()
    revision: str | None = None
    counts: dict = field(default_factory=dict)
    exit_code: int = EXIT_OK
    unfinished_imports: tuple[int, ...] = ()  # import batches still "running" (core.excel.chunked)

    def to_dict(self) -> dict:
        return {"path": self.path, "ok": self.ok, "problems": list(self.problems), "revision": self.revision,
                "counts": self.counts, "unfinished_imports": list(self.unfinished_imports)}

    def summary(self) -> str:
        if self.ok:
            counts = ", ".join(f"{k} {v}" for k, v in self.counts.items())
            return f"OK: {self.path} (schema {self.revision}; {counts})"
        return f"PROBLEMS in {self.path}:\n" + "\n".join(f"  - {p}" for p in self.problems)


def check_book(location: str | Path) -> CheckReport:
    """Read-only check of a SQLite book: what core.book.guard refuses (a folder, an unwritable place, not a
    book, a lost WAL), integrity_check, foreign_key_check, a known schema revision and layout.

    A shared book (postgresql:// URL) is checked for reachability and schema revision only: the server
    keeps its own data sound (pg_amcheck checks its files).

    Does not take the writer lock (reading is safe in WAL mode) and never changes the file. Exit codes:
    2 for what is not a book or cannot be one, 4 for a damaged, too new or unknown-layout book.
    """
    if is_url(location):
        return _check_server(str(location))
    path = Path(location)
    try:
        guard.inspect_place(path)
        lost = guard.wal_lost(path)
        if lost:
            return CheckReport(str(path), False, (lost,), exit_code=EXIT_DAMAGED)
        guard.identify(path)
    except HuitoukeError as exc:
        problems = exc.details.get("problems") or [f"{exc.code}: {exc}"]
        return CheckReport(str(path), False, tuple(problems), exit_code=exc.exit_code)
    problems = guard.integrity_problems(path, full=True)
    revision: str | None = None
    counts: dict = {}
    unfinished: tuple[int, ...] = ()
    if not problems:
        try:
            revision, counts, unfinished = _revision_counts_and_imports(path, problems)
        except sqlite3.DatabaseError as exc:
            problems = [str(exc)]
    return CheckReport(str(path), not problems, tuple(problems), revision, counts,
                       EXIT_OK if not problems else EXIT_DAMAGED, unfinished)


def _revision_counts_and_imports(path: Path, problems: list[str]) -> tuple[str | None, dict, tuple[int, ...]]:
    """The schema revision, a few row counts and the import batches still marked running (core.excel.chunked:
    being written, or left by a killed import), on one read-only connection; appends to `problems` what is
    wrong with the schema (then no counts and no batches)."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30)
    try:
        revision = con.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        if revision not in schema.KNOWN_REVISIONS:
            problems.append(f"written by a newer version of Huitouke (schema {revision})")
            return revision, {}, ()
        if revision == "0001" and schema.layout_fingerprint(_Raw(con)) != schema.LAYOUT_0001:
            problems.append("an early test layout of Huitouke that cannot be upgraded (schema 0001)")
            return revision, {}, ()
        counts = {table: con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                  for table in ("customer", "orders", "product", "reminder")}
        unfinished = tuple(row[0] for row in con.execute(
            "SELECT id FROM import_batch WHERE status = 'running' ORDER BY id"))
        return revision, counts, unfinished
    finally:
        con.close()


class _Raw:
    """A sqlite3 connection seen as the `exec_driver_sql` schema.layout_fingerprint reads through."""

    def __init__(self, con: sqlite3.Connection) -> None:
        self.exec_driver_sql = con.execute


def _check_server(url: str) -> CheckReport:
    from sqlalchemy import text

    from core.book.db import make_engine
    from core.book.shared import check_connection, without_password
    from core.errors import BookTooNew, ServerUnavailable

    shown = without_password(url)
    try:
        report = check_connection(url)
    except ServerUnavailable as exc:
        return CheckReport(shown, False, (f"{exc.code}: {exc.details.get('server_message', '')}",),
                           exit_code=EXIT_REJECTED)
    except BookTooNew as exc:
        return CheckReport(shown, False, (f"written by a newer version of Huitouke (schema {exc.details['revision']})",),
                           exit_code=EXIT_DAMAGED)
    if report.revision is None:
        return CheckReport(shown, False, ("not a Huitouke book (no schema version)",), exit_code=EXIT_DAMAGED)
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            counts = {table: conn.execute(text(f"SELECT count(*) FROM {table}")).scalar()
                      for table in ("customer", "orders", "product", "reminder")}
    finally:
        engine.dispose()
    return CheckReport(shown, True, (), report.revision, counts, EXIT_OK)
