"""How a long job's short write transactions take their turn (core.reminders.generate.regenerate_in_chunks), and
how big the next one should be."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any

InTurn = Callable[[Callable[[], Any]], Any]  # runs a transaction where it likes, returns what it returned
WriteTurn = Callable[[], AbstractContextManager]  # held around a transaction: the app's turn to write (ui.book_lane)


def in_turn_or_write_turn(fn: Callable[[], Any], write_turn: WriteTurn | None,
                          in_turn: InTurn | None) -> Any:
    """fn() handed to `in_turn` (the app's book lane runs it on its own thread: ui.book_lane.BookLane.in_turn),
    else run here inside `write_turn()` when given."""
    if in_turn is not None:
        return in_turn(fn)
    with (write_turn or contextlib.nullcontext)():
        return fn()


def next_width(width: int, took: float, most: int, aim: float) -> int:
    """The next transaction's share (customers): scaled towards `aim` seconds (at most halved or doubled at
    once), within 1/20 of `most` and `most`. A reminder pass that inserts most of its tasks (the first pass over
    a book, a new day after a long pause) wrote 1000 customers in 140–260 ms on the 100k book (bench_lane: a
    save waited 210 ms)."""
    wanted = width * min(max(aim / max(took, 1e-6), 0.5), 2.0)
    return int(min(max(wanted, most / 20, 1), most))
