"""Products and their usage cycle (使用周期), reminder lead time (提前提醒天数) and suggested cycle (docs/PRODUCTS.md)."""

from __future__ import annotations

import builtins
import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from core import customer_stats
from core.book.db import Book
from core.book.models import Order, OrderItem, Product, Reminder
from core.dto import ProductDTO, ProductInput
from core.errors import ConflictError, NotFound, ValidationError
from core.product_links import (
    CycleWatch,
    buyers_of,
    follow_product_write,
    forget_deleted,
    remember_deleted,
    reset_cycle_tasks,
)
from core.product_names import name_key


def validate_product(data: ProductInput) -> None:
    if not data.name.strip():
        raise ValidationError("product_name_empty", field="name")
    if data.cycle_days is not None and not 1 <= data.cycle_days <= 3650:
        raise ValidationError("cycle_days_invalid", field="cycle_days", value=data.cycle_days)
    if not 0 <= data.lead_days <= 365:
        raise ValidationError("lead_days_invalid", field="lead_days", value=data.lead_days)
    if data.price_cents < 0:
        raise ValidationError("price_negative", field="price_cents", value=data.price_cents)


def to_dto(p: Product) -> ProductDTO:
    return ProductDTO(id=p.id, version=p.version, name=p.name, category=p.category, price_cents=p.price_cents,
                      cycle_days=p.cycle_days, lead_days=p.lead_days, code=p.code, active=p.active, note=p.note,
                      suggested_cycle_days=p.suggested_cycle_days, suggestion_basis=p.suggestion_basis or 0)


def _apply(p: Product, data: ProductInput) -> None:
    p.name = data.name.strip()
    p.category = data.category.strip()
    p.price_cents = data.price_cents
    p.cycle_days = data.cycle_days
    p.lead_days = data.lead_days
    p.code = data.code.strip()
    p.active = data.active
    p.note = data.note


def _name_taken(s: Session, name: str, other_than: int | None = None) -> None:
    """Refuse a name another product already has, spaces, width and case aside (core.product_names)."""
    key = name_key(name)
    for pid, other in s.execute(select(Product.id, Product.name)):
        if pid != other_than and name_key(other) == key:
            raise ValidationError("product_name_taken", field="name", value=name)


@dataclass(frozen=True)
class ProductSummary:
    """A product with what its order lines say (the `products` command)."""

    product: ProductDTO
    buyers: int  # customers with a purchase of it
    units_sold: int  # quantities on purchases

    def to_json(self) -> dict:
        p = self.product
        return {"id": p.id, "name": p.name, "cycle_days": p.cycle_days, "lead_days": p.lead_days,
                "suggested_cycle_days": p.suggested_cycle_days, "suggestion_basis": p.suggestion_basis,
                "cycle_is_suggested": p.cycle_is_suggested, "buyers": self.buyers, "units_sold": self.units_sold}


class ProductService:
    """Products of one book. Every write links the order lines again (creating, renaming, merging or deleting
    a product moves lines by the rules of core.product_links), refreshes the suggested cycles and regenerates
    the reminders of the customers concerned, in the same transaction. `today` defaults to the book's today."""

    def __init__(self, book: Book) -> None:
        self.book = book

    def list(self, include_inactive: bool = True) -> list[ProductDTO]:
        with self.book.session() as s:
            stmt = select(Product).order_by(Product.category, Product.name)
            if not include_inactive:
                stmt = stmt.where(Product.active.is_(True))
            return [to_dto(p) for p in s.scalars(stmt)]

    def summaries(self) -> builtins.list[ProductSummary]:  # `list` here is the method above
        """Every product (by name) with its buyers and units sold over purchases."""
        with self.book.session() as s:
            sold = {pid: (buyers, units or 0) for pid, buyers, units in s.execute(
                select(OrderItem.product_id, func.count(func.distinct(Order.customer_id)), func.sum(OrderItem.quantity))
                .join(Order, Order.id == OrderItem.order_id)
                .where(Order.is_purchase.is_(True), OrderItem.product_id.is_not(None))
                .group_by(OrderItem.product_id))}
            return [ProductSummary(to_dto(p), *sold.get(p.id, (0, 0)))
                    for p in s.scalars(select(Product).order_by(Product.name))]

    def get(self, product_id: int) -> ProductDTO:
        with self.book.session() as s:
            return to_dto(self._load(s, product_id))

    def create(self, data: ProductInput, today: dt.date | None = None) -> ProductDTO:
        """A new product; order lines named like it (or containing its name, more precisely than their
        current product) move to it."""
        validate_product(data)
        with self.book.session() as s:
            _name_taken(s, data.name.strip())
            watch = CycleWatch(s)
            p = Product()
            _apply(p, data)
            p.suggestion_basis = 0
            s.add(p)
            s.flush()
            forget_deleted(s, p.name)  # made again: imports link to it
            follow_product_write(s, watch, today, products={p.id}, relink_all=True)
            s.refresh(p)
            return to_dto(p)

    def update(self, product_id: int, data: ProductInput, expected_version: int,
               today: dt.date | None = None) -> ProductDTO:
        validate_product(data)
        with self.book.session() as s:
            p = self._load(s, product_id)
            if p.version != expected_version:
                raise ConflictError("product_conflict", entity="product", id=product_id,
                                    expected_version=expected_version, actual_version=p.version)
            _name_taken(s, data.name.strip(), product_id)
            watch = CycleWatch(s)
            renamed, lead_moved = p.name != data.name.strip(), p.lead_days != data.lead_days
            cycle_before = p.cycle_days
            _apply(p, data)
            s.flush()
            if renamed:
                forget_deleted(s, p.name)
            if p.cycle_days != cycle_before:  # the churn floor of its buyers (Customer.cycle_days) moves
                customer_stats.refresh_cycles(s, buyers_of(s, [product_id]))
            if lead_moved:
                reset_cycle_tasks(s, [product_id])
            follow_product_write(s, watch, today, customers=buyers_of(s, [product_id]) if lead_moved else (),
                                 products={product_id}, relink_all=renamed)
            s.refresh(p)
            return to_dto(p)

    def confirm_cycle(self, product_id: int, days: int | None = None, today: dt.date | None = None) -> ProductDTO:
        """The seller confirms the suggested cycle (or sets `days`): it becomes the product's cycle."""
        with self.book.session() as s:
            p = self._load(s, product_id)
            days = days or p.suggested_cycle_days
            if days is None or not 1 <= days <= 3650:
                raise ValidationError("cycle_days_invalid", field="cycle_days", value=days)
            watch = CycleWatch(s)
            p.cycle_days = days
            s.flush()
            follow_product_write(s, watch, today, products={product_id})
            s.refresh(p)
            return to_dto(p)

    def merge(self, keep_id: int, other_id: int, today: dt.date | None = None) -> ProductDTO:
        """Merge product `other_id` into `keep_id`: its order lines (and later imports of its titles) go to
        `keep_id`, which keeps its own fields (taking the other's cycle if it has none); `other_id` is deleted."""
        if keep_id == other_id:
            raise ValidationError("product_merge_same", field="product_id", value=keep_id)
        with self.book.session() as s:
            keep, other = self._load(s, keep_id), self._load(s, other_id)
            watch = CycleWatch(s)
            customers = buyers_of(s, [keep_id, other_id])
            if keep.cycle_days is None and other.cycle_days is not None:
                keep.cycle_days = other.cycle_days
            reset_cycle_tasks(s, [keep_id, other_id])
            s.execute(update(OrderItem).where(OrderItem.product_id == other_id).values(product_id=keep_id))
            s.execute(update(Reminder).where(Reminder.product_id == other_id).values(product_id=keep_id))
            s.delete(other)
            s.flush()
            follow_product_write(s, watch, today, customers=customers, products={keep_id}, relink_all=True)
            s.refresh(keep)
            return to_dto(keep)

    def delete(self, product_id: int, today: dt.date | None = None) -> None:
        """Delete a product; its order lines keep their text and go to another product only if one is named
        like them (no product is created); reminders follow. The book remembers the name (``products.deleted``): a
        later import leaves lines of that title without a product instead of creating it again (the seller deleted
        it), until a product of that name is created again (docs/PRODUCTS.md)."""
        with self.book.session() as s:
            p = s.get(Product, product_id)
            if p is not None:
                watch = CycleWatch(s)
                customers = buyers_of(s, [product_id])
                reset_cycle_tasks(s, [product_id])
                had_cycle = p.cycle_days is not None
                remember_deleted(s, p.name)
                s.delete(p)
                s.flush()
                if had_cycle:
                    customer_stats.refresh_cycles(s, customers)
                follow_product_write(s, watch, today, customers=customers, products=(), relink_all=True)

    @staticmethod
    def _load(s: Session, product_id: int) -> Product:
        p = s.get(Product, product_id)
        if p is None:
            raise NotFound("product_not_found", entity="product", id=product_id)
        return p
