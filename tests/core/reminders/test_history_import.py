"""An imported order history opens no tasks for moments long past (fixed clock, real CSV through the importer).

A customer's current state gives at most one due product-cycle task per product: repurchase if the run-out
is near or recent, win-back once it is long past, nothing for a purchase two years old — never the use
care, arrival care or repurchase that the history passed on the way.
"""

from __future__ import annotations

import datetime as dt
import json

from core.book.db import Book
from core.cli import main
from core.dto import ProductInput
from core.products import ProductService

TODAY = dt.date(2026, 6, 1)


def _history(path, rows):
    lines = ["客户,手机,商品,数量,下单时间,实付"]
    lines += [f"{name},{phone},{product},1,{day.isoformat()} 10:00,68" for name, phone, product, day in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_a_year_of_history_gives_one_task_per_customer_and_product(tmp_path, capsys):
    book_path = tmp_path / "shop.book"
    book = Book.open(book_path, create=True, backup_root=tmp_path / "backups")
    ProductService(book).create(ProductInput(name="蜂蜜500g", price_cents=6800, cycle_days=30, lead_days=3))
    ProductService(book).create(ProductInput(name="普洱茶", price_cents=6800, cycle_days=60, lead_days=3))
    book.close()

    def monthly(name, phone, product, last_days_ago, times=12, every=30):
        last = TODAY - dt.timedelta(days=last_days_ago)
        return [(name, phone, product, last - dt.timedelta(days=every * i)) for i in range(times)]

    rows = (
        monthly("用着呢", "13800000001", "蜂蜜500g", 20)  # use care due 5 days ago, repurchase in 7 days
        + monthly("快用完", "13800000002", "蜂蜜500g", 28)  # repurchase due yesterday
        + monthly("刚用完", "13800000003", "蜂蜜500g", 50)  # ran out 20 days ago: repurchase (win-back in 10 days)
        + monthly("早用完", "13800000004", "蜂蜜500g", 75)  # ran out 45 days ago, win-back due 15 days ago
        + monthly("两年前", "13800000005", "蜂蜜500g", 730, times=3)  # long gone: nothing
        + monthly("两样都买", "13800000006", "蜂蜜500g", 28)
        + monthly("两样都买", "13800000006", "普洱茶", 130, times=4, every=60)  # tea ran out 70 days ago: win-back
    )
    _history(tmp_path / "history.csv", rows)
    assert main(["import", str(tmp_path / "history.csv"), "--book", str(book_path), "--json"]) == 0
    capsys.readouterr()
    assert main(["today", "--book", str(book_path), "--date", TODAY.isoformat(), "--all", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    cycle = [(r["customer"], r["kind"], r["reason"]) for r in listed
             if r["kind"] in ("arrival_care", "use_care", "repurchase", "winback")]
    assert sorted((name, kind) for name, kind, _ in cycle) == sorted([
        ("用着呢", "use_care"),
        ("快用完", "repurchase"),
        ("刚用完", "repurchase"),
        ("早用完", "winback"),
        ("两样都买", "repurchase"),  # honey
        ("两样都买", "winback"),  # tea
    ])
    tasks_of_both = [reason for name, _, reason in cycle if name == "两样都买"]
    assert sum("蜂蜜" in reason for reason in tasks_of_both) == sum("普洱茶" in reason for reason in tasks_of_both) == 1
    assert not any(r["customer"] == "两年前" for r in listed)
    assert all(r["overdue_days"] <= 30 for r in listed)
