"""Data transfer objects: what services hand to the UI and the CLI (frozen; no ORM objects leave core).

`*Input` objects carry what the seller typed; `*Row` objects are list rows; `*Detail` objects are one
record with everything the detail views show. Money is integer fen, dates are local dates.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class CustomerInput:
    """Editable customer fields. `tags` replaces the customer's tags when not None."""

    name: str = ""
    real_name: str = ""
    phone: str = ""
    wechat_id: str = ""
    qq: str = ""
    platform_buyer_id: str = ""
    email: str = ""
    province: str = ""
    city: str = ""
    district: str = ""
    address_detail: str = ""
    postcode: str = ""
    gender: str = ""
    birth_year: int | None = None
    birth_month: int | None = None
    birth_day: int | None = None
    birthday_lunar: bool = False
    source_channel: str = ""
    referred_by_id: int | None = None
    personality: str = ""
    note: str = ""
    do_not_disturb: bool = False
    risk_buyer: bool = False
    tags: tuple[str, ...] | None = None


@dataclass(frozen=True)
class CustomerRow:
    """One line of the customer list."""

    id: int
    name: str
    real_name: str
    phone: str
    wechat_id: str
    province: str
    city: str
    source_channel: str
    tags: tuple[str, ...]
    first_purchase_on: dt.date | None
    last_purchase_on: dt.date | None
    purchase_days: int
    purchase_count: int
    total_spend_cents: int
    avg_order_cents: int
    stage: str
    do_not_disturb: bool
    risk_buyer: bool
    created_at: dt.datetime
    deleted_at: dt.datetime | None
    level: str = ""  # member level name, "" without one


@dataclass(frozen=True)
class AliasDTO:
    kind: str
    value: str


@dataclass(frozen=True)
class CustomerDetail:
    """A whole customer: editable fields (as `fields`), derived figures, tags, aliases, version."""

    id: int
    version: int
    fields: CustomerInput
    phone_norm: str
    tags: tuple[str, ...]
    aliases: tuple[AliasDTO, ...]
    referred_by_name: str
    first_purchase_on: dt.date | None
    last_purchase_on: dt.date | None
    purchase_days: int
    purchase_count: int
    total_spend_cents: int
    avg_order_cents: int
    typical_interval_days: int | None
    stage: str
    created_at: dt.datetime
    updated_at: dt.datetime
    deleted_at: dt.datetime | None

    @property
    def name(self) -> str:
        return self.fields.name or self.fields.real_name


@dataclass(frozen=True)
class CustomerQuery:
    """What the customer list shows: filters, sort (a key of customers.SORT_KEYS) and the page window."""

    text: str = ""
    tag_ids: tuple[int, ...] = ()
    stages: tuple[str, ...] = ()
    level_ids: tuple[int, ...] = ()  # member levels; 0 = customers without a level
    ids: tuple[int, ...] | None = None  # click-through from analytics: only these customers
    province: str = ""
    do_not_disturb: bool | None = None
    risk_buyer: bool | None = None
    deleted: bool = False  # True: the recycle bin
    sort: str = "last_purchase_on"
    descending: bool = True
    offset: int = 0
    limit: int = 200
    today: dt.date | None = None


@dataclass(frozen=True)
class TagDTO:
    id: int
    name: str
    color: str
    customers: int


@dataclass(frozen=True)
class ProductInput:
    name: str
    category: str = ""
    price_cents: int = 0
    cycle_days: int | None = None
    lead_days: int = 3
    code: str = ""
    active: bool = True
    note: str = ""


@dataclass(frozen=True)
class ProductDTO:
    id: int
    version: int
    name: str
    category: str
    price_cents: int
    cycle_days: int | None
    lead_days: int
    code: str
    active: bool
    note: str
    suggested_cycle_days: int | None = None  # per-unit cycle from the purchases (core.product_links)
    suggestion_basis: int = 0  # how many repurchase intervals the suggestion rests on

    @property
    def cycle_is_suggested(self) -> bool:
        """No cycle set by the seller, but one suggested from the history (shown as "suggested")."""
        return self.cycle_days is None and self.suggested_cycle_days is not None


@dataclass(frozen=True)
class OrderItemInput:
    """One line of an order: a product from the list (`product_id`) or free text (`title`)."""

    title: str = ""
    product_id: int | None = None
    quantity: int = 1
    unit_price_cents: int = 0
    sku_spec: str = ""
    amount_cents: int | None = None  # None: quantity × unit price


@dataclass(frozen=True)
class OrderInput:
    """An order as typed. `paid_cents` None: goods + postage − discount. `goods_cents` None: sum of items."""

    customer_id: int
    created_at: dt.datetime
    platform: str = "wechat"
    platform_order_no: str | None = None
    status: str = "paid"
    items: tuple[OrderItemInput, ...] = ()
    paid_at: dt.datetime | None = None
    shipped_at: dt.datetime | None = None
    delivered_at: dt.datetime | None = None
    completed_at: dt.datetime | None = None
    closed_at: dt.datetime | None = None
    goods_cents: int | None = None
    postage_cents: int = 0
    discount_cents: int = 0
    paid_cents: int | None = None
    refund_cents: int = 0
    tracking_no: str = ""
    carrier: str = ""
    buyer_message: str = ""
    seller_note: str = ""
    receiver_name: str = ""
    receiver_phone: str = ""
    receiver_address: str = ""


@dataclass(frozen=True)
class OrderRedemption:
    """A coupon (id, or None) and points the customer uses on an order as it is saved (core.marketing.loyalty)."""

    coupon_id: int | None = None
    points: int = 0


@dataclass(frozen=True)
class OrderItemDTO:
    id: int
    product_id: int | None
    product_name: str
    title: str
    sku_spec: str
    quantity: int
    unit_price_cents: int
    amount_cents: int


@dataclass(frozen=True)
class OrderRow:
    id: int
    customer_id: int
    customer_name: str
    platform: str
    platform_order_no: str | None
    status: str
    is_purchase: bool
    created_at: dt.datetime
    order_date: dt.date
    items_summary: str
    paid_cents: int
    refund_cents: int


@dataclass(frozen=True)
class OrderDetail:
    id: int
    version: int
    customer_id: int
    customer_name: str
    platform: str
    platform_order_no: str | None
    status: str
    is_purchase: bool
    created_at: dt.datetime
    order_date: dt.date
    paid_at: dt.datetime | None
    shipped_at: dt.datetime | None
    delivered_at: dt.datetime | None
    completed_at: dt.datetime | None
    closed_at: dt.datetime | None
    goods_cents: int
    postage_cents: int
    discount_cents: int
    paid_cents: int
    refund_cents: int
    tracking_no: str
    carrier: str
    buyer_message: str
    seller_note: str
    receiver_name: str
    receiver_phone: str
    receiver_address: str
    items: tuple[OrderItemDTO, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class OrderQuery:
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    statuses: tuple[str, ...] = ()
    product_id: int | None = None
    customer_id: int | None = None
    platform: str = ""
    text: str = ""  # order number, tracking number, receiver
    sort: str = "created_at"
    descending: bool = True
    offset: int = 0
    limit: int = 200


@dataclass(frozen=True)
class BookCounts:
    customers: int
    deleted_customers: int
    orders: int
    products: int
