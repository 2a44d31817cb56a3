"""The command line (DESIGN.md "Command line"): headless sub-commands with JSON output for scripts.

Exit codes: 0 success; 1 unexpected error (with the log path); 2 rejected input, nothing written;
3 book locked (restore while the app has the book open; or the write lock held past the busy timeout);
4 book damaged or too new.

Every command works while the app has the book open: the app's lock file only stops a second app (and a
restore); commands read under WAL and their writes queue on SQLite's own lock (busy timeout 10 s). Each command is one function
`_cmd_<name>(args) -> int`; heavy modules are imported inside it so `--version` stays instant.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import traceback
from pathlib import Path

from core import __version__
from core.errors import EXIT_OK, EXIT_UNEXPECTED, HuitoukeError

COMMANDS = ("init", "demo", "import", "export", "today", "stats", "backup", "restore", "check")


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="huitouke", description="回头客 Huitouke — customer book for online sellers")
    p.add_argument("--version", action="version", version=f"Huitouke {__version__}")
    p.add_argument("--book", help="book file or postgresql:// URL (default: the book in the data folder)")
    sub = p.add_subparsers(dest="command")

    c = sub.add_parser("init", help="create an empty book (refuses to overwrite one)")
    c.add_argument("path", nargs="?", help="where (default: --book, else the book in the data folder)")
    c.add_argument("--book", dest="sub_book")
    c = sub.add_parser("demo", help="create a realistic demo book")
    c.add_argument("path")
    c.add_argument("--customers", type=int, default=300)
    c.add_argument("--seed", type=int, default=1)
    c.add_argument("--today", type=_iso_date, help="the book's today, YYYY-MM-DD (default: today)")
    c.add_argument("--json", action="store_true")

    c = sub.add_parser("import", help="import an Excel/CSV file")
    c.add_argument("file")
    c.add_argument("--book", dest="sub_book")
    c.add_argument("--preset")
    c.add_argument("--dry-run", action="store_true")
    c.add_argument("--all-or-nothing", action="store_true")
    c.add_argument("--json", action="store_true")
    c = sub.add_parser("export", help="export to .xlsx")
    c.add_argument("file")
    c.add_argument("--book", dest="sub_book")
    c.add_argument("--what", choices=("customers", "orders", "reminders", "cases", "aftersales", "all"),
                   default="all")
    c.add_argument("--language", default="zh_CN")

    c = sub.add_parser("today", help="what is due today")
    c.add_argument("--book", dest="sub_book")
    c.add_argument("--date")
    c.add_argument("--json", action="store_true")
    c = sub.add_parser("stats", help="repurchase figures")
    c.add_argument("--book", dest="sub_book")
    c.add_argument("--from", dest="date_from")
    c.add_argument("--to", dest="date_to")
    c.add_argument("--json", action="store_true")

    c = sub.add_parser("backup", help="back up the book now")
    c.add_argument("--book", dest="sub_book")
    c.add_argument("--json", action="store_true")
    c = sub.add_parser("restore", help="replace the book with a backup")
    c.add_argument("backup")
    c.add_argument("--book", dest="sub_book")
    c = sub.add_parser("check", help="check the book's integrity")
    c.add_argument("--book", dest="sub_book")
    c.add_argument("--json", action="store_true")
    return p


def _iso_date(text: str):
    import datetime as dt

    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text}") from None


def parse_location(text: str | Path) -> str | Path:
    """A book's location as given: a shared book's address (postgresql://…) stays the text it is — never a
    Path, which would fold its "//" and make a local folder of it — anything else is a file path."""
    from core.book.paths import is_url

    return str(text) if is_url(text) else Path(text).expanduser()


def book_location(args: argparse.Namespace) -> str | Path:
    """--book given after the sub-command wins over one given before it; else the default book. Parsed once,
    here, for every command (parse_location)."""
    from core.book.paths import default_book_path

    given = getattr(args, "sub_book", None) or args.book
    return parse_location(given) if given else default_book_path()


def open_beside_app(args: argparse.Namespace, program: str):
    """The book of args for a command: without the app's lock (it may be open in the app) and without the
    daily backup (the app takes that)."""
    from core.book.db import Book

    return Book.open(book_location(args), lock=False, daily_backup=False, program=program)


def _print_json(data) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def _cmd_init(args) -> int:
    from core.book.db import Book
    from core.errors import RejectedInput

    location = parse_location(args.path) if args.path else book_location(args)
    if isinstance(location, str):
        return _init_server(location)
    path = location
    if path.exists():
        raise RejectedInput("book_exists", f"{path} already exists; not overwritten", path=str(path))
    Book.open(path, create=True).close()
    print(f"Created {path}")
    return EXIT_OK


def _init_server(url: str) -> int:
    """init on a PostgreSQL server: refuses one that already holds a book (any Huitouke schema there)."""
    from sqlalchemy.exc import OperationalError

    from core.book import schema
    from core.book.db import Book, make_engine
    from core.book.shared import ServerAddress, connection_error, without_password
    from core.errors import RejectedInput

    engine = make_engine(url)
    try:
        revision = schema.current_revision(engine)
    except OperationalError as exc:  # cannot connect
        raise connection_error(exc, ServerAddress.from_url(url)) from exc
    finally:
        engine.dispose()
    if revision is not None:
        raise RejectedInput("book_exists", f"{without_password(url)} already holds a book; not overwritten",
                            path=without_password(url))
    Book.open(url).close()  # an empty database is set up on open
    print(f"Created {without_password(url)}")
    return EXIT_OK


def _cmd_demo(args) -> int:
    from core.demo.build import build_demo

    if isinstance(parse_location(args.path), str):
        from core.errors import RejectedInput

        raise RejectedInput("demo_needs_file", "The demo book is a file: give a file path, not a server address")
    summary = build_demo(Path(args.path), customers=args.customers, seed=args.seed, today=args.today)
    if args.json:
        _print_json(summary.__dict__)
    else:
        print(f"Created demo book {args.path}: {summary}")
    return EXIT_OK


def _cmd_backup(args) -> int:
    with open_beside_app(args, "huitouke backup") as book:
        info = book.backup("manual")
    if args.json:
        _print_json({"path": str(info.path), "size": info.size, "taken_at": info.taken_at.isoformat()})
    else:
        print(f"Backed up to {info.path}")
    return EXIT_OK


def _cmd_restore(args) -> int:
    from core.book.backup import restore_backup
    from core.book.lock import BookLock

    location = book_location(args)
    if isinstance(location, str):
        from core.errors import RejectedInput

        raise RejectedInput("restore_not_sqlite", "Restore a shared book with pg_restore (docs/SHARED_BOOK.md)")
    with BookLock(location, "huitouke restore"):
        saved = restore_backup(Path(args.backup), location)
    print(f"Restored {location} from {args.backup}" + (f" (previous state saved to {saved.path})" if saved else ""))
    return EXIT_OK


def _cmd_check(args) -> int:
    from core.book.check import check_book

    report = check_book(book_location(args))
    if args.json:
        _print_json(report.to_dict())
    else:
        print(report.summary())
    return report.exit_code


def _cmd_today(args) -> int:
    from core.reminders.report import run_today

    return run_today(str(book_location(args)), args.date, args.json)


def _cmd_stats(args) -> int:
    from core.analytics import stats_command

    return stats_command(book_location(args), args.date_from, args.date_to, as_json=args.json)

def _cmd_import(args) -> int:
    from core.excel.importer import ImportOptions, run_import

    options = ImportOptions(preset=args.preset, dry_run=args.dry_run, all_or_nothing=args.all_or_nothing)
    with open_beside_app(args, "huitouke import") as book:
        result = run_import(book, args.file, options)
    if args.json:
        _print_json(result.to_json())
    else:
        print(result.summary())
    return EXIT_OK


def _cmd_export(args) -> int:
    from core.excel.export import export_book

    what = "aftersales" if args.what == "cases" else args.what
    with open_beside_app(args, "huitouke export") as book:
        result = export_book(book, args.file, what, args.language)
    print(f"Exported {result.path}: " + ", ".join(f"{name} {rows}" for name, rows in result.sheets.items()))
    return EXIT_OK


def _cmd_not_ready(args) -> int:
    from core.errors import RejectedInput

    raise RejectedInput("command_unavailable", f"'{args.command}' is not available in this build")


def main(argv: list[str] | None = None) -> int:
    """Run a sub-command; returns the exit code (never raises for expected errors)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_OK
    handler = globals().get(f"_cmd_{args.command}", _cmd_not_ready)
    try:
        return handler(args)
    except HuitoukeError as exc:
        return _report(exc)
    except Exception as exc:  # the last line of defence: log it and say where the log is
        busy = _busy(exc)
        if busy is not None:
            return _report(busy)
        log_path = _log_unexpected()
        print(f"Unexpected error; details in {log_path}", file=sys.stderr)
        return EXIT_UNEXPECTED


def _report(exc: HuitoukeError) -> int:
    print(json.dumps({"error": exc.to_dict()}, ensure_ascii=False), file=sys.stderr)
    return exc.exit_code


def _busy(exc: Exception):
    """BookBusy for a "database is locked" met outside a Book.session (e.g. the importer's own connection)."""
    from sqlalchemy.exc import OperationalError

    if isinstance(exc, OperationalError):
        from core.book.db import busy_error

        return busy_error(exc)
    return None


def _log_unexpected() -> Path:
    from core.book.paths import log_dir

    path = log_dir() / "cli-errors.log"
    logging.basicConfig(filename=path, level=logging.ERROR, format="%(asctime)s %(levelname)s %(message)s")
    logging.getLogger("huitouke.cli").error("unexpected error\n%s", traceback.format_exc())
    return path
