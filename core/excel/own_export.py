"""Reading Huitouke's own export back: the book's ids as stable keys, referrers and points balances.

Our export (core.excel.export) writes each customer's id (客户编号), each order's id (订单ID), the
referrer's customer id (推荐人编号) and the points balance (积分). Read back:

- a customer number names a book customer only when that customer also has the same name (or the same
  phone): an export of another book may use the same numbers for other people;
- an order without a platform order number is keyed ``#<order id>`` inside the import and is the book's
  order with no platform number, the same platform, the same order time and the same amount paid (the one
  with that id first): the same order in the book it came from, and in a copy made by importing the export
  into an empty book (whose ids differ). Such orders are stored without an order number, as they were;
- a referrer is set (never replaced) when the referrer is a customer of the same file;
- a points balance is given, as one ledger line, only to a customer the import creates (history from a
  file is not new spending; a customer already in the book keeps its ledger); when the file has our points
  ledger sheet too, that customer's lines replace the balance line (core.excel.own_history);
- member levels, message templates, campaigns and tags (with their colours) the book lacks are added
  (``write_settings``), before the customers: a tag of the file has its colour in a copy;
- a Douyin order's lines keep their sub-order numbers and states (子订单编号, 子订单状态: line_states.keep_line; a
  line without a number, from an export whose numbers Excel rounded, its state)
  and an order the import creates the numbers of the lines the seller removed (已删子订单编号), so a copy merges
  the next Douyin export as the book it came from (core.excel.sub_orders); each line names its product (所属商品, or
  none: the line keeps it in a copy, core.excel.line_products.products_of_lines); the products sheet's rows of deleted
  products (已删除) keep those names deleted in the copy (core.excel.writer, core.product_links);
- a text cell starting with an apostrophe was doubled by the export (core.excel.export.safe_text): the one the
  importer strips as Excel's text marker leaves the value as it was.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from typing import Any

from sqlalchemy import insert, or_, select, update
from sqlalchemy.orm import Session

from core.book.dialect import in_chunks
from core.book.models import Customer, Order, PointsEntry
from core.excel.id_map import IdSet
from core.excel.sheet_rows import rows_from

BOOK_ORDER_KEY = "#"  # order-number prefix of an order known by the book's id only (never stored)


def book_order_key(ref: str) -> str:
    return f"{BOOK_ORDER_KEY}{ref}"


def customers_by_ref(session: Session, refs: set[str]) -> dict[str, tuple[int, str, str]]:
    """{customer number: (id, name, phone_norm)} of the live book customers with those ids."""
    ids = [int(ref) for ref in refs if ref.isdigit() and len(ref) < 12]
    found: dict[str, tuple[int, str, str]] = {}
    for batch in in_chunks(ids):
        query = select(Customer.id, Customer.name, Customer.phone_norm).where(
            Customer.id.in_(batch), Customer.deleted_at.is_(None))
        for customer_id, name, phone in session.execute(query):
            found[str(customer_id)] = (customer_id, name, phone)
    return found


class Undecided(Exception):  # (not an error: the caller looks further, core.excel.round_book)
    """An order of ``wanted`` is alike a book order that an order of a later round names by its id: whether that one
    takes it (same id first) is not known yet."""


def orders_by_ref(session: Session, wanted: Sequence[tuple[str, str, dt.datetime | None, int | None]],
                  columns: Sequence, used: set[int] | IdSet | None = None, claimed: Collection[int] = (),
                  later: Callable[[int], bool] | None = None, alike: bool = True) -> dict[tuple[str, str], tuple]:
    """{(platform, "#id"): (id, customer_id, platform, number, *columns)} for the orders of ``wanted``
    ((platform, "#id", created_at, paid_cents)) that the book holds, as the module docstring says. In rounds
    (core.excel.round_book: ``wanted`` a round's), as for every order of the file at once: ``used``, the book orders
    the rounds before took (updated); an order alike takes none of ``claimed`` (those the file's orders of their ids
    take) — or, those unknown, ``later(id)`` says an order of a later round names it: Undecided. ``alike`` False:
    the same ids only."""
    times = sorted({created for _platform, _key, created, _paid in wanted if created is not None})
    candidates: dict[tuple[str, dt.datetime | None, int], list[tuple]] = defaultdict(list)
    for batch in in_chunks(times):
        query = select(Order.id, Order.customer_id, Order.platform, Order.platform_order_no, *columns).where(
            Order.created_at.in_(batch), or_(Order.platform_order_no.is_(None), Order.platform_order_no == ""))
        for row in session.execute(query.order_by(Order.id)):
            candidates[(row[2], row[4 + _CREATED], row[4 + _PAID])].append(tuple(row))
    found: dict[tuple[str, str], tuple] = {}
    before: set[int] | IdSet = set() if used is None else used
    taken: set[int] = set()
    for same_id_only in (True, False) if alike else (True,):  # the order with the same id first, then any alike
        for platform, key, created, paid in wanted:
            if (platform, key) in found:
                continue
            rows = [row for row in candidates.get((platform, created, paid or 0), ()) if row[0] not in taken
                    and row[0] not in before
                    and (key == book_order_key(str(row[0])) if same_id_only else row[0] not in claimed)]
            if rows:
                if not same_id_only and later is not None and later(rows[0][0]):
                    raise Undecided(rows[0][0])  # (``used`` left as it was)
                taken.add(rows[0][0])
                found[(platform, key)] = rows[0]
    before.update(taken)
    return found


_CREATED, _PAID = 0, 1  # positions of created_at and paid_cents in the ``columns`` given to orders_by_ref


def write_referrers_and_points(session: Session, people: Sequence[Any], ids: Sequence[int],
                               created: set[int], record: Callable[..., None]) -> None:
    """Referrers and points balances of the people of an import (see the module docstring)."""
    by_ref = {person.fields["customer_ref"]: ids[position] for position, person in enumerate(people)
              if person.fields.get("customer_ref")}
    referrers = {ids[position]: by_ref[person.fields["referrer_ref"]] for position, person in enumerate(people)
                 if by_ref.get(person.fields.get("referrer_ref", "")) not in (None, ids[position])}
    for batch in in_chunks(list(referrers)):
        for customer_id, current in session.execute(
                select(Customer.id, Customer.referred_by_id).where(Customer.id.in_(batch))).all():
            if current is None:
                if customer_id not in created:
                    record("customer", customer_id, {"referred_by_id": None},
                           {"referred_by_id": referrers[customer_id]})
                session.execute(update(Customer).where(Customer.id == customer_id)
                                .values(referred_by_id=referrers[customer_id]))
    lines = [{"customer_id": ids[position], "delta": person.fields["points_balance"], "reason": "import",
              "note": "导入的积分余额"} for position, person in enumerate(people)
             if person.fields.get("points_balance") and ids[position] in created]
    if lines:
        session.execute(insert(PointsEntry), lines)


SETTING_SHEETS = ("huitouke_levels", "huitouke_templates", "huitouke_campaigns", "huitouke_tags")
_RAW = frozenset({"rule_key", "facts_json"})  # text as written (JSON is not cleaned)


def sheet_values(table: Any, spec: Sequence[Any], words: Mapping[str, Mapping[str, str]], zh: bool,
                 rejected: Callable[[int, Any], None] | None = None) -> Iterator[dict[str, Any]]:
    """The data rows of one of our export's sheets (``plan.ledgers``' table) as {column key: value} by its
    ``core.excel.columns`` spec, codes read back from their Chinese ``words`` (zh); a row with a cell our
    export does not write is left out, told to ``rejected(row number, CellRejected)``."""
    from core.errors import CellRejected
    from core.excel import cleaning

    convert: dict[str, Callable[[Any], Any]] = {
        "money": cleaning.parse_cents, "int": cleaning.parse_int, "datetime": cleaning.parse_datetime,
        "date": cleaning.parse_date, "bool": cleaning.parse_bool, "text": cleaning.clean_text}
    back = {column: {word: code for code, word in table_words.items()} for column, table_words in words.items()
            if zh}
    position = {header: index for index, header in enumerate(table.headers)}
    where = [position.get(column.header("zh" if zh else "en")) for column in spec]
    for number, row in enumerate(rows_from(table.sheet.rows, table.data_start), table.data_start + 1):
        values: dict[str, Any] = {}
        try:
            for column, index in zip(spec, where, strict=True):
                cell = row[index] if index is not None and index < len(row) else None
                if column.key in _RAW:
                    values[column.key] = "" if cell is None else str(cell)
                    continue
                value = convert[column.kind](cell)
                values[column.key] = back[column.key].get(value, value) if column.key in back else value
        except CellRejected as error:
            if rejected is not None:
                rejected(number, error)
            continue
        yield values


def numbered(identities: Iterable[tuple]) -> Iterator[tuple]:
    """Each identity with its occurrence among those before it (1, 2 …): the n-th campaign called 双十一."""
    seen: Counter[tuple] = Counter()
    for identity in identities:
        seen[identity] += 1
        yield (*identity, seen[identity])


def write_settings(session: Session, plan: Any, record: Callable[[str, int, dict | None], None]) -> int:
    """Member levels, message templates, marketing campaigns and tags of our export that the book does not have (a
    level, a campaign or a tag by name, a template by kind, name and language); returns how many were added.
    Existing ones are left as they are. Names repeat (a campaign called 双十一 every year): the n-th of a name
    in the file is the book's n-th of that name by id, added when the book has fewer (``own_history`` links
    a campaign's customers, coupons and contacts the same way)."""
    from core.book.models import Campaign, MemberLevel, MessageTemplate, Tag
    from core.excel import columns as cols
    from core.excel.campaign_words import JSON_WORDS_ZH, json_from_words

    sheets = {"huitouke_levels": (cols.LEVEL_COLUMNS, MemberLevel, "member_level", ("name",), {}),
              "huitouke_templates": (cols.TEMPLATE_TEXT_COLUMNS, MessageTemplate, "message_template",
                                     ("kind", "name", "language"), {"kind": cols.REMINDER_KIND_WORDS_ZH}),
              "huitouke_campaigns": (cols.CAMPAIGN_COLUMNS, Campaign, "campaign", ("name",),
                                     cols.CAMPAIGN_WORDS_ZH),
              "huitouke_tags": (cols.TAG_COLUMNS, Tag, "tag", ("name",), {})}
    added = 0
    # the templates before the campaigns that name them
    for key, table in sorted(plan.ledgers, key=lambda ledger: ledger[0].startswith("huitouke_campaigns")):
        name = key.removesuffix("_en")
        if name not in sheets:
            continue
        spec, model, table_name, identity_of, words = sheets[name]
        have = set(numbered(tuple(row) for row in session.execute(
            select(*[getattr(model, part) for part in identity_of]).order_by(model.__table__.c.id))))
        seen: Counter[tuple] = Counter()  # (numbered, as `have`)
        # a line with a cell that is not what our export writes is left alone
        for values in sheet_values(table, spec, words, not key.endswith("_en")):
            if not values.get("name") or (model is MessageTemplate and not values.get("body")):
                continue
            identity = tuple(values[part] for part in identity_of)
            seen[identity] += 1
            identity = (*identity, seen[identity])
            if identity in have:
                continue
            if model is Campaign:
                values.update({column: json_from_words(column, values.get(column)) for column in JSON_WORDS_ZH})
                values["template_id"] = _template_id(session, *(values.pop(part) for part in cols.CAMPAIGN_TEMPLATE_KEYS))
            values = {column: value for column, value in values.items() if value is not None and column != "id"}
            new_id = session.execute(insert(model).values(**values).returning(model.__table__.c.id)).scalar_one()
            record(table_name, new_id, None)
            have.add(identity)
            added += 1
    return added


def _template_id(session: Session, kind: str | None, language: str | None, name: str | None) -> int | None:
    """The book's message template a campaign of the file used: of its kind and language (the same in every book),
    the one of its name first, then the default one, then the first."""
    from core.book.models import MessageTemplate

    if not kind:
        return None
    found = session.execute(select(MessageTemplate.id, MessageTemplate.name, MessageTemplate.is_default)
                            .where(MessageTemplate.kind == kind, MessageTemplate.language == (language or "zh_CN"))
                            .order_by(MessageTemplate.id)).all()
    ranked = sorted(found, key=lambda row: (row.name != name, not row.is_default))  # stable: by id among equals
    return ranked[0].id if ranked else None
