"""An import's dry run does not regenerate the reminders (#21): nothing it reports depends on them, and on a shared
book the regeneration's "reminders" lock, held until the dry run rolls back, kept another user's save waiting."""

from __future__ import annotations

import dataclasses
import datetime as dt
import zlib

import pytest
from sqlalchemy import text

from core.book.db import Book
from core.book.dialect import _APP_LOCK_SPACE
from core.excel.importer import ImportOptions, run_import
from core.reminders import generate
from tests.core.excel.files import taobao_rows, write_csv

TODAY = dt.date(2024, 7, 1)
COUNTED = ("customers_created", "customers_updated", "orders_created", "orders_updated", "orders_unchanged",
           "products_created", "products_updated", "rows_read", "rows_skipped", "items_added", "items_replaced")


def _figures(result) -> dict:
    return {name: getattr(result, name) for name in COUNTED} | {
        "errors": len(result.errors), "proposals": len(result.proposals), "risk_buyers": result.risk_buyers}


def test_a_dry_run_reports_what_the_import_does_without_regenerating_the_reminders(book, tmp_path, monkeypatch):
    run_import(book, write_csv(tmp_path / "first.csv", taobao_rows(60, 25, seed=3)), ImportOptions(today=TODAY))
    data = write_csv(tmp_path / "more.csv", taobao_rows(200, 90, seed=5))
    regenerated: list[object] = []
    real = generate.regenerate
    monkeypatch.setattr(generate, "regenerate", lambda *a, **k: (regenerated.append(a), real(*a, **k))[-1])
    checked = run_import(book, data, ImportOptions(today=TODAY, dry_run=True))
    assert checked.dry_run and regenerated == []
    done = run_import(book, data, ImportOptions(today=TODAY))
    assert regenerated  # the import itself does
    assert _figures(checked) == _figures(done)
    assert dataclasses.replace(checked, dry_run=False, batch_id=None, reviews=()).summary().replace(
        "Would import", "Imported") == dataclasses.replace(done, batch_id=None, reviews=()).summary()


def _lock_is_free(book, name: str) -> bool:
    key = zlib.crc32(name.encode("utf-8")) - 2**31
    with book.session() as s:
        return bool(s.execute(text("SELECT pg_try_advisory_xact_lock(:space, :key)"),
                              {"space": _APP_LOCK_SPACE, "key": key}).scalar())


@pytest.mark.postgres
def test_a_dry_run_on_a_shared_book_leaves_the_reminders_lock_free(fresh_pg_schema, tmp_path):
    url = fresh_pg_schema()
    data = write_csv(tmp_path / "more.csv", taobao_rows(200, 90, seed=5))
    seen: dict[str, bool] = {}
    with Book.open(url, create=True, backup_root=tmp_path / "bk") as book, Book.open(url) as other:

        def progress(_done, _total, message):
            if message == "saving":  # the dry run's transaction is still open
                seen["reminders"] = _lock_is_free(other, "reminders")
                seen["import"] = _lock_is_free(other, "import")

        run_import(book, data, ImportOptions(today=TODAY, dry_run=True), progress=progress)
    assert seen == {"reminders": True, "import": False}  # another user's save that regenerates does not wait
