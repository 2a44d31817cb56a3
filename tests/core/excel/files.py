"""Builders of real spreadsheet files for the importer tests (xlsx, xls, ods, csv in any encoding)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

Rows = Sequence[Sequence[Any]]


def write_xlsx(path: Path, sheets: dict[str, Rows], merge_title: bool = False) -> Path:
    import openpyxl

    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(list(row))
        if merge_title and rows and len(rows[0]) == 1:
            sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=6)
    workbook.save(path)
    return path


def write_xls(path: Path, sheets: dict[str, Rows]) -> Path:
    import xlwt

    workbook = xlwt.Workbook(encoding="utf-8")
    date_style = xlwt.easyxf(num_format_str="yyyy-mm-dd")
    for name, rows in sheets.items():
        sheet = workbook.add_sheet(name)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if isinstance(value, dt.date):
                    sheet.write(r, c, value, date_style)
                elif value is not None:
                    sheet.write(r, c, value)
    workbook.save(str(path))
    return path


def write_csv(path: Path, rows: Rows, encoding: str = "utf-8", delimiter: str = ",", bom: bool = False,
              quote_all: bool = False) -> Path:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL,
                        lineterminator="\r\n")
    for row in rows:
        writer.writerow(["" if value is None else value for value in row])
    data = buffer.getvalue().encode(encoding)
    if bom and encoding == "utf-8":
        data = b"\xef\xbb\xbf" + data
    path.write_bytes(data)
    return path


def write_ods(path: Path, sheets: dict[str, Rows]) -> Path:
    """A minimal OpenDocument spreadsheet (what LibreOffice writes, without styles)."""
    from xml.sax.saxutils import escape

    tables = []
    for name, rows in sheets.items():
        cells = []
        for row in rows:
            parts = []
            for value in row:
                if value is None:
                    parts.append("<table:table-cell/>")
                elif isinstance(value, int | float):
                    parts.append(f'<table:table-cell office:value-type="float" office:value="{value}">'
                                 f"<text:p>{value}</text:p></table:table-cell>")
                else:
                    parts.append(f'<table:table-cell office:value-type="string"><text:p>{escape(str(value))}'
                                 "</text:p></table:table-cell>")
            cells.append("<table:table-row>" + "".join(parts) + "</table:table-row>")
        tables.append(f'<table:table table:name="{escape(name)}">' + "".join(cells) + "</table:table>")
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        "<office:body><office:spreadsheet>" + "".join(tables) + "</office:spreadsheet></office:body>"
        "</office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
        'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet", zipfile.ZIP_STORED)
        archive.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
        archive.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)
    return path


TAOBAO_HEADERS = [
    "订单编号", "买家会员名", "买家支付宝账号", "买家应付货款", "买家应付邮费", "买家支付积分", "总金额", "返点积分",
    "买家实际支付金额", "买家实际支付积分", "订单状态", "买家留言", "收货人姓名", "收货地址 ", "运送方式", "联系电话 ",
    "联系手机", "订单创建时间", "订单付款时间 ", "宝贝标题 ", "宝贝种类 ", "物流单号 ", "物流公司", "订单备注",
    "宝贝总数量", "店铺Id", "店铺名称", "订单关闭原因", "卖家服务费", "买家服务费", "发票抬头", "是否手机订单",
    "分阶段订单信息", "特权订金订单id", "是否上传合同照片", "是否上传小票", "是否代付", "定金排名", "修改后的sku",
    "修改后的收货地址", "异常信息", "天猫卡券抵扣", "集分宝抵扣", "是否是O2O交易", "退款金额", "预约门店",
]


def taobao_row(order_no: str, buyer: str, name: str, mobile: str, address: str, created: str, paid: str,
               title: str, quantity: int, goods: str, postage: str, paid_amount: str, status: str,
               refund: str = "0.00") -> list[str]:
    """One ExportOrderList row as Taobao writes it (="…" order number, 'mobile, trailing-space headers)."""
    values = dict.fromkeys(TAOBAO_HEADERS, "")
    values.update({
        "订单编号": f'="{order_no}"', "买家会员名": buyer, "买家应付货款": goods, "买家应付邮费": postage,
        "总金额": paid_amount, "买家实际支付金额": paid_amount, "订单状态": status, "收货人姓名": name,
        "收货地址 ": address, "联系手机": f"'{mobile}", "订单创建时间": created, "订单付款时间 ": paid,
        "宝贝标题 ": title, "宝贝种类 ": "1", "宝贝总数量": str(quantity), "店铺名称": "小蜜蜂的店",
        "退款金额": refund, "物流公司": "中通快递",
    })
    return [values[header] for header in TAOBAO_HEADERS]


_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
_GIVEN = "芳伟娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华"
_PLACES = [("广东省", "广州市", "越秀区"), ("浙江省", "杭州市", "西湖区"), ("北京", "北京市", "朝阳区"),
           ("四川省", "成都市", "武侯区"), ("江苏省", "南京市", "玄武区"), ("上海", "上海市", "浦东新区")]
_TITLES = ["云南野生蜂蜜500g", "面膜30片", "红糖姜茶", "桂花蜜", "玫瑰精华"]
_STATUSES = ["交易成功"] * 6 + ["买家已付款，等待卖家发货", "卖家已发货，等待买家确认", "交易关闭", "等待买家付款"]


def taobao_rows(count: int, buyers: int | None = None, seed: int = 7) -> list[list[str]]:
    """A Taobao-style ExportOrderList of ``count`` orders from ``buyers`` people (header row first)."""
    import random

    rng = random.Random(seed)
    buyers = buyers or max(1, count // 3)
    people = []
    for index in range(buyers):
        name = rng.choice(_SURNAMES) + rng.choice(_GIVEN) + (rng.choice(_GIVEN) if index % 3 else "")
        province, city, district = rng.choice(_PLACES)
        people.append((f"tb{index:07d}", name, f"1{rng.choice('3456789')}{index:09d}",
                       f"{province} {city} {district} 幸福路{index % 500}号({rng.randint(100000, 999999)})"))
    rows: list[list[str]] = [TAOBAO_HEADERS]
    start = dt.datetime(2023, 1, 1, 8, 0, 0)
    for number in range(count):
        buyer, name, mobile, address = people[rng.randrange(buyers)]
        created = start + dt.timedelta(minutes=17 * number)
        status = rng.choice(_STATUSES)
        paid = "" if status == "等待买家付款" else (created + dt.timedelta(minutes=3)).strftime("%Y-%m-%d %H:%M:%S")
        quantity = rng.randint(1, 3)
        goods = quantity * rng.choice([3990, 6800, 9900, 12800])
        rows.append(taobao_row(str(351531314732935579 + number * 7919), buyer, name, mobile, address,
                               created.strftime("%Y-%m-%d %H:%M:%S"), paid, rng.choice(_TITLES), quantity,
                               f"{goods / 100:.2f}", "0.00", f"{goods / 100:.2f}", status))
    return rows


def write_far_cell_xlsx(path: Path, far: str = "XFD1048576", dimension: str | None = "A1:XFD1048576",
                        row_of_far: int | None = None) -> Path:
    """A tiny real workbook (a few KB) with a small table and one cell at `far` — calamine's dense grid
    from A1 to that cell is 17 billion cells for XFD1048576. `dimension` is the sheet's <dimension ref>
    (None: left out); `row_of_far` puts the far cell inside that row element instead of its own."""
    import re

    base = write_xlsx(path.with_suffix(".base.xlsx"), {"订单": [["姓名", "手机"], ["张三", "13800138000"]]})
    far_row = int(re.sub(r"[A-Z]", "", far))
    cell = f'<c r="{far}" t="inlineStr"><is><t>x</t></is></c>'
    with zipfile.ZipFile(base) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = re.sub(rb"<dimension ref=\"[^\"]*\"\s*/>",
                              f'<dimension ref="{dimension}"/>'.encode() if dimension else b"", data)
                if row_of_far is None:
                    data = data.replace(b"</sheetData>", f'<row r="{far_row}">{cell}</row></sheetData>'.encode())
                else:
                    data = data.replace(f'<row r="{row_of_far}"'.encode(), f'<row r="{row_of_far}"'.encode(), 1)
                    data = re.sub(rf'(<row r="{row_of_far}"[^>]*>)'.encode(), rb"\1" + cell.encode(), data, count=1)
            target.writestr(info, data)
    base.unlink()
    return path


def html_table_bytes(header: list[str]) -> bytes:
    """An HTML table saved as .xls / .xlsx (what many ERPs and old platform exports give), in GBK: ``header``
    (six columns: name, phone, order time, product, amount, note) and two customers' orders."""
    cells = "".join(f"<th>{name}</th>" for name in header)
    rows = "".join(f"<tr><td>{name}</td><td>{phone}</td><td>2024-05-0{day}</td><td>蜂蜜</td><td>68</td><td></td></tr>"
                   for day, (name, phone) in enumerate((("王芳", "13925130165"), ("李四", "13800138000")), 1))
    html = (f'<html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk"></head><body>'
            f"<table border=1><tr>{cells}</tr>{rows}</table></body></html>")
    return html.encode("gbk")


def write_raw_xlsx(path: Path, sheets: dict[str, Sequence[Sequence[str]]], shared: bool = False,
                   rich: bool = False) -> Path:
    """A workbook written by hand, its texts as they are — openpyxl cuts a cell at Excel's 32,767 characters, other
    programs do not: inline strings, or with ``shared`` a shared-strings part every cell points into; with ``rich``
    each text in rich-text runs of 8,000 characters (coloured: what Excel and WPS save for mixed formatting)."""
    from xml.sax.saxutils import escape

    strings: list[str] = []

    def runs(text: str) -> str:
        if not rich:
            return f"<t>{escape(text)}</t>"
        return "".join(f'<r><rPr><color rgb="FFFF0000"/><sz val="11"/></rPr><t>{escape(text[at:at + 8000])}</t></r>'
                       for at in range(0, max(len(text), 1), 8000))

    def cell(ref: str, text: str) -> str:
        if not shared:
            return f'<c r="{ref}" t="inlineStr"><is>{runs(text)}</is></c>'
        strings.append(text)
        return f'<c r="{ref}" t="s"><v>{len(strings) - 1}</v></c>'

    def letters(column: int) -> str:
        return (letters(column // 26 - 1) if column >= 26 else "") + chr(65 + column % 26)

    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    parts = {}
    for number, rows in enumerate(sheets.values(), 1):
        body = "".join(f'<row r="{r}">' + "".join(cell(f"{letters(c)}{r}", text) for c, text in enumerate(row))
                       + "</row>" for r, row in enumerate(rows, 1))
        parts[f"xl/worksheets/sheet{number}.xml"] = f'<worksheet xmlns="{main}"><sheetData>{body}</sheetData></worksheet>'
    names = "".join(f'<sheet name="{escape(name)}" sheetId="{n}" r:id="rId{n}"/>' for n, name in enumerate(sheets, 1))
    parts["xl/workbook.xml"] = f'<workbook xmlns="{main}" xmlns:r="{rel}"><sheets>{names}</sheets></workbook>'
    links = "".join(f'<Relationship Id="rId{n}" Type="{rel}/worksheet" Target="worksheets/sheet{n}.xml"/>'
                    for n in range(1, len(sheets) + 1))
    overrides = "".join(f'<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="application/'
                        f'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' for n in range(1, len(sheets) + 1))
    if shared:
        items = "".join(f"<si>{runs(text)}</si>" for text in strings)
        parts["xl/sharedStrings.xml"] = f'<sst xmlns="{main}" count="{len(strings)}">{items}</sst>'
        links += f'<Relationship Id="rIdS" Type="{rel}/sharedStrings" Target="sharedStrings.xml"/>'
        overrides += ('<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                      'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>')
    package = "http://schemas.openxmlformats.org/package/2006"
    parts["xl/_rels/workbook.xml.rels"] = f'<Relationships xmlns="{package}/relationships">{links}</Relationships>'
    parts["_rels/.rels"] = (f'<Relationships xmlns="{package}/relationships"><Relationship Id="rId1" '
                            f'Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    parts["[Content_Types].xml"] = (
        f'<Types xmlns="{package}/content-types"><Default Extension="rels" ContentType="application/'
        'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/'
        f'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>{overrides}</Types>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text.encode("utf-8"))
    return path
