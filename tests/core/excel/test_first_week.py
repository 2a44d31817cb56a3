"""A seller's first week, end to end through the command line (scripts/first_week.py): her hand-kept sheet, a Taobao
report with its detail file, a Pinduoduo export with masked phones, a Douyin export with masked receivers, then a
newer Taobao report overlapping the first, each imported on its day in its own process. The book must hold what
really happened: one customer per real person (a Douyin buyer is known only by the mask, so one of her own), every
order once with its lines, products with cycles, a Today list a person can work, and the same file again changes
nothing."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys

import pytest

from scripts import first_week

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def week(tmp_path_factory):
    folder = tmp_path_factory.mktemp("first_week")
    truth = first_week.write(folder, people=150)
    answers = first_week.build(folder, folder / "week.book", people=150)
    return truth, answers, folder


def _cli(*args: str) -> str:
    done = subprocess.run([sys.executable, str(first_week.ROOT / "main.py"), *args], capture_output=True, text=True,
                          cwd=first_week.ROOT, timeout=300, check=True)
    return done.stdout


def _query(folder, sql: str) -> list[tuple]:
    with sqlite3.connect(folder / "week.book") as connection:
        return connection.execute(sql).fetchall()


def test_every_file_of_the_week_imports_without_a_refused_row(week):
    _truth, answers, _folder = week
    assert [(answer["file"], answer["exit"], answer["errors"], answer["rows_skipped"]) for answer in answers] == [
        (name, 0, [], 0) for _day, name in first_week.STEPS]


def test_one_customer_per_person_and_every_order_once(week):
    truth, _answers, folder = week
    masked_only = sum(1 for person in truth.people if "douyin" in person.channels)
    known = sum(1 for person in truth.people if set(person.channels) - {"douyin"})
    assert _query(folder, "SELECT COUNT(*) FROM customer WHERE deleted_at IS NULL") == [(known + masked_only,)]
    expected = {platform: sum(1 for key in truth.orders if key[0] == platform)
                for platform in ("taobao", "pinduoduo", "douyin")}
    assert dict(_query(folder, "SELECT platform, COUNT(*) FROM orders GROUP BY platform")) == {
        **expected, "other": truth.hand_purchases}
    assert _query(folder, "SELECT COUNT(*) FROM order_item") == [(sum(truth.orders.values()) + truth.hand_purchases,)]
    # a real name is never replaced by a mask, and nobody masked holds a real phone
    assert _query(folder, "SELECT COUNT(*) FROM customer WHERE name LIKE '%*%' AND phone_norm != ''") == [(0,)]
    real = {person.name for person in truth.people if set(person.channels) - {"douyin"}}
    assert {name for (name,) in _query(folder, "SELECT name FROM customer WHERE name NOT LIKE '%*%'")} == real


def test_the_goods_become_products_whose_cycles_drive_reminders(week):
    _truth, _answers, folder = week
    products = {product["name"]: product for product in json.loads(_cli("--book", str(folder / "week.book"),
                                                                          "products", "--json"))}
    assert len(products) == len(first_week.GOODS)
    for (_title, _short, _price, days) in first_week.GOODS:
        cycle = [product for product in products.values() if abs((product["suggested_cycle_days"] or 0) - days) <= 5]
        assert cycle, f"no product with a suggested cycle near {days} days: {products}"
    assert all(product["buyers"] > 0 and product["units_sold"] > 0 for product in products.values())
    assert _query(folder, "SELECT COUNT(*) FROM reminder WHERE kind = 'repurchase' AND status = 'open'")[0][0] > 20


def test_today_is_a_list_a_person_can_work(week):
    _truth, _answers, folder = week
    today = json.loads(_cli("--book", str(folder / "week.book"), "today", "--json", "--date", "2026-12-04"))
    assert 10 <= len(today) <= 40  # the daily capacity, with enough due
    assert [task["rank"] for task in today] == list(range(1, len(today) + 1))
    # a customer with two goods running out has a task for each (docs/TODAY.md), but the day reaches many people
    assert len({(task["customer"], task["phone"]) for task in today}) >= len(today) - 5
    assert {"repurchase", "winback"} <= {task["kind"] for task in today}


def test_the_newer_report_again_changes_nothing(week):
    _truth, _answers, folder = week
    again = first_week.import_file(folder / "week.book", folder / first_week.TAOBAO_LATER, "2026-12-04")
    assert again["exit"] == 0
    assert {key: again[key] for key in ("customers_created", "customers_updated", "orders_created", "orders_updated",
                                        "items_added", "products_created")} == dict.fromkeys(
        ("customers_created", "customers_updated", "orders_created", "orders_updated", "items_added",
         "products_created"), 0)


def test_the_same_book_whichever_file_comes_first(week, tmp_path):
    """The hand sheet imported last, the Douyin export first: the same customers, orders, money and products
    (a short name, 蜂蜜, goes to the platform's 云南野生蜂蜜500g; before, 10 products and hand-sheet buyers without a
    reminder)."""
    _truth, _answers, folder = week
    book = tmp_path / "other_order.book"
    subprocess.run([sys.executable, str(first_week.ROOT / "main.py"), "init", str(book)], check=True,
                   capture_output=True, cwd=first_week.ROOT)
    for index in (3, 1, 2, 4, 0):
        day, name = first_week.STEPS[index]
        assert first_week.import_file(book, folder / name, day)["exit"] == 0
    figures = ("SELECT (SELECT COUNT(*) FROM customer), (SELECT COUNT(*) FROM orders), (SELECT SUM(paid_cents) FROM "
               "orders), (SELECT COUNT(*) FROM order_item), (SELECT COUNT(*) FROM product)")
    with sqlite3.connect(book) as connection:
        other = connection.execute(figures).fetchall()
    assert other == _query(folder, figures) and other[0][-1] == len(first_week.GOODS)
