"""Customers of the book that look like one person: the pairs "Find duplicate customers…" proposes to merge.

DOMAIN.md §1: duplicates are the norm, and a merge is never silent: each pair is shown and the seller merges it
(core.customers.CustomerService.merge, through core.excel.review.merge_pairs: every order, note and task of both
is kept) or keeps it apart (core.excel.review.keep_separate: the pair is never listed again). A pair is listed
when, strongest first:

- ``alias``: one customer's phone or buyer ID is an alias of the other (core.book.models.CustomerAlias), the one
  holding the alias is kept;
- ``masked_same``: both were made from rows of the same platform that masked the buyer the same way (the same
  core.excel.masked.person_key: masked name, masked phone and full address), as an import made before masked
  buyers were matched left one customer per order;
- ``name_address``: the same real name and the same full address (province, city, district and detail,
  compared without spaces or width differences), with no two different phones, WeChat IDs or buyer IDs (the
  name rule of core.excel.matching.BookIndex.match);
- ``masked_fits``: a masked customer (周** / 151****0000, nothing else to know her by) whom a real customer at the
  same address fits (core.excel.masked.fits_customer: the visible start and end of the name, the phone's visible
  digits, the street): the proposal an import makes when the real customer came first, made here whatever the
  order the files were imported in (a Douyin export imported before the Taobao history gave none). The real
  customer is kept; of several that fit, the first the seller did not keep apart from her.

Two 周** at different addresses, or with other visible digits, are not listed. The cost is bounded on a big book:
SQL groups the customers by the columns compared and only those of groups of two or more are read; within one
group the pairs join its oldest customer (a group of k gives k - 1 pairs, never k²): merging them all makes the
group one customer (core.excel.review.merge_pairs follows a customer merged into another, so pairs of different
reasons sharing a customer do too). At most ``limit`` pairs are listed; ``FoundPairs.more`` says how many others
were found (the next search, after these are merged or kept apart, lists them).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import partial

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session, aliased

from core.book.dialect import in_chunks
from core.book.models import Customer, CustomerAlias, Order
from core.excel import masked
from core.excel.cleaning import MASK_CHARACTERS
from core.excel.review import MergeProposal, ProposalView, describe, kept_apart

ALIAS, MASKED_SAME, NAME_ADDRESS, MASKED_FITS = "alias", "masked_same", "name_address", "masked_fits"
REASONS = (ALIAS, MASKED_SAME, NAME_ADDRESS, MASKED_FITS)  # strongest first


@dataclass(frozen=True, slots=True)
class FoundPairs:
    """What ``find_duplicates`` found: the pairs listed, and how many more it found past its limit (listed by a
    search after these are merged or kept apart)."""

    views: list[ProposalView]
    more: int = 0


def find_duplicates(book, limit: int = 1000) -> FoundPairs:
    """The pairs of live customers that look like one person, strongest reason first, each pair once, without
    the pairs the seller kept apart; at most ``limit``, and the number of the others. Each is a
    core.excel.review.ProposalView whose proposal's ``candidate_id`` is the customer kept by a merge and
    ``customer_id`` the one merged into it."""
    with book.session() as session:
        pairs, more = duplicate_pairs(session, limit)
        return FoundPairs(list(describe(session, pairs)), more)


def duplicate_pairs(session: Session, limit: int = 1000) -> tuple[list[MergeProposal], int]:
    """The proposals of ``find_duplicates``, read inside ``session``, and how many more there are past ``limit``."""
    apart = kept_apart(session)
    seen: set[frozenset] = set()
    pairs: list[MergeProposal] = []
    for finder, reason in ((_alias_pairs, ALIAS), (_masked_pairs, MASKED_SAME), (_name_address_pairs, NAME_ADDRESS),
                           (partial(_masked_fits_pairs, apart=apart), MASKED_FITS)):
        for keep, absorb in finder(session):
            pair = frozenset((keep, absorb))
            if keep == absorb or pair in seen or pair in apart:
                continue
            seen.add(pair)
            if len(pairs) < limit:
                pairs.append(MergeProposal(customer_id=absorb, candidate_id=keep, reason=reason))
    return pairs, len(seen) - len(pairs)


def _alias_pairs(session: Session) -> Iterable[tuple[int, int]]:
    """(the customer holding the alias, the customer whose own phone or buyer ID it is)."""
    other = aliased(Customer)
    holder = aliased(Customer)
    same = or_(and_(CustomerAlias.kind == "phone", other.phone_norm == CustomerAlias.value_norm,
                    other.phone_norm != ""),
               and_(CustomerAlias.kind == "buyer_id", other.platform_buyer_id == CustomerAlias.value,
                    other.platform_buyer_id != ""))
    query = (select(CustomerAlias.customer_id, other.id)
             .join(other, same)
             .join(holder, holder.id == CustomerAlias.customer_id)
             .where(other.id != CustomerAlias.customer_id, other.deleted_at.is_(None), holder.deleted_at.is_(None))
             .order_by(CustomerAlias.customer_id, other.id))
    return [(holder_id, other_id) for holder_id, other_id in session.execute(query)]


def _is_masked_column(column):
    return or_(*(column.contains(mask) for mask in MASK_CHARACTERS))


def _masked_pairs(session: Session) -> Iterable[tuple[int, int]]:
    """Customers of one masked key on one platform: grouped in SQL by masked name and phone first."""
    alive = Customer.deleted_at.is_(None)
    bare = and_(alive, Customer.phone_norm == "", Customer.phone != "", Customer.wechat_id == "",
                Customer.platform_buyer_id == "", _is_masked_column(Customer.name))
    groups = (select(Customer.name, Customer.phone).where(bare).group_by(Customer.name, Customer.phone)
              .having(func.count() > 1).subquery())
    address = (Customer.province, Customer.city, Customer.district, Customer.address_detail)
    query = (select(Customer.id, Customer.name, Customer.phone, *address)
             .join(groups, and_(groups.c.name == Customer.name, groups.c.phone == Customer.phone))
             .where(bare).order_by(Customer.id))
    rows = {customer_id: (name, phone, dict(zip(masked.ADDRESS_PARTS, parts, strict=True)))
            for customer_id, name, phone, *parts in session.execute(query)}
    platforms: dict[int, set[str]] = defaultdict(set)
    for batch in in_chunks(rows):
        for customer_id, platform in session.execute(
                select(Order.customer_id, Order.platform).where(Order.customer_id.in_(batch)).distinct()):
            platforms[customer_id].add(platform)
    buckets: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for customer_id, (name, phone, fields) in rows.items():
        for platform in sorted(platforms[customer_id]):
            key = masked.person_key(platform, name, phone, fields)
            if key is not None:
                buckets[key].append(customer_id)
    return _star(buckets.values())


def _name_address_pairs(session: Session) -> Iterable[tuple[int, int]]:
    """Customers of one real name at one full address, nothing of theirs differing: grouped in SQL by name and
    district first (the rest of the address compared as core.excel.masked.address_key does)."""
    alive = Customer.deleted_at.is_(None)
    named = and_(alive, Customer.name != "", ~_is_masked_column(Customer.name), Customer.address_detail != "")
    groups = (select(Customer.name, Customer.district).where(named).group_by(Customer.name, Customer.district)
              .having(func.count() > 1).subquery())
    query = (select(Customer.id, Customer.name, Customer.phone_norm, Customer.phone, Customer.wechat_id,
                    Customer.platform_buyer_id, Customer.province, Customer.city, Customer.district,
                    Customer.address_detail)
             .join(groups, and_(groups.c.name == Customer.name, groups.c.district == Customer.district))
             .where(named).order_by(Customer.id))
    buckets: dict[tuple[str, str], list[tuple[int, tuple[str, str, str]]]] = defaultdict(list)
    for customer_id, name, phone, shown, wechat, buyer, *parts in session.execute(query):
        key = masked.address_key(dict(zip(masked.ADDRESS_PARTS, parts, strict=True)))
        if key:  # (a masked phone compared by what it shows: 138****1234 is not 139****5678)
            buckets[(name, key)].append((customer_id, (phone or masked.phone_key(shown), wechat, buyer)))
    pairs = []
    for members in buckets.values():
        first, (phone, *accounts) = members[0]
        for customer_id, (their_phone, *theirs) in members[1:]:
            if masked.same_phone(phone, their_phone) and not any(
                    mine and other and mine != other for mine, other in zip(accounts, theirs, strict=True)):
                pairs.append((first, customer_id))
    return pairs


def _masked_fits_pairs(session: Session, apart: AbstractSet[frozenset] = frozenset()) -> Iterable[tuple[int, int]]:
    """(the real customer, the masked one she may be): the masked customers read, then the customers with a real
    phone of their districts, by district and the phone's first three and last four digits (what 抖店 shows); of
    several that fit, the first the seller did not keep apart from her (one pair a masked customer: merging her
    into two would merge those two)."""
    alive = Customer.deleted_at.is_(None)
    address = (Customer.province, Customer.city, Customer.district, Customer.address_detail)
    bare = and_(alive, Customer.phone_norm == "", Customer.phone != "", Customer.wechat_id == "",
                Customer.platform_buyer_id == "", _is_masked_column(Customer.name))
    hidden: list[tuple[int, tuple[str, ...]]] = []
    for customer_id, name, phone, *parts in session.execute(
            select(Customer.id, Customer.name, Customer.phone, *address).where(bare).order_by(Customer.id)):
        key = masked.person_key("", name, phone, dict(zip(masked.ADDRESS_PARTS, parts, strict=True)))
        if key is not None and len(key[2]) == 11:
            hidden.append((customer_id, key))
    near: dict[tuple[str, ...], list[tuple[int, str, str, str, dict]]] = defaultdict(list)
    for batch in in_chunks(sorted({key[3].split("|")[2] for _id, key in hidden})):
        query = (select(Customer.id, Customer.name, Customer.real_name, Customer.phone_norm, *address)
                 .where(alive, Customer.phone_norm != "", Customer.district.in_(batch)).order_by(Customer.id))
        for customer_id, name, real_name, phone, *parts in session.execute(query):
            fields = dict(zip(masked.ADDRESS_PARTS, parts, strict=True))
            near[(*masked.district_key(fields), phone[:3], phone[-4:])].append(
                (customer_id, name, real_name, phone, fields))
    pairs = []
    for customer_id, key in hidden:
        province, city, district, _detail = key[3].split("|")
        for real_id, name, real_name, phone, fields in near.get((province, city, district, key[2][:3], key[2][-4:]), ()):
            if frozenset((real_id, customer_id)) not in apart and masked.fits_customer(key, name, real_name, phone,
                                                                                       fields):
                pairs.append((real_id, customer_id))
                break
    return pairs


def _star(buckets: Iterable[list[int]]) -> list[tuple[int, int]]:
    """Each group's oldest customer paired with each other one."""
    return [(members[0], other) for members in buckets for other in members[1:]]
