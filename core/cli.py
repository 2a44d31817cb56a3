"""The command line (DESIGN.md "Command line"): headless sub-commands with JSON output for scripts.

Exit codes: 0 success; 1 unexpected error (with the log path); 2 rejected input, nothing written;
3 book locked (restore while the app has the book open, or the write lock held past the busy timeout); 4 book
damaged, too new or of an unknown early layout; 141 the reader of our output went away (`… | head`), ended
quietly. Every command works while the app has the book open: the app's lock file only stops a second app (and
a restore); commands read under WAL and their writes queue on SQLite's own lock (busy timeout 10 s). Each
command is one function `_cmd_<name>(args) -> int`; heavy modules are imported inside it so `--version` stays
instant. Every command that opens a book first runs the full
integrity check on it (`_refuse_unsound`), so `check`, `today`, `stats`, `import`, `export` and `backup` agree
on what is damaged.

Words: every sentence printed is a `translate("Cli", …)` source or a coded error's sentence
(core.cli_text), in the user's language once main.py has installed the app's translator; so are argparse's
own refusals (a missing argument, an unknown option, an invalid choice: core.cli_parser), still exit 2. A coded error
goes to stderr as one JSON line `{"error": {"code", "message", …details}}` (message in the user's
language). An unknown sub-command is told like an argument error: a sentence with the closest commands
and the list of commands on stderr (the JSON line instead with --json), exit 2, nothing opened or written.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from core import __version__
from core.cli_parser import add_command, new_parser
from core.cli_text import fill, language, say_row_problems, sentence, translate
from core.errors import (
    EXIT_BROKEN_PIPE,
    EXIT_OK,
    EXIT_REJECTED,
    EXIT_UNEXPECTED,
    HuitoukeError,
    RejectedInput,
)

if TYPE_CHECKING:
    from core.excel.analysis import LoadedFile

PROGRAM = "huitouke"


_OPEN_A_BOOK = ("import", "export", "today", "stats", "products", "backup")


def build_parser() -> argparse.ArgumentParser:
    """The one definition of the command line: its sub-commands (`command_names`) and their options."""
    p = new_parser(PROGRAM, translate("Cli", "回头客 Huitouke — customer book for online sellers. Without a "
                                   "command: open the desktop app (on a .book file, or importing a spreadsheet "
                                   "given as the argument)."))
    p.add_argument("--version", action="version", version=f"Huitouke {__version__}",
                   help=translate("Cli", "show the version and exit"))
    p.add_argument("--book", help=translate("Cli", "book file or postgresql:// URL (default: the book in the "
                                                   "data folder)"))
    sub = p.add_subparsers(dest="command", title=translate("Cli", "commands"), metavar="COMMAND")

    def command(name: str, help_line: str, book: bool = True, as_json: bool = True) -> argparse.ArgumentParser:
        c = add_command(sub, name, help_line)
        if book:
            c.add_argument("--book", dest="sub_book", metavar="BOOK", help=translate("Cli", "the book (default: --book before "
                                                                            "the command, else the default book)"))
        if as_json:
            c.add_argument("--json", action="store_true", help=translate("Cli", "print JSON for scripts"))
        return c

    c = command("init", translate("Cli", "create an empty book (refuses to overwrite one)"), as_json=False)
    c.add_argument("path", nargs="?", help=translate("Cli", "where (default: --book, else the book in the data "
                                                            "folder)"))
    c = command("demo", translate("Cli", "create a realistic demo book"), book=False)
    c.add_argument("path")
    c.add_argument("--customers", type=int, default=300)
    c.add_argument("--seed", type=int, default=1)
    c.add_argument("--today", type=_iso_date, help=translate("Cli", "the book's today, YYYY-MM-DD (default: "
                                                                    "today)"))

    c = command("import", translate("Cli", "import an Excel/CSV file"))
    c.add_argument("file", help=translate("Cli", "the .xlsx, .xls, .csv or .ods file"))
    c.add_argument("--preset", help=translate("Cli", "what the file is when its headers do not say: taobao, "
                                                     "taobao_detail, pinduoduo, douyin, youzan, own…"))
    c.add_argument("--dry-run", action="store_true", help=translate("Cli", "say what would change; write nothing"))
    c.add_argument("--all-or-nothing", action="store_true",
                   help=translate("Cli", "import nothing when any row has a problem"))
    c.add_argument("--today", type=_iso_date, help=translate("Cli", "the day reminders are regenerated for, "
                                                                    "YYYY-MM-DD (default: today)"))
    c = command("export", translate("Cli", "export to .xlsx"))
    c.add_argument("file", help=translate("Cli", "the .xlsx file to write"))
    c.add_argument("--what", choices=("customers", "orders", "reminders", "cases", "aftersales", "all"),
                   default="all", help=translate("Cli", "which sheets (default: all, a copy of the whole book)"))
    c.add_argument("--language", default="zh_CN", choices=("zh_CN", "en"), help=translate("Cli", "language of the sheets: zh_CN or en"))

    c = command("today", translate("Cli", "the day's list (at most the daily capacity, ranked)"))
    c.add_argument("--date")
    c.add_argument("--all", dest="everything", action="store_true",
                   help=translate("Cli", "every open task due, not just the day's list"))
    command("products", translate("Cli", "every product with its cycle, suggested cycle, buyers and units sold"))
    c = command("stats", translate("Cli", "repurchase figures"))
    c.add_argument("--from", dest="date_from")
    c.add_argument("--to", dest="date_to")

    command("backup", translate("Cli", "back up the book now"))
    c = command("restore", translate("Cli", "replace the book with a backup"), as_json=False)
    c.add_argument("backup")
    command("check", translate("Cli", "check the book's integrity"))
    return p


def _subcommands(parser: argparse.ArgumentParser) -> argparse._SubParsersAction:
    return next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))


def command_names(parser: argparse.ArgumentParser | None = None) -> tuple[str, ...]:
    """Every sub-command, in the order --help lists them (read from build_parser, the one definition)."""
    return tuple(_subcommands(parser or build_parser()).choices)


def command_lines(parser: argparse.ArgumentParser) -> list[str]:
    """One line per sub-command: its name and what it does, in the user's language."""
    helps = [(action.dest, action.help or "") for action in _subcommands(parser)._choices_actions]
    width = max(len(name) for name, _ in helps)
    return [f"  {name:<{width}}  {text}" for name, text in helps]


def first_word(argv: list[str]) -> str | None:
    """The first argument that is not an option (nor --book's value): a sub-command, a file, or a typo."""
    skip_next = False
    for arg in argv:
        if skip_next:
            skip_next = False
        elif arg == "--book":
            skip_next = True
        elif not arg.startswith("-"):
            return arg
    return None


def _iso_date(text: str):
    import datetime as dt

    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(fill(translate("Cli", "not a date (YYYY-MM-DD): %1"), text)) from None


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
    from core.excel.batches import recover_unfinished_imports

    book = Book.open(book_location(args), lock=False, daily_backup=False, program=program)
    try:
        for batch_id in recover_unfinished_imports(book):  # an import killed halfway (core.excel.chunked)
            print(fill(translate("Cli", "An import stopped halfway (batch %1) was undone: the book is as it was "
                                        "before it."), batch_id), file=sys.stderr)
    except BaseException:
        book.close()
        raise
    return book


def _print_json(data) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def _cmd_init(args) -> int:
    from core.book.db import Book
    from core.book.guard import inspect_place

    location = parse_location(args.path) if args.path else book_location(args)
    if isinstance(location, str):
        return _init_server(location)
    path = location
    inspect_place(path, must_exist=False)
    if path.exists():
        raise RejectedInput("book_exists", f"{path} already exists; not overwritten", path=str(path))
    Book.open(path, create=True).close()
    print(fill(translate("Cli", "Created %1"), path))
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
    print(fill(translate("Cli", "Created %1"), without_password(url)))
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
        print(fill(translate("Cli", "Created demo book %1: %2 customers, %3 orders"), args.path,
                   summary.customers, summary.orders))
    return EXIT_OK


def _cmd_backup(args) -> int:
    with open_beside_app(args, "huitouke backup") as book:
        info = book.backup("manual")
    if args.json:
        _print_json({"path": str(info.path), "size": info.size, "taken_at": info.taken_at.isoformat()})
    else:
        print(fill(translate("Cli", "Backed up to %1"), info.path))
    return EXIT_OK


def _cmd_restore(args) -> int:
    from core.book.backup import check_restore_target, restore_backup
    from core.book.lock import BookLock

    location = book_location(args)
    if isinstance(location, str):
        raise RejectedInput("restore_not_sqlite", "Restore a shared book with pg_restore (docs/SHARED_BOOK.md)")
    check_restore_target(location)
    with BookLock(location, "huitouke restore"):
        saved = restore_backup(Path(args.backup), location)
    if saved:
        print(fill(translate("Cli", "Restored %1 from %2 (the state before was saved to %3)"), location,
                   args.backup, saved.path))
    else:
        print(fill(translate("Cli", "Restored %1 from %2"), location, args.backup))
    return EXIT_OK


def _cmd_check(args) -> int:
    from core.book.check import check_book

    report = check_book(book_location(args))
    if args.json:
        _print_json(report.to_dict())
    elif report.ok:
        counts = translate("Cli", ", ").join(f"{table} {count}" for table, count in report.counts.items())
        print(fill(translate("Cli", "OK: %1 (schema %2; %3)"), report.path, report.revision, counts))
        for batch_id in report.unfinished_imports:
            print(fill(translate("Cli", "Import batch %1 is unfinished: being written now, or stopped halfway (it "
                                        "is undone the next time the book is opened)."), batch_id))
    else:
        print("\n".join([fill(translate("Cli", "Problems in %1:"), report.path),
                         *(f"  - {problem}" for problem in report.problems)]))
    return report.exit_code


def _cmd_today(args) -> int:
    """`today`: the day's list (--all: every open task due), ranked; reasons and messages in the user's language."""
    from core.excel.columns import REMINDER_KIND_WORDS_ZH
    from core.reminders.report import read_lapsed, read_today

    chinese = language() != "en"
    rows = read_today(str(book_location(args)), args.date, language="zh_CN" if chinese else "en",
                      everything=args.everything)
    if args.json:
        _print_json(rows)
        return EXIT_OK
    for row in rows:
        kind = REMINDER_KIND_WORDS_ZH.get(row["kind"], row["kind"]) if chinese else row["kind"]
        late = fill(translate("Cli", " (%1 days late)"), row["overdue_days"]) if row["overdue_days"] else ""
        print(f"{row['rank']:>4}. {row['due']}{late}  {kind}  {row['customer']}  {row['phone']}\n"
              f"      {row['reason']}\n      {row['message']}")
    if not rows:
        print(translate("Cli", "Nothing due."))
        lapsed = read_lapsed(str(book_location(args)), args.date)
        if lapsed:  # old history: every task long expired (core.reminders.today.with_lapsed)
            print(fill(translate("Cli", "%1 customers are churned and %2 dormant: their reminders expired (a task "
                                        "long overdue closes by itself). Find them by stage in the app's customer "
                                        "list."), lapsed.get("churned", 0), lapsed.get("dormant", 0)))
    return EXIT_OK


def _cmd_stats(args) -> int:
    from core.analytics import stats_command

    return stats_command(book_location(args), args.date_from, args.date_to, as_json=args.json)


def _cmd_products(args) -> int:
    from core.products import ProductService

    with open_beside_app(args, "huitouke products") as book:
        rows = [summary.to_json() for summary in ProductService(book).summaries()]
    if args.json:
        _print_json(rows)
        return EXIT_OK
    for row in rows:
        suggested = (fill(translate("Cli", "suggested %1 days from %2 intervals"), row["suggested_cycle_days"],
                          row["suggestion_basis"]) if row["suggested_cycle_days"] else translate("Cli", "no suggestion"))
        print(fill(translate("Cli", "%1: cycle %2, lead %3 days, %4, %5 buyers, %6 units"), row["name"],
                   row["cycle_days"] or "-", row["lead_days"], suggested, row["buyers"], row["units_sold"]))
    if not rows:
        print(translate("Cli", "No products."))
    return EXIT_OK


_started: dict[str, tuple[str, Callable[[], LoadedFile]]] = {}  # command → (its file, its read begun) (start_early)


def start_early(argv: list[str]) -> None:
    """What `import FILE …` can begin before main.py installs the words (PySide6): reading FILE (on a thread)
    and importing the importer, and what the command opens the book and logs with. PySide6, once imported, looks
    at the source of every module imported after it (its __feature__ hook): the importer's modules cost 0.1 s CPU
    more after it (measured). The read begins before SQLAlchemy is imported (core.excel.analysis does without it),
    so the ≈ 0.4 s of imports run beside calamine's parse. Anything else waits for the parser; an unusual order
    (`import --book B FILE`) is read as before, in `_cmd_import`."""
    if len(argv) < 2 or argv[0] != "import" or argv[1].startswith("-") or {"-h", "--help", "--version"} & set(argv):
        return
    if not Path(argv[1]).is_file():
        return
    from core.excel.analysis import read_ahead

    _started["import"] = (argv[1], read_ahead(argv[1]))
    import core.excel.batches  # (open_beside_app's recovery)
    import core.excel.importer
    import core.excel.writer  # (run_import's writer, imported once the plan is made)
    import core.logs  # noqa: F401  (main's log)


def _cmd_import(args) -> int:
    from core.excel.analysis import read_ahead

    file, begun = _started.pop("import", (None, None))
    # the file is read on a thread while the importer is imported and the book opens
    loaded = begun if begun is not None and file == args.file else read_ahead(args.file)
    from core.excel.importer import ImportOptions, run_import

    options = ImportOptions(preset=args.preset, dry_run=args.dry_run, all_or_nothing=args.all_or_nothing,
                            today=args.today)
    with open_beside_app(args, "huitouke import") as book:
        result = run_import(book, loaded, options)
    if args.json:
        _print_json(_import_json(result))
    else:
        print(_import_line(result))
        for kept in result.kept_columns():  # columns that are no field of the book: said before they go in
            print(fill(translate("Cli", "%1, sheet %2: kept in the customer's note (no field of the book): %3"),
                       kept["file"], kept["sheet"], translate("Cli", ", ").join(kept["columns"])))
        from core.excel.columns import SCOPE_WORDS  # (the error report's words for what a problem left out)

        words = 0 if language() == "en" else 1
        for error in _import_json(result)["errors"]:  # what was refused or noted, where, and what it cost
            print(fill(translate("Cli", "%1, sheet %2, row %3, column %4: %5 (left out: %6)"), error["file"],
                       error["sheet"], error["row"], error["column"] or "-", error["message"],
                       SCOPE_WORDS.get(error["scope"], (error["scope"],) * 2)[words]))
    return EXIT_OK


def _import_line(result) -> str:
    """What an import did (or would do), in one line in the user's language."""
    words = (translate("Cli", "Would import: %1") if result.dry_run else translate("Cli", "Imported: %1"))
    done = fill(translate("Cli", "%1 new customers, %2 updated, %3 new orders, %4 updated, %5 unchanged, "
                                 "%6 new products, %7 items added to orders already in the book; %8 rows skipped"),
                result.customers_created, result.customers_updated, result.orders_created, result.orders_updated,
                result.orders_unchanged, result.products_created, result.items_added + result.items_replaced,
                result.rows_skipped)
    return fill(words, done)


def _import_json(result) -> dict:
    """The importer's JSON; under Chinese each row problem's `message` is the app's Chinese words for its code."""
    data = result.to_json()
    say_row_problems(data["errors"])
    return data



def _cmd_export(args) -> int:
    """`export FILE --what W`: text "Exported FILE: sheet rows, …"; with --json {path, what, sheets: {sheet: rows}}."""
    from core.excel.export import export_book

    what = "aftersales" if args.what == "cases" else args.what
    if Path(args.file).suffix.lower() != ".xlsx":  # (the workbook is .xlsx whatever the name says)
        raise RejectedInput("export_not_xlsx", "The export is an .xlsx workbook", path=str(args.file))
    with open_beside_app(args, "huitouke export") as book:
        result = export_book(book, args.file, what, args.language)
    if args.json:
        _print_json({"path": str(result.path), "what": what, "sheets": dict(result.sheets)})
    else:
        sheets = ", ".join(f"{name} {rows}" for name, rows in result.sheets.items())
        print(fill(translate("Cli", "Exported %1: %2"), result.path, sheets))
    return EXIT_OK


def _cmd_not_ready(args) -> int:
    raise RejectedInput("command_unavailable", f"'{args.command}' is not available in this build",
                        command=args.command)


def opens_in_app(word: str) -> bool:
    """True when `word` is an existing file the desktop app opens: a book, or a spreadsheet to import."""
    from core.book.paths import BOOK_SUFFIX
    from core.excel import SPREADSHEET_SUFFIXES

    path = Path(word)
    return path.suffix.lower() in {BOOK_SUFFIX, *SPREADSHEET_SUFFIXES} and path.is_file()


# The options the desktop app takes (ui.app; --smoke-test is taken before: main.py); -psn_… is what macOS's
# Finder may add when it starts an app.
APP_OPTIONS = ("--book", "--minimized", "--quit-after-paint")


def wants_cli(argv: list[str]) -> bool:
    """True when the arguments are for the command line: a sub-command, --version/--help, a first word that
    is neither a sub-command nor a file the app opens (told as an unknown command), or an option the app does
    not take — or --book without its value — (told by the parser, exit 2; the app used to start regardless);
    False for the app."""
    word = first_word(argv)
    before = argv[: argv.index(word)] if word is not None else argv
    if before[-1:] == ["--book"] or any(arg.startswith("-") and arg.split("=", 1)[0] not in APP_OPTIONS
                                         and not arg.startswith("-psn_") for arg in before):
        return True
    if word is None:
        return False
    return word in command_names() or not opens_in_app(word)


def app_files(argv: list[str]) -> tuple[str | None, str | None]:
    """(book, spreadsheet) for the desktop app: the book is --book PATH|URL (or --book=…) or a .book file given
    as the argument; the spreadsheet, given as the argument, is imported once the book is open."""
    from core.book.paths import BOOK_SUFFIX

    book = next((arg.split("=", 1)[1] for arg in argv if arg.startswith("--book=")), None)
    if "--book" in argv[:-1]:
        book = argv[argv.index("--book") + 1]
    word = first_word(argv)
    if word is None or not opens_in_app(word):
        return book, None
    if Path(word).suffix.lower() == BOOK_SUFFIX:
        return word, None
    return book, word


def unknown_command(word: str, parser: argparse.ArgumentParser) -> RejectedInput:
    """The refusal of a first word that is no sub-command, with the closest ones (difflib) and all of them."""
    names = command_names(parser)
    return RejectedInput("unknown_command", f"unknown command '{word}'", command=word,
                         suggestions=difflib.get_close_matches(word, names, n=3, cutoff=0.5), commands=list(names))


def _tell_unknown_command(error: RejectedInput, parser: argparse.ArgumentParser, as_json: bool) -> None:
    suggestions = error.details["suggestions"]
    message = sentence(error)
    if suggestions:
        message = fill(translate("Cli", "%1 Did you mean: %2?"), message, translate("Cli", ", ").join(suggestions))
    if as_json:
        _print_error(error, message)
        return
    lines = [f"{PROGRAM}: {message}", translate("Cli", "Commands:"), *command_lines(parser),
             fill(translate("Cli", "More: %1 COMMAND --help"), PROGRAM)]
    print("\n".join(lines), file=sys.stderr)


def _print_error(error: HuitoukeError, message: str | None = None) -> None:
    """One JSON line on stderr: the error's code and details, its message in the user's language."""
    payload = {**error.to_dict(), "message": message or sentence(error)}
    if isinstance(payload.get("errors"), list):  # a refusal's row problems (no_row_imported, rows_rejected…)
        say_row_problems(payload["errors"])
    print(json.dumps({"error": payload}, ensure_ascii=False), file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    """Run a sub-command; returns the exit code (never raises for expected errors)."""
    argv = sys.argv[1:] if argv is None else argv
    parser = build_parser()
    word = first_word(argv)
    if word is not None and word not in command_names(parser):
        _tell_unknown_command(unknown_command(word, parser), parser, "--json" in argv)
        return EXIT_REJECTED
    try:
        args = parser.parse_args(argv)
        if args.command is None:
            parser.print_help()
            code = EXIT_OK
        else:
            from core.book.paths import log_dir, make_private
            from core.logs import CLI_LOG, setup_rotating_log

            make_private()  # umask 077, a 0700 data folder, temp files out of /tmp, like the app
            setup_rotating_log(log_dir(), CLI_LOG)  # what core does, with ids and codes (core.logs)
            if args.command in _OPEN_A_BOOK:
                _refuse_unsound(book_location(args))
            code = globals().get(f"_cmd_{args.command}", _cmd_not_ready)(args)
        sys.stdout.flush()  # a reader that went away shows here, not in the interpreter's exit
        return code
    except BrokenPipeError:
        return _reader_gone()
    except HuitoukeError as exc:
        _print_error(exc)
        return exc.exit_code
    except Exception as exc:  # the last line of defence: log it and say where the log is
        full = _disk_full(exc, args)
        if full is not None:
            _print_error(full)
            return full.exit_code
        busy = _busy(exc)
        if busy is not None:
            _print_error(busy)
            return busy.exit_code
        log_path = _log_unexpected()
        print(fill(translate("Cli", "Unexpected error; details in %1"), log_path), file=sys.stderr)
        return EXIT_UNEXPECTED


def _reader_gone() -> int:
    """`… | head`: the reader closed the pipe. Nothing more goes to it (stdout now leads nowhere, so the
    interpreter's last flush cannot fail either); no message, exit 141 like any program killed by SIGPIPE."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
    return EXIT_BROKEN_PIPE
def _disk_full(exc: Exception, args: argparse.Namespace):
    """The DiskFull an unexpected error really is (a full disk where the book or the data folder is), or None."""
    from core.book.guard import disk_is_full
    from core.book.paths import data_dir, is_url
    from core.errors import as_disk_full

    places = [data_dir() / "logs"] + ([] if is_url(book_location(args)) else [Path(book_location(args))])
    return as_disk_full(exc, lambda: any(disk_is_full(place) for place in places))


def _refuse_unsound(location: str | Path) -> None:
    """Raise before a command touches anything that is not a sound Huitouke book (full integrity_check)."""
    from core.book.backup import assert_sound
    from core.book.paths import is_url

    if not is_url(location):
        assert_sound(Path(location), full=True)


def _busy(exc: Exception):
    """BookBusy for a "database is locked" met outside a Book.session (e.g. the importer's own connection)."""
    from sqlalchemy.exc import OperationalError

    if isinstance(exc, OperationalError):
        from core.book.db import busy_error

        return busy_error(exc)
    return None


def _log_unexpected() -> Path:
    """Log the error being handled with its traceback to the command line's log (cli.log, set up by `main`,
    or here when it failed before); returns that log's path, the one the message names."""
    import logging
    import traceback

    from core.book.paths import log_dir
    from core.logs import CLI_LOG, setup_rotating_log

    path = setup_rotating_log(log_dir(), CLI_LOG)
    logging.getLogger("huitouke.cli").error("unexpected error\n%s", traceback.format_exc())
    return path
