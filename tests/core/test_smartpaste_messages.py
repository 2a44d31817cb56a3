"""Smart paste reads every field of the realistic test messages in smartpaste_cases.py."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from core.smartpaste import parse_message

ROOT = Path(__file__).resolve().parents[2]


def _load(path: Path, name: str):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


CASES_MODULE = _load(Path(__file__).with_name("smartpaste_cases.py"), "smartpaste_cases")
ACCURACY = _load(ROOT / "scripts" / "smartpaste_accuracy.py", "smartpaste_accuracy")
ALL_CASES = (CASES_MODULE.CASES + CASES_MODULE.HELD_OUT_CASES + CASES_MODULE.HELD_OUT_CASES_2
             + CASES_MODULE.HELD_OUT_CASES_3)


def test_there_are_at_least_sixty_distinct_messages():
    texts = [case["text"] for case in ALL_CASES]
    assert len(set(texts)) == len(texts) >= 60


@pytest.mark.parametrize("case", ALL_CASES, ids=[f"msg{n:03d}" for n in range(1, len(ALL_CASES) + 1)])
def test_every_field_of_the_message_is_read(case):
    parsed = parse_message(case["text"], case.get("products", CASES_MODULE.PRODUCTS))

    assert ACCURACY.wrong_fields(case, parsed, CASES_MODULE.FIELDS) == {}


def test_measured_accuracy_meets_the_goal():
    right, total = ACCURACY.measure()

    assert right / total >= 0.95
