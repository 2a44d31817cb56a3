"""Orders with their items: create, edit, delete, list; customer figures recomputed on every write.

`is_purchase` (paid, not closed or fully refunded — DOMAIN.md §2) and `order_date` (the local date the
order was placed) are derived here and by the importers through `derived_order_fields` (`derived_order_columns` for
many), which live in core.order_fields (re-exported here).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import String, func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import InstrumentedAttribute, Session, selectinload
from sqlalchemy.orm.attributes import flag_modified
from sqlalchemy.orm.exc import StaleDataError

from core import clock
from core.book.db import Book
from core.book.dialect import contains_ci, table_of
from core.book.models import ORDER_STATUS_VALUES, Customer, Order, OrderItem, Product
from core.dto import OrderDetail, OrderInput, OrderItemDTO, OrderQuery, OrderRedemption, OrderRow
from core.errors import ConflictError, NotFound, ValidationError
from core.order_fields import derived_order_columns, derived_order_fields, is_purchase_status  # noqa: F401  (here as before)
from core.order_writes import after_orders_written
from core.product_links import CycleWatch, ProductResolver
from core.search import like_pattern

SORT_KEYS: dict[str, InstrumentedAttribute[Any]] = {
    "created_at": Order.created_at,
    "status": Order.status,
    "platform": Order.platform,
    "paid_cents": Order.paid_cents,
    "platform_order_no": Order.platform_order_no,
    "customer_id": Order.customer_id,
}


def _text_limit(name: str) -> int:
    """The length n of the order's String(n) column `name`."""
    column_type = table_of(Order).c[name].type
    assert isinstance(column_type, String) and column_type.length is not None  # each is a String(n) column
    return column_type.length


# An order's short texts and their column lengths: longer ones are refused (PostgreSQL would fail the write).
TEXT_LIMITS = {name: _text_limit(name)
               for name in ("tracking_no", "carrier", "receiver_name", "receiver_phone", "receiver_address")}


def validate_order(data: OrderInput) -> None:
    if data.status not in ORDER_STATUS_VALUES:
        raise ValidationError("order_status_invalid", field="status", value=data.status)
    for i, item in enumerate(data.items):
        if item.quantity <= 0:
            raise ValidationError("quantity_invalid", field="quantity", row=i + 1, value=item.quantity)
        if item.unit_price_cents < 0:
            raise ValidationError("price_negative", field="unit_price_cents", row=i + 1, value=item.unit_price_cents)
        if not item.title.strip() and item.product_id is None:
            raise ValidationError("item_empty", field="title", row=i + 1)
    for name in ("postage_cents", "discount_cents", "refund_cents"):
        if getattr(data, name) < 0:
            raise ValidationError("amount_negative", field=name, value=getattr(data, name))
    if data.platform_order_no is not None and len(data.platform_order_no) > 64:
        raise ValidationError("order_no_too_long", field="platform_order_no")
    for name, limit in TEXT_LIMITS.items():
        if len(getattr(data, name) or "") > limit:
            raise ValidationError("text_too_long", field=name, limit=limit)


def _apply(s: Session, order: Order, data: OrderInput) -> None:
    products = {p.id: p for p in s.scalars(select(Product).where(
        Product.id.in_([i.product_id for i in data.items if i.product_id is not None])))}
    # a platform's lines (core.excel.sub_orders): numbered, or with the state an export whose numbers Excel rounded
    # gave them (no number)
    platform = [item for item in order.items if item.line_ref or item.line_state]
    lines_before = _lines(order.items)
    order.items.clear()
    goods = 0
    # a free-text line goes to the product named like it (core.product_links); none is created
    free = ProductResolver(s).resolve({i.title.strip() for i in data.items if i.product_id is None})
    for item in data.items:
        product = products.get(item.product_id) if item.product_id is not None else None
        if item.product_id is not None and product is None:
            raise ValidationError("product_not_found", field="product_id", value=item.product_id)
        amount = item.amount_cents if item.amount_cents is not None else item.quantity * item.unit_price_cents
        goods += amount
        product_id = item.product_id if item.product_id is not None else free.get(item.title.strip())
        title = item.title.strip()
        if not title:
            assert product is not None  # validate_order refused an item with neither a title nor a product
            title = product.name
        order.items.append(OrderItem(product_id=product_id, title=title,
                                     sku_spec=item.sku_spec, quantity=item.quantity,
                                     unit_price_cents=item.unit_price_cents, amount_cents=amount))
    if platform:
        removed = _keep_line_refs(platform, order.items)
        if removed:
            order.removed_line_refs = "\n".join(sorted(set((order.removed_line_refs or "").splitlines()) | removed))
    for name in ("customer_id", "platform", "status", "created_at", "paid_at", "shipped_at", "delivered_at",
                 "completed_at", "closed_at", "postage_cents", "discount_cents", "refund_cents", "tracking_no",
                 "carrier", "buyer_message", "seller_note", "receiver_name", "receiver_phone", "receiver_address"):
        setattr(order, name, getattr(data, name))
    order.platform_order_no = (data.platform_order_no or "").strip() or None
    order.goods_cents = data.goods_cents if data.goods_cents is not None else goods
    order.paid_cents = (data.paid_cents if data.paid_cents is not None
                        else max(0, order.goods_cents + data.postage_cents - data.discount_cents))
    if order.status == "unpaid" and data.paid_cents is None:
        order.paid_cents = 0  # nothing paid yet
    if order.refund_cents > order.paid_cents:  # (removing a refunded line left its refund: spend went below 0)
        raise ValidationError("refund_above_paid", field="refund_cents", value=f"{order.refund_cents / 100:.2f}",
                              limit=f"{order.paid_cents / 100:.2f}")
    for key, value in derived_order_fields(order.status, order.created_at).items():
        setattr(order, key, value)
    if _lines(order.items) != lines_before:  # lines changed (a gift added…): the order row is written, its version
        flag_modified(order, "status")  # one further, though no field of it changed (an edit an undo keeps:
        # core.excel.undo_keep)


def _lines(items) -> list[tuple]:
    """An order's lines as the seller sees them, in a fixed order."""
    return sorted(((item.title, item.sku_spec or "", item.quantity, item.unit_price_cents, item.amount_cents,
                    item.product_id or 0) for item in items), key=repr)


def _keep_line_refs(before: list[OrderItem], after: list[OrderItem]) -> set[str]:
    """The saved lines keep the numbers and export states of the platform lines they were (a line without a number,
    from an export whose numbers Excel rounded, keeps its state all the same): a line of the same
    title and specification, else — as many lines left on both sides, a line renamed — the one at its place if
    it has that line's quantity and unit price (a line of new goods in place of a removed one, a gift for a
    serum, is a new line without a number). A later export then updates them rather than adding them again
    (core.excel.sub_orders). Returns the numbers of the lines removed (the seller's edit: an export holding them
    does not bring them back)."""
    left = list(before)
    unmatched = []
    for item in after:
        same = next((old for old in left if (old.title, old.sku_spec) == (item.title, item.sku_spec)), None)
        if same is None:
            unmatched.append(item)
            continue
        left.remove(same)
        item.line_ref, item.line_state = same.line_ref, same.line_state
    if len(unmatched) == len(left):
        for item, old in zip(unmatched, list(left), strict=True):
            if (item.quantity, item.unit_price_cents) == (old.quantity, old.unit_price_cents):
                item.line_ref, item.line_state = old.line_ref, old.line_state
                left.remove(old)
    return {old.line_ref for old in left if old.line_ref}


def _detail(s: Session, o: Order) -> OrderDetail:
    customer = s.get(Customer, o.customer_id)
    names: dict[int | None, str] = dict(s.execute(select(Product.id, Product.name).where(
        Product.id.in_([i.product_id for i in o.items if i.product_id]))).all())
    items = tuple(OrderItemDTO(i.id, i.product_id, names.get(i.product_id, ""), i.title, i.sku_spec, i.quantity,
                               i.unit_price_cents, i.amount_cents) for i in o.items)
    return OrderDetail(
        id=o.id, version=o.version, customer_id=o.customer_id,
        customer_name=(customer.name or customer.real_name) if customer else "", platform=o.platform,
        platform_order_no=o.platform_order_no, status=o.status, is_purchase=o.is_purchase,
        created_at=o.created_at, order_date=o.order_date, paid_at=o.paid_at, shipped_at=o.shipped_at,
        delivered_at=o.delivered_at, completed_at=o.completed_at, closed_at=o.closed_at,
        goods_cents=o.goods_cents, postage_cents=o.postage_cents, discount_cents=o.discount_cents,
        paid_cents=o.paid_cents, refund_cents=o.refund_cents, tracking_no=o.tracking_no, carrier=o.carrier,
        buyer_message=o.buyer_message, seller_note=o.seller_note, receiver_name=o.receiver_name,
        receiver_phone=o.receiver_phone, receiver_address=o.receiver_address, items=items)


def _redeem(s: Session, order: Order, data: OrderInput, redemption: OrderRedemption | None,
            paid_before: int | None = None) -> None:
    """Use the redemption's coupon and points on the saved order (same transaction). What they take off is
    also taken off the paid amount unless the seller typed a new one (on an edit: one that differs from
    `paid_before`, the amount stored before it)."""
    if redemption is None or (redemption.coupon_id is None and not redemption.points):
        return
    from core.marketing.loyalty import redeem_on_order

    redeem_on_order(s, order.id, redemption.coupon_id, redemption.points, clock.now(),
                    lower_paid=data.paid_cents is None or data.paid_cents == paid_before)


def _products_of(order: Order) -> set[int]:
    return {item.product_id for item in order.items if item.product_id is not None}


def _without_set_cycle(s: Session, product_ids: set[int]) -> set[int]:
    """The products among these whose cycle the seller has not set: an order write refreshes only their
    suggestions (there the suggestion may drive reminders; a set cycle's suggestion is only information,
    refreshed by imports and product edits: ~70 ms a save on a 20,000-customer book otherwise)."""
    return set(s.scalars(select(Product.id).where(Product.id.in_(product_ids), Product.cycle_days.is_(None))))


class OrderService:
    """Order operations on one book. Each write refreshes the figures of the customers it touches."""

    def __init__(self, book: Book) -> None:
        self.book = book

    def get(self, order_id: int) -> OrderDetail:
        with self.book.session() as s:
            return _detail(s, self._load(s, order_id))

    def create(self, data: OrderInput, redemption: OrderRedemption | None = None) -> OrderDetail:
        """Save a new order; with `redemption`, its coupon and points are used on it in the same transaction
        (their value added to the discount), or nothing is saved if they are refused (ValidationError)."""
        validate_order(data)
        with self.book.session() as s:
            if s.get(Customer, data.customer_id) is None:
                raise NotFound("customer_not_found", entity="customer", id=data.customer_id)
            watch = CycleWatch(s)
            order = Order()
            _apply(s, order, data)
            s.add(order)
            self._flush(s, data)
            _redeem(s, order, data, redemption)
            after_orders_written(s, [order.customer_id], watch=watch,
                                 products=_without_set_cycle(s, _products_of(order)))
            return _detail(s, order)

    def update(self, order_id: int, data: OrderInput, expected_version: int,
               redemption: OrderRedemption | None = None) -> OrderDetail:
        """Save an edited order (ConflictError if someone saved it meanwhile); `redemption` as in create."""
        validate_order(data)
        with self.book.session() as s:
            order = self._load(s, order_id)
            if order.version != expected_version:
                raise ConflictError("order_conflict", entity="order", id=order_id,
                                    expected_version=expected_version, actual_version=order.version)
            before, paid_before = order.customer_id, order.paid_cents
            watch, products_before = CycleWatch(s), _products_of(order)
            _apply(s, order, data)
            try:
                self._flush(s, data)
            except StaleDataError:
                raise ConflictError("order_conflict", entity="order", id=order_id) from None
            _redeem(s, order, data, redemption, paid_before)
            after_orders_written(s, {before, order.customer_id}, watch=watch,
                                 products=_without_set_cycle(s, products_before | _products_of(order)))
            return _detail(s, order)

    def delete(self, order_id: int) -> None:
        with self.book.session() as s:
            order = self._load(s, order_id)
            cid = order.customer_id
            watch, products_before = CycleWatch(s), _products_of(order)
            from core.marketing.loyalty import release_order

            release_order(s, order_id, clock.now())
            s.delete(order)
            s.flush()
            after_orders_written(s, [cid], watch=watch, products=_without_set_cycle(s, products_before))

    def list_page(self, query: OrderQuery) -> list[OrderRow]:
        """One page of orders, filtered and sorted in SQL.

        The page's ids are chosen first in a subquery over the orders table alone (an index walk, even
        for a deep OFFSET), and only those rows are joined with their customer: joining before the
        OFFSET made page 2,000 of a 500,000-order book take seconds.
        """
        with self.book.session() as s:
            col = SORT_KEYS.get(query.sort, Order.created_at)
            order = ([col.desc(), Order.id.desc()] if query.descending else [col.asc(), Order.id.asc()])
            page_ids = (select(Order.id).where(*self._filters(query, self.book.engine.dialect.name)).order_by(*order)
                        .offset(query.offset).limit(query.limit))
            name = func.coalesce(func.nullif(Customer.name, ""), Customer.real_name)
            stmt = (select(Order.id, Order.customer_id, name, Order.platform, Order.platform_order_no, Order.status,
                           Order.is_purchase, Order.created_at, Order.order_date, Order.paid_cents, Order.refund_cents)
                    .join(Customer, Customer.id == Order.customer_id).where(Order.id.in_(page_ids)).order_by(*order))
            rows = s.execute(stmt).all()
            summaries = self._item_summaries(s, [r[0] for r in rows])
            return [OrderRow(r[0], r[1], r[2] or "", r[3], r[4], r[5], r[6], r[7], r[8], summaries.get(r[0], ""),
                             r[9], r[10]) for r in rows]

    def count(self, query: OrderQuery) -> int:
        with self.book.session() as s:
            stmt = select(func.count()).select_from(Order).where(*self._filters(query, self.book.engine.dialect.name))
            return s.execute(stmt).scalar_one()

    def for_customer(self, customer_id: int, limit: int = 500) -> list[OrderDetail]:
        """A customer's orders, newest first, with items (the order timeline)."""
        with self.book.session() as s:
            orders = s.scalars(select(Order).options(selectinload(Order.items))
                               .where(Order.customer_id == customer_id)
                               .order_by(Order.created_at.desc(), Order.id.desc()).limit(limit))
            return [_detail(s, o) for o in orders]

    # -- helpers ----------------------------------------------------------------------------------
    @staticmethod
    def _flush(s: Session, data: OrderInput) -> None:
        try:
            s.flush()
        except IntegrityError:
            raise ValidationError("order_no_taken", "This platform order number is already in the book",
                                  field="platform_order_no", value=data.platform_order_no) from None

    @staticmethod
    def _load(s: Session, order_id: int) -> Order:
        order = s.get(Order, order_id)
        if order is None:
            raise NotFound("order_not_found", entity="order", id=order_id)
        return order

    @staticmethod
    def _filters(q: OrderQuery, dialect: str) -> list:
        f = []
        if q.date_from:
            f.append(Order.order_date >= q.date_from)
        if q.date_to:
            f.append(Order.order_date <= q.date_to)
        if q.statuses:
            f.append(Order.status.in_(q.statuses))
        if q.customer_id is not None:
            f.append(Order.customer_id == q.customer_id)
        if q.platform:
            f.append(Order.platform == q.platform)
        if q.product_id is not None:
            f.append(Order.id.in_(select(OrderItem.order_id).where(OrderItem.product_id == q.product_id)))
        text = (q.text or "").strip()
        if text:
            pat = like_pattern(text)
            f.append(or_(*(contains_ci(col, pat, dialect) for col in (
                Order.platform_order_no, Order.tracking_no, Order.receiver_name, Order.receiver_phone))))
        return f

    @staticmethod
    def _item_summaries(s: Session, order_ids: list[int]) -> dict[int, str]:
        parts: dict[int, list[str]] = {}
        if not order_ids:
            return {}
        for oid, title, qty in s.execute(select(OrderItem.order_id, OrderItem.title, OrderItem.quantity)
                                         .where(OrderItem.order_id.in_(order_ids)).order_by(OrderItem.id)):
            parts.setdefault(oid, []).append(f"{title} ×{qty}" if qty != 1 else title)
        return {oid: "，".join(p) for oid, p in parts.items()}
