"""Benchmark: complete reminder regeneration and the Today query on a 100k-customer / 500k-order book.

Usage:  python bench/bench_today.py [--book PATH] [--customers 100000] [--orders 500000] [--today 2026-11-23]
Without --book it builds the book under bench/out/ with core.demo.build (default) or, with --builder own, the
seeded builder below (bulk Core inserts, heavier tails: pareto order counts, 20% of items ×3). Prints a table:
first and repeated complete passes, an incremental pass for one customer, the Today query (the day's list and the
whole list), the counter — first on the book as the demo leaves it (the seller has been working the list), then
from an empty reminder table.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import random
import sqlite3
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import insert, select, text

from core import customer_stats
from core.book.db import Book
from core.book.models import (
    BadReview,
    Complaint,
    Coupon,
    Customer,
    Order,
    OrderItem,
    Product,
)
from core.reminders import due_count, regenerate, today_list
from core.reminders.today import day_list

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰红梅"
PRODUCTS = [("蜂蜜500g", 45), ("面膜30片", 30), ("红茶250g", 40), ("青梅酒", 60), ("洗面奶", 50), ("护手霜", 40),
            ("燕麦片1kg", 30), ("坚果礼盒", None), ("手工皂", 35), ("枸杞500g", 60), ("眼霜", 60), ("精华液", 45)]


def build_book(path: Path, customers: int, orders: int, today: dt.date, seed: int = 7) -> None:
    """A seeded book with `customers` customers and about `orders` orders over two years before `today`."""
    rng = random.Random(seed)
    book = Book.open(path, create=True, daily_backup=False, backup_root=path.parent / "backups")
    started = time.perf_counter()
    with book.session() as s:
        s.execute(insert(Product), [{"name": f"{n}#{i}" if i else n, "cycle_days": c, "lead_days": 3}
                                    for i in range(5) for n, c in PRODUCTS])
        product_ids = [(pid, c) for pid, c in s.execute(select(Product.id, Product.cycle_days))]
        rows = []
        for i in range(customers):
            has_bd = rng.random() < 0.4
            rows.append({"name": rng.choice(SURNAMES) + rng.choice(GIVEN) + (rng.choice(GIVEN) if i % 3 else ""),
                         "phone": f"13{i:09d}", "phone_norm": f"13{i:09d}", "wechat_id": f"wx{i}",
                         "birth_month": rng.randint(1, 12) if has_bd else None,
                         "birth_day": rng.randint(1, 28) if has_bd else None,
                         "birthday_lunar": has_bd and rng.random() < 0.2, "do_not_disturb": rng.random() < 0.03})
        s.execute(insert(Customer), rows)
        weights = [rng.paretovariate(1.3) for _ in range(customers)]
        owners = rng.choices(range(1, customers + 1), weights=weights, k=orders)
        order_rows, item_rows = [], []
        for oid, cid in enumerate(owners, start=1):
            day = today - dt.timedelta(days=rng.randint(0, 730))
            at = dt.datetime.combine(day, dt.time(rng.randint(8, 22), rng.randint(0, 59)))
            age = (today - day).days
            status = ("unpaid" if age == 0 and rng.random() < 0.3 else "paid" if age < 3 else "shipped" if age < 5
                      else rng.choices(("completed", "refunded", "closed"), (96, 2, 2))[0])
            purchase = status in ("paid", "shipped", "completed")
            order_rows.append({
                "id": oid, "customer_id": cid, "platform": "wechat", "platform_order_no": f"B{oid}", "status": status,
                "is_purchase": purchase, "created_at": at, "order_date": day,
                "paid_at": at if status not in ("unpaid", "closed") else None,
                "shipped_at": at + dt.timedelta(days=1) if status in ("shipped", "completed") else None,
                "delivered_at": at + dt.timedelta(days=3) if status == "completed" else None,
                "closed_at": at + dt.timedelta(days=1) if status in ("closed", "refunded") else None,
                "paid_cents": 9900 if status != "unpaid" else 0, "goods_cents": 9900,
                "refund_cents": 9900 if status == "refunded" else 0})
            for pid, _ in rng.sample(product_ids, rng.choice((1, 1, 1, 2))):
                item_rows.append({"order_id": oid, "product_id": pid, "title": "", "quantity": rng.choice((1, 1, 1, 2, 3)),
                                  "unit_price_cents": 4950, "amount_cents": 4950})
            if len(order_rows) >= 50000:
                s.execute(insert(Order), order_rows)
                s.execute(insert(OrderItem), item_rows)
                order_rows, item_rows = [], []
        if order_rows:
            s.execute(insert(Order), order_rows)
            s.execute(insert(OrderItem), item_rows)
        s.execute(insert(Coupon), [{"customer_id": rng.randint(1, customers), "value_cents": 1000,
                                    "expires_on": today + dt.timedelta(days=rng.randint(-30, 30))}
                                   for _ in range(customers // 5)])
        s.execute(insert(Complaint), [{"customer_id": rng.randint(1, customers)} for _ in range(300)])
        s.execute(insert(BadReview), [{"customer_id": rng.randint(1, customers), "review_date": today}
                                      for _ in range(200)])
        customer_stats.refresh(s)
    book.close()
    print(f"built {path} in {time.perf_counter() - started:.1f} s")


def timed(fn, repeat: int = 1) -> tuple[float, float, object]:
    """Median wall seconds, median CPU seconds of this process, last result."""
    times, cpu, result = [], [], None
    for _ in range(repeat):
        t, c = time.perf_counter(), time.process_time()
        result = fn()
        times.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    return statistics.median(times), statistics.median(cpu), result


def _as_built(path: Path, today: dt.date) -> list[tuple]:
    """The book as the demo leaves it (the seller has been working the list): the pass the app runs at start,
    the day's list (the Today page's first read), the whole list (`today --all`)."""
    book = Book.open(path, daily_backup=False, backup_root=path.parent / "backups")
    results = []
    with book.session() as s:
        seconds, cpu, r = timed(lambda: regenerate(s, today))
        results.append(("worked book: complete regeneration", seconds, cpu,
                         f"written {r.written}, superseded {r.superseded}, expired {r.expired}"))
    with book.session() as s:
        seconds, cpu, listed = timed(lambda: day_list(s, today), repeat=5)
        results.append(("worked book: Today query, the day's list", seconds, cpu,
                        f"{len(listed.tasks)} shown of {listed.total} due, {listed.overdue} overdue"))
        seconds, cpu, listed = timed(lambda: today_list(s, today), repeat=3)
        results.append(("worked book: Today query, whole list", seconds, cpu, f"{len(listed.tasks)} rows"))
    book.close()
    return results


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--book")
    ap.add_argument("--customers", type=int, default=100_000)
    ap.add_argument("--orders", type=int, default=500_000)
    ap.add_argument("--today", default="2026-11-23")
    ap.add_argument("--builder", choices=("demo", "own"), default="demo",
                    help="demo: core.demo.build.build_demo (about 5 orders per customer); own: the builder below")
    args = ap.parse_args()
    today = dt.date.fromisoformat(args.today)
    if args.book:
        path = Path(args.book)
    elif args.builder == "demo":
        path = Path(__file__).parent / "out" / f"demo-{args.customers}.book"
        if not path.exists():
            from core.demo.build import build_demo

            path.parent.mkdir(parents=True, exist_ok=True)
            print(build_demo(path, customers=args.customers, seed=1, today=today))
    else:
        path = Path(__file__).parent / "out" / f"today-{args.customers}.book"
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            build_book(path, args.customers, args.orders, today)
    worked = _as_built(path, today)
    # start from an empty reminder table; plain sqlite3 without foreign keys, because contact_log.reminder_id
    # has no index and a foreign-key check would scan contact_log once per deleted row
    with sqlite3.connect(path) as raw:
        raw.execute("UPDATE contact_log SET reminder_id = NULL WHERE reminder_id IS NOT NULL")
        raw.execute("DELETE FROM reminder")
    book = Book.open(path, daily_backup=False, backup_root=path.parent / "backups")
    load = os.getloadavg()
    results = []
    with book.session() as s:
        seconds, cpu, n = timed(lambda: s.execute(text(
            "SELECT COUNT(*), SUM(oi.quantity) FROM orders o JOIN order_item oi ON oi.order_id = o.id "
            "WHERE o.is_purchase = 1")).one(), repeat=3)
        results.append(("floor: read every purchase item once", seconds, cpu, f"{n[0]} items"))
    with book.session() as s:
        sizes = s.execute(text("SELECT (SELECT COUNT(*) FROM customer), (SELECT COUNT(*) FROM orders), "
                               "(SELECT COUNT(*) FROM order_item)")).one()
    for label in ("complete regeneration (empty table)", "complete regeneration (again, no change)"):
        with book.session() as s:
            seconds, cpu, r = timed(lambda s=s: regenerate(s, today))
        results.append((label, seconds, cpu, f"written {r.written}, superseded {r.superseded}, expired {r.expired}"))
    with book.session() as s:
        cid = s.scalar(text("SELECT customer_id FROM orders ORDER BY id DESC LIMIT 1"))
        seconds, cpu, _ = timed(lambda: regenerate(s, today, [cid]), repeat=5)
        results.append(("incremental regeneration (1 customer)", seconds, cpu, ""))
    with book.session() as s:
        seconds, cpu, n = timed(lambda: s.execute(text(
            "SELECT COUNT(*) FROM reminder WHERE status = 'open' AND due_date <= :d"), {"d": today.isoformat()})
            .scalar(), repeat=5)
        results.append(("floor: count open due tasks (index only)", seconds, cpu, str(n)))
        seconds, cpu, listed = timed(lambda: day_list(s, today), repeat=5)
        results.append(("Today query, the day's list", seconds, cpu,
                        f"{len(listed.tasks)} shown of {listed.total} due, {listed.overdue} overdue"))
        seconds, cpu, listed = timed(lambda: today_list(s, today), repeat=3)
        results.append(("Today query, whole list", seconds, cpu, f"{len(listed.tasks)} rows"))
        seconds, cpu, count = timed(lambda: due_count(s, today), repeat=5)
        results.append(("due counter", seconds, cpu, str(count)))
        open_rows = s.scalar(text("SELECT COUNT(*) FROM reminder"))
    book.close()
    print(f"\nbook: {sizes[0]} customers, {sizes[1]} orders, {sizes[2]} items, {open_rows} reminder rows; "
          f"today {today}; {platform.processor() or platform.machine()}, Python {platform.python_version()}")
    print(f"load average before: {load[0]:.2f}; after: {os.getloadavg()[0]:.2f} (2 cores shared)")
    print(f"{'what':<42}{'wall s':>8}{'cpu s':>8}  notes")
    for label, seconds, cpu, note in worked + results:
        print(f"{label:<42}{seconds:>8.3f}{cpu:>8.3f}  {note}")


if __name__ == "__main__":
    main()
