"""Every coded error raised in core has a sentence in English and in zh_CN, for the app and the command line.

The codes are read from core's sources: every construction of a HuitoukeError subclass (`ValidationError("code",
…)`), a code passed on through a parameter (`self._check_choice("code", …)`), and the two places that build a
code at run time (listed in DYNAMIC). A new error without a sentence, or a new kind of code construction this walk
cannot read, fails here. ui.text.cli.sentence is what the command line prints and the catalogues the app uses.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from core import errors
from core.book import shared
from tests.conftest import ROOT
from ui.i18n import install_chinese
from ui.text.cli import sentence

CJK = re.compile(r"[\u4e00-\u9fff]")
PLACEHOLDER = re.compile(r"%[a-z_]+")

# Codes made at run time: (file, function) → the codes it can make.
DYNAMIC = {
    ("core/aftersales/tasks.py", "load_case"): {"complaint_not_found", "bad_review_not_found"},  # f"{table}_not_found"
    ("core/book/shared.py", "connection_error"): {code for code, _ in shared._REASONS} | {"connection_failed"},
    ("core/cli_text.py", "say_row_problems"): set(),  # an import's row problems, reported (never raised) by their codes
    ("core/excel/readers.py", "_check_extent"): {"far_cells", "too_large"},  # one or the other by the grid
}
# Details a sentence may name; every placeholder of every sentence must be one of these.
DETAILS = {"value": "X-1", "path": "/books/B.book", "file": "客户.csv", "limit": 40, "max": 300, "start": "2026-02-01",
           "end": "2026-01-01", "what": "things", "command": "products", "rows": 3, "host": "db.local", "port": 5432,
           "database": "shop", "user": "seller", "server_message": "FATAL", "revision": "9999", "field": "f", "id": 7,
           "columns": 16384}


def _core_files() -> list[Path]:
    return [p for p in sorted((ROOT / "core").rglob("*.py")) if "versions" not in p.parts]


def _error_classes(trees: dict[Path, ast.Module]) -> set[str]:
    """Names of HuitoukeError and every subclass defined anywhere in core."""
    names = {name for name, value in vars(errors).items()
             if isinstance(value, type) and issubclass(value, errors.HuitoukeError)}
    grew = True
    while grew:
        grew = False
        for tree in trees.values():
            for node in ast.walk(tree):
                if isinstance(node, ast.ClassDef) and node.name not in names and any(
                        _name(base) in names for base in node.bases):
                    names.add(node.name)
                    grew = True
    return names


def _name(node: ast.expr) -> str | None:
    return node.id if isinstance(node, ast.Name) else node.attr if isinstance(node, ast.Attribute) else None


def _functions(tree: ast.Module):
    """(function, node) for every call inside a function, the innermost function."""
    for function in ast.walk(tree):
        if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
            for node in ast.walk(function):
                yield function, node


def raised_codes() -> dict[str, str]:
    """code → the error class constructing it, for every code raised in core (see the module docstring)."""
    trees = {path: ast.parse(path.read_text(encoding="utf-8")) for path in _core_files()}
    classes = _error_classes(trees)
    codes: dict[str, str] = {}
    forwarded: dict[str, tuple[int, str]] = {}  # function name → (index of its code parameter, error class)
    unread = []
    for path, tree in trees.items():
        where = path.relative_to(ROOT).as_posix()
        for function, node in _functions(tree):
            if not (isinstance(node, ast.Call) and _name(node.func) in classes):
                continue
            kind = _name(node.func)
            first = node.args[0] if node.args else next((k.value for k in node.keywords if k.arg == "code"), None)
            params = [a.arg for a in function.args.args]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                codes.setdefault(first.value, kind)
            elif isinstance(first, ast.Name) and first.id in params:
                forwarded[function.name] = (params.index(first.id) - (params[:1] in (["self"], ["cls"])), kind)
            elif (where, function.name) in DYNAMIC:
                codes.update(dict.fromkeys(DYNAMIC[(where, function.name)], kind))
            else:
                unread.append(f"{where}:{node.lineno} {ast.unparse(node)[:80]}")
    for tree in trees.values():
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _name(node.func) in forwarded:
                index, kind = forwarded[_name(node.func)]
                arg = node.args[index] if len(node.args) > index else None
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    codes.setdefault(arg.value, kind)
    assert not unread, "codes this walk cannot read; add them to DYNAMIC:\n" + "\n".join(unread)
    return codes


def _error(code: str, kind: str) -> errors.HuitoukeError:
    cls = getattr(errors, kind, errors.HuitoukeError)
    return cls(code, **DETAILS)


@pytest.mark.slow
def test_the_walk_finds_the_codes_of_every_kind_of_construction():
    codes = raised_codes()
    assert len(codes) > 120
    assert codes["book_missing"] == "RejectedInput"  # a literal
    assert codes["contact_channel_invalid"] == "ValidationError"  # through self._check_choice(code, …)
    assert codes["amount_invalid"] == "CellRejected"  # through _decimal(value, code)
    assert {"bad_review_not_found", "login_failed", "analytics_cancelled"} <= set(codes)


@pytest.mark.slow
def test_every_code_raised_in_core_has_an_english_sentence():
    missing, unfilled = [], []
    for code, kind in sorted(raised_codes().items()):
        error = _error(code, kind)
        text = sentence(error)
        if text == error.message:  # no catalogue knew the code: the class's generic English words
            missing.append(code)
        elif PLACEHOLDER.search(text):
            unfilled.append(f"{code}: {text}")
    assert not missing, "no sentence (add one to ui/text/errors.py MESSAGES, then translate): " + ", ".join(missing)
    assert not unfilled, "placeholders that are no detail:\n" + "\n".join(unfilled)


@pytest.fixture
def chinese(qapp):
    translators = install_chinese(qapp)
    assert translators, "the zh_CN translation could not be loaded"
    yield
    for translator in translators:
        qapp.removeTranslator(translator)


@pytest.mark.slow
def test_every_code_raised_in_core_has_a_chinese_sentence(chinese):
    untranslated = []
    for code, kind in sorted(raised_codes().items()):
        text = sentence(_error(code, kind))
        if not CJK.search(text):
            untranslated.append(f"{code}: {text}")
    assert not untranslated, "no zh_CN sentence:\n" + "\n".join(untranslated)
