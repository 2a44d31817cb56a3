"""Core benchmark: build the 100k-customer demo book, time customer search and per-customer aggregates.

Usage:  python bench/bench_core.py [--book PATH] [--customers 100000] [--seed 1] [--queries 200]
With --book an existing demo book is reused (no build); otherwise one is built in a temp folder.
Prints a table of figures next to the floors of DESIGN.md ("Performance"), with ratios. The raw
sqlite3 insert floor is measured in the same run on the same customer and order rows.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from core import customer_stats
from core.book.db import Book
from core.customers import CustomerService
from core.demo.build import build_demo
from core.dto import CustomerQuery

TODAY = dt.date(2026, 11, 23)
SEARCH_P95_TARGET_MS = 30.0
BUILD_TARGET_S = 60.0
LIKE_FLOOR_MS = (15.0, 19.0)
AGGREGATE_FLOOR_S = 0.18
RAW_INSERT_FLOOR_S = 2.9
AGGREGATE_SQL = (
    "SELECT customer_id, MIN(order_date), MAX(order_date), COUNT(DISTINCT order_date), COUNT(*),"
    " SUM(paid_cents - refund_cents) FROM orders WHERE is_purchase GROUP BY customer_id"
)


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    mem = subprocess.run(["free", "-h"], capture_output=True, text=True).stdout.splitlines()[1].split()[1]
    return f"{os.cpu_count()} cores ({cpu}), {mem} RAM, SQLite {sqlite3.sqlite_version}, Python {platform.python_version()}"


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def timed_ms(fn, queries) -> tuple[list[float], list[float]]:
    """(wall ms, CPU ms of this process) per query. CPU time shows the cost when other programs load
    the machine; wall time is what the seller waits."""
    wall, cpu = [], []
    for q in queries:
        t, c = time.perf_counter(), time.process_time()
        fn(q)
        wall.append((time.perf_counter() - t) * 1000)
        cpu.append((time.process_time() - c) * 1000)
    return wall, cpu


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1]


def raw_insert_floor(book: Path, folder: Path) -> tuple[float, float]:
    """(wall, CPU) seconds plain sqlite3 takes to insert the book's customer and order rows into bare tables."""
    src = sqlite3.connect(book)
    tables = {}
    for name in ("customer", "orders"):
        sql = src.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)).fetchone()[0]
        rows = src.execute(f"SELECT * FROM {name}").fetchall()
        tables[name] = (sql, rows)
    src.close()
    target = folder / "floor.sqlite"
    target.unlink(missing_ok=True)
    dst = sqlite3.connect(target)
    dst.execute("PRAGMA journal_mode=WAL")
    dst.execute("PRAGMA synchronous=NORMAL")
    t, c = time.perf_counter(), time.process_time()
    for name, (sql, rows) in tables.items():
        dst.execute(sql)
        dst.executemany(f"INSERT INTO {name} VALUES ({', '.join('?' * len(rows[0]))})", rows)
    dst.commit()
    seconds, cpu = time.perf_counter() - t, time.process_time() - c
    dst.close()
    target.unlink()
    return seconds, cpu


def sample_queries(book: Path, count: int, seed: int) -> dict[str, list[str]]:
    """`count` queries of each kind, drawn from the book so they find someone."""
    con = sqlite3.connect(book)
    names = [r[0] for r in con.execute("SELECT DISTINCT real_name FROM customer WHERE length(real_name) = 2")]
    initials = [r[0] for r in con.execute("SELECT DISTINCT name_initials FROM customer WHERE name_initials != ''")]
    phones = [r[0] for r in con.execute("SELECT phone_norm FROM customer WHERE length(phone_norm) = 11")]
    con.close()
    rng = random.Random(seed)
    fragments = []
    for _ in range(count):
        phone = rng.choice(phones)
        start = rng.randrange(0, 8)
        fragments.append(phone[start:start + 4])
    return {
        "2-char Chinese name": [rng.choice(names) for _ in range(count)],
        "pinyin initials": [rng.choice(initials) for _ in range(count)],
        "4-digit phone fragment": fragments,
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--book", type=Path, help="reuse this demo book instead of building one")
    ap.add_argument("--customers", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--queries", type=int, default=200)
    args = ap.parse_args()

    print(f"machine: {machine()}")
    print(f"load average at start: {load()}")
    folder = Path(tempfile.mkdtemp(prefix="huitouke-bench-"))
    rows: list[tuple[str, str, str, str]] = []  # what, measured, floor/target, ratio
    try:
        book_path = args.book
        if book_path is None:
            book_path = folder / "bench.book"
            wall, cpu = time.perf_counter(), time.process_time()
            summary = build_demo(book_path, customers=args.customers, seed=args.seed, today=TODAY)
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            print(f"built: {summary}")
            floor, floor_cpu = raw_insert_floor(book_path, folder)
            rows.append((f"build {summary.customers:,} customers / {summary.orders:,} orders (wall)",
                         f"{wall:.1f} s", f"target < {BUILD_TARGET_S:.0f} s", f"{wall / BUILD_TARGET_S:.2f}"))
            rows.append(("  same build, CPU time of this process (both threads)", f"{cpu:.1f} s",
                         f"target < {BUILD_TARGET_S:.0f} s", f"{cpu / BUILD_TARGET_S:.2f}"))
            rows.append(("  raw sqlite3 insert of the same customer + order rows", f"{floor:.1f} s (CPU {floor_cpu:.1f} s)",
                         f"floor {RAW_INSERT_FLOOR_S} s", f"build/raw {wall / floor:.1f}× (CPU {cpu / floor_cpu:.1f}×)"))

        queries = sample_queries(book_path, args.queries, args.seed)
        raw = sqlite3.connect(book_path)
        book = Book.open(book_path, daily_backup=False, backup_root=folder / "backups")
        try:
            service = CustomerService(book)
            for kind, qs in queries.items():
                service.search(qs[0], today=TODAY)  # warm the page cache once per kind
                api = timed_ms(lambda q: service.search(q, today=TODAY), qs)
                page = timed_ms(lambda q: service.list_page(CustomerQuery(text=q, limit=50, today=TODAY)), qs)
                covering = timed_ms(lambda q: raw.execute(
                    "SELECT id FROM customer WHERE id IN (SELECT id FROM customer WHERE instr(search_text, ?) > 0)"
                    " AND deleted_at IS NULL LIMIT 50", (q,)).fetchall(), qs)
                naive = timed_ms(lambda q: raw.execute(
                    "SELECT id FROM customer WHERE search_text LIKE ? AND deleted_at IS NULL LIMIT 50",
                    (f"%{q}%",)).fetchall(), qs)
                for label, (wall, cpu) in (
                        (f"search '{kind}': CustomerService.search (limit 20)", api),
                        ("  same queries: list_page(text, limit=50)", page),
                        ("  same queries: raw SQL, instr() on the covering index, LIMIT 50", covering),
                        ("  same queries: raw SQL, LIKE + deleted_at (table scan), LIMIT 50", naive)):
                    rows.append((label, f"median {statistics.median(wall):.1f} ms, p95 {p95(wall):.1f} ms"
                                 f" (CPU median {statistics.median(cpu):.1f}, p95 {p95(cpu):.1f})",
                                 f"p95 ≤ {SEARCH_P95_TARGET_MS:.0f} ms",
                                 f"{p95(wall) / SEARCH_P95_TARGET_MS:.2f} (CPU {p95(cpu) / SEARCH_P95_TARGET_MS:.2f})"))
            wall, cpu = timed_ms(lambda q: raw.execute(
                "SELECT COUNT(*) FROM customer WHERE search_text LIKE ?", (f"%{q}%",)).fetchall(),
                queries["2-char Chinese name"][:50])
            rows.append(("full LIKE scan over every customer's search_text (COUNT)",
                         f"median {statistics.median(wall):.1f} ms (CPU {statistics.median(cpu):.1f})",
                         f"floor {LIKE_FLOOR_MS[0]:.0f}–{LIKE_FLOOR_MS[1]:.0f} ms",
                         f"{statistics.median(wall) / LIKE_FLOOR_MS[1]:.2f}"))

            t, c = time.perf_counter(), time.process_time()
            n = len(raw.execute(AGGREGATE_SQL).fetchall())
            agg, agg_cpu = time.perf_counter() - t, time.process_time() - c
            rows.append((f"raw per-customer aggregate SELECT over all orders ({n:,} buyers)",
                         f"{agg:.2f} s (CPU {agg_cpu:.2f} s)", f"floor {AGGREGATE_FLOOR_S} s",
                         f"{agg / AGGREGATE_FLOOR_S:.1f} (CPU {agg_cpu / AGGREGATE_FLOOR_S:.1f})"))
            with book.session() as s:
                t, c = time.perf_counter(), time.process_time()
                changed = customer_stats.refresh(s)
                refresh, refresh_cpu = time.perf_counter() - t, time.process_time() - c
            rows.append((f"customer_stats.refresh over all customers ({changed:,} rows written)",
                         f"{refresh:.2f} s (CPU {refresh_cpu:.2f} s)", f"floor {AGGREGATE_FLOOR_S} s (the SELECT)",
                         f"{refresh / AGGREGATE_FLOOR_S:.1f}"))
        finally:
            book.close()
            raw.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)

    print(f"load average at end: {load()}")
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    header = ("what", "measured", "floor / target", "ratio")
    print("| " + " | ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)) + " |")
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for r in rows:
        print("| " + " | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
