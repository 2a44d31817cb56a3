"""Coded errors raised by core. ui/ turns codes into translated sentences; the CLI into exit codes.

Each error carries a stable `code` string and keyword `details` (file, sheet, row, column, ...).
`str(error)` is an English sentence for logs and the command line.
"""

from __future__ import annotations

from typing import Any

EXIT_OK = 0
EXIT_UNEXPECTED = 1
EXIT_REJECTED = 2
EXIT_LOCKED = 3
EXIT_DAMAGED = 4
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE: the reader of the output went away (`… | head`); said by no message


class HuitoukeError(Exception):
    """Base of every expected error. `exit_code` is what the command line returns for it."""

    exit_code = EXIT_UNEXPECTED
    default_message = "Something went wrong"

    def __init__(self, code: str, message: str | None = None, **details: Any) -> None:
        self.code = code
        self.details = details
        self.message = message or self.default_message
        super().__init__(self.message)

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "message": self.message, **{k: _jsonable(v) for k, v in self.details.items()}}


def _jsonable(value: Any) -> Any:
    return value if isinstance(value, (str, int, float, bool, type(None), list, dict)) else str(value)


class RejectedInput(HuitoukeError):
    """Input refused as a whole; nothing was written."""

    exit_code = EXIT_REJECTED
    default_message = "The input was rejected"


class ImportRejected(RejectedInput):
    """A file refused by the importer as a whole (details: file, sheet, row, column)."""

    default_message = "The file cannot be imported"


class ValidationError(RejectedInput):
    """A value the seller typed is not valid (details: field, value)."""

    default_message = "A value is not valid"


class NotFound(RejectedInput):
    default_message = "Not found"


class ConflictError(HuitoukeError):
    """Someone else saved this record first (details: entity, id, expected_version, actual_version)."""

    exit_code = EXIT_REJECTED
    default_message = "The record was changed by someone else"


class ServerUnavailable(HuitoukeError):
    """A shared book's server could not be reached or refused us (core.book.shared: codes host_unknown,
    server_refused, server_timeout, not_allowed, login_failed, database_missing, connection_failed;
    details: host, port, database, user, server_message)."""

    exit_code = EXIT_REJECTED
    default_message = "The shared book's server cannot be reached"


class BookLocked(HuitoukeError):
    """Another process holds the book (details: holder — pid, host, app, since)."""

    exit_code = EXIT_LOCKED
    default_message = "The book is open in another window or program"


class BookBusy(HuitoukeError):
    """Another program kept the book's write lock longer than the busy timeout ("database is locked")."""

    exit_code = EXIT_LOCKED
    default_message = "The book is busy with another program's changes; try again in a moment"


class BookDamaged(HuitoukeError):
    """The book failed its integrity check (details: problems, newest_backup)."""

    exit_code = EXIT_DAMAGED
    default_message = "The book is damaged"


class BookClosed(HuitoukeError):
    """The book was closed (the window closed, the command ended): nothing more is read or written through it, so
    a job still running after the close cannot write to a book whose lock is released."""

    exit_code = EXIT_REJECTED
    default_message = "The book was closed; nothing more was read or written"


class BookTooNew(HuitoukeError):
    """The book was written by a newer version of Huitouke (details: revision)."""

    exit_code = EXIT_DAMAGED
    default_message = "The book was written by a newer version of Huitouke; please update the app"


class BookLayoutUnknown(HuitoukeError):
    """The book comes from an unreleased early layout this version cannot upgrade (details: revision)."""

    exit_code = EXIT_DAMAGED
    default_message = ("The book comes from an early test version of Huitouke whose layout cannot be "
                       "upgraded; open a backup or export it with the version that made it")


class DiskFull(HuitoukeError):
    """The disk (or the file size limit) is full; the write was rolled back and the book is unchanged."""

    exit_code = EXIT_REJECTED
    default_message = "The disk is full; nothing was saved and the book is unchanged"


_FULL_ERRNOS = (28, 122, 27)  # ENOSPC, EDQUOT, EFBIG (a file size limit)


def as_disk_full(exc: BaseException, disk_is_full=None) -> DiskFull | None:
    """DiskFull for an exception caused by a full disk anywhere in its chain (OSError ENOSPC/EDQUOT/EFBIG,
    SQLite's "database or disk is full", SQLAlchemy's wrapper of it; a SQLite "disk I/O error" when
    `disk_is_full()` says so — SQLite reports a failed write to a full disk that way too), else None."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        exc = current
        seen.add(id(exc))
        if isinstance(exc, OSError) and exc.errno in _FULL_ERRNOS:
            return DiskFull("disk_full")
        text = str(getattr(exc, "orig", None) or exc).lower()
        if "database or disk is full" in text or ("disk i/o error" in text and disk_is_full and disk_is_full()):
            return DiskFull("disk_full")
        current = exc.__cause__ or exc.__context__ or getattr(exc, "orig", None)
    return None


class CellRejected(ValidationError):
    """One cell cannot be read as the field it is mapped to; the importer skips and reports its row.

    Codes: date_invalid, date_ambiguous, date_without_year, number_invalid, amount_invalid,
    quantity_invalid, quantity_negative, precision_lost (details: value).
    """

    default_message = "A cell cannot be read"


class Cancelled(HuitoukeError):
    """Long work stopped because the user cancelled it; nothing was written."""

    exit_code = EXIT_REJECTED
    default_message = "Cancelled"
