"""Customer services: create, edit, search and page, recycle bin, erase, merge.

Every method is one short transaction and returns DTOs. Saving a customer recomputes its search text
(name, pinyin, phones, IDs); purchase figures are kept by core.customer_stats on order writes.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Sequence

from sqlalchemy import ColumnElement, and_, case, delete, func, or_, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from core import clock, customer_stats, reminders
from core.book.db import Book
from core.book.dialect import rowcount
from core.book.models import (
    BadReview,
    CampaignMember,
    Complaint,
    ContactLog,
    Coupon,
    Customer,
    CustomerAlias,
    CustomerTag,
    MemberLevel,
    Order,
    PointsEntry,
    Product,
    Reminder,
    Tag,
)
from core.book.turns import WriteTurn
from core.customer_stats import STAGES
from core.dto import AliasDTO, BookCounts, CustomerDetail, CustomerInput, CustomerQuery, CustomerRow
from core.errors import ConflictError, NotFound, ValidationError
from core.marketing.levels import LevelDTO, list_levels
from core.order_writes import after_orders_written
from core.phones import display_phone, is_masked_phone, normalize_phone
from core.product_links import CycleWatch, products_bought_by
from core.search import build_search_text, contains_sql, normalize_query
from core.settings import phones_masked
from core.tags import set_customer_tags, tags_by_customer

log = logging.getLogger(__name__)

# Sort keys the list accepts → column(s); each has an index that yields this order (ties by id). Name sorts by
# pinyin initials, then the name itself; stage and level sort by rank (see _sort_columns), not by their codes.
SORT_KEYS = {
    "name": (Customer.name_initials, Customer.name),
    "real_name": (Customer.real_name,),
    "phone": (Customer.phone,),
    "wechat_id": (Customer.wechat_id,),
    "tags": (Customer.tag_names,),
    "stage": (Customer.stage,),
    "level": (Customer.member_level_id,),
    "province": (Customer.province, Customer.city),
    "city": (Customer.city, Customer.province),
    "source_channel": (Customer.source_channel,),
    "first_purchase_on": (Customer.first_purchase_on,),
    "last_purchase_on": (Customer.last_purchase_on,),
    "purchase_days": (Customer.purchase_days,),
    "purchase_count": (Customer.purchase_count,),
    "total_spend_cents": (Customer.total_spend_cents,),
    "avg_order_cents": (Customer.avg_order_cents,),
    "created_at": (Customer.created_at,),
    "deleted_at": (Customer.deleted_at,),
}
_ROW_COLUMNS = (
    Customer.id, Customer.name, Customer.real_name, Customer.phone, Customer.wechat_id, Customer.province,
    Customer.city, Customer.source_channel, Customer.first_purchase_on, Customer.last_purchase_on,
    Customer.purchase_days, Customer.purchase_count, Customer.total_spend_cents, Customer.avg_order_cents,
    Customer.typical_interval_days, Customer.cycle_days, Customer.do_not_disturb, Customer.risk_buyer, Customer.created_at,
    Customer.deleted_at, Customer.member_level_id,
)
_EDITABLE = tuple(f for f in CustomerInput.__dataclass_fields__ if f != "tags")


def validate_customer(data: CustomerInput) -> None:
    """Raise ValidationError (with `field`) for values that cannot be saved."""
    if not any(v.strip() for v in (data.name, data.real_name, data.phone, data.wechat_id, data.platform_buyer_id, data.qq)):
        raise ValidationError("customer_identity_missing", "A customer needs a name, phone, WeChat ID or buyer ID",
                              field="name")
    if data.phone.strip() and not normalize_phone(data.phone) and not is_masked_phone(data.phone):
        raise ValidationError("phone_invalid", f"Not a phone number: {data.phone}", field="phone", value=data.phone)
    if data.birth_month is not None and not 1 <= data.birth_month <= 12:
        raise ValidationError("birth_month_invalid", field="birth_month", value=data.birth_month)
    if data.birth_day is not None:
        limit = 30 if data.birthday_lunar else 31
        if not 1 <= data.birth_day <= limit or data.birth_month is None:
            raise ValidationError("birth_day_invalid", field="birth_day", value=data.birth_day)
        if not data.birthday_lunar:
            try:
                dt.date(data.birth_year or 2000, data.birth_month, data.birth_day)
            except ValueError:
                raise ValidationError("birth_day_invalid", field="birth_day", value=data.birth_day) from None
    if data.birth_year is not None and not 1900 <= data.birth_year <= clock.today().year:
        raise ValidationError("birth_year_invalid", field="birth_year", value=data.birth_year)


def apply_customer_input(customer: Customer, data: CustomerInput) -> None:
    """Copy typed fields onto the row and recompute phone_norm and the search text."""
    for name in _EDITABLE:
        value = getattr(data, name)
        setattr(customer, name, value.strip() if isinstance(value, str) else value)
    customer.phone_norm = normalize_phone(customer.phone)
    refresh_search_text(customer)


def refresh_search_text(customer: Customer, extra_phones: Sequence[str] = ()) -> None:
    phones = tuple(p for p in (customer.phone_norm, *extra_phones) if p)
    if customer.phone and not customer.phone_norm:
        phones += (customer.phone,)
    customer.search_text, customer.name_initials = build_search_text(
        name=customer.name, real_name=customer.real_name, phones=phones, wechat_id=customer.wechat_id,
        platform_buyer_id=customer.platform_buyer_id, qq=customer.qq)


class CustomerService:
    """Customer operations on one book (see the module docstring)."""

    def __init__(self, book: Book) -> None:
        self.book = book

    # -- reading ----------------------------------------------------------------------------------
    def list_page(self, query: CustomerQuery) -> list[CustomerRow]:
        """The rows of one page, sorted and filtered in SQL."""
        today = query.today or clock.today()
        self._stages_for(query, today)
        with self.book.session() as s:
            thresholds = customer_stats.stage_thresholds(s)
            stmt = select(*_ROW_COLUMNS).where(*self._filters(query))
            stmt = stmt.order_by(*_order(s, query)).offset(query.offset).limit(query.limit)
            rows = s.execute(stmt).all()
            tags = tags_by_customer(s, [r.id for r in rows])
            level_names = {level.id: level.name for level in list_levels(s)}
            masked = phones_masked(s)
        return [self._row(r, tags.get(r.id, ()), today, thresholds, level_names.get(r.member_level_id, ""), masked)
                for r in rows]

    def phones_masked(self) -> bool:
        """Whether the seller masks phones on screen (setting privacy.mask_phones): lists already show
        them masked; read-only views in ui/ use this with core.phones.display_phone."""
        with self.book.session() as s:
            return phones_masked(s)

    def count(self, query: CustomerQuery) -> int:
        self._stages_for(query, query.today or clock.today())
        with self.book.session() as s:
            return s.execute(select(func.count()).select_from(Customer).where(*self._filters(query))).scalar_one()

    def ids(self, query: CustomerQuery) -> list[int]:
        """Every id matching the filters, sorted like the list (ties by id in the same direction).

        This is what the customer table holds for the whole book, so it must stay well under 100 ms
        for 100,000 customers. Every sort key has an index in that order, and on SQLite two measured
        tricks (docs/PERFORMANCE.md, "Desktop shell") keep the sort a covering scan of that index: the
        live-book condition `deleted_at IS NULL` is left out of the SQL and the few deleted ids are
        removed in Python (50 ms instead of 330 ms); and the ids are read with the DBAPI cursor,
        skipping SQLAlchemy's per-row result processing (36 ms instead of 130 ms).
        Stage and level sort as one id-ordered read per stage or level, in rank order (each a range of
        the (stage) / (member_level_id) index, ~2 ms) instead of sorting 100,000 CASE values (~60 ms).
        """
        self._stages_for(query, query.today or clock.today())
        with self.book.session() as s:
            filters = self._filters(query)
            live_sqlite = self.book.is_sqlite and not query.deleted
            deleted: set[int] = set()
            if live_sqlite:
                deleted = set(s.scalars(select(Customer.id).where(Customer.deleted_at.is_not(None))))
                filters = filters[1:]
            groups = _rank_groups(s, query.sort)
            if groups is None:
                parts = [(filters, _order(s, query))]
            else:
                by_id = [Customer.id.desc() if query.descending else Customer.id.asc()]
                parts = [([*filters, group], by_id) for group in (groups[::-1] if query.descending else groups)]
            found: list[int] = []
            for where, order in parts:
                stmt = select(Customer.id).where(*where).order_by(*order)
                found += _sqlite_ids(s, stmt) if live_sqlite else s.scalars(stmt)
        return [i for i in found if i not in deleted] if deleted else found

    def ensure_stages(self, today: dt.date) -> int:
        """Bring every stored stage to `today` and the current thresholds; returns the rows changed.

        Nothing to do (one small read) when they already are; else one pass over the book, done once
        per day or thresholds change. The list calls it before it filters or sorts by stage; the app
        also calls it when a book opens so that the first such list does not wait.
        """
        with self.book.session() as s:
            if customer_stats.stages_current(s, today):
                return 0
        with self.book.session() as s:
            return customer_stats.update_stages(s, today)

    def ensure_stages_in_chunks(self, today: dt.date,
                                write_turn: WriteTurn | None = None,
                                is_cancelled: Callable[[], bool] | None = None) -> int:
        """`ensure_stages` in short transactions (customer_stats.update_stages_in_chunks), each inside
        `write_turn()` when given: the app's pass after opening, so a save waits for one chunk at most. It stops
        between two of them once `is_cancelled()` is true (the app closing); the next call does it again."""
        return customer_stats.update_stages_in_chunks(self.book.session, today, write_turn=write_turn,
                                                      is_cancelled=is_cancelled)

    def member_levels(self) -> list[LevelDTO]:
        """The book's member levels, lowest rank first (for the list's level filter)."""
        with self.book.session() as s:
            return list_levels(s)

    def search(self, text: str, limit: int = 20, today: dt.date | None = None) -> list[CustomerRow]:
        """Quick search for the global box: best matches by last purchase."""
        return self.list_page(CustomerQuery(text=text, limit=limit, today=today))

    def get(self, customer_id: int, today: dt.date | None = None) -> CustomerDetail:
        with self.book.session() as s:
            return self._detail(s, self._load(s, customer_id), today or clock.today())

    def find_by_phone(self, phone: str, exclude_id: int | None = None) -> list[CustomerRow]:
        """Customers (not deleted) whose phone or phone alias matches — the duplicate warning."""
        norm = normalize_phone(phone)
        if not norm:
            return []
        with self.book.session() as s:
            alias_ids = select(CustomerAlias.customer_id).where(
                CustomerAlias.kind == "phone", CustomerAlias.value_norm == norm)
            ids = list(s.scalars(select(Customer.id).where(
                (Customer.phone_norm == norm) | Customer.id.in_(alias_ids), Customer.deleted_at.is_(None))))
        if exclude_id is not None:
            ids = [i for i in ids if i != exclude_id]
        return self.list_page(CustomerQuery(ids=tuple(ids), limit=50)) if ids else []

    # -- writing ----------------------------------------------------------------------------------
    def create(self, data: CustomerInput) -> CustomerDetail:
        validate_customer(data)
        with self.book.session() as s:
            customer = Customer()
            apply_customer_input(customer, data)
            s.add(customer)
            s.flush()
            if data.tags is not None:
                set_customer_tags(s, customer.id, data.tags)
            return self._detail(s, customer, clock.today())

    def update(self, customer_id: int, data: CustomerInput, expected_version: int) -> CustomerDetail:
        """Save edits. Raises ConflictError if someone saved this customer since `expected_version`."""
        validate_customer(data)
        with self.book.session() as s:
            customer = self._load(s, customer_id)
            if customer.version != expected_version:
                raise ConflictError("customer_conflict", entity="customer", id=customer_id,
                                    expected_version=expected_version, actual_version=customer.version)
            apply_customer_input(customer, data)
            try:
                # The customer's versioned UPDATE first: someone else's save since we loaded makes it match
                # nothing — whether it is flushed here or by an autoflush while the tags are written.
                s.flush()
                if data.tags is not None:
                    set_customer_tags(s, customer.id, data.tags)
                    s.flush()
            except StaleDataError:
                raise ConflictError("customer_conflict", entity="customer", id=customer_id,
                                    expected_version=expected_version) from None
            reminders.after_write(s, [customer_id])  # birthday may have changed
            return self._detail(s, customer, clock.today())

    def set_do_not_disturb(self, ids: Sequence[int], value: bool) -> int:
        with self.book.session() as s:
            result = s.execute(update(Customer).where(Customer.id.in_(list(ids)))
                               .values(do_not_disturb=value, version=Customer.version + 1)
                               .execution_options(synchronize_session=False))
            return rowcount(result)

    def soft_delete(self, ids: Sequence[int], now: dt.datetime | None = None) -> int:
        """Move customers to the recycle bin (restorable). Returns how many moved."""
        now = now or clock.now()
        with self.book.session() as s:
            moved = rowcount(s.execute(update(Customer)
                                       .where(Customer.id.in_(list(ids)), Customer.deleted_at.is_(None))
                                       .values(deleted_at=now, version=Customer.version + 1)
                                       .execution_options(synchronize_session=False)))
        log.info("moved %d customer(s) to the recycle bin: ids %s", moved, list(ids))
        return moved

    def restore(self, ids: Sequence[int]) -> int:
        with self.book.session() as s:
            return rowcount(s.execute(update(Customer)
                                      .where(Customer.id.in_(list(ids)), Customer.deleted_at.is_not(None))
                                      .values(deleted_at=None, version=Customer.version + 1)
                                      .execution_options(synchronize_session=False)))

    def erase(self, ids: Sequence[int]) -> int:
        """Remove customers and every trace of them (orders, tasks, logs, cases, import history), from the
        book and from every backup of it (core.book.scrub; `self.last_unreachable` then lists the backups
        that could not be rewritten, for the caller to name).

        On SQLite, `secure_delete` (set on every connection) zeroes what is deleted and the WAL is
        checkpointed and emptied, so the data is gone from the file too.
        """
        from core.book import scrub

        ids = list(ids)
        with self.book.session() as s:
            people = [scrub.Person(*row) for row in s.execute(
                select(Customer.id, Customer.name, Customer.phone_norm).where(Customer.id.in_(ids)))]
            counts = [rowcount(s.execute(statement)) for statement in scrub.erase_statements(ids)]
        n = counts[-1]  # the last statement deletes the customers
        self.last_unreachable: list = []
        if self.book.is_sqlite:
            # Old copies of the erased pages live on in the WAL until a checkpoint: flush and empty it.
            with self.book.engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            if self.book.path is not None:
                self.last_unreachable = scrub.erase_from_backups(self.book.path, people,
                                                                 root=self.book.backup_root).unreachable
        log.info("erased %d customer(s): ids %s; %d backup(s) not reachable", n, ids, len(self.last_unreachable))
        return n

    def merge(self, keep_id: int, absorb_id: int, backup: bool = True) -> CustomerDetail:
        """Merge `absorb_id` into `keep_id`: every order, note, task, case and tag of both is kept.

        Empty fields of the kept record are filled from the other; the other's different phone, WeChat
        ID and buyer ID become aliases; notes are joined. The book is backed up first unless ``backup``
        is False (a caller merging many pairs backs up once itself).
        """
        if keep_id == absorb_id:
            raise ValidationError("merge_same", field="customer")
        if backup and self.book.is_sqlite:
            self.book.backup("before-merge")
        log.info("merging customer %s into %s", absorb_id, keep_id)
        with self.book.session() as s:
            keep, other = self._load(s, keep_id), self._load(s, absorb_id)
            watch = CycleWatch(s)
            _fill_and_alias(s, keep, other)
            for model in (Order, Reminder, ContactLog, Complaint, BadReview, Coupon, PointsEntry):
                s.execute(update(model).where(model.customer_id == absorb_id).values(customer_id=keep_id)
                          .execution_options(synchronize_session=False))
            kept_campaigns = select(CampaignMember.campaign_id).where(CampaignMember.customer_id == keep_id)
            s.execute(update(CampaignMember).where(CampaignMember.customer_id == absorb_id,
                                                   CampaignMember.campaign_id.not_in(kept_campaigns))
                      .values(customer_id=keep_id).execution_options(synchronize_session=False))
            s.execute(update(CustomerAlias).where(CustomerAlias.customer_id == absorb_id)
                      .values(customer_id=keep_id).execution_options(synchronize_session=False))
            s.execute(update(Customer).where(Customer.referred_by_id == absorb_id).values(referred_by_id=keep_id)
                      .execution_options(synchronize_session=False))
            both = tags_by_customer(s, [keep_id, absorb_id])
            tags = set(both.get(keep_id, ())) | set(both.get(absorb_id, ()))
            s.flush()
            s.execute(delete(Customer).where(Customer.id == absorb_id))
            s.expire(keep)
            set_customer_tags(s, keep_id, sorted(tags))
            keep = self._load(s, keep_id)
            refresh_search_text(keep, [a.value_norm for a in _aliases(s, keep_id) if a.kind == "phone"])
            # their purchase days now run together: suggested cycles and reminders follow
            after_orders_written(s, [keep_id], watch=watch, products=products_bought_by(s, [keep_id]))
            s.flush()
            s.expire(keep)
            return self._detail(s, self._load(s, keep_id), clock.today())

    # -- helpers ----------------------------------------------------------------------------------
    def _stages_for(self, q: CustomerQuery, today: dt.date) -> None:
        if q.stages or q.sort == "stage":
            self.ensure_stages(today)

    def _filters(self, q: CustomerQuery) -> list:
        # The live-book / recycle-bin condition comes first: ids() relies on it.
        f: list[ColumnElement[bool]] = [
            Customer.deleted_at.is_not(None) if q.deleted else Customer.deleted_at.is_(None)]
        text = normalize_query(q.text)
        if text:
            # Tag ids first, then customer_tag by its tag_id index (a join scanned all of customer_tag).
            tag_match = select(CustomerTag.customer_id).where(
                CustomerTag.tag_id.in_(select(Tag.id).where(func.lower(Tag.name) == text)))
            # The match runs in a subquery that needs only search_text and the rowid, so SQLite scans the
            # narrow search_text index (a covering index scan) instead of the wide table rows.
            text_match = select(Customer.id).where(
                contains_sql(Customer.search_text, text, self.book.engine.dialect.name))
            f.append(Customer.id.in_(text_match) | Customer.id.in_(tag_match))
        if q.tag_ids:
            f.append(Customer.id.in_(select(CustomerTag.customer_id).where(CustomerTag.tag_id.in_(q.tag_ids))))
        if q.stages:
            f.append(_from_own_index(Customer.stage.in_(q.stages)))  # stored, brought to `today` by _stages_for
        if q.level_ids:
            level = Customer.member_level_id.in_([i for i in q.level_ids if i])
            f.append(_from_own_index(or_(level, Customer.member_level_id.is_(None)) if 0 in q.level_ids else level))
        if q.ids is not None:
            f.append(Customer.id.in_(q.ids))
        if q.province:
            f.append(Customer.province == q.province)
        if q.do_not_disturb is not None:
            f.append(Customer.do_not_disturb.is_(q.do_not_disturb))
        if q.risk_buyer is not None:
            f.append(Customer.risk_buyer.is_(q.risk_buyer))
        return f

    @staticmethod
    def _load(s: Session, customer_id: int) -> Customer:
        customer = s.get(Customer, customer_id)
        if customer is None:
            raise NotFound("customer_not_found", entity="customer", id=customer_id)
        return customer

    @staticmethod
    def _row(r, tags, today: dt.date, thresholds: dict, level: str, masked: bool = False) -> CustomerRow:
        stage = customer_stats.stage_of(r.purchase_days, r.total_spend_cents, r.last_purchase_on,
                                        r.typical_interval_days, today, thresholds, r.cycle_days)
        return CustomerRow(
            id=r.id, name=r.name, real_name=r.real_name, phone=display_phone(r.phone, masked), wechat_id=r.wechat_id,
            province=r.province, city=r.city, source_channel=r.source_channel, tags=tuple(tags),
            first_purchase_on=r.first_purchase_on, last_purchase_on=r.last_purchase_on,
            purchase_days=r.purchase_days, purchase_count=r.purchase_count,
            total_spend_cents=r.total_spend_cents, avg_order_cents=r.avg_order_cents, stage=stage,
            do_not_disturb=r.do_not_disturb, risk_buyer=r.risk_buyer, created_at=r.created_at,
            deleted_at=r.deleted_at, level=level)

    @staticmethod
    def _detail(s: Session, c: Customer, today: dt.date) -> CustomerDetail:
        thresholds = customer_stats.stage_thresholds(s)
        referred = s.get(Customer, c.referred_by_id) if c.referred_by_id else None
        tags = tags_by_customer(s, [c.id]).get(c.id, ())
        fields = CustomerInput(**{name: getattr(c, name) for name in _EDITABLE}, tags=tags)
        return CustomerDetail(
            id=c.id, version=c.version, fields=fields, phone_norm=c.phone_norm, tags=tags,
            aliases=tuple(AliasDTO(a.kind, a.value) for a in _aliases(s, c.id)),
            referred_by_name=(referred.name or referred.real_name) if referred else "",
            first_purchase_on=c.first_purchase_on, last_purchase_on=c.last_purchase_on,
            purchase_days=c.purchase_days, purchase_count=c.purchase_count,
            total_spend_cents=c.total_spend_cents, avg_order_cents=c.avg_order_cents,
            typical_interval_days=c.typical_interval_days,
            stage=customer_stats.stage_of(c.purchase_days, c.total_spend_cents, c.last_purchase_on,
                                          c.typical_interval_days, today, thresholds, c.cycle_days),
            created_at=c.created_at, updated_at=c.updated_at, deleted_at=c.deleted_at)


def _order(s: Session, q: CustomerQuery) -> list:
    """ORDER BY of the list: the sort key's columns, then id, all in the query's direction.

    Outside the recycle bin every deletion date is empty, so that sort is the id order alone."""
    direction = (lambda c: c.desc()) if q.descending else (lambda c: c.asc())
    columns = () if q.sort == "deleted_at" and not q.deleted else _sort_columns(s, q.sort)
    return [direction(c) for c in (*columns, Customer.id)]


def _from_own_index(condition):
    """`condition` as a set of ids read from the condition's own index, the row id hidden from the planner
    (`id + 0`) so SQLite scans the sort's index and checks each id against the set: no visit to the wide
    table rows (47,000 of them for the churned, ~50 ms cold) and no sort afterwards."""
    return (Customer.id + 0).in_(select(Customer.id).where(condition))


def _ranked(s: Session, key: str) -> tuple | None:
    """(column, its values in rank order) for the keys that sort by rank, not by value: stage in lifecycle
    order, level by rank (None, no level, first); None for the other keys."""
    if key == "stage":
        return Customer.stage, list(STAGES)
    if key == "level":
        return Customer.member_level_id, [None, *s.scalars(select(MemberLevel.id).order_by(MemberLevel.rank,
                                                                                         MemberLevel.id))]
    return None


def _rank_groups(s: Session, key: str) -> list | None:
    """One condition per value of a ranked key, in rank order (see _ranked); None for the other keys."""
    ranked = _ranked(s, key)
    if ranked is None:
        return None
    column, values = ranked
    return [column.is_(None) if value is None else column == value for value in values]


def _sort_columns(s: Session, key: str) -> tuple:
    """The ORDER BY expressions of a sort key: a rank CASE for ranked keys (see _ranked), else its columns."""
    ranked = _ranked(s, key)
    if ranked is None:
        return SORT_KEYS.get(key, SORT_KEYS["last_purchase_on"])
    column, values = ranked
    ranks = {value: rank for rank, value in enumerate(values) if value is not None}
    return (case(ranks, value=column, else_=-1),) if ranks else (column,)


def _sqlite_ids(s: Session, stmt) -> list[int]:
    """Run a one-column integer SELECT on the raw sqlite3 cursor, as one group_concat row.

    One row instead of 100,000 keeps the GIL free while SQLite works (sqlite3 releases it per step),
    so the GUI thread is not starved while a worker runs this. SQLite never flattens an ordered
    subquery into an aggregate, so the concatenation keeps the ORDER BY.
    """
    connection = s.connection()
    compiled = stmt.compile(dialect=connection.dialect, compile_kwargs={"render_postcompile": True})
    params = [compiled.params[name] for name in compiled.positiontup or ()]
    dbapi_connection = connection.connection.dbapi_connection
    assert dbapi_connection is not None  # a connection checked out of the pool has its sqlite3 connection
    cursor = dbapi_connection.cursor()
    try:
        (joined,) = cursor.execute(f"SELECT group_concat(id) FROM ({compiled})", params).fetchone()
    finally:
        cursor.close()
    return [int(i) for i in joined.split(",")] if joined else []


def _aliases(s: Session, customer_id: int) -> list[CustomerAlias]:
    return list(s.scalars(select(CustomerAlias).where(CustomerAlias.customer_id == customer_id)
                          .order_by(CustomerAlias.id)))


def add_alias(s: Session, customer_id: int, kind: str, value: str) -> None:
    """Remember another phone / WeChat ID / buyer ID of a customer (no duplicates)."""
    value = (value or "").strip()
    norm = normalize_phone(value) if kind == "phone" else value.lower()
    if not norm:
        return
    exists = s.scalar(select(CustomerAlias.id).where(and_(
        CustomerAlias.customer_id == customer_id, CustomerAlias.kind == kind, CustomerAlias.value_norm == norm)))
    if exists is None:
        s.add(CustomerAlias(customer_id=customer_id, kind=kind, value=value, value_norm=norm))


def _fill_and_alias(s: Session, keep: Customer, other: Customer) -> None:
    for name in _EDITABLE:
        mine, theirs = getattr(keep, name), getattr(other, name)
        if name in ("note", "personality"):
            if theirs and theirs not in (mine or ""):
                setattr(keep, name, f"{mine}\n{theirs}".strip() if mine else theirs)
        elif name in ("do_not_disturb", "risk_buyer"):
            setattr(keep, name, bool(mine or theirs))
        elif (mine in ("", None)) and theirs not in ("", None):
            setattr(keep, name, theirs)
    keep.phone_norm = normalize_phone(keep.phone)
    for kind, mine, theirs in (("phone", keep.phone_norm, other.phone_norm),
                               ("wechat", keep.wechat_id, other.wechat_id),
                               ("buyer_id", keep.platform_buyer_id, other.platform_buyer_id)):
        if theirs and theirs != mine:
            add_alias(s, keep.id, kind, theirs)


def book_counts(book: Book) -> BookCounts:
    """How many customers (live and in the recycle bin), orders and products the book holds (status bar)."""
    with book.session() as s:
        # scalar_one(): a COUNT(*) always returns one row with a number.
        live = s.execute(select(func.count()).select_from(Customer)
                         .where(Customer.deleted_at.is_(None))).scalar_one()
        deleted = s.execute(select(func.count()).select_from(Customer)
                            .where(Customer.deleted_at.is_not(None))).scalar_one()
        orders = s.execute(select(func.count()).select_from(Order)).scalar_one()
        products = s.execute(select(func.count()).select_from(Product)).scalar_one()
    return BookCounts(customers=live, deleted_customers=deleted, orders=orders, products=products)
