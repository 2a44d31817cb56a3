"""The demo book: builds, is deterministic, is consistent, and looks like a real shop."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import os
import re
import sqlite3
import statistics
import subprocess
import sys
from collections import defaultdict

import pytest
from sqlalchemy import text

from core.book import backup
from core.book.db import Book
from core.book.models import PURCHASE_STATUSES
from core.demo.build import build_demo
from core.demo.data import PRODUCTS, REAL_PEOPLE
from core.errors import Cancelled, RejectedInput
from tests.conftest import ROOT

TODAY = dt.date(2026, 11, 23)


@pytest.fixture(scope="module")
def demo_book(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "shop.book"
    summary = build_demo(path, customers=600, seed=3, today=TODAY)
    return path, summary


def _rows(path, sql, *params):
    con = sqlite3.connect(path)
    try:
        return con.execute(sql, params).fetchall()
    finally:
        con.close()


def test_small_book_builds_and_passes_the_checks(tmp_path):
    path = tmp_path / "small.book"
    seen = []
    summary = build_demo(path, customers=300, seed=1, today=TODAY, progress=lambda d, t, m: seen.append((d, t)))
    assert summary.customers == 300
    assert 20 <= summary.products <= 40
    assert 3 * 300 <= summary.orders <= 8 * 300
    assert summary.order_items >= summary.orders
    assert backup.quick_check(path) == []
    assert _rows(path, "PRAGMA foreign_key_check") == []
    assert _rows(path, "PRAGMA journal_mode") == [("wal",)]
    assert [d for d, _ in seen] == sorted(d for d, _ in seen) and seen[-1] == (100, 100)
    with Book.open(path, backup_root=tmp_path / "backups") as book, book.session() as s:
        assert s.execute(text("SELECT COUNT(*) FROM customer")).scalar() == 300


def test_same_seed_gives_the_same_book_and_another_seed_does_not(tmp_path):
    def build(name, seed):
        path = tmp_path / name
        summary = build_demo(path, customers=300, seed=seed, today=TODAY)
        names = _rows(path, "SELECT name, real_name, phone FROM customer ORDER BY id LIMIT 20")
        paid = _rows(path, "SELECT SUM(paid_cents), SUM(refund_cents), COUNT(*) FROM orders")
        return summary, names, paid

    first, again, other = build("a.book", 7), build("b.book", 7), build("c.book", 8)
    assert first == again
    assert first[0].paid_cents > 0
    assert other[1] != first[1]


def test_refuses_an_existing_file_and_leaves_it_alone(tmp_path):
    path = tmp_path / "mine.book"
    path.write_bytes(b"not yours")
    with pytest.raises(RejectedInput) as err:
        build_demo(path, customers=10, today=TODAY)
    assert err.value.code == "book_exists"
    assert path.read_bytes() == b"not yours"


def test_cancel_removes_the_half_built_book(tmp_path):
    path = tmp_path / "cancelled.book"
    calls = []

    def cancelled():
        calls.append(1)
        return len(calls) > 3

    with pytest.raises(Cancelled):
        build_demo(path, customers=300, today=TODAY, is_cancelled=cancelled)
    assert not path.exists()
    assert not list(tmp_path.iterdir())


def test_amounts_statuses_and_dates_are_consistent(demo_book):
    path, _ = demo_book
    assert _rows(path, "SELECT COUNT(*) FROM orders WHERE goods_cents + postage_cents - discount_cents != paid_cents"
                 ) == [(0,)]
    assert _rows(path, "SELECT COUNT(*) FROM orders o WHERE goods_cents !="
                 " (SELECT SUM(amount_cents) FROM order_item i WHERE i.order_id = o.id)") == [(0,)]
    assert _rows(path, "SELECT COUNT(*) FROM order_item WHERE amount_cents != quantity * unit_price_cents") == [(0,)]
    statuses = dict(_rows(path, "SELECT status, SUM(is_purchase) FROM orders GROUP BY status"))
    assert {"completed", "closed", "refunded", "partial_refund"} <= set(statuses)
    for status, purchases in statuses.items():
        assert bool(purchases) == (status in PURCHASE_STATUSES), status
    assert _rows(path, "SELECT COUNT(*) FROM orders WHERE order_date != substr(created_at, 1, 10)") == [(0,)]
    assert _rows(path, "SELECT MAX(order_date) FROM orders")[0][0] <= TODAY.isoformat()
    assert _rows(path, "SELECT MIN(order_date) FROM orders")[0][0] >= (TODAY - dt.timedelta(days=731)).isoformat()
    assert _rows(path, "SELECT COUNT(*) FROM orders WHERE status = 'refunded' AND refund_cents != paid_cents") == [(0,)]
    assert _rows(path, "SELECT COUNT(*) FROM orders WHERE paid_at IS NULL AND is_purchase") == [(0,)]
    # time runs forward: order events in sequence, customers exist before their orders, nothing after
    # the book's clock (today 20:00)
    assert _rows(path, "SELECT COUNT(*) FROM orders WHERE paid_at < created_at OR shipped_at < paid_at"
                       " OR delivered_at < shipped_at OR completed_at < delivered_at") == [(0,)]
    assert _rows(path, "SELECT COUNT(*) FROM orders o JOIN customer c ON c.id = o.customer_id"
                       " WHERE o.created_at < c.created_at") == [(0,)]
    last = f"{TODAY.isoformat()} 20:00:00.000000"
    assert _rows(path, "SELECT MAX(MAX(created_at), MAX(COALESCE(paid_at, '')), MAX(COALESCE(completed_at, '')),"
                       " MAX(updated_at)) FROM orders")[0][0] <= last
    # in-flight orders are recent
    assert _rows(path, "SELECT MIN(order_date) FROM orders WHERE status IN ('unpaid', 'paid')")[0][0] >= (
        TODAY - dt.timedelta(days=3)).isoformat()


def test_platform_order_numbers_are_text_in_each_platform_format(demo_book):
    path, _ = demo_book
    numbers = defaultdict(list)
    for platform, number in _rows(path, "SELECT platform, platform_order_no FROM orders"):
        numbers[platform].append(number)
    assert {"wechat", "taobao", "pinduoduo", "douyin", "youzan"} <= set(numbers)
    assert all(re.fullmatch(r"\d{18}", n) for n in numbers["taobao"])
    assert all(re.fullmatch(r"\d{6}-\d{15}", n) for n in numbers["pinduoduo"])
    assert all(re.fullmatch(r"E\d{23}", n) for n in numbers["youzan"])
    assert all(n is None for n in numbers["wechat"])
    typed = _rows(path, "SELECT DISTINCT typeof(platform_order_no) FROM orders WHERE platform = 'taobao'")
    assert typed == [("text",)]


def test_customers_look_real(demo_book):
    path, _ = demo_book
    rows = _rows(path, "SELECT real_name, phone, phone_norm, province, search_text, name_initials FROM customer")
    assert not {r[0] for r in rows} & REAL_PEOPLE
    mobiles = [r[2] for r in rows if r[2]]
    assert len(mobiles) == len(set(mobiles)) and len(mobiles) > 0.8 * len(rows)
    assert all(re.fullmatch(r"1[3-9]\d{9}", m) for m in mobiles)
    assert any("****" in r[1] for r in rows)  # masked phones from platform exports
    provinces = [r[3] for r in rows]
    assert len(set(provinces)) > 15
    assert provinces.count("广东省") > provinces.count("青海省")
    assert all(r[4] and r[5] for r in rows if r[0])
    counts = dict(_rows(path, "SELECT 'dnd', SUM(do_not_disturb) FROM customer UNION ALL"
                              " SELECT 'referred', COUNT(referred_by_id) FROM customer UNION ALL"
                              " SELECT 'lunar', SUM(birthday_lunar) FROM customer UNION ALL"
                              " SELECT 'wechat', SUM(wechat_id != '') FROM customer"))
    assert all(v > 0 for v in counts.values()), counts


def test_derived_figures_are_refreshed_and_some_customers_churn(demo_book):
    path, _ = demo_book
    mismatched = _rows(path, """
        SELECT COUNT(*) FROM customer c LEFT JOIN (
          SELECT customer_id, COUNT(DISTINCT order_date) AS days, MAX(order_date) AS last
          FROM orders WHERE is_purchase GROUP BY customer_id) o ON o.customer_id = c.id
        WHERE c.purchase_days != COALESCE(o.days, 0) OR c.last_purchase_on IS NOT o.last""")
    assert mismatched == [(0,)]
    days = [r[0] for r in _rows(path, "SELECT purchase_days FROM customer")]
    assert days.count(0) > 0 and days.count(1) > 0.15 * len(days)
    assert sum(1 for d in days if d >= 8) > 0.05 * len(days)  # loyal ones
    lapsed = _rows(path, "SELECT COUNT(*) FROM customer WHERE purchase_days >= 2 AND last_purchase_on < ?",
                   (TODAY - dt.timedelta(days=200)).isoformat())
    assert lapsed[0][0] > 0
    assert _rows(path, "SELECT COUNT(*) FROM customer WHERE purchase_days > 0 AND member_level_id IS NULL") == [(0,)]


def test_repurchase_intervals_follow_the_product_cycles(demo_book):
    """Days between two purchases of a product, per unit bought the first time, sit near its cycle."""
    path, _ = demo_book
    cycles = {pid: cycle for pid, cycle in _rows(path, "SELECT id, cycle_days FROM product")}
    rows = _rows(path, "SELECT o.customer_id, i.product_id, o.order_date, i.quantity FROM orders o"
                       " JOIN order_item i ON i.order_id = o.id WHERE o.is_purchase ORDER BY 1, 2, 3")
    gaps = defaultdict(list)
    for (c0, p0, d0, qty), (c1, p1, d1, _) in itertools.pairwise(rows):
        if c0 == c1 and p0 == p1 and d1 != d0:
            gaps[p1].append((dt.date.fromisoformat(d1) - dt.date.fromisoformat(d0)).days / qty)
    checked = 0
    for pid, found in gaps.items():
        if cycles[pid] and len(found) >= 15:
            ratio = statistics.median(found) / cycles[pid]
            assert 0.7 <= ratio <= 1.6, (pid, cycles[pid], statistics.median(found))
            checked += 1
    assert checked >= 15


def test_products_and_after_sales_rows(demo_book):
    path, summary = demo_book
    products = _rows(path, "SELECT name, category, price_cents, cycle_days FROM product")
    assert len(products) == len(PRODUCTS)
    assert {"蜂蜜", "面膜", "茶叶", "梅子酒", "护肤", "零食"} <= {p[1] for p in products}
    assert summary.complaints > 0 and summary.bad_reviews > 0
    steps = _rows(path, "SELECT complaint_id, COUNT(*), MAX(step) FROM complaint_step GROUP BY complaint_id")
    assert all(count == top for _, count, top in steps)  # steps ticked in order
    assert {r[0] for r in _rows(path, "SELECT level FROM bad_review")} <= {"mid", "bad"}
    assert _rows(path, "SELECT COUNT(*) FROM contact_log WHERE bad_review_id IS NOT NULL")[0][0] >= summary.bad_reviews
    balances = _rows(path, "SELECT MIN(total) FROM (SELECT SUM(delta) AS total FROM points_ledger GROUP BY customer_id)")
    assert balances[0][0] >= 0
    assert _rows(path, "SELECT COUNT(*) FROM member_level") == [(4,)]
    used = _rows(path, "SELECT COUNT(*) FROM coupon c JOIN orders o ON o.id = c.used_order_id"
                       " WHERE o.discount_cents < c.value_cents")
    assert used == [(0,)]


@pytest.mark.slow
def test_command_line_demo_then_check(tmp_path):
    """`main.py demo` twice with one seed and day gives the same figures; `main.py check` passes it."""
    env = {**os.environ, "HUITOUKE_DATA_DIR": str(tmp_path / "data")}

    def run(*args):
        return subprocess.run([sys.executable, str(ROOT / "main.py"), *map(str, args)], cwd=ROOT,
                              capture_output=True, text=True, env=env, timeout=300)

    figures = []
    for name in ("a.book", "b.book"):
        out = run("demo", tmp_path / name, "--customers", 200, "--seed", 7, "--today", "2026-11-23", "--json")
        assert out.returncode == 0, out.stderr
        figures.append({k: v for k, v in json.loads(out.stdout).items() if k != "seconds"})
    assert figures[0] == figures[1] and figures[0]["customers"] == 200
    assert run("check", "--book", tmp_path / "a.book").returncode == 0
    refused = run("demo", tmp_path / "a.book", "--today", "2026-11-23")
    assert refused.returncode == 2 and json.loads(refused.stderr)["error"]["code"] == "book_exists"
