"""Rows of one real name at one address are one person within a file when their phones and accounts do not disagree
(core.excel.joiner.Joiner._home_of), as the book's match joins them across imports (name + address, DOMAIN.md §1).

Seen on a first week's Pinduoduo export (scripts/first_week.py): newer PDD orders mask the phone (157****0858), and
a returning buyer's two orders of one export — same name, same address, same mask — made two customers, while the
same orders imported one export at a time made one."""

from __future__ import annotations

import sqlite3

import pytest

from core.book.db import Book
from core.excel.importer import ImportOptions, run_import
from tests.core.excel.files import TAOBAO_HEADERS, taobao_row, write_csv
from tests.core.excel.test_import_rounds import TODAY, forced
from tests.core.excel.test_presets import PDD_HEADERS


def _pdd_row(number: str, name: str, phone: str, detail: str = "中山四路18号", when: str = "2026-10-25 16:41:52"):
    return ["云南野生蜂蜜500g", f"\t{number}\t", "已签收", "68.00", "0", "0", "0", "68.00", "68.00", "1", name,
            f"\t{phone}\t", "广东省", "广州市", "越秀区", detail, when, "", "", "", "88", "500g", "", "", "", "", ""]


def _customers(book_path) -> list[tuple]:
    with sqlite3.connect(book_path) as connection:
        return connection.execute("SELECT c.name, c.phone, COUNT(o.id) FROM customer c JOIN orders o "
                                  "ON o.customer_id = c.id GROUP BY c.id ORDER BY c.id").fetchall()


def _import_pdd(tmp_path, rows, round_rows=None, monkeypatch=None) -> list[tuple]:
    if monkeypatch is not None:
        forced(monkeypatch, round_rows)
    path = write_csv(tmp_path / "pdd.csv", [["订单导出"], PDD_HEADERS, *rows], encoding="gb18030")
    book_path = tmp_path / "pdd.book"
    with Book.open(book_path, create=True, backup_root=tmp_path / "backups") as book:
        result = run_import(book, path, ImportOptions(today=TODAY))
        assert result.errors == ()
    return _customers(book_path)


def test_two_orders_of_one_name_home_and_mask_are_one_customer(tmp_path):
    rows = [_pdd_row("261025-296009123416335", "杜兰燕", "157****0858"),
            _pdd_row("261121-239775841019189", "杜兰燕", "157****0858", when="2026-11-21 21:56:05")]
    assert _import_pdd(tmp_path, rows) == [("杜兰燕", "157****0858", 2)]


def test_a_masked_order_joins_the_earlier_order_whose_real_phone_it_fits(tmp_path):
    rows = [_pdd_row("260912-259638026280005", "董琳超", "19120774131"),
            _pdd_row("261113-461727241593500", "董琳超", "191****4131", when="2026-11-13 08:46:13")]
    assert _import_pdd(tmp_path, rows) == [("董琳超", "19120774131", 2)]


def test_the_real_phone_after_the_mask_joins_it_too(tmp_path):
    rows = [_pdd_row("261113-461727241593500", "董琳超", "191****4131"),
            _pdd_row("261201-259638026280005", "董琳超", "19120774131", when="2026-12-01 08:00:00")]
    assert [(name, count) for name, _phone, count in _import_pdd(tmp_path, rows)] == [("董琳超", 2)]


@pytest.mark.parametrize(("first", "second"), [
    ("19120774131", "13800138000"),  # two real phones: two people, as across imports
    ("19120774131", "191****0000"),  # a mask the real phone does not fit
    ("191****4131", "138****4131"),  # two masks showing other digits
])
def test_phones_that_disagree_keep_two_customers(tmp_path, first, second):
    rows = [_pdd_row("260912-259638026280005", "董琳超", first),
            _pdd_row("261113-461727241593500", "董琳超", second, when="2026-11-13 08:46:13")]
    assert len(_import_pdd(tmp_path, rows)) == 2


def test_another_address_or_a_masked_name_keeps_two_customers(tmp_path):
    rows = [_pdd_row("260912-259638026280005", "董琳超", "191****4131"),
            _pdd_row("261113-461727241593500", "董琳超", "191****4131", detail="中山四路20号"),
            _pdd_row("261114-461727241593501", "董**", "191****4131")]  # (fits 董琳超: a proposal only)
    assert len(_import_pdd(tmp_path, rows)) == 3


def test_two_taobao_accounts_at_one_home_stay_two_customers(tmp_path):
    address = "广东省 广州市 越秀区 某某路1号(510180)"
    rows = [TAOBAO_HEADERS,
            taobao_row("3515313147329351", "tb_王芳", "王芳", "", address, "2026-11-01 10:00:00",
                       "2026-11-01 10:01:00", "桂花蜜", 1, "49.00", "0.00", "49.00", "交易成功"),
            taobao_row("3515313147329352", "tb_王芳妈妈", "王芳", "", address, "2026-11-02 10:00:00",
                       "2026-11-02 10:01:00", "桂花蜜", 1, "49.00", "0.00", "49.00", "交易成功")]
    path = write_csv(tmp_path / "ExportOrderList.csv", rows, encoding="gbk", quote_all=True)
    with Book.open(tmp_path / "tb.book", create=True, backup_root=tmp_path / "backups") as book:
        run_import(book, path, ImportOptions(today=TODAY))
    assert len(_customers(tmp_path / "tb.book")) == 2


def test_one_file_and_the_same_rows_in_rounds_and_one_at_a_time_give_the_same_customers(tmp_path, monkeypatch):
    """Within a file (one plan or rounds of 1 row) as across imports of one row each."""
    rows = [_pdd_row("260912-259638026280005", "董琳超", "19120774131"),
            _pdd_row("261025-296009123416335", "杜兰燕", "157****0858"),
            _pdd_row("261113-461727241593500", "董琳超", "191****4131", when="2026-11-13 08:46:13"),
            _pdd_row("261121-239775841019189", "杜兰燕", "157****0858", when="2026-11-21 21:56:05")]
    for folder in ("whole", "rounds", "apart"):
        (tmp_path / folder).mkdir()
    whole = _import_pdd(tmp_path / "whole", rows)
    in_rounds = _import_pdd(tmp_path / "rounds", rows, round_rows=1, monkeypatch=monkeypatch)
    monkeypatch.undo()
    apart = tmp_path / "apart"
    with Book.open(apart / "one.book", create=True, backup_root=apart / "backups") as book:
        for number, row in enumerate(rows):
            path = write_csv(apart / f"{number}.csv", [PDD_HEADERS, row], encoding="gb18030")
            run_import(book, path, ImportOptions(today=TODAY))
    assert whole == in_rounds == _customers(apart / "one.book") == [("董琳超", "19120774131", 2),
                                                                     ("杜兰燕", "157****0858", 2)]


def test_a_row_without_a_phone_never_joins_two_different_phones(tmp_path):
    rows = [_pdd_row("260912-259638026280005", "董琳超", ""),
            _pdd_row("261113-461727241593500", "董琳超", "19120774131", when="2026-11-13 08:46:13"),
            _pdd_row("261114-461727241593501", "董琳超", "13800138000", when="2026-11-14 08:46:13"),
            _pdd_row("261115-461727241593502", "董琳超", "191****4131", when="2026-11-15 08:46:13")]
    found = sorted((phone, count) for _name, phone, count in _import_pdd(tmp_path, rows))
    assert found == [("13800138000", 1), ("19120774131", 3)]


def test_two_masks_then_the_real_phone_of_the_second(tmp_path, monkeypatch):
    """138****1234 and 139****5678 are two people of one name at one home; 13912345678 is the second: within a
    file as apart (the book's match compares masked phones by what they show too)."""
    rows = [_pdd_row("261001-000000000000001", "王芳", "138****1234", when="2026-10-01 10:00:00"),
            _pdd_row("261002-000000000000002", "王芳", "139****5678", when="2026-10-02 10:00:00"),
            _pdd_row("261003-000000000000003", "王芳", "13912345678", when="2026-10-03 10:00:00")]
    (tmp_path / "whole").mkdir()
    whole = _import_pdd(tmp_path / "whole", rows)
    with Book.open(tmp_path / "apart.book", create=True, backup_root=tmp_path / "backups") as book:
        for number, row in enumerate(rows):
            run_import(book, write_csv(tmp_path / f"{number}.csv", [PDD_HEADERS, row], encoding="gb18030"),
                       ImportOptions(today=TODAY))
    assert whole == _customers(tmp_path / "apart.book") == [("王芳", "138****1234", 1), ("王芳", "13912345678", 2)]


def test_a_row_joined_by_its_wechat_id_does_not_bring_a_second_phone_to_the_first_at_home(tmp_path):
    from core.excel.importer import run_import as import_file
    from tests.core.excel.files import write_xlsx

    home = "广东省广州市越秀区中山四路18号"
    sheet = write_xlsx(tmp_path / "s.xlsx", {"Sheet1": [
        ["姓名", "电话", "微信号", "地址", "购买日期", "买了什么", "金额"],
        ["王芳", "13800000001", "", home, "2026-10-01", "蜂蜜", 68],
        ["王芳", "13900000002", "wf2", home, "2026-10-02", "面膜", 99],  # another phone there: another person
        ["王芳", "", "wf2", home, "2026-10-03", "姜茶", 39.9]]})  # the second, by her WeChat ID
    with Book.open(tmp_path / "w.book", create=True, backup_root=tmp_path / "backups") as book:
        import_file(book, sheet, ImportOptions(today=TODAY))
    assert _customers(tmp_path / "w.book") == [("王芳", "13800000001", 1), ("王芳", "13900000002", 2)]
