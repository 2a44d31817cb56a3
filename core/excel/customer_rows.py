"""The customer table's columns for the people of an import plan (core.excel.writer inserts them), and their
aliases (other phones, the 其他账号 lines of our export, and the other phone or buyer ID of a person matched by a key
of their own and bearing the customer's name: ``second_keys``)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from itertools import islice
from operator import itemgetter
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from core.book.dialect import in_chunks
from core.book.models import SOURCE_CHANNEL_VALUES, Customer, CustomerAlias, Order
from core.excel.cleaning import is_masked_name, source_channel, with_kept_lines
from core.excel.columns import ALIAS_KIND_WORDS
from core.excel.holds import Holds
from core.excel.plan import PersonDraft
from core.search import build_search_text

CUSTOMER_TEXT = ("name", "real_name", "wechat_id", "qq", "platform_buyer_id", "email", "province", "city",
                 "district", "address_detail", "postcode", "gender", "source_channel", "note", "personality")


def customer_columns(people: list[PersonDraft], batch_id: int) -> dict[str, list[Any]]:
    """The customer table's columns for these people (their derived figures excepted), position for position:
    a column at a time, not a dict per person (a first import creates tens of thousands)."""
    fields = [person.fields for person in people]
    columns = {name: [values.get(name, "") for values in fields] for name in CUSTOMER_TEXT}
    notes = columns["note"]
    for position, person in enumerate(people):
        if person.kept:
            notes[position] = with_kept_lines(notes[position], person.kept)
    columns["source_channel"] = [source_channel(values.get("source_channel", "")) or (
        person.platform if person.platform in SOURCE_CHANNEL_VALUES and person.platform != "other" else "")
        for values, person in zip(fields, people, strict=True)]
    phones = [person.phones[0] if person.phones else "" for person in people]
    columns["phone"] = [phone or person.masked_phone for phone, person in zip(phones, people, strict=True)]
    columns["phone_norm"] = phones
    birthdays = [values.get("birthday") or (None, None, None, False) for values in fields]
    for part, name in enumerate(("birth_year", "birth_month", "birth_day", "birthday_lunar")):
        columns[name] = list(map(itemgetter(part), birthdays))
    columns["do_not_disturb"] = [bool(values.get("do_not_disturb")) for values in fields]
    columns["risk_buyer"] = [bool(values.get("risk_buyer")) for values in fields]
    columns["import_batch_id"] = [batch_id] * len(people)
    searched = [build_search_text(name=name, real_name=real_name, phones=tuple(person.phones) or (phone,),
                                  wechat_id=wechat_id, platform_buyer_id=buyer_id, qq=qq)
                for person, name, real_name, phone, wechat_id, buyer_id, qq in zip(
                    people, columns["name"], columns["real_name"], columns["phone"], columns["wechat_id"],
                    columns["platform_buyer_id"], columns["qq"], strict=True)]
    columns["search_text"] = [text for text, _initials in searched]
    columns["name_initials"] = [initials for _text, initials in searched]
    return columns


_ALIAS_KINDS = {word.lower(): kind for kind, words in ALIAS_KIND_WORDS.items() for word in (kind, *words)}


# a "；" or ";" that starts another "kind: value" (a label of a few characters, then a colon): what a seller types to
# put two accounts on one line. A value holding a semicolon not followed by such a label stays whole.
_NEXT_ALIAS = re.compile(r"[;；](?=\s*[^\s:：;；][^:：;；\n]{0,19}[:：])")


def alias_lines(text: str | None) -> Iterator[tuple[str, str, str]]:
    """(kind, value, value_norm) of each "kind: value" line of our export's 其他账号 / Other accounts cell (or
    several on one line, separated by ； or ;); the kind is a code or its English or Chinese word
    (core.excel.columns.ALIAS_KIND_WORDS), an unknown one is kept as it is written; a line without a kind, or whose
    value is empty (a phone: no phone number), is passed over."""
    from core.phones import normalize_phone

    for line in _NEXT_ALIAS.sub("\n", text or "").splitlines():
        label, colon, value = line.partition(":")
        label, value = label.strip(), value.strip()
        if not colon or not label or not value:
            continue
        kind = _ALIAS_KINDS.get(label.lower(), label)[:20]
        norm = normalize_phone(value) if kind == "phone" else value.lower()
        if norm:
            yield kind, value[:200], norm[:200]


def write_aliases(session: Session, people: Sequence[PersonDraft], ids: Sequence[int],
                  holds: Holds | None = None, strong: Mapping[int, str] | None = None) -> Iterator[tuple[int, int]]:
    """Add the aliases of the people of an import (the customer ``ids[position]``) that their customers lack:
    each phone after the first, the lines of the ``aliases`` field (our export), and the other keys of a person
    matched by a key of their own (``strong``: position → the key's kind, core.excel.matching.Match.strong;
    :func:`second_keys`). A person found by a phone alone gives phones, not buyer IDs: the buyer of an order sent to
    a customer's phone and name may be someone else paying for her (a gift), whose own later orders would then be
    put on her silently. Yields (customer id, alias id) of each alias
    added; those the customers have already go to ``holds`` (core.excel.holds: an undo of the import that added
    them keeps them for this one)."""
    wanted: dict[tuple[int, str, str], str] = {}  # (customer, kind, value_norm) → value
    for position, person in enumerate(people):
        for phone in person.phones[1:]:
            wanted.setdefault((ids[position], "phone", phone), phone)
        aliases = person.fields.get("aliases")
        if aliases:  # (most people have none: no generator, no import a person)
            for kind, value, norm in alias_lines(aliases):
                wanted.setdefault((ids[position], kind, norm), value)
    offered = _offered(session, people, ids, strong or {})
    if not wanted and not offered:
        return
    have: dict[tuple[int, str, str], int | None] = {}  # → the alias (None: the customer's own phone or buyer ID)
    names: dict[int, str] = {}
    _book_keys(session, {customer_id for customer_id, _, _ in (*wanted, *offered)}, have, names)
    new_keys = second_keys(session, {key: value for key, (value, name) in offered.items()
                                     if key not in have and name == names[key[0]]})
    for key, (value, name) in offered.items():  # one the customer has, given by a person of their name: held
        if key in have and name == names[key[0]]:
            wanted.setdefault(key, value)
    wanted.update((key, value) for key, value in new_keys.items() if key not in wanted)
    for (customer_id, kind, norm), value in wanted.items():  # in the file's order
        if (customer_id, kind, norm) in have:
            if holds is not None and (alias_id := have[(customer_id, kind, norm)]) is not None:
                holds.hold("customer_alias", alias_id)
            continue
        alias_id = session.execute(insert(CustomerAlias).values(
            customer_id=customer_id, kind=kind, value=value, value_norm=norm)
            .returning(CustomerAlias.id)).scalar_one()
        yield customer_id, alias_id


_OFFERED_AT_ONCE = 5_000  # people matched by a key of their own whose keys are looked up at a time (``_offered``)


def _offered(session: Session, people: Sequence[PersonDraft], ids: Sequence[int], strong: Mapping[int, str]
             ) -> dict[tuple[int, str, str], tuple[str, str]]:
    """(customer, kind, value_norm) → (value, the person's name) of the keys the people matched by a key of their own
    (``strong``) offer their customer (``_keys_of``), in the people's order (a key offered again: its first place, its
    last value and name) — but for those that are their customer's own phone or buyer ID, which give nothing
    (``write_aliases`` neither adds nor holds them): looked up ``_OFFERED_AT_ONCE`` people at a time and left out (our
    export of the 100k demo book read back into it offers every person's phone and buyer ID, ≈ 90 MB held at once
    with the book's keys of all their customers)."""
    offered: dict[tuple[int, str, str], tuple[str, str]] = {}
    matched = iter(strong.items())
    while chunk := list(islice(matched, _OFFERED_AT_ONCE)):
        keys: list[tuple[tuple[int, str, str], str, str]] = []
        for position, by in chunk:
            person = people[position]
            name = person.fields.get("name", "")
            keys += [((ids[position], kind, norm), value, name)
                     for kind, value, norm in _keys_of(person, buyers=by != "phone")]
        have: dict[tuple[int, str, str], int | None] = {}
        _book_keys(session, {customer_id for (customer_id, _kind, _norm), _value, _name in keys}, have, {})
        for offer, value, name in keys:
            if have.get(offer, 0) is not None:  # (None: the customer's own)
                offered[offer] = (value, name)
    return offered


def _book_keys(session: Session, customers: set[int], have: dict[tuple[int, str, str], int | None],
               names: dict[int, str]) -> None:
    """Of these customers: their aliases' keys (→ the alias) and their own phone and buyer ID (→ None) into ``have``,
    their names into ``names``."""
    for batch in in_chunks(sorted(customers)):
        have.update(((customer_id, kind, value), alias_id) for alias_id, customer_id, kind, value in session.execute(
            select(CustomerAlias.id, CustomerAlias.customer_id, CustomerAlias.kind, CustomerAlias.value_norm)
            .where(CustomerAlias.customer_id.in_(batch))))
        for cid, name, phone, buyer in session.execute(select(
                Customer.id, Customer.name, Customer.phone_norm, Customer.platform_buyer_id).where(Customer.id.in_(batch))):
            have[(cid, "phone", phone)] = have[(cid, "buyer_id", (buyer or "").lower())] = None
            names[cid] = name or ""


def _keys_of(person: PersonDraft, buyers: bool = True) -> Iterator[tuple[str, str, str]]:
    """(kind, value, value_norm) of the phones (never a masked one: not among them) and, with ``buyers``, buyer IDs of
    a person whose name is a real one; none for a nameless or masked name (周**)."""
    name = person.fields.get("name", "")
    if not name or is_masked_name(name):
        return
    for phone in person.phones:
        yield "phone", phone, phone
    for buyer in (person.fields.get("platform_buyer_id"), *person.fields.get("buyer_ids", ())) if buyers else ():
        if buyer and not is_masked_name(buyer):
            yield "buyer_id", buyer[:200], buyer.lower()[:200]


def second_keys(session: Session, offered: dict[tuple[int, str, str], str]) -> dict[tuple[int, str, str], str]:
    """Which of the keys ``offered`` (customer, kind, value_norm) → value become the customer's aliases: a phone or
    buyer ID the customer lacks, of a person of the import matched to them by a key of their own (an order of the
    book, a phone, a buyer ID, a WeChat ID, our export's customer number) and bearing their very name (the caller
    checks both). So a second phone of an order matched by the customer's account and sent to her name is hers, and
    so is the account of an order matched by her order or WeChat ID and name (not by her phone alone: the caller
    offers no buyer ID then, a gift's payer); a gift sent by her to someone else (another name)
    gives nothing, nor does a match by name and address, a nameless or masked name (周**) or a masked phone. A key
    that is another book customer's (their phone, buyer ID or alias) is not taken: that is two people, or a merge
    for the seller to make, not an alias."""
    if not offered:
        return {}
    alive = Customer.deleted_at.is_(None)
    owners: dict[tuple[str, str], set[int]] = {}
    for kind, column in (("phone", Customer.phone_norm), ("buyer_id", Customer.platform_buyer_id)):
        values = {value for (_cid, of_kind, _norm), value in offered.items() if of_kind == kind}
        norms = {norm for _cid, of_kind, norm in offered if of_kind == kind}
        for batch in in_chunks(sorted(values)):
            for cid, value in session.execute(select(Customer.id, column).where(column.in_(batch), alive)):
                owners.setdefault((kind, value if kind == "phone" else value.lower()), set()).add(cid)
        for batch in in_chunks(sorted(norms)):
            for cid, norm in session.execute(select(CustomerAlias.customer_id, CustomerAlias.value_norm).join(
                    Customer, Customer.id == CustomerAlias.customer_id).where(
                    CustomerAlias.kind == kind, CustomerAlias.value_norm.in_(batch), alive)):
                owners.setdefault((kind, norm), set()).add(cid)
    return {(cid, kind, norm): value for (cid, kind, norm), value in offered.items()
            if owners.get((kind, norm), set()) <= {cid}}


def risk_buyers(session: Session, batch_id: int) -> list[tuple[int, str, int]]:
    """Risk buyers (Customer.risk_buyer) among the customers of the orders the import ``batch_id`` created: (id, name,
    new orders)."""
    query = (select(Customer.id, Customer.name, func.count(Order.id))
             .join(Order, Order.customer_id == Customer.id)
             .where(Order.import_batch_id == batch_id, Customer.risk_buyer.is_(True))
             .group_by(Customer.id, Customer.name).order_by(Customer.id))
    return [(cid, name or "", int(count)) for cid, name, count in session.execute(query)]
