"""Measure smart-paste accuracy: the share of the test messages whose every field is read right.

Usage: python scripts/smartpaste_accuracy.py [-v]   (-v prints each wrong field)
"""

from __future__ import annotations

import runpy
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CASES_FILE = ROOT / "tests" / "core" / "smartpaste_cases.py"


def load_cases() -> tuple[list[dict], tuple[str, ...], tuple[str, ...]]:
    """(every test message, the default product list, the compared fields) from the cases file."""
    cases = runpy.run_path(str(CASES_FILE))
    every = cases["CASES"] + cases["HELD_OUT_CASES"] + cases["HELD_OUT_CASES_2"] + cases["HELD_OUT_CASES_3"]
    return every, cases["PRODUCTS"], cases["FIELDS"]


def wrong_fields(case: dict, parsed, fields: tuple[str, ...]) -> dict[str, tuple[object, object]]:
    """Field → (expected, got) for every field of *parsed* that differs from the case."""
    wrong = {}
    for field in fields:
        expected = case.get(field, () if field in ("phones", "items") else None)
        got = getattr(parsed, field)
        if got != expected:
            wrong[field] = (expected, got)
    return wrong


def measure(verbose: bool = False) -> tuple[int, int]:
    """(messages fully right, messages) over every case in tests/core/smartpaste_cases.py."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from core.smartpaste import parse_message

    cases, products, fields = load_cases()
    right = 0
    for number, case in enumerate(cases, 1):
        parsed = parse_message(case["text"], case.get("products", products))
        wrong = wrong_fields(case, parsed, fields)
        right += not wrong
        if wrong and verbose:
            print(f"#{number}: {case['text']!r}")
            for field, (expected, got) in wrong.items():
                print(f"    {field}: expected {expected!r}, got {got!r}")
    return right, len(cases)


def main() -> int:
    right, total = measure(verbose="-v" in sys.argv)
    print(f"{right}/{total} messages fully right: {100 * right / total:.1f} %")
    return 0


if __name__ == "__main__":
    sys.exit(main())
