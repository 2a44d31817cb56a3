"""Weak matches of an import, reviewed by the seller: merge the pair, or keep the two customers separate.

An import that finds a person whose name agrees with a book customer while nothing else does, or a person a
platform masked (周**, 138****8000) who fits a real customer at the same address (core.excel.masked), creates a
new customer and proposes a merge (core.excel.matching). The seller's answer is kept in the book setting
``import.merge_decisions`` as ``{"customer_id", "candidate_id", "person", "decision"}`` records, where
``person`` is a fingerprint of the person as the file describes them. The next import of the same file
looks the fingerprint up: "separate" means that candidate is not proposed again, "merged" means the person
is that candidate. Proposals nobody answered stay pending (in the batches' reports) until both customers of
the pair are no longer there or the seller decides.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.book.models import Customer, CustomerAlias, ImportBatch, Order
from core.excel.plan import PersonDraft

DECISIONS_KEY = "import.merge_decisions"
MERGED, SEPARATE = "merged", "separate"


@dataclass(frozen=True, slots=True)
class MergeProposal:
    """A weak match (``reason``: same_name, nothing else agreeing; masked_fits, a masked name and phone fitting
    a real customer's at the same address): ``customer_id`` was created by the import,
    ``candidate_id`` was already in the book; ``person`` fingerprints the person of the file."""

    customer_id: int
    candidate_id: int
    reason: str
    person: str = ""


@dataclass(frozen=True, slots=True)
class CustomerSide:
    """One customer of a proposed pair, as the review shows it."""

    id: int
    name: str
    real_name: str
    phones: tuple[str, ...]
    wechat_id: str
    buyer_id: str
    address: str
    orders: int
    source: str = ""


@dataclass(frozen=True, slots=True)
class ProposalView:
    """A proposal with both customers side by side. ``reasons``: codes saying what agrees and what does
    not (same_name, phones_differ, one_without_phone, wechat_ids_differ, addresses_differ,
    one_without_address; a masked person's is masked_fits alone: a masked phone never equals a real one; a pair
    of the book found by core.duplicates_finder has its reason alone: alias, masked_same, name_address)."""

    proposal: MergeProposal
    new: CustomerSide
    existing: CustomerSide
    reasons: tuple[str, ...]


def person_key(person: PersonDraft) -> str:
    """A stable fingerprint of a person of a file (the same row in the same file gives the same key)."""
    fields = person.fields
    parts = (fields.get("name", ""), ",".join(sorted(person.phones)), person.masked_phone,
             fields.get("platform_buyer_id", ""), fields.get("wechat_id", ""), person.address_key())
    return hashlib.sha1("|".join(parts).encode()).hexdigest()[:16]


def load_decisions(session: Session) -> dict[tuple[int, str], str]:
    """{(book customer id, person fingerprint): "merged" or "separate"} for matching."""
    return {(record["candidate_id"], record["person"]): record["decision"] for record in _stored(session)
            if record.get("person")}


def kept_apart(session: Session) -> set[frozenset[int]]:
    """The pairs of customer ids the seller said are two people (core.duplicates_finder lists them no more)."""
    return {frozenset((record["customer_id"], record["candidate_id"])) for record in _stored(session)
            if record.get("decision") == SEPARATE}


def _stored(session: Session) -> list[dict]:
    from core.settings import get_setting

    return list(get_setting(session, DECISIONS_KEY))


def _decide(session: Session, proposals: Iterable[MergeProposal], decision: str) -> None:
    from core.settings import set_setting

    records = _stored(session)
    for proposal in proposals:
        records.append({"customer_id": proposal.customer_id, "candidate_id": proposal.candidate_id,
                        "person": proposal.person, "decision": decision})
    set_setting(session, DECISIONS_KEY, records)


def describe(session: Session, proposals: Sequence[MergeProposal]) -> tuple[ProposalView, ...]:
    """Both customers of each proposal, read inside ``session`` (a dry run describes rows it rolls back)."""
    ids = {customer_id for proposal in proposals for customer_id in (proposal.customer_id, proposal.candidate_id)}
    sides = _sides(session, ids)
    return tuple(ProposalView(proposal, sides[proposal.customer_id], sides[proposal.candidate_id],
                              _reasons(sides[proposal.customer_id], sides[proposal.candidate_id], proposal.reason))
                 for proposal in proposals
                 if proposal.customer_id in sides and proposal.candidate_id in sides)


def _sides(session: Session, ids: set[int]) -> dict[int, CustomerSide]:
    if not ids:
        return {}
    phones: dict[int, list[str]] = {customer_id: [] for customer_id in ids}
    for customer_id, value in session.execute(select(CustomerAlias.customer_id, CustomerAlias.value).where(
            CustomerAlias.customer_id.in_(ids), CustomerAlias.kind == "phone").order_by(CustomerAlias.id)):
        phones[customer_id].append(value)
    orders = dict(session.execute(select(Order.customer_id, func.count()).where(Order.customer_id.in_(ids))
                                  .group_by(Order.customer_id)).all())
    sides = {}
    for customer in session.scalars(select(Customer).where(Customer.id.in_(ids), Customer.deleted_at.is_(None))):
        address = " ".join(part for part in (customer.province, customer.city, customer.district,
                                             customer.address_detail) if part)
        numbers = tuple(dict.fromkeys(phone for phone in (customer.phone, *phones[customer.id]) if phone))
        sides[customer.id] = CustomerSide(customer.id, customer.name, customer.real_name, numbers,
                                          customer.wechat_id, customer.platform_buyer_id, address,
                                          orders.get(customer.id, 0), customer.source_channel)
    return sides


def _reasons(new: CustomerSide, existing: CustomerSide, reason: str) -> tuple[str, ...]:
    if reason != "same_name":  # masked_fits, and the book's duplicates (core.duplicates_finder)
        return (reason,)
    reasons = ["same_name"]
    if new.phones and existing.phones:
        if not set(new.phones) & set(existing.phones):
            reasons.append("phones_differ")
    elif new.phones or existing.phones:
        reasons.append("one_without_phone")
    if new.wechat_id and existing.wechat_id and new.wechat_id != existing.wechat_id:
        reasons.append("wechat_ids_differ")
    if new.address and existing.address:
        if new.address != existing.address:
            reasons.append("addresses_differ")
    elif new.address or existing.address:
        reasons.append("one_without_address")
    return tuple(reasons)


def pending_proposals(book) -> list[ProposalView]:
    """Proposals of imports still in the book that nobody answered and whose two customers are both
    still there, oldest import first, each pair once."""
    with book.session() as session:
        decided = {frozenset((record["customer_id"], record["candidate_id"])) for record in _stored(session)}
        proposals: dict[frozenset, MergeProposal] = {}
        reports = session.scalars(select(ImportBatch.report_json).where(ImportBatch.status == "done")
                                  .order_by(ImportBatch.id))
        for report in reports:
            if not report or '"merge_proposals": []' in report:  # most imports propose nothing: skip parsing
                continue
            for stored in json.loads(report).get("merge_proposals", []):
                proposal = MergeProposal(**stored)
                pair = frozenset((proposal.customer_id, proposal.candidate_id))
                if pair not in decided:
                    proposals.setdefault(pair, proposal)
        return list(describe(session, list(proposals.values())))


def keep_separate(book, proposals: Sequence[MergeProposal]) -> None:
    """Remember that each pair is two people: not proposed again on the next import of the same file."""
    with book.session() as session:
        _decide(session, proposals, SEPARATE)


def merge_pairs(book, proposals: Sequence[MergeProposal]) -> int:
    """Merge each pair into the customer that was already in the book (core.customers.CustomerService.merge:
    every order, note and task of both is kept). The book is backed up once first. Returns how many
    pairs were merged (a pair whose customers are gone by now is passed over). A customer merged into another
    before (by an earlier pair, of this call or of an earlier decision) stands for that other: pairs sharing a
    customer (A kept with B, B kept with C) make one customer of all of them, whatever order they are merged in."""
    from core.customers import CustomerService
    from core.errors import NotFound

    if not proposals:
        return 0
    if book.is_sqlite:
        book.backup("before-merge")
    service = CustomerService(book)
    with book.session() as session:
        into = {record["customer_id"]: record["candidate_id"] for record in _stored(session)
                if record.get("decision") == MERGED}
    merged = []
    for proposal in proposals:
        with book.session() as session:
            keep, absorb = _survivor(session, into, proposal.candidate_id), _survivor(session, into, proposal.customer_id)
        if keep == absorb:
            continue  # (one customer already)
        try:
            service.merge(keep, absorb, backup=False)
        except NotFound:
            continue
        into[absorb] = keep
        merged.append(proposal)
    with book.session() as session:
        _decide(session, merged, MERGED)
    return len(merged)


def _survivor(session: Session, into: dict[int, int], customer_id: int) -> int:
    """The customer ``customer_id`` is now: followed through the merges (``into``: merged id → kept id) while it is
    no customer of the book (a merged customer is deleted; an id SQLite gave again to a new customer is that one)."""
    seen = {customer_id}
    while (customer_id in into and into[customer_id] not in seen
           and session.get(Customer, customer_id) is None):
        customer_id = into[customer_id]
        seen.add(customer_id)
    return customer_id
