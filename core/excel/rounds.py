"""A huge import planned and written in rounds (issue #18, Build 3: memory bounded whatever the cell count).

The ordinary plan (core.excel.plan.PlanBuilder) holds every row, then a draft of every order, until the writer runs:
≈ 1.4 GB for the 100k demo book's export (634,274 order lines). An import of more than ``ROUNDS_AFTER`` rows of
people and orders into a book without orders (``wanted``) is planned in two walks of its sheets instead:

1. ``PeopleFirst`` (the reading walk): each row's order key (as the plan computes it, in the same row order), its
   identity keys joined into people as it comes (``plan.Joiner``: an order's rows are joined by their first row —
   the same people as the plan's, whose join by an order of one row joins nothing), and what the person takes of
   it (customer fields, phones, kept lines; equal ones held once). ``people()`` then makes the people as the plan
   does and cuts the rows into rounds of about ``ROUND_ROWS`` rows that no order crosses (an order's rows far apart
   make a longer round).
2. ``Rounds`` (the writer's walk, core.excel.writer): the sheets read again, each round's orders planned by
   ``plan.orders_of`` with the people already made, written, and let go before the next round is read.

What the plan reports is the same, in the same order: the notes of repeated lines and the orders left without a
date are added once every round was planned. The writer writes the same book (core.excel.writer: products are
created once every round was read, as one plan would, and the new customers' figures computed from the book).
"""

from __future__ import annotations

import contextlib
from array import array
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from itertools import repeat
from typing import Any

from core.errors import ImportRejected
from core.excel.plan import (
    ImportPlan,
    Joiner,
    OrderDraft,
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

ROUNDS_AFTER = 100_000  # rows of people and orders past which an import is written in rounds (``wanted``)
ROUND_ROWS = 20_000  # rows planned and written at a time

# A walk of the import's tables of people and orders again, in the same order, each block of good rows with the
# table it comes from (core.excel.importer).
Walk = Callable[[], Iterator[tuple[list[ParsedRow], TableSource]]]

# what a person takes of a row: customer keys and values, phones, masked phone, kept lines (tuples: held once)
_Person = tuple[tuple[str, ...], tuple[Any, ...], tuple[str, ...], str, tuple[str, ...]]


def wanted(rows: int, kinds: Sequence[str], dry_run: bool, all_or_nothing: bool, book_has_orders: bool) -> bool:
    """Whether an import of ``rows`` rows of people and orders from tables of ``kinds`` is written in rounds: past
    ``ROUNDS_AFTER`` rows, with no detail file (its lines join orders of the whole plan), written for real and not
    all or nothing (those report every order's errors before the first write), into a book without orders (no
    order of the file to look up and update, no person matched by an order)."""
    return (rows > ROUNDS_AFTER and "items" not in kinds and not dry_run and not all_or_nothing
            and not book_has_orders)


class PeopleFirst(PlanBuilder):
    """The reading walk of an import in rounds (module docstring)."""

    def __init__(self) -> None:
        super().__init__()
        self._occurrences: Counter[str] = Counter()
        self._key_errors: list[RowError] = []  # purchases without a date, reported after the reading's errors
        self._orders: dict[str, dict[str, int]] = {}  # by platform and order number: the order's first row
        self._order_of = array("i")  # by row: its order's first row, -1 without one
        self._last = array("i")  # by row: the last row of the order it is the first row of
        self._numbers = array("i")  # by row: its row number in its sheet
        self._persons: list[_Person] = []  # by row: what its person takes of it
        self._held: dict[_Person, _Person] = {}
        self._union = _Union(0, array("i"))
        self._joiner = Joiner(self._union.join)
        self._row_sources: list[TableSource] = []

    def add_rows(self, rows: Sequence[ParsedRow], preset: Preset, file: str, sheet: str) -> None:
        if preset.kind in ("products", "items"):
            super().add_rows(rows, preset, file, sheet)
            return
        source: TableSource = (preset, file, sheet)
        orders, last, order_of = self._orders, self._last, self._order_of
        for parsed in rows:
            index = len(order_of)
            self._union.parent.append(index)
            last.append(index)
            key = order_key(parsed, source, self._occurrences, self._key_errors)
            if key is None:
                first = -1
            else:
                numbers = orders.get(key[0])
                if numbers is None:
                    numbers = orders[key[0]] = {}
                first = numbers.setdefault(key[1], index)
                last[first] = index
            order_of.append(first)
            numbered = key is not None and bool(parsed.order.get("platform_order_no"))
            self._joiner.add(index, parsed, preset.platform, numbered, first if numbered else None)
            self._numbers.append(parsed.row)
            person = (tuple(parsed.customer), tuple(parsed.customer.values()), tuple(parsed.phones),
                      parsed.masked_phone, tuple(parsed.kept))
            with contextlib.suppress(TypeError):  # (unless a list is among the values: tags)
                person = self._held.setdefault(person, person)
            self._persons.append(person)
        self._row_sources.extend(repeat(source, len(rows)))

    def people(self, walk: Walk) -> ImportPlan:
        """The plan's people (its orders come in ``plan.rounds``), as PlanBuilder.build makes them."""
        plan = self.plan
        plan.errors.extend(self._key_errors)
        ends, lines = self._round_ends(), len(self._order_of) - self._order_of.count(-1)
        orders = sum(map(len, self._orders.values()))
        # (let go before the people are made: the orders' keys and rows, the joiner's keys)
        self._orders, self._last, self._order_of = {}, array("i"), array("i")
        self._joiner = None  # type: ignore[assignment]
        union, persons, sources, numbers = self._union, self._persons, self._row_sources, self._numbers
        self._held = {}  # (each row's share let go once its person took it)
        parent, find = union.parent, union.find
        people: dict[int, int] = {}
        person_of_row = array("i")
        for index, (person, source) in enumerate(zip(persons, sources, strict=True)):
            keys, values, phones, masked, kept = person
            persons[index] = None  # type: ignore[call-overload]
            parsed = ParsedRow(numbers[index], dict(zip(keys, values, strict=True)), phones=list(phones),
                               masked_phone=masked, kept=list(kept))
            root = index if parent[index] == index else find(index)
            person_of_row.append(add_person(plan.people, people, root, parsed, source))
        plan.rows_read += len(persons)
        self._persons, self._row_sources, self._numbers = [], [], array("i")
        self._union = None  # type: ignore[assignment]
        plan.rounds = Rounds(plan, walk, person_of_row, ends, orders, lines)
        return plan

    def _round_ends(self) -> list[int]:
        """Where each round ends: after ``ROUND_ROWS`` rows or more, at a row after which no order of the rows
        before it has another row."""
        ends: list[int] = []
        start, reach, last = 0, -1, self._last
        for index, first in enumerate(self._order_of):
            if first >= 0 and last[first] > reach:
                reach = last[first]
            if index + 1 - start >= ROUND_ROWS and reach <= index:
                ends.append(index + 1)
                start = index + 1
        if start < len(self._order_of):
            ends.append(len(self._order_of))
        return ends


class Rounds:
    """The orders of an import in rounds (module docstring): iterate it once for each round's orders (finished, in
    the order one plan would have them); the plan's notes and errors of the orders are added at the end."""

    def __init__(self, plan: ImportPlan, walk: Walk, person_of_row: Sequence[int], ends: list[int], orders: int,
                 lines: int) -> None:
        self.plan, self._walk, self._person_of_row, self.ends = plan, walk, person_of_row, ends
        self._file = next((person.first_row[0] for person in plan.people), "")
        self.orders, self.lines = orders, lines  # (the file's orders and lines, before repeats and dateless orders)

    def __iter__(self) -> Iterator[list[OrderDraft]]:
        notes: list[RowError] = []
        missing: list[RowError] = []
        occurrences: Counter[str] = Counter()
        rows: list[ParsedRow] = []
        sources: list[TableSource] = []
        ends = iter(self.ends)
        base, end = 0, next(ends, 0)
        for block, source in self._walk():
            for parsed in block:
                rows.append(parsed)
                sources.append(source)
                if base + len(rows) == end:
                    yield self._round(rows, sources, base, occurrences, notes, missing)
                    base, end = end, next(ends, 0)
                    rows, sources = [], []
        if rows or base != (self.ends[-1] if self.ends else 0):  # (a sheet read again is checked first: sheet_rows)
            raise ImportRejected("file_changed", file=self._file)
        self.plan.errors.extend(notes)
        for error in missing:
            self.plan.errors.append(error)
            self.plan.skipped_rows.add((error.file, error.sheet, error.row))

    def _round(self, rows: list[ParsedRow], sources: list[TableSource], base: int, occurrences: Counter[str],
               notes: list[RowError], missing: list[RowError]) -> list[OrderDraft]:
        person_of_row = self._person_of_row
        keys = list(map(order_key, rows, sources, repeat(occurrences), repeat([])))  # (errors said in walk 1)
        several = {key for key, count in Counter(keys).items() if count > 1 and key is not None}
        orders = orders_of(rows, sources, keys, several, lambda index, _parsed, _source: person_of_row[base + index],
                           notes)
        rows.clear()
        drafts = []
        for draft in orders.values():
            if finished(draft):
                drafts.append(draft)
            else:
                missing.append(dateless(draft))
        return drafts
