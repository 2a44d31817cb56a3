"""Launch to idle on a big book: when the window paints, when the book is open, when the first customer rows
(the Today list shown at launch) are painted, when the Customers page shows its rows, and every stall of the
GUI thread over 50 ms until the app is idle (background jobs done), each with where the GUI thread was.

Usage:  python bench/bench_launch.py --book PATH [--runs 3] [--customers] [--profile FILE]
Each run is a fresh process (offscreen, a temporary data folder). A stall is found by a 5 ms heartbeat on the
GUI thread; a watchdog thread samples the GUI thread's Python stack (and the other threads' project frames:
whose GIL it may wait for) while the heartbeat is late, and the innermost frames seen most often are printed
with the stall, next to the GUI thread's own CPU time during it (close to the stall: the GUI thread worked;
far less: it waited) and, on Linux, its time runnable but waiting for a core (the OS scheduler: the thread's
schedstat); what is neither it spent asleep — waiting for the GIL (or another lock). "open_started"/"open_done" bracket ui.launcher.open_book_at on
the pool; "book_open" is the first paint with the book attached; "launch_ready" when the book's quick check
passed and the first rows were painted (ui.launch_gate: the window's actions on, the background work
started). With --customers the seller clicks Customers as soon as the Today rows are painted. --profile writes
a cProfile of the GUI thread.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

T0 = time.perf_counter() - (time.time() - float(os.environ.get("BENCH_SPAWNED_AT", time.time())))  # launch
ROOT = Path(__file__).resolve().parent.parent
STALL_MS = 50
IDLE_QUIET_S = 1.0  # idle = no task running for this long, after the Today list and its regeneration
MAX_S = 60


_EMIT = threading.Lock()


def emit(**fields) -> None:
    """One JSON line; the GUI thread and the watchdog both emit: print() writes the text and its newline apart, and
    two such lines interleaved broke the parent's parsing (2 of 18 runs, 2026-12-07)."""
    with _EMIT:
        sys.stdout.write(json.dumps(fields) + "\n")
        sys.stdout.flush()


def _where(frame) -> str:
    """The innermost few frames of the project's code (ui/, core/) in a stack."""
    parts = []
    while frame is not None and len(parts) < 4:
        name = frame.f_code.co_filename
        if str(ROOT) in name and "/bench/" not in name and "/.venv/" not in name:
            parts.append(f"{Path(name).relative_to(ROOT)}:{frame.f_lineno} {frame.f_code.co_name}")
        frame = frame.f_back
    return " < ".join(parts) or "(Qt / event loop)"


def child(book: str, click_customers: bool, profile: str | None) -> None:
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    from ui import app as ui_app
    from ui import launcher as ui_launcher
    from ui.main_window import MainWindow

    launchers = []
    original_init = ui_launcher.Launcher.__init__

    def launcher_init(self, *args, **kwargs):
        original_init(self, *args, **kwargs)
        launchers.append(self)

    ui_launcher.Launcher.__init__ = launcher_init
    original_open = ui_launcher.open_book_at

    def open_book_at(*args, **kwargs):
        mark("open_started")
        try:
            return original_open(*args, **kwargs)
        finally:
            mark("open_done")

    ui_launcher.open_book_at = open_book_at
    original_ready = getattr(ui_launcher.Launcher, "_on_launch_ready", None)
    if original_ready is not None:  # the book passed its quick check and the first rows are painted

        def on_launch_ready(self, *args, **kwargs):
            mark("launch_ready")
            return original_ready(self, *args, **kwargs)

        ui_launcher.Launcher._on_launch_ready = on_launch_ready

    gui = threading.get_ident()
    schedstat = Path(f"/proc/self/task/{threading.get_native_id()}/schedstat")  # Linux: on a core, waiting for one

    def waited_for_a_core() -> float | None:
        """Seconds the GUI thread has spent runnable but waiting for a core (the OS scheduler), None elsewhere."""
        try:
            return int(schedstat.read_text().split()[1]) / 1e9
        except (OSError, ValueError, IndexError):
            return None

    state = {"tick": None, "stalls": [], "samples": collections.Counter(), "marks": {}, "window": None,
             "quiet_since": None, "done": False}
    lock = threading.Lock()

    def mark(name: str) -> None:
        if name not in state["marks"]:
            state["marks"][name] = time.perf_counter() - T0
            # cpu: the process's CPU time so far (every thread): on a loaded machine wall ≈ cpu / the share got
            emit(event=name, seconds=state["marks"][name], cpu=round(time.process_time(), 3))

    def tick() -> None:
        now, cpu, queued = time.perf_counter(), time.thread_time(), waited_for_a_core()
        with lock:
            last, state["tick"] = state["tick"], now
            samples, state["samples"] = state["samples"], collections.Counter()
        last_cpu, state["cpu"] = state.get("cpu"), cpu
        last_queued, state["queued"] = state.get("queued"), queued
        if last is not None and now - last > STALL_MS / 1000:
            # cpu_ms: the GUI thread's own CPU time in the stall (≈ ms: it was working, in Qt or Python; far less:
            # it waited — for the GIL or for a core)
            state["stalls"].append({"at_s": round(last - T0, 3), "ms": round((now - last) * 1000),
                                    "cpu_ms": round((cpu - last_cpu) * 1000),
                                    # queued_ms: runnable, waiting for a core (the OS); the rest of the stall
                                    # not CPU nor queued: asleep — for the GIL (or another lock)
                                    "queued_ms": None if queued is None or last_queued is None
                                    else round((queued - last_queued) * 1000),
                                    "where": [w for w, _n in samples.most_common(3)]})
        check_idle(now)

    def watchdog() -> None:
        while not state["done"]:
            time.sleep(0.005)
            with lock:
                last = state["tick"]
                if last is not None and time.perf_counter() - last > STALL_MS / 1000:
                    frames = sys._current_frames()
                    others = sorted(_where(f) for ident, f in frames.items()
                                    if ident not in (gui, threading.get_ident()) and _where(f) != "(Qt / event loop)")
                    where = _where(frames.get(gui))
                    if others:  # the GUI thread may be waiting for the GIL one of these holds
                        where += " [other threads: " + "; ".join(others) + "]"
                    state["samples"][where] += 1

    def check_idle(now: float) -> None:
        window = state["window"]
        if window is None or window.session is None or "today_rows_painted" not in state["marks"]:
            return
        today = window._pages.get("today")
        session = window.session
        checking = any((launcher.health._thread is not None and launcher.health._thread.is_alive())
                       or (getattr(launcher, "launch_gate", None) is not None and not launcher.launch_gate.done)
                       for launcher in launchers)
        busy = (session.tasks.active_count or session.lane.busy or checking
                or (today is not None and today._regenerating))
        if click_customers and "customers_rows_painted" not in state["marks"]:
            busy = True
        if busy:
            state["quiet_since"] = None
        elif state["quiet_since"] is None:
            state["quiet_since"] = now
        elif now - state["quiet_since"] > IDLE_QUIET_S or now - T0 > MAX_S:
            finish()

    def finish() -> None:
        if state["done"]:
            return
        state["done"] = True
        if profiler is not None:
            profiler.disable()
            profiler.dump_stats(profile)
        import resource

        emit(event="idle", seconds=state["quiet_since"] - T0, stalls=state["stalls"],
             max_rss_mb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
        QApplication.instance().quit()

    class Watch(QObject):
        def eventFilter(self, watched, event) -> bool:
            if event.type() != QEvent.Type.Paint:
                return False
            if isinstance(watched, MainWindow) and state["window"] is None:
                state["window"] = watched
                mark("painted")
                heartbeat = QTimer(watched, interval=5)
                heartbeat.timeout.connect(tick)
                heartbeat.start()
                threading.Thread(target=watchdog, daemon=True).start()
            window = state["window"]
            if window is None or window.session is None:
                return False
            mark("book_open")
            parent = watched.parent()
            if parent is not None and parent.objectName() == "today_tree" and parent.topLevelItemCount():
                mark("today_rows_painted")
                if click_customers:
                    QTimer.singleShot(0, lambda: window.show_page("customers"))
            customers = window._pages.get("customers")
            if (customers is not None and parent is customers.table and customers.model.rowCount()
                    and customers.model.index(0, 1).data() is not None):
                mark("customers_rows_painted")
            return False

    watch = Watch()
    QApplication.instance() or ui_app.create_application(sys.argv[:1])
    QApplication.instance().installEventFilter(watch)
    profiler = None
    if profile:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    QTimer.singleShot(MAX_S * 1000, finish)
    code = ui_app.run(["--book", book])
    sys.stdout.flush()
    # Not a normal exit: the pool would wait for a job still running (on a loaded machine the daily backup of the
    # 480 MB book can take minutes after "idle"); this run has measured what it came for.
    os._exit(code)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--book", required=True)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--customers", action="store_true", help="click Customers once the Today rows show")
    parser.add_argument("--profile", help="write a cProfile of the GUI thread (one run) to this file")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.book, args.customers, args.profile)
        return 0
    sys.path.insert(0, str(ROOT / "bench"))
    from bench_analytics import load, machine

    runs = []
    for number in range(args.runs):
        with tempfile.TemporaryDirectory() as data_dir:
            env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HUITOUKE_DATA_DIR=data_dir,
                       BENCH_SPAWNED_AT=repr(time.time()))
            command = [sys.executable, __file__, "--child", "--book", args.book]
            command += ["--customers"] * args.customers + (["--profile", args.profile] if args.profile else [])
            done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=MAX_S + 240)
            events = {e["event"]: e for e in map(json.loads, done.stdout.splitlines())}
            if "idle" not in events:
                print(f"run {number + 1} did not reach idle (exit {done.returncode}):\n{done.stderr[-3000:]}")
                continue
            run = {name: e["seconds"] for name, e in events.items() if "seconds" in e}
            run["cpu_at_rows"] = events.get("today_rows_painted", {}).get("cpu")
            run["stalls"] = events["idle"]["stalls"]
            run["max_rss_mb"] = events["idle"]["max_rss_mb"]
            runs.append(run)
            longest = max((s["ms"] for s in run["stalls"]), default=0)
            print(f"run {number + 1}: " + ", ".join(f"{k} {v:.2f} s" for k, v in run.items()
                                                     if isinstance(v, float) and k != "max_rss_mb")
                  + f"; process CPU at first rows {run['cpu_at_rows']} s"
                  + f"; longest stall {longest} ms; RSS {run['max_rss_mb']:.0f} MB; load {load()}", flush=True)
            for stall in run["stalls"]:
                queued = "" if stall.get("queued_ms") is None else f", waiting for a core {stall['queued_ms']} ms"
                print(f"    stall {stall['ms']:4d} ms (GUI thread CPU {stall['cpu_ms']} ms{queued}) at {stall['at_s']:.2f} s: "
                      + " | ".join(stall["where"]))
    print(f"\nmachine: {machine()}; load average {load()}; book {args.book}")
    print("seconds since the process was started (median of runs):")
    for name in ("painted", "book_open", "today_rows_painted", "launch_ready", "customers_rows_painted", "idle"):
        values = [r[name] for r in runs if name in r]
        if values:
            print(f"  {name:24s} {statistics.median(values):6.2f} s")
    cpus = [r["cpu_at_rows"] for r in runs if r.get("cpu_at_rows") is not None]
    if cpus:
        print(f"  {'process CPU at rows':24s} {statistics.median(cpus):6.2f} s")
    print(f"  {'longest GUI stall':24s} {statistics.median([max((s['ms'] for s in r['stalls']), default=0) for r in runs]):6.0f} ms")
    print(f"  {'max RSS':24s} {statistics.median([r['max_rss_mb'] for r in runs]):6.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
