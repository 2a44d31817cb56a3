"""The corpus of scripts/import_diff.py: files written with the project's own generators and the scenarios
run on them (``build``). Run through ``scripts/import_diff.py corpus FOLDER``."""

from __future__ import annotations

import datetime as dt
import json
import random
import shutil
import subprocess
from pathlib import Path

from tests.core.excel.files import (
    TAOBAO_HEADERS,
    html_table_bytes,
    taobao_rows,
    write_csv,
    write_far_cell_xlsx,
    write_ods,
    write_xls,
    write_xlsx,
)
from tests.core.excel.test_import_memory import _mixed_workbook, _offset_sheet

ROOT = Path(__file__).resolve().parent.parent
OWN = ["姓名", "手机号", "微信", "下单时间", "商品", "数量", "金额", "备注", "标签", "生日", "车牌"]


def _own_rows(count: int, seed: int, masked_every: int = 0, first_phone: int = 0) -> list[list]:
    rng = random.Random(seed)
    rows: list[list] = [OWN]
    for index in range(count):
        number = first_phone + index % max(1, count // 2)
        phone = f"139{number:08d}"
        if masked_every and index % masked_every == 0:
            phone = phone[:3] + "****" + phone[-4:]
        day = dt.datetime(2025, 1, 1, 9) + dt.timedelta(hours=13 * index)
        rows.append([rng.choice("王李张刘陈") + rng.choice(["姐", "芳", "伟", "老师"]), phone,
                     f"wx{number}" if index % 4 else "", day if index % 3 else day.strftime("%Y/%m/%d %H:%M"),
                     rng.choice(["桂花蜜", "枣花蜜 500g", "红糖姜茶"]), rng.randint(1, 3), rng.choice([58, 68.5, "98元"]),
                     rng.choice(["", "喜欢甜的", "要发票"]), rng.choice(["", "老客户，回购", "VIP、宝妈"]),
                     rng.choice(["", "1990-05-03", "5月3日"]), rng.choice(["", "粤B12345"])])
    return rows


def _detail_rows(orders: list[list[str]]) -> list[list[str]]:
    """A Taobao ExportOrderDetailList for the orders of a taobao_rows list: one or two lines an order, and lines
    of an order the book does not hold."""
    headers = ["订单编号", "标题", "价格", "购买数量", "外部系统编号", "商品属性", "套餐信息", "备注", "订单状态", "商家编码"]
    at = {name: index for index, name in enumerate(TAOBAO_HEADERS)}
    rows = [headers]
    for number, order in enumerate(orders[1:]):
        title, quantity = order[at["宝贝标题 "]], int(order[at["宝贝总数量"]])
        price = float(order[at["买家应付货款"]]) / quantity
        rows.append([order[at["订单编号"]], title, f"{price:.2f}", str(quantity), "", "规格:500g" if number % 2 else "",
                     "", "", order[at["订单状态"]], f"SKU{number % 7}"])
        if number % 5 == 0:
            rows.append([order[at["订单编号"]], "蜂巢蜜", "20.00", "1", "", "", "", "", order[at["订单状态"]], ""])
    rows.append(['="35153131473299999"', "桂花蜜", "64.00", "1", "", "", "", "", "交易成功", ""])
    return rows


def _with_repeats(rows: list[list], every: int, total: bool = True) -> list[list]:
    """The header again every ``every`` rows (a sheet pasted together) and a 合计 line at the end."""
    out = [rows[0]]
    for index, row in enumerate(rows[1:]):
        if index and index % every == 0:
            out.append(list(rows[0]))
        out.append(row)
    if total:
        out.append(["合计"] + [""] * (len(rows[0]) - 1))
    return out


def _over_the_slicing_threshold(path: Path) -> None:
    """Three sheets of 50,000 Taobao orders (97 MB of sheet XML each): past core.excel.sheet_slices'
    LARGE_WORKBOOK_BYTES (256 MB), each sheet read in slices with the real thresholds. The sheets share order
    numbers with other contents (seeds 7, 8, 9)."""
    if path.exists():
        return
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    for seed in (7, 8, 9):
        sheet = workbook.create_sheet(f"ExportOrderList{seed}")
        for row in taobao_rows(50_000, 20_000, seed=seed):
            sheet.append([cell[2:-1] if cell.startswith('="') else cell for cell in row])
    workbook.save(path)


def _odd_files(folder: Path) -> list[str]:
    """tests/core/excel/test_odd_files.py's corpus: a huge cell, a GBK line and a bad line in a UTF-8 file, an
    HTML table saved as .xls and .xlsx, an encrypted workbook, a stray quote, formulas without saved values, a
    stray far cell."""
    import msoffcrypto

    header = ["姓名", "手机号", "下单时间", "商品", "金额", "备注"]
    write_csv(folder / "odd_huge_cell.csv", [header, ["王芳", "13925130165", "2024-05-03", "蜂蜜", 68, "长" * 150_000],
                                             ["李四", "13800138000", "2024-05-04", "茶", 10, ""]])
    part = write_csv(folder / "_part.csv", [header, ["王芳", "13925130165", "2024-05-03", "蜂蜜", 68, "好"]])
    (folder / "odd_mixed_encoding.csv").write_bytes(
        part.read_bytes() + "李四,13800138000,2024-05-04,红糖姜茶,10,老客\r\n".encode("gbk")
        + b"\xff\xfe\xfa,13700137000,2024-05-05,x,1,\r\n")
    part.unlink()
    for suffix in ("xls", "xlsx"):
        (folder / f"odd_html.{suffix}").write_bytes(html_table_bytes(header))
    plain = write_xlsx(folder / "_plain.xlsx", {"s": [header, ["王芳", "13925130165", "2024-05-03", "蜂蜜", 68, ""]]})
    with plain.open("rb") as source, (folder / "odd_encrypted.xlsx").open("wb") as target:
        msoffcrypto.OfficeFile(source).encrypt("1234", target)
    plain.unlink()
    (folder / "odd_quote.csv").write_text("姓名,手机号,下单时间,商品,金额\n王芳,13925130165,2024-05-03,\"蜂蜜 500g,68\n"
                                         "李四,13800138000,2024-05-04,茶,10\n赵敏,13700137000,2024-05-05,姜茶,20\n")
    formulas: list[list] = [header]
    for index in range(300):
        formulas.append(['=CONCAT("王","芳")' if index % 50 == 0 else f"客户{index % 90}", f"139{index % 90:08d}",
                         f"2024-05-{1 + index % 28:02d}", "蜂蜜", f"={index}*2" if index % 7 == 0 else index, ""])
    write_xlsx(folder / "odd_formulas.xlsx", {"s": formulas})
    write_far_cell_xlsx(folder / "odd_far_cell.xlsx")
    return ["odd_formulas.xlsx"]


def _large_text_files(folder: Path) -> None:
    """CSVs past core.excel.text_files.LAZY_TEXT_BYTES (2 MB: rows parsed again from their lines as they are
    walked): 12,000 Taobao orders as UTF-8 with a buyer message holding a lone CR, UTF-16 with U+2028 in one,
    GB18030 plain, and a copy with a stray quote and a multi-line cell."""
    at = TAOBAO_HEADERS.index("买家留言")
    for name, encoding, message in (("lazy_plain_gb18030.csv", "gb18030", "请尽快发货"),
                                    ("lazy_cr_in_cell.csv", "utf-8", "请尽快发货\r谢谢"),
                                    ("lazy_u2028_utf16.csv", "utf-16", "请尽快\u2028发货"),
                                    ("lazy_multiline.csv", "utf-8", "第一行\r\n第二行")):
        rows = taobao_rows(12_000, 4_000)
        rows[5_000][at] = message
        if name == "lazy_multiline.csv":
            rows[7_000][at] = '"他说'  # (written quoted: the quote is doubled, not stray)
        write_csv(folder / name, rows, encoding=encoding)
    text = (folder / "lazy_plain_gb18030.csv").read_bytes()
    lines = text.split(b"\r\n")
    lines[9_000] = lines[9_000].replace(b",", b',"', 1)  # a stray quote
    (folder / "lazy_stray_quote_gb18030.csv").write_bytes(b"\r\n".join(lines))


def _alias_rows() -> list[list]:
    """People with a second phone: in another column of the row, or on another row joined by the WeChat ID;
    masked phones and a buyer seen under two phones."""
    rows: list[list] = [["姓名", "手机号", "联系电话", "微信", "买家会员名", "下单时间", "金额", "商品", "标签"]]
    for index in range(120):
        person = index % 40
        rows.append([f"客户{person}", f"136{person:04d}{index % 3:04d}", f"0755-8{person:03d}{index % 2:04d}"
                     if index % 4 == 0 else "", f"wx_{person}" if person % 2 else "", f"buyer{person % 30}"
                     if person % 3 == 0 else "", f"2025-0{1 + index % 9}-1{index % 10} 10:00", 50 + index,
                     "桂花蜜", "老客户" if index % 5 == 0 else ""])
    rows.append(["王**", "138****1234", "", "", "", "2025-03-03", 20, "桂花蜜", ""])
    rows.append(["王**", "138****1234", "", "", "", "2025-03-04", 20, "桂花蜜", ""])
    return rows


def _wide_later(path: Path) -> None:
    """Columns past the header's in the later rows only (a slice of them is wider than the first); numbers and few
    distinct texts, so the shared strings stay small and the sheet is cut into many slices."""
    rows: list[list] = [["姓名", "手机号", "金额", "下单时间", "备注"]]
    for index in range(600):
        row = ["王李张刘陈"[index % 5] + "芳", 13900000000 + index % 200, 10 + index, 45000 + index, "老客" if index % 3 else None]
        if index >= 400:
            row += [index, "额外"]
        rows.append(row)
    write_xlsx(path, {"客户": rows})


def _merged_register(path: Path) -> None:
    """A hand-kept register: a merged title row, merged cells inside the table, a 合计 row, odd dates."""
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "客户"
    sheet.append(["2025 老客户登记"])
    sheet.merge_cells("A1:H1")
    sheet.append(["姓名", "电话", "地址", "购买日期", "商品", "数量", "金额", "备注"])
    for index in range(60):
        sheet.append([f"客户{index // 2}", f"137{index // 2:08d}", "浙江省杭州市西湖区文三路1号",
                      ["2025-03-01", "2025/3/2", "3月3日", "20250304", dt.date(2025, 3, 5)][index % 5],
                      "桂花蜜", index % 3 + 1, 68, "同上" if index % 2 else "老客户"])
    for first in range(3, 60, 10):  # a person's two lines with the name cell merged
        sheet.merge_cells(start_row=first, start_column=1, end_row=first + 1, end_column=1)
    sheet.append(["合计", "", "", "", "", 120, 4080, ""])
    workbook.save(path)


def _youzan(path: Path) -> None:
    headers = ["订单号", "订单状态", "订单创建时间", "买家付款时间", "交易成功时间", "商品金额合计", "运费", "订单实付金额",
               "全部商品名称", "收货人省份", "收货人城市", "收货人地区", "详细收货地址/提货地址", "收货人/提货人",
               "收货人手机号/提货人手机号", "买家备注", "买家昵称", "买家手机号", "订单退款状态", "订单已退款金额"]
    rows: list[list] = [headers]
    for index in range(150):
        day = dt.datetime(2025, 6, 1, 10) + dt.timedelta(hours=11 * index)
        rows.append([f"E2025{index:012d}", ["交易成功", "已发货", "交易关闭"][index % 3], day.strftime("%Y-%m-%d %H:%M:%S"),
                     day.strftime("%Y-%m-%d %H:%M:%S"), "", "128.00", "0.00", "128.00" if index % 7 else "64.00",
                     "土蜂蜜 1斤装;玫瑰花茶" if index % 4 == 0 else "土蜂蜜 1斤装", "广东省", "深圳市", "南山区",
                     f"科技园{index % 40}号", f"收货{index % 40}", f"135{index % 40:08d}", "", f"yz_{index % 40}",
                     f"135{index % 40:08d}" if index % 2 else "", "退款成功" if index % 9 == 0 else "",
                     "64.00" if index % 9 == 0 else "0"])
    write_xlsx(path, {"订单": rows})


def _youzan_customers(path: Path) -> None:
    headers = ["客户姓名", "客户昵称", "客户手机号", "客户生日", "客户性别", "标签", "来源渠道", "是否会员", "消费金额"]
    rows: list[list] = [headers]
    for index in range(80):
        rows.append([f"姓名{index}", f"昵称{index}", f"135{index:08d}", ["1990-05-03", "", "08-12"][index % 3],
                     ["男", "女", ""][index % 3], ["VIP,宝妈", "", "老客户"][index % 3], "有赞", "是", "100"])
    write_csv(path, rows, encoding="utf-8", bom=True)


def _demo_exports(folder: Path, python: str, trees: dict[str, Path]) -> list[str]:
    """The app's own export --what all of a 600-customer demo book, zh_CN by each tree, en by the newest."""
    made = []
    book = folder / "demo600.book"
    work = folder / "_demo"
    work.mkdir(exist_ok=True)
    env = {"HUITOUKE_DATA_DIR": str(work), "QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"}
    if not book.exists():
        subprocess.run([python, str(ROOT / "main.py"), "demo", str(book), "--customers", "600", "--seed", "7",
                        "--today", "2026-11-20"], check=True, env=env, capture_output=True)
    for label, tree in trees.items():
        for language in ("zh_CN", "en") if label == "new" else ("zh_CN",):
            name = f"export_all_{language}_{label}.xlsx"
            subprocess.run([str(tree / ".venv/bin/python"), str(tree / "main.py"), "export", str(folder / name),
                            "--book", str(book), "--what", "all", "--language", language], check=True, env=env,
                           capture_output=True, cwd=tree)
            made.append(name)
    return made


def build(folder: Path, walk: str | None, big: bool, python: str, ref: Path | None = None) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    sys_path_bench()
    from bench.bench_excel import write_order_file

    tb300 = taobao_rows(300, 100)
    write_csv(folder / "taobao_300.csv", tb300)
    write_csv(folder / "taobao_300_gbk.csv", tb300, encoding="gbk")
    write_csv(folder / "taobao_300_bom.csv", tb300, bom=True)
    write_csv(folder / "taobao_300_utf16.csv", tb300, encoding="utf-16", delimiter="\t")
    write_xlsx(folder / "taobao_400_b.xlsx", {"订单": [[c[2:-1] if c.startswith('="') else c for c in row]
                                                    for row in taobao_rows(400, 120, seed=8)]})
    write_csv(folder / "taobao_detail.csv", _detail_rows(tb300), encoding="gbk", quote_all=True)
    write_csv(folder / "taobao_dup_rows.csv", tb300[:1] + tb300[1:120] + tb300[50:90] + tb300[1:10])
    write_csv(folder / "taobao_repeat_headers.csv", _with_repeats(tb300, 37))
    write_order_file(folder / "taobao_5000.xlsx", 5000)
    if big:
        if not (folder / "taobao_50000.xlsx").exists():
            write_order_file(folder / "taobao_50000.xlsx", 50_000)
        _over_the_slicing_threshold(folder / "taobao_3x50000.xlsx")
    write_csv(folder / "header_only.csv", [OWN])
    write_csv(folder / "all_refused.csv", [["金额", "下单时间", "备注"], ["12", "2024-01-01", "无人"], ["x", "", "空"]])
    write_csv(folder / "all_refused_taobao.csv", [TAOBAO_HEADERS] + [[""] * len(TAOBAO_HEADERS)] * 2 + [
        ["bad"] + [""] * (len(TAOBAO_HEADERS) - 1)])
    own = _own_rows(240, 3)
    write_xlsx(folder / "own_sheet.xlsx", {"客户": own})
    write_xlsx(folder / "own_overlap.xlsx", {"客户": _own_rows(120, 4, first_phone=60)})
    write_xls(folder / "own_sheet.xls", {"客户": own[:1] + [[str(c) if isinstance(c, dt.datetime) else c for c in row]
                                                           for row in own[1:]]})
    write_ods(folder / "own_sheet.ods", {"客户": [[str(c) if isinstance(c, dt.datetime) else c for c in row]
                                                 for row in own]})
    write_csv(folder / "own_masked.csv", _own_rows(90, 5, masked_every=2))
    write_xlsx(folder / "own_repeat_headers.xlsx", {"客户": _with_repeats(_own_rows(100, 6), 9)})
    write_xlsx(folder / "multi_sheet.xlsx", {"订单": [[c[2:-1] if c.startswith('="') else c for c in row]
                                                    for row in taobao_rows(80, 30, seed=9)],
                                           "客户": _own_rows(50, 7), "空表": []})
    _mixed_workbook(folder, epoch_1904=False)  # mixed.xlsx: a hidden sheet, a sheet starting at B2, blank rows
    _mixed_workbook(folder, epoch_1904=True)  # mac.xlsx: the same with 1904 dates
    _offset_sheet(folder, rows=400)  # offset.xlsx: the table starts at C3
    _merged_register(folder / "merged_register.xlsx")
    _youzan(folder / "youzan.xlsx")
    _youzan_customers(folder / "youzan_customers.csv")
    write_csv(folder / "products.csv", [["商品名称", "价格", "使用周期", "提前提醒天数"], ["云南野生蜂蜜500g", "99", "30", "3"],
                                        ["面膜30片", "68", "30", "5"], ["红糖姜茶", "39.9", "20", ""], ["桂花蜜", "", "45", "3"],
                                        ["洞庭湖野生莲子 500g", "39.9", "60", "7"], ["土蜂蜜 1斤装", "", "40", ""]])
    _wide_later(folder / "wide_later.xlsx")
    write_csv(folder / "aliases.csv", _alias_rows(), encoding="gbk")
    odd_sliced = _odd_files(folder)
    _large_text_files(folder)
    walked = []
    if walk and Path(walk).exists():
        target = folder / "walk"
        target.mkdir(exist_ok=True)
        code = Path(walk).read_text().replace('Path("/tmp/walk")', f'Path("{target}")')
        (target / "make.py").write_text(code)
        subprocess.run([python, str(target / "make.py")], check=True, cwd=ROOT, capture_output=True)
        walked = [f"walk/{p.name}" for p in sorted(target.iterdir()) if p.suffix in (".csv", ".xlsx")]
    trees = {"new": ROOT} | ({"ref": ref} if ref else {})
    exports = _demo_exports(folder, python, trees)

    partner = {"taobao": "taobao_400_b.xlsx", "export": "own_overlap.xlsx"}
    scenarios = []

    def add(name: str, steps: list[dict], **env: int) -> None:
        scenarios.append({"name": name, "steps": steps, "env": env})

    for path in sorted(p for p in folder.rglob("*") if p.suffix in (".csv", ".xlsx", ".xls", ".ods")
                       and not p.name.startswith("_") and "_demo" not in p.parts):
        name = str(path.relative_to(folder))
        if name == "taobao_3x50000.xlsx":
            scenarios.append({"name": "big3x50000_sliced", "steps": [{"file": name}, {"file": name}],
                              "env": {"DIFF_SLICE": "real"}})
            continue
        if name == "taobao_50000.xlsx":
            add("big50000", [{"file": name, "args": ["--dry-run"]}, {"file": name}, {"file": name}])
            continue
        second = partner["taobao"] if name.startswith("taobao") and name != "taobao_400_b.xlsx" else (
            "taobao_300.csv" if name == "taobao_400_b.xlsx" else "own_overlap.xlsx")
        if name == "taobao_detail.csv":  # the companion: the orders first, their lines after
            add("detail_after_orders", [{"file": "taobao_300.csv"}, {"file": name, "args": ["--dry-run"]},
                                        {"file": name}, {"file": name}, {"file": "taobao_400_b.xlsx"}])
        if name.startswith("export_all"):
            second = name.replace("zh_CN", "en") if "zh_CN" in name and "_new" in name else "own_overlap.xlsx"
        add(name.replace("/", "_").replace(".", "_"), [{"file": name, "args": ["--dry-run"]}, {"file": name},
                                                {"file": name}, {"file": second}])
    # reminders: the products' cycles first, "today" a few weeks after the orders
    for name, today in (("taobao_300.csv", "2023-02-01"), ("taobao_5000.xlsx", "2023-04-20"),
                        ("walk/抖店订单导出.xlsx", "2026-09-20"), ("walk/ExportOrderList202612.csv", "2023-03-01")):
        if (folder / name).exists():
            add(f"cycles_{Path(name).stem}", [{"file": "products.csv"}, {"file": name, "args": ["--today", today]},
                                               {"file": name, "args": ["--today", today]},
                                               {"file": "taobao_400_b.xlsx", "args": ["--today", today]}])
    # the import dialog's "Check only" then "Import now" on what it read (the sheet released and read again)
    for name in ("taobao_5000.xlsx", "multi_sheet.xlsx", "merged_register.xlsx", "mac.xlsx", "taobao_300.csv",
                 *exports[:1], *(n for n in walked if n.endswith(".xlsx"))):
        add(f"checked_{Path(name).stem}", [{"file": name, "mode": "checked"}, {"file": "own_overlap.xlsx",
                                                                              "mode": "checked"}])
    add("checked_sliced_taobao_5000", [{"file": "taobao_5000.xlsx", "mode": "checked"}], DIFF_SLICE=200_000)
    add("all_or_nothing_dup", [{"file": "taobao_dup_rows.csv", "args": ["--all-or-nothing"]},
                               {"file": "taobao_300.csv", "args": ["--all-or-nothing"]}])
    add("preset_forced", [{"file": "own_sheet.xlsx", "args": ["--preset", "own"]},
                          {"file": "taobao_300.csv", "args": ["--preset", "taobao"]}])
    # block edges: 7 rows cleaned at a time in both trees (repeated headers and totals near the edges)
    for name in ("aliases.csv", "own_repeat_headers.xlsx", "taobao_repeat_headers.csv", "taobao_dup_rows.csv", "own_masked.csv",
                 "merged_register.xlsx"):
        add(f"block7_{Path(name).stem}", [{"file": name}, {"file": name}, {"file": "own_overlap.xlsx"}], DIFF_BLOCK=7)
    # slices: every .xlsx sheet read in small slices by the new tree, whole by the reference
    for name in ("offset.xlsx", "wide_later.xlsx", "mixed.xlsx", "mac.xlsx", "multi_sheet.xlsx", "own_sheet.xlsx",
                 "merged_register.xlsx", "own_repeat_headers.xlsx", "youzan.xlsx", *odd_sliced,
                 *(n for n in walked if n.endswith(".xlsx")), "taobao_5000.xlsx", *exports[:1]):
        add(f"sliced_{Path(name).stem}", [{"file": name, "args": ["--dry-run"]}, {"file": name}, {"file": name}],
            DIFF_SLICE=3000 if Path(folder / name).stat().st_size < 200_000 else 200_000)
    (folder / "scenarios.json").write_text(json.dumps(scenarios, ensure_ascii=False, indent=1))
    shutil.rmtree(folder / "_demo", ignore_errors=True)


def sys_path_bench() -> None:
    import sys

    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
