"""An import written in short transactions (issue #21), so a save made meanwhile waits for one chunk at most.

The guarantees of the one-transaction import stay (core.excel.importer): a refused file writes nothing, the
backup comes first, the import is undone as one batch. What makes that hold across commits:

- The batch row is committed first with status ``running``; every later chunk commits rows tagged with the
  batch id together with the ``import_change`` lines recording what it changed, so at every commit the part
  written is exactly what ``undo_import`` takes back. The last chunk marks the batch ``done``.
- While it writes, the import holds ``ImportRunning`` (an OS lock on ``<book>.import.lock``; on a shared
  PostgreSQL book a session advisory lock keyed by the book's schema, on a connection of its own, which the
  server ends ~1 min after the client vanished): a failed or cancelled import is undone at once by the process
  that ran it; one killed (power cut, SIGKILL) leaves a ``running`` batch nobody holds, which
  ``core.excel.batches.recover_unfinished_imports`` undoes at the next open.
- ``Turns`` ends one transaction and starts the next: in the app inside the book lane's ``write_turn``
  (ui.book_lane: a waiting save goes first), and in any case after a short gap for other programs waiting
  in SQLite's busy handler (the command line beside the app importing: the lane cannot see it). Each
  transaction takes the book's write lock first (``one_at_a_time``), so what a chunk reads is current.
- Chunks are sized by time, not rows: the writer offers a commit after every step (a thousand rows, a
  thousand customers' figures…) and ``Turns.due`` takes it once the transaction has worked ``CHUNK_S``.
  A save in another program waits at most about one chunk plus the gap: SQLite's busy handler (sqlite3's
  ``timeout``) polls after 1, 2, 5, 10, 15, 20, 25, 25, 25 ms (then 50, 50, 100): within the first
  128 ms of its wait it looks at least every 25 ms, so a ``CHUNK_GAP_S`` of 30 ms after a chunk of
  ``CHUNK_S`` (≤ 100 ms) always lets it in at the first gap. (Chunks of a fixed thousand rows took 10–15 ms
  each: 170 commits and gaps for a 50,000-row file, the gaps alone 1.7 s of its wall time. Without any gap,
  a program beside an import on the app's lane waited up to 1.5 s: bench/bench_lane.py "other program".)

Between chunks other writers may change the book: a customer the import matched may be deleted meanwhile
(its chunk then fails and the import is undone), a customer saved meanwhile with the same phone is not
matched (it would have been had the save come first or last).
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from core.book.dialect import one_at_a_time
from core.book.turns import WriteTurn
from core.errors import BookBusy, BookLocked
from core.gc_pause import collect_young

log = logging.getLogger(__name__)

CHUNK_S = 0.08  # a transaction commits at the first step's end after this much work (Turns.due)
CHUNK_GAP_S = 0.03  # between chunks, the write turn given back: a program waiting in SQLite's busy handler gets in
CHUNK_CUSTOMERS = 1000  # customers per step in the steps after the rows are written
CHUNK_ROWS = 1000  # rows inserted per step (core.excel.writer)
CHUNK_UPDATES = 250  # updated rows per step
WAIT_FOR_OTHER_IMPORT_S = 10.0
# A shared book's "import running" lock: a session advisory lock of the book's own (keyed by its schema: advisory
# locks are the database's, and several books may share one database), held on a connection of its own.
_PG_LOCK = "(:space, hashtext('import running:' || current_schema()))"
_PG_LOCK_SPACE = 0x48554955  # "HUIU": next to core.book.dialect's "HUIT"
# The server notices a client that vanished without closing its connection (power cut, network gone) after
# about idle + interval × count seconds, and ends the session, lock included; killed processes at once.
_PG_KEEPALIVE = ("SET tcp_keepalives_idle = 30", "SET tcp_keepalives_interval = 10", "SET tcp_keepalives_count = 3")



class Turns:
    """The transactions of one chunked import on ``session``: ``begin()`` once, ``next()`` between chunks
    (``due()``: the transaction has worked long enough to end at the next step), ``outside()`` for a read
    that takes no write lock, ``end()`` when done (commits)."""

    def __init__(self, session: Session, write_turn: WriteTurn | None = None) -> None:
        self.session = session
        self._write_turn = write_turn
        self._held: AbstractContextManager | None = None
        self.longest = 0.0  # seconds of the longest transaction (bench/bench_lane.py)
        self.commits = 0
        self._started = 0.0

    def begin(self) -> None:
        if self._write_turn is not None:
            self._held = self._write_turn()
            self._held.__enter__()
        self._started = time.perf_counter()
        one_at_a_time(self.session, "import")

    def due(self) -> bool:
        """True once the open transaction has run ``CHUNK_S``: the step just done ends it."""
        return time.perf_counter() - self._started >= CHUNK_S

    def _commit(self, gap: bool = True) -> None:
        self.session.commit()
        self.commits += 1
        self.longest = max(self.longest, time.perf_counter() - self._started)
        held, self._held = self._held, None
        if held is not None:
            held.__exit__(None, None, None)
        collect_young()  # (the chunk's statements, cycles: an import runs with the collector paused)
        if gap:
            time.sleep(CHUNK_GAP_S)

    def next(self) -> None:
        """Commit the chunk written so far and start the next transaction."""
        self._commit()
        self.begin()

    @contextlib.contextmanager
    def outside(self) -> Iterator[None]:
        """Commit, run the block in a transaction of its own that only reads (no write lock), then begin again."""
        self._commit()
        try:
            yield
            self.session.commit()  # ends the read snapshot before the next write transaction
        finally:
            self.begin()

    def end(self) -> None:
        self._commit(gap=False)

    def abandon(self) -> None:
        """After a failure: roll back the open transaction and give the turn back."""
        self.session.rollback()
        held, self._held = self._held, None
        if held is not None:
            held.__exit__(None, None, None)


class ImportRunning:
    """Held by the process writing an import, for as long as it writes (see the module docstring)."""

    def __init__(self, book) -> None:
        self._book = book
        self._file: Any = None  # a core.book.lock.BookLock on a book file
        self._connection: Any = None  # a dedicated connection holding the advisory lock on a server

    def acquire(self, wait_s: float = WAIT_FOR_OTHER_IMPORT_S) -> bool:
        """Take it, waiting up to ``wait_s`` for another import to finish; False if it did not."""
        deadline = time.monotonic() + wait_s
        while not self._try():
            if time.monotonic() >= deadline:
                return False
            time.sleep(0.1)
        return True

    def hold(self, wait_s: float = WAIT_FOR_OTHER_IMPORT_S) -> ImportRunning:
        """acquire(), or BookBusy when another import keeps it past ``wait_s``."""
        if not self.acquire(wait_s):
            raise BookBusy("book_busy")
        return self

    def _try(self) -> bool:
        path = self._book.path
        if path is not None:
            from core.book.lock import BookLock

            lock = BookLock(Path(str(path) + ".import"), "huitouke import")
            try:
                lock.acquire()
            except BookLocked:
                return False
            self._file = lock
            return True
        connection = self._book.engine.connect()
        for setting in _PG_KEEPALIVE:
            connection.execute(text(setting))
        got = connection.execute(text(f"SELECT pg_try_advisory_lock{_PG_LOCK}"), {"space": _PG_LOCK_SPACE}).scalar()
        connection.commit()
        if got:
            self._connection = connection
        else:
            connection.close()
        return bool(got)

    def release(self) -> None:
        if self._file is not None:
            self._file.release()
            self._file = None
        if self._connection is not None:
            with contextlib.suppress(Exception):
                self._connection.execute(text(f"SELECT pg_advisory_unlock{_PG_LOCK}"), {"space": _PG_LOCK_SPACE})
                self._connection.commit()
            self._connection.close()
            self._connection = None

    def __enter__(self) -> ImportRunning:
        return self

    def __exit__(self, *exc) -> None:
        self.release()


def in_timed_groups(values: Iterable[int], work: Callable[[list[int]], None], step: Callable[[], None]) -> None:
    """``work`` on the sorted values a group at a time, ``step()`` after each: the first group of
    ``CHUNK_CUSTOMERS``, each next one as many as the pace so far fits in half a chunk (``CHUNK_S``), between
    ``CHUNK_CUSTOMERS`` and 8 × as many. Each group's work has a fixed part (its queries): on a fresh book
    groups of a thousand spent about half their time there; on a big book a thousand customers' tasks already
    take 20–60 ms, so the groups stay near that size."""
    ordered = sorted(values)
    start, size, spent = 0, CHUNK_CUSTOMERS, 0.0
    while start < len(ordered):
        group = ordered[start:start + size]
        began = time.perf_counter()
        work(group)
        spent += time.perf_counter() - began
        start += len(group)
        step()
        pace = spent / start
        size = max(CHUNK_CUSTOMERS, min(8 * CHUNK_CUSTOMERS, int(CHUNK_S / 2 / pace) if pace else 8 * CHUNK_CUSTOMERS))


# Customers an import touches from which a PostgreSQL book's planner statistics are brought up to date first.
ANALYZE_AFTER = 500


_ANALYZED = "huitouke_analyzed"  # session.info: fresh_statistics ran in this session


def fresh_statistics(session: Session, customers: int) -> None:
    """On PostgreSQL, after an import of many rows the planner's statistics still describe the tables as they were
    (autovacuum analyzes them later): the figures' and suggestions' joins were planned as for small tables — a
    nested loop over 120,000 new orders ran for minutes. The tables an import fills are analyzed first (inside the
    transaction: PostgreSQL allows it; well under a second for 120,000 orders). SQLite plans without them. Once a
    session (an import's: core.excel.importer): an import in rounds analyzes them with its last rows in, before
    linking the products it made (core.excel.round_writer.link_created); its figures need no second pass."""
    if (customers >= ANALYZE_AFTER and session.get_bind().dialect.name == "postgresql"
            and not session.info.get(_ANALYZED)):
        session.execute(text("ANALYZE customer, orders, order_item"))
        session.info[_ANALYZED] = True


def after_import_in_chunks(chunk: Callable[[], None], free: Callable[[], AbstractContextManager], session: Session,
                           customer_ids: Iterable[int], *,
                           today, history: bool, watch, products, figures_known: Iterable[int], link_new: bool,
                           relink_all: bool, on_created, regenerate: bool = True, create_products: bool = True) -> None:
    """core.order_writes.after_orders_written for an import's customers in groups (``in_timed_groups``;
    ``chunk()`` ends a step: commits and begins the next transaction once it is due), in the same order: figures, cycles and member levels; then the
    products (links, suggestions — read in ``free()``, between transactions —; the buyers of a product whose
    cycle moved get their tasks again); then the reminders (not with ``regenerate=False``: a dry run)."""
    from core.order_writes import after_orders_written
    from core.product_links import follow_product_write, most_of_the_book
    from core.reminders import generate
    from core.reminders.cycles import compute_suggestions

    ids = sorted(set(customer_ids))
    fresh_statistics(session, len(ids))
    known = set(figures_known)
    in_timed_groups(ids, lambda group: after_orders_written(session, group, today=today, history=history,
                                                            reminders=False, figures_known=known.intersection(group)),
                    chunk)
    suggestions = None
    if products is not None:
        with free():
            found = compute_suggestions(session, products)
            suggestions = {pid: found.get(pid) for pid in products}
    # with the import's customers: when they are most of the book, the buyers of a product whose cycle moved
    # are not looked for (everyone's tasks are worked out below anyway)
    concerned = follow_product_write(session, watch, today, customers=ids, products=products, link_new=link_new,
                                     relink_all=relink_all, create_products=create_products, on_created=on_created,
                                     regenerate_now=False, suggestions=suggestions)
    chunk()
    if not regenerate:
        return
    everyone = session.scalars(text("SELECT id FROM customer")).all()
    concerned |= set(ids)
    if most_of_the_book(len(concerned), len(everyone)):  # then the whole book's tasks
        concerned = set(everyone)
    in_timed_groups(concerned, lambda group: generate.after_write(session, group, today), chunk)
