"""The products' suggested cycles are worked out from the purchase rows as the cursor gives them, never all held at
once (issue #18, Build 3: after the 100k demo book's export was read back, that list — ≈ 600,000 rows — was the
import's peak, ≈ 80 MB above the rest)."""

from __future__ import annotations

import datetime as dt
import tracemalloc

from sqlalchemy import text

from core.book.db import Book
from core.demo.build import build_demo
from core.reminders.cycles import compute_suggestions


def test_the_suggestions_hold_not_every_purchase_row(tmp_path):
    path = tmp_path / "demo.book"
    build_demo(path, customers=2500, seed=5, today=dt.date(2026, 6, 1))
    with Book.open(path, backup_root=tmp_path / "backups") as book, book.session() as session:
        rows = session.execute(text("SELECT count(*) FROM order_item WHERE product_id IS NOT NULL")).scalar_one()
        compute_suggestions(session)  # (the modules' own first allocations, out of the measure)
        tracemalloc.start()
        found = compute_suggestions(session)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    assert found and rows > 10_000
    # Measured on 16,176 lines: 190 bytes a line with every row held (a list of SQLAlchemy rows), 17 walked as the
    # cursor gives them (the intervals, a float each)
    assert peak < 80 * rows, (peak, rows)
