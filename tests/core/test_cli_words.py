"""The command line's words, as a script and a person see them: unknown commands, --help, sentences for coded
errors in the user's language, `export --json`, and a reader that leaves early (`… | head`). Real processes."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from core.book.db import Book
from core.book.models import Customer
from core.cli import app_files, command_names, wants_cli
from tests.conftest import ROOT

CJK = re.compile(r"[\u4e00-\u9fff]")
# A Chinese user's language without needing the zh_CN locale installed on the test machine (Qt reads LANGUAGE).
CHINESE = {"LANGUAGE": "zh_CN", "LANG": "C.UTF-8", "LC_ALL": ""}
ENGLISH = {"LANGUAGE": "", "LANG": "C.UTF-8", "LC_ALL": ""}


@pytest.fixture
def run(tmp_path):
    """Run main.py with its own settings folder (the app's language override lives there)."""

    def run(*args, language=ENGLISH, timeout=120):
        env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path / "config"), **language}
        started = time.monotonic()
        out = subprocess.run([sys.executable, str(ROOT / "main.py"), *map(str, args)], cwd=ROOT,
                             capture_output=True, text=True, env=env, timeout=timeout)
        out.seconds = time.monotonic() - started
        return out

    return run


def _files_under(*folders):
    return sorted(str(p) for folder in folders if folder.exists() for p in folder.rglob("*"))


@pytest.mark.slow
def test_an_unknown_command_exits_2_at_once_naming_the_closest_commands_and_writes_nothing(run, tmp_path):
    data = Path(os.environ["HUITOUKE_DATA_DIR"])
    before = _files_under(tmp_path, data)
    runs = [run("no-such-command", "--book", tmp_path / "B.book") for _ in range(3)]
    out = runs[0]
    assert out.returncode == 2, out.stderr
    fastest = min(r.seconds for r in runs)  # the best of three: a machine busy with other work is not the CLI
    assert fastest < 1.0, f"took {fastest:.2f} s"
    assert out.stdout == ""
    assert "Unknown command “no-such-command”." in out.stderr
    for name in command_names():  # the list from the parser, one line each with what it does
        assert re.search(rf"^  {name}\s+\S", out.stderr, re.M), name
    assert _files_under(tmp_path, data) == before  # no book, no log, no lock
    assert not (tmp_path / "B.book").exists()

    typo = run("stat", "--book", tmp_path / "B.book")
    assert typo.returncode == 2 and "Did you mean: stats?" in typo.stderr


def test_an_unknown_command_in_chinese_and_as_json(run, tmp_path):
    out = run("expotr", "--book", tmp_path / "B.book", language=CHINESE)
    assert out.returncode == 2
    assert "未知命令“expotr”。您是不是想用：export、import？" in out.stderr
    assert "导出为 .xlsx" in out.stderr and "命令：" in out.stderr

    out = run("customers", "--book", tmp_path / "B.book", "--json", language=CHINESE)
    assert out.returncode == 2
    error = json.loads(out.stderr)["error"]
    assert error["code"] == "unknown_command" and error["command"] == "customers"
    assert error["commands"] == list(command_names())
    assert error["message"].startswith("未知命令“customers”")


def test_a_file_the_app_cannot_open_is_an_unknown_command_too(run, tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("not a book")
    out = run(notes)
    assert out.returncode == 2 and "Unknown command" in out.stderr


def test_what_goes_to_the_app_and_what_to_the_command_line(tmp_path):
    book, sheet, notes = tmp_path / "B.book", tmp_path / "订单.xlsx", tmp_path / "notes.txt"
    for path in (book, sheet, notes):
        path.write_bytes(b"x")
    assert not wants_cli([]) and not wants_cli(["--book", str(book)]) and not wants_cli(["--minimized"])
    assert not wants_cli([str(book)]) and not wants_cli([str(sheet)])
    assert wants_cli(["stats"]) and wants_cli(["--book", str(book), "stats"]) and wants_cli(["--help"])
    assert wants_cli([str(notes)]) and wants_cli([str(tmp_path / "missing.book")]) and wants_cli(["products"])
    assert not wants_cli([f"--book={book}"]) and not wants_cli(["-psn_0_1234"]) and not wants_cli(["--quit-after-paint"])
    assert wants_cli(["--bogus"]) and wants_cli(["-x"]) and wants_cli(["--book"]) and wants_cli(["--version"])
    assert wants_cli(["--minimized", "--bogus", str(book)])
    assert app_files([str(book)]) == (str(book), None)
    assert app_files(["--book", "other.book", str(sheet)]) == ("other.book", str(sheet))
    assert app_files(["--book=other.book"]) == ("other.book", None)
    assert app_files([]) == (None, None)


def test_help_lists_every_command_with_one_line_in_the_users_language(run):
    english = run("--help")
    chinese = run("--help", language=CHINESE)
    assert english.returncode == chinese.returncode == 0
    assert english.stdout.startswith("usage: huitouke") and chinese.stdout.startswith("用法：huitouke")
    for name in command_names():
        line = re.search(rf"^\s+{name}\s+(.+)$", chinese.stdout, re.M)
        assert line and CJK.search(line.group(1)), f"{name} has no Chinese line in --help"
        assert re.search(rf"^\s+{name}\s+[a-z]", english.stdout, re.M), f"{name} has no line in --help"


def test_the_parsers_own_refusals_are_in_the_users_language_and_exit_2(run, tmp_path):
    book = tmp_path / "B.book"
    missing = run("import", language=CHINESE)
    assert missing.returncode == 2 and missing.stdout == ""
    assert missing.stderr.startswith("用法：huitouke import")
    assert missing.stderr.splitlines()[-1] == "huitouke import：错误：缺少必需的参数：file"
    unknown = run("import", "x.csv", "--bogus", "--book", book, language=CHINESE)
    assert unknown.returncode == 2 and unknown.stderr.splitlines()[-1] == "huitouke：错误：无法识别的参数：--bogus"
    choice = run("export", "o.xlsx", "--what", "nonsense", "--book", book, language=CHINESE)
    assert choice.returncode == 2
    assert choice.stderr.splitlines()[-1].startswith("huitouke export：错误：参数 --what：无效的选项：'nonsense'（可选：")
    number = run("demo", tmp_path / "D.book", "--customers", "abc", language=CHINESE)
    assert number.returncode == 2 and number.stderr.splitlines()[-1].endswith("参数 --customers：不是整数：'abc'")
    for out in (missing, unknown, choice, number):
        assert "error" not in out.stderr and "argument" not in out.stderr, out.stderr
    for app_words, said in ((("--bogus",), "无法识别的参数：--bogus"), (("--book",), "参数 --book：需要一个值")):
        refused = run(*app_words, language=CHINESE)  # (the desktop app used to start)
        assert refused.returncode == 2 and refused.stderr.splitlines()[-1] == f"huitouke：错误：{said}"
    english = run("import")
    assert english.returncode == 2
    assert english.stderr.splitlines()[-1] == "huitouke import: error: the following arguments are required: file"
    assert not book.exists() and not (tmp_path / "D.book").exists()


def test_a_coded_error_is_said_in_the_users_language_and_keeps_its_code(run, tmp_path):
    missing = tmp_path / "none.book"
    english = json.loads(run("backup", "--book", missing).stderr)["error"]
    chinese = json.loads(run("backup", "--book", missing, language=CHINESE).stderr)["error"]
    assert english["code"] == chinese["code"] == "book_missing"
    assert english["message"] == f"There is no book at {missing}. Create one with: huitouke init {missing}"
    assert chinese["message"] == f"{missing} 处没有客户本。可以这样新建一个：huitouke init {missing}"


@pytest.mark.slow
def test_an_import_refusal_under_chinese_is_the_sentence_for_its_code(run, tmp_path):
    book = tmp_path / "B.book"
    Book.open(book, create=True).close()
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    out = run("import", empty, "--book", book, "--json", language=CHINESE)
    assert out.returncode == 2
    assert out.stderr.startswith("{"), out.stderr
    error = json.loads(out.stderr)["error"]
    assert error["code"] == "empty"
    assert "The file cannot be imported" not in error["message"] and CJK.search(error["message"])
    assert "empty.csv" in error["message"]


@pytest.mark.slow
def test_import_and_check_say_what_they_did_in_the_users_language(run, tmp_path):
    book = tmp_path / "B.book"
    Book.open(book, create=True).close()
    sheet = tmp_path / "orders.csv"
    sheet.write_text("姓名,电话,下单时间,实付金额\n张三,13800000000,2026-01-02,12.5\n李四,13900000000,明天,9\n",
                     encoding="utf-8")
    dry = run("import", sheet, "--book", book, "--dry-run", "--json", language=CHINESE)
    assert dry.returncode == 0, dry.stderr
    problem = json.loads(dry.stdout)["errors"][0]
    assert problem["code"] == "date_invalid" and problem["message"] == "不是日期：明天"
    english = run("import", sheet, "--book", book, "--dry-run", "--json")
    assert json.loads(english.stdout)["errors"][0]["message"].startswith("not a date")

    text = run("import", sheet, "--book", book, language=CHINESE)
    # 李四's purchase date is bad: the purchase is skipped, the customer kept (#17)
    assert text.returncode == 0 and text.stdout.startswith("已导入：新客户 2 位"), text.stdout
    # and the text says what was refused and where, as the dialog's report and --json do
    assert text.stdout.splitlines()[1] == (
        "orders.csv，工作表 orders，第 3 行，下单时间 列：不是日期：明天（未导入：这笔购买（客户已导入））"), text.stdout
    assert run("check", "--book", book, language=CHINESE).stdout.startswith(f"完好：{book}（")
    assert run("check", "--book", book).stdout.startswith(f"OK: {book} (schema ")


@pytest.mark.slow
def test_export_says_what_it_wrote_in_text_and_json(run, tmp_path):
    book = tmp_path / "B.book"
    with Book.open(book, create=True) as b, b.session() as s:
        s.add_all([Customer(name="张三"), Customer(name="李四")])
    target = tmp_path / "out.xlsx"
    out = run("export", target, "--book", book, "--what", "customers", "--json")
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout)
    assert result["path"] == str(target) and result["what"] == "customers"
    assert list(result["sheets"].values()) == [2] and target.exists()
    text = run("export", tmp_path / "zh.xlsx", "--book", book, "--what", "customers", language=CHINESE)
    assert text.returncode == 0 and text.stdout.startswith(f"已导出 {tmp_path / 'zh.xlsx'}：")


@pytest.mark.slow
def test_a_reader_that_leaves_early_ends_the_command_quietly(tmp_path):
    book = tmp_path / "B.book"
    Book.open(book, create=True).close()
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path / "config"), "HUITOUKE_DATA_DIR": str(tmp_path / "data"),
           **ENGLISH}
    process = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "stats", "--book", str(book)], cwd=ROOT,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    process.stdout.close()  # `| head -0`: the reader is gone before the first line
    _, stderr = process.communicate(timeout=120)
    assert process.returncode in (0, 141), stderr
    assert stderr == b"", stderr.decode()
    assert "unexpected error" not in (tmp_path / "data" / "logs" / "cli.log").read_text(encoding="utf-8")


def test_an_export_into_a_folder_that_is_not_there_is_refused_before_any_work(run, tmp_path):
    """Exit 2 (not 1, "unexpected error") with a sentence naming the path, in the user's language; nothing
    written. A folder given as the target is refused the same way."""
    book = tmp_path / "B.book"
    Book.open(book, create=True).close()
    target = tmp_path / "no_such_folder" / "all.xlsx"
    out = run("export", target, "--book", book, "--json")
    assert out.returncode == 2, out.stderr
    error = json.loads(out.stderr)["error"]
    assert error["code"] == "export_folder_missing" and error["path"] == str(target)
    zh = run("export", target, "--book", book, language=CHINESE)
    assert zh.returncode == 2 and "不存在" in zh.stderr and str(target) in zh.stderr, zh.stderr
    (tmp_path / "folder.xlsx").mkdir()
    folder = run("export", tmp_path / "folder.xlsx", "--book", book, "--json")
    assert folder.returncode == 2 and json.loads(folder.stderr)["error"]["code"] == "export_target_is_folder"
    assert not target.parent.exists() and sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".xlsx") == ["folder.xlsx"]
    csv = run("export", tmp_path / "all.csv", "--book", book, "--json")
    assert csv.returncode == 2 and json.loads(csv.stderr)["error"]["code"] == "export_not_xlsx"
    assert not (tmp_path / "all.csv").exists()
    french = run("export", tmp_path / "fr.xlsx", "--book", book, "--language", "fr")
    assert french.returncode == 2 and "--language" in french.stderr and not (tmp_path / "fr.xlsx").exists()


def test_an_unexpected_error_is_logged_where_its_message_says(tmp_path, monkeypatch):
    from core import cli

    monkeypatch.setenv("HUITOUKE_DATA_DIR", str(tmp_path / "data"))
    try:
        raise RuntimeError("boom from a test")
    except RuntimeError:
        path = cli._log_unexpected()
    text = path.read_text(encoding="utf-8")
    assert "boom from a test" in text and "Traceback" in text


@pytest.mark.slow
def test_the_shell_pipe_into_head_prints_the_first_line_only(tmp_path):
    book = tmp_path / "B.book"
    Book.open(book, create=True).close()
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path / "config"), **ENGLISH}
    command = f"'{sys.executable}' '{ROOT / 'main.py'}' stats --book '{book}' | head -1"
    out = subprocess.run(["sh", "-c", command], cwd=ROOT, capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode == 0 and len(out.stdout.splitlines()) == 1
    assert "Unexpected error" not in out.stderr and "Traceback" not in out.stderr


def test_today_speaks_the_users_language(run, tmp_path):
    book = tmp_path / "B.book"
    Book.open(book, create=True).close()
    assert run("today", "--book", book, language=CHINESE).stdout.strip() == "没有到期的任务。"
    assert run("today", "--book", book).stdout.strip() == "Nothing due."


@pytest.mark.slow
def test_stats_speaks_the_users_language(run, tmp_path):
    import datetime as dt

    from core.demo.build import build_demo

    book = tmp_path / "B.book"
    build_demo(book, customers=60, seed=7, today=dt.date.today())
    chinese = run("stats", "--book", book, language=CHINESE)
    english = run("stats", "--book", book)
    assert chinese.returncode == english.returncode == 0, chinese.stderr + english.stderr
    zh, en = chinese.stdout.splitlines(), english.stdout.splitlines()
    assert len(zh) == len(en) > 9  # the same figures, line for line
    assert en[1].startswith("Buyers: ") and en[7].startswith("Month") and "Important value customers" in en[6]
    assert zh[1].startswith("购买客户：") and zh[7].startswith("月份") and "重要价值客户" in zh[6]
    months = [line for line in zh if re.match(r"\d{4}-\d{2}  ", line)]
    assert months and months == [line.replace("(month not over)", "（本月未结束）") for line in en
                                 if re.match(r"\d{4}-\d{2}  ", line)]
    words = [line for line in zh if line not in months]
    assert all(CJK.search(line) for line in words), words  # every sentence in Chinese
    assert not any(re.search(r"[A-Za-z]{3,}", line.replace("RFM", "")) for line in words), words
    # the month table lines up: each Chinese header word ends where its column of figures ends (CJK: 2 wide)
    header = zh[7]
    ends = [sum(2 if CJK.match(ch) else 1 for ch in header[:i + 1]) for i, ch in enumerate(header)
            if ch != " " and (i + 1 == len(header) or header[i + 1] == " ")]
    figures = [match.end() for match in re.finditer(r"\S+", months[0])][:7]
    assert ends[1:] == figures[1:], (header, months[0])


def test_the_row_problems_inside_a_refusal_speak_the_users_language(run, tmp_path):
    """no_row_imported / rows_rejected carry each row's problem: in Chinese under zh_CN, and always with a
    message (rows_rejected's had none)."""
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["订单号", "商品", "订单状态", "用户实付金额(元)", "收货人", "手机", "支付时间"])
    for i in range(2):
        sheet.append([1.23457e18, "土蜂蜜500g", "已签收", 68, "王五", f"1380013800{i}", "2024-09-01 10:00:00"])
    rounded = tmp_path / "rounded.xlsx"
    workbook.save(rounded)
    book = tmp_path / "B.book"
    Book.open(book, create=True).close()
    zh = run("import", rounded, "--book", book, "--json", language=CHINESE)
    error = json.loads(zh.stderr)["error"]
    assert zh.returncode == 2 and error["code"] == "no_row_imported"
    assert "只检查" not in error["message"] and "errors" in error["message"]  # (the dialog's button is not here)
    assert [row["code"] for row in error["errors"]] == ["precision_lost", "precision_lost"]
    assert all("四舍五入" in row["message"] for row in error["errors"]), error["errors"]
    strict = run("import", rounded, "--book", book, "--json", "--all-or-nothing")
    rows = json.loads(strict.stderr)["error"]["errors"]
    assert strict.returncode == 2 and rows and all("rounded" in row["message"] for row in rows), rows


def test_the_dry_run_names_the_columns_kept_in_the_customers_note(run, tmp_path):
    """Columns that are no field of the book go into the customer's note: the dry run says which, before."""
    import openpyxl

    workbook = openpyxl.Workbook()
    workbook.active.append(["姓名", "电话", "日期", "商品", "金额", "车牌", "车型", "维修项目"])
    workbook.active.append(["周杰", "13812341234", "2024-06-01", "保养", 300, "粤A12345", "大众朗逸", "换机油"])
    sheet = tmp_path / "car.xlsx"
    workbook.save(sheet)
    book = tmp_path / "B.book"
    Book.open(book, create=True).close()
    data = json.loads(run("import", sheet, "--book", book, "--dry-run", "--json").stdout)
    assert data["kept_columns"] == [{"file": "car.xlsx", "sheet": "Sheet", "columns": ["车牌", "车型", "维修项目"]}]
    text = run("import", sheet, "--book", book, "--dry-run", language=CHINESE)
    assert text.returncode == 0 and "客户备注里：车牌、车型、维修项目" in text.stdout, text.stdout


def test_every_option_of_import_and_export_says_what_it_does(run):
    for command, words in (("import", ("只检查并说明会改动什么", "只要有一行有问题", "表头认不出时")),
                           ("export", ("要写出的 .xlsx 文件", "整本客户本的副本"))):
        out = run(command, "--help", language=CHINESE)
        assert out.returncode == 0 and all(word in out.stdout for word in words), out.stdout
        assert "SUB_BOOK" not in out.stdout and "--book BOOK" in out.stdout


def test_today_on_a_book_of_old_history_says_why_nothing_is_due(run, tmp_path):
    """Every task of a history two years old has expired: "Nothing due." alone said nothing of the customers."""
    from tests.core.excel.files import TAOBAO_HEADERS, taobao_rows, write_csv

    book = tmp_path / "old.book"
    sheet = write_csv(tmp_path / "ExportOrderList2023.csv", [TAOBAO_HEADERS, *taobao_rows(60, buyers=40)],
                      encoding="gbk")
    assert run("init", book).returncode == 0
    assert run("import", sheet, "--book", book).returncode == 0
    out = run("today", "--book", book, "--date", "2026-12-07", language=CHINESE)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[0] == "没有到期的任务。" and lines[1].startswith("另有 ") and "位客户已流失" in lines[1]
    english = run("today", "--book", book, "--date", "2026-12-07", "--json")
    assert english.returncode == 0 and english.stdout.strip() == "[]"  # (the JSON stays the list of tasks)
