"""The import engine: one file (and its companion) into the book, idempotently, undoable as one batch.

Flow: read → choose presets/mappings → clean rows → group into people and orders (core.excel.plan) →
match people against the book (core.excel.matching) → bulk inserts and recorded updates
(core.excel.writer) → derived figures refreshed; a huge file into a book without orders is planned and written
in rounds (core.excel.rounds: its people first, then its orders a round of rows at a time). Every import is an
``import_batch``; what it created carries the batch id and what it changed is kept in ``import_change``, so
``undo_import`` can put the book back. The writes are committed in short transactions (core.excel.chunked: a save made meanwhile waits for one
chunk at most); a failure, a cancel or a kill halfway is undone as the batch it is, so the book never keeps
half an import. A dry run does all of it in one transaction and rolls back.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field, replace
from functools import partial
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from core.book.dialect import one_at_a_time
from core.book.models import Order
from core.book.turns import WriteTurn
from core.errors import Cancelled, HuitoukeError, ImportRejected
from core.excel import rounds
from core.excel.analysis import (
    LoadedFile,
    TableChoice,
    choose,
    count_data_rows,
    counting_walks,
    kept_headers,
    load_file,
    preset_of,
    remembered_mappings,
    table_rows,
)
from core.excel.chunked import ImportRunning, Turns
from core.excel.detail_items import unknown_order_errors
from core.excel.mapping import header_signature, normalise_header
from core.excel.own_export import SETTING_SHEETS
from core.excel.plan import ImportPlan, PlanBuilder, TableSource
from core.excel.readers import DEFAULT_LIMITS, Limits, Table
from core.excel.records import ParsedRow, RowError, TableRows
from core.excel.review import MergeProposal, ProposalView, describe
from core.excel.sentences import error_sentence
from core.excel.sheet_rows import holds_sheet, release
from core.gc_pause import garbage_collector_paused
from core.progress import IsCancelled, Progress, no_progress

if TYPE_CHECKING:
    from core.excel.writer import BookWriter

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ImportOptions:
    """What the seller chose. ``sheets``: names to import (None = every usable sheet); ``preset``: force a
    preset for every sheet, ``presets``: per sheet name; ``overrides``: per sheet, {normalised header: field
    or ""}; ``remember``: store
    the overrides for files with the same headers; ``today``: the day the reminders of the imported customers
    are regenerated for (default: the book's today)."""

    sheets: tuple[str, ...] | None = None
    preset: str | None = None
    presets: Mapping[str, str] = field(default_factory=dict)
    overrides: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    dry_run: bool = False
    all_or_nothing: bool = False
    backup: bool = True
    remember: bool = True
    limits: Limits = DEFAULT_LIMITS
    today: dt.date | None = None


@dataclass(frozen=True, slots=True)
class RiskBuyer:
    """A customer flagged as a risk buyer (DOMAIN.md §6) whose new orders arrived by this import."""

    customer_id: int
    name: str
    orders: int


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What an import did (or, for a dry run, would do)."""

    batch_id: int | None
    dry_run: bool
    customers_created: int
    customers_updated: int
    orders_created: int
    orders_updated: int
    orders_unchanged: int
    products_created: int
    products_updated: int
    rows_read: int
    rows_skipped: int
    errors: tuple[RowError, ...]
    proposals: tuple[MergeProposal, ...]
    tables: tuple[TableChoice, ...]
    reviews: tuple[ProposalView, ...] = ()  # the proposals with both customers, for the review
    items_added: int = 0  # detail-file lines added to orders already in the book
    items_replaced: int = 0  # summary items of such orders replaced by a detail line
    risk_buyers: tuple[RiskBuyer, ...] = ()  # customers flagged as risk buyers who got new orders here

    def summary(self) -> str:
        """One English line for the command line."""
        verb = "Would import" if self.dry_run else "Imported"
        return (f"{verb}: {self.customers_created} new customers, {self.customers_updated} updated, "
                f"{self.orders_created} new orders, {self.orders_updated} updated, {self.orders_unchanged} "
                f"unchanged, {self.products_created} new products, {self.items_added + self.items_replaced} items "
                f"added to orders already in the book; {self.rows_skipped} rows skipped")

    def to_json(self) -> dict:
        """The command line's JSON (issue #4) plus a few extra fields."""
        return {
            "customers_created": self.customers_created, "customers_updated": self.customers_updated,
            "orders_created": self.orders_created, "orders_updated": self.orders_updated,
            "orders_unchanged": self.orders_unchanged, "products_created": self.products_created,
            "products_updated": self.products_updated, "items_added": self.items_added,
            "items_replaced": self.items_replaced, "rows_read": self.rows_read,
            "rows_skipped": self.rows_skipped, "batch_id": self.batch_id, "dry_run": self.dry_run,
            "errors": [{"file": e.file, "sheet": e.sheet, "row": e.row, "column": e.column, "code": e.code,
                        "value": e.value, "scope": e.scope, "message": error_sentence(e)} for e in self.errors],
            "merge_proposals": [asdict(p) for p in self.proposals],
            # ids only: names stay out of what is printed and stored with the batch
            "risk_buyers": [{"customer_id": r.customer_id, "orders": r.orders} for r in self.risk_buyers],
            "kept_columns": self.kept_columns(),
        }

    def kept_columns(self) -> list[dict]:
        """The columns that are no field of the book, kept in the customer's note ("header：value"), by sheet:
        [{"file", "sheet", "columns": [header, …]}] — what the seller should know before importing."""
        return [{"file": choice.file, "sheet": choice.sheet, "columns": kept}
                for choice in self.tables if (kept := kept_headers(choice))]


class _DryRunDone(Exception):
    def __init__(self, result: ImportResult) -> None:
        self.result = result



def choose_tables(loaded: LoadedFile, options: ImportOptions,
                  remembered: Mapping[str, tuple[str, dict[str, str]]]) -> list[TableChoice]:
    """The tables to import with their mappings; rejects a file where no table identifies anyone."""
    choices = []
    for table in loaded.tables:
        if options.sheets is not None and table.sheet.name not in options.sheets:
            continue
        preset = options.presets.get(table.sheet.name, options.preset)
        choice = choose(table, preset, options.overrides.get(table.sheet.name), remembered, count_rows=False)
        if choice.data_rows is None and (choice.kind in _COUNTED_KINDS or not counting_walks(table)):
            choice = replace(choice, data_rows=count_data_rows(table, choice))
        choices.append(choice)  # (a sheet of orders or customers not counted yet: the plan's walk is enough)
    if not any(choice.usable for choice in choices):
        passed_over = [sheet_passed_over(choice) for choice in choices if choice.kind == "ignored"]
        if choices and len(passed_over) == len(choices):  # only sheets of our export that are not read back
            rows = sum(choice.data_rows or 0 for choice in choices)
            if not rows:
                raise ImportRejected("no_data_rows", file=loaded.path.name)
            raise ImportRejected("no_row_imported", file=loaded.path.name, rows=rows,
                                 errors=[asdict(error) | {"message": error_sentence(error)} for error in passed_over])
        raise ImportRejected("no_identity_column", file=loaded.path.name,
                             headers=list(choices[0].headers) if choices else [])
    return choices


def sheet_passed_over(choice: TableChoice) -> RowError:
    """The note for a sheet of our export that is not read back: the tasks sheet without its ID columns
    (``tasks_without_ids``: an older export's, or one whose ID columns the seller deleted — a task cannot find
    its customer without them, and its rows never become customers), or the After-sales page's summary."""
    code = "tasks_without_ids" if choice.preset.startswith("huitouke_reminders") else "sheet_not_imported"
    return RowError(choice.file, choice.sheet, 0, "", code, str(choice.data_rows or 0), "note")


_COUNTED_KINDS = ("ignored", "ledger", "setting")  # sheets whose data rows the import reports or adds up

Source = str | os.PathLike[str] | LoadedFile | Callable[[], LoadedFile]  # a file, read, or being read (read_ahead)


def run_import(book, source: Source, options: ImportOptions = ImportOptions(),
               progress: Progress | None = None, is_cancelled: IsCancelled | None = None,
               write_turn: WriteTurn | None = None) -> ImportResult:
    """Import a file into ``book`` (a core.book.db.Book) and return what happened.

    Raises ImportRejected (file refused, nothing written) or Cancelled (nothing written: what was already
    committed is undone). Bad rows are skipped and listed in ``errors`` unless ``options.all_or_nothing``.
    An import is written in short transactions (core.excel.chunked), each inside ``write_turn()`` when given
    (the app's book lane); a dry run in one, rolled back.
    """
    try:
        with garbage_collector_paused():
            result = _run_import(book, source, options, progress, is_cancelled, write_turn)
    except HuitoukeError as exc:
        log.info("import refused or stopped: %s", exc.code)
        raise
    log.info("import%s batch %s: %d customers created, %d updated; %d orders created, %d updated; "
             "%d products created; %d rows skipped", " (dry run)" if result.dry_run else "", result.batch_id,
             result.customers_created, result.customers_updated, result.orders_created, result.orders_updated,
             result.products_created, result.rows_skipped)
    return result


def _run_import(book, source: Source, options: ImportOptions,
                progress: Progress | None, is_cancelled: IsCancelled | None,
                write_turn: WriteTurn | None) -> ImportResult:

    progress = progress or no_progress
    cancelled = is_cancelled or (lambda: False)
    progress(0, 100, "reading")
    loaded = (source if isinstance(source, LoadedFile) else source() if callable(source)
              else load_file(source, options.limits, count_rows=False))
    files = [loaded, *loaded.companions]
    with book.session() as session:
        signatures = [header_signature(table.headers) for file in files for table in file.tables]
        remembered = remembered_mappings(session, signatures)
    choices = [choice for file in files for choice in choose_tables(file, options, remembered)]
    plan = _build_plan(files, choices, progress, cancelled, in_rounds(book, files, choices, options))
    _refuse_skipped_rows(plan, options, loaded.path.name,
                         _unknown_detail_lines(book, plan) if options.all_or_nothing else ())
    _refuse_nothing_to_import(book, plan, loaded.path.name)
    if cancelled():
        raise Cancelled("cancelled")
    if options.dry_run:
        return _dry_run(book, loaded, choices, plan, options, progress, cancelled, write_turn)
    with ImportRunning(book).hold():  # one import at a time; a crash leaves a batch nobody holds (chunked)
        if options.backup and book.path is not None:
            progress(50, 100, "backup")
            book.backup("before-import")
        result = _write_in_chunks(book, loaded, choices, plan, options, progress, cancelled, write_turn)
    progress(100, 100, "done")
    return result


def _dry_run(book, loaded: LoadedFile, choices: list[TableChoice], plan: ImportPlan, options: ImportOptions,
             progress: Progress, cancelled: IsCancelled, write_turn: WriteTurn | None) -> ImportResult:
    """The import written in one transaction and rolled back. On a book file that runs in a throwaway copy of
    it (core.book.backup.working_copy: one read of the book, no write lock), so a save meanwhile does not wait
    for the whole check (issue #21: in the book itself it held the write lock from start to end); on a shared
    book in the book itself (readers never wait there)."""
    from core.book.backup import working_copy
    from core.book.db import Book, make_engine

    if book.path is None:
        return _rolled_back(book, loaded, choices, plan, options, progress, cancelled, write_turn)
    with working_copy(book.path, root=book.backup_root) as copy:
        scratch = Book(copy, make_engine(copy), None, book.backup_root)
        try:
            return _rolled_back(scratch, loaded, choices, plan, options, progress, cancelled, None)
        finally:
            scratch.close()


def _rolled_back(book, loaded: LoadedFile, choices: list[TableChoice], plan: ImportPlan, options: ImportOptions,
                 progress: Progress, cancelled: IsCancelled, write_turn: WriteTurn | None) -> ImportResult:
    from core.excel.writer import BookWriter

    try:
        with (write_turn or contextlib.nullcontext)(), book.session() as session:
            one_at_a_time(session, "import")  # two people importing at once: the second matches the first's rows
            writer = BookWriter(session, plan, progress, cancelled, options.today, reminders=False)
            raise _DryRunDone(_write(session, writer, loaded, choices, plan, options))
    except _DryRunDone as done:
        return done.result


def _write_in_chunks(book, loaded: LoadedFile, choices: list[TableChoice], plan: ImportPlan, options: ImportOptions,
                     progress: Progress, cancelled: IsCancelled, write_turn: WriteTurn | None) -> ImportResult:
    """The import's writes in short transactions (core.excel.chunked); anything raised after the batch row
    was committed undoes what was written before it goes on."""
    from core.excel.writer import BookWriter

    with book.session() as session:
        turns = Turns(session, write_turn)
        writer = BookWriter(session, plan, progress, cancelled, options.today, turns=turns)
        turns.begin()
        try:
            result = _write(session, writer, loaded, choices, plan, options)
            turns.end()
        except BaseException:
            turns.abandon()
            if writer.counts.batch_id:
                _undo_unfinished(book, writer.counts.batch_id, options.today, write_turn)
            raise
    log.info("import batch %s written in %d chunks, the longest transaction %.3f s", writer.counts.batch_id,
             turns.commits, turns.longest)
    return result


def _undo_unfinished(book, batch_id: int, today: dt.date | None, write_turn: WriteTurn | None) -> None:
    from core.excel.batches import undo_import

    try:
        with (write_turn or contextlib.nullcontext)():
            undo_import(book, batch_id, today, unfinished=True, forget=True)
    except Exception:  # left for the next open (core.excel.batches.recover_unfinished_imports)
        log.exception("import batch %s stopped halfway and could not be undone now", batch_id)


def _write(session, writer: BookWriter, loaded: LoadedFile, choices: list[TableChoice], plan: ImportPlan,
           options: ImportOptions) -> ImportResult:
    """Write the plan and the batch's report; the result."""
    counts = writer.write(loaded.path.name, ",".join(sorted({c.sheet for c in choices})),
                          ",".join(sorted({c.preset for c in choices})))
    if options.remember:
        _remember(session, choices, options)
    proposals = tuple(MergeProposal(*proposal) for proposal in counts.proposals)
    with writer.free():  # the report is read and put together between transactions (chunked)
        result = ImportResult(
            None if options.dry_run else counts.batch_id, options.dry_run, counts.customers_created,
            counts.customers_updated, counts.orders_created, counts.orders_updated, counts.orders_unchanged,
            counts.products_created, counts.products_updated, plan.rows_read + len(plan.skipped_rows),
            len(plan.skipped_rows), tuple(plan.errors), proposals, tuple(choices),
            describe(session, proposals), counts.detail.items_added, counts.detail.items_replaced,
            tuple(RiskBuyer(*row) for row in counts.risk_buyers),
        )
        report = json.dumps(result.to_json(), ensure_ascii=False, default=str)
    writer.finish_batch(report)
    return result


def _refuse_skipped_rows(plan: ImportPlan, options: ImportOptions, file_name: str,
                         unknown_lines: Sequence[RowError] = ()) -> None:
    """All or nothing: any row or purchase left out refuses the file (notes do not), before anything is
    written — no batch, no backup, no chunk. ``unknown_lines``: the detail lines the writer would report
    as ``order_not_in_book`` (``_unknown_detail_lines``)."""
    problems = [error for error in [*plan.errors, *unknown_lines] if error.scope != "note"]
    if options.all_or_nothing and problems:
        rows = {(error.file, error.sheet, error.row) for error in problems}
        raise ImportRejected("rows_rejected", file=file_name, rows=len(rows),
                             errors=[asdict(error) for error in problems[:50]])


def _refuse_nothing_to_import(book, plan: ImportPlan, file_name: str) -> None:
    """The contract: a file with no data rows (``no_data_rows``) or none of whose rows can be imported
    (``no_row_imported``, with the first row errors) is refused before anything is written — no batch,
    no backup. Detail lines count only when the book holds one of their orders."""
    if plan.people or plan.rounds or plan.orders or plan.products or any(key.startswith(SETTING_SHEETS) for key, _table in plan.ledgers):
        return
    if plan.detail_items and _book_has_any_order(book, list(plan.detail_items)):
        return
    rows = plan.rows_read + len(plan.skipped_rows)
    if rows == 0:
        raise ImportRejected("no_data_rows", file=file_name)
    errors = [*plan.errors, *unknown_order_errors(plan, list(plan.detail_items))]  # none of their orders is in the book
    # our export's history sheets alone (提醒, 优惠券…): they only come back with the customers the import creates
    errors += [RowError(table.file, table.sheet.name, table.data_start + 1, "", "history_needs_customers", "", "note")
               for _key, table in plan.ledgers]
    raise ImportRejected("no_row_imported", file=file_name, rows=rows,
                         errors=[asdict(error) | {"message": error_sentence(error)} for error in errors[:50]])


def _unknown_detail_lines(book, plan: ImportPlan) -> list[RowError]:
    """The detail lines whose order is neither in this import nor in the book: found while planning, so
    that an all-or-nothing import is refused before its first commit."""
    from core.excel.matching import orders_in_book

    imported = {(order.platform, order.platform_order_no) for order in plan.orders}
    keys = [key for key in plan.detail_items if key not in imported]
    if not keys:
        return []
    with book.session() as session:
        found = set(orders_in_book(session, keys))
    return unknown_order_errors(plan, [key for key in keys if key not in found])


def _book_has_any_order(book, keys: list[tuple[str, str]]) -> bool:
    from core.excel.matching import orders_in_book

    with book.session() as session:
        return next(orders_in_book(session, keys), None) is not None


def _remember(session, choices: list[TableChoice], options: ImportOptions) -> None:
    from core.excel.analysis import remember_mapping

    for choice in choices:
        if choice.sheet in options.overrides:
            stored = {normalise_header(header): choice.fields.get(index, "")
                      for index, header in enumerate(choice.headers) if normalise_header(header)}
            remember_mapping(session, choice.signature, choice.preset, stored)


def in_rounds(book, files: list[LoadedFile], choices: list[TableChoice], options: ImportOptions) -> bool:
    """Whether this import is planned and written in rounds (core.excel.rounds.wanted)."""
    tables = {(table.file, table.sheet.name): table for file in files for table in file.tables}
    read = [choice for choice in choices if choice.usable and choice.kind not in ("ledger", "setting", "products")]
    rows = sum(_rows_for_progress(choice, tables[(choice.file, choice.sheet)]) for choice in read)
    if rows <= rounds.ROUNDS_AFTER:
        return False
    summed = any(preset_of(choice).sum_row_amounts for choice in read)
    with book.session() as session:
        has_orders = summed and session.execute(select(Order.id).limit(1)).first() is not None
    return rounds.wanted(rows, [choice.kind for choice in read], options.dry_run, options.all_or_nothing, has_orders)


def _build_plan(files: list[LoadedFile], choices: list[TableChoice], progress: Progress,
                cancelled: IsCancelled, in_rounds: bool = False) -> ImportPlan:
    """The plan of the chosen tables; ``in_rounds``: its people only, its orders walked again in rounds
    (core.excel.rounds)."""
    builder = rounds.PeopleFirst() if in_rounds else PlanBuilder()
    tables = {(table.file, table.sheet.name): table for file in files for table in file.tables}
    total = sum(_rows_for_progress(choice, tables[(choice.file, choice.sheet)]) for choice in choices) or 1
    done = 0
    for choice in choices:
        if choice.kind == "ignored" and choice.data_rows:  # tasks without their ids / the cases' summary: said, not read
            builder.plan.errors.append(sheet_passed_over(choice))
        if not choice.usable:
            continue
        preset = preset_of(choice)
        table = tables[(choice.file, choice.sheet)]
        for row, column, code, value in table.sheet.notes:  # what the reader mended: cut cells, encodings…
            header = table.headers[column] if 0 <= column < len(table.headers) else ""
            builder.plan.errors.append(RowError(choice.file, choice.sheet, row, header, code, value, "note"))
        if preset.kind in ("ledger", "setting"):  # our export's coupons, contact log, levels, templates
            builder.plan.ledgers.append((preset.key, table))
            builder.plan.rows_read += choice.data_rows or 0
            continue
        reader, work = table_rows(table, choice, builder.add_error), 0
        reader.kept_texts = rounds.KEPT_TEXTS if in_rounds else None
        for good, worked in _rows_in_blocks(reader, table.sheet.rows):
            if good:
                builder.add_rows(good, preset, choice.file, choice.sheet)
            work += worked
            if cancelled():
                raise Cancelled("cancelled")
            progress(min(45, 5 + 40 * (4 * done + work) // (4 * total)), 100, "reading rows")
        release(table.sheet.rows)  # the plan holds what it needs: the sheet is read again if asked for again
        done += _rows_for_progress(choice, table)
        if preset.kind == "items":
            column = next(index for index, name in choice.fields.items() if name == "platform_order_no")
            builder.plan.detail_columns[(choice.file, choice.sheet)] = choice.headers[column]
    if isinstance(builder, rounds.PeopleFirst):
        return builder.people(partial(_walk_again, files, choices, cancelled))
    plan = builder.build()
    _join_detail_items(plan)
    return plan


def _walk_again(files: list[LoadedFile], choices: list[TableChoice],
                cancelled: IsCancelled) -> Iterator[tuple[list[ParsedRow], TableSource]]:
    """The good rows of the tables of people and orders read again, as _build_plan read them (core.excel.rounds:
    their errors were reported then)."""
    tables = {(table.file, table.sheet.name): table for file in files for table in file.tables}
    for choice in choices:
        preset = preset_of(choice) if choice.usable else None
        if preset is None or preset.kind in ("ledger", "setting", "products", "items"):
            continue
        table = tables[(choice.file, choice.sheet)]
        source = (preset, choice.file, choice.sheet)
        reader = table_rows(table, choice, _ignored)
        reader.kept_texts = rounds.KEPT_TEXTS
        for good, _work in _rows_in_blocks(reader, table.sheet.rows):
            if good:
                yield good, source
            if cancelled():
                raise Cancelled("cancelled")
        release(table.sheet.rows)


def _ignored(_error: RowError) -> None:
    """(A row's error met again: it was reported on the first walk.)"""


def _rows_in_blocks(reader: TableRows, sheet_rows: Sequence[list[Any]]) -> Iterator[tuple[list[ParsedRow], int]]:
    """A table's good rows a block at a time, each with the work it stands for (4 a sheet row: 3 for cleaning it,
    1 for making its row). A sheet that holds calamine's range is cleaned whole first (a list per mapped column,
    core.excel.records.TableRows), let go, and only then made into rows (dicts): the plan's peak is no longer the
    range and every row's dicts at once (50,000 orders, whole process: 293 → 253 MiB). Other sheets hold no such
    thing (text files, a large workbook read in slices): each block is made as soon as it is cleaned."""
    if not holds_sheet(sheet_rows):
        for block in reader.cleaned():
            yield list(reader.rows(block)), 4 * block.size
        return
    blocks = []
    for block in reader.cleaned():
        blocks.append(block)
        yield [], 3 * block.size
    release(sheet_rows)
    blocks.reverse()
    while blocks:  # each block's cleaned columns let go as its rows are made
        block = blocks.pop()
        yield list(reader.rows(block)), block.size


def _rows_for_progress(choice: TableChoice, table: Table) -> int:
    """The choice's data rows, or the rows under its header when they were not counted (choose_tables)."""
    return choice.data_rows if choice.data_rows is not None else max(0, len(table.sheet.rows) - table.data_start)


def _join_detail_items(plan: ImportPlan) -> None:
    """Items from an item-level detail file replace the summary item of the same order of this import.

    The detail lines stay in the plan: the writer adds those of orders already in the book and reports
    those of unknown orders (core.excel.detail_items)."""
    plan.rows_read += sum(len(rows) for rows in plan.detail_rows.values())
    for order in plan.orders:
        items = plan.detail_items.get((order.platform, order.platform_order_no))
        if items:
            order.items = [dict(item) for item in items]
