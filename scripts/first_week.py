"""A seller's first week with Huitouke, written as the files she really has and imported the way she would.

``write(folder)`` writes, for one made-up seller of honey, tea and face masks whose customers buy on several
channels (one person often on two of them):

- ``我的客户.xlsx`` — her hand-kept sheet of WeChat customers: a merged title row, one sheet a month, a row a
  purchase, phones typed as numbers, with spaces, dashes, +86 or full-width digits, dates as real dates and as text
  in several forms, tags separated by 、 ; or spaces, blank rows;
- ``ExportOrderList202611301030.csv`` and its ``ExportOrderDetailList202611301030.csv`` — Taobao's order report
  (GBK, ="…" order numbers, 'mobile, headers ending in a space) with an order's goods in the detail file;
- ``拼多多订单202612011500.csv`` — Pinduoduo's export (GB18030, a title line above the header, tab padding, phones
  masked in newer rows, （元） headers);
- ``抖店订单202612021600.xlsx`` — Douyin shop's export (receivers masked as 周** / 151****0000, sub-order numbers
  as text, an order of two goods as two rows);
- ``ExportOrderList202612041030.csv`` (and detail) — a newer Taobao report overlapping the first: statuses moved
  on, a refund, new orders of the week.

``STEPS`` says which file is imported on which day. ``build(folder, book)`` imports them in that order through
the command line (``main.py import --today DAY --json``) and returns each answer; the test
``tests/core/excel/test_first_week.py`` checks what the seller then sees, and ``scripts/screenshots.py --book``
shoots the app on the book. Usage::

    python scripts/first_week.py build /tmp/fw --book /tmp/fw/week.book   # writes the files when missing
    QT_QPA_PLATFORM=offscreen python scripts/screenshots.py /tmp/shots --book /tmp/fw/week.book --today 2026-12-04

``Truth`` (returned by ``write``) holds what the files mean: the distinct orders, who is who, so a check can
compare the book with what really happened. Everything is seeded: the same files every time.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import random
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.core.excel.files import TAOBAO_HEADERS, taobao_row, write_csv, write_xlsx  # noqa: E402
from tests.core.excel.test_pasted_lines import DOUYIN_HEADERS  # noqa: E402
from tests.core.excel.test_presets import PDD_HEADERS  # noqa: E402

HAND = "我的客户.xlsx"
TAOBAO_FIRST = "ExportOrderList202611301030.csv"
TAOBAO_LATER = "ExportOrderList202612041030.csv"
PDD = "拼多多订单202612011500.csv"
DOUYIN = "抖店订单202612021600.xlsx"
STEPS = [("2026-11-30", HAND), ("2026-11-30", TAOBAO_FIRST), ("2026-12-01", PDD), ("2026-12-02", DOUYIN),
         ("2026-12-04", TAOBAO_LATER)]
LAST_DAY = dt.date(2026, 12, 4)

# (title on the platforms, short name on the hand sheet, price in cents, days a unit lasts)
GOODS = [("云南野生蜂蜜500g", "蜂蜜", 6800, 30), ("桂花蜜250g", "桂花蜜", 4900, 45), ("补水面膜30片", "面膜", 9900, 30),
         ("红糖姜茶", "姜茶", 3990, 20), ("玫瑰精华30ml", "精华", 12800, 60)]
DETAIL_HEADERS = ["订单编号", "标题", "价格", "购买数量", "外部系统编号", "商品属性", "套餐信息", "备注", "订单状态", "商家编码"]
HAND_HEADERS = ["序号", "姓名", "微信号", "电话", "地址", "标签", "生日", "买了什么", "数量", "金额", "日期", "备注"]

_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈"
_GIVEN = "芳伟娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红梅琳雪婷慧莉燕晶"
_PLACES = [("广东省", "广州市", "越秀区", "中山四路"), ("浙江省", "杭州市", "西湖区", "文三路"),
           ("北京市", "北京市", "朝阳区", "建国路"), ("四川省", "成都市", "武侯区", "人民南路"),
           ("江苏省", "南京市", "鼓楼区", "中山北路"), ("上海市", "上海市", "浦东新区", "世纪大道"),
           ("湖北省", "武汉市", "洪山区", "珞喻路"), ("山东省", "济南市", "历下区", "泉城路")]
_TAGS = ["老客、蜂蜜", "朋友圈;宝妈", "VIP 老客", "同事介绍", "", "", "宝妈", "回头客、面膜"]


@dataclasses.dataclass
class Person:
    """One real buyer: who she is on every channel she uses."""

    index: int
    name: str
    phone: str
    wechat: str
    place: tuple[str, str, str, str]
    number: int  # house number on her road
    buyer: str  # Taobao account, "" when she does not buy there
    channels: tuple[str, ...]

    @property
    def address(self) -> str:
        province, city, district, road = self.place
        return f"{province}{city}{district}{road}{self.number}号"


@dataclasses.dataclass
class Truth:
    """What the files mean, for checks: the people, every distinct order (platform, number) with its lines'
    count, and the hand sheet's purchases (they have no number)."""

    people: list[Person]
    orders: dict[tuple[str, str], int] = dataclasses.field(default_factory=dict)
    hand_purchases: int = 0


def _people(count: int, rng: random.Random) -> list[Person]:
    people = []
    names: set[str] = set()
    for index in range(count):
        name = rng.choice(_SURNAMES) + rng.choice(_GIVEN) + (rng.choice(_GIVEN) if index % 3 else "")
        while name in names:  # real namesakes exist, but the checks here count people by name
            name = rng.choice(_SURNAMES) + rng.choice(_GIVEN) + rng.choice(_GIVEN)
        names.add(name)
        channels = tuple(channel for channel, share in (("hand", 0.35), ("taobao", 0.4), ("pdd", 0.2), ("douyin", 0.25))
                         if rng.random() < share) or ("taobao",)
        people.append(Person(index, name, f"1{rng.choice('3589')}{rng.randrange(10**9):09d}", f"wx_{index:04d}"
                             if rng.random() < 0.7 else "", rng.choice(_PLACES), 1 + rng.randrange(300),
                             f"tb_{name}{index}" if "taobao" in channels else "", channels))
    return people


def _purchases(person: Person, rng: random.Random, start: dt.date, end: dt.date) -> list[tuple[dt.datetime, int, int]]:
    """(when, goods index, quantity) of a person's orders between start and end, one goods bought again about
    when it runs out (a returning buyer) or once."""
    goods = rng.randrange(len(GOODS))
    cycle = GOODS[goods][3]
    day = start + dt.timedelta(days=rng.randrange(max(1, (end - start).days)))
    bought = []
    while day <= end:
        quantity = rng.choice([1, 1, 1, 2, 3])
        bought.append((dt.datetime.combine(day, dt.time(8 + rng.randrange(14), rng.randrange(60), rng.randrange(60))),
                       goods, quantity))
        if rng.random() < 0.45:
            break
        day += dt.timedelta(days=cycle * quantity + rng.randrange(-5, 10))
    return bought


def _phone_typed(phone: str, rng: random.Random) -> object:
    kind = rng.randrange(6)
    if kind == 0:
        return int(phone)  # a number cell
    if kind == 1:
        return f"{phone[:3]} {phone[3:7]} {phone[7:]}"
    if kind == 2:
        return f"+86-{phone}"
    if kind == 3:
        return phone.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    return phone


def _date_typed(when: dt.datetime, rng: random.Random) -> object:
    kind = rng.randrange(5)
    if kind == 0:
        return when.date()
    if kind == 1:
        return f"{when.year}/{when.month}/{when.day}"
    if kind == 2:
        return f"{when.month}月{when.day}日"
    if kind == 3:
        return when.strftime("%Y%m%d")
    return f"{when.year}.{when.month}.{when.day}"


def _hand_sheet(path: Path, people: list[Person], rng: random.Random, truth: Truth) -> None:
    months: dict[str, list[list[object]]] = {"10月": [], "11月": []}
    for person in people:
        if "hand" not in person.channels:
            continue
        for when, goods, quantity in _purchases(person, rng, dt.date(2026, 10, 1), dt.date(2026, 11, 29)):
            sheet = months[f"{when.month}月"]
            short, price = GOODS[goods][1], GOODS[goods][2]
            sheet.append([len(sheet) + 1, person.name, person.wechat, _phone_typed(person.phone, rng), person.address,
                          rng.choice(_TAGS), rng.choice(["", "", "5月3日", "1988-08-15"]), short, quantity,
                          quantity * price / 100, _date_typed(when, rng), rng.choice(["", "", "要发票", "送朋友的"])])
            truth.hand_purchases += 1
    sheets = {}
    for month, rows in months.items():
        rows.sort(key=lambda row: row[0])  # type: ignore[arg-type, return-value]
        for blank in range(len(rows) // 15, 0, -1):  # a blank row every 15 or so, as hand sheets have
            rows.insert(blank * 15, [None] * len(HAND_HEADERS))
        sheets[month] = [["2026年微信客户登记表"], HAND_HEADERS, *rows]
    write_xlsx(path, sheets, merge_title=True)


def _taobao_orders(people: list[Person], rng: random.Random) -> list[dict]:
    """Every Taobao order of the weeks before and of the first week, with the state it has on 11-30 and on 12-04."""
    orders = []
    for person in people:
        if "taobao" not in person.channels:
            continue
        for when, goods, quantity in _purchases(person, rng, dt.date(2026, 8, 20), dt.date(2026, 12, 3)):
            lines = [(goods, quantity)]
            if rng.random() < 0.2:
                lines.append(((goods + 1) % len(GOODS), 1))  # a second goods in the same order
            orders.append({"number": str(3_515_313_147_329_357 + 7919 * len(orders) + person.index * 13),
                           "person": person, "when": when, "lines": lines, "closed": rng.random() < 0.04,
                           "refund": rng.random() < 0.05})
    return orders


def _taobao_state(order: dict, day: dt.date) -> tuple[str, str]:
    """(订单状态, 退款金额) of an order in a report written on ``day``."""
    age = (day - order["when"].date()).days
    if order["closed"]:
        return "交易关闭", "0.00"
    if age <= 1:
        return "买家已付款，等待卖家发货", "0.00"
    if age <= 8:
        return "卖家已发货，等待买家确认", "0.00"
    goods = sum(GOODS[goods][2] * quantity for goods, quantity in order["lines"])
    refund = f"{GOODS[order['lines'][0][0]][2] / 100:.2f}" if order["refund"] and age > 12 else "0.00"
    return "交易成功", refund if goods else "0.00"


def _taobao_files(folder: Path, name: str, orders: list[dict], day: dt.date, since: dt.date, truth: Truth) -> None:
    rows, details = [TAOBAO_HEADERS], [DETAIL_HEADERS]
    for order in orders:
        if not since <= order["when"].date() < day:
            continue
        person: Person = order["person"]
        status, refund = _taobao_state(order, day)
        goods = sum(GOODS[goods][2] * quantity for goods, quantity in order["lines"])
        titles = "，".join(GOODS[goods][0] for goods, _ in order["lines"])
        province, city, district, road = person.place
        rows.append(taobao_row(order["number"], person.buyer, person.name, person.phone,
                               f"{province} {city} {district} {road}{person.number}号(510180)",
                               order["when"].strftime("%Y-%m-%d %H:%M:%S"),
                               (order["when"] + dt.timedelta(minutes=2)).strftime("%Y-%m-%d %H:%M:%S"), titles,
                               sum(quantity for _, quantity in order["lines"]), f"{goods / 100:.2f}", "0.00",
                               f"{goods / 100:.2f}", status, refund))
        for goods_index, quantity in order["lines"]:
            title, _, price, _ = GOODS[goods_index]
            details.append([f'="{order["number"]}"', title, f"{price / 100:.2f}", str(quantity), "", "", "", "",
                            status, f"SKU{goods_index}"])
        truth.orders[("taobao", order["number"])] = len(order["lines"])
    write_csv(folder / name, rows, encoding="gbk", quote_all=True)
    write_csv(folder / name.replace("ExportOrderList", "ExportOrderDetailList"), details, encoding="gbk",
              quote_all=True)


def _pdd(path: Path, people: list[Person], rng: random.Random, truth: Truth) -> None:
    rows: list[list[object]] = [["订单导出（2026-08-20 至 2026-11-30）"], PDD_HEADERS]
    for person in people:
        if "pdd" not in person.channels:
            continue
        for when, goods, quantity in _purchases(person, rng, dt.date(2026, 8, 20), dt.date(2026, 11, 30)):
            number = f"{when:%y%m%d}-{rng.randrange(10**15):015d}"
            title, _, price, _ = GOODS[goods]
            total = f"{price * quantity / 100:.2f}"
            age = (dt.date(2026, 12, 1) - when.date()).days
            status = "已签收" if age > 7 else "已发货，待签收" if age > 1 else "待发货"
            phone = f"{person.phone[:3]}****{person.phone[-4:]}" if when.date() >= dt.date(2026, 10, 15) else person.phone
            province, city, district, road = person.place
            rows.append([title, f"\t{number}\t", status, total, "0", "0", "0", total, total, quantity, person.name,
                         f"\t{phone}\t", province, city, district, f"{road}{person.number}号",
                         when.strftime("%Y-%m-%d %H:%M:%S"), "", "", "", "88", "500g", "", "", "", "", ""])
            truth.orders[("pinduoduo", number)] = 1
    write_csv(path, rows, encoding="gb18030")


def _douyin(path: Path, people: list[Person], rng: random.Random, truth: Truth) -> None:
    rows: list[list[object]] = [DOUYIN_HEADERS]
    for person in people:
        if "douyin" not in person.channels:
            continue
        for when, goods, quantity in _purchases(person, rng, dt.date(2026, 9, 1), dt.date(2026, 12, 1)):
            number = f"69{rng.randrange(10**17):017d}"
            lines = [(goods, quantity)] + ([((goods + 2) % len(GOODS), 1)] if rng.random() < 0.25 else [])
            due = sum(GOODS[item][2] * count for item, count in lines)
            province, city, district, road = person.place
            done = (dt.date(2026, 12, 2) - when.date()).days > 7
            for position, (item, count) in enumerate(lines, start=1):
                title, _, price, _ = GOODS[item]
                rows.append([number, f"{number[:-1]}{position}", title, "默认", count, "3579", f"{price / 100:.2f}",
                             f"{due / 100:.2f}", "0", person.name[0] + "**", f"{person.phone[:3]}****{person.phone[-4:]}",
                             province, city, district, "", f"{road}{str(person.number)[0]}**号", "",
                             when.strftime("%Y/%m/%d %H:%M:%S"), (when + dt.timedelta(minutes=1)).strftime("%Y/%m/%d %H:%M:%S"),
                             "", "已完成" if done else "已发货", "", "", ""])
            truth.orders[("douyin", number)] = len(lines)
    write_xlsx(path, {"订单列表": rows})


def write(folder: Path, people: int = 400, seed: int = 2026) -> Truth:
    """Write the week's files into ``folder`` (made when missing) and return what they mean."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    truth = Truth(_people(people, rng))
    _hand_sheet(folder / HAND, truth.people, rng, truth)
    orders = _taobao_orders(truth.people, rng)
    _taobao_files(folder, TAOBAO_FIRST, orders, dt.date(2026, 11, 30), dt.date(2026, 8, 1), truth)
    _pdd(folder / PDD, truth.people, rng, truth)
    _douyin(folder / DOUYIN, truth.people, rng, truth)
    _taobao_files(folder, TAOBAO_LATER, orders, LAST_DAY, dt.date(2026, 11, 1), truth)
    return truth


def import_file(book: Path, path: Path, day: str, python: str = sys.executable) -> dict:
    """``main.py import PATH --book BOOK --today DAY --json`` in its own process: the answer, with its exit code
    as ``exit``."""
    done = subprocess.run([python, str(ROOT / "main.py"), "import", str(path), "--book", str(book), "--today", day,
                           "--json"], capture_output=True, text=True, cwd=ROOT, timeout=600)
    answer = json.loads(done.stdout) if done.stdout.strip().startswith("{") else {"stdout": done.stdout}
    return {**answer, "exit": done.returncode, "stderr": done.stderr[-2000:]}


def build(folder: Path, book: Path, people: int = 400, python: str = sys.executable) -> list[dict]:
    """Write the files (unless ``folder`` has them) and import them into ``book`` on their days, in order."""
    if not (folder / TAOBAO_LATER).exists():
        write(folder, people)
    subprocess.run([python, str(ROOT / "main.py"), "init", str(book)], check=True, cwd=ROOT, capture_output=True)
    return [{"day": day, "file": name, **import_file(book, folder / name, day, python)} for day, name in STEPS]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=["write", "build"])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--book", type=Path, help="the book to build (build): made, must not exist")
    parser.add_argument("--people", type=int, default=400)
    options = parser.parse_args()
    if options.command == "write":
        truth = write(options.folder, options.people)
        print(f"{len(truth.people)} people, {len(truth.orders)} platform orders, {truth.hand_purchases} hand-sheet rows")
        return
    for answer in build(options.folder, options.book or options.folder / "week.book", options.people):
        counts = {key: answer.get(key) for key in ("customers_created", "customers_updated", "orders_created",
                                                    "orders_updated") if key in answer}
        print(answer["day"], answer["file"], "exit", answer["exit"], counts)


if __name__ == "__main__":
    main()
