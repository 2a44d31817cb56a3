"""The columns every writer of orders derives (DOMAIN.md §2): `is_purchase` (paid, not closed or fully refunded) and
`order_date` (the local date the order was placed). core.orders re-exports them; the importer's writers take them
from here, so that an import does not load the order forms' queries and DTOs (core.orders, core.dto: ≈ 0.02 s of
every `main.py import`'s start-up, issue #18)."""

from __future__ import annotations

import datetime as dt

from core.book.values import PURCHASE_STATUSES


def is_purchase_status(status: str) -> bool:
    return status in PURCHASE_STATUSES


def derived_order_fields(status: str, created_at: dt.datetime) -> dict:
    """The derived columns every writer of orders must set."""
    return {"is_purchase": is_purchase_status(status), "order_date": created_at.date()}


def derived_order_columns(statuses: list[str], created: list[dt.datetime]) -> dict[str, list]:
    """:func:`derived_order_fields` of many orders at once, as columns (position for position)."""
    purchase = {status: is_purchase_status(status) for status in set(statuses)}  # (a few statuses, many orders)
    return {"is_purchase": list(map(purchase.__getitem__, statuses)), "order_date": list(map(dt.datetime.date, created))}
