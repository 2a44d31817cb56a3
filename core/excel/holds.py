"""The rows of the book an import found as its file says them, recorded for undo (``import_hold``, migration 0007).

An import that finds a row already as its file says it changes nothing and writes no ``import_change`` line — yet
it vouches for that row as much as the import that wrote it: undoing the earlier import must not take away what a
later import, still done, also holds (core.excel.batches, core.excel.undo_keep). So each import records the rows
its file held:

- an order of the book found again (``BookWriter._update_order``): with the fields its file gave and found as the
  book has them (not those it changed: ``import_change`` has them; not status, paid and refund when its status is
  behind the book's; not the money and status of a Douyin order merged by its numbered lines: they are its lines');
- a numbered Douyin line found again (core.excel.sub_orders): with the line's values the file gave as the book has
  them (none when its state is behind the book's);
- a line of a Taobao detail file (订单明细), or an unnumbered Douyin line, that is a line of the book's order by its
  content (core.excel.detail_items): with the values it gives as the book has them;
- a customer of the book matched: with the fields the file gives as the book has them;
- a tag the file gives a customer who has it: the customer, under the tag's id (``fields`` holds the tag id);
- an alias (another phone, an account of our export's 其他账号) the file gives a customer who has it
  (core.excel.customer_rows.write_aliases);
- a row whose state the file gives behind the book's (an older export read after a newer one): also what the file
  said of that state (``values_json``), the state the row takes again when the newer import is undone and nothing
  else accounts for the state it has (``Held.behind``: of several such imports, the one furthest on — what they
  give the row read alone, in whatever order).

Compact: one ``import_hold`` row per table and set of fields (and per chunk of a long import), its rows' ids as
ranges, each from the end of the one before (``encode_ids``); a re-import of our own export of the 20,000-customer
demo book (99,000 orders) writes about 300 KB in a 96 MB book (the behind states, one row each, come from older
exports only).
"""

from __future__ import annotations

import json
from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from core.book.models import ImportBatch, ImportHold

# a field held implies another one derived from it
_DERIVED = {"status": "is_purchase"}


def encode_ids(ids: Iterable[int]) -> str:
    """Sorted distinct ids as ranges, each as its distance from the end of the one before (the first: from 0) and,
    for more than one id, "+" the ids after its first: 1,2,3,7,9,10 → "1+2,4,2+1"."""
    parts: list[str] = []
    start = end = None
    last = 0
    for row_id in sorted(set(ids)):
        if end is not None and row_id == end + 1:
            end = row_id
            continue
        if start is not None and end is not None:
            parts.append(_range(start - last, end - start))
            last = end
        start = end = row_id
    if start is not None and end is not None:
        parts.append(_range(start - last, end - start))
    return ",".join(parts)


def _range(gap: int, more: int) -> str:
    return f"{gap}+{more}" if more else str(gap)


def decode_ids(text: str) -> tuple[list[int], list[int]]:
    """The ranges of :func:`encode_ids` as (starts, ends), sorted."""
    starts: list[int] = []
    ends: list[int] = []
    last = 0
    for part in filter(None, text.split(",")):
        gap, _plus, more = part.partition("+")
        start = last + int(gap)
        last = start + int(more or 0)
        starts.append(start)
        ends.append(last)
    return starts, ends


class Holds:
    """What one import's file held, gathered while it writes and turned into ``import_hold`` rows (``rows``)."""

    def __init__(self) -> None:
        self._ids: dict[tuple[str, str], list[int]] = {}
        self._behind: list[tuple[str, int, dict[str, Any]]] = []

    def hold(self, table: str, row_id: int, fields: Iterable[str] = ()) -> None:
        """The file held row ``row_id`` of ``table``, and gave ``fields`` as the book has them."""
        self._ids.setdefault((table, ",".join(sorted(fields))), []).append(row_id)

    def behind(self, table: str, row_id: int, values: dict[str, Any]) -> None:
        """The file gave the row's state behind the book's: ``values``, what it said of it."""
        self._behind.append((table, row_id, values))

    def rows(self, batch_id: int) -> list[dict[str, Any]]:
        """The ``import_hold`` rows of what was gathered since the last call (then forgotten)."""
        rows = [{"batch_id": batch_id, "table_name": table, "fields": fields, "row_ids": encode_ids(ids),
                 "values_json": None} for (table, fields), ids in sorted(self._ids.items())]
        rows += [{"batch_id": batch_id, "table_name": table, "fields": "", "row_ids": str(row_id),
                  "values_json": json.dumps(values, ensure_ascii=False)} for table, row_id, values in self._behind]
        self._ids, self._behind = {}, []
        return rows


@dataclass(slots=True)
class _Ranges:
    """The rows one later import held of one table with the same fields, as sorted disjoint ranges."""

    batch_id: int
    fields: frozenset[str]
    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)

    def __contains__(self, row_id: int) -> bool:
        at = bisect_right(self.starts, row_id) - 1
        return at >= 0 and row_id <= self.ends[at]

    def sort(self) -> None:
        """Its ranges (read from several rows, one per chunk of the import) put in order."""
        pairs = sorted(zip(self.starts, self.ends, strict=True))
        self.starts, self.ends = [start for start, _end in pairs], [end for _start, end in pairs]


@dataclass(slots=True)
class Held:
    """What the imports after an undone one, still done, hold (read by :meth:`later_than`): per table, one
    ``_Ranges`` per later import and set of fields, in the imports' order."""

    _ranges: dict[str, list[_Ranges]] = field(default_factory=dict)
    _behind: dict[tuple[str, int], list[tuple[int, dict[str, Any]]]] = field(default_factory=dict)

    @classmethod
    def later_than(cls, session, batch_id: int) -> Held:
        """The holds of the imports after ``batch_id`` still done."""
        held = cls()
        groups: dict[tuple[str, int, str], _Ranges] = {}
        query = select(ImportHold.batch_id, ImportHold.table_name, ImportHold.fields, ImportHold.row_ids,
                       ImportHold.values_json).join(ImportBatch, ImportBatch.id == ImportHold.batch_id).where(
            ImportBatch.id > batch_id, ImportBatch.status == "done").order_by(ImportHold.batch_id, ImportHold.id)
        for later, table, fields, row_ids, values in session.execute(query):
            group = groups.get((table, later, fields))
            if group is None:
                names = set(filter(None, fields.split(",")))
                names.update(_DERIVED[name] for name in list(names) if name in _DERIVED)
                group = groups[(table, later, fields)] = _Ranges(later, frozenset(names))
                held._ranges.setdefault(table, []).append(group)
            starts, ends = decode_ids(row_ids)
            group.starts += starts
            group.ends += ends
            if values is not None:  # (in the imports' order)
                held._behind.setdefault((table, starts[0]), []).append((later, json.loads(values)))
        for group in groups.values():
            group.sort()
        return held

    def holds(self, table: str, row_id: int) -> bool:
        """Whether a later import held the row."""
        return any(row_id in ranges for ranges in self._ranges.get(table, ()))

    def any(self, table: str) -> bool:
        """Whether a later import held a row of ``table``."""
        return bool(self._ranges.get(table))

    def ids_in(self, table: str, row_ids: Iterable[int]) -> set[int]:
        """Those of ``row_ids`` a later import held."""
        ranges = self._ranges.get(table, ())
        return {row_id for row_id in row_ids if any(row_id in one for one in ranges)} if ranges else set()

    def holder(self, table: str, row_id: int, name: str | None = None) -> int | None:
        """The first of the later imports that held the row (and gave its field ``name`` as the book had it)."""
        return next((ranges.batch_id for ranges in self._ranges.get(table, ())  # (read in batch order)
                     if row_id in ranges and (name is None or name in ranges.fields)), None)

    def fields(self, table: str, row_id: int) -> set[str]:
        """The fields of the row a later import gave as the book had them (a customer_tag row: the tag ids)."""
        return {name for ranges in self._ranges.get(table, ()) if row_id in ranges for name in ranges.fields}

    def behind(self, table: str, further: Callable[[dict[str, Any], dict[str, Any]], bool]
               ) -> dict[int, tuple[int, dict[str, Any]]]:
        """row id → (the later import that gave the row's state behind the book's, what it said of it): of several,
        the one whose state is furthest on (``further(a, b)``: whether what ``a`` said is further on than ``b``),
        the newest of those as far — the state those imports give the row read alone, whatever their order."""
        chosen: dict[int, tuple[int, dict[str, Any]]] = {}
        for (name, row_id), found in self._behind.items():
            if name == table:
                for later, values in found:
                    if row_id not in chosen or not further(chosen[row_id][1], values):
                        chosen[row_id] = (later, values)
        return chosen
