"""core logs what it did to a book — ids, counts and codes — and never a customer's name, phone or address."""

from __future__ import annotations

import logging

import pytest

from core.customers import CustomerService
from core.errors import ImportRejected
from core.excel.batches import undo_import
from core.excel.importer import ImportOptions, run_import
from tests.core.excel.files import write_csv

NAME, PHONE, ADDRESS = "蒋雨桐", "13912345678", "江苏省南京市鼓楼区中山路8号"


def _log_text(caplog) -> str:
    return "\n".join(record.getMessage() for record in caplog.records if record.name.startswith("core."))


def test_import_undo_merge_and_erase_leave_ids_and_counts_and_no_customer_values(book, tmp_path, caplog):
    sheet = write_csv(tmp_path / "客户.csv", [["姓名", "手机", "地址"], [NAME, PHONE, ADDRESS],
                                             ["蒋先生", "13912345679", ADDRESS]])
    caplog.set_level(logging.INFO)
    result = run_import(book, sheet, ImportOptions(backup=False))
    assert result.customers_created == 2
    text = _log_text(caplog)
    assert f"batch {result.batch_id}: 2 customers created" in text

    undo_import(book, result.batch_id)
    assert f"import batch {result.batch_id} undone: 2 customers" in _log_text(caplog)

    again = run_import(book, sheet, ImportOptions(backup=False))
    customers = CustomerService(book)
    ids = _ids(book)
    customers.merge(ids[0], ids[1], backup=False)
    customers.erase([ids[0]])
    text = _log_text(caplog)
    assert f"merging customer {ids[1]} into {ids[0]}" in text
    assert f"erased 1 customer(s): ids [{ids[0]}]" in text
    assert again.batch_id is not None
    for value in (NAME, PHONE, ADDRESS, "蒋先生", "13912345679", "中山路"):
        assert value not in text


def _ids(book) -> list[int]:
    from sqlalchemy import select

    from core.book.models import Customer

    with book.session() as s:
        return sorted(s.scalars(select(Customer.id)))


def test_a_refused_import_logs_its_code(book, tmp_path, caplog):
    empty = write_csv(tmp_path / "empty.csv", [["备注"], ["只有备注"]])
    caplog.set_level(logging.INFO)
    with pytest.raises(ImportRejected) as refused:
        run_import(book, empty, ImportOptions(backup=False))
    assert f"import refused or stopped: {refused.value.code}" in _log_text(caplog)


def test_the_command_line_logs_what_core_did_to_its_own_rotating_log(tmp_path):
    import os
    import subprocess
    import sys

    from tests.conftest import ROOT

    sheet = write_csv(tmp_path / "客户.csv", [["姓名", "手机"], [NAME, PHONE]])
    book = tmp_path / "B.book"
    env = {**os.environ, "HUITOUKE_DATA_DIR": str(tmp_path / "data")}
    for args in (["init", str(book)], ["import", str(sheet), "--book", str(book)]):
        subprocess.run([sys.executable, str(ROOT / "main.py"), *args], cwd=ROOT, env=env, check=True,
                       capture_output=True, timeout=120)
    log = (tmp_path / "data" / "logs" / "cli.log").read_text(encoding="utf-8")
    assert "1 customers created" in log and "schema upgrade" in log
    assert NAME not in log and PHONE not in log
    assert (tmp_path / "data" / "logs" / "cli.log").stat().st_mode & 0o077 == 0
