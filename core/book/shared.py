"""A shared book on a PostgreSQL server: its address, a connection test, remembered passwords.

`ServerAddress` holds the URL parts the seller types (host, port, database, user); the password is
never part of a stored URL. `check_connection(url)` connects once and reports the server version and the
state of the book there, or raises `ServerUnavailable` with a code saying what is wrong (unknown host,
nothing listening, login refused, this computer not allowed, no such database) and the server's exact
words in `details["server_message"]`. Remembered passwords live in a libpq password file in the data
folder (readable by this user only, the format PostgreSQL's own tools use), never in QSettings.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

from core.errors import BookTooNew, ServerUnavailable

DEFAULT_PORT = 5432
CONNECT_TIMEOUT_SECONDS = 8
APPLICATION_NAME = "huitouke"
PASSWORD_FILE_NAME = "pgpass.conf"

# libpq's English messages → our codes (a server set to another language falls back to "connection_failed",
# still with its exact words shown).
_REASONS = (
    ("host_unknown", re.compile(r"failed to resolve host|could not translate host name", re.I)),
    ("server_refused", re.compile(r"connection refused", re.I)),
    ("server_timeout", re.compile(r"timeout expired|timed out", re.I)),
    ("not_allowed", re.compile(r"no pg_hba\.conf entry", re.I)),
    ("login_failed", re.compile(r"password authentication failed|no password supplied|authentication failed"
                                r"|role \".*\" does not exist", re.I)),
    ("database_missing", re.compile(r"database \".*\" does not exist", re.I)),
)


@dataclass(frozen=True)
class ServerAddress:
    """Where a shared book lives: postgresql://user@host:port/database (no password)."""

    host: str
    database: str
    user: str
    port: int = DEFAULT_PORT

    def url(self, password: str | None = None) -> str:
        """The URL Book.open takes; with `password` only for this process (never store that one)."""
        auth = quote(self.user, safe="")
        if password:
            auth += ":" + quote(password, safe="")
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"postgresql://{auth}@{host}:{self.port}/{quote(self.database, safe='')}"

    @classmethod
    def from_url(cls, url: str) -> ServerAddress:
        parts = urlsplit(url)
        return cls(host=parts.hostname or "", port=parts.port or DEFAULT_PORT,
                   database=unquote(parts.path.lstrip("/")), user=unquote(parts.username or ""))


def without_password(url: str) -> str:
    """The URL with any password removed (what may be remembered in settings or shown)."""
    if "://" not in url or "@" not in url.split("://", 1)[1].split("/", 1)[0]:
        return url
    scheme, rest = url.split("://", 1)
    auth, host = rest.split("@", 1)
    return f"{scheme}://{auth.split(':', 1)[0]}@{host}"


@dataclass(frozen=True)
class ConnectionReport:
    """What the connection test found. `book_state`: "empty" (set up on first open), "current", "older"
    (upgraded on first open) — a book newer than this app raises BookTooNew instead."""

    server_version: str
    book_state: str
    revision: str | None
    can_create_tables: bool


def check_connection(url: str) -> ConnectionReport:
    """Connect once to a book URL (`ServerAddress.url(password)`) and look at the book there.

    Raises ServerUnavailable (see the module docstring) or BookTooNew.
    """
    from sqlalchemy import text
    from sqlalchemy.exc import DBAPIError

    from core.book import schema

    engine = server_engine(url)
    try:
        with engine.connect() as conn:
            version = conn.execute(text("SHOW server_version")).scalar() or ""
            can_create = bool(conn.execute(text(
                "SELECT has_schema_privilege(current_schema(), 'CREATE')")).scalar())
        revision = schema.current_revision(engine)
    except DBAPIError as exc:
        raise connection_error(exc, ServerAddress.from_url(url)) from exc
    finally:
        engine.dispose()
    if revision is None:
        state = "empty"
    elif revision == schema.HEAD:
        state = "current"
    elif revision in schema.KNOWN_REVISIONS:
        state = "older"
    else:
        raise BookTooNew("book_too_new", revision=revision)
    return ConnectionReport(server_version=version.split()[0], book_state=state, revision=revision,
                            can_create_tables=can_create)


def connection_error(exc: Exception, address: ServerAddress) -> ServerUnavailable:
    """A coded ServerUnavailable for a failed connection, keeping the server's exact words."""
    message = str(getattr(exc, "orig", None) or exc).strip()
    message = re.sub(r"^\(.*?\)\s*", "", message)  # SQLAlchemy's "(psycopg.OperationalError)" prefix
    message = " ".join(message.split())  # libpq's hints come on tab-indented extra lines
    code = next((code for code, pattern in _REASONS if pattern.search(message)), "connection_failed")
    return ServerUnavailable(code, f"Cannot connect to {address.url()}: {message}", host=address.host,
                             port=address.port, database=address.database, user=address.user,
                             server_message=message)


# -- remembered passwords ---------------------------------------------------------------------------------
def password_file() -> Path:
    """The libpq password file of this app (in the data folder; only this user can read it)."""
    from core.book.paths import data_dir

    return data_dir() / PASSWORD_FILE_NAME


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace(":", "\\:")


def _entry_key(address: ServerAddress) -> str:
    return ":".join(_escape(v) for v in (address.host, str(address.port), address.database, address.user)) + ":"


def _read_lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines() if path.exists() else []


def _write_lines(path: Path, lines: list[str]) -> None:
    tmp = path.with_suffix(".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write("".join(line + "\n" for line in lines))
    os.chmod(tmp, 0o600)  # libpq ignores a password file others can read
    os.replace(tmp, path)


def remember_password(address: ServerAddress, password: str) -> None:
    """Keep the password for this address in the password file (replacing an older one)."""
    path, key = password_file(), _entry_key(address)
    lines = [line for line in _read_lines(path) if not line.startswith(key)]
    _write_lines(path, [*lines, key + _escape(password)])


def forget_password(address: ServerAddress) -> None:
    path, key = password_file(), _entry_key(address)
    lines = _read_lines(path)
    kept = [line for line in lines if not line.startswith(key)]
    if kept != lines:
        _write_lines(path, kept)


def has_remembered_password(address: ServerAddress) -> bool:
    key = _entry_key(address)
    return any(line.startswith(key) for line in _read_lines(password_file()))


def server_engine(url: str):
    """An SQLAlchemy engine for a `postgresql://` book URL (psycopg 3 driver, the app's connection arguments)."""
    from sqlalchemy import create_engine

    from core.book.models import for_postgresql

    for_postgresql()  # (the models' partial indexes as PostgreSQL has them)
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://"):]
    return create_engine(url, pool_pre_ping=True, connect_args=connect_args(), hide_parameters=True)


def connect_args() -> dict:
    """Extra psycopg connection arguments of every server book: a short timeout, the app's name in the
    server's activity list, and the app's password file when it has one."""
    args = {"connect_timeout": CONNECT_TIMEOUT_SECONDS, "application_name": APPLICATION_NAME}
    path = password_file()
    if path.exists():
        args["passfile"] = str(path)
    return args
