"""The orders of an import in rounds (core.excel.rounds) written by the writer (core.excel.writer), into a book with
orders too (issue #18, Build 3: our export read back into the same book, a seller's big platform history again).

One plan looks up the book's orders of every order of the file before it writes a person (core.excel.matching.
BookIndex): those it has take what moved on (``BookWriter._new_orders``), a person owning one of them is its book
customer (``matching.same_person_orders``), the others are inserted once the people are written. In rounds the
same, in the same order, without holding the file's orders: ``known_orders`` walks the rounds once before the people
are written, each round's orders looked up (``matching.existing_orders``) and those the book has updated as one plan
updates them (their undo records in the same order), keeping of the others only their positions (``Rounds.new_at``)
and of each person the owner of their first order the book has (``BookIndex.owners``). ``write_rounds`` then walks
the rounds again (not at all when every order was the book's) and inserts the new orders, a round at a time.

Not for a file whose rows are its orders' lines (Douyin: ``Rounds.summed``): their lines are merged with the book's
(core.excel.sub_orders, detail_items) in records whose order one plan decides across all the orders; such a file
into a book with orders is planned as one plan (rounds.wanted, round_writer.in_rounds).
"""

from __future__ import annotations

import itertools
from array import array
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from core.excel.id_map import IdSet
from core.excel.matching import existing_orders
from core.excel.own_export import Undecided
from core.excel.round_writer import NewOrders, link_created
from core.excel.rounds import Rounds

if TYPE_CHECKING:
    from core.product_links import ProductResolver


class Owners(Mapping[int, list[int]]):
    """By person (its position), the book customer owning its first order the book has, as ``known_orders`` finds
    them (``matching.same_person_orders``' answer, a one-customer list), held as one array of 8-byte ids (0: none)
    rather than a dict of lists (≈ 100,000 people read back into the book they came from: ≈ 15 MB of small objects
    left among the rounds' freed ones, 0.8 MB so). A person's first owner found is kept (a dict's ``setdefault``)."""

    __slots__ = ("_count", "_ids")

    def __init__(self, people: int) -> None:
        self._ids = array("q", bytes(8 * people))
        self._count = 0

    def first(self, person: int, customer_id: int) -> None:
        """The person owns an order of ``customer_id`` (kept if it is their first)."""
        if not self._ids[person]:
            self._ids[person] = customer_id
            self._count += 1

    def __getitem__(self, person: int) -> list[int]:
        customer_id = self._ids[person] if 0 <= person < len(self._ids) else 0
        if not customer_id:
            raise KeyError(person)
        return [customer_id]

    def __contains__(self, person: object) -> bool:
        return isinstance(person, int) and 0 <= person < len(self._ids) and self._ids[person] != 0

    def __iter__(self) -> Iterator[int]:
        return (person for person, customer_id in enumerate(self._ids) if customer_id)

    def __len__(self) -> int:
        return self._count


def known_orders(writer: Any, rounds: Rounds) -> Owners:
    """The first walk of the rounds into a book with orders (module docstring): the orders the book has updated, a
    round at a time, as one plan updates them (``writer``: the core.excel.writer.BookWriter, ``_update_known``);
    ``rounds.new_at``, ``orders`` and ``lines`` set to the new orders; returns, by person (its position), the book
    customer owning its first order the book has (what ``matching.same_person_orders`` finds of one plan).

    Our export's orders without a number are found by their ids, else by an order alike (own_export.orders_by_ref):
    one plan takes every order of the same id first. A round's order alike a book order that a later round's order
    names (``Rounds.later``: Undecided, before the round writes anything) makes the walk look up every round's orders
    of the same id first (``_claimed``), then start again from that round (the rounds before are not written twice)."""
    owners = Owners(len(writer.plan.people))
    new_at: list[array] = []
    counted = [0, 0]  # the new orders, their lines
    used = IdSet()  # the book orders found by our export's ids, or alike, so far
    claimed: set[int] | None = None
    while True:
        try:
            _walk_known(writer, rounds, owners, new_at, counted, used, claimed)
            break
        except Undecided:
            with writer.free():
                claimed = _claimed(writer.session, rounds)
    rounds.new_at, rounds.orders, rounds.lines = new_at, *counted
    return owners


def _walk_known(writer: Any, rounds: Rounds, owners: Owners, new_at: list[array], counted: list[int],
                used: IdSet, claimed: set[int] | None) -> None:
    """``known_orders``'s walk from the first round not done (``new_at`` holds those done)."""
    planned = iter(rounds)
    try:
        for number in itertools.count():
            with writer.free():  # (planning a round and looking its orders up: no write lock held)
                drafts = next(planned, None)
                if drafts is None:
                    return
                if number < len(new_at):
                    continue  # (done before the walk started again: _claimed)
                found = existing_orders(writer.session, drafts, used=used, claimed=claimed or (),
                                        later=rounds.later(number) if claimed is None else None)
            known, fresh = [], array("i")
            for position, draft in enumerate(drafts):
                existing = found.get((draft.platform, draft.platform_order_no))
                if existing is None:
                    fresh.append(position)
                    counted[1] += len(draft.items)
                else:
                    known.append((existing, draft))
                    owners.first(draft.person, existing.customer_id)
            new_at.append(fresh)
            counted[0] += len(fresh)
            writer._update_known(known)
            del drafts, found, known
            writer._chunk()
    finally:
        planned.close()  # type: ignore[attr-defined]


def _claimed(session: Session, rounds: Rounds) -> set[int]:
    """The book orders our export's orders of every round find by their ids (own_export.orders_by_ref's first way)."""
    claimed: set[int] = set()
    for drafts in rounds:
        claimed.update(order.id for order in existing_orders(session, drafts, alike=False).values())
    return claimed


def write_rounds(writer: Any, rounds: Rounds, customer_ids: list[int], resolver: ProductResolver) -> None:
    """The orders of an import in rounds (core.excel.round_writer), each round read, planned and its columns made
    between two transactions, then written and let go (into a book with orders: only the new ones, ``known_orders``;
    no walk when there are none). ``writer``: the core.excel.writer.BookWriter."""
    if rounds.new_at is not None and not rounds.orders:
        return
    resolver.defer_creation()
    after, done, total = 0, 0, len(rounds.ends) or 1
    planned = iter(rounds)
    new_at = iter(rounds.new_at) if rounds.new_at is not None else None
    while True:
        with writer.free():
            drafts = next(planned, None)
            if drafts is not None and new_at is not None:
                drafts = [drafts[position] for position in next(new_at)]
            new_orders = NewOrders(drafts, writer._order_columns(drafts)) if drafts is not None else None
        if new_orders is None:
            break
        parts = (75 + 10 * done // total, 75 + 10 * (done + 1) // total, 85 + 7 * (done + 1) // total)
        after = writer._write_orders(new_orders, customer_ids, resolver, after, parts)
        done += 1
        del drafts, new_orders
        writer._chunk()
    link_created(writer.session, writer.counts.batch_id, resolver.create_deferred())
