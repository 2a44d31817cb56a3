"""Reading the history sheets of our own export back: cases, coupons, tasks, contact log, points ledger and
campaign customers, links included.

``core.excel.history_sheets`` writes them with the book's ids. They are restored for the customers the
import creates only (a customer already in the book keeps its own history, so importing an export into
the book it came from changes nothing) and in the order their links need:

1. complaints with their steps, mid/bad reviews — their orders are the orders this import created (the
   sheets' order ids are the exporting book's);
2. coupons, with the order that used them and the case they made up for;
3. tasks, with the order line (by its place in the order), coupon and case they are about. Their rule key
   names the exporting book's ids (``repurchase:item:<line>``, ``complaint:<id>:follow_up`` …): the id is
   replaced by the copy's, so that the reminder engine and the after-sales services find them again;
4. contact-log lines, with the task, the case and the campaign they were about;
5. the points ledger line by line, with its order and complaint (replacing the one balance line the customers
   sheet gave, core.excel.own_export); which customers each campaign reached, and the order each answered
   with. Campaigns themselves are settings (core.excel.own_export.write_settings): the n-th of a name in the
   file is the book's n-th of that name;

then the open cases get the tasks the after-sales services would have written, if the file had none
(``core.aftersales.planning``). A row whose cell cannot be read is reported as a note and left out.
"""

from __future__ import annotations

import json
import logging
import pickle
import tempfile
import time
from array import array
from collections.abc import Iterator, Mapping, Sequence
from itertools import chain
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from core.aftersales.dto import RISK_SIGNS
from core.book.dialect import in_chunks
from core.book.models import (
    BadReview,
    Campaign,
    CampaignMember,
    Complaint,
    ComplaintStep,
    ContactLog,
    Coupon,
    PointsEntry,
    Product,
    Reminder,
)
from core.errors import CellRejected
from core.excel import columns as cols
from core.excel.columns import Column
from core.excel.history_sheets import item_places
from core.excel.id_map import IdMap, SeenTexts
from core.excel.own_export import numbered, sheet_values
from core.free_memory import give_back

log = logging.getLogger(__name__)


# preset key prefix → (columns, Chinese words of its codes)
SHEETS: dict[str, tuple[Sequence[Column], Mapping[str, Mapping[str, str]]]] = {
    "huitouke_complaints": (cols.COMPLAINT_COLUMNS, cols.COMPLAINT_WORDS_ZH),
    "huitouke_reviews": (cols.REVIEW_COLUMNS, cols.REVIEW_WORDS_ZH),
    "huitouke_coupons": (cols.COUPON_COLUMNS, cols.LEDGER_WORDS_ZH),
    "huitouke_tasks": (cols.REMINDER_COLUMNS, cols.TASK_WORDS_ZH),
    "huitouke_contacts": (cols.CONTACT_COLUMNS, cols.LEDGER_WORDS_ZH),
    "huitouke_points": (cols.POINTS_COLUMNS, cols.POINTS_WORDS_ZH),
    "huitouke_campaign_members": (cols.CAMPAIGN_MEMBER_COLUMNS, cols.CAMPAIGN_MEMBER_WORDS_ZH),
    "huitouke_campaigns": (cols.CAMPAIGN_COLUMNS, cols.CAMPAIGN_WORDS_ZH),
}


def _sheet_rows(plan: Any, name: str, customers: Mapping[str, int] | None) -> Iterator[dict[str, Any]]:
    """The rows of every ``name`` sheet of the plan whose customer this import created, as {column key: value}
    with codes (the customer's new id under ``customer_id``); every row when ``customers`` is None."""
    from core.excel.records import RowError

    spec, words = SHEETS[name]
    for key, table in plan.ledgers:
        if key not in (name, f"{name}_en"):
            continue

        def rejected(number: int, error: CellRejected, table: Any = table) -> None:
            plan.errors.append(RowError(table.file, table.sheet.name, number, "", error.code,
                                        str(error.details.get("value", "")), "note"))

        for values in sheet_values(table, spec, words, not key.endswith("_en"), rejected):
            if customers is None:
                yield values
                continue
            customer = customers.get(str(values.get("customer_id") or ""))
            if customer is not None:
                values["customer_id"] = customer
                yield values


def _pick(values: dict[str, Any], model, skip: Sequence[str] = ()) -> dict[str, Any]:
    """The values that are columns of ``model`` (empty cells left to the column's default)."""
    table = model.__table__
    return {key: value for key, value in values.items()
            if key in table.c and key != "id" and key not in skip and value not in (None, "")}


def _insert(session: Session, model, values: dict[str, Any]) -> int:
    return session.execute(insert(model).values(**values).returning(model.id)).scalar_one()


def write_history(session: Session, plan: Any, customers: Mapping[str, int], orders: Mapping[int, int]) -> None:
    """Restore the history sheets of our export for the customers this import created (module docstring).

    ``customers``: customer number of the file → id of a customer this import created; ``orders``: order id
    of the file → id of the order this import created."""
    from core.aftersales.planning import plan_open_cases

    if not customers or not any(key.startswith(tuple(SHEETS)) for key, _table in plan.ledgers):
        return
    started = time.perf_counter()
    # (the orders' ids read as they are, core.excel.id_map: the 100k demo book's export has 496,802)
    ids: dict[str, Mapping[int, int]] = {"order": orders, "campaign": _campaigns(session, plan)}
    ids["complaint"] = _complaints(session, plan, customers, ids)
    ids["review"] = _cases(session, plan, customers, ids, "huitouke_reviews", BadReview)
    ids["coupon"] = _coupons(session, plan, customers, ids)
    ids["task"] = _tasks(session, plan, customers, ids)
    _contacts(session, plan, customers, ids)
    _points(session, plan, customers, ids)
    _campaign_members(session, plan, customers, ids)
    plan_open_cases(session, ids["complaint"].values(), ids["review"].values())
    log.info("history restored in %.1f s: %s", time.perf_counter() - started,
             {name: len(found) for name, found in ids.items()})


def _linked(values: dict[str, Any], ids: Mapping[str, Mapping[int, int]], links: Mapping[str, str]) -> None:
    """Replace the file's ids of ``links`` (column → kind of id) by the book's (None when not restored)."""
    for column, kind in links.items():
        if values.get(column) is not None:
            values[column] = ids[kind].get(values[column])


def _cases(session: Session, plan: Any, customers: Mapping[str, int], ids: dict[str, Mapping[int, int]],
           sheet: str, model) -> dict[int, int]:
    restored: dict[int, int] = {}
    for values in _sheet_rows(plan, sheet, customers):
        _linked(values, ids, {"order_id": "order"})
        notes = {sign: values[f"{sign}_evidence"] for sign in RISK_SIGNS if values.get(f"{sign}_evidence")}
        values["sign_evidence_json"] = json.dumps(notes, ensure_ascii=False) if notes else None
        new_id = _insert(session, model, _pick(values, model))
        if values.get("id") is not None:
            restored[values["id"]] = new_id
    return restored


def _complaints(session: Session, plan: Any, customers: Mapping[str, int],
                ids: dict[str, Mapping[int, int]]) -> dict[int, int]:
    restored: dict[int, int] = {}
    steps = []
    for values in _sheet_rows(plan, "huitouke_complaints", customers):
        _linked(values, ids, {"order_id": "order"})
        values.setdefault("created_at", values.get("opened_at"))
        paths = [line.strip() for line in str(values.get("evidence") or "").splitlines() if line.strip()]
        values["evidence_json"] = json.dumps(paths, ensure_ascii=False) if paths else None
        new_id = _insert(session, Complaint, _pick(values, Complaint))
        if values.get("id") is not None:
            restored[values["id"]] = new_id
        steps += [{"complaint_id": new_id, "step": step, "done_at": values[f"step{step}_at"],
                   "note": values.get(f"step{step}_note") or ""}
                  for step in range(1, 6) if values.get(f"step{step}_at") is not None]
    if steps:
        session.execute(insert(ComplaintStep), steps)
    return restored


def _coupons(session: Session, plan: Any, customers: Mapping[str, int],
             ids: dict[str, Mapping[int, int]]) -> IdMap:
    """The coupons, read, linked and inserted a block of rows at a time (the 100k demo book's: 47,000)."""
    def rows() -> Iterator[tuple[Any, dict[str, Any]]]:
        for values in _sheet_rows(plan, "huitouke_coupons", customers):
            _linked(values, ids, {"used_order_id": "order", "complaint_id": "complaint", "bad_review_id": "review",
                                  "campaign_id": "campaign"})
            if values.get("issued_at") is not None:  # (else not a line of our export)
                yield values.get("id"), _full(values, Coupon, _COUPON_DEFAULTS)

    restored = IdMap()
    for block in in_chunks(rows(), _BLOCK):
        restored.update((ref, new_id) for (ref, _row), new_id in zip(
            block, _insert_many(session, Coupon, [row for _ref, row in block]), strict=True) if ref is not None)
        del block
        give_back()
    return restored


_COUPON_DEFAULTS = {"kind": "cash", "value_cents": 0, "threshold_cents": 0, "source": "manual", "note": ""}
_CONTACT_DEFAULTS = {"channel": "wechat", "purpose": "care", "is_marketing": False, "result": "", "message": "",
                     "note": ""}
_TASK_DEFAULTS = {"status": "open", "outcome": "", "title": "", "note": ""}


def _full(values: Mapping[str, Any], model, defaults: Mapping[str, Any]) -> dict[str, Any]:
    """Every column of ``model`` the sheet has (so that the rows of one sheet insert together), an empty cell as
    the column's default."""
    table = model.__table__
    row = {key: value for key, value in values.items() if key in table.c and key != "id"}
    return row | {key: default for key, default in defaults.items() if row.get(key) in (None, "")}


def _insert_many(session: Session, model, rows: list[dict[str, Any]]) -> list[int]:
    """Insert rows of the same columns; their ids in the rows' order."""
    new_ids: list[int] = []
    for batch in in_chunks(rows):
        if batch:
            new_ids += session.execute(insert(model).returning(model.id, sort_by_parameter_order=True),
                                       list(batch)).scalars().all()
    return new_ids


def _contacts(session: Session, plan: Any, customers: Mapping[str, int], ids: dict[str, Mapping[int, int]]) -> None:
    """The contact-log lines, inserted a batch at a time as they are read (the 100k demo book's: 119,289)."""
    def lines() -> Iterator[dict[str, Any]]:
        for values in _sheet_rows(plan, "huitouke_contacts", customers):
            _linked(values, ids, {"reminder_id": "task", "complaint_id": "complaint", "bad_review_id": "review",
                                  "campaign_id": "campaign"})
            if values.get("at") is not None:
                yield _full(values, ContactLog, _CONTACT_DEFAULTS)

    for block in in_chunks(lines(), _BLOCK):
        for batch in in_chunks(block):  # (the same statements as the lines in batches)
            session.execute(insert(ContactLog), batch)
        del block
        give_back()


def _campaigns(session: Session, plan: Any) -> dict[int, int]:
    """{campaign id of the file: the book's campaign} — the n-th of a name in the file is the book's n-th of
    that name by id (``core.excel.own_export.write_settings`` added those the book did not have)."""
    rows = [values for values in _sheet_rows(plan, "huitouke_campaigns", None) if values.get("name")]
    if not rows:
        return {}
    found: list[tuple[int, str]] = sorted(  # by id: the n-th of a name
        (campaign_id, name) for batch in in_chunks(sorted({values["name"] for values in rows})) for campaign_id, name
        in session.execute(select(Campaign.id, Campaign.name).where(Campaign.name.in_(batch))))
    book = dict(zip(numbered((name,) for _id, name in found), (campaign_id for campaign_id, _name in found),
                    strict=True))
    return {values["id"]: book[place] for values, place in zip(rows, numbered((values["name"],) for values in rows),
                                                              strict=True)
            if values.get("id") is not None and place in book}


def _points(session: Session, plan: Any, customers: Mapping[str, int], ids: dict[str, Mapping[int, int]]) -> None:
    """The points ledger line by line, linked to its order and complaint; it replaces the balance line the
    customers sheet gave the same customers (core.excel.own_export.write_referrers_and_points). The lines (the 100k
    demo book's: 175,234) wait a block at a time in an unnamed temporary file until those balance lines are deleted."""
    def lines() -> Iterator[dict[str, Any]]:
        for values in _sheet_rows(plan, "huitouke_points", customers):
            _linked(values, ids, {"order_id": "order", "complaint_id": "complaint"})
            if values.get("at") is not None and values.get("delta") is not None and values.get("reason"):
                yield _full(values, PointsEntry, {"note": ""})

    import numpy as np

    owners = array("q")
    with tempfile.TemporaryFile() as spool:
        for block in in_chunks(lines(), _BLOCK):
            owners.extend(line["customer_id"] for line in block)
            pickle.dump(block, spool, protocol=pickle.HIGHEST_PROTOCOL)
            del block
            give_back()
        # customers this import created: the balance line is their only line
        for batch in in_chunks(np.unique(np.frombuffer(owners, dtype=np.int64)).tolist()):
            session.execute(delete(PointsEntry).where(PointsEntry.customer_id.in_(batch),
                                                      PointsEntry.reason == "import"))
        del owners
        spool.seek(0)
        for block in _spooled(spool):
            for batch in in_chunks(block):  # (blocks of _BLOCK lines: the same statements as the lines in batches)
                session.execute(insert(PointsEntry), batch)
            del block, batch
            give_back()


def _spooled(spool: Any) -> Iterator[list[dict[str, Any]]]:
    """The blocks pickled to ``spool``, from where it stands to its end."""
    while True:
        try:
            yield pickle.load(spool)
        except EOFError:
            return


def _campaign_members(session: Session, plan: Any, customers: Mapping[str, int],
                      ids: dict[str, Mapping[int, int]]) -> None:
    """Which of the created customers each campaign reached, and the order each answered with."""
    members: dict[tuple[int, int], dict[str, Any]] = {}
    for values in _sheet_rows(plan, "huitouke_campaign_members", customers):
        _linked(values, ids, {"campaign_id": "campaign", "responded_order_id": "order"})
        if values.get("campaign_id") is not None:
            members.setdefault((values["campaign_id"], values["customer_id"]),
                               _full(values, CampaignMember, {"message": "", "channel": "", "status": "queued"}))
    for batch in in_chunks(list(members.values())):
        if batch:
            session.execute(insert(CampaignMember), list(batch))


# Which id of a task a rule key names, by its first part ("<kind>:item:<id>" and "<kind>:order:<id>" aside);
# any other rule key names its customer. manual:<uuid> names nothing.
_KEY_NAMES = {"complaint": "complaint_id", "review": "bad_review_id", "coupon_expiry": "coupon_id", "manual": ""}
_LINE_NAMES = {"item": "order_item_id", "order": "order_id"}


def translated_rule_key(key: str, old: Mapping[str, Any], new: Mapping[str, Any]) -> str | None:
    """The rule key of a task of another book with that book's id replaced by ours: ``old`` / ``new`` are the
    task's links (column → id) there and here. None when the id it names was not restored."""
    parts = key.split(":")
    if len(parts) >= 3 and parts[1] in _LINE_NAMES:
        name, at = _LINE_NAMES[parts[1]], 2
    elif len(parts) >= 2:
        name, at = _KEY_NAMES.get(parts[0], "customer_id"), 1
    else:
        return None
    if not name:
        return key
    if not parts[at].isdigit() or new.get(name) is None:
        return None
    if name != "order_item_id" and old.get(name) is not None and str(old[name]) != parts[at]:
        return None  # the key names another row than the task's own link: not ours to guess
    parts[at] = str(new[name])
    return ":".join(parts)


_FACT_IDS = {"complaint_id": "complaint_id", "review_id": "bad_review_id", "order_id": "order_id",
             "coupon_id": "coupon_id", "customer_id": "customer_id"}


def _facts(text: str, new: Mapping[str, Any]) -> str:
    """The task's facts with the ids they name replaced by ours."""
    try:
        facts = json.loads(text) if text else {}
    except ValueError:
        return ""
    if not isinstance(facts, dict):
        return ""
    for fact, link in _FACT_IDS.items():
        if fact in facts and new.get(link) is not None:
            facts[fact] = new[link]
    return json.dumps(facts, ensure_ascii=False, default=str) if facts else text


def _tasks(session: Session, plan: Any, customers: Mapping[str, int], ids: dict[str, Mapping[int, int]]) -> IdMap:
    """The tasks, read, linked and inserted a block of rows at a time (the 100k demo book's: 130,187); the rule keys
    met and the ids restored held compactly (``core.excel.id_map``)."""
    rows = _sheet_rows(plan, "huitouke_tasks", customers)
    first = next(rows, None)
    if first is None:
        return IdMap()
    products: dict[Any, int] = {name: product_id for product_id, name in session.execute(select(Product.id, Product.name))}
    have = SeenTexts(session.scalars(select(Reminder.rule_key).where(Reminder.rule_key.like("manual:%"))))
    for batch in in_chunks(customers.values()):  # within SQLite's bound-variable limit on a big copy
        for key in session.scalars(select(Reminder.rule_key).where(Reminder.customer_id.in_(batch))):
            have.add(key)
    restored = IdMap()
    skipped = 0
    for block in in_chunks(chain((first,), rows), _BLOCK):
        skipped += _task_block(session, block, ids, products, have, restored)
        del block
        give_back()
    if skipped:
        log.info("%d tasks of the file not restored (their rule names a row that is not restored)", skipped)
    return restored


# Rows of a history sheet read and written at a time (a multiple of IN_LIST_SIZE); the C heap's free memory is given
# back after each block (core.free_memory: without, the 100k demo book's contact log left ≈ 28 MB free in the heap).
_BLOCK = 10_000


def _task_block(session: Session, rows: list[dict[str, Any]], ids: dict[str, Mapping[int, int]], products: dict[Any, int],
                have: SeenTexts, restored: IdMap) -> int:
    """Insert the tasks of these rows (``have``: the rule keys of the tasks the customers have, those inserted
    added; ``restored``: the file's task id → ours, those inserted added); how many were left out."""
    lines: dict[tuple[Any, Any], int] = {}  # (order id, place) → line id, for the orders tasks are about
    orders = sorted({ids["order"][row["order_id"]] for row in rows
                     if row.get("item_position") and row.get("order_id") in ids["order"]})
    for batch in in_chunks(orders):
        for line_id, order_id, number in item_places(session, list(batch)):
            lines[(order_id, number)] = line_id
    tasks, refs = [], []
    skipped = 0
    for values in rows:
        old = {"customer_id": None, **{name: values.get(name) for name in (
            "order_id", "coupon_id", "complaint_id", "bad_review_id")}}
        new = {"customer_id": values["customer_id"]}
        _linked(values, ids, {"order_id": "order", "coupon_id": "coupon", "complaint_id": "complaint",
                              "bad_review_id": "review"})
        new |= {name: values.get(name) for name in ("order_id", "coupon_id", "complaint_id", "bad_review_id")}
        new["order_item_id"] = lines.get((values.get("order_id"), values.get("item_position")))
        key = translated_rule_key(values.get("rule_key") or "", old, new)
        if key is None or key in have or not values.get("kind") or values.get("due_date") is None:
            skipped += 1
            continue
        have.add(key)
        tasks.append(_full(values, Reminder, _TASK_DEFAULTS) | {
            "rule_key": key, "order_item_id": new["order_item_id"], "product_id": products.get(values.get("product")),
            "facts_json": _facts(values.get("facts_json") or "", new)})
        refs.append(values.get("id"))
    restored.update((ref, new_id) for ref, new_id in zip(refs, _insert_many(session, Reminder, tasks), strict=True)
                    if ref is not None)
    return skipped
