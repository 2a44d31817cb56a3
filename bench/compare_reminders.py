"""Same tasks before and after a change of the reminder engine: runs a fixed series of regenerations (complete,
again, later days, some customers, in chunks, other settings, from an empty table) with the code of the current
directory on a copy of BOOK and writes the reminder table after each step to OUTDIR/<step>.tsv.

    cd <old checkout> && python bench/compare_reminders.py BOOK /tmp/old   # e.g. git archive main | tar -x -C …
    cd <new checkout> && python bench/compare_reminders.py BOOK /tmp/new
    diff -r /tmp/old /tmp/new                                             # nothing: identical tasks

The copy and its backups are removed at the end; BOOK itself is never written.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import shutil
import sqlite3
import sys
import time
from pathlib import Path

sys.path.insert(0, os.getcwd())

from sqlalchemy import text

from core.book.db import Book
from core.reminders.generate import regenerate, regenerate_in_chunks
from core.settings import set_setting

src, out = Path(sys.argv[1]), Path(sys.argv[2])
out.mkdir(parents=True, exist_ok=True)
book_path = out / "book.book"
shutil.copy(src, book_path)
COLS = ("rule_key, kind, customer_id, order_id, order_item_id, product_id, coupon_id, complaint_id, bad_review_id, "
        "due_date, status, snoozed_until, facts_json, closed_at, updated_at, outcome")

def dump(name):
    with sqlite3.connect(book_path) as raw:
        rows = raw.execute(f"SELECT {COLS} FROM reminder ORDER BY rule_key").fetchall()
    with open(out / f"{name}.tsv", "w") as f:
        for r in rows:
            f.write("\t".join("" if v is None else str(v) for v in r) + "\n")
    print(name, len(rows), flush=True)

def d(s):
    return dt.date.fromisoformat(s)

book = Book.open(book_path, daily_backup=False, backup_root=out / "backups")
timings = []
def run(name, fn):
    t = time.process_time()
    r = fn()
    timings.append((name, time.process_time() - t, r))
    dump(name)

def full(today, ids=None):
    with book.session() as s:
        return regenerate(s, d(today), ids)
with book.session() as s:
    all_ids = [i for (i,) in s.execute(text("SELECT id FROM customer ORDER BY id"))]
rng = random.Random(3)
some = rng.sample(all_ids, min(500, len(all_ids)))
run("01_first", lambda: full("2026-12-06"))
run("02_again", lambda: full("2026-12-06"))
run("03_later", lambda: full("2026-12-20"))
run("04_some", lambda: full("2027-01-10", some))
run("05_chunks", lambda: regenerate_in_chunks(book.engine, d("2027-01-10"), chunk_customers=7000))
run("06_back", lambda: full("2026-12-06"))
with book.session() as s:
    set_setting(s, "reminder.use_care.enabled", False)
    set_setting(s, "reminder.winback.days", 10)
    set_setting(s, "reminder.repurchase.days", 2)
    set_setting(s, "reminder.arrival_care.days", 3)
run("07_settings", lambda: full("2027-02-01"))
with book.session() as s:
    set_setting(s, "reminder.use_care.enabled", True)
    set_setting(s, "reminder.winback.enabled", False)
run("08_no_winback", lambda: full("2027-02-01"))
with book.session() as s:
    set_setting(s, "reminder.winback.enabled", True)
    set_setting(s, "reminder.horizon_days", 60)
    set_setting(s, "reminder.expire_after_days", 90)
run("09_horizon", lambda: full("2027-02-03"))
with sqlite3.connect(book_path) as raw:
    raw.execute("UPDATE contact_log SET reminder_id = NULL WHERE reminder_id IS NOT NULL")
    raw.execute("DELETE FROM reminder")
run("10_empty", lambda: full("2026-12-06"))
run("11_empty_some", lambda: full("2026-12-07", some[:50]))
book.close()
for name, cpu, r in timings:
    print(f"{name:16} cpu {cpu:6.2f}  {r}")
book_path.unlink()
for p in out.glob("book.book*"):
    p.unlink()
shutil.rmtree(out / "backups", ignore_errors=True)
