"""A huge import planned and written in rounds (issue #18, Build 3: memory bounded whatever the cell count).

The ordinary plan (core.excel.plan.PlanBuilder) holds every row, then a draft of every order, until the writer runs:
≈ 1.4 GB for the 100k demo book's export (634,274 order lines). An import of more than ``ROUNDS_AFTER`` rows of
people and orders (``wanted``) is planned in two walks of its sheets instead:

1. ``PeopleFirst`` (the reading walk): each row's order key (as the plan computes it, in the same row order) held as
   a digest, its identity keys joined into people as it comes (``joiner.Joiner``; the rows of an order are joined by
   their first row once every row was read — the same people as the plan's), and what the person takes of it
   (customer fields, phones, kept lines) written to a temporary file (``_Shares``). ``people()`` then finds each
   row's person (in the order of their first rows, as the plan) and cuts the rows into rounds of about
   ``ROUND_ROWS`` rows that no order crosses (an order's rows far apart make a longer round).
2. The people (``People``) are made from the shares ``ROUND_ROWS`` people at a time and written a round at a time
   into a book without customers (core.excel.round_writer.people_in_rounds), all at once into a book with some
   (held packed: core.excel.packed_people).
3. ``Rounds`` (the writer's walk, core.excel.writer): the sheets read again, each round's orders planned by
   ``plan.orders_of`` with the people already made, written, and let go before the next round is read. Into a book
   with orders, the rounds are walked once more before the people are written: their orders looked up in the book,
   those it has updated, the owners of the people's orders found (core.excel.round_book).

Both walks keep at most ``KEPT_TEXTS`` cleaned texts a column (records.TableRows.kept_texts): the rows are let go as
read, so sharing a customer's name between their rows saves nothing there. What the plan reports is the same, in the
same order: the notes of repeated lines and the orders left without a date are added once every round was planned.
The writer writes the same book (core.excel.writer: products are created once every round was read, as one plan
would, and the new customers' figures computed from the book).
"""

from __future__ import annotations

import pickle
import tempfile
from array import array
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from hashlib import blake2b
from itertools import count, repeat
from typing import Any

from core.errors import ImportRejected
from core.excel.joiner import Joiner
from core.excel.line_states import pasted_copies
from core.excel.own_export import BOOK_ORDER_KEY
from core.excel.packed_people import PackedPeople
from core.excel.plan import (
    ImportPlan,
    OrderDraft,
    PersonDraft,
    PlanBuilder,
    TableSource,
    _Union,
    add_person,
    dateless,
    finished,
    order_key,
    orders_of,
)
from core.excel.presets import Preset
from core.excel.records import ParsedRow, RowError
from core.free_memory import give_back

ROUNDS_AFTER = 100_000  # rows of people and orders past which an import is written in rounds (``wanted``)
ROUND_ROWS = 10_000  # rows planned and written at a time (and people made and written at a time)
KEPT_TEXTS = 20_000  # cleaned texts a column keeps across blocks in either walk (records.TableRows.kept_texts)

# A walk of the import's tables of people and orders again, in the same order, each block of good rows with the
# table it comes from (core.excel.importer).
Walk = Callable[[], Iterator[tuple[list[ParsedRow], TableSource]]]

def wanted(rows: int, kinds: Sequence[str], dry_run: bool, all_or_nothing: bool, lines_merged: bool) -> bool:
    """Whether an import of ``rows`` rows of people and orders from tables of ``kinds`` is written in rounds: past
    ``ROUNDS_AFTER`` rows, with no detail file (its lines join orders of the whole plan), written for real and not
    all or nothing (those report every order's errors before the first write), and unless ``lines_merged``: the
    book has orders and a table's rows are its orders' lines (``Preset.sum_row_amounts``, Douyin: merged with the
    book's lines by core.excel.sub_orders and detail_items, whose records one plan makes in another order). Into a
    book with orders, each round's orders are looked up there (core.excel.round_book)."""
    return rows > ROUNDS_AFTER and "items" not in kinds and not dry_run and not all_or_nothing and not lines_merged


class PeopleFirst(PlanBuilder):
    """The reading walk of an import in rounds (module docstring). What it keeps of a row is held compactly, so that
    the walk's memory does not grow with the file's cells: the share of the row its person takes is written to an
    unnamed temporary file (``_Shares``: read back once, in row order, when the people are made); its order key is
    held as a 16-byte digest (the rows of one order found once every row was read, ``_orders_of_rows``); the rest
    are arrays of 4-byte ints. Only the joiner's identity keys (one entry a person's phone, buyer ID…) are held as
    Python objects."""

    def __init__(self) -> None:
        super().__init__()
        self._occurrences: Counter[str] = Counter()
        self._key_errors: list[RowError] = []  # purchases without a date, reported after the reading's errors
        self._keyed = array("i")  # the rows with an order key, in order
        self._digests = bytearray()  # their keys' digests (_DIGEST bytes each)
        self._numbered = array("i")  # the rows whose order number joins them to their order's first row
        self._named_rows, self._named = array("i"), array("q")  # rows of our export's orders by id, and the ids
        self._tables: list[TableSource] = []
        self._table_of = array("H")  # by row: its table (position in _tables)
        self._shares = _Shares()
        self._summed = False  # whether a table's rows are its orders' lines (Preset.sum_row_amounts)
        self._union = _Union(0, array("i"))
        self._joiner = Joiner(self._union.join)

    def add_rows(self, rows: Sequence[ParsedRow], preset: Preset, file: str, sheet: str) -> None:
        if preset.kind in ("products", "items"):
            super().add_rows(rows, preset, file, sheet)
            return
        source: TableSource = (preset, file, sheet)
        self._summed |= preset.sum_row_amounts
        self._tables.append(source)
        table = len(self._tables) - 1
        parent, keyed, digests = self._union.parent, self._keyed, self._digests
        for parsed in rows:
            index = len(parent)
            parent.append(index)
            key = order_key(parsed, source, self._occurrences, self._key_errors)
            numbered = key is not None and bool(parsed.order.get("platform_order_no"))
            if key is not None:
                keyed.append(index)
                digests += blake2b(f"{key[0]}\0{key[1]}".encode("utf-8", "surrogatepass"),
                                   digest_size=_DIGEST).digest()
                if numbered:
                    self._numbered.append(index)
                elif key[1].startswith(BOOK_ORDER_KEY) and key[1][1:].isdigit():
                    self._named_rows.append(index)
                    self._named.append(int(key[1][1:]))
            # (an order's rows are joined once every row was read: people())
            self._joiner.add(index, parsed, preset.platform, numbered, None)
            self._shares.add(parsed)
        self._table_of.extend(repeat(table, len(rows)))

    def people(self, walk: Walk) -> ImportPlan:
        """The plan's people (its orders come in ``plan.rounds``), as PlanBuilder.build makes them."""
        plan = self.plan
        plan.errors.extend(self._key_errors)
        self._joiner = None  # type: ignore[assignment]
        rows = len(self._union.parent)
        if not rows:  # no row of people or orders: no rounds (the import is refused if nothing else is in it)
            return plan
        order_of, orders = _orders_of_rows(rows, self._keyed, self._digests)
        lines = len(self._keyed)
        self._keyed, self._digests = array("i"), bytearray()
        union, join = self._union, self._union.join
        for index in self._numbered:  # an order's rows are one person's (Joiner: ``order_first``)
            first = order_of[index]
            if first != index:
                join(first, index)
        self._numbered = array("i")
        ends = _round_ends(order_of)
        named = _named_by_round(self._named_rows, self._named, ends)
        self._named_rows, self._named = array("i"), array("q")
        del order_of
        give_back()  # (the reading walk's blocks, let go)
        parent, find = union.parent, union.find
        positions: dict[int, int] = {}  # each person's position (in the order of their first rows) by root
        person_of_row = array("i", (positions.setdefault(index if parent[index] == index else find(index),
                                                         len(positions)) for index in range(rows)))
        plan.rows_read += rows
        self._union = None  # type: ignore[assignment]
        plan.rounds = rounds = Rounds(plan, walk, person_of_row, ends, orders, lines)
        rounds.file = self._tables[0][1] if self._tables else ""
        rounds.summed, rounds.named = self._summed, named
        rounds.people = People(self._shares, person_of_row, len(positions), self._tables, self._table_of)
        return plan


class People:
    """The people of an import in rounds, made from the rows' shares (``_Shares``) a round of ``ROUND_ROWS`` people
    at a time (``in_rounds``: core.excel.round_writer writes each and lets it go) or all at once (``all``)."""

    def __init__(self, shares: _Shares, person_of_row: array, count: int, tables: list[TableSource],
                 table_of: array) -> None:
        self._shares, self._person_of_row, self.count = shares, person_of_row, count
        self._tables, self._table_of = tables, table_of
        self.tags = shares.tags  # every tag of the people (created at once, in their order, before any round)

    def in_rounds(self) -> Iterator[list[PersonDraft]]:
        """The people, ``ROUND_ROWS`` at a time, in order (each made from every row of theirs, as one plan)."""
        with self._shares:
            for start in range(0, self.count, ROUND_ROWS):
                yield self._made(start, min(start + ROUND_ROWS, self.count))

    def all(self) -> PackedPeople:
        """Every person, held packed (core.excel.packed_people: matched against a book with customers), made
        ``ROUND_ROWS`` people at a time."""
        people = PackedPeople()
        for drafts in self.in_rounds():
            people.extend(drafts)
        return people

    def _made(self, start: int, end: int) -> list[PersonDraft]:
        drafts: list[PersonDraft] = []
        people: dict[int, int] = {}
        person_of_row, tables, table_of = self._person_of_row, self._tables, self._table_of
        for index, parsed in self._shares.read(lambda index: start <= person_of_row[index] < end):
            add_person(drafts, people, person_of_row[index], parsed, tables[table_of[index]])
        return drafts


_DIGEST = 16  # bytes of an order key's digest (BLAKE2b): two keys of one digest are not met in practice (2^-64)


class _Shares:
    """What each row's person takes of it (customer fields, phones, masked phone, kept lines), written in row order
    to an unnamed temporary file (private to this process, gone when closed) and read back a round of people at a
    time (``People``)."""

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile()  # noqa: SIM115  (closed with the people: People)
        self._keys: dict[tuple[str, ...], int] = {}  # each tuple of customer keys, once
        self.tags: set[str] = set()

    def __enter__(self) -> _Shares:
        return self

    def __exit__(self, *_exc: object) -> None:
        self._file.close()

    def add(self, parsed: ParsedRow) -> None:
        keys = tuple(parsed.customer)
        tags = parsed.customer.get("tags")
        if tags:
            self.tags.update(tags)
        share = pickle.dumps((parsed.row, self._keys.setdefault(keys, len(self._keys)), tuple(parsed.customer.values()),
                              parsed.phones, parsed.masked_phone, parsed.kept), protocol=pickle.HIGHEST_PROTOCOL)
        self._file.write(len(share).to_bytes(4, "little") + share)

    def read(self, wanted: Callable[[int], bool]) -> Iterator[tuple[int, ParsedRow]]:
        """The shares of the rows ``wanted`` (by position) as ParsedRows (customer fields, phones, masked phone, kept
        lines), in row order."""
        keys = list(self._keys)
        file = self._file
        file.seek(0)
        index = 0
        while size := int.from_bytes(file.read(4), "little"):
            share = file.read(size)
            if wanted(index):
                row, keys_at, values, phones, masked, kept = pickle.loads(share)
                yield index, ParsedRow(row, dict(zip(keys[keys_at], values, strict=True)), phones=phones,
                                       masked_phone=masked, kept=kept)
            index += 1


def _orders_of_rows(rows: int, keyed: array, digests: bytearray) -> tuple[array, int]:
    """By row: the first row of its order (-1 without one), from the ``keyed`` rows' key ``digests`` (rows of one
    digest, in row order, are one order); and how many orders."""
    import numpy as np

    order_of = np.full(rows, -1, dtype=np.int32)
    if not keyed:
        return array("i", order_of.tobytes()), 0
    halves = np.frombuffer(digests, dtype=np.uint64)
    high, low = halves[0::2], halves[1::2]
    by_key = np.lexsort((low, high))  # (stable: an order's rows stay in row order)
    high, low = high[by_key], low[by_key]
    starts = np.empty(len(by_key), dtype=bool)
    starts[0] = True
    np.not_equal(high[1:], high[:-1], out=starts[1:])
    starts[1:] |= low[1:] != low[:-1]
    del high, low, halves
    sorted_rows = np.frombuffer(keyed, dtype=np.int32)[by_key]
    firsts = sorted_rows[starts]
    order_of[sorted_rows] = firsts[np.cumsum(starts) - 1]
    return array("i", order_of.tobytes()), len(firsts)


def _named_by_round(rows: array, ids: array, ends: list[int]) -> tuple[Any, Any]:
    """The book ids our export's orders of these ``rows`` name (sorted) and, position for position, the round their
    rows are in (``ends``: where each round ends)."""
    import numpy as np

    named = np.frombuffer(ids, dtype=np.int64) if ids else np.zeros(0, dtype=np.int64)
    in_round = np.searchsorted(np.asarray(ends, dtype=np.int64), np.frombuffer(rows, dtype=np.int32) if rows
                               else np.zeros(0, dtype=np.int32), side="right")
    by_id = np.argsort(named, kind="stable")
    return named[by_id], in_round[by_id]


def _round_ends(order_of: array) -> list[int]:
    """Where each round ends: after ``ROUND_ROWS`` rows or more, at a row after which no order of the rows before it
    has another row (``order_of``: by row, the first row of its order or -1)."""
    import numpy as np

    first = np.frombuffer(order_of, dtype=np.int32)
    rows = len(first)
    positions = np.arange(rows, dtype=np.int32)
    last = positions.copy()
    keyed = first >= 0
    np.maximum.at(last, first[keyed], positions[keyed])  # (of an order's first row: its last row)
    reach = np.where(keyed, last[np.maximum(first, 0)], -1)
    np.maximum.accumulate(reach, out=reach)
    closing = np.flatnonzero(reach <= positions)  # rows after which a round may end
    ends: list[int] = []
    start = 0
    while True:
        at = int(np.searchsorted(closing, start + ROUND_ROWS - 1))
        if at == len(closing):
            break
        start = int(closing[at]) + 1
        ends.append(start)
    if start < rows:
        ends.append(rows)
    return ends


class Rounds:
    """The orders of an import in rounds (module docstring): iterate it once for each round's orders (finished, in
    the order one plan would have them); the plan's notes and errors of the orders are added at the end."""

    def __init__(self, plan: ImportPlan, walk: Walk, person_of_row: Sequence[int], ends: list[int], orders: int,
                 lines: int) -> None:
        self.plan, self._walk, self._person_of_row, self.ends = plan, walk, person_of_row, ends
        self.file = next((person.first_row[0] for person in plan.people), "")  # (named if a walk meets other rows)
        self.orders, self.lines = orders, lines  # (the file's orders and lines, before repeats and dateless orders)
        self.people: People | None = None  # the people, when the plan holds none of them yet (PeopleFirst)
        self.summed = False  # a table's rows are its orders' lines (``wanted``: lines_merged)
        # Into a book with orders (core.excel.round_book): each round's orders are looked up there, walking the
        # rounds once before the people are written; ``new_at``: then by round, the positions of its new orders
        # (``orders`` and ``lines`` then count the new ones only).
        self.in_book = False
        self.new_at: list[array] | None = None
        self.named: tuple[Any, Any] | None = None  # the ids our export's orders name, sorted; the round of each
        self._reported = False  # the notes and errors of the orders added to the plan (the first walk)

    def later(self, number: int) -> Callable[[int], bool]:
        """Whether an order of a round after round ``number`` (from 0) names a book order by this id (``named``)."""
        ids, in_round = self.named if self.named is not None else ((), ())

        def named_later(order_id: int) -> bool:  # (an order's rows are in one round: its id's entries say one)
            import numpy as np

            at = int(np.searchsorted(ids, order_id))
            return at < len(ids) and int(ids[at]) == order_id and int(in_round[at]) > number

        return named_later

    def __iter__(self) -> Iterator[list[OrderDraft]]:
        """Each round's orders; walked again (``in_book``), the same, their notes and errors added once."""
        notes: list[RowError] = []
        missing: list[RowError] = []
        occurrences: Counter[str] = Counter()
        rows: list[ParsedRow] = []
        sources: list[TableSource] = []
        ends = iter(self.ends)
        base, end = 0, next(ends, 0)
        for block, source in self._walk():
            for parsed in block:
                if not rows:
                    give_back()  # (the round before, written and let go)
                rows.append(parsed)
                sources.append(source)
                if base + len(rows) == end:
                    yield self._round(rows, sources, base, occurrences, notes, missing)
                    base, end = end, next(ends, 0)
                    rows, sources = [], []
        if rows or base != (self.ends[-1] if self.ends else 0):  # (a sheet read again is checked first: sheet_rows)
            raise ImportRejected("file_changed", file=self.file)
        if self._reported:
            return
        self._reported = True
        self.plan.errors.extend(notes)
        for error in missing:
            self.plan.errors.append(error)
            self.plan.skipped_rows.add((error.file, error.sheet, error.row))

    def _round(self, rows: list[ParsedRow], sources: list[TableSource], base: int, occurrences: Counter[str],
               notes: list[RowError], missing: list[RowError]) -> list[OrderDraft]:
        person_of_row = self._person_of_row
        rounded: dict[int, bytes] = {}
        keys = list(map(order_key, rows, sources, repeat(occurrences), repeat([]), repeat(rounded), count()))
        several = {key for key, number in Counter(keys).items() if number > 1 and key is not None}  # (errors: walk 1)
        orders = orders_of(rows, sources, keys, several, lambda index, _parsed, _source: person_of_row[base + index],
                           notes, pasted_copies(keys, rounded, sources) if rounded else None)
        rows.clear()
        drafts = []
        for draft in orders.values():
            if finished(draft):
                drafts.append(draft)
            else:
                missing.append(dateless(draft))
        return drafts
