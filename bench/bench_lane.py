"""Benchmark: how long a seller's save waits while a complete reminder regeneration or an import runs (issue #21).

Usage:  python bench/bench_lane.py --book PATH [--day 2026-11-23] [--interval 0.05] [--import-rows N]
Three set-ups, each a complete pass while one customer is saved every `interval` seconds:
- "app lane": as in the app — the pass (ReminderService.regenerate) and the saves on the book's lane
  (ui.book_lane), a save's wait measured from the click to its result on the GUI thread;
- "other program, chunked" / "one transaction": the saves through a second Book on the same file (the
  command line beside the app), the pass chunked (regenerate_in_chunks) or in one transaction (before #21).
Prints the pass's time and the saves' median / worst wait. Target: worst wait ≤ 100 ms in the app.
With --import-rows N: the same two ways and "dry run" (the same writes in one transaction, rolled back — since
#21 in a throwaway copy of the book; the saves through another Book) for an import of an N-row Taobao order file
(40 % as many buyers) into
a copy of the book (core.excel.chunked), with the longest transaction of the import ("chunk"); the copy is
made next to the book and removed after.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
import statistics
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from core.book.db import Book
from core.customers import CustomerService
from core.errors import BookBusy
from core.reminders.generate import regenerate, regenerate_in_chunks

TARGET_MS = 100


def measure(book_path: Path, day: dt.date, interval: float, chunked: bool) -> tuple[float, list[float]]:
    """(seconds of the pass, waits of the saves made during it in ms)."""
    runner = Book.open(book_path, lock=False, daily_backup=False)
    saver = Book.open(book_path, lock=False, daily_backup=False)
    customers = CustomerService(saver)
    done = threading.Event()
    took: list[float] = []

    def run() -> None:
        started = time.perf_counter()
        if chunked:
            regenerate_in_chunks(runner.engine, day)
        else:
            with runner.session() as s:
                regenerate(s, day)
        took.append(time.perf_counter() - started)
        done.set()

    worker = threading.Thread(target=run)
    worker.start()
    waits = _save_beside(customers, interval, done)
    worker.join()
    runner.close()
    saver.close()
    return took[0], waits


def _save_beside(customers: CustomerService, interval: float, done: threading.Event) -> list[float]:
    """Save customer 1 every `interval` s through another Book until `done`; each save's wait in ms."""
    waits: list[float] = []
    flip = False
    while not done.is_set():
        flip = not flip
        started = time.perf_counter()
        with contextlib.suppress(BookBusy):  # waited the whole busy timeout (10 s)
            customers.set_do_not_disturb([1], flip)
        waits.append((time.perf_counter() - started) * 1000)
        time.sleep(interval)
    customers.set_do_not_disturb([1], False)
    return waits


def measure_app(book_path: Path, day: dt.date, interval: float) -> tuple[float, list[float]]:
    """The app's set-up: pass and saves on one BookLane; waits from submit to the result on the GUI thread."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication

    from core.reminders.service import ReminderService
    from ui.book_lane import BookLane

    app = QCoreApplication.instance() or QCoreApplication([])
    book = Book.open(book_path, lock=False, daily_backup=False)
    lane, customers = BookLane(), CustomerService(book)
    waits: list[float] = []
    took: list[float] = []
    started = time.perf_counter()
    lane.run_job(ReminderService(book).regenerate, day, background=True,
                 on_success=lambda _r: took.append(time.perf_counter() - started))
    _save_meanwhile(app, lane, customers, interval, waits, took, lambda: True)
    book.close()
    return took[0], waits


def _save_meanwhile(app, lane, customers: CustomerService, interval: float, waits: list[float], took: list[float],
                    ready: Callable[[], bool]) -> None:
    """Save customer 1 on the lane every `interval` s (one save at a time, once `ready()`) until the job is done
    (`took` filled); each save's wait from the click to its result on the GUI thread into `waits` (ms)."""
    from PySide6.QtCore import QTimer

    state = {"flip": False, "busy": False}

    def save() -> None:
        if took:
            app.quit()
            return
        if state["busy"] or not ready():
            return
        state["busy"] = True
        state["flip"] = not state["flip"]
        clicked = time.perf_counter()

        def saved(_result) -> None:
            waits.append((time.perf_counter() - clicked) * 1000)
            state["busy"] = False

        lane.save(customers.set_do_not_disturb, [1], state["flip"], on_success=saved)

    timer = QTimer(interval=int(interval * 1000))
    timer.timeout.connect(save)
    timer.start()
    app.exec()
    lane.wait(30_000)
    customers.set_do_not_disturb([1], False)


def measure_import(book_path: Path, day: dt.date, interval: float, rows: int, in_app: bool,
                   one_transaction: bool = False) -> tuple[float, list[float], float]:
    """(seconds of the import, waits of the saves made during it in ms, longest write turn in ms)."""
    import shutil

    from core.excel.importer import ImportOptions

    data = book_path.with_name(f"bench-lane-{rows}.csv")
    if not data.exists():
        from tests.core.excel.files import taobao_rows, write_csv

        write_csv(data, taobao_rows(rows, rows * 2 // 5), encoding="gbk", quote_all=True)
    copy = book_path.with_name("bench-lane-import.book")
    shutil.copyfile(book_path, copy)
    try:
        book = Book.open(copy, lock=False, daily_backup=False)
        # a dry run: written and rolled back in one transaction (in a copy of the book)
        options = ImportOptions(backup=False, today=day, dry_run=one_transaction)
        if in_app:
            took, waits, turns = _import_on_the_lane(book, data, options, interval)
        else:
            took, waits, turns = _import_beside(book, data, options, interval)
        book.close()
    finally:
        for leftover in copy.parent.glob(copy.name + "*"):
            leftover.unlink()
    return took, waits, max(turns, default=0.0) * 1000


def _timed_turns(write_turn, turns: list[float]):
    @contextlib.contextmanager
    def timed():
        with write_turn():
            started = time.perf_counter()
            yield
            turns.append(time.perf_counter() - started)

    return timed


def _import_on_the_lane(book, data: Path, options, interval: float) -> tuple[float, list[float], list[float]]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication

    from core.excel.importer import run_import
    from ui.book_lane import BookLane

    app = QCoreApplication.instance() or QCoreApplication([])
    lane, customers = BookLane(), CustomerService(book)
    turns: list[float] = []
    lane.write_turn = _timed_turns(lane.write_turn, turns)  # type: ignore[method-assign]
    waits: list[float] = []
    took: list[float] = []
    started = time.perf_counter()
    lane.run_job(run_import, book, data, options, background=False,
                 on_success=lambda _r: took.append(time.perf_counter() - started))
    _save_meanwhile(app, lane, customers, interval, waits, took, lambda: bool(turns))  # from the first write on
    return took[0], waits, turns


def _import_beside(book, data: Path, options, interval: float) -> tuple[float, list[float], list[float]]:
    """The import in this thread's Book, the saves through a second Book (another program): no lane."""
    from core.excel.importer import run_import

    saver = Book.open(book.path, lock=False, daily_backup=False)
    customers = CustomerService(saver)
    turns: list[float] = []
    writing = threading.Event()
    done = threading.Event()
    took: list[float] = []

    @contextlib.contextmanager
    def turn():
        writing.set()
        started = time.perf_counter()
        yield
        turns.append(time.perf_counter() - started)

    def run() -> None:
        started = time.perf_counter()
        # write_turn only times the chunks here: the saves wait in SQLite's busy handler, not in a lane
        run_import(book, data, options, write_turn=turn)
        took.append(time.perf_counter() - started)
        done.set()

    worker = threading.Thread(target=run)
    worker.start()
    writing.wait()
    waits = _save_beside(customers, interval, done)
    worker.join()
    saver.close()
    return took[0], waits, turns


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--book", type=Path, required=True)
    parser.add_argument("--day", type=dt.date.fromisoformat, default=dt.date(2026, 11, 23))
    parser.add_argument("--interval", type=float, default=0.05)
    parser.add_argument("--import-rows", type=int, default=0, help="measure an import of this many rows instead")
    parser.add_argument("--app-only", action="store_true", help="only the app's set-up, once (a fresh book's first pass)")
    args = parser.parse_args()
    if args.import_rows:
        print(f"book {args.book} · import of {args.import_rows} rows · a save every {args.interval * 1000:.0f} ms")
        print(f"{'set-up':<24}{'seconds':>9}{'saves':>7}{'median ms':>11}{'worst ms':>10}{'chunk ms':>10}")
        for name, in_app, whole in (("app lane", True, False), ("other program", False, False),
                                    ("dry run", False, True), ("app lane", True, False)):
            seconds, waits, chunk = measure_import(args.book, args.day, args.interval, args.import_rows, in_app, whole)
            print(f"{name:<24}{seconds:>9.2f}{len(waits):>7}{statistics.median(waits):>11.1f}{max(waits):>10.1f}"
                  f"{chunk:>10.1f}")
        print("a save waits for the import's chunk running at most: worst wait ≈ longest chunk + the save")
        return
    print(f"book {args.book} · day {args.day} · a save every {args.interval * 1000:.0f} ms")
    print(f"{'set-up':<24}{'seconds':>9}{'saves':>7}{'median ms':>11}{'worst ms':>10}")
    runs = [("app lane", lambda: measure_app(args.book, args.day, args.interval)),
            ("other program, chunked", lambda: measure(args.book, args.day, args.interval, True)),
            ("one transaction", lambda: measure(args.book, args.day, args.interval, False)),
            ("app lane", lambda: measure_app(args.book, args.day, args.interval))]
    if args.app_only:
        runs = runs[:1]
    load = os.getloadavg()[0]
    for name, run in runs:
        seconds, waits = run()
        print(f"{name:<24}{seconds:>9.2f}{len(waits):>7}{statistics.median(waits):>11.1f}{max(waits):>10.1f}")
    print(f"target: worst wait of a save in the app ≤ {TARGET_MS} ms · load average {load:.1f} before, "
          f"{os.getloadavg()[0]:.1f} after")


if __name__ == "__main__":
    main()
