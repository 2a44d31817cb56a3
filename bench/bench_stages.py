"""Benchmark: how long a seller's save waits while the stored stages are brought to a new day (issue #21).

Usage:  python bench/bench_stages.py --book PATH --day 2027-03-10 [--one-transaction] [--interval 0.05]
As the app does after the open's check: CustomerService.ensure_stages_in_chunks as a lane job (ui.book_lane,
normal priority) while customer 1 is saved on the lane every `interval` s; with --one-transaction the pass is
CustomerService.ensure_stages (one transaction, as before) on a thread of its own instead. Prints the rows changed,
the pass's time, the saves' median / worst wait (click to result on the GUI thread) and the longest write turn.
Writes to the book: use a copy. Target: worst wait ≤ 100 ms.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.bench_lane import _save_meanwhile, _timed_turns
from core.book.db import Book
from core.customers import CustomerService


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--book", required=True)
    parser.add_argument("--day", required=True, type=dt.date.fromisoformat)
    parser.add_argument("--interval", type=float, default=0.05)
    parser.add_argument("--one-transaction", action="store_true")
    args = parser.parse_args()

    from PySide6.QtCore import QCoreApplication

    from ui.book_lane import BookLane
    from ui.tasks import BackgroundRunner

    app = QCoreApplication.instance() or QCoreApplication([])
    book = Book.open(args.book, lock=False, daily_backup=False)
    lane, customers = BookLane(), CustomerService(book)
    waits: list[float] = []
    took: list[float] = []
    turns: list[float] = []
    lane.write_turn = _timed_turns(lane.write_turn, turns)  # type: ignore[method-assign]
    changed: list[int] = []
    started = time.perf_counter()

    def finished(rows: int) -> None:
        changed.append(rows)
        took.append(time.perf_counter() - started)

    if args.one_transaction:
        runner = BackgroundRunner(lowered=False)
        runner.run(customers.ensure_stages, args.day, on_success=finished)
    else:
        lane.run_job(customers.ensure_stages_in_chunks, args.day, background=False, on_success=finished)
    _save_meanwhile(app, lane, customers, args.interval, waits, took, lambda: True)
    book.close()
    how = "one transaction" if args.one_transaction else "chunked on the lane"
    print(f"{how}: {changed[0]} rows changed, pass {took[0]:.2f} s, {len(waits)} saves, "
          f"median {statistics.median(waits) if waits else 0:.0f} ms, worst {max(waits) if waits else 0:.0f} ms, "
          f"longest write turn {max(turns) * 1000 if turns else 0:.0f} ms (load {os.getloadavg()[0]:.2f})")


if __name__ == "__main__":
    main()
