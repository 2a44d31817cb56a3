"""Which rows of one import are one person (``Joiner``), used by the plan (core.excel.plan) and the import in
rounds (core.excel.rounds) as the rows are read."""

from __future__ import annotations

from collections.abc import Callable
from itertools import repeat
from typing import Any

from core.excel import cleaning, masked
from core.excel.records import ParsedRow


class Joiner:
    """Rows joined into people, row after row: two rows are one person when they share a key — a phone, a buyer ID
    (of the table's platform), a WeChat ID, an order of several rows (the key of an order of one row joins nothing,
    but a row with an order number is never joined by name), else the name with the address (a masked name, 周**,
    stands alone). A row of our own export is joined by the book's customer id (two ids are two people, even with
    one buyer ID: a book can hold two customers with the same Taobao nickname) and its order alone.
    A row with none of those identities whose masked name, masked phone and full address are those of an earlier
    row of the same platform is that row's person, order number or not (core.excel.masked: the same Douyin buyer
    shipping to the same home; strong evidence, DOMAIN.md §1).
    Rows of one real name at one address (province to detail, the detail given) whose phones and accounts do not
    disagree are one person too, order number or not (``_home_of``): what the book's match does across imports
    (core.excel.matching.BookIndex: name + address), so a Pinduoduo buyer whose newer orders mask her phone
    (138****1234) stays one customer within the export as across exports.

    One owner dict per kind of key (the first row that had it), so no key is built as a tuple of its kind."""

    __slots__ = ("by_buyer", "by_home", "by_masked", "by_name", "by_phone", "by_ref", "by_wechat", "join")

    def __init__(self, join: Callable[[int, int], None]) -> None:
        self.join = join
        self.by_ref: dict[Any, int] = {}
        self.by_phone: dict[str, int] = {}
        self.by_buyer: dict[tuple[str, str], int] = {}
        self.by_wechat: dict[str, int] = {}
        self.by_name: dict[tuple[str, str], int] = {}
        self.by_masked: dict[tuple[str, ...], int] = {}
        # (name, province, city, district, detail) -> each person there: [her first row, her phone or masked phone,
        # buyer ID, WeChat ID]
        self.by_home: dict[tuple[Any, ...], list[list[Any]]] = {}

    def add(self, index: int, parsed: ParsedRow, platform: str, numbered: bool, order_first: int | None) -> None:
        """Row ``index`` (read from a table of ``platform``); ``numbered``: it has an order number;
        ``order_first``: the first row of its order when its order joins its rows."""
        customer = parsed.customer
        firsts = []  # the first row of each key this row has
        ref = customer.get("customer_ref")
        if ref:
            firsts.append(self.by_ref.setdefault(ref, index))
        else:
            firsts.extend(map(self.by_phone.setdefault, parsed.phones, repeat(index)))
            if customer.get("platform_buyer_id"):
                firsts.append(self.by_buyer.setdefault((platform, customer["platform_buyer_id"]), index))
            if customer.get("wechat_id"):
                firsts.append(self.by_wechat.setdefault(customer["wechat_id"], index))
            if not firsts and parsed.masked_phone:  # (only rows with a masked phone are looked at further)
                key = masked.person_key(platform, customer.get("name", ""), parsed.masked_phone, customer)
                if key is not None:
                    firsts.append(self.by_masked.setdefault(key, index))
            # Only a row none of whose keys joined it to an earlier row (a row joined by its WeChat ID to another's
            # joining a third by name and address would join two phones); Taobao's report never masks a phone: its
            # rows with one are joined by it, and cost nothing more.
            if (not parsed.phones or platform != "taobao") and all(first == index for first in firsts):
                home = self._home_of(index, parsed)
                if home is not None:
                    firsts.append(home)
        if order_first is not None:
            firsts.append(order_first)
        elif not firsts and not numbered and not ref:
            name = customer.get("name", "")
            if not cleaning.is_masked_name(name):  # 周** is not somebody: the row stands alone
                address = "".join(customer.get(part, "") for part in ("province", "city", "district",
                                                                        "address_detail"))
                firsts.append(self.by_name.setdefault((name, address), index))
        joined = index
        for first in firsts:
            if first != index and first != joined:  # (a row's keys mostly name the same first row)
                self.join(first, index)
                joined = first

    def _home_of(self, index: int, parsed: ParsedRow) -> int | None:
        """The first row of a person of the same real name at the same address (the detail given) that this row may
        be: no two different real phones, masked phones that are the same or that the other's real phone fits, no
        two different buyer IDs or WeChat IDs (as BookIndex.match compares name + address); None when none (the row
        is then the first of another person there). What a joined row adds (a phone, an account) is remembered
        with that person: a row without a phone never joins two different phones."""
        customer = parsed.customer
        detail, name = customer.get("address_detail"), customer.get("name")
        if not detail or not name:
            return None
        key = (name, customer.get("province"), customer.get("city"), customer.get("district"), detail)
        phone = parsed.phones[0] if parsed.phones else (
            masked.phone_key(parsed.masked_phone) if parsed.masked_phone else "")
        buyer, wechat = customer.get("platform_buyer_id") or "", customer.get("wechat_id") or ""
        people = self.by_home.get(key)
        if people is None:  # (most rows: the first there; a masked name, 周**, is nobody and never recorded)
            if not cleaning.is_masked_name(name):
                self.by_home[key] = [[index, phone, buyer, wechat]]
            return None
        for person in people:  # [first row, phone, buyer ID, WeChat ID] of each person there
            first_row, known_phone, known_buyer, known_wechat = person
            if (not masked.same_phone(phone, known_phone) or (buyer and known_buyer and buyer != known_buyer)
                    or (wechat and known_wechat and wechat != known_wechat)):
                continue
            if not known_phone or ("*" in known_phone and phone and "*" not in phone):
                person[1] = phone  # her phone, real rather than its mask
            person[2], person[3] = known_buyer or buyer, known_wechat or wechat
            return first_row
        people.append([index, phone, buyer, wechat])  # another person of that name there
        return None

