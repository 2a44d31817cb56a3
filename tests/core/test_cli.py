"""The command line as a script sees it: real processes, exit codes and JSON."""

import json
import os
import subprocess
import sys

import pytest

from core.book.db import Book
from core.book.lock import BookLock
from tests.conftest import ROOT


def run(*args, env=None):
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *map(str, args)], cwd=ROOT, capture_output=True,
                          text=True, env={**os.environ, **(env or {})}, timeout=120)


def test_version():
    out = run("--version")
    assert out.returncode == 0 and out.stdout.startswith("Huitouke ")


@pytest.mark.slow
def test_init_then_check_then_refuse_to_overwrite(tmp_path):
    path = tmp_path / "b.book"
    assert run("init", path).returncode == 0
    check = run("check", "--book", path, "--json")
    assert check.returncode == 0
    assert json.loads(check.stdout)["ok"] is True
    again = run("init", path)
    assert again.returncode == 2
    assert json.loads(again.stderr)["error"]["code"] == "book_exists"


@pytest.mark.slow
def test_backup_and_restore_from_the_command_line(tmp_path):
    path = tmp_path / "b.book"
    run("init", path)
    out = run("backup", "--book", path, "--json")
    assert out.returncode == 0
    backup_path = json.loads(out.stdout)["path"]
    with Book.open(path) as b, b.session() as s:
        from core.book.models import Customer

        s.add(Customer(name="后来的客户"))
    assert run("restore", backup_path, "--book", path).returncode == 0
    assert json.loads(run("check", "--book", path, "--json").stdout)["counts"]["customer"] == 0


@pytest.mark.slow
def test_restore_of_a_book_open_in_the_app_exits_3_naming_the_holder(tmp_path):
    path = tmp_path / "b.book"
    run("init", path)
    backup_path = json.loads(run("backup", "--book", path, "--json").stdout)["path"]
    with BookLock(path, "test holder"):
        out = run("restore", backup_path, "--book", path)
    assert out.returncode == 3
    holder = json.loads(out.stderr)["error"]["holder"]
    assert holder["program"] == "test holder" and holder["pid"] == os.getpid()


@pytest.mark.slow
def test_not_a_book_or_missing_book_exit_codes(tmp_path):
    path = tmp_path / "b.book"
    path.write_bytes(b"this is not a database" * 100)
    assert run("check", "--book", path).returncode == 2
    backup = run("backup", "--book", path)
    assert backup.returncode == 2 and json.loads(backup.stderr)["error"]["code"] == "not_a_book"
    assert run("check", "--book", tmp_path / "none.book").returncode == 2


def test_unknown_arguments_are_rejected_with_exit_2():
    assert run("check", "--no-such-flag").returncode == 2


@pytest.mark.slow
def test_init_takes_book_like_every_other_command_and_a_missing_book_says_how_to_make_one(tmp_path):
    path = tmp_path / "new.book"
    missing = run("import", tmp_path / "any.csv", "--book", path, "--json")
    assert missing.returncode == 2 and not path.exists()
    error = json.loads(missing.stderr)["error"]
    assert error["code"] == "book_missing" and "init" in error["message"]
    assert run("init", "--book", path).returncode == 0
    assert json.loads(run("check", "--book", path, "--json").stdout)["ok"] is True
    assert json.loads(run("init", "--book", path).stderr)["error"]["code"] == "book_exists"


@pytest.mark.slow
def test_import_begins_reading_and_loads_the_importer_before_qt(tmp_path):
    """core.cli.start_early: PySide6 (the command line's words) looks at every module imported after it, so
    `import FILE` reads FILE and imports the importer first; the import itself is as before."""
    from tests.core.excel.files import taobao_rows, write_csv

    book = tmp_path / "b.book"
    assert run("init", book).returncode == 0
    data = write_csv(tmp_path / "orders.csv", taobao_rows(20, 8), encoding="gbk", quote_all=True)
    out = subprocess.run([sys.executable, "-X", "importtime", str(ROOT / "main.py"), "import", str(data), "--book",
                          str(book), "--json"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    assert json.loads(out.stdout)["orders_created"] == 20
    done = [line.rsplit("|", 1)[1].strip() for line in out.stderr.splitlines() if line.startswith("import time:")]
    assert done.index("core.excel.importer") < done.index("PySide6")
