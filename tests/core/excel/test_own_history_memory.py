"""Issue #18, Build 3: our export's history sheets (tasks, coupons, contact log, points ledger: 130,000–175,000 rows
each for the 100k demo book) are read back a block of rows at a time (``own_history._BLOCK``), the ids they restore
and the tasks' rule keys held compactly (core.excel.id_map): what restoring them holds does not grow with their rows.
Measured in a process of its own (tracemalloc's peak while ``write_history`` runs, above what was held when it
started), the block lowered so that a few thousand rows span several blocks."""

from __future__ import annotations

import datetime as dt

import pytest

_IMPORT = """
import sys, tracemalloc
from pathlib import Path
from core.excel import id_map, own_history
own_history._BLOCK = 500  # (a multiple of IN_LIST_SIZE: the same statements)
if hasattr(id_map, "SeenTexts"):
    id_map.SeenTexts.MERGE_AFTER = 500
from core.book.db import Book
from core.excel.importer import ImportOptions, run_import
grown = []
write_history = own_history.write_history
def watched(*args):
    start = tracemalloc.get_traced_memory()[0]
    tracemalloc.reset_peak()
    write_history(*args)
    grown.append(tracemalloc.get_traced_memory()[1] - start)
own_history.write_history = watched
tracemalloc.start()
with Book.open(Path(sys.argv[2]), create=True, backup_root=Path(sys.argv[2] + ".backups")) as book:
    result = run_import(book, sys.argv[1], ImportOptions(backup=False))
with Book.open(Path(sys.argv[2])) as book, book.session() as session:
    from sqlalchemy import func, select
    from core.book.models import PointsEntry, Reminder
    rows = session.scalar(select(func.count(PointsEntry.id))) + session.scalar(select(func.count(Reminder.id)))
print(grown[0] / 1024, rows)
"""


def _history_peak(tmp_path, customers: int) -> tuple[float, int]:
    """(KiB held above its start while the history was written, points lines and tasks in the book after) of an
    import of the ``customers`` demo book's export into an empty book, in a process of its own."""
    import subprocess
    import sys

    from core.book.db import Book
    from core.demo.build import build_demo
    from core.excel.export import export_book
    from tests.conftest import ROOT

    book = tmp_path / f"demo{customers}.book"
    build_demo(book, customers=customers, seed=5, today=dt.date(2026, 6, 1))
    with Book.open(book) as opened:
        export_book(opened, tmp_path / f"all{customers}.xlsx")
    result = subprocess.run([sys.executable, "-c", _IMPORT, str(tmp_path / f"all{customers}.xlsx"),
                             str(tmp_path / f"copy{customers}.book")], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    grown, rows = result.stdout.split()[-2:]
    return float(grown), int(rows)


@pytest.mark.slow
def test_the_history_sheets_are_restored_a_block_at_a_time(tmp_path):
    small, small_rows = _history_peak(tmp_path, 400)
    large, large_rows = _history_peak(tmp_path, 1600)
    assert large_rows > 3 * small_rows > 3000
    # Measured (KiB held above the start, 400 → 1,600 customers: 1,221 → 3,942 points lines and tasks): before (the
    # coupons and points lines held whole, the tasks' ids restored and their rule keys as a dict and a set, blocks of
    # 10,000 tasks) 3,012 → 7,027, ≈ 1.5 KB a row; since 7,978 → 8,437 (numpy imported there: 5 MB), ≈ 0.17 KB a row.
    assert large - small < 1536, (small, large)
