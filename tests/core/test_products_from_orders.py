"""Products from a seller's order history (issue #17): an import with no products in the book creates them,
suggests per-unit cycles, and a product sheet imported before or after the orders ends in the same book and
the same Today list. Real CLI processes on a real book file; a fixed day for the reminders."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from tests.core.excel.files import TAOBAO_HEADERS, taobao_row, write_csv, write_xlsx
from tests.core.test_cli import run

D = dt.date(2026, 6, 15)
HONEY, MASK, TEA = "洋槐蜂蜜 500g", "面膜 30片", "红糖姜茶"
SHEET_CYCLES = {HONEY: 40, MASK: 30, TEA: 20}
TITLES = {HONEY: ("【包邮】洋槐蜂蜜500g", "洋槐蜂蜜 500g（原味）", "【顺丰】洋槐蜂蜜５００ｇ"),
          MASK: ("【顺丰】面膜30片", "面膜30片"), TEA: ("红糖姜茶【热卖】", "红糖姜茶")}
# phone → purchases (day, product, quantity)
HISTORY = {
    "13800000001": [("2026-02-10", HONEY, 2), ("2026-05-01", HONEY, 2)],  # 2 jars every 80 days: 40 per jar
    "13800000002": [("2026-04-01", HONEY, 1), ("2026-05-05", HONEY, 1)],
    "13800000003": [("2026-03-01", HONEY, 1)],
    "13800000004": [("2026-05-10", MASK, 1)],
    "13800000005": [("2026-04-01", MASK, 1), ("2026-04-25", MASK, 1)],
    "13800000006": [("2026-05-20", TEA, 1)],
    "13800000007": [("2026-04-20", TEA, 1)],
    "13800000008": [("2025-11-01", TEA, 1), ("2025-12-01", TEA, 1)],
}


def _orders_csv(path):
    rows, number = [TAOBAO_HEADERS], 0
    for phone, purchases in HISTORY.items():
        for day, product, quantity in purchases:
            number += 1
            title = TITLES[product][number % len(TITLES[product])]
            amount = f"{68 * quantity:.2f}"
            rows.append(taobao_row(f"35153131473{number:04d}", f"tb{phone[-4:]}", f"买家{phone[-2:]}", phone,
                                   "浙江省 杭州市 西湖区 文三路1号", f"{day} 10:00:00", f"{day} 10:05:00", title,
                                   quantity, amount, "0.00", amount, "交易成功"))
    return write_csv(path, rows, encoding="gbk", quote_all=True)


def _product_sheet(path):
    return write_xlsx(path, {"商品": [["商品名称", "使用周期"], *[[n, c] for n, c in SHEET_CYCLES.items()]]})


def expected_cycle_tasks(cycles: dict[str, int], lead: int = 3, expire_after: int = 30) -> set[tuple[str, str, str]]:
    """DOMAIN.md §3 by hand: from each customer's latest purchase day of a product, run-out = day + cycle ×
    quantity; repurchase due lead days before it, win-back one cycle after it; a task more than 30 days
    overdue has expired, and the repurchase task closes once the win-back is due."""
    tasks = set()
    for phone, purchases in HISTORY.items():
        latest: dict[str, tuple[dt.date, int]] = {}
        for day, product, quantity in purchases:
            latest[product] = (dt.date.fromisoformat(day), quantity)
        for product, (day, quantity) in latest.items():
            runout = day + dt.timedelta(days=cycles[product] * quantity)
            repurchase, winback = runout - dt.timedelta(days=lead), runout + dt.timedelta(days=cycles[product])
            if winback <= D:
                if (D - winback).days <= expire_after:
                    tasks.add((phone, "winback", winback.isoformat()))
            elif repurchase <= D and (D - repurchase).days <= expire_after:
                tasks.add((phone, "repurchase", repurchase.isoformat()))
    return tasks


def _today(book) -> list[tuple[str, str, str]]:
    every = ["--all"] if "--all" in run("today", "--help").stdout else []  # every open task due, not a day's list
    out = run("today", "--book", book, "--date", D.isoformat(), "--json", *every)
    assert out.returncode == 0, out.stderr
    return sorted((row["phone"], row["kind"], row["due"]) for row in json.loads(out.stdout))


def _products(book) -> dict[str, dict]:
    out = run("products", "--book", book, "--json")
    assert out.returncode == 0, out.stderr
    return {row["name"]: row for row in json.loads(out.stdout)}


def _import(book, path) -> dict:
    out = run("import", str(path), "--book", book, "--today", D.isoformat(), "--json")
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


@pytest.mark.slow
@pytest.mark.sqlite_only
def test_orders_then_product_sheet_equals_product_sheet_then_orders(tmp_path):
    orders, sheet = _orders_csv(tmp_path / "ExportOrderList202606.csv"), _product_sheet(tmp_path / "商品.xlsx")
    first, second = tmp_path / "orders_first.book", tmp_path / "sheet_first.book"
    for book in (first, second):
        assert run("init", book).returncode == 0

    assert _import(first, orders)["products_created"] == 3
    products = _products(first)
    assert set(products) == {HONEY, MASK, TEA}  # promotional brackets, full width and variants folded away
    assert {n: (p["suggested_cycle_days"], p["suggestion_basis"], p["cycle_days"]) for n, p in products.items()} == {
        HONEY: (37, 2, None), MASK: (24, 1, None), TEA: (30, 1, None)}  # honey: median of 40 (80 / 2) and 34
    assert (products[HONEY]["buyers"], products[HONEY]["units_sold"]) == (3, 7)
    assert all(p["cycle_is_suggested"] for p in products.values())
    assert not {kind for _phone, kind, _due in _today(first)} & {"repurchase", "winback"}  # 1–2 intervals: no basis

    sheet_result = _import(first, sheet)
    assert (sheet_result["products_created"], sheet_result["products_updated"]) == (0, 3)
    products = _products(first)
    assert {n: p["cycle_days"] for n, p in products.items()} == SHEET_CYCLES
    assert not any(p["cycle_is_suggested"] for p in products.values())

    assert _import(second, sheet)["products_created"] == 3
    assert _import(second, orders)["products_created"] == 0
    assert {n: p["cycle_days"] for n, p in _products(second).items()} == SHEET_CYCLES

    listed = _today(first)
    assert listed == _today(second)
    expected = expected_cycle_tasks(SHEET_CYCLES)
    assert {kind for _p, kind, _d in expected} == {"repurchase", "winback"}
    assert {task for task in listed if task[1] in ("repurchase", "winback")} == expected
