"""Writes that land while a complete pass is written in chunks (generate.regenerate_in_chunks).

The chunked pass computes every wanted task from one read snapshot, then writes it a chunk of customers at a
time. A save in between (an order, a product's cycle confirmed) brings its customers' tasks up to date at
once, in its own transaction, but a chunk written after it would put back what the snapshot saw. So every
incremental or complete pass run in this process while a chunked pass of the same book is writing is noted
here, and the chunked pass brings those customers up to date again once its last chunk is written.

Writes by other programs (the command line beside the app) are not seen here; the next pass corrects them.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterable, Iterator

_lock = threading.Lock()
_running: dict[str, list[Overlap]] = {}  # book → the chunked passes writing it now
_own = threading.local()  # set while a chunked pass brings its overlaps up to date: those are not overlaps


class Overlap:
    """What other passes touched while one chunked pass was writing: some customers, or everyone."""

    def __init__(self) -> None:
        self.customers: set[int] = set()
        self.everyone = False

    def take(self) -> tuple[bool, set[int]]:
        """(everyone, customers) noted since the last take, and forget them."""
        with _lock:
            taken = (self.everyone, self.customers)
            self.everyone, self.customers = False, set()
        return taken


def book_key(bind) -> str:
    """The book an engine or connection writes (its address without password)."""
    engine = getattr(bind, "engine", bind)
    return engine.url.render_as_string(hide_password=True)


@contextlib.contextmanager
def chunked_pass(book: str) -> Iterator[Overlap]:
    """Note, for the duration of the block, the passes run on `book` by others."""
    overlap = Overlap()
    with _lock:
        _running.setdefault(book, []).append(overlap)
    try:
        yield overlap
    finally:
        with _lock:
            passes = _running.get(book, [])
            if overlap in passes:
                passes.remove(overlap)
            if not passes:
                _running.pop(book, None)


@contextlib.contextmanager
def bringing_up_to_date() -> Iterator[None]:
    """The chunked pass's own follow-up passes on this thread are no overlaps."""
    _own.active = True
    try:
        yield
    finally:
        _own.active = False


def note_pass(book: str, customer_ids: Iterable[int] | None) -> None:
    """A pass for these customers (None: everyone) was just run on `book`."""
    if getattr(_own, "active", False):
        return
    with _lock:
        for overlap in _running.get(book, ()):
            if customer_ids is None:
                overlap.everyone = True
            else:
                overlap.customers.update(customer_ids)
