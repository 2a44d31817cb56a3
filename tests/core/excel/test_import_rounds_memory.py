"""Issue #18, Build 3: an import in rounds (core.excel.rounds) holds little a row, whatever the file's length: what a
row's person takes of it waits in a temporary file, its order key as a digest, its people are made and written a
round at a time, and the walks' caches of cleaned texts are capped (``rounds.KEPT_TEXTS``). Measured in a process of
its own (peak RSS), the thresholds lowered so that files of tens of thousands of rows take that path."""

from __future__ import annotations

import datetime as dt

import pytest

_IMPORT = """
import sys
from pathlib import Path
from core.excel import rounds, sheet_slices, writer
rounds.ROUNDS_AFTER, rounds.ROUND_ROWS = 0, 2000
sheet_slices.LARGE_WORKBOOK_BYTES = sheet_slices.SLICED_SHEET_BYTES = 0  # (read a slice at a time)
from core.book.db import Book
from core.excel.importer import ImportOptions, run_import
peak = []
write_rounds = writer.write_rounds  # (core.excel.round_book's, as the writer calls it)
def watched(*args):
    write_rounds(*args)
    peak.extend(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM"))
writer.write_rounds = watched
with Book.open(Path(sys.argv[2]), create=True, backup_root=Path(sys.argv[2] + ".backups")) as book:
    result = run_import(book, sys.argv[1], ImportOptions(backup=False))
assert result.orders_created == int(sys.argv[3]) and result.customers_created == 500, result
print(peak[0] / 1024)
"""


def _peak_of_rounds(*arguments) -> float:
    """The peak RSS (MiB) of an import in a process of its own once its last round is written (what follows —
    our export's history, the figures and reminders of every customer — is not the rounds')."""
    import subprocess
    import sys

    from tests.conftest import ROOT

    result = subprocess.run([sys.executable, "-c", _IMPORT, *arguments], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return float(result.stdout.split()[-1])


def _orders(path, count):
    """A seller's sheet of ``count`` orders of 500 buyers, each row with an address of its own (the buyer's rows
    are one person by phone; what each row's person takes of it differs from row to row)."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("订单")
    sheet.append(["订单号", "姓名", "手机", "地址", "下单时间", "商品", "数量", "实付金额"])
    start = dt.datetime(2024, 1, 1, 8)
    for number in range(count):
        buyer = number % 500
        sheet.append([f"{700000000000 + number}", f"客户{buyer}", f"139{buyer:08d}",
                      f"浙江省 杭州市 西湖区 文三路{number}号{number % 97}室", start + dt.timedelta(minutes=7 * number),
                      "土蜂蜜500g", 1 + number % 3, 68 * (1 + number % 3)])
    workbook.save(path)
    return path


@pytest.mark.slow
def test_an_import_in_rounds_holds_little_a_row(tmp_path):
    peaks = {}
    for count in (20_000, 80_000):
        path = _orders(tmp_path / f"orders{count}.xlsx", count)
        peaks[count] = _peak_of_rounds(str(path), str(tmp_path / f"b{count}.book"), str(count))
    # Measured (MiB, peak once the last round is written, 20,000 → 80,000 rows): before (each row's share of its
    # person held as a tuple, its order number in a dict, every cleaned address kept to the end of each walk)
    # 135 → 216, ≈ 1.4 KB a row; since 142 → 171 (numpy's 11 MB in both), ≈ 0.5 KB a row — not flat yet: what
    # still grows is not the rows' Python objects (tracemalloc: ≈ 31 MB held either way) but the C side (SQLite's
    # page cache filling up to its 16 MB, the heap's free blocks).
    assert peaks[80_000] - peaks[20_000] < 45, peaks
