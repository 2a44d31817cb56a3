"""The book's history sheets of an export: tasks, complaints, reviews, coupons, the contact log, the points
ledger and the marketing campaigns with the customers they reached.

Each generator yields the cells of one row in the order of its ``core.excel.columns`` spec, the codes as
Chinese words for zh_CN (``*_WORDS_ZH``), English codes otherwise. Next to what a seller reads they carry
the book's ids (task, customer, order, coupon, case) that link the rows to one another, so that
``core.excel.own_history`` can restore them, links included, in a copy of the book.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.aftersales.dto import RISK_SIGNS
from core.book.models import (
    BadReview,
    Campaign,
    CampaignMember,
    Complaint,
    ComplaintStep,
    ContactLog,
    Coupon,
    Customer,
    MessageTemplate,
    Order,
    OrderItem,
    PointsEntry,
    Product,
    Reminder,
)
from core.excel import columns as cols
from core.excel.campaign_words import JSON_WORDS_ZH, json_in_words
from core.excel.columns import Column


def in_words(rows: Iterable[Sequence[Any]], columns: Sequence[Column], words: Mapping[str, Mapping[str, str]],
             language: str) -> Iterator[list[Any]]:
    """The rows with the codes of ``words``' columns written as Chinese words (zh only) and yes/no cells as
    是 / yes."""
    zh = language.startswith("zh")
    tables = [words.get(column.key) if zh else None for column in columns]
    flags = [column.kind == "bool" for column in columns]
    yes = "是" if zh else "yes"
    for row in rows:
        values = list(row)
        for index, table in enumerate(tables):
            if table is not None and values[index]:
                values[index] = table.get(values[index], values[index])
            elif flags[index]:
                values[index] = yes if values[index] else ""
        yield values


def _live(model):
    """Rows of ``model`` whose customer is not deleted."""
    return select().select_from(model).join(Customer, Customer.id == model.customer_id).where(
        Customer.deleted_at.is_(None))


def task_rows(session: Session, language: str, today: dt.date) -> Iterator[list[Any]]:
    """Every task (the Today list's reminders, open and closed) of the live customers, by due date."""
    positions = _item_positions(session)
    query = (_live(Reminder).outerjoin(Product, Product.id == Reminder.product_id)
             .add_columns(Reminder.due_date, Reminder.kind, Reminder.status, Customer.name, Customer.phone, Product.name,
                          Reminder.title, Reminder.outcome, Reminder.note, Reminder.id, Reminder.customer_id,
                          Reminder.order_id, Reminder.order_item_id, Reminder.coupon_id, Reminder.complaint_id,
                          Reminder.bad_review_id, Reminder.snoozed_until, Reminder.closed_at, Reminder.rule_key,
                          Reminder.facts_json)
             .order_by(Reminder.due_date, Reminder.id))
    rows = ([*row[:12], positions.get(row[12]), *row[13:]] for row in session.execute(query))
    return in_words(rows, cols.REMINDER_COLUMNS, cols.TASK_WORDS_ZH, language)


def item_places(session: Session, orders: Any) -> list[tuple[int, int, int]]:
    """(line id, order id, the line's place in its order: 1, 2 …, by id) of every line of ``orders`` (ids or
    a query of ids). A task names its line by that place, the same in a copy of the book
    (``core.excel.own_history``)."""
    place = func.row_number().over(partition_by=OrderItem.order_id, order_by=OrderItem.id)
    query = select(OrderItem.id, OrderItem.order_id, place).where(OrderItem.order_id.in_(orders))
    return [(line, order, number) for line, order, number in session.execute(query)]


def _item_positions(session: Session) -> dict[int, int]:
    """{order line id: its place in its order} for the lines tasks are about."""
    orders = select(Reminder.order_id).where(Reminder.order_item_id.is_not(None))
    return {line: number for line, _order, number in item_places(session, orders)}


def complaint_rows(session: Session, language: str, today: dt.date) -> Iterator[list[Any]]:
    """Every complaint of the live customers with its order number and its five steps."""
    steps: dict[int, dict[int, tuple]] = defaultdict(dict)
    for complaint_id, step, done_at, note in session.execute(
            select(ComplaintStep.complaint_id, ComplaintStep.step, ComplaintStep.done_at, ComplaintStep.note)):
        steps[complaint_id][step] = (done_at, note)
    query = (_live(Complaint).outerjoin(Order, Order.id == Complaint.order_id)
             .add_columns(Complaint.id, Complaint.customer_id, Complaint.order_id, Order.platform_order_no,
                          Complaint.kind, Complaint.channel, Complaint.description, Complaint.evidence_json,
                          Complaint.status,
                          Complaint.opened_at, Complaint.first_response_at, Complaint.resolved_at, Complaint.closed_at,
                          Complaint.compensation_type, Complaint.compensation_cents, Complaint.compensation_points,
                          Complaint.compensated_at, Complaint.resolution)
             .order_by(Complaint.id))
    evidence = [column.key for column in cols.COMPLAINT_COLUMNS].index("evidence")
    rows = ([*row[:evidence], _lines(row[evidence]), *row[evidence + 1:],
             *(cell for step in range(1, 6) for cell in steps[row[0]].get(step, (None, None)))]
            for row in session.execute(query))
    return in_words(rows, cols.COMPLAINT_COLUMNS, cols.COMPLAINT_WORDS_ZH, language)


def _lines(text: str | None) -> str:
    """A complaint's evidence files (a JSON list) as one path a line."""
    try:
        paths = json.loads(text or "[]")
    except ValueError:
        return ""
    return "\n".join(str(path) for path in paths) if isinstance(paths, list) else ""


def review_rows(session: Session, language: str, today: dt.date) -> Iterator[list[Any]]:
    """Every mid or bad review of the live customers, with each risk sign's own evidence note."""
    fields = [getattr(BadReview, column.key) for column in cols.REVIEW_COLUMNS
              if column.key != "order_no" and not column.key.endswith("_evidence")]
    query = (_live(BadReview).outerjoin(Order, Order.id == BadReview.order_id)
             .add_columns(*fields[:3], Order.platform_order_no, *fields[3:], BadReview.sign_evidence_json)
             .order_by(BadReview.id))
    rows = ([*row[:-1], *(_sign_notes(row[-1]).get(sign, "") for sign in RISK_SIGNS)]
            for row in session.execute(query))
    return in_words(rows, cols.REVIEW_COLUMNS, cols.REVIEW_WORDS_ZH, language)


def _sign_notes(text: str | None) -> dict[str, str]:
    try:
        notes = json.loads(text or "{}")
    except ValueError:
        return {}
    return notes if isinstance(notes, dict) else {}


def points_rows(session: Session, language: str, today: dt.date) -> Iterator[list[Any]]:
    """The points ledger of the live customers line by line, with the order and complaint of each line."""
    query = _live(PointsEntry).add_columns(*[getattr(PointsEntry, column.key) for column in cols.POINTS_COLUMNS])
    return in_words(session.execute(query.order_by(PointsEntry.id)), cols.POINTS_COLUMNS, cols.POINTS_WORDS_ZH,
                    language)


def campaign_rows(session: Session, language: str, today: dt.date) -> Iterator[list[Any]]:
    """The book's marketing campaigns, with the kind, language and name of the message template each used."""
    template = dict(zip(cols.CAMPAIGN_TEMPLATE_KEYS, (MessageTemplate.kind, MessageTemplate.language,
                                                      MessageTemplate.name), strict=True))
    query = (select(*[template[column.key] if column.key in template else getattr(Campaign, column.key)
                      for column in cols.CAMPAIGN_COLUMNS])
             .select_from(Campaign).outerjoin(MessageTemplate, MessageTemplate.id == Campaign.template_id)
             .order_by(Campaign.id))
    rows = in_words(session.execute(query), cols.CAMPAIGN_COLUMNS, cols.CAMPAIGN_WORDS_ZH, language)
    if not language.startswith("zh"):
        return rows
    keys = [column.key for column in cols.CAMPAIGN_COLUMNS]  # the filter and the coupon: JSON in Chinese words
    return ([json_in_words(key, value) if key in JSON_WORDS_ZH else value for key, value in zip(keys, row, strict=True)]
            for row in rows)


def campaign_member_rows(session: Session, language: str, today: dt.date) -> Iterator[list[Any]]:
    """Which live customers each campaign reached, and the order each answered with."""
    query = _live(CampaignMember).add_columns(
        *[getattr(CampaignMember, column.key) for column in cols.CAMPAIGN_MEMBER_COLUMNS])
    query = query.order_by(CampaignMember.campaign_id, CampaignMember.customer_id)
    return in_words(session.execute(query), cols.CAMPAIGN_MEMBER_COLUMNS, cols.CAMPAIGN_MEMBER_WORDS_ZH, language)


def coupon_rows(session: Session, language: str, today: dt.date) -> Iterator[list[Any]]:
    """Every coupon of the live customers, with the order that used it and the case it made up for."""
    fields = [getattr(Coupon, column.key) for column in cols.COUPON_COLUMNS if column.key != "used_order_no"]
    at = [column.key for column in cols.COUPON_COLUMNS].index("used_order_no")
    query = (_live(Coupon).outerjoin(Order, Order.id == Coupon.used_order_id)
             .add_columns(*fields[:at], Order.platform_order_no, *fields[at:]).order_by(Coupon.id))
    return in_words(session.execute(query), cols.COUPON_COLUMNS, cols.LEDGER_WORDS_ZH, language)


def contact_rows(session: Session, language: str, today: dt.date) -> Iterator[list[Any]]:
    """Every contact-log line of the live customers, with the task and the case it was about."""
    query = _live(ContactLog).add_columns(*[getattr(ContactLog, column.key) for column in cols.CONTACT_COLUMNS])
    return in_words(session.execute(query.order_by(ContactLog.id)), cols.CONTACT_COLUMNS, cols.LEDGER_WORDS_ZH,
                    language)
