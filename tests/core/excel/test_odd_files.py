"""Odd files read or refused precisely (issue #18, Build 3): a corpus written with the project's own
generators (tests/core/excel/files.py, openpyxl, xlwt, msoffcrypto) imported by `main.py import` as a script
would: never exit 1, never over 60 s, each file imported with its notes or refused with its code."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import time

import pytest

from core.excel.readers import read_sheets
from tests.conftest import ROOT
from tests.core.excel.files import html_table_bytes, write_csv, write_xls, write_xlsx

HEADER = ["姓名", "手机号", "下单时间", "商品", "金额", "备注"]


def _import(book, path, timeout=60):
    started = time.monotonic()
    out = subprocess.run([sys.executable, str(ROOT / "main.py"), "import", str(path), "--book", str(book), "--json"],
                         cwd=ROOT, capture_output=True, text=True, timeout=timeout)
    elapsed = time.monotonic() - started
    assert out.returncode in (0, 2), out.stderr
    assert elapsed < 60
    return out.returncode, json.loads(out.stdout if out.returncode == 0 else out.stderr)


@pytest.fixture
def cli_book(tmp_path):
    book = tmp_path / "b.book"
    subprocess.run([sys.executable, str(ROOT / "main.py"), "init", str(book)], cwd=ROOT, check=True,
                   capture_output=True)
    return book


def _codes(data):
    return [(error["row"], error["column"], error["code"]) for error in data["errors"]]


@pytest.mark.slow
def test_a_huge_cell_is_cut_with_a_warning_not_a_refusal(tmp_path, cli_book):
    path = write_csv(tmp_path / "huge.csv", [HEADER, ["王芳", "13925130165", "2024-05-03", "蜂蜜", 68, "长" * 150_000],
                                             ["李四", "13800138000", "2024-05-04", "茶", 10, ""]])
    code, data = _import(cli_book, path)
    assert code == 0 and data["customers_created"] == 2
    assert _codes(data) == [(2, "备注", "cell_cut")]


@pytest.mark.slow
def test_a_gbk_line_in_a_utf8_file_is_read_and_reported_by_row(tmp_path, cli_book):
    utf8 = write_csv(tmp_path / "part.csv", [HEADER, ["王芳", "13925130165", "2024-05-03", "蜂蜜", 68, "好"]])
    gbk_line = "李四,13800138000,2024-05-04,红糖姜茶,10,老客\r\n".encode("gbk")
    bad_line = b"\xff\xfe\xfa,13700137000,2024-05-05,x,1,\r\n"
    path = tmp_path / "mixed.csv"
    path.write_bytes(utf8.read_bytes() + gbk_line + bad_line)
    code, data = _import(cli_book, path)
    assert code == 0 and data["customers_created"] == 3
    assert _codes(data) == [(3, "", "encoding_mixed"), (4, "", "encoding_replaced")]
    sheet = read_sheets(path)[0]
    assert sheet.rows[2][3] == "红糖姜茶"


@pytest.mark.slow
def test_an_html_table_saved_as_xls_is_read(tmp_path, cli_book):
    for suffix in ("xls", "xlsx"):
        path = tmp_path / f"erp.{suffix}"
        path.write_bytes(html_table_bytes(HEADER))
        code, data = _import(cli_book, path)
        assert code == 0 and data["orders_created"] + data["orders_unchanged"] == 2


@pytest.mark.slow
def test_encrypted_workbooks_are_refused_as_encrypted(tmp_path, cli_book):
    import msoffcrypto
    import olefile

    plain = write_xlsx(tmp_path / "plain.xlsx", {"s": [HEADER, ["王芳", "13925130165", "2024-05-03", "蜂蜜", 68, ""]]})
    locked = tmp_path / "locked.xlsx"
    with plain.open("rb") as source, locked.open("wb") as target:
        office = msoffcrypto.OfficeFile(source)
        office.encrypt("1234", target)
    xls = write_xls(tmp_path / "locked.xls", {"s": [HEADER, ["王芳", "13925130165", "2024-05-03", "蜂蜜", 68, ""]]})
    with olefile.OleFileIO(str(xls), write_mode=True) as ole:  # BOF, then FILEPASS: a password to open
        stream = bytearray(ole.openstream("Workbook").read())
        bof_size = int.from_bytes(stream[2:4], "little")
        at = 4 + bof_size
        size = int.from_bytes(stream[at + 2:at + 4], "little")
        stream[at:at + 4] = (0x002F).to_bytes(2, "little") + size.to_bytes(2, "little")
        ole.write_stream("Workbook", bytes(stream))
    for path in (locked, xls):
        code, data = _import(cli_book, path)
        assert (code, data["error"]["code"]) == (2, "encrypted")


@pytest.mark.slow
def test_a_stray_quote_is_reported_by_row_and_does_not_swallow_the_rows_after_it(tmp_path, cli_book):
    path = tmp_path / "quote.csv"
    path.write_text("姓名,手机号,下单时间,商品,金额\n王芳,13925130165,2024-05-03,\"蜂蜜 500g,68\n"
                    "李四,13800138000,2024-05-04,茶,10\n赵敏,13700137000,2024-05-05,姜茶,20\n", encoding="utf-8")
    code, data = _import(cli_book, path)
    assert code == 0 and data["customers_created"] == 3
    assert (2, "商品", "quote_unbalanced") in _codes(data)


@pytest.mark.slow
def test_formula_cells_without_a_saved_value_are_reported_by_cell(tmp_path, cli_book):
    path = write_xlsx(tmp_path / "formulas.xlsx", {"s": [
        HEADER, ['=CONCAT("王","芳")', "13925130165", "2024-05-03", "蜂蜜", "=34*2", ""],
        ["李四", "13800138000", "2024-05-04", "茶", 10, ""]]})
    code, data = _import(cli_book, path)
    assert code == 0
    codes = _codes(data)
    assert (2, "姓名", "formula_without_value") in codes and (2, "金额", "formula_without_value") in codes
    assert [error["value"] for error in data["errors"] if error["code"] == "formula_without_value"] == ["A2", "E2"]


@pytest.mark.slow
def test_1904_dates_and_hidden_sheets(tmp_path, cli_book):
    import openpyxl
    from openpyxl.utils.datetime import CALENDAR_MAC_1904

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "订单"
    sheet.append(HEADER)
    sheet.append(["王芳", "13925130165", dt.datetime(2024, 5, 3, 10, 0), "蜂蜜", 68, ""])
    helper = workbook.create_sheet("下拉选项")
    helper.append(["姓名", "商品"])
    helper.append(["选项一", "蜂蜜"])
    helper.sheet_state = "hidden"
    workbook.epoch = CALENDAR_MAC_1904
    path = tmp_path / "mac.xlsx"
    workbook.save(path)
    assert [sheet.name for sheet in read_sheets(path)] == ["订单"]  # the hidden helper list is left out
    code, data = _import(cli_book, path)
    assert code == 0 and data["customers_created"] == 1
    import sqlite3

    con = sqlite3.connect(cli_book)
    assert con.execute("SELECT created_at FROM orders").fetchone()[0].startswith("2024-05-03")
    con.close()


@pytest.mark.slow
def test_a_100_mb_single_line_stays_within_300_mb(tmp_path, cli_book):
    path = tmp_path / "line.csv"
    with path.open("wb") as handle:
        handle.write((",".join(HEADER) + "\n王芳,13925130165,2024-05-03,蜂蜜,68,").encode())
        chunk = b"x" * (1024 * 1024)
        for _ in range(100):
            handle.write(chunk)
        handle.write("\n李四,13800138000,2024-05-04,茶,10,\n".encode())
    started = time.monotonic()
    stdout_path = tmp_path / "out.json"
    # Linux keeps a process's peak RSS across exec, and a child forked from this (large) test process starts at
    # its size: a small launcher process starts the import and reports the peak of its only child.
    launcher = ("import resource, subprocess, sys\n"
                "out = open(sys.argv[1], 'wb')\n"
                "code = subprocess.call(sys.argv[2:], stdout=out, stderr=subprocess.DEVNULL)\n"
                "print(code, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n")
    result = subprocess.run([sys.executable, "-c", launcher, str(stdout_path), sys.executable, str(ROOT / "main.py"),
                             "import", str(path), "--book", str(cli_book), "--json"], cwd=ROOT, capture_output=True,
                            text=True, check=True)
    code, peak_kb = map(int, result.stdout.split())
    assert code == 0 and time.monotonic() - started < 60
    data = json.loads(stdout_path.read_text(encoding="utf-8"))
    assert data["customers_created"] == 2
    assert "line_cut" in [error["code"] for error in data["errors"]]
    assert peak_kb < 300 * 1024, f"peak RSS {peak_kb // 1024} MB"
