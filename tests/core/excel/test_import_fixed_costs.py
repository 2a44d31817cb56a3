"""What an import into an empty book no longer pays (issue #18, Build 5: the CPU of `main.py import`): the read
begun before SQLAlchemy is imported, no person matched against a book that holds nobody, no other-accounts cell
read for people without one. The books written are the same (scripts/import_diff.py); these tests hold the
shortcuts to their conditions."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest
from sqlalchemy import func, insert, select

from core.book.models import Customer, CustomerAlias, Order
from core.excel import customer_rows
from core.excel.bulk_insert import bulk_insert_columns
from core.excel.importer import ImportOptions, run_import
from core.excel.matching import BookIndex
from tests.conftest import ROOT
from tests.core.excel.files import taobao_rows, write_csv


def test_the_read_of_a_file_needs_no_sqlalchemy():
    """core.cli.start_early begins the read (core.excel.analysis) before the book's modules are imported; if the
    read imported SQLAlchemy itself, its ≈ 0.4 s of imports would come before the read instead of beside it."""
    out = subprocess.run([sys.executable, "-c", "import sys, core.excel.analysis, core.excel.cleaning;"
                          "print(sorted({m.split('.')[0] for m in sys.modules} & {'sqlalchemy', 'PySide6'}))"],
                         cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]", out.stdout


def test_the_writer_imports_the_history_sheets_modules_only_for_our_export():
    """(≈ 0.02 s of imports an ordinary file does not need; our export's history: test_packed_rows.py.)"""
    out = subprocess.run([sys.executable, "-c", "import sys, core.cli, core.excel.importer, core.excel.writer;"
                          "print(sorted({'core.excel.own_history', 'core.aftersales.dto'} & set(sys.modules)))"],
                         cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]", out.stdout


def _count(book, model) -> int:
    with book.session() as session:
        return session.scalar(select(func.count()).select_from(model))


def test_a_first_import_matches_nobody_and_a_later_one_matches_everybody(book, tmp_path, monkeypatch):
    rows = taobao_rows(30, 10)
    first = write_csv(tmp_path / "first.csv", rows, encoding="gbk", quote_all=True)
    matched = []
    real_match = BookIndex.match

    def match(self, person, owners):
        matched.append(person.fields.get("platform_buyer_id"))
        return real_match(self, person, owners)

    monkeypatch.setattr(BookIndex, "match", match)
    result = run_import(book, first, ImportOptions())
    assert matched == []  # the book held nobody: nobody was looked up
    people = _count(book, Customer)
    assert result.customers_created == people and people >= 8
    assert result.orders_created == _count(book, Order) == 30 and not result.proposals
    # the same people again, three with one order more: every person is matched, nobody created
    more = [list(row) for row in rows[1:4]]
    for number, row in enumerate(more):
        row[0] = f'="{9100 + number}"'
    again = [*rows, *more]
    second = write_csv(tmp_path / "second.csv", again, encoding="gbk", quote_all=True)
    result = run_import(book, second, ImportOptions())
    assert len(matched) == people and result.customers_created == 0
    assert _count(book, Customer) == people and _count(book, Order) == 33


def test_other_accounts_are_read_only_for_people_who_have_some(book, tmp_path, monkeypatch):
    """(Our export's 其他账号 lines, read for those who have some: tests/core/excel/test_round_trip_fields.py.)"""
    read = []
    real = customer_rows.alias_lines

    def alias_lines(text):
        read.append(text)
        return real(text)

    monkeypatch.setattr(customer_rows, "alias_lines", alias_lines)
    table = [["称呼", "手机"], ["王芳", "13800000001"], ["李娜", "13800000002"], ["张伟", "13800000003"]]
    run_import(book, write_csv(tmp_path / "people.csv", table), ImportOptions())
    assert read == []
    assert _count(book, Customer) == 3 and _count(book, CustomerAlias) == 0


_START_UP = """
import gc, sys, threading
import main
collections = []
# (the main thread's collections only: the file's read goes on on its thread once start_command returned, with
# the collector back on, and may set one off before the print)
gc.callbacks.append(lambda phase, info: collections.append(info["generation"])
                    if phase == "start" and threading.current_thread() is threading.main_thread() else None)
cli_main = main.start_command(["import", sys.argv[1], "--book", sys.argv[2]])
during = len(collections)
print(during, gc.isenabled(), gc.get_freeze_count() > 50_000)
"""


def test_the_command_line_starts_without_collecting_what_it_imports(tmp_path):
    """main.start_command: the imports, the read begun and the words installed with the collector paused, what they
    made frozen out of it (each collection they set off walked every object again)."""
    data = write_csv(tmp_path / "orders.csv", taobao_rows(20, 8), encoding="gbk", quote_all=True)
    out = subprocess.run([sys.executable, "-c", _START_UP, str(data), str(tmp_path / "b.book")], cwd=ROOT,
                         capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["0", "True", "True"], out.stdout + out.stderr


@pytest.mark.sqlite_only  # the mapping is SQLite's (typeof); PostgreSQL binds typed values
def test_bulk_inserted_times_dates_and_flags_are_stored_as_sqlalchemy_stores_them(book):
    """core.excel.bulk_insert maps dates, times and booleans over a column at C speed: what SQLite stores is what
    SQLAlchemy's own insert stores (text of the same form, 0 and 1), with and without empty cells; a column that
    is not all booleans still goes through SQLAlchemy's processor, which refuses what is not one."""
    moment = dt.datetime(2024, 5, 3, 10, 1, 2)
    rows = [{"name": f"甲{n}", "deleted_at": moment + dt.timedelta(seconds=n * 61, microseconds=n * 7),
             "first_purchase_on": dt.date(2024, 5, n + 1), "last_purchase_on": None if n % 2 else dt.date(2023, 1, n + 1),
             "do_not_disturb": bool(n % 2), "risk_buyer": n % 2, "birthday_lunar": False} for n in range(4)]
    rows[1]["deleted_at"] = None
    columns = {name: [row[name] for row in rows] for name in rows[0]}
    stored = "SELECT {} FROM customer WHERE id {} ORDER BY id".format(
        ", ".join(f"typeof({name}), {name}" for name in columns), "{}")
    with book.session() as session:
        session.execute(insert(Customer.__table__), rows)
        first = session.connection().exec_driver_sql(stored.format("<= 4")).all()
        bulk_insert_columns(session, Customer.__table__, columns)
        second = session.connection().exec_driver_sql(stored.format("> 4")).all()
        assert [tuple(row) for row in second] == [tuple(row) for row in first]
        assert first[0][2:4] == ("text", "2024-05-03 10:01:02.000000") and first[1][2:4] == ("null", None)
        assert first[1][8:12] == ("integer", 1, "integer", 1)  # (True and the int 1 alike)
        with pytest.raises(TypeError):
            bulk_insert_columns(session, Customer.__table__, {"name": ["乙"], "risk_buyer": ["yes"]})


_LOADED_AFTER_IMPORT = """
import sys
import main
argv = ["import", sys.argv[1], "--book", sys.argv[2]]
code = main.start_command(argv)(argv)
unwanted = ("openpyxl", "alembic", "matplotlib", "PySide6.QtGui", "PySide6.QtWidgets",
            "sqlalchemy.dialects.postgresql", "psycopg", "core.dto", "core.orders")
print()
print(code, sorted(name for name in sys.modules if name.startswith(unwanted)))
"""


def test_the_command_line_import_of_a_workbook_imports_only_what_it_uses(tmp_path):
    """`main.py import` of an .xlsx into a SQLite book at its schema's head (issue #18, Build 5: the process's fixed
    costs): calamine reads it (no openpyxl), no migration is due (no alembic), no window or chart; the models'
    PostgreSQL partial indexes are completed only when a PostgreSQL engine is made (core.book.models.for_postgresql:
    ≈ 0.02 s of the PostgreSQL dialect and its drivers' modules otherwise), and the order forms' DTOs and queries
    (core.dto, core.orders: ≈ 0.02 s) are not the import's."""
    from tests.core.excel.files import write_xlsx

    rows = [[cell[2:-1] if cell.startswith('="') else cell for cell in row] for row in taobao_rows(20, 8)]
    data = write_xlsx(tmp_path / "orders.xlsx", {"ExportOrderList": rows})  # (order numbers as text, no ="…")
    book_path = tmp_path / "b.book"
    subprocess.run([sys.executable, "main.py", "init", str(book_path)], cwd=ROOT, capture_output=True, check=True)
    out = subprocess.run([sys.executable, "-c", _LOADED_AFTER_IMPORT, str(data), str(book_path)], cwd=ROOT,
                         capture_output=True, text=True, check=True)
    assert out.stdout.splitlines()[-1] == "0 []", out.stdout + out.stderr
