"""Shared fixtures: every test gets its own data folder; `book` is a fresh real SQLite book file."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _data_dir(tmp_path_factory, monkeypatch):
    """Keep the user's real data folder out of every test."""
    monkeypatch.setenv("HUITOUKE_DATA_DIR", str(tmp_path_factory.mktemp("data")))


@pytest.fixture
def book(tmp_path):
    from core.db import Book

    b = Book.open(tmp_path / "test.book", create=True, backup_root=tmp_path / "backups")
    yield b
    b.close()


@pytest.fixture
def make_customer(book):
    """make_customer(name=..., phone=..., tags=(...), ...) -> CustomerDetail."""
    from core.customers import CustomerService
    from core.dto import CustomerInput

    service = CustomerService(book)

    def _make(**fields):
        fields.setdefault("name", "顾客")
        return service.create(CustomerInput(**fields))

    return _make


@pytest.fixture
def make_order(book):
    """make_order(customer_id, "2026-03-02", [("蜂蜜500g", 2, 6800)], status="completed", **extra)."""
    from core.dto import OrderInput, OrderItemInput
    from core.orders import OrderService

    service = OrderService(book)

    def _make(customer_id, day, items=(("蜂蜜500g", 1, 5000),), status="completed", hour=10, **extra):
        created = dt.datetime.combine(dt.date.fromisoformat(day), dt.time(hour, 0))
        lines = tuple(
            OrderItemInput(title=t, quantity=q, unit_price_cents=p) if isinstance(t, str)
            else OrderItemInput(product_id=t, quantity=q, unit_price_cents=p)
            for t, q, p in items)
        return service.create(OrderInput(customer_id=customer_id, created_at=created, status=status,
                                         items=lines, **extra))

    return _make
