"""Packaging benchmark: build the app, the app without exclusions and a naive hello-world in one run; compare.

    .venv/bin/python bench/packaging/measure.py [--runs 5] [--skip-build]

Builds into bench/out/packaging/ (three PyInstaller builds, a few minutes each on 2 cores), then prints
a Markdown table: build time, size on disk and as .tar.gz, what each exclusion group of
scripts/bundle_rules.py saves (attributed on the no-exclusion build), and start-up time to the first
painted window (offscreen, median of --runs, after one warm-up run) for the frozen app and from source.
Not a test: the targets (bundle ≤ 0.75 × naive hello-world, frozen start-up ≤ 1.3 × source) are
checked and reported, and the figures go to docs/PERFORMANCE.md by hand.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from scripts import bundle_rules  # noqa: E402

OUT = ROOT / "bench" / "out" / "packaging"
PYINSTALLER = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN"]
MB = 1024 * 1024


def build(name: str, spec: Path, env: dict[str, str] | None = None) -> dict:
    """One PyInstaller build into OUT/<name>; returns its wall time and the debug-section saving it printed."""
    started = time.perf_counter()
    result = subprocess.run([*PYINSTALLER, str(spec), "--distpath", str(OUT / name / "dist"),
                             "--workpath", str(OUT / name / "work")], cwd=ROOT, env={**os.environ, **(env or {})},
                            capture_output=True, text=True, check=True)
    stripped = re.search(r"removed ([\d.]+) MB of debug sections", result.stdout + result.stderr)
    return {"build_s": round(time.perf_counter() - started, 1),
            "debug_sections_mb": float(stripped.group(1)) if stripped else 0.0}


def disk_size(folder: Path) -> int:
    """Bytes on disk (allocated blocks, like du), not following symlinks."""
    return sum(p.lstat().st_blocks * 512 for p in folder.rglob("*") if not p.is_dir())


def targz_size(folder: Path) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        archive = Path(tmp) / "bundle.tar.gz"
        subprocess.run(["tar", "-C", str(folder.parent), "-czf", str(archive), folder.name], check=True)
        return archive.stat().st_size


def group_savings(folder: Path) -> dict[str, float]:
    """MB of the no-exclusion bundle each group's file patterns would drop (module exclusions not included)."""
    internal = folder / "_internal"
    saved: dict[str, float] = {}
    for path in internal.rglob("*"):
        if path.is_dir():
            continue
        group = bundle_rules.dropping_group(path.relative_to(internal).as_posix(), bundle_rules.groups())
        if group:
            saved[group] = saved.get(group, 0.0) + path.lstat().st_blocks * 512 / MB
    return {name: round(value, 1) for name, value in sorted(saved.items(), key=lambda kv: -kv[1])}


def start_up(command: list[str], runs: int, env: dict[str, str]) -> float:
    """Median seconds from process start to exit right after the first paint (one warm-up run first)."""
    times = []
    for attempt in range(runs + 1):
        started = time.perf_counter()
        subprocess.run(command, env=env, check=True, capture_output=True, timeout=120)
        if attempt:
            times.append(time.perf_counter() - started)
    return round(statistics.median(times), 3)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--skip-build", action="store_true", help="measure the builds already in bench/out")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    builds = {}
    if not args.skip_build:
        builds["app"] = build("app", ROOT / "pyinstaller.spec")
        builds["app_no_exclusions"] = build("app_no_exclusions", ROOT / "pyinstaller.spec",
                                            {"HUITOUKE_BUNDLE_KEEP_ALL": "1"})
        builds["hello_naive"] = build("hello_naive", ROOT / "bench" / "packaging" / "hello_naive.spec")
        (OUT / "builds.json").write_text(json.dumps(builds, indent=1))
    builds = json.loads((OUT / "builds.json").read_text())
    folders = {"app": OUT / "app" / "dist" / "Huitouke",
               "app_no_exclusions": OUT / "app_no_exclusions" / "dist" / "Huitouke",
               "hello_naive": OUT / "hello_naive" / "dist" / "hello"}
    sizes = {name: {"disk_mb": round(disk_size(f) / MB, 1), "targz_mb": round(targz_size(f) / MB, 1)}
             for name, f in folders.items()}

    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HUITOUKE_DATA_DIR": str(Path(tmp) / "data"),
               "XDG_CONFIG_HOME": str(Path(tmp) / "config")}
        book = Path(tmp) / "bench.book"
        subprocess.run([sys.executable, str(ROOT / "main.py"), "demo", str(book), "--customers", "300"], env=env,
                       check=True, capture_output=True)
        app_args = ["--book", str(book), "--quit-after-paint"]
        timings = {
            "frozen_s": start_up([str(folders["app"] / "Huitouke"), *app_args], args.runs, env),
            "source_s": start_up([sys.executable, str(ROOT / "main.py"), *app_args], args.runs, env),
            "hello_frozen_s": start_up([str(folders["hello_naive"] / "hello"), "--quit-after-paint"], args.runs, env),
        }
    report = {"builds": builds, "sizes": sizes, "exclusion_groups_mb": group_savings(folders["app_no_exclusions"]),
              "start_up": timings,
              "ratios": {"bundle_vs_naive_hello": round(sizes["app"]["disk_mb"] / sizes["hello_naive"]["disk_mb"], 2),
                         "frozen_vs_source_start": round(timings["frozen_s"] / timings["source_s"], 2)}}
    (OUT / "report.json").write_text(json.dumps(report, indent=1))
    print(json.dumps(report, indent=1))
    ok = report["ratios"]["bundle_vs_naive_hello"] <= 0.75 and report["ratios"]["frozen_vs_source_start"] <= 1.3
    print("targets met" if ok else "TARGETS MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
