"""Readers: every format and encoding, the header row under titles, and every whole-file rejection."""

from __future__ import annotations

import datetime as dt
import shutil
import zipfile

import pytest

from core.errors import ImportRejected
from core.excel.analysis import load_file
from core.excel.mapping import is_known_header
from core.excel.readers import DEFAULT_LIMITS, Limits, find_table, read_sheets, sniff_delimiter
from tests.core.excel.files import write_csv, write_ods, write_xls, write_xlsx

ROWS = [["姓名", "电话", "地址"], ["张三", "13800138000", "广东省广州市越秀区某某路1号"], ["李四", "13900139000", ""]]


@pytest.mark.parametrize(("encoding", "bom", "delimiter"), [
    ("utf-8", False, ","), ("utf-8", True, ","), ("gb18030", False, ","), ("gbk", False, "\t"),
    ("utf-16", False, "\t"), ("utf-8", False, ";"), ("utf-8", True, "|"),
])
def test_csv_encodings_and_delimiters(tmp_path, encoding, bom, delimiter):
    path = write_csv(tmp_path / "客户.csv", ROWS, encoding=encoding, bom=bom, delimiter=delimiter)
    [sheet] = read_sheets(path)
    assert sheet.rows[:3] == ROWS
    assert sheet.name == "客户"


def test_txt_with_tabs_is_read_like_csv(tmp_path):
    path = write_csv(tmp_path / "list.txt", ROWS, delimiter="\t")
    assert read_sheets(path)[0].rows[1] == ROWS[1]


def test_sniffer_prefers_the_consistent_delimiter():
    assert sniff_delimiter("a,b,c;x\n1,2,3\n4,5,6\n") == ","
    assert sniff_delimiter('"a;b",c,d\n"1;2;3",4,5\n') == ","
    assert sniff_delimiter("名字\t电话\n张三\t138\n") == "\t"


def test_every_sheet_of_a_workbook_and_header_under_a_title(tmp_path):
    path = write_xlsx(tmp_path / "book.xlsx", {
        "一月": [["2024年客户表"], [], [], *ROWS],
        "二月": [[None], ["姓名", "手机"], ["王五", 13700137000]],
        "说明": [["本表由小店整理"]],
    }, merge_title=True)
    loaded = load_file(path)
    assert [table.sheet.name for table in loaded.tables] == ["一月", "二月", "说明"]
    first = loaded.tables[0]
    assert first.header_index == 3 and first.headers == ("姓名", "电话", "地址")
    assert loaded.tables[1].header_index == 1


def test_calamine_numbers_dates_and_big_integers(tmp_path):
    path = write_xlsx(tmp_path / "n.xlsx", {"s": [["订单号", "手机", "日期", "时间"],
                                                  [351531314732935790, 13925130165, dt.date(2024, 5, 3),
                                                   dt.datetime(2024, 5, 3, 10, 1, 2)]]})
    row = read_sheets(path)[0].rows[1]
    # integers come back as floats; 18 digits do not survive a float (the cleaner refuses them)
    assert row[1] == 13925130165.0 and isinstance(row[1], float)
    assert row[2] == dt.date(2024, 5, 3) and row[3] == dt.datetime(2024, 5, 3, 10, 1, 2)
    assert int(row[0]) != 351531314732935790


def test_xls_and_ods(tmp_path):
    xls = write_xls(tmp_path / "old.xls", {"客户": [*ROWS, ["王五", 13700137000, dt.date(2024, 5, 3)]]})
    assert read_sheets(xls)[0].rows[3][1] in (13700137000, 13700137000.0)
    ods = write_ods(tmp_path / "lo.ods", {"客户": ROWS})
    assert read_sheets(ods)[0].rows[1] == ROWS[1]


def test_wps_et_renamed_to_xlsx_is_read_by_content(tmp_path):
    xls = write_xls(tmp_path / "old.xls", {"客户": ROWS})
    renamed = tmp_path / "wps.xlsx"
    shutil.copy(xls, renamed)
    assert read_sheets(renamed)[0].rows[1][0] == "张三"


def test_header_row_is_first_wide_row_when_nothing_is_recognised(tmp_path):
    path = write_csv(tmp_path / "x.csv", [["标题"], ["foo", "bar", "baz"], ["1", "2", "3"]])
    table = find_table("x.csv", read_sheets(path)[0], is_known_header)
    assert table.header_index == 1


# ---------------------------------------------------------------- rejections


def _code(path, limits=DEFAULT_LIMITS):
    with pytest.raises(ImportRejected) as error:
        read_sheets(path, limits)
    return error.value.code


def test_not_a_spreadsheet(tmp_path):
    png = tmp_path / "photo.xlsx"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20)
    assert _code(png) == "not_a_spreadsheet"
    docx = tmp_path / "letter.xlsx"
    with zipfile.ZipFile(docx, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    assert _code(docx) == "not_a_spreadsheet"
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    assert _code(broken) == "not_a_spreadsheet"


def test_empty_files(tmp_path):
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    assert _code(empty) == "empty"
    blank = tmp_path / "blank.csv"
    blank.write_text("\r\n , \r\n")
    assert _code(blank) == "empty"
    assert _code(write_xlsx(tmp_path / "blank.xlsx", {"Sheet1": []})) == "empty"


def test_encrypted_xlsx(tmp_path):
    from msoffcrypto.format.ooxml import OOXMLFile

    plain = write_xlsx(tmp_path / "plain.xlsx", {"s": ROWS})
    locked = tmp_path / "locked.xlsx"
    with plain.open("rb") as source, locked.open("wb") as target:
        OOXMLFile(source).encrypt("secret", target)
    assert _code(locked) == "encrypted"


def test_too_large(tmp_path):
    path = write_csv(tmp_path / "big.csv", [["姓名"]] + [[f"客户{i}"] for i in range(200)])
    assert _code(path, Limits(max_rows=100)) == "too_large"
    assert _code(path, Limits(max_file_bytes=100)) == "too_large"
    xlsx = write_xlsx(tmp_path / "big.xlsx", {"s": [["姓名"]] + [[f"客户{i}"] for i in range(200)]})
    assert _code(xlsx, Limits(max_rows=100)) == "too_large"


def test_zip_bomb_by_ratio_and_by_declared_size(tmp_path):
    bomb = tmp_path / "bomb.xlsx"
    shutil.copy(write_xlsx(tmp_path / "ok.xlsx", {"s": ROWS}), tmp_path / "base.xlsx")
    with zipfile.ZipFile(tmp_path / "base.xlsx") as source, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b"</sheetData>", b"</sheetData>" + b" " * (30 * 1024 * 1024))
            target.writestr(info, data, zipfile.ZIP_DEFLATED)
    assert _code(bomb) == "zip_bomb"
    assert _code(tmp_path / "ok.xlsx", Limits(max_unzipped_bytes=1000)) == "zip_bomb"


def _declare(path, member: str, size: int) -> None:
    """Rewrite the uncompressed size the archive declares for ``member`` (local and central headers)."""
    import struct

    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(member)
    name = member.encode()
    struct.pack_into("<I", data, info.header_offset + 22, size)
    at = data.find(b"PK\x01\x02")
    while at != -1:
        name_length = struct.unpack_from("<H", data, at + 28)[0]
        if bytes(data[at + 46:at + 46 + name_length]) == name:
            struct.pack_into("<I", data, at + 24, size)
        at = data.find(b"PK\x01\x02", at + 4)
    path.write_bytes(bytes(data))


def test_a_member_inflating_past_its_declared_size_is_a_zip_bomb(tmp_path):
    """The ratios are judged on declared sizes: a header that lies about them is caught as the entry inflates."""
    rows = [["姓名", "电话"]] + [[f"客户{i}", f"138{i:08d}"] for i in range(40_000)]
    path = write_xlsx(tmp_path / "liar.xlsx", {"s": rows})
    with zipfile.ZipFile(path) as archive:
        real = archive.getinfo("xl/worksheets/sheet1.xml").file_size
    assert real > 1024 * 1024 and len(read_sheets(path)[0].rows) == 40_001  # read as it is
    _declare(path, "xl/worksheets/sheet1.xml", real // 3)
    with pytest.raises(ImportRejected) as refused:
        read_sheets(path)
    assert (refused.value.code, refused.value.details["reason"]) == ("zip_bomb", "declared_size")


def test_a_big_workbook_is_judged_by_its_ratio_not_by_one_total(tmp_path):
    """A real export of a 100,000-customer book unzips to 1.2 GB at 7.4 times: read. The whole archive's ratio
    refuses what no workbook compresses to, even when every entry stays under 1 MB."""
    path = write_xlsx(tmp_path / "ok.xlsx", {"s": ROWS})
    assert DEFAULT_LIMITS.max_unzipped_bytes > 1.2e9
    many = tmp_path / "many.xlsx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(many, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info, source.read(info), zipfile.ZIP_DEFLATED)
        for number in range(3):  # 900 KB entries of one byte repeated: about 1,000 times each
            target.writestr(f"xl/media/blank{number}.bin", b"\0" * (900 * 1024), zipfile.ZIP_DEFLATED)
    assert _code(many) == "zip_bomb"


def test_xml_entity_bomb(tmp_path):
    write_xlsx(tmp_path / "ok.xlsx", {"s": ROWS})
    laughs = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
              + b"".join(b'<!ENTITY lol%d "%s">' % (i, b"&lol%d;" % (i - 1) * 10 if i else b"&lol;" * 10)
                         for i in range(1, 9)) + b"]>")
    bomb = tmp_path / "laughs.xlsx"
    with zipfile.ZipFile(tmp_path / "ok.xlsx") as source, zipfile.ZipFile(bomb, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = laughs + (data.split(b"?>", 1)[1] if b"?>" in data[:100] else data)
            target.writestr(info, data)
    assert _code(bomb) == "zip_bomb"
