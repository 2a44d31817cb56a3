"""Shared-book benchmark: the demo book copied into PostgreSQL, then the everyday operations timed there.

Usage:  python bench/bench_pg.py --url postgresql://user:pw@127.0.0.1:5432/db [--customers 20000] [--seed 1]
Builds a demo book (SQLite) in a temp folder, copies every table into a new schema of that database
(dropped at the end), and prints p50/p95 of: customer search, the first customer page, a stage filter
count, saving a customer edit, adding an order (with figure refresh and the change-counter bump), and
reading the change counter (the periodic poll). The same operations on the SQLite book are printed
alongside, from the same run on the same machine.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import create_engine, func, insert, make_url, select, text

from core.book.db import Book
from core.book.models import Base
from core.customers import CustomerService
from core.demo.build import build_demo
from core.dto import CustomerQuery, OrderInput, OrderItemInput
from core.orders import OrderService

TODAY = dt.date(2026, 11, 23)
_CHUNK = 5000


def copy_book(source: Book, url: str) -> None:
    """Every row of every table from the SQLite book into the (migrated, empty) server book."""
    target = create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
    with source.engine.connect() as src, target.begin() as dst:
        for table in Base.metadata.sorted_tables:
            if table.name == "book_change":  # the server book has its own counter
                continue
            rows = [dict(r._mapping) for r in src.execute(select(table))]
            for i in range(0, len(rows), _CHUNK):
                dst.execute(insert(table), rows[i:i + _CHUNK])
            if "id" in table.c and rows:
                dst.execute(text(f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                                 f"(SELECT max(id) FROM {table.name}))"))
        dst.execute(text("ANALYZE"))
    target.dispose()


def timed(fn, args) -> tuple[float, float]:
    times = []
    for a in args:
        t = time.perf_counter()
        fn(a)
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1]


def measure(book: Book, seed: int) -> dict[str, tuple[float, float]]:
    rng = random.Random(seed)
    customers, orders = CustomerService(book), OrderService(book)
    names = [r.name for r in customers.list_page(CustomerQuery(limit=400, today=TODAY))]
    queries = [rng.choice(names)[:1] for _ in range(40)] + [rng.choice(names) for _ in range(40)] + [
        f"{rng.randint(0, 9999):04d}" for _ in range(40)]
    ids = [r.id for r in customers.list_page(CustomerQuery(limit=200, today=TODAY, sort="total_spend_cents"))]
    figures = {
        "search (name, phone fragment)": timed(
            lambda q: customers.list_page(CustomerQuery(text=q, limit=50, today=TODAY)), queries),
        "first page, sorted by last purchase": timed(
            lambda _: customers.list_page(CustomerQuery(limit=100, today=TODAY, descending=True)), range(40)),
        "count of dormant + churned (stage in SQL)": timed(
            lambda _: customers.count(CustomerQuery(stages=("dormant", "churned"), today=TODAY)), range(20)),
    }

    def edit(cid):
        detail = customers.get(cid)
        customers.update(cid, dataclasses.replace(detail.fields, note="bench"), expected_version=detail.version)

    def add_order(cid):
        orders.create(OrderInput(customer_id=cid, created_at=dt.datetime(2026, 11, 20, 10), status="paid",
                                 items=(OrderItemInput(title="蜂蜜", unit_price_cents=5000),)))

    figures["save a customer edit"] = timed(edit, ids[:60])
    figures["add an order (figures refreshed)"] = timed(add_order, ids[60:120])
    figures["read the change counter (poll)"] = timed(lambda _: book.change_counter(), range(200))
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default=os.environ.get("HUITOUKE_TEST_PG_URL"), required=False)
    parser.add_argument("--customers", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if not args.url:
        parser.error("--url (or HUITOUKE_TEST_PG_URL) is required")
    schema = f"bench_{os.getpid()}"
    admin = create_engine(args.url.replace("postgresql://", "postgresql+psycopg://", 1), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    url = make_url(args.url).update_query_dict({"options": f"-csearch_path={schema}"}).render_as_string(
        hide_password=False)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "bench.book"
            t = time.perf_counter()
            build_demo(path, customers=args.customers, seed=args.seed)
            print(f"demo book: {args.customers:,} customers built in {time.perf_counter() - t:.1f} s")
            with Book.open(path, backup_root=Path(tmp) / "bk", daily_backup=False) as lite:
                server = Book.open(url)
                t = time.perf_counter()
                copy_book(lite, url)
                with server.engine.connect() as conn:
                    n_orders = conn.execute(select(func.count()).select_from(Base.metadata.tables["orders"])).scalar()
                print(f"copied to PostgreSQL ({n_orders:,} orders) in {time.perf_counter() - t:.1f} s\n")
                pg, sqlite = measure(server, args.seed), measure(lite, args.seed)
                server.close()
        print(f"{'operation':44} {'PostgreSQL p50/p95 ms':>24} {'SQLite p50/p95 ms':>20}")
        for name, (p50, p95) in pg.items():
            s50, s95 = sqlite[name]
            print(f"{name:44} {p50:>11.1f} / {p95:>8.1f} {s50:>9.1f} / {s95:>8.1f}")
    finally:
        with admin.connect() as conn:
            conn.execute(text(f"DROP SCHEMA IF EXISTS {schema} CASCADE"))
        admin.dispose()


if __name__ == "__main__":
    main()
