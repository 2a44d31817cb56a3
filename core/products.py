"""Products and their usage cycle (使用周期) and reminder lead time (提前提醒天数)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from core import customer_stats
from core.book.db import Book
from core.book.models import Product
from core.dto import ProductDTO, ProductInput
from core.errors import ConflictError, NotFound, ValidationError


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
                      cycle_days=p.cycle_days, lead_days=p.lead_days, code=p.code, active=p.active, note=p.note)


def _apply(p: Product, data: ProductInput) -> None:
    p.name = data.name.strip()
    p.category = data.category.strip()
    p.price_cents = data.price_cents
    p.cycle_days = data.cycle_days
    p.lead_days = data.lead_days
    p.code = data.code.strip()
    p.active = data.active
    p.note = data.note


def product_ids_by_name(s: Session) -> dict[str, int]:
    """Every product id by exact name (importers link order items to products by name)."""
    return {name: pid for pid, name in s.execute(select(Product.id, Product.name))}


class ProductService:
    def __init__(self, book: Book) -> None:
        self.book = book

    def list(self, include_inactive: bool = True) -> list[ProductDTO]:
        with self.book.session() as s:
            stmt = select(Product).order_by(Product.category, Product.name)
            if not include_inactive:
                stmt = stmt.where(Product.active.is_(True))
            return [to_dto(p) for p in s.scalars(stmt)]

    def get(self, product_id: int) -> ProductDTO:
        with self.book.session() as s:
            p = s.get(Product, product_id)
            if p is None:
                raise NotFound("product_not_found", entity="product", id=product_id)
            return to_dto(p)

    def create(self, data: ProductInput) -> ProductDTO:
        validate_product(data)
        with self.book.session() as s:
            if s.scalar(select(Product.id).where(Product.name == data.name.strip())) is not None:
                raise ValidationError("product_name_taken", field="name", value=data.name)
            p = Product()
            _apply(p, data)
            s.add(p)
            s.flush()
            return to_dto(p)

    def update(self, product_id: int, data: ProductInput, expected_version: int) -> ProductDTO:
        validate_product(data)
        with self.book.session() as s:
            p = s.get(Product, product_id)
            if p is None:
                raise NotFound("product_not_found", entity="product", id=product_id)
            if p.version != expected_version:
                raise ConflictError("product_conflict", entity="product", id=product_id,
                                    expected_version=expected_version, actual_version=p.version)
            clash = s.scalar(select(Product.id).where(Product.name == data.name.strip(), Product.id != product_id))
            if clash is not None:
                raise ValidationError("product_name_taken", field="name", value=data.name)
            cycle_before = p.cycle_days
            _apply(p, data)
            s.flush()
            if p.cycle_days != cycle_before:
                customer_stats.refresh_cycles(s, customer_stats.buyers_of_product(s, product_id))
            return to_dto(p)

    def delete(self, product_id: int) -> None:
        """Delete a product; order lines that used it keep their text (product link set to empty)."""
        with self.book.session() as s:
            p = s.get(Product, product_id)
            if p is not None:
                buyers = customer_stats.buyers_of_product(s, product_id) if p.cycle_days else []
                s.delete(p)
                s.flush()
                customer_stats.refresh_cycles(s, buyers)
