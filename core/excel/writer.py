"""Write an import plan into the book with bulk Core statements, recording everything undo needs."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from collections.abc import Callable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from functools import partial
from itertools import repeat
from operator import attrgetter, itemgetter
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from core import customer_stats
from core.book.models import (
    Customer,
    CustomerTag,
    ImportBatch,
    ImportChange,
    ImportHold,
    Order,
    OrderItem,
    Product,
    Tag,
)
from core.errors import Cancelled
from core.excel import deferred_indexes
from core.excel.bulk_insert import bulk_insert, bulk_insert_columns, fit_to_lengths, text_lengths
from core.excel.chunked import CHUNK_ROWS, CHUNK_UPDATES, Turns, after_import_in_chunks
from core.excel.cleaning import DELETED, clean_text, is_masked_name, status_behind, with_kept_lines
from core.excel.customer_rows import CUSTOMER_TEXT, customer_columns, risk_buyers, write_aliases
from core.excel.detail_items import DetailOutcome, attach_detail_items, seller_lines_paid
from core.excel.edits import CREATED
from core.excel.holds import Holds
from core.excel.id_map import IdMap
from core.excel.line_products import products_of_lines
from core.excel.matching import ORDER_COMPARED, BookIndex, ExistingOrder, chunks, match_people
from core.excel.own_export import BOOK_ORDER_KEY, write_referrers_and_points, write_settings
from core.excel.plan import ImportPlan, OrderDraft, PersonDraft
from core.excel.round_book import known_orders, write_rounds
from core.excel.round_writer import NewOrders, in_rounds, no_orders, people_in_rounds
from core.excel.rounds import Rounds
from core.excel.sub_orders import LINES_SAY, merge_sub_orders
from core.order_fields import derived_order_columns, is_purchase_status
from core.order_writes import after_orders_written
from core.product_links import CycleWatch, ProductResolver, forget_deleted, remember_deleted
from core.product_names import fold, name_key
from core.search import build_search_text
from core.settings import local_today
from core.tags import refresh_tag_names

_STATE = ("status", "paid_cents", "refund_cents")  # what an import whose status is behind the book's leaves


# a products sheet's fields → the product table's columns
_PRODUCT_SHEET_FIELDS = {"category": "category", "price_cents": "price_cents", "cycle_days": "cycle_days",
                         "lead_days": "lead_days", "product_code": "code", "product_active": "active",
                         "product_note": "note"}


def _as_read(stored: str) -> str:
    """A stored text as our export's cell of it is read back: cleaned, its line ends LF (XML reads CR LF as LF)."""
    return clean_text(stored).replace("\r\n", "\n").replace("\r", "\n")


def _jsonable(values: dict[str, Any]) -> str:
    return json.dumps({name: value.isoformat() if isinstance(value, dt.date) else value
                       for name, value in values.items()}, ensure_ascii=False)


@dataclass(slots=True)
class Counts:
    batch_id: int = 0
    customers_created: int = 0
    customers_updated: int = 0
    orders_created: int = 0
    orders_updated: int = 0
    orders_unchanged: int = 0
    products_created: int = 0
    products_updated: int = 0
    proposals: list[tuple[int, int, str, str]] = field(default_factory=list)  # customer, candidate, reason, person
    detail: DetailOutcome = field(default_factory=DetailOutcome)
    # customers flagged as risk buyers who got new orders from this import: (id, name, new orders)
    risk_buyers: list[tuple[int, str, int]] = field(default_factory=list)


class BookWriter:
    """Writes one plan in the caller's session: one transaction, or with ``turns`` (core.excel.chunked.Turns) short
    ones, each committing its rows with the ``import_change`` lines recording them; see core.excel.importer."""

    def __init__(self, session: Session, plan: ImportPlan, progress, is_cancelled,
                 today: dt.date | None = None, turns: Turns | None = None, reminders: bool = True) -> None:
        """``reminders=False`` (a dry run, rolled back): the reminders are not regenerated — nothing it reports
        depends on them, and on a shared book that takes no "reminders" lock that a save would wait for."""
        self.session, self.plan, self.turns, self.reminders = session, plan, turns, reminders
        self._updates = 0  # rows updated since the last chunk
        self.progress, self.is_cancelled = progress, is_cancelled
        self.today = today or local_today(session)
        self.counts = Counts()
        # Customers whose derived figures must be recomputed: book customers that got or changed orders.
        self.touched: set[int] = set()
        self.unchanged: set[int] = set()  # book orders of line rows left unchanged (lines may yet be added)
        self._created: AbstractSet[int] = set()  # plan.people positions created by this import
        self._created_ids: AbstractSet[int] = set()  # and their customer ids (people in rounds: id_map.IdSet)
        self._filled: set[int] = set()  # book customers given a field, a tag or an alias (customers_updated)
        self._strong: dict[int, str] = {}  # the people matched by a key of their own → its kind (matching.match_people)
        self._created_refs: Mapping[str, int] = {}  # our export's customer numbers of those → their ids
        self._order_refs = IdMap()  # our export's order ids of the orders created → their ids
        self._changes: list[dict[str, Any]] = []
        self.holds = Holds()  # the rows the file holds as the book has them (core.excel.holds)
        self._sub_items_added = 0  # lines added to Douyin orders of the book by their numbers (sub_orders)
        self._link: Callable[[str], int | None] = lambda _title: None  # the product of a line's title (write())
        self._deferred: list[str] = []  # tables whose plain indexes are built after the rows (deferred_indexes)
        self._indexes_checked = False
        self.settings_written = 0  # member levels / templates added from our export (core.excel.own_export)
        # Updates are held to the columns' lengths as inserts are (PostgreSQL enforces them; SQLite does not).
        enforced = session.get_bind().dialect.name != "sqlite"
        self._order_lengths = text_lengths(Order.__table__) if enforced else {}
        self._customer_lengths = text_lengths(Customer.__table__) if enforced else {}

    def _check(self, done: int, message: str) -> None:
        self.progress(done, 100, message)
        if self.is_cancelled():
            raise Cancelled("cancelled")

    def _chunk(self, now: bool = False) -> None:
        """With turns, the end of a step: once the transaction is due (core.excel.chunked.Turns.due) or
        ``now``, commit what was written with its undo lines and start the next transaction — unless the import
        was cancelled meanwhile (the window closing, #21: also between the reminders' groups, which check
        nothing else): then Cancelled, and what was committed is undone."""
        if self.turns is not None and (now or self.turns.due()):
            self._flush_changes()
            self.turns.next()
            if self.is_cancelled():
                raise Cancelled("cancelled")

    def free(self) -> contextlib.AbstractContextManager:
        """With turns: a block of the CPU's work run between two transactions, holding no write lock."""
        if self.turns is None:
            return contextlib.nullcontext()
        self._flush_changes()
        return self.turns.outside()

    def _updated(self) -> None:
        self._updates += 1
        if self._updates >= CHUNK_UPDATES:  # a step's end
            self._updates = 0
            self._chunk()

    def _flush_changes(self) -> None:
        bulk_insert(self.session, ImportChange.__table__, self._changes)
        self._changes = []
        bulk_insert(self.session, ImportHold.__table__, self.holds.rows(self.counts.batch_id))

    def _record(self, table: str, row_id: int, old: dict[str, Any] | None, new: dict[str, Any] | None = None) -> None:
        """Keep for undo a row created (``old`` None) or the values a change replaced, with those it wrote."""
        self._changes.append({"batch_id": self.counts.batch_id, "table_name": table, "row_id": row_id,
                              "old_values_json": CREATED if old is None else _jsonable(old),
                              "new_values_json": None if new is None else _jsonable(new)})

    def write(self, file_name: str, sheets: str, presets: str) -> Counts:
        """Write the plan: the batch, products, people, orders, detail lines, our export's history, then the figures
        and reminders. The plan's ``people`` and ``orders`` are emptied once written (what is read after comes from
        the book); its errors, rows and ledgers stay. A plan in rounds (core.excel.rounds) has its people written
        first, then each round's orders (``_write_rounds``)."""
        batch = ImportBatch(file_name=file_name[:500], sheet=sheets[:200], preset=presets[:50],
                            status="done" if self.turns is None else "running")
        self.session.add(batch)
        self.session.flush()
        self.counts.batch_id = batch.id
        self._chunk(now=True)  # the batch row alone: from here on a killed import leaves a running batch to undo
        self._check(52, "products")
        watch = CycleWatch(self.session)
        self.settings_written = write_settings(self.session, self.plan, self._record)
        resolver = ProductResolver(self.session, create=True, on_created=self._product_created)
        sheet_products, sheet_created = self._write_products(resolver)
        self._check(55, "matching customers")
        rounds = in_rounds(self.session, self.plan)
        self._link = resolver.link
        # In rounds into a book with orders, each round's orders looked up in the book first (round_book): a person
        # owning one of them is its customer, the others only are looked up in the book.
        owners = known_orders(self, rounds) if rounds is not None and rounds.in_book else None
        with self.turns.outside() if self.turns is not None else contextlib.nullcontext():
            index = BookIndex(self.session, self.plan, owners)
        new_orders = self._new_orders(index) if rounds is None else no_orders()
        self._chunk()
        customer_ids = (self._write_people(index, new_orders, rounds) if rounds is None or rounds.people is None
                        else people_in_rounds(self, index, rounds))
        if rounds is not None:  # (what is read of the people after this is their ids)
            self.plan.people = []
        self._chunk()
        self._check(75, "orders")
        if rounds is None:
            self._write_orders(new_orders, customer_ids, resolver)
        else:
            write_rounds(self, rounds, customer_ids, resolver)
        if self._deferred:  # the indexes dropped in _write_people, built before anything reads by them
            self._flush_changes()
            deferred_indexes.rebuild(self.session, self.counts.batch_id, self._chunk)
        self._chunk()
        if self.plan.detail_items or index.orders:
            self.counts.detail = attach_detail_items(self.session, self.plan, index.orders, resolver.link,
                                                     self._record, self.touched, self.unchanged, self.holds)
            self.counts.detail.items_added += self._sub_items_added
            self.counts.orders_updated += self.counts.detail.orders_updated
            self.counts.orders_unchanged += self.counts.detail.orders_unchanged
        # The people and orders are written: their drafts and columns are let go before the history sheets are read
        # and the figures and reminders follow (the 100k demo book's export: ≈ 0.3 GB of them, still held there).
        del index, new_orders
        self.plan.people, self.plan.orders = [], []
        if self.plan.ledgers:  # our export's cases, coupons, tasks and contact log (its modules imported only then)
            from core.excel.own_history import write_history

            write_history(self.session, self.plan, self._created_refs, self._order_refs)
        self._check(92, "figures")
        self.counts.risk_buyers = risk_buyers(self.session, self.counts.batch_id) if self.counts.orders_created else []
        self._check(94, "reminders")
        # What follows every order write (core.order_writes), for history from a file: the figures (new customers
        # were inserted with theirs), lines of the book left without a product get one the book has (this import's
        # own lines were linked as written, products made for them; a line the seller typed is not), suggestions follow the
        # new purchases, the reminders of every customer concerned, member levels — no spend points, no
        # level-up task. With turns, the same steps a thousand customers per transaction.
        follow = (after_orders_written if self.turns is None and self.reminders else
                  partial(after_import_in_chunks, self._chunk, self.free, regenerate=self.reminders))
        follow(self.session, self.touched | self._created_ids, today=self.today, history=True,
               watch=watch, products=resolver.linked() | sheet_products,
               figures_known=set() if rounds else self._created_ids - self.touched, link_new=True,
               create_products=False,
               relink_all=sheet_created, on_created=self._product_created)
        self._flush_changes()
        self._check(98, "saving")
        return self.counts

    def _product_created(self, product_id: int) -> None:
        self._record("product", product_id, None)
        self.counts.products_created += 1

    def finish_batch(self, report_json: str) -> None:
        """The batch's counts and report; a chunked import's batch is marked done here."""
        counts = self.counts
        self.session.execute(update(ImportBatch).where(ImportBatch.id == counts.batch_id).values(
            status="done",
            customers_created=counts.customers_created, customers_updated=counts.customers_updated,
            orders_created=counts.orders_created, orders_updated=counts.orders_updated,
            orders_unchanged=counts.orders_unchanged, products_created=counts.products_created,
            rows_skipped=len(self.plan.skipped_rows), report_json=report_json))

    def _insert_all(self, model, columns: dict[str, list[Any]], start: int, end: int,
                    message: str, after: int = 0) -> Sequence[int]:
        """Insert rows carrying this batch's id (see _insert_columns); no RETURNING (SQLAlchemy's sorted
        RETURNING costs more than the insert): their ids come back in insert order (those past ``after``: the
        batch's rows inserted before)."""
        if not self._insert_columns(model.__table__, columns, start, end, message):
            return []
        return self.session.connection().execute(
            select(model.id).where(model.import_batch_id == self.counts.batch_id, model.id > after)
            .order_by(model.id)).scalars().all()

    def _insert_columns(self, table, columns: dict[str, list[Any]], start: int, end: int, message: str) -> int:
        """Insert rows given as columns (see bulk_insert_columns) in chunks, reporting progress from
        ``start`` to ``end`` percent; returns how many rows."""
        count = len(next(iter(columns.values()), []))
        for done in range(0, count, CHUNK_ROWS):
            bulk_insert_columns(self.session, table,
                                {name: values[done:done + CHUNK_ROWS] for name, values in columns.items()})
            self._chunk()
            self._check(start + (end - start) * min(done + CHUNK_ROWS, count) // count, message)
        return count

    # ------------------------------------------------------------------ products

    def _write_products(self, resolver: ProductResolver) -> tuple[set[int], bool]:
        """A products sheet: products the book has (same name key: spaces, width and case aside) take the sheet's
        values (a cell left empty changes nothing; a text the same once cleaned as the sheet's cells are — edge
        spaces, full-width digits — is no change, so our export re-imported changes nothing), the others are
        created. A row saying the product was deleted (已删除 / deleted: our export's products the seller deleted)
        creates none: the book remembers the name, so the order lines of that title stay without a product
        (core.product_links.remember_deleted), unless the book has a product of that name; a row creating a product
        the seller had deleted makes it a product again (``forget_deleted``). Returns the products written and whether
        any was created."""
        names = _PRODUCT_SHEET_FIELDS.values()
        existing = {pid: dict(zip(names, values, strict=True)) for pid, *values in self.session.execute(
            select(Product.id, *[getattr(Product, name) for name in names]))}
        written: set[int] = set()
        created = False
        for raw_name, fields in self.plan.products.items():
            name = fold(raw_name)
            values = {column: fields.get(field) for field, column in _PRODUCT_SHEET_FIELDS.items()}
            values = {key: value for key, value in values.items() if value not in (None, "")}
            pid = resolver.by_key.get(name_key(name))
            if values.get("active") == DELETED:
                if pid is None and name:
                    remember_deleted(self.session, name[:200])
                    resolver.refused.add(name_key(name))
                continue
            if pid is not None:
                before = existing[pid]
                changed = {key: value for key, value in values.items()
                           if before[key] != value and not (isinstance(before[key], str) and _as_read(before[key]) == value)}
                if changed:
                    self._record("product", pid, {key: before[key] for key in changed}, changed)
                    self.session.execute(update(Product).where(Product.id == pid)
                                         .values(**changed, version=Product.version + 1))
                    self.counts.products_updated += 1
            elif name:
                pid = self.session.execute(insert(Product).values(name=name[:200], **values)
                                           .returning(Product.id)).scalar_one()
                self._product_created(pid)
                forget_deleted(self.session, name)
                resolver.refused.discard(name_key(name))
                resolver.by_key[name_key(name)] = pid
                existing[pid] = {"category": "", "price_cents": 0, "cycle_days": None, "lead_days": 3, "code": "",
                                 "active": True, "note": ""} | values
                created = True
            if pid is not None:
                written.add(pid)
        return written, created

    # ------------------------------------------------------------------ customers

    def _write_people(self, index: BookIndex, new_orders: NewOrders, rounds: Rounds | None = None) -> list[int]:
        """Customer id of every person of the plan: matched (and filled in) or newly created.

        New customers are inserted with their derived figures (all their orders are among `new_orders`)
        and their stage, so `refresh` is left only the customers that were already in the book (in rounds, the
        orders come after: every new customer's figures are computed by `refresh` too)."""
        people = self.plan.people
        with self.free():  # matching and the new rows (pinyin…) are the CPU's work: no write lock held
            ids, new_people, created = self._people_rows(index, new_orders)
        if self.turns is not None and not self._indexes_checked:  # a chunked import: built again in write() after
            self._indexes_checked = True  # the orders, or by its undo (people in rounds: all of them, at the first)
            self._deferred = deferred_indexes.worth_deferring(self.session, {
                "customer": len(new_people) if rounds is None or rounds.people is None else rounds.people.count,
                "orders": len(new_orders.drafts) if rounds is None else rounds.orders,
                "order_item": sum(len(draft.items) for draft in new_orders.drafts) if rounds is None else rounds.lines})
            deferred_indexes.drop(self.session, self._deferred, self._record)
        # (after the customers of the rounds of people before: round_writer.people_in_rounds)
        for i, customer_id in enumerate(self._insert_all(Customer, created, 55, 70, "customers",
                                                         max(self._created_ids, default=0))):
            ids[new_people[i]] = customer_id
        known = [customer_id for customer_id in ids if customer_id is not None]
        assert len(known) == len(ids), "every person is matched or has just been created"
        customer_stats.refresh_stages(self.session, [known[position] for position in new_people])
        self._chunk()
        self._created = set(new_people)
        self._created_ids = {known[position] for position in new_people}
        self.counts.customers_created = len(new_people)
        self.counts.proposals = [(known[position], candidate, reason, fingerprint)
                                 for position, candidate, reason, fingerprint in self.counts.proposals]
        matched = {known[p]: p for p in range(len(people)) if p not in self._created}
        self._fill_existing(matched)
        self._chunk()
        self._write_tags_and_aliases(known, self._created_ids)
        self._chunk()
        write_referrers_and_points(self.session, people, known, self._created_ids, self._record)
        self._created_refs = {person.fields["customer_ref"]: known[position] for position, person in enumerate(people)
                              if person.fields.get("customer_ref") and known[position] in self._created_ids}
        return known

    def _people_rows(self, index: BookIndex, new_orders: NewOrders
                     ) -> tuple[list[int | None], list[int], dict[str, list[Any]]]:
        """(the book customer matched by each person or None, the positions of the people to create, their rows
        as the customer table's columns).
        People of this import matching one another through the index are created once."""
        people = self.plan.people
        ids, new_people, proposals, self._strong = match_people(self.plan, index)
        self.counts.proposals.extend(proposals)
        figures = customer_stats.figures_of_new_customers(
            (draft.person, day, paid - refunded) for draft, day, paid, refunded, purchase in zip(
                new_orders.drafts, new_orders.columns["order_date"], new_orders.columns["paid_cents"],
                new_orders.columns["refund_cents"], new_orders.columns["is_purchase"], strict=True) if purchase)
        columns = customer_columns([people[position] for position in new_people], self.counts.batch_id)
        of_people = [figures.get(position, customer_stats.NO_PURCHASES) for position in new_people]
        for part, name in enumerate(customer_stats.NO_FIGURES):
            columns[name] = list(map(itemgetter(part), of_people))
        return ids, new_people, columns

    def _customer_row(self, person: PersonDraft) -> dict[str, Any]:
        return {name: values[0] for name, values in customer_columns([person], self.counts.batch_id).items()}

    def _fill_existing(self, matched: dict[int, int]) -> None:
        """Fill the empty fields of matched book customers from the file; typed values are never overwritten."""
        columns = [getattr(Customer, name) for name in (*CUSTOMER_TEXT, "phone", "phone_norm", "birth_year",
                                                         "birth_month", "birth_day", "birthday_lunar",
                                                         "do_not_disturb", "risk_buyer")]
        for batch in chunks(matched):
            rows = self.session.execute(select(Customer.id, *columns).where(Customer.id.in_(batch))).all()
            for customer_id, *values in rows:
                current = dict(zip([c.key for c in columns], values, strict=True))
                person = self.plan.people[matched[customer_id]]  # (made anew if packed: read once)
                wanted = self._customer_row(person)
                changes: dict[str, Any] = {}
                if person.kept and current["note"]:
                    wanted["note"] = with_kept_lines(current["note"], person.kept)
                    if wanted["note"] != current["note"]:
                        changes["note"] = wanted["note"]
                for name in (*CUSTOMER_TEXT, "birth_year", "birth_month", "birth_day"):
                    if current[name] in ("", None) and wanted[name] not in ("", None):
                        changes[name] = wanted[name]
                    elif (name in ("name", "real_name") and is_masked_name(current[name]) and wanted[name]
                          and not is_masked_name(wanted[name])):
                        changes[name] = wanted[name]  # a real name replaces a masked one, never the reverse
                if "birth_month" in changes:
                    changes["birthday_lunar"] = wanted["birthday_lunar"]
                for flag in ("do_not_disturb", "risk_buyer"):  # a flag the file sets is set, never cleared
                    if wanted[flag] and not current[flag]:
                        changes[flag] = True
                if not current["phone_norm"] and wanted["phone_norm"]:
                    changes.update(phone=wanted["phone"], phone_norm=wanted["phone_norm"])
                elif not current["phone"] and wanted["phone"]:
                    changes["phone"] = wanted["phone"]
                self.holds.hold("customer", customer_id, [name for name, value in current.items() if value not in (
                    "", None, False) and wanted[name] == value and name not in changes])
                if not changes:
                    continue
                self._record("customer", customer_id, {name: current[name] for name in changes}, changes)
                merged = current | changes
                merged["search_text"], merged["name_initials"] = build_search_text(
                    name=merged["name"], real_name=merged["real_name"], phones=(merged["phone_norm"],),
                    wechat_id=merged["wechat_id"], platform_buyer_id=merged["platform_buyer_id"], qq=merged["qq"])
                changes.update(search_text=merged["search_text"], name_initials=merged["name_initials"])
                self.session.execute(update(Customer).where(Customer.id == customer_id)
                                     .values(**fit_to_lengths(changes, self._customer_lengths), version=Customer.version + 1))
                self._filled.add(customer_id)
                self._updated()

    def _write_tags_and_aliases(self, ids: list[int], created: set[int]) -> None:
        people = self.plan.people
        tag_ids = self.tag_ids({tag for person in people for tag in person.tags})
        wanted = {(ids[p], tag_ids[tag]) for p, person in enumerate(people) for tag in person.tags}
        for batch in chunks({customer_id for customer_id, _ in wanted}):  # (those the customers have: held)
            for customer_id, tag_id in self.session.execute(
                    select(CustomerTag.customer_id, CustomerTag.tag_id).where(CustomerTag.customer_id.in_(batch))):
                if (customer_id, tag_id) in wanted:
                    wanted.discard((customer_id, tag_id))
                    self.holds.hold("customer_tag", customer_id, (str(tag_id),))
        links = sorted(wanted)  # (the others: linked)
        bulk_insert(self.session, CustomerTag.__table__, [{"customer_id": c, "tag_id": t} for c, t in links])
        refresh_tag_names(self.session, {customer_id for customer_id, _ in links})
        for customer_id, tag_id in links:
            if customer_id not in created:
                self._record("customer_tag", customer_id, {"tag_id": tag_id})
                self._filled.add(customer_id)
        for customer_id, alias_id in write_aliases(self.session, self.plan.people, ids, self.holds, self._strong):
            if customer_id not in created:
                self._record("customer_alias", alias_id, None)
                self._filled.add(customer_id)
        self.counts.customers_updated = len(self._filled)  # (a book customer given a tag or an alias is updated)

    def tag_ids(self, names: set[str]) -> dict[str, int]:
        """The ids of the tags of these names, those the book lacks created (in name order)."""
        tag_ids: dict[str, int] = {}
        for batch in chunks(names):
            tag_ids.update({name: tid for tid, name in
                            self.session.execute(select(Tag.id, Tag.name).where(Tag.name.in_(batch)))})
        for name in sorted(names - set(tag_ids)):
            tag_ids[name] = self.session.execute(insert(Tag).values(name=name).returning(Tag.id)).scalar_one()
        return tag_ids

    # ------------------------------------------------------------------ orders

    def _new_orders(self, index: BookIndex) -> NewOrders:
        """Orders the book already has take what moved on (``_update_known``); the others come back to be inserted
        (their customer_id is set once the people are written)."""
        drafts = list(self.plan.orders)
        if index.orders:  # (else the book has none of them: all are new)
            drafts, known = [], []
            for draft in self.plan.orders:
                existing = index.orders.get((draft.platform, draft.platform_order_no))
                if existing is not None:
                    known.append((existing, draft))
                else:
                    drafts.append(draft)
            self._update_known(known)
        with self.free():
            return NewOrders(drafts, self._order_columns(drafts))

    def _update_known(self, known: list[tuple[ExistingOrder, OrderDraft]]) -> None:
        """The orders the book has (with the drafts of the file's) take what moved on: a Douyin order's lines by
        their numbers first (core.excel.sub_orders), then ``_update_order`` (in rounds: a round's, round_book)."""
        merged = merge_sub_orders(self.session, known, self._link, self._record, self.holds)
        self._sub_items_added += merged.items_added
        seller_lines_paid(self.session, known)  # (a line the seller changed: the order's paid as its lines')
        for existing, draft in known:
            self._update_order(existing, draft, merged.extra.get(existing.id, {}), existing.id in merged.lines_changed)

    def _write_orders(self, new_orders: NewOrders, customer_ids: list[int], resolver: ProductResolver,
                      after: int = 0, progress: tuple[int, int, int] = (75, 85, 92)) -> int:
        """Insert the new orders and their lines (``after``: the last order id this batch inserted before them;
        ``progress``: the percents the orders start at, the lines start at, the lines end at); the last order id."""
        drafts = new_orders.drafts
        new_orders.columns["customer_id"] = [customer_ids[draft.person] for draft in drafts]
        # A new customer's figures were written with it; a book customer's are recomputed.
        self.touched.update(customer_ids[draft.person] for draft in drafts if draft.person not in self._created)
        order_ids = self._insert_all(Order, new_orders.columns, progress[0], progress[1], "orders", after)
        self._order_refs.update((int(draft.fields["order_ref"]), order_id) for order_id, draft
                                in zip(order_ids, drafts, strict=True) if str(draft.fields.get("order_ref") or "").isdigit())
        new_orders.columns.clear()  # (written: let go before the lines' columns are made)
        with self.free():  # the lines' columns, and the book's product names read (no write lock held)
            items = [item for draft in drafts for item in draft.items]
            titles = list(map(dict.get, items, repeat("product_title"), repeat("")))
            columns = {"order_id": [order_id for order_id, draft in zip(order_ids, drafts, strict=True)
                                    for _item in draft.items], "title": titles,
                       **{name: list(map(dict.get, items, repeat(name), repeat(empty))) for name, empty in (
                           ("sku_spec", ""), ("quantity", 1), ("unit_price_cents", 0), ("amount_cents", 0),
                           ("line_ref", None), ("line_state", None))}}
            chosen = list(map(dict.get, items, repeat("line_product")))  # our export: the line's product
            del items
            for draft in drafts:  # written: what is read of a new order after this is its key (detail_items)
                draft.fields, draft.items = {}, []
            resolver.read_ahead()
        columns["product_id"] = products_of_lines(titles, chosen, resolver)
        self._insert_columns(OrderItem.__table__, columns, progress[1], progress[2], "orders")
        self.counts.orders_created += len(drafts)
        return order_ids[-1] if order_ids else after

    def _order_columns(self, drafts: list[OrderDraft]) -> dict[str, list[Any]]:
        """The order table's columns for these drafts (customer_id excepted), a column at a time."""
        fields = [draft.fields for draft in drafts]
        statuses = list(map(itemgetter("status"), fields))
        created = list(map(itemgetter("created_at"), fields))
        columns: dict[str, list[Any]] = {
            "platform": list(map(attrgetter("platform"), drafts)),
            "platform_order_no": [None if draft.platform_order_no.startswith(BOOK_ORDER_KEY) else draft.platform_order_no
                                  for draft in drafts],
            "status": statuses, "created_at": created, **derived_order_columns(statuses, created),
            "import_batch_id": [self.counts.batch_id] * len(drafts)}
        for names, empty in ((("paid_at", "shipped_at", "delivered_at", "completed_at", "closed_at",
                               "removed_line_refs"), None),
                             (("goods_cents", "postage_cents", "discount_cents", "paid_cents", "refund_cents"), 0),
                             (("tracking_no", "carrier", "buyer_message", "seller_note", "receiver_name",
                               "receiver_phone", "receiver_address"), "")):
            for name in names:  # each `values.get(name) or empty`, the gets at C speed
                got = list(map(dict.get, fields, repeat(name)))
                columns[name] = got if all(got) else [value or empty for value in got]
        return columns

    def _update_order(self, existing, draft: OrderDraft, extra: dict[str, Any] | None = None,
                      lines_changed: bool = False) -> None:
        """A newer export of a known order: take what moved on (status, times, amounts, tracking). ``extra``: the
        book's values of more fields to compare (a merged Douyin order's goods); ``lines_changed``: its lines were.
        A status behind the book's (``cleaning.status_behind``: an older export imported after a newer one, or
        after the seller's edit) replaces neither the book's status nor its paid and refund: the later state
        stays, whatever the order the exports are imported in. A Douyin order whose numbered lines changed takes the
        state of all its lines instead (core.excel.sub_orders already kept each line's later state: a lone refunded
        line's order, refunded, becomes partially refunded when its other lines come)."""
        changes = {}
        book = existing.values | extra if extra else existing.values
        names = (*ORDER_COMPARED, *extra) if extra else ORDER_COMPARED
        behind = not lines_changed and status_behind(book["status"], draft.fields.get("status"))
        if behind:
            names = tuple(name for name in names if name not in _STATE)
            if not draft.lines_written:  # (a merged order's state is its lines': they hold theirs)
                self.holds.behind("orders", existing.id, {name: draft.fields[name] for name in _STATE
                                                          if draft.fields.get(name) not in (None, "")})
        fields = fit_to_lengths({name: draft.fields.get(name) for name in names}, self._order_lengths)
        for name in names:
            value = fields[name]
            if value not in (None, "") and value != book[name] and not _minute_of(value, book[name]):
                changes[name] = value
        self.holds.hold("orders", existing.id, [name for name in names if fields[name] not in (None, "") and name
                                                not in changes and not (draft.lines_written and name in LINES_SAY)])
        if not changes and not lines_changed:
            self.counts.orders_unchanged += 1
            if draft.rows_are_lines:
                self.unchanged.add(existing.id)
            return
        if "status" in changes:
            old = {**book, "is_purchase": is_purchase_status(book["status"])}
            changes["is_purchase"] = is_purchase_status(changes["status"])
        if changes:
            self._record("orders", existing.id, {name: (old if "status" in changes else book)[name]
                                                 for name in changes}, changes)
            self.session.execute(update(Order).where(Order.id == existing.id)
                                 .values(**changes, version=Order.version + 1))
        self.touched.add(existing.customer_id)
        self.counts.orders_updated += 1
        self._updated()


def _minute_of(value: Any, book: Any) -> bool:
    """Whether a time without seconds is the book's time to the minute: the same export saved again by Excel, which
    writes 2026-11-02 10:01 for 10:01:37 (not a change to record)."""
    return (isinstance(value, dt.datetime) and isinstance(book, dt.datetime) and value.second == 0
            and not value.microsecond and value == book.replace(second=0, microsecond=0))
