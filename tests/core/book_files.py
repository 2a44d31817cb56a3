"""Real book files in the states that issue #20 found mishandled, for tests/core/test_book_safety.py & co."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

from core.book.db import Book
from core.book.models import Customer
from tests.conftest import ROOT

PHONE = "13812345678"
NAME = "欧阳秘密"
FIXTURE_0001 = ROOT / "tests" / "fixtures" / "book-0001.book"


def run_cli(*args, env=None, preexec_fn=None):
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *map(str, args)], cwd=ROOT, capture_output=True,
                          text=True, env={**os.environ, **(env or {})}, timeout=300, preexec_fn=preexec_fn)


def error_of(out) -> dict:
    return json.loads(out.stderr.strip().splitlines()[-1])["error"]


def make_book(path: Path, *, customers: int = 2, backup_root: Path | None = None) -> Path:
    """A closed book holding NAME / PHONE and a few more customers."""
    with Book.open(path, create=True, backup_root=backup_root) as b, b.session() as s:
        s.add(Customer(name=NAME, phone=PHONE, phone_norm=PHONE))
        s.add_all(Customer(name=f"客户{i}", phone=f"1390000{i:04d}", phone_norm=f"1390000{i:04d}")
                  for i in range(customers - 1))
    return path


def skew_index(path: Path) -> None:
    """Change one digit of PHONE on the customer table's leaf page only: the table and its phone index now
    disagree, which quick_check does not see and integrity_check does."""
    con = sqlite3.connect(path)
    root = con.execute("SELECT rootpage FROM sqlite_master WHERE name = 'customer'").fetchone()[0]
    size = con.execute("PRAGMA page_size").fetchone()[0]
    con.close()
    data = bytearray(path.read_bytes())
    start = (root - 1) * size
    at = data.index(PHONE.encode(), start, start + size)
    data[at + len(PHONE) - 1] = ord("0") if PHONE[-1] != "0" else ord("1")
    path.write_bytes(bytes(data))


def break_table(path: Path, table: str) -> None:
    """Overwrite the root page of `table` with junk (a bad disk): quick_check fails, and so does any read of that
    table ("database disk image is malformed"); the other tables still read."""
    con = sqlite3.connect(path)
    root = con.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
    size = con.execute("PRAGMA page_size").fetchone()[0]
    con.close()
    with open(path, "r+b") as fh:
        fh.seek((root - 1) * size)
        fh.write(b"\xde\xad\xbe\xef" * (size // 4))


def copy_fixture_0001(path: Path) -> Path:
    shutil.copyfile(FIXTURE_0001, path)
    return path


@contextlib.contextmanager
def read_only_folder(folder: Path):
    """`folder` made unwritable for this process: chmod 0555, or (as root, whom modes do not stop) a
    read-only tmpfs mount holding what the folder held."""
    if os.geteuid() != 0:
        folder.chmod(0o555)
        try:
            yield folder
        finally:
            folder.chmod(0o755)
        return
    saved = folder.with_name(folder.name + "-saved")
    shutil.copytree(folder, saved)
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(folder)], check=True)
    try:
        shutil.copytree(saved, folder, dirs_exist_ok=True)
        subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=True)


@contextlib.contextmanager
def small_disk(folder: Path, size_kb: int):
    """A real full disk at `folder`: a tmpfs of `size_kb` (needs root)."""
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size_kb}k", "tmpfs", str(folder)], check=True)
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=True)

