"""Match the people of an import against the book: phone, then buyer ID / WeChat, then name + address.

An order already in the book decides its person outright (same platform + order number = same buyer).
A bare name agreeing with one book customer while nothing else agrees is a weak match: a new customer is
created and a merge is proposed, never made silently. A person a platform masked (周**, 151****0000, no other
identity) is the book customer made from the same masked name, phone and full address of that platform (strong),
else a new customer, with a merge proposed (``masked_fits``) to a real customer it fits at that address (weak):
core.excel.masked. The seller's earlier answer for the same person
and candidate (core.excel.review) is followed: merged means that customer, separate means no proposal.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.book.dialect import in_chunks as chunks
from core.book.models import Customer, CustomerAlias, Order
from core.excel import masked
from core.excel.cleaning import is_masked_name
from core.excel.own_export import BOOK_ORDER_KEY, customers_by_ref, orders_by_ref
from core.excel.plan import ImportPlan, OrderDraft, PersonDraft
from core.excel.review import MERGED, SEPARATE, load_decisions, person_key

ORDER_COMPARED = ("status", "paid_at", "shipped_at", "delivered_at", "completed_at", "paid_cents",
                  "refund_cents", "tracking_no", "carrier", "seller_note")


# How far an order's state has gone, in our status vocabulary (cleaning.STATUSES), for an import that updates an
# order of the book (BookWriter._update_order, a Douyin line in core.excel.sub_orders): unpaid < paid < shipped <
# delivered < completed < a partial refund < refunded = closed. Closed is final either way: an unpaid order that was
# closed is never paid later, and a paid order never goes back to unpaid — so any row of an order closed is older.
@dataclass(frozen=True, slots=True)
class ExistingOrder:
    id: int
    customer_id: int
    values: dict


@dataclass(frozen=True, slots=True)
class Match:
    """``customer_id`` of the book customer this person is, or None (new); ``proposal`` for weak ones:
    (candidate id, reason, person fingerprint); ``strong``: the key of its own it was found by ("order" of the book,
    our export's customer "ref", "phone", "buyer" ID or "wechat" ID), "" when found by name or not found
    (core.excel.customer_rows.write_aliases gives such a customer the person's other phones and buyer IDs)."""

    customer_id: int | None
    proposal: tuple[int, str, str] | None = None
    strong: str = ""


def numbers_by_platform(keys) -> dict[str, list[str]]:
    """(platform, order number) keys as the numbers of each platform."""
    numbers: dict[str, list[str]] = defaultdict(list)
    for platform, number in keys:
        numbers[platform].append(number)
    return numbers


def orders_in_book(session: Session, keys) -> Iterator[tuple[str, str | None]]:
    """The (platform, order number) keys the book holds an order of, one platform at a time (as BookIndex),
    batch by batch (a caller that needs one stops there)."""
    for platform, numbers in numbers_by_platform(keys).items():
        for batch in chunks(numbers):
            yield from ((platform, number) for number in session.scalars(
                select(Order.platform_order_no).where(Order.platform == platform, Order.platform_order_no.in_(batch))))


class BookIndex:
    """The book's identities relevant to one plan, loaded with a few IN queries."""

    def __init__(self, session: Session, plan: ImportPlan, owners: Mapping[int, list[int]] | None = None) -> None:
        """``owners`` (an import in rounds into a book with orders): by person, the owner of its first order the book
        has — such a person's identities are not looked up (``match`` takes its owner first)."""
        self.by_phone: dict[str, int] = {}
        self.by_buyer: dict[str, int] = {}
        self.by_wechat: dict[str, int] = {}
        self.by_name: dict[str, list[tuple[int, str, str, tuple[str, str]]]] = defaultdict(list)
        self.orders: dict[tuple[str, str], ExistingOrder] = {}
        self.decisions: dict[tuple[int, str], str] = {}
        self.by_ref: dict[str, tuple[int, str, str]] = {}  # our export's customer numbers found in the book
        self.aliased: set[tuple[str, str]] = set()  # the (kind, value) of those found as a customer's alias
        self.masked_twins: dict[tuple[str, ...], int] = {}  # a masked person's key → the book customer of that key
        # (province, city, district) → the book customers there: (id, name, real name, phone, address)
        self.near_masked: dict[tuple[str, ...], list[tuple[int, str, str, str, dict[str, str]]]] = defaultdict(list)
        # An import in rounds into a book with orders (core.excel.round_book): by person, the owner of its first
        # order the book has (``orders`` stays empty: the rounds look theirs up), as ``same_person_orders`` finds.
        self.owners = owners
        # A first import goes into an empty book: nothing to look up.
        if session.scalar(select(Customer.id).limit(1)) is not None:
            self._load_customers(session, plan.people if owners is None else
                                 [person for position, person in enumerate(plan.people) if position not in owners])
            self.decisions = load_decisions(session)
        if session.scalar(select(Order.id).limit(1)) is not None:
            self._load_orders(session, plan)

    def _load_customers(self, session: Session, people: Sequence[PersonDraft]) -> None:
        phones = {phone for person in people for phone in person.phones}
        buyers = {person.fields["platform_buyer_id"] for person in people if person.fields.get("platform_buyer_id")}
        buyers.update(account for person in people for account in person.fields.get("buyer_ids", ()))
        wechats = {person.fields["wechat_id"] for person in people if person.fields.get("wechat_id")}
        names = {person.fields["name"] for person in people
                 if person.fields.get("name") and not is_masked_name(person.fields["name"])}
        alive = Customer.deleted_at.is_(None)
        for column, values, target in ((Customer.phone_norm, phones, self.by_phone),
                                       (Customer.platform_buyer_id, buyers, self.by_buyer),
                                       (Customer.wechat_id, wechats, self.by_wechat)):
            for batch in chunks(values):
                for customer_id, value in session.execute(
                        select(Customer.id, column).where(column.in_(batch), alive).order_by(Customer.id)):
                    target.setdefault(value, customer_id)
        for kind, values, target in (("phone", phones, self.by_phone), ("buyer_id", buyers, self.by_buyer),
                                     ("wechat", wechats, self.by_wechat)):
            norms: dict[str, list[str]] = defaultdict(list)  # an alias's value_norm: an account in lower case
            for value in values:
                norms[value if kind == "phone" else value.lower()].append(value)
            for batch in chunks(norms):
                query = (select(CustomerAlias.customer_id, CustomerAlias.value_norm)
                         .join(Customer, Customer.id == CustomerAlias.customer_id)
                         .where(CustomerAlias.kind == kind, CustomerAlias.value_norm.in_(batch), alive))
                for customer_id, norm in session.execute(query):
                    for value in norms[norm]:
                        target.setdefault(value, customer_id)
                        self.aliased.add((kind, value))
        self.by_ref = customers_by_ref(session, {person.fields["customer_ref"] for person in people
                                                 if person.fields.get("customer_ref")})
        self._load_masked(session, people)
        for batch in chunks(names):
            named = select(Customer.id, Customer.name, Customer.phone_norm, Customer.phone, Customer.wechat_id,
                           Customer.platform_buyer_id, Customer.province, Customer.city, Customer.district,
                           Customer.address_detail).where(Customer.name.in_(batch), alive)
            named = named.order_by(Customer.id)
            for customer_id, name, phone, shown, wechat, buyer, *address in session.execute(named):
                self.by_name[name].append((customer_id, phone or masked.phone_key(shown), "".join(address),
                                           (wechat, buyer)))

    def _load_masked(self, session: Session, people: Sequence[PersonDraft]) -> None:
        """The book customers masked people of the plan may be (core.excel.masked): those made from the same
        masked name, phone and address on the same platform (whatever the seller added to them since), and every
        customer of the same districts (those a masked person may fit)."""
        found = [(person.fields["name"], person.fields["district"], key) for person in people
                 if (key := masked_key(person)) is not None]
        if not found:
            return
        alive = Customer.deleted_at.is_(None)
        address = (Customer.province, Customer.city, Customer.district, Customer.address_detail)
        for platform in {key[0] for _name, _district, key in found}:
            of_platform = select(Order.customer_id).where(Order.platform == platform)
            for batch in chunks(sorted({name for name, _district, key in found if key[0] == platform})):
                query = select(Customer.id, Customer.name, Customer.phone, *address).where(
                    Customer.name.in_(batch), Customer.phone_norm == "", alive, Customer.id.in_(of_platform)
                ).order_by(Customer.id)
                for customer_id, name, phone, *parts in session.execute(query):
                    key = masked.person_key(platform, name, phone, dict(zip(masked.ADDRESS_PARTS, parts, strict=True)))
                    if key is not None:
                        self.masked_twins.setdefault(key, customer_id)
        for batch in chunks(sorted({district for _name, district, _key in found})):
            near = select(Customer.id, Customer.name, Customer.real_name, Customer.phone_norm, Customer.phone,
                          *address).where(Customer.district.in_(batch), alive).order_by(Customer.id)
            for customer_id, name, real_name, phone, shown, *parts in session.execute(near):
                fields = dict(zip(masked.ADDRESS_PARTS, parts, strict=True))
                self.near_masked[masked.district_key(fields)].append(
                    (customer_id, name, real_name, phone or shown, fields))

    def _load_orders(self, session: Session, plan: ImportPlan) -> None:
        self.orders = existing_orders(session, plan.orders, list(plan.detail_items))

    def holds_anything(self) -> bool:
        """Whether any person could match: some identity, customer number or order of the book was found."""
        return bool(self.by_phone or self.by_buyer or self.by_wechat or self.by_name or self.by_ref or self.orders
                    or self.masked_twins or self.near_masked or self.owners)

    def match(self, person: PersonDraft, order_owners: list[int]) -> Match:
        """Who in the book this person is (see the module docstring for the order of evidence)."""
        if order_owners:
            return Match(order_owners[0], strong="order")
        ref = person.fields.get("customer_ref")
        if ref in self.by_ref:  # our own export read back: the same id, and the same name or phone
            customer_id, book_name, phone = self.by_ref[ref]
            if book_name == person.fields.get("name", "") or (phone and phone in person.phones):
                return Match(customer_id, strong="ref")
        for phone in person.phones:
            if phone in self.by_phone:  # "buyer" when one of the person's accounts is the customer's too
                customer_id = self.by_phone[phone]
                accounts = (person.fields.get("platform_buyer_id"), *person.fields.get("buyer_ids", ()))
                return Match(customer_id, strong="buyer" if any(
                    account and self.by_buyer.get(account) == customer_id for account in accounts) else "phone")
        buyer = person.fields.get("platform_buyer_id")
        if buyer and buyer in self.by_buyer:
            return Match(self.by_buyer[buyer], strong="buyer")
        wechat = person.fields.get("wechat_id")
        if wechat and wechat in self.by_wechat:
            return Match(self.by_wechat[wechat], strong="wechat")
        hidden = masked_key(person)
        if hidden is not None:
            return self._masked_match(person, hidden)
        name = person.fields.get("name")
        candidates = self.by_name.get(name, []) if name and not is_masked_name(name) else []
        if not candidates:
            return Match(None)
        key = person_key(person)
        decided = [customer_id for customer_id, *_ in candidates
                   if self.decisions.get((customer_id, key)) == MERGED]
        if decided:
            return Match(decided[0])
        address = person.address_key()
        strong = []
        accounts = (person.fields.get("wechat_id", ""), person.fields.get("platform_buyer_id", ""))
        mask = masked.phone_key(person.masked_phone)
        for customer_id, phone, book_address, book_accounts in candidates:
            if _phones_differ(phone, person.phones, mask):
                continue  # two different phones (or masks showing other digits): two people, at most a weak match
            if any(mine and theirs and mine != theirs for mine, theirs in zip(accounts, book_accounts, strict=True)):
                continue  # two different WeChat IDs or buyer IDs: as with two phones
            bare_on_both_sides = not (address or book_address or phone or person.phones)
            if (address and book_address == address) or bare_on_both_sides:
                strong.append(customer_id)
        if strong:
            return Match(strong[0])
        open_candidates = [customer_id for customer_id, *_ in candidates
                           if self.decisions.get((customer_id, key)) != SEPARATE]
        return Match(None, (open_candidates[0], "same_name", key) if open_candidates else None)

    def news_for(self, person: PersonDraft, customer_id: int) -> bool:
        """Whether a person matched to ``customer_id`` may give them an alias or hold one (core.excel.customer_rows.
        write_aliases): a phone or buyer ID of theirs that is not the customer's own (another's, an alias, or none
        in the book), or a second buyer ID. False for most people of a file read again: nothing to look up."""
        buyer = person.fields.get("platform_buyer_id") or ""
        return bool(person.fields.get("buyer_ids")) or any(
            self.by_phone.get(phone) != customer_id or ("phone", phone) in self.aliased for phone in person.phones) or (
            buyer != "" and (self.by_buyer.get(buyer) != customer_id or ("buyer_id", buyer) in self.aliased))

    def _masked_match(self, person: PersonDraft, key: tuple[str, ...]) -> Match:
        """A masked person (core.excel.masked): the book customer of the same key, else the real customer fitting it
        that the seller said is this person, else a new customer with a proposal to the first fitting one not
        kept apart."""
        twin = self.masked_twins.get(key)
        if twin is not None:
            return Match(twin)
        fitting = [customer_id for customer_id, name, real_name, phone, address
                   in self.near_masked.get(masked.district_key(person.fields), ())
                   if masked.fits_customer(key, name, real_name, phone, address)]
        if not fitting:
            return Match(None)
        fingerprint = person_key(person)
        for customer_id in fitting:
            if self.decisions.get((customer_id, fingerprint)) == MERGED:
                return Match(customer_id)
        open_candidates = [customer_id for customer_id in fitting
                           if self.decisions.get((customer_id, fingerprint)) != SEPARATE]
        return Match(None, (open_candidates[0], "masked_fits", fingerprint) if open_candidates else None)

    def remember(self, person: PersonDraft, customer_id: int) -> None:
        """Make a person created by this import findable by later people of the same import."""
        for phone in person.phones:
            self.by_phone.setdefault(phone, customer_id)
        if person.fields.get("platform_buyer_id"):
            self.by_buyer.setdefault(person.fields["platform_buyer_id"], customer_id)
        if person.fields.get("wechat_id"):
            self.by_wechat.setdefault(person.fields["wechat_id"], customer_id)


def _phones_differ(book_phone: str, phones: list[str], mask: str) -> bool:
    """Whether a book customer's phone (real, or a masked phone's key) is not the person's: not one of her real
    phones, or not what her masked phone shows (core.excel.masked.same_phone)."""
    if not book_phone:
        return False
    if phones:
        return not any(masked.same_phone(book_phone, phone) for phone in phones)
    return not masked.same_phone(book_phone, mask)


def masked_key(person: PersonDraft) -> tuple[str, ...] | None:
    """The key of a person known only by what a platform masked (core.excel.masked.person_key), or None: a person
    with a phone, buyer ID, WeChat ID or our export's customer number is matched by those."""
    fields = person.fields
    if (not person.masked_phone or person.phones or fields.get("platform_buyer_id") or fields.get("wechat_id")
            or fields.get("customer_ref")):
        return None
    return masked.person_key(person.platform, fields.get("name", ""), person.masked_phone, fields)


def match_people(plan: ImportPlan, index: BookIndex
                 ) -> tuple[list[int | None], list[int], list[tuple[int, int, str, str]], dict[int, str]]:
    """Each person of the plan matched (``BookIndex.match``): (the book customer of each person or None, the
    positions of the people to create, the merges proposed as (position, candidate id, reason, fingerprint), the
    positions of the people matched by a key of their own that may bring their customer an alias
    (``BookIndex.news_for``) → that key's kind, ``Match.strong``).
    An index that holds nothing (a first import into an empty book) matches nobody: everyone is new, nothing is
    proposed, and no person is looked at (50,000 orders' 18,340 people: ≈ 0.05 s)."""
    people = plan.people
    if not index.holds_anything():
        return [None] * len(people), list(range(len(people))), [], {}
    owners = same_person_orders(plan, index)
    ids: list[int | None] = [None] * len(people)
    new_people: list[int] = []
    proposals: list[tuple[int, int, str, str]] = []
    strong: dict[int, str] = {}
    for position, person in enumerate(people):
        match = index.match(person, owners.get(position, []))
        if match.customer_id is not None:
            ids[position] = match.customer_id
            if match.strong and index.news_for(person, match.customer_id):
                strong[position] = match.strong
        else:
            new_people.append(position)
            if match.proposal:
                proposals.append((position, *match.proposal))
    return ids, new_people, proposals, strong


def existing_orders(session: Session, drafts: Sequence[OrderDraft], keys: Sequence[tuple[str, str]] = (),
                    **in_rounds: Any) -> dict[tuple[str, str], ExistingOrder]:
    """The book's orders of these drafts (our export's without a number by their ids: own_export.orders_by_ref, given
    ``in_rounds``: its ``used``, ``claimed``, ``later``, ``alike``) and of more (platform, order number) ``keys``, by
    the drafts' keys."""
    orders: dict[tuple[str, str], ExistingOrder] = {}
    keys = [(order.platform, order.platform_order_no) for order in drafts
            if not order.platform_order_no.startswith(BOOK_ORDER_KEY)] + list(keys)
    columns = [getattr(Order, name) for name in ORDER_COMPARED]
    by_ref = [(order.platform, order.platform_order_no, order.fields.get("created_at"), order.fields.get("paid_cents"))
              for order in drafts if order.platform_order_no.startswith(BOOK_ORDER_KEY)]
    if by_ref:
        found = orders_by_ref(session, by_ref, [Order.created_at, Order.paid_cents, *columns], **in_rounds)
        for key, (order_id, customer_id, _platform, _number, _created, _paid, *values) in found.items():
            orders[key] = ExistingOrder(order_id, customer_id, dict(zip(ORDER_COMPARED, values, strict=True)))
    # one platform at a time: SQLite answers a (platform, number) row-value IN by scanning the whole unique
    # index once per query (16 s for 50,000 numbers against the 100k book's 500,000 orders)
    for platform, numbers in numbers_by_platform(keys).items():
        for batch in chunks(numbers):
            query = select(Order.id, Order.customer_id, Order.platform_order_no, *columns).where(
                Order.platform == platform, Order.platform_order_no.in_(batch))
            for order_id, customer_id, number, *values in session.execute(query):
                orders[(platform, number)] = ExistingOrder(order_id, customer_id,
                                                           dict(zip(ORDER_COMPARED, values, strict=True)))
    return orders


def same_person_orders(plan: ImportPlan, index: BookIndex) -> Mapping[int, list[int]]:
    """person index → book customers already owning one of that person's orders (in rounds: ``index.owners``)."""
    if index.owners is not None:
        return index.owners
    owners: dict[int, list[int]] = defaultdict(list)
    for order in plan.orders if index.orders else ():  # (a book without any of the plan's orders: none)
        existing = index.orders.get((order.platform, order.platform_order_no))
        if existing and existing.customer_id not in owners[order.person]:
            owners[order.person].append(existing.customer_id)
    return owners
