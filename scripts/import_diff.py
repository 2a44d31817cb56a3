"""Differential check of the importer: what two trees' ``main.py import`` write into a book, compared.

Made for the import's speed and memory rework (issue #18): the reference tree is main before it (1aedb9a), the
other tree the current main. For every scenario of a corpus, each tree's own code runs in subprocesses (its
``main.py`` with its own modules): ``init``, then ``import FILE --json --today T`` steps (a dry run, the file,
the same file again, a second file into the same book); after every step the book is dumped to a canonical
text (every table, rows keyed by natural keys, not ids; timestamps the run stamps replaced by ``<now>``) next to
the CLI's result (exit code, JSON with every error's file/sheet/row/column/code, stderr). The two texts are
compared line by line.

    # 1. the worktrees (the reference detached) and the corpus
    git -C /work/main worktree add --detach /work/wt/ref 1aedb9a && ln -s /work/main/.venv /work/wt/ref/.venv
    .venv/bin/python scripts/import_diff.py corpus /tmp/importdiff/corpus --ref /work/wt/ref [--big] \\
        [--walk /tmp/walk/make.py]
    # 2. run every scenario in both trees and compare (exit 1 if anything differs)
    .venv/bin/python scripts/import_diff.py run --ref /work/wt/ref --new . --corpus /tmp/importdiff/corpus \\
        --out /tmp/importdiff/out [--only NAME_PART] [--jobs 2]

``corpus`` writes the files and ``scenarios.json`` (name, steps, environment); an environment entry
a step ``"mode": "checked"`` imports as the import dialog does (one
file read, a dry run, then the import of what was read, in one process); ``DIFF_BLOCK`` sets ``core.excel.records._BLOCK`` (rows cleaned at a time) in both trees, ``DIFF_PACK``
``core.excel.plan.PACK_AFTER`` (0: every row held packed; trees without it ignore it), ``DIFF_ROUNDS`` (set for the
whole run) writes every import into a book without orders in rounds of that many rows (``core.excel.rounds``; trees
without it ignore it), ``DIFF_SLICE`` forces
``core.excel.sheet_slices`` to read every .xlsx sheet in slices of that many bytes (trees without that module
ignore it; ``real`` keeps its thresholds and counts the slices read). The output folder holds each tree's texts (``<scenario>/<tree>/<step>.txt``) and ``<scenario>.diff``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import difflib
import hashlib
import json
import os
import sqlite3
import subprocess
import sys
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from itertools import pairwise
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
TODAY = "2026-11-20"  # not the real day: a value the run stamps (its date) is told from the file's dates
SKIPPED_TABLES = {"alembic_version", "book_change", "sqlite_sequence", "sqlite_stat1"}
STAMPED = {  # columns the run fills with its clock, not with the file's values
    "import_batch": {"created_at", "undone_at"}, "column_mapping": {"updated_at"},
    "message_template": {"updated_at"},
}
VERSIONED_STAMPS = {"created_at", "updated_at"}  # VersionedMixin; orders.created_at is the order time
_NOW_PREFIX = dt.date.today().isoformat()
NATURAL = {  # table: (prefix, the columns naming a row; a foreign key is written as its row's own name)
    "customer": ("C", ("name", "real_name", "phone", "wechat_id", "platform_buyer_id")),
    "orders": ("O", ("platform", "customer_id", "created_at", "paid_cents")),  # (without an order number)
    "order_item": ("I", ("order_id", "title", "sku_spec")), "product": ("P", ("name",)), "tag": ("T", ("name",)),
    "member_level": ("L", ("name",)), "segment": ("S", ("name",)), "campaign": ("K", ("name",)),
    "message_template": ("M", ("kind", "name", "language")), "complaint": ("Q", ("customer_id", "opened_at", "kind")),
    "bad_review": ("R", ("customer_id", "review_date", "level")),
    "coupon": ("U", ("customer_id", "kind", "value_cents", "issued_at")),
}

LAUNCH = r"""
import os, runpy, sys
tree = sys.argv[1]
sys.path.insert(0, tree)
os.chdir(tree)
if os.environ.get("DIFF_BLOCK"):
    import core.excel.records as records
    records._BLOCK = int(os.environ["DIFF_BLOCK"])
if os.environ.get("DIFF_PACK"):
    import core.excel.plan as plan
    if hasattr(plan, "PACK_AFTER"):
        plan.PACK_AFTER = int(os.environ["DIFF_PACK"])
if os.environ.get("DIFF_ROUNDS"):  # every import into a book without orders in rounds of that many rows
    try:
        import core.excel.rounds as rounds
    except ImportError:
        pass
    else:
        rounds.ROUNDS_AFTER = 0
        rounds.ROUND_ROWS = int(os.environ["DIFF_ROUNDS"])
if os.environ.get("DIFF_SLICE"):
    try:
        import core.excel.sheet_slices as slices
    except ImportError:
        pass
    else:
        if os.environ["DIFF_SLICE"] != "real":  # ("real": the module's own thresholds, the slices counted)
            slices.LARGE_WORKBOOK_BYTES = slices.SLICED_SHEET_BYTES = 0
            slices.SLICE_BYTES = int(os.environ["DIFF_SLICE"])
            slices._READ = min(slices._READ, slices.SLICE_BYTES)  # (a sheet read in one piece is not cut)
        import atexit
        counted = [0]
        walk = slices.SlicedRows._slices

        def _slices(self):
            for piece in walk(self):
                counted[0] += 1
                yield piece

        slices.SlicedRows._slices = _slices
        if sys.argv[2] != "init":
            atexit.register(lambda: open(os.environ["DIFF_TRACE"], "a").write(f"{counted[0]}\n"))
if sys.argv[2] == "checked":  # the import dialog's way: one file read, "Check only", then "Import now"
    import datetime, json
    from core.book.db import Book
    from core.excel.analysis import load_file
    from core.excel.importer import ImportOptions, run_import
    path, book_path, today = sys.argv[3:6]
    loaded = load_file(path)
    book = Book.open(book_path, lock=False, daily_backup=False)
    options = dict(backup=False, today=datetime.date.fromisoformat(today))
    try:
        checked = run_import(book, loaded, ImportOptions(dry_run=True, **options)).to_json()
        imported = run_import(book, loaded, ImportOptions(**options)).to_json()
    finally:
        book.close()
    print(json.dumps({"check": checked, "import": imported}, ensure_ascii=False))
    sys.exit(0)
sys.argv = [os.path.join(tree, "main.py"), *sys.argv[2:]]
runpy.run_path(sys.argv[0], run_name="__main__")
"""


# ---------------------------------------------------------------------------------------------- canonical dump
def _stamp(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(_NOW_PREFIX) and len(value) > 10:
        return "<now>"
    return value


def _holds_merged(rows: dict[int, dict]) -> dict[int, dict]:
    """An import's ``import_hold`` rows of one table, fields and values as one (their ids as sorted ranges, "a-b"): it
    writes what it held a transaction at a time (core.excel.holds), so how many rows hold it depends on when each
    transaction ended (one plan: its time; rounds: each round)."""
    merged: dict[tuple, tuple[int, dict, set[int]]] = {}
    for row_id, row in sorted(rows.items()):
        ids: set[int] = set()
        last = 0
        for part in filter(None, str(row["row_ids"]).split(",")):  # (core.excel.holds.encode_ids)
            gap, _plus, more = part.partition("+")
            start = last + int(gap)
            last = start + int(more or 0)
            ids.update(range(start, last + 1))
        key = (row["batch_id"], row["table_name"], row["fields"], row["values_json"])
        merged.setdefault(key, (row_id, row, set()))[2].update(ids)
    out: dict[int, dict] = {}
    for row_id, row, ids in merged.values():
        ranges, ordered = [], sorted(ids)
        for number in ordered:
            if ranges and number == ranges[-1][1] + 1:
                ranges[-1][1] = number
            else:
                ranges.append([number, number])
        out[row_id] = row | {"row_ids": ",".join(f"{a}-{b}" if b > a else str(a) for a, b in ranges)}
    return out


class Dump:
    """A book's rows as sorted text lines, each foreign key written as the referenced row's natural key."""

    def __init__(self, path: Path) -> None:
        self.con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        self.con.row_factory = sqlite3.Row
        names = [row[0] for row in self.con.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        self.tables = sorted(name for name in names if name not in SKIPPED_TABLES and not name.startswith("_"))
        self.fks: dict[str, dict[str, str]] = {
            table: {row["from"]: row["table"] for row in self.con.execute(f"PRAGMA foreign_key_list('{table}')")}
            for table in self.tables}
        self.rows: dict[str, dict[int, dict]] = {}
        for table in self.tables:
            columns = [row["name"] for row in self.con.execute(f"PRAGMA table_info('{table}')")]
            key = "id" if "id" in columns else "rowid"
            self.rows[table] = {row[key]: dict(row) for row in self.con.execute(
                f"SELECT {key} AS _key, * FROM '{table}'")} if key == "id" else {
                index: dict(row) for index, row in enumerate(self.con.execute(f"SELECT * FROM '{table}'"))}
            for row in self.rows[table].values():
                row.pop("_key", None)
        self.con.close()
        if "import_hold" in self.rows:
            self.rows["import_hold"] = _holds_merged(self.rows["import_hold"])
        self._refs: dict[str, dict[int, str]] = {}

    # natural keys of the rows others point at
    def _base(self, table: str, row: dict) -> str:
        if table == "orders" and row["platform_order_no"]:
            return f"O[{row['platform']}:{row['platform_order_no']}]"
        if table == "import_batch":
            return f"B{sorted(self.rows[table]).index(row['id']) + 1}"
        if table == "reminder":
            return f"D[{row['kind']}|{self.ref('customer', row['customer_id'])}|{self._rule_key(row)}]"
        if table not in NATURAL:
            content = json.dumps(self._content(table, row, shallow=True), default=str, ensure_ascii=False)
            return f"{table}[{hashlib.sha1(content.encode()).hexdigest()[:10]}]"
        prefix, columns = NATURAL[table]
        fks = self.fks[table]
        return prefix + "[" + "|".join(self.ref(fks[column], row[column]) if column in fks else str(_stamp(row[column]))
                                       for column in columns) + "]"

    def ref(self, table: str, row_id: Any) -> str:
        if row_id is None:
            return "None"
        if table not in self._refs:
            self._refs[table] = {}
            groups: dict[str, list[int]] = defaultdict(list)
            for rid, row in self.rows[table].items():
                groups[self._base(table, row)].append(rid)
            for base, ids in groups.items():
                if len(ids) == 1:
                    self._refs[table][ids[0]] = base
                    continue
                ranked = sorted(ids, key=lambda i: (json.dumps(self._content(table, self.rows[table][i],
                                                                             shallow=True),
                                                               default=str, ensure_ascii=False), i))
                for number, rid in enumerate(ranked, 1):
                    self._refs[table][rid] = f"{base}#{number}"
        return self._refs[table].get(row_id, f"{table}?{row_id}")

    def _rule_key(self, row: dict) -> str:
        parts = str(row["rule_key"]).split(":")
        fks = self.fks["reminder"]
        hints = {"item": "order_item_id", "order": "order_id", "coupon": "coupon_id", "complaint": "complaint_id",
                 "review": "bad_review_id", "birthday": "customer_id", "level_up": "customer_id"}
        out = [parts[0]]
        for previous, token in pairwise(parts):
            if token.isdigit():
                column = hints.get(previous)
                if column and str(row.get(column)) == token:
                    out.append(self.ref(fks[column], row[column]) if column != "customer_id" else "C")
                    continue
                if previous.isdigit() and row["kind"] == "level_up":
                    level = self.rows.get("member_level", {}).get(int(token))
                    out.append(f"L[{level['name']}]" if level else token)
                    continue
            out.append(token)
        return ":".join(out)

    def _content(self, table: str, row: dict, shallow: bool = False) -> dict:
        stamped = STAMPED.get(table, set())
        if "version" in row and table != "orders":
            stamped = stamped | VERSIONED_STAMPS
        elif table == "orders":
            stamped = stamped | {"updated_at"}
        out: dict[str, Any] = {}
        for column, value in row.items():
            if column == "id" or column in stamped:
                if column in stamped and column != "id":
                    out[column] = None if value is None else "<stamp>"
                continue
            target = self.fks[table].get(column)
            if target:
                if shallow and target == table:
                    out[column] = None if value is None else "<self>"
                else:
                    out[column] = self.ref(target, value)
            elif table == "import_change" and column == "row_id":
                out[column] = self.ref(row["table_name"], value) if row["table_name"] in self.rows else value
            elif table == "import_change" and column == "old_values_json":
                out[column] = self._old_values(row["table_name"], value)
            elif column == "rule_key" and table == "reminder":
                out[column] = self._rule_key(row)
            elif column.endswith("_json") and isinstance(value, str) and value[:1] in "[{":
                try:
                    out[column] = json.loads(value)
                except ValueError:
                    out[column] = value
            else:
                out[column] = _stamp(value)
        return out

    def _old_values(self, table: str, text: str) -> Any:
        try:
            values = json.loads(text)
        except ValueError:
            return text
        if isinstance(values, dict):
            fks = self.fks.get(table, {})
            return {k: (self.ref(fks[k], v) if k in fks and isinstance(v, int) else _stamp(v))
                    for k, v in values.items()}
        return values

    def lines(self) -> list[str]:
        out = []
        for table in self.tables:
            rows = sorted(json.dumps(self._content(table, row), default=str, ensure_ascii=False, sort_keys=True)
                          for row in self.rows[table].values())
            out.append(f"== {table} ({len(rows)})")
            out.extend(rows)
        return out


# ------------------------------------------------------------------------------------------------- running
def _result_lines(code: int, stdout: str, stderr: str, paths: list[str]) -> list[str]:
    def clean(text: str) -> str:
        for path in paths:
            text = text.replace(path, "<dir>")
        return text

    out = [f"exit {code}"]
    for label, text in (("stdout", stdout), ("stderr", stderr)):
        text = clean(text).strip()
        try:
            data = json.loads(text)
        except ValueError:
            # (a traceback's source lines and line numbers are each tree's own)
            out.extend(f"{label}: {line}" for line in text.splitlines() if not line.startswith("  "))
        else:
            out.append(f"{label} json:")
            out.extend("  " + line for line in json.dumps(data, ensure_ascii=False, sort_keys=True,
                                                          indent=1).splitlines())
    return out


def run_tree(tree: Path, scenario: dict, corpus: Path, work: Path) -> list[tuple[str, list[str]]]:
    """Each step's (label, result + dump lines) in ``tree``."""
    work.mkdir(parents=True, exist_ok=True)
    for stale in [*work.glob("b.book*"), *work.glob("slices.log")]:
        stale.unlink()
    env = dict(os.environ, HUITOUKE_DATA_DIR=str(work / "data"), QT_QPA_PLATFORM="offscreen",
               DIFF_TRACE=str(work / "slices.log"),
               **{k: str(v) for k, v in scenario.get("env", {}).items()})
    python = str(tree / ".venv" / "bin" / "python")

    def cli(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([python, "-c", LAUNCH, str(tree), *args], env=env, capture_output=True, text=True,
                              timeout=1800)

    book = work / "b.book"
    made = cli("init", str(book))
    if made.returncode:
        return [("init", [f"init failed {made.returncode}", made.stderr])]
    results = []
    for number, step in enumerate(scenario["steps"], 1):
        args = ["import", str(corpus / step["file"]), "--book", str(book), "--json", "--today", TODAY,
                *step.get("args", [])]
        if step.get("mode") == "checked":
            args = ["checked", str(corpus / step["file"]), str(book), TODAY]
        done = cli(*args)
        label = f"{number}-{step['file'].replace('/', '_')}{''.join(step.get('args', []))}{step.get('mode', '')}"
        lines = _result_lines(done.returncode, done.stdout, done.stderr, [str(corpus), str(work)])
        lines += Dump(book).lines()
        results.append((label, lines))
    return results


def run_scenario(scenario: dict, ref: Path, new: Path, corpus: Path, out: Path) -> tuple[str, str, int]:
    name = scenario["name"]
    texts = {}
    for label, tree in (("ref", ref), ("new", new)):
        texts[label] = run_tree(tree, scenario, corpus, out / name / label)
        for step, lines in texts[label]:
            (out / name / label / f"{step}.txt").write_text("\n".join(lines) + "\n")
    diff: list[str] = []
    for (step, a), (_step, b) in zip(texts["ref"], texts["new"], strict=False):
        diff += difflib.unified_diff(a, b, f"ref/{step}", f"new/{step}", n=1, lineterm="")
    if len(texts["ref"]) != len(texts["new"]):
        diff.append(f"steps: ref {len(texts['ref'])}, new {len(texts['new'])}")
    (out / f"{name}.diff").write_text("\n".join(diff) + ("\n" if diff else ""))
    note = ""
    if scenario.get("env", {}).get("DIFF_SLICE"):  # the slices the new tree read, step by step (none: not cut)
        trace = out / name / "new" / "slices.log"
        note = f" [slices read: {' '.join(trace.read_text().split()) if trace.exists() else 'none'}]"
    return name, note, len([line for line in diff if line[:1] in "+-" and line[:3] not in ("+++", "---")])


def run(args: argparse.Namespace) -> int:
    corpus = Path(args.corpus).resolve()
    scenarios = json.loads((corpus / "scenarios.json").read_text())
    if args.only:
        scenarios = [s for s in scenarios if any(part in s["name"] for part in args.only)]
    out = Path(args.out).resolve()
    out.mkdir(parents=True, exist_ok=True)
    ref, new = Path(args.ref).resolve(), Path(args.new).resolve()
    differing = 0
    with ThreadPoolExecutor(args.jobs) as pool:
        for name, note, lines in pool.map(lambda s: run_scenario(s, ref, new, corpus, out), scenarios):
            print(f"{'SAME' if not lines else 'DIFF'} {name}{note}" + (f"  ({lines} lines, {out / name}.diff)"
                                                                      if lines else ""), flush=True)
            differing += bool(lines)
    print(f"{len(scenarios)} scenarios, {differing} differ")
    return 1 if differing else 0


# -------------------------------------------------------------------------------------------------- corpus
def build_corpus(args: argparse.Namespace) -> int:
    sys.path.insert(0, str(ROOT))
    from scripts.import_diff_corpus import build

    build(Path(args.folder).resolve(), walk=args.walk, big=args.big, python=sys.executable,
          ref=Path(args.ref).resolve() if args.ref else None)
    return 0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    corpus = commands.add_parser("corpus", help="write the corpus and its scenarios.json")
    corpus.add_argument("folder")
    corpus.add_argument("--walk", default="/tmp/walk/make.py", help="the lead's walk-through file maker")
    corpus.add_argument("--big", action="store_true", help="also the 50,000-order workbook")
    corpus.add_argument("--ref", help="the reference tree: its zh_CN export of the demo book is in the corpus too")
    runner = commands.add_parser("run", help="run every scenario in both trees and compare")
    runner.add_argument("--ref", required=True)
    runner.add_argument("--new", default=str(ROOT))
    runner.add_argument("--corpus", required=True)
    runner.add_argument("--out", required=True)
    runner.add_argument("--only", action="append", help="scenarios whose name holds this (repeatable)")
    runner.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args(argv)
    return build_corpus(args) if args.command == "corpus" else run(args)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
