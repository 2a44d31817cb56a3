"""The book's schema: SQLAlchemy 2 typed models for every table (first cut of DESIGN.md).

Conventions: money in integer fen (`*_cents`), dates are the seller's local dates, datetimes are naive
local times. Editable rows carry `version` (SQLAlchemy's version counter) so that two people saving the
same row get a ConflictError instead of a lost update. Status and kind columns hold the short English
codes listed in the `*_VALUES` tuples; ui/ translates them.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column, relationship

from core import clock
from core.book.dialect import table_of
from core.book.values import (  # noqa: F401  (the codes, here as before)
    COMPENSATION_VALUES,
    COMPLAINT_KIND_VALUES,
    CONTACT_CHANNEL_VALUES,
    COUPON_KIND_VALUES,
    GENDER_VALUES,
    ORDER_STATUS_VALUES,
    PLATFORM_VALUES,
    PURCHASE_STATUSES,
    REMINDER_KIND_VALUES,
    REMINDER_STATUS_VALUES,
    SOURCE_CHANNEL_VALUES,
)

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


def _now() -> dt.datetime:
    return clock.now()


# The partial indexes' predicate for PostgreSQL (index, WHERE clause), given to each index by `for_postgresql`. Not
# passed as `postgresql_where=` here: SQLAlchemy checks such an argument by loading the PostgreSQL dialect with its
# drivers' modules (≈ 0.02 s CPU of every start-up, a SQLite command line's included: issue #18).
_POSTGRESQL_WHERE: list[tuple[Index, Any]] = []


def _partial(index: Index, postgresql_where: Any) -> Index:
    _POSTGRESQL_WHERE.append((index, postgresql_where))
    return index


def for_postgresql() -> None:
    """Give the partial indexes their PostgreSQL predicate (``postgresql_where``), as the migrations create them:
    called before anything reads or creates the schema on PostgreSQL (core.book.shared.server_engine, which makes
    every PostgreSQL book's engine). Idempotent; loads the PostgreSQL dialect."""
    for index, where in _POSTGRESQL_WHERE:
        index.dialect_kwargs["postgresql_where"] = where


class VersionedMixin:
    """Optimistic concurrency: every UPDATE checks and bumps `version`."""

    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1, server_default=text("1"))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False, default=_now)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False, default=_now, onupdate=_now)

    @declared_attr.directive
    @classmethod  # for type checkers: `cls` is the class (SQLAlchemy's documented form; same at run time)
    def __mapper_args__(cls) -> dict:
        return {"version_id_col": table_of(cls).c.version}


class ImportBatch(Base):
    """One import of one file; every row it created remembers it, so the import can be undone."""

    __tablename__ = "import_batch"
    id: Mapped[int] = mapped_column(primary_key=True)
    file_name: Mapped[str] = mapped_column(String(500))
    sheet: Mapped[str] = mapped_column(String(200), default="")
    preset: Mapped[str] = mapped_column(String(50), default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
    status: Mapped[str] = mapped_column(String(20), default="done")  # done, undone
    undone_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    customers_created: Mapped[int] = mapped_column(Integer, default=0)
    customers_updated: Mapped[int] = mapped_column(Integer, default=0)
    orders_created: Mapped[int] = mapped_column(Integer, default=0)
    orders_updated: Mapped[int] = mapped_column(Integer, default=0)
    orders_unchanged: Mapped[int] = mapped_column(Integer, default=0)
    products_created: Mapped[int] = mapped_column(Integer, default=0)
    rows_skipped: Mapped[int] = mapped_column(Integer, default=0)
    report_json: Mapped[str] = mapped_column(Text, default="")


class ImportChange(Base):
    """The previous values of a row an import updated (JSON), to put back on undo."""

    __tablename__ = "import_change"
    id: Mapped[int] = mapped_column(primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("import_batch.id", ondelete="CASCADE"), index=True)
    table_name: Mapped[str] = mapped_column(String(50))
    row_id: Mapped[int] = mapped_column(Integer)
    old_values_json: Mapped[str] = mapped_column(Text)
    # the values the import wrote (JSON; None before 0006; on a line added to a book order, from 0007, the line's
    # values): an undo puts a value back, or removes that line, only where the row still holds them (core.excel.batches)
    new_values_json: Mapped[str | None] = mapped_column(Text)


class ImportHold(Base):
    """Rows an import found as its file says them (or behind them), which it therefore also vouches for: an undo of an
    earlier import keeps them and their ``fields`` (core.excel.holds; migration 0007)."""

    __tablename__ = "import_hold"
    id: Mapped[int] = mapped_column(primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("import_batch.id", ondelete="CASCADE"), index=True)
    table_name: Mapped[str] = mapped_column(String(50))
    # the fields of those rows the file said as the book had them, comma-separated (a customer_tag hold: the tag id)
    fields: Mapped[str] = mapped_column(Text, default="")
    row_ids: Mapped[str] = mapped_column(Text)  # the rows' ids as ranges (core.excel.holds.encode_ids)
    # a row whose state the file gave behind the book's: what the file said of it (JSON; row_ids is that one row)
    values_json: Mapped[str | None] = mapped_column(Text)


class ColumnMapping(Base):
    """A column mapping the seller corrected, remembered for files with the same headers."""

    __tablename__ = "column_mapping"
    header_signature: Mapped[str] = mapped_column(String(64), primary_key=True)
    preset: Mapped[str] = mapped_column(String(50), default="")
    mapping_json: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now, onupdate=_now)


class MemberLevel(Base):
    __tablename__ = "member_level"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50), unique=True)
    rank: Mapped[int] = mapped_column(Integer, default=0)
    min_spend_cents: Mapped[int | None] = mapped_column(Integer)
    min_purchases: Mapped[int | None] = mapped_column(Integer)
    discount_percent: Mapped[int] = mapped_column(Integer, default=100)  # 95 = 95% of the price


class Customer(VersionedMixin, Base):
    """One real person. Purchase figures are derived (core.customer_stats keeps them right)."""

    __tablename__ = "customer"
    __table_args__ = (
        Index("ix_customer_name_sort", "name_initials", "name"),
        # Partial: holds only the recycle bin, so it never tempts the planner on live-book queries;
        # customers.ids() reads the deleted ids from it instead of scanning the table.
        _partial(Index("ix_customer_recycle_bin", "deleted_at", sqlite_where=text("deleted_at IS NOT NULL")),
                 text("deleted_at IS NOT NULL")),
        # One index per list column: each sort of the customer list is a covering index scan (ties by id,
        # the rowid every SQLite index ends with), not a scan and sort of 100,000 wide rows.
        Index("ix_customer_city_sort", "city", "province"),
        Index("ix_customer_province_sort", "province", "city"),
        Index("ix_customer_created_sort", "created_at"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    # identity and contact
    name: Mapped[str] = mapped_column(String(100), default="")  # display name / nickname 称呼
    real_name: Mapped[str] = mapped_column(String(100), default="", index=True)
    phone: Mapped[str] = mapped_column(String(40), default="", index=True)  # as shown (may be masked)
    phone_norm: Mapped[str] = mapped_column(String(20), default="", index=True)  # identity; "" if masked
    wechat_id: Mapped[str] = mapped_column(String(100), default="", index=True)
    qq: Mapped[str] = mapped_column(String(20), default="")
    platform_buyer_id: Mapped[str] = mapped_column(String(100), default="", index=True)
    email: Mapped[str] = mapped_column(String(200), default="")
    # address
    province: Mapped[str] = mapped_column(String(30), default="", index=True)
    city: Mapped[str] = mapped_column(String(50), default="")
    district: Mapped[str] = mapped_column(String(50), default="")
    address_detail: Mapped[str] = mapped_column(String(300), default="")
    postcode: Mapped[str] = mapped_column(String(10), default="")
    # profile
    gender: Mapped[str] = mapped_column(String(10), default="")
    birth_year: Mapped[int | None] = mapped_column(Integer)
    birth_month: Mapped[int | None] = mapped_column(Integer)
    birth_day: Mapped[int | None] = mapped_column(Integer)
    birthday_lunar: Mapped[bool] = mapped_column(Boolean, default=False)  # month/day are lunar
    source_channel: Mapped[str] = mapped_column(String(30), default="", index=True)
    referred_by_id: Mapped[int | None] = mapped_column(ForeignKey("customer.id", ondelete="SET NULL"))
    personality: Mapped[str] = mapped_column(Text, default="")  # 性格、沟通注意
    note: Mapped[str] = mapped_column(Text, default="")
    # flags
    do_not_disturb: Mapped[bool] = mapped_column(Boolean, default=False)
    risk_buyer: Mapped[bool] = mapped_column(Boolean, default=False)
    # recycle bin; deliberately not indexed: almost every row is NULL and an index here lures SQLite's planner
    # away from the sort and search indexes (measured: 200 ms instead of 2 ms for a sorted page)
    deleted_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    import_batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batch.id", ondelete="SET NULL"))
    member_level_id: Mapped[int | None] = mapped_column(ForeignKey("member_level.id", ondelete="SET NULL"), index=True)
    # search: lowercase text of name, real name, pinyin initials and full pinyin, phones, IDs (| separated)
    search_text: Mapped[str] = mapped_column(Text, default="", index=True)
    name_initials: Mapped[str] = mapped_column(String(50), default="")
    # derived from purchases (DOMAIN.md §2), never typed
    first_purchase_on: Mapped[dt.date | None] = mapped_column(Date, index=True)
    last_purchase_on: Mapped[dt.date | None] = mapped_column(Date, index=True)
    purchase_days: Mapped[int] = mapped_column(Integer, default=0, index=True)
    purchase_count: Mapped[int] = mapped_column(Integer, default=0, index=True)
    total_spend_cents: Mapped[int] = mapped_column(Integer, default=0, index=True)
    avg_order_cents: Mapped[int] = mapped_column(Integer, default=0, index=True)
    typical_interval_days: Mapped[int | None] = mapped_column(Integer)  # median days between purchase days
    # days the last purchase day's goods last: the longest product cycle × quantity among its items (None:
    # no item with a cycle); a floor of the churn threshold (customer_stats.churn_days)
    cycle_days: Mapped[int | None] = mapped_column(Integer)
    # lifecycle stage (STAGES code) as of the date and thresholds in the setting customer_stats.STAGE_BASIS:
    # kept by customer_stats.refresh on writes and update_stages once a day, so lists filter and sort on it
    stage: Mapped[str] = mapped_column(String(12), default="prospect", server_default="prospect", index=True)
    # the customer's tag names, sorted and joined by "、" as the list shows them (core.tags keeps it): sort key
    tag_names: Mapped[str] = mapped_column(Text, default="", server_default="", index=True)

    tags: Mapped[list[Tag]] = relationship(secondary="customer_tag", back_populates="customers")


class CustomerAlias(Base):
    """Another phone / WeChat ID / buyer ID seen for the same person (kept by merges and imports)."""

    __tablename__ = "customer_alias"
    __table_args__ = (UniqueConstraint("customer_id", "kind", "value_norm"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # phone, wechat, buyer_id, name
    value: Mapped[str] = mapped_column(String(200))
    value_norm: Mapped[str] = mapped_column(String(200), index=True)


class Tag(Base):
    __tablename__ = "tag"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50), unique=True)
    color: Mapped[str] = mapped_column(String(20), default="")
    customers: Mapped[list[Customer]] = relationship(secondary="customer_tag", back_populates="tags")


class CustomerTag(Base):
    __tablename__ = "customer_tag"
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"), primary_key=True)
    tag_id: Mapped[int] = mapped_column(ForeignKey("tag.id", ondelete="CASCADE"), primary_key=True, index=True)


class Product(VersionedMixin, Base):
    __tablename__ = "product"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    category: Mapped[str] = mapped_column(String(50), default="", index=True)
    price_cents: Mapped[int] = mapped_column(Integer, default=0)
    cycle_days: Mapped[int | None] = mapped_column(Integer)  # 使用周期 the seller set; None = not set (yet)
    # per-unit cycle suggested from the book's purchases (core.product_links) and how many intervals it rests on
    suggested_cycle_days: Mapped[int | None] = mapped_column(Integer)
    suggestion_basis: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    lead_days: Mapped[int] = mapped_column(Integer, default=3)  # 提前提醒天数
    code: Mapped[str] = mapped_column(String(100), default="")  # seller's SKU / 商家编码
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    note: Mapped[str] = mapped_column(Text, default="")


class Order(VersionedMixin, Base):
    """An order. `is_purchase` and `order_date` are derived at write time (core.orders)."""

    __tablename__ = "orders"
    __table_args__ = (
        UniqueConstraint("platform", "platform_order_no"),
        # covering index for per-customer aggregates over purchases
        Index("ix_orders_customer_purchase", "customer_id", "is_purchase", "order_date", "paid_cents", "refund_cents"),
        Index("ix_orders_purchase_date", "is_purchase", "order_date"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"))
    platform: Mapped[str] = mapped_column(String(20), default="wechat")
    platform_order_no: Mapped[str | None] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(20), default="paid", index=True)
    is_purchase: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now, index=True)  # 下单时间
    order_date: Mapped[dt.date] = mapped_column(Date, index=True)  # local date of created_at
    paid_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    shipped_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    delivered_at: Mapped[dt.datetime | None] = mapped_column(DateTime)  # 签收
    completed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    closed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    goods_cents: Mapped[int] = mapped_column(Integer, default=0)
    postage_cents: Mapped[int] = mapped_column(Integer, default=0)
    discount_cents: Mapped[int] = mapped_column(Integer, default=0)
    paid_cents: Mapped[int] = mapped_column(Integer, default=0)
    refund_cents: Mapped[int] = mapped_column(Integer, default=0)
    tracking_no: Mapped[str] = mapped_column(String(64), default="")
    carrier: Mapped[str] = mapped_column(String(50), default="")
    buyer_message: Mapped[str] = mapped_column(Text, default="")
    seller_note: Mapped[str] = mapped_column(Text, default="")
    receiver_name: Mapped[str] = mapped_column(String(100), default="")
    receiver_phone: Mapped[str] = mapped_column(String(40), default="")
    receiver_address: Mapped[str] = mapped_column(String(400), default="")
    import_batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batch.id", ondelete="SET NULL"), index=True)
    # the platform line numbers (order_item.line_ref) of the lines the seller removed in the app, one a line: an
    # export holding them again does not bring them back (core.excel.sub_orders)
    removed_line_refs: Mapped[str | None] = mapped_column(Text)

    items: Mapped[list[OrderItem]] = relationship(
        back_populates="order", cascade="all, delete-orphan", order_by="OrderItem.id"
    )


class OrderItem(Base):
    __tablename__ = "order_item"
    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    product_id: Mapped[int | None] = mapped_column(ForeignKey("product.id", ondelete="SET NULL"), index=True)
    title: Mapped[str] = mapped_column(String(300), default="")  # as written on the order
    sku_spec: Mapped[str] = mapped_column(String(200), default="")
    quantity: Mapped[int] = mapped_column(Integer, default=1)
    unit_price_cents: Mapped[int] = mapped_column(Integer, default=0)
    amount_cents: Mapped[int] = mapped_column(Integer, default=0)
    # A platform line's own number (Douyin's 子订单编号) and what its export said of it — status, after-sale
    # status and amounts, JSON (core.excel.sub_orders); None on lines typed in the app or read without one.
    line_ref: Mapped[str | None] = mapped_column(String(64))
    line_state: Mapped[str | None] = mapped_column(Text)
    order: Mapped[Order] = relationship(back_populates="items")


class Reminder(VersionedMixin, Base):
    """A task in the Today list. `rule_key` is unique so generation is idempotent."""

    __tablename__ = "reminder"
    # covering index of the Today list: due/snoozed tasks by kind and customer without touching the table
    __table_args__ = (Index("ix_reminder_status_due", "status", "due_date", "kind", "customer_id", "snoozed_until"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    rule_key: Mapped[str] = mapped_column(String(120), unique=True)
    kind: Mapped[str] = mapped_column(String(30), index=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"), index=True)
    # indexed: deleting an order or item checks these foreign keys (unindexed = a scan of every reminder)
    order_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    order_item_id: Mapped[int | None] = mapped_column(ForeignKey("order_item.id", ondelete="CASCADE"), index=True)
    product_id: Mapped[int | None] = mapped_column(ForeignKey("product.id", ondelete="SET NULL"))
    complaint_id: Mapped[int | None] = mapped_column(ForeignKey("complaint.id", ondelete="CASCADE"))
    bad_review_id: Mapped[int | None] = mapped_column(ForeignKey("bad_review.id", ondelete="CASCADE"))
    coupon_id: Mapped[int | None] = mapped_column(ForeignKey("coupon.id", ondelete="CASCADE"))
    due_date: Mapped[dt.date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default="open")
    snoozed_until: Mapped[dt.date | None] = mapped_column(Date)
    outcome: Mapped[str] = mapped_column(String(30), default="")  # contacted, no_answer, bought, declined
    title: Mapped[str] = mapped_column(String(300), default="")  # manual tasks: what to do
    note: Mapped[str] = mapped_column(Text, default="")
    facts_json: Mapped[str] = mapped_column(Text, default="")  # what the reason sentence is built from
    closed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class ContactLog(Base):
    __tablename__ = "contact_log"
    __table_args__ = (Index("ix_contact_log_customer_at", "customer_id", "at"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"))
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
    channel: Mapped[str] = mapped_column(String(20), default="wechat")
    purpose: Mapped[str] = mapped_column(String(30), default="care")  # care, marketing, aftersales, sales
    is_marketing: Mapped[bool] = mapped_column(Boolean, default=False)
    reminder_id: Mapped[int | None] = mapped_column(ForeignKey("reminder.id", ondelete="SET NULL"), index=True)
    campaign_id: Mapped[int | None] = mapped_column(ForeignKey("campaign.id", ondelete="SET NULL"))
    complaint_id: Mapped[int | None] = mapped_column(ForeignKey("complaint.id", ondelete="SET NULL"))
    bad_review_id: Mapped[int | None] = mapped_column(ForeignKey("bad_review.id", ondelete="SET NULL"))
    result: Mapped[str] = mapped_column(String(30), default="")
    message: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")


class Complaint(VersionedMixin, Base):
    __tablename__ = "complaint"
    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"), index=True)
    order_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id", ondelete="SET NULL"))
    kind: Mapped[str] = mapped_column(String(30), default="other")
    channel: Mapped[str] = mapped_column(String(20), default="wechat")
    description: Mapped[str] = mapped_column(Text, default="")
    evidence_json: Mapped[str] = mapped_column(Text, default="[]")  # list of file paths
    status: Mapped[str] = mapped_column(String(20), default="open", index=True)  # open, resolved, closed
    opened_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
    first_response_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    resolved_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    closed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    compensation_type: Mapped[str] = mapped_column(String(20), default="")
    compensation_cents: Mapped[int] = mapped_column(Integer, default=0)
    compensation_points: Mapped[int] = mapped_column(Integer, default=0)
    compensated_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    resolution: Mapped[str] = mapped_column(Text, default="")

    steps: Mapped[list[ComplaintStep]] = relationship(
        cascade="all, delete-orphan", order_by="ComplaintStep.step"
    )


class ComplaintStep(Base):
    """One of the five handling steps (1 安抚道歉 … 5 跟踪), ticked with a time and a note."""

    __tablename__ = "complaint_step"
    __table_args__ = (UniqueConstraint("complaint_id", "step"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    complaint_id: Mapped[int] = mapped_column(ForeignKey("complaint.id", ondelete="CASCADE"))
    step: Mapped[int] = mapped_column(Integer)
    done_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
    note: Mapped[str] = mapped_column(Text, default="")


class BadReview(VersionedMixin, Base):
    """A mid or bad review and its rescue; contact attempts live in contact_log."""

    __tablename__ = "bad_review"
    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"), index=True)
    order_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id", ondelete="SET NULL"))
    platform: Mapped[str] = mapped_column(String(20), default="taobao")
    level: Mapped[str] = mapped_column(String(10), default="bad")  # mid, bad
    review_date: Mapped[dt.date] = mapped_column(Date)
    text: Mapped[str] = mapped_column(Text, default="")
    reason: Mapped[str] = mapped_column(String(100), default="")
    offer_type: Mapped[str] = mapped_column(String(20), default="")  # cash, coupon, free_shipping, gift, level
    offer_cents: Mapped[int] = mapped_column(Integer, default=0)
    offer_at: Mapped[dt.datetime | None] = mapped_column(DateTime)  # when the offer was made
    outcome: Mapped[str] = mapped_column(String(20), default="")  # revised, removed, unchanged, unreachable
    outcome_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    change_deadline: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default="open", index=True)  # open, closed
    # professional bad-reviewer signs (DOMAIN.md §6)
    sign_new_account: Mapped[bool] = mapped_column(Boolean, default=False)
    sign_refuses_platform_chat: Mapped[bool] = mapped_column(Boolean, default=False)
    sign_targets_new_shop: Mapped[bool] = mapped_column(Boolean, default=False)
    sign_cheap_fragile: Mapped[bool] = mapped_column(Boolean, default=False)
    sign_remote_address: Mapped[bool] = mapped_column(Boolean, default=False)
    evidence_note: Mapped[str] = mapped_column(Text, default="")
    sign_evidence_json: Mapped[str] = mapped_column(Text, default="{}")  # sign name -> evidence note


class Coupon(Base):
    __tablename__ = "coupon"
    __table_args__ = (Index("ix_coupon_open_expiry", "used_at", "expires_on"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20), default="cash")
    value_cents: Mapped[int] = mapped_column(Integer, default=0)
    threshold_cents: Mapped[int] = mapped_column(Integer, default=0)  # 满 threshold 减 value
    discount_percent: Mapped[int | None] = mapped_column(Integer)
    issued_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
    expires_on: Mapped[dt.date | None] = mapped_column(Date)
    used_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    used_order_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id", ondelete="SET NULL"))
    source: Mapped[str] = mapped_column(String(20), default="manual")  # manual, campaign, complaint, review
    campaign_id: Mapped[int | None] = mapped_column(ForeignKey("campaign.id", ondelete="SET NULL"))
    complaint_id: Mapped[int | None] = mapped_column(ForeignKey("complaint.id", ondelete="SET NULL"))
    bad_review_id: Mapped[int | None] = mapped_column(ForeignKey("bad_review.id", ondelete="SET NULL"))
    note: Mapped[str] = mapped_column(Text, default="")


class PointsEntry(Base):
    """A line of the points ledger; the balance is the sum, never a stored number."""

    __tablename__ = "points_ledger"
    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"), index=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
    delta: Mapped[int] = mapped_column(Integer)
    # spend, join, photo_review, referral, redeem, compensation, manual, campaign (a segment's gift; note says why)
    reason: Mapped[str] = mapped_column(String(30))
    order_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id", ondelete="SET NULL"))
    complaint_id: Mapped[int | None] = mapped_column(ForeignKey("complaint.id", ondelete="SET NULL"))
    note: Mapped[str] = mapped_column(Text, default="")


class MessageTemplate(Base):
    __tablename__ = "message_template"
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(30), index=True)  # a reminder kind or a campaign theme
    name: Mapped[str] = mapped_column(String(100))
    language: Mapped[str] = mapped_column(String(10), default="zh_CN")
    body: Mapped[str] = mapped_column(Text)
    is_default: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now, onupdate=_now)


class Segment(Base):
    """A saved customer filter (JSON definition) for marketing."""

    __tablename__ = "segment"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    definition_json: Mapped[str] = mapped_column(Text)
    builtin: Mapped[bool] = mapped_column(Boolean, default=False)


class Campaign(VersionedMixin, Base):
    __tablename__ = "campaign"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    segment_json: Mapped[str] = mapped_column(Text, default="{}")
    template_id: Mapped[int | None] = mapped_column(ForeignKey("message_template.id", ondelete="SET NULL"))
    body: Mapped[str] = mapped_column(Text, default="")
    scheduled_on: Mapped[dt.date | None] = mapped_column(Date)
    coupon_spec_json: Mapped[str] = mapped_column(Text, default="")
    response_window_days: Mapped[int] = mapped_column(Integer, default=7)
    status: Mapped[str] = mapped_column(String(20), default="draft")  # draft, running, finished


class CampaignMember(Base):
    __tablename__ = "campaign_member"
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaign.id", ondelete="CASCADE"), primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"), primary_key=True, index=True)
    message: Mapped[str] = mapped_column(Text, default="")
    sent_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    channel: Mapped[str] = mapped_column(String(20), default="")
    responded_order_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id", ondelete="SET NULL"))
    status: Mapped[str] = mapped_column(String(20), default="queued")  # queued, sent, skipped, opted_out


class Setting(Base):
    """Book-level settings (business rules); JSON values. UI state lives in QSettings instead."""

    __tablename__ = "setting"
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value_json: Mapped[str] = mapped_column(Text)


class BookChange(Base):
    """One row whose `counter` goes up with every committed write (core.book.changes): a cheap "anything
    new?" poll for other windows and other people on a shared book."""

    __tablename__ = "book_change"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    counter: Mapped[int] = mapped_column(BigInteger, default=0)



# The child side of the foreign keys a delete follows (ON DELETE CASCADE / SET NULL) gets an index when no other
# index or key starts with it. Without one, SQLite and PostgreSQL scan the child table once for every parent row
# deleted: undoing an import of 18,000 customers took 50 s, scanning `customer` for referred_by_id once per
# customer (migration 0005). Partial (only the rows that refer to something): these columns are mostly empty, so
# the indexes cost nothing on the writes that leave them empty; a foreign-key lookup (`col = ?`) can use them.
# Left out on purpose, each set on most rows of a large table whose parent goes one at a time:
# customer.import_batch_id (a batch row is deleted once, one scan) and reminder.product_id (a product is deleted
# by hand; an index would cost every reminder the regeneration writes).
UNINDEXED_REFERENCES = frozenset({("customer", "import_batch_id"), ("reminder", "product_id")})


def _reference_indexes() -> list[tuple[str, str]]:
    """Adds the indexes described above to the tables; returns their (table, column), in metadata order."""
    added = []
    for table in Base.metadata.sorted_tables:
        first_columns = {index.columns[0].name for index in table.indexes} | {
            next(iter(constraint.columns)).name for constraint in table.constraints
            if isinstance(constraint, (UniqueConstraint, PrimaryKeyConstraint)) and constraint.columns}
        for key in sorted(table.foreign_keys, key=lambda key: key.parent.name):
            column = key.parent
            if (key.ondelete in ("CASCADE", "SET NULL") and column.name not in first_columns
                    and (table.name, column.name) not in UNINDEXED_REFERENCES):
                _partial(Index(f"ix_{table.name}_{column.name}", column, sqlite_where=column.is_not(None)),
                         column.is_not(None))
                added.append((table.name, column.name))
    return added


REFERENCE_INDEXES = _reference_indexes()
