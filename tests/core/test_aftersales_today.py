"""After-sales tasks in the Today list: `today --json` shows complaint and review kinds until handled."""

from __future__ import annotations

import datetime as dt
import json

from core.aftersales.service import AftersalesService
from core.book.db import Book
from core.cli import main
from tests.core.aftersales_support import FixedClock, add_customer


def _today(capsys, path, day: str) -> list[dict]:
    assert main(["today", "--book", str(path), "--date", day, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_today_json_lists_complaint_and_review_tasks(tmp_path, capsys):
    path = tmp_path / "b.book"
    book = Book.open(path, create=True, backup_root=tmp_path / "backups")
    clock = FixedClock(dt.datetime(2026, 3, 10, 9, 0))
    svc = AftersalesService(book, clock)
    wang, li = add_customer(book, "王芳", phone="13800138000"), add_customer(book, "李雷")
    complaint = svc.complaints.open(wang, kind="quality", opened_at=dt.datetime(2026, 3, 8, 9, 0))
    review = svc.reviews.open(li, platform="taobao", level="bad", review_date=dt.date(2026, 3, 9))
    svc.reviews.log_attempt(review.id, channel="phone", result="no_answer")
    book.close()

    on_10th = _today(capsys, path, "2026-03-10")
    assert [(r["customer"], r["kind"], r["due"], r["overdue_days"]) for r in on_10th] == [
        ("王芳", "complaint", "2026-03-09", 1)]  # the review was tried today: back tomorrow
    on_11th = _today(capsys, path, "2026-03-11")
    assert {(r["customer"], r["kind"], r["due"]) for r in on_11th} == {
        ("王芳", "complaint", "2026-03-09"), ("李雷", "review", "2026-03-11")}
    assert all(r["reason"] and r["message"] for r in on_11th)

    book = Book.open(path, backup_root=tmp_path / "backups")
    svc = AftersalesService(book, clock)
    clock.now = dt.datetime(2026, 3, 11, 10, 0)
    svc.complaints.tick_step(complaint.id, 1)
    svc.reviews.record_outcome(review.id, "revised")
    book.close()
    assert _today(capsys, path, "2026-03-11") == []
    # the review's deadline check and the complaint's follow-up never come back once handled
    assert _today(capsys, path, "2026-04-30") == []
