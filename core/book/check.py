"""`check`: is a book sound? Integrity, foreign keys and schema version, as a report with an exit code."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from core.book import schema
from core.book.paths import is_url
from core.errors import EXIT_DAMAGED, EXIT_OK, EXIT_REJECTED


@dataclass(frozen=True)
class CheckReport:
    path: str
    ok: bool
    problems: tuple[str, ...] = ()
    revision: str | None = None
    counts: dict = field(default_factory=dict)
    exit_code: int = EXIT_OK

    def to_dict(self) -> dict:
        return {"path": self.path, "ok": self.ok, "problems": list(self.problems), "revision": self.revision,
                "counts": self.counts}

    def summary(self) -> str:
        if self.ok:
            counts = ", ".join(f"{k} {v}" for k, v in self.counts.items())
            return f"OK: {self.path} (schema {self.revision}; {counts})"
        return f"PROBLEMS in {self.path}:\n" + "\n".join(f"  - {p}" for p in self.problems)


def check_book(location: str | Path) -> CheckReport:
    """Read-only check of a SQLite book: integrity_check, foreign_key_check, known schema revision.

    A shared book (postgresql:// URL) is checked for reachability and schema revision only: the server
    keeps its own data sound (pg_amcheck checks its files).

    Does not take the writer lock (reading is safe in WAL mode) and never changes the file.
    """
    if is_url(location):
        return _check_server(str(location))
    path = Path(location)
    if not path.is_file():
        return CheckReport(str(path), False, (f"no book at {path}",), exit_code=EXIT_REJECTED)
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30)
    except sqlite3.Error as exc:
        return CheckReport(str(path), False, (str(exc),), exit_code=EXIT_DAMAGED)
    try:
        problems = [r[0] for r in con.execute("PRAGMA integrity_check").fetchall()]
        problems = [] if problems == ["ok"] else problems
        fk = con.execute("PRAGMA foreign_key_check").fetchall()
        problems += [f"foreign key: {row[0]} row {row[1]} points to a missing {row[2]}" for row in fk[:20]]
        revision = None
        counts = {}
        if not problems:
            has_version = con.execute(
                "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'").fetchone()
            revision = con.execute("SELECT version_num FROM alembic_version").fetchone()[0] if has_version else None
            if revision is None:
                problems.append("not a Huitouke book (no schema version)")
            elif revision not in schema.KNOWN_REVISIONS:
                problems.append(f"written by a newer version of Huitouke (schema {revision})")
            else:
                for table in ("customer", "orders", "product", "reminder"):
                    counts[table] = con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        problems, revision, counts = [str(exc)], None, {}
    finally:
        con.close()
    return CheckReport(str(path), not problems, tuple(problems), revision, counts,
                       EXIT_OK if not problems else EXIT_DAMAGED)


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
