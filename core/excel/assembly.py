"""One block of cleaned columns into per-row customer / order / item / product dicts (core.excel.records).

What a row's fields say about each other — its phones sorted out, a whole address split, a name chosen — is
worked out column by column: each derived value is computed once per distinct input and set into the rows'
dicts at C speed, so a row costs a few dict writes, not a pass through Python code of its own."""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from itertools import compress, repeat
from operator import is_not
from typing import Any, cast

from core.excel.addresses import split_address
from core.excel.cleaning import is_masked_name
from core.excel.presets import Preset

_PARTS = ("province", "city", "district", "postcode", "address_detail")
_JOINED = ("province", "city", "district", "address_detail")
_NAME_SOURCES = ("receiver_name", "real_name", "platform_buyer_id", "wechat_id")


def scatter(rows: list[dict[str, Any]], name: str, values: list[Any]) -> None:
    """``rows[i][name] = values[i]`` for every value that is not None, at C speed (map, not a loop)."""
    targets: Iterable[dict[str, Any]] = rows
    given: Iterable[Any] = values
    if None in values:
        present = list(map(is_not, values, repeat(None)))
        targets, given = compress(rows, present), compress(values, present)
    deque(map(dict.__setitem__, targets, repeat(name), given), maxlen=0)


class BlockAssembler:
    """The rows of a block as dicts by group, from the block's cleaned columns (None: empty or rejected)."""

    def __init__(self, preset: Preset, groups: Mapping[str, str]) -> None:
        self.preset = preset
        self._group_of = groups  # field → customer / order / item / product, None for the helper fields
        self._address_parts: dict[str, dict[str, str]] = {}
        self._names: dict[tuple[Any, ...], Any] = {}  # chosen name by (name, *_NAME_SOURCES)
        self.kept: int | None = None  # the most entries either keeps (records.TableRows.kept_texts)
        # the customer's phones: the receiver's too when the receiver is the buyer (not in our own export, whose
        # customer columns are the customer's own: a phone the seller cleared never comes back from an order)
        self._phone_fields = ("phone", "receiver_phone", "phone_alt") if preset.receiver_is_buyer else ("phone", "phone_alt")

    def assemble(self, values: dict[str, list[Any]], size: int) -> tuple[
            list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]],
            list[list[str]], list[str]]:
        """Customer, order, item and product dicts of each row, with its phone keys and its masked phone ("" if
        none)."""
        rows: dict[str, list[dict[str, Any]]] = {
            group: [{} for _ in range(size)] for group in ("customer", "order", "item", "product")}
        if (self.preset.key == "own" and "product_title" in values and "quantity" not in values
                and "unit_price_cents" not in values):
            values["product_title"], values["quantity"] = _counted_titles(values["product_title"])
        for name, column in values.items():
            group = self._group_of.get(name)
            if group is None or name == "phone":  # helper fields and phones: read below, not kept as such
                continue
            if name == "receiver_phone":
                column = [found[0].key or found[0].text if found else None for found in column]
            scatter(rows[group], name, column)
        customers, orders, items, products = rows.values()
        if self.kept is not None and len(self._address_parts) + len(self._names) > self.kept:
            self._address_parts, self._names = {}, {}  # (made anew for the blocks to come)
            split_address.cache_clear()
        if self.preset.kind == "products":
            self._name_products(values, products, size)
            return ([{} for _ in range(size)], [{} for _ in range(size)], [{} for _ in range(size)], products,
                    [[]] * size, [""] * size)  # a product list's row is its product alone
        phones, masked = self._phones([values[name] for name in self._phone_fields if name in values], size)
        self._fill_address(values, customers, orders)
        names = self._chosen_names(values)
        if names is not None:
            scatter(customers, "name", names)
        receivers = values.get("receiver_name")
        if receivers is not None and self.preset.receiver_is_buyer and self.preset.kind == "orders":
            scatter(customers, "real_name", [
                receiver if receiver is not None and real is None and not is_masked_name(receiver) else None
                for receiver, real in zip(receivers, values.get("real_name") or repeat(None), strict=False)])
        if "after_sale_status" in values:
            scatter(orders, "after_sale_status", values["after_sale_status"])
        return customers, orders, items, products, phones, masked

    @staticmethod
    def _name_products(values: dict[str, list[Any]], products: list[dict[str, Any]], size: int) -> None:
        """A product list's row: the product's name (else the row's title, else its name) and price (else the
        unit price)."""
        if "product_name" not in values or None in values["product_name"]:
            given = values.get("product_name") or repeat(None)
            scatter(products, "product_name", [
                None if name is not None else title or customer or ""
                for name, title, customer in zip(given, values.get("product_title") or repeat(None),
                                                 values.get("name") or repeat(None, size), strict=False)])
        if "unit_price_cents" in values and ("price_cents" not in values or None in values["price_cents"]):
            scatter(products, "price_cents", [
                price if given is None else None
                for given, price in zip(values.get("price_cents") or repeat(None), values["unit_price_cents"], strict=False)])

    def _phones(self, sources: list[list[Any]], size: int) -> tuple[list[list[str]], list[str]]:
        """Each row's phone keys (the customer's phone, the receiver's, the second phone, in that order, each
        once) and its first masked phone. A column repeats its cleaned lists (one per distinct text), so each
        combination of them is worked out once."""
        if not sources:
            return [[]] * size, [""] * size
        keys = list(zip(*(map(id, source) for source in sources), strict=True))
        combinations = dict(zip(keys, zip(*sources, strict=True), strict=True))
        phones, masked = {}, {}
        for key, cells in combinations.items():
            phones[key], masked[key] = _phones_of(cells)
        return list(map(phones.__getitem__, keys)), list(map(masked.__getitem__, keys))

    def _fill_address(self, values: dict[str, list[Any]], customers: list[dict[str, Any]],
                      orders: list[dict[str, Any]]) -> None:
        """Province/city/district/detail from a whole-address column when the parts are not given; the
        receiver's address from the parts when an order has none."""
        street = values.get("street")
        if street is not None:
            scatter(customers, "address_detail", [
                line if line is None else line + (detail or "")
                for line, detail in zip(street, values.get("address_detail") or repeat(None), strict=False)])
        whole = _first_given(values.get("address"),
                             values.get("receiver_address") if self.preset.receiver_is_buyer else None)
        if whole is not None:
            known = self._address_parts
            for text in set(whole).difference(known):
                if text is not None:
                    known[text] = _parts_of(text)
            parts = list(map(known.get, whole))
            present = list(map(is_not, parts, repeat(None)))
            targets = compress(customers, present)
            found = cast("Iterator[dict[str, str]]", compress(parts, present))  # (the rows with an address)
            if street is None and values.keys().isdisjoint(_PARTS):  # no part given: each row takes them all
                deque(map(dict.update, targets, found), maxlen=0)
            else:
                for customer, part in zip(targets, found, strict=False):
                    if customer.keys().isdisjoint(part):  # (cleaned values are never empty: absent = not given)
                        customer.update(part)
                    else:
                        for name, value in part.items():
                            if not customer.get(name):
                                customer[name] = value
        addresses = values.get("receiver_address")
        if ((addresses is not None and None not in addresses)
                or (whole is None and street is None and values.keys().isdisjoint(_PARTS))):
            return  # every order has its address, or no row has any part of one
        numbers, receivers = values.get("platform_order_no"), values.get("receiver_name")
        if numbers is None and receivers is None:
            return
        for customer, order, address, number, receiver in zip(
                customers, orders, addresses or repeat(None), numbers or repeat(None), receivers or repeat(None),
                strict=False):
            if address is None and (number is not None or receiver is not None):
                joined = "".join(customer.get(name, "") for name in _JOINED)
                if joined:
                    order["receiver_address"] = joined

    def _chosen_names(self, values: dict[str, list[Any]]) -> list[Any] | None:
        """The name each row's customer gets where the row gives none or a masked one (周**): the first of the
        receiver, real name, buyer ID or WeChat ID that is not masked, else the masked name, else the first
        masked source. None when no row needs one."""
        names = values.get("name")
        sources = [values.get(name) for name in _NAME_SOURCES]
        if all(source is None for source in sources) and names is None:
            return None
        keys = list(zip(names or repeat(None), *(source or repeat(None) for source in sources), strict=False))
        known = self._names
        for key in set(keys).difference(known):
            known[key] = _chosen_name(key[0], key[1:])
        return list(map(known.__getitem__, keys))


def _parts_of(whole: str) -> dict[str, str]:
    split = split_address(whole)
    return {name: value for name, value in (("province", split.province), ("city", split.city),
                                            ("district", split.district), ("postcode", split.postcode),
                                            ("address_detail", split.detail)) if value}


def _first_given(first: list[Any] | None, second: list[Any] | None) -> list[Any] | None:
    if first is None or second is None:
        return first if second is None else second
    return [one or other for one, other in zip(first, second, strict=True)]


def _phones_of(cells: tuple[Any, ...]) -> tuple[list[str], str]:
    phones: list[str] = []
    masked = ""
    for found in cells:
        if found:
            for phone in found:
                key = phone.key
                if key:
                    if key not in phones:
                        phones.append(key)
                elif phone.masked and not masked:
                    masked = phone.text
    return phones, masked


def _chosen_name(name: str | None, sources: tuple[Any, ...]) -> str | None:
    """The name to set (None: keep what the row has). A masked name is kept only when nothing better names
    the person."""
    if name and not is_masked_name(name):
        return None
    first = better = None
    for source in sources:
        if source:
            first = first or source
            if not is_masked_name(source):
                better = source
                break
    return better or name or first


# 蜂蜜500g×2, 蜂蜜 × 3, 姜茶2盒: a hand sheet's goods with how many (up to 20), when it has no quantity and no price
# column. Only the multiplication sign and a few containers count: a letter x or an asterisk is part of too many
# names and sizes (iPhone X2, 证件照3x4, 茶包*100), 100包 is a pack size, and a cell of two goods stays whole.
_COUNTED = re.compile(r"([^，,、;；/]*?\S)\s*(?:×\s*(\d{1,2})|(\d{1,2})\s*[瓶盒罐袋箱])")
_MOST_COUNTED = 20


def _counted_titles(titles: list[Any]) -> tuple[list[Any], list[Any]]:
    """A hand sheet's goods cells split into the goods and how many (None where the cell says no count)."""
    split_titles, counts = [], []
    for title in titles:
        found = _COUNTED.fullmatch(title) if isinstance(title, str) else None
        count = int(found.group(2) or found.group(3)) if found else 0
        if not 1 <= count <= _MOST_COUNTED:
            found, count = None, 0
        split_titles.append(found.group(1) if found else title)
        counts.append(count or None)
    return split_titles, counts
