"""The customer table's columns for the people of an import plan (core.excel.writer inserts them)."""

from __future__ import annotations

from operator import itemgetter
from typing import Any

from core.book.models import SOURCE_CHANNEL_VALUES
from core.excel.cleaning import source_channel, with_kept_lines
from core.excel.plan import PersonDraft
from core.search import build_search_text

CUSTOMER_TEXT = ("name", "real_name", "wechat_id", "qq", "platform_buyer_id", "email", "province", "city",
                 "district", "address_detail", "postcode", "gender", "source_channel", "note", "personality")


def customer_columns(people: list[PersonDraft], batch_id: int) -> dict[str, list[Any]]:
    """The customer table's columns for these people (their derived figures excepted), position for position:
    a column at a time, not a dict per person (a first import creates tens of thousands)."""
    fields = [person.fields for person in people]
    columns = {name: [values.get(name, "") for values in fields] for name in CUSTOMER_TEXT}
    notes = columns["note"]
    for position, person in enumerate(people):
        if person.kept:
            notes[position] = with_kept_lines(notes[position], person.kept)
    columns["source_channel"] = [source_channel(values.get("source_channel", "")) or (
        person.platform if person.platform in SOURCE_CHANNEL_VALUES and person.platform != "other" else "")
        for values, person in zip(fields, people, strict=True)]
    phones = [person.phones[0] if person.phones else "" for person in people]
    columns["phone"] = [phone or person.masked_phone for phone, person in zip(phones, people, strict=True)]
    columns["phone_norm"] = phones
    birthdays = [values.get("birthday") or (None, None, None, False) for values in fields]
    for part, name in enumerate(("birth_year", "birth_month", "birth_day", "birthday_lunar")):
        columns[name] = list(map(itemgetter(part), birthdays))
    columns["do_not_disturb"] = [bool(values.get("do_not_disturb")) for values in fields]
    columns["risk_buyer"] = [bool(values.get("risk_buyer")) for values in fields]
    columns["import_batch_id"] = [batch_id] * len(people)
    searched = [build_search_text(name=name, real_name=real_name, phones=tuple(person.phones) or (phone,),
                                  wechat_id=wechat_id, platform_buyer_id=buyer_id, qq=qq)
                for person, name, real_name, phone, wechat_id, buyer_id, qq in zip(
                    people, columns["name"], columns["real_name"], columns["phone"], columns["wechat_id"],
                    columns["platform_buyer_id"], columns["qq"], strict=True)]
    columns["search_text"] = [text for text, _initials in searched]
    columns["name_initials"] = [initials for _text, initials in searched]
    return columns
