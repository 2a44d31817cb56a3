"""A believable demo: the seller has been working the list, so a 3,000-customer demo opens with a day's work.

Built once (about 10 s) with a fixed `today`; `today` is run through the command line in this process.
"""

from __future__ import annotations

import collections
import datetime as dt
import json

import pytest
from sqlalchemy import text

from core.book.db import Book
from core.cli import main
from core.demo.build import build_demo

TODAY = dt.date(2026, 12, 6)


@pytest.fixture(scope="module")
def demo_3000(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "d3000.book"
    build_demo(path, customers=3000, seed=7, today=TODAY)
    return path


def _today(path, capsys, *extra) -> list[dict]:
    capsys.readouterr()
    assert main(["today", "--book", str(path), "--date", TODAY.isoformat(), "--json", *extra]) == 0
    return json.loads(capsys.readouterr().out)


@pytest.mark.slow
def test_the_demo_opens_with_a_full_day_of_mixed_work(demo_3000, capsys):
    day = _today(demo_3000, capsys)
    everything = _today(demo_3000, capsys, "--all")
    assert 10 <= len(day) <= 40
    kinds = collections.Counter(r["kind"] for r in day)
    assert kinds["complaint"] >= 1 and kinds["review"] >= 1, kinds
    assert len(kinds) >= 5, kinds  # mixed kinds, not one long run of repurchase reminders
    assert [r["rank"] for r in day] == list(range(1, len(day) + 1))
    # --all is a superset: the day's list is its head, in the same order
    assert len(everything) >= len(day) and everything[:len(day)] == day
    late = sum(r["overdue_days"] > 7 for r in everything)
    assert late * 4 <= len(everything), (late, len(everything))


def test_the_past_was_worked_with_contact_log_lines(demo_3000):
    with Book.open(demo_3000, daily_backup=False) as book, book.session() as s:
        statuses = dict(s.execute(text("SELECT status, COUNT(*) FROM reminder GROUP BY status")).all())
        assert statuses["done"] > 0 and statuses["skipped"] > 0 and statuses["snoozed"] > 0
        unlogged = s.execute(text(
            "SELECT COUNT(*) FROM reminder r WHERE r.status IN ('done', 'skipped') AND NOT EXISTS "
            "(SELECT 1 FROM contact_log l WHERE l.reminder_id = r.id OR l.complaint_id = r.complaint_id "
            "OR l.bad_review_id = r.bad_review_id)")).scalar()
        assert unlogged == 0  # worked from the Today list, or in the case dialogs (complaint, review)
        # the open cases' tasks were written as the services write them
        assert s.execute(text("SELECT COUNT(*) FROM reminder WHERE rule_key LIKE 'complaint:%'")).scalar() > 0
        assert s.execute(text("SELECT COUNT(*) FROM reminder WHERE rule_key LIKE 'review:%'")).scalar() > 0
        assert s.execute(text(
            "SELECT COUNT(*) FROM complaint c WHERE c.status = 'open' AND NOT EXISTS "
            "(SELECT 1 FROM reminder r WHERE r.complaint_id = c.id)")).scalar() == 0
