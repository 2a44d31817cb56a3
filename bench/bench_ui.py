"""Desktop shell benchmark: whole-process start-up to a painted main window on the 100k book, next to the
floor "bare Qt window + SQLAlchemy import" measured in the same run; first paint of the Customers page;
sorting, searching and filtering 100,000 customers; scrolling; the Orders page; RSS; the longest stall
of the GUI thread.

Usage:  python bench/bench_ui.py [--book PATH] [--runs 3]
Without --book the book bench/out/demo100k.book is used, built first with `main.py demo` if missing.
Each run starts fresh processes (offscreen); the table shows the median of the runs (the machine is
shared: the load average is printed). Figures per run are written to bench/out/bench_ui.json.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROBE = ROOT / "bench" / "ui_probe.py"
DEFAULT_BOOK = ROOT / "bench" / "out" / "demo100k.book"
START_RATIO_TARGET = 1.5
LIST_TARGET_MS = 100
RSS_TARGET_MB = 250

sys.path.insert(0, str(ROOT / "bench"))
from bench_analytics import load, machine  # noqa: E402  (the same machine line in every benchmark)


def run_probe(args: list[str], env: dict[str, str], timeout: float = 600) -> tuple[float, list[dict]]:
    """Start the probe; return (wall seconds from spawn to its "painted" line, every event it printed)."""
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, str(PROBE), *args], stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, text=True, env=env, cwd=ROOT)
    painted_at, events = None, []
    deadline = started + timeout
    for line in process.stdout:
        event = json.loads(line)
        events.append(event)
        if event["event"] == "painted" and painted_at is None:
            painted_at = time.perf_counter() - started
        if time.perf_counter() > deadline:
            process.kill()
            break
    process.wait(timeout=60)
    if painted_at is None:
        raise RuntimeError(f"probe {args} never painted (exit {process.returncode})")
    return painted_at, events


def ensure_book(path: Path) -> Path:
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        print(f"building {path} (100,000 customers) ...", flush=True)
        subprocess.run([sys.executable, str(ROOT / "main.py"), "demo", str(path), "--customers", "100000",
                        "--seed", "7"], check=True, cwd=ROOT)
    return path


def one_run(book: Path, data_dir: str) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HUITOUKE_DATA_DIR=data_dir)
    floor_s, _ = run_probe(["floor"], env)
    app_s, events = run_probe(["app", str(book)], env)
    result = {"floor_s": floor_s, "app_s": app_s, "lists": {}, "scroll_ms": []}
    for event in events:
        kind = event["event"]
        if kind in ("book_open", "customers_painted"):
            result[f"{kind}_s"] = event["seconds"] + (app_s - next(e["seconds"] for e in events
                                                                   if e["event"] == "painted"))
        if kind == "customers_painted":
            result["customers_click_ms"] = event["since_click_ms"]
        if kind == "list":
            result["lists"][event["what"]] = {"query_ms": event["query_ms"], "rows_shown_ms": event["rows_shown_ms"],
                                              "rows": event["rows"]}
        elif kind == "scroll":
            result["scroll_ms"].append(event["ms"])
        elif kind == "orders_shown":
            result["orders_shown_ms"] = event["ms"]
        elif kind == "done":
            result["max_rss_mb"] = event["max_rss_mb"]
            result["max_gui_stall_ms"] = event["max_gui_stall_ms"]
            result["stalls_over_100ms"] = event["stalls_over_100ms"]
    return result


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--book", type=Path, default=DEFAULT_BOOK)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    book = ensure_book(args.book)
    runs = []
    with tempfile.TemporaryDirectory() as data_dir:
        for number in range(args.runs):
            runs.append(one_run(book, data_dir))
            print(f"run {number + 1}/{args.runs} done (load {load()})", flush=True)
    out = ROOT / "bench" / "out" / "bench_ui.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(runs, indent=1), encoding="utf-8")

    floor, app = median([r["floor_s"] for r in runs]), median([r["app_s"] for r in runs])
    print(f"\nmachine: {machine()}; load average {load()}; book {book} ({book.stat().st_size / 1e6:.0f} MB)")
    print(f"median of {len(runs)} runs; each run = fresh processes, offscreen\n")
    print(f"{'what':44s} {'value':>12s}   target")
    print(f"{'floor: bare Qt window + SQLAlchemy, painted':44s} {floor:10.2f} s")
    print(f"{'Huitouke main window painted (whole process)':44s} {app:10.2f} s   "
          f"ratio {app / floor:.2f} (≤ {START_RATIO_TARGET})")
    print(f"{'book open (lock, check, backup) in background':44s} {median([r['book_open_s'] for r in runs]):10.2f} s")
    print(f"{'Customers page rows painted (since start)':44s} {median([r['customers_painted_s'] for r in runs]):10.2f} s")
    print(f"{'  … since its navigation click':44s} {median([r['customers_click_ms'] for r in runs]):9.0f} ms")
    for name in runs[0]["lists"]:
        query = median([r["lists"][name]["query_ms"] for r in runs])
        shown = median([r["lists"][name]["rows_shown_ms"] for r in runs])
        rows = runs[0]["lists"][name]["rows"]
        print(f"{name + f' ({rows:,} rows)':44s} {query:9.0f} ms   rows shown {shown:.0f} ms (query ≤ {LIST_TARGET_MS})")
    scrolls = " / ".join(f"{median([r['scroll_ms'][i] for r in runs]):.0f}" for i in range(4))
    print(f"{'scroll to 25/50/75/100 % (rows shown)':44s} {scrolls} ms")
    print(f"{'Orders page rows shown (500k orders)':44s} {median([r['orders_shown_ms'] for r in runs]):9.0f} ms")
    print(f"{'max RSS':44s} {median([r['max_rss_mb'] for r in runs]):9.0f} MB   (≤ {RSS_TARGET_MB})")
    print(f"{'longest GUI-thread stall':44s} {median([r['max_gui_stall_ms'] for r in runs]):9.0f} ms")
    for number, r in enumerate(runs, 1):
        print(f"  run {number} stalls > 100 ms: {r['stalls_over_100ms']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
