"""Measure smart-paste accuracy on the project's own messages: per field and fully right.

Usage: python scripts/smartpaste_accuracy.py [-v] [--fresh | --fresh=N]
    -v         print each wrong field
    --fresh    measure only the fresh batches (tests/core/smartpaste_fresh_cases.py), written after tuning
    --fresh=N  measure only fresh batch N (1 is FRESH_CASES, N ≥ 2 is FRESH_CASES_N)

Sets: the general messages (tests/core/smartpaste_cases.py: every field, items and amount too), the
failure-class messages of issue #19 (tests/core/smartpaste_class_cases.py), the unknown-name and region-trap
classes (tests/core/smartpaste_name_cases.py, one set per class) and the fresh set. For each set
it prints the share right of name, phones, province, city, district, the province–city–district chain,
detail, and of whole messages (every field the case gives).
"""

from __future__ import annotations

import runpy
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TESTS = ROOT / "tests" / "core"
CASES_FILE = TESTS / "smartpaste_cases.py"
CLASS_FILE = TESTS / "smartpaste_class_cases.py"
FRESH_FILE = TESTS / "smartpaste_fresh_cases.py"
NAME_FILE = TESTS / "smartpaste_name_cases.py"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # the case files import one another as tests.core.…
REPORTED = ("name", "phones", "province", "city", "district", "chain", "detail")


def load_cases() -> tuple[list[dict], tuple[str, ...], tuple[str, ...]]:
    """(the general test messages, the default product list, the compared fields) from the cases file."""
    cases = runpy.run_path(str(CASES_FILE))
    every = cases["CASES"] + cases["HELD_OUT_CASES"] + cases["HELD_OUT_CASES_2"] + cases["HELD_OUT_CASES_3"]
    return every, cases["PRODUCTS"], cases["FIELDS"]


def load_sets() -> dict[str, tuple[list[dict], tuple[str, ...]]]:
    """Set name → (cases, compared fields) for every set that exists."""
    general, _, fields = load_cases()
    sets = {"general": (general, fields)}
    classes = runpy.run_path(str(CLASS_FILE))
    sets["failure classes"] = ([case for cases in classes["CLASSES"].values() for case in cases],
                               classes["CLASS_FIELDS"])
    if NAME_FILE.exists():
        names = runpy.run_path(str(NAME_FILE))
        for name, cases in names["NAME_CLASSES"].items():
            sets[f"names: {name}"] = (cases, classes["CLASS_FIELDS"])
    if FRESH_FILE.exists():
        fresh = runpy.run_path(str(FRESH_FILE))
        sets["fresh"] = (fresh["FRESH_CASES"], fresh["FRESH_FIELDS"])
        batch = 2
        while f"FRESH_CASES_{batch}" in fresh:  # every batch the file holds: FRESH_CASES_2, _3, _4 …
            sets[f"fresh {batch}"] = (fresh[f"FRESH_CASES_{batch}"], fresh["FRESH_FIELDS"])
            batch += 1
    return sets


def wrong_fields(case: dict, parsed, fields: tuple[str, ...]) -> dict[str, tuple[object, object]]:
    """Field → (expected, got) for every field of *parsed* that differs from the case."""
    wrong = {}
    for field in fields:
        expected = case.get(field, () if field in ("phones", "items") else None)
        got = getattr(parsed, field)
        if got != expected:
            wrong[field] = (expected, got)
    return wrong


def measure_set(cases: list[dict], fields: tuple[str, ...], products: tuple[str, ...],
                verbose: bool = False) -> dict[str, int]:
    """Field (and "chain", "fully right") → number of *cases* read right."""
    from core.smartpaste import parse_message

    right = dict.fromkeys((*REPORTED, "fully right"), 0)
    for number, case in enumerate(cases, 1):
        parsed = parse_message(case["text"], case.get("products", products))
        wrong = wrong_fields(case, parsed, fields)
        checked = wrong_fields(case, parsed, ("name", "phones", "province", "city", "district", "detail"))
        for field in REPORTED:
            if field == "chain":
                right[field] += not checked.keys() & {"province", "city", "district"}
            else:
                right[field] += field not in checked
        right["fully right"] += not wrong
        if wrong and verbose:
            print(f"#{number}: {case['text']!r}")
            for field, (expected, got) in wrong.items():
                print(f"    {field}: expected {expected!r}, got {got!r}")
    return right


def measure(verbose: bool = False) -> tuple[int, int]:
    """(messages fully right, messages) over the general messages in tests/core/smartpaste_cases.py."""
    cases, products, fields = load_cases()
    return measure_set(cases, fields, products, verbose)["fully right"], len(cases)


def selected(name: str, argv: list[str]) -> bool:
    """Whether the set called *name* is measured under the command-line options *argv*."""
    batches = [arg.removeprefix("--fresh=") for arg in argv if arg.startswith("--fresh=")]
    if batches:
        return name in {"fresh" if batch == "1" else f"fresh {batch}" for batch in batches}
    return "--fresh" not in argv or name.startswith("fresh")


def main() -> int:
    verbose = "-v" in sys.argv
    _, products, _ = load_cases()
    for name, (cases, fields) in load_sets().items():
        if not selected(name, sys.argv[1:]):
            continue
        if verbose:
            print(f"--- {name}")
        right = measure_set(cases, fields, products, verbose)
        total = len(cases)
        figures = "  ".join(f"{field} {100 * count / total:.1f} %" for field, count in right.items())
        print(f"{name} ({total} messages): {figures}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
