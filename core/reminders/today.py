"""The Today list: open tasks due (or snoozed until) on or before a day, with exclusions applied, ranked, as DTOs.

A task is listed when it is open and due, or snoozed until that day, its customer is not deleted, its
kind is switched on, it has not expired (core.reminders.kinds.expiry_days: notices after a few days, a
birthday wish after the birthday week, the rest after `reminder.expire_after_days`; after-sales and manual
tasks never age out), and — for marketing kinds — the customer is not do-not-disturb, has no open
complaint or open bad review, and was not contacted for marketing within the frequency cap
(`reminder.cap_days`, or `reminder.cap_days_loyal` for loyal customers).

Ranking (docs/TODAY.md says it in the seller's words): time-critical tasks first — 催付 (unpaid orders), a
complaint's first response, a mid/bad review's contact — then everything else due today, then the
overdue rest; within each tier by value: the customer's value (what they spent, at least VALUE_FLOOR_CENTS)
× how likely the contact leads to a purchase (LIKELIHOOD by kind, fading as the task gets late:
× 7 / (7 + days late)); ties by due date, customer, task. The day's list is the first
`reminder.daily_capacity` (default 40) of that ranking; the rest is a read away (`today_list(limit=None)`).
One short read; messages are filled per row.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Row, text
from sqlalchemy.orm import Session

from core.book.dialect import RawSql, dialect_of
from core.customer_stats import stage_counts_query, stage_thresholds
from core.errors import HuitoukeError
from core.phones import display_phone
from core.reminders.kinds import (
    ENGINE_KINDS,
    LISTED_KINDS,
    MARKETING_KINDS,
    enabled_kinds,
    expiry_case,
    expiry_params,
)
from core.reminders.reasons import format_reason, message_values
from core.settings import get_setting, get_settings
from core.shop import parse_windows
from core.templates import render, template_bodies

# How likely a contact of each kind leads to a purchase (or keeps one), in percent: the value half of the ranking.
LIKELIHOOD = {
    "unpaid": 60, "unpaid_second": 45, "complaint": 50, "review": 50, "manual": 50, "repurchase": 40,
    "delayed_shipment": 30, "coupon_expiry": 30, "birthday": 20, "level_up": 20, "winback": 15,
    "closed_care": 10, "use_care": 10, "last_purchase": 10, "arrival_care": 8, "shipped": 5, "arrived": 5,
    "refund": 5,
}
# A customer who never bought (or spent little) counts as one ordinary order.
VALUE_FLOOR_CENTS = 5000
DEFAULT_CAPACITY = 40
CONTACT_WINDOWS = ((dt.time(9, 30), dt.time(12, 0)), (dt.time(14, 0), dt.time(18, 0)), (dt.time(20, 0), dt.time(22, 0)))


@dataclass(frozen=True)
class ContactWindow:
    """The window to contact in (DOMAIN.md §4): the current one, else the next; its end is best."""

    day: dt.date
    start: dt.time
    end: dt.time
    is_now: bool

    @property
    def label(self) -> str:
        return f"{self.start:%H:%M}–{self.end:%H:%M}"


@dataclass(frozen=True)
class TodayTask:
    id: int
    version: int
    kind: str
    customer_id: int
    customer_name: str
    phone: str
    wechat_id: str
    due_date: dt.date
    effective_due: dt.date  # the snooze date for snoozed tasks
    overdue_days: int
    status: str
    is_marketing: bool
    facts: Mapping[str, Any]
    title: str
    note: str
    reason: str  # plain words in the message language (the UI builds its own translated sentence)
    message: str
    unknown_placeholders: tuple[str, ...]
    contact_window: ContactWindow
    rank: int = 0  # 1 = the first task of the day; positions in the whole ranked list


@dataclass(frozen=True)
class KindTotal:
    """One group of the list: every listed task of a kind, however many of them are shown."""

    kind: str
    total: int
    overdue: int


@dataclass(frozen=True)
class TodayList:
    today: dt.date
    tasks: tuple[TodayTask, ...]
    total: int  # listed tasks in all (tasks may hold fewer when a limit was given)
    overdue: int
    contact_window: ContactWindow
    capacity: int = DEFAULT_CAPACITY  # the day's list is the first `capacity` tasks of the ranking
    groups: tuple[KindTotal, ...] = ()  # true totals by kind, in LISTED_KINDS order
    lapsed: tuple[tuple[str, int], ...] = ()  # an empty day's list only: (stage, customers) of dormant / churned

    @property
    def day_count(self) -> int:
        """How many tasks make the day's list."""
        return min(self.total, self.capacity)

    def group_total(self, kind: str) -> int:
        return next((g.total for g in self.groups if g.kind == kind), 0)


def contact_window(now: dt.datetime, windows=CONTACT_WINDOWS) -> ContactWindow:
    """The contact window `now` is in, else the next one (tomorrow's first after the last)."""
    for start, end in windows:
        if now.time() < end:
            return ContactWindow(now.date(), start, end, now.time() >= start)
    start, end = windows[0]
    return ContactWindow(now.date() + dt.timedelta(days=1), start, end, False)


def frequency_cap_params(sql: RawSql, today: dt.date, reminder_settings: Mapping[str, Any],
                         stage_settings: Mapping[str, Any]) -> dict[str, Any]:
    """The bind parameters of `frequency_capped_sql` for `today` (settings "reminder.cap_days*", "stage.loyal_*")."""
    cap, cap_loyal = int(reminder_settings["reminder.cap_days"]), int(reminder_settings["reminder.cap_days_loyal"])
    return {
        "cap_since": sql.value(today - dt.timedelta(days=cap - 1)),
        "cap_loyal_since": sql.value(today - dt.timedelta(days=cap_loyal - 1)),
        "cap_earliest": sql.value(today - dt.timedelta(days=max(cap, cap_loyal) - 1)),
        "loyal_days": int(stage_settings["stage.loyal_min_purchase_days"]),
        "loyal_spend": int(stage_settings["stage.loyal_min_spend_cents"]),
    }


def frequency_capped_sql(sql: RawSql) -> str:
    """SELECT of the customers marketed within the frequency cap of their value tier (loyal customers have
    their own, usually shorter, cap); a "no answer" does not count as a touch. Parameters: frequency_cap_params."""
    return f"""SELECT l.customer_id FROM contact_log l JOIN customer c ON c.id = l.customer_id
            WHERE l.is_marketing = {sql.true()} AND l.result != 'no_answer' AND l.at >= :cap_earliest
              AND l.at >= CASE WHEN c.purchase_days >= :loyal_days OR c.total_spend_cents >= :loyal_spend
                               THEN :cap_loyal_since ELSE :cap_since END"""


class _Query:
    """The shared filter of the Today list (due, upcoming, counts, why-not-listed)."""

    def __init__(self, session: Session, today: dt.date) -> None:
        settings = get_settings(session, "reminder.")
        stage = get_settings(session, "stage.")
        self.settings = settings
        self.capacity = max(int(settings.get("reminder.daily_capacity", DEFAULT_CAPACITY)), 1)
        kinds = [*enabled_kinds(settings), *(k for k in LISTED_KINDS if k not in ENGINE_KINDS), "level_up"]
        self.kinds_sql = ", ".join(f"'{k}'" for k in kinds)
        self.marketing_sql = ", ".join(f"'{k}'" for k in sorted(MARKETING_KINDS))
        self.ageless_sql = ", ".join(f"'{k}'" for k in ("complaint", "review", "manual"))
        self.sql = RawSql.of(session)
        self.params: dict[str, Any] = {
            "today": self.sql.value(today),
            **expiry_params(settings, today, self.sql.value),
            **frequency_cap_params(self.sql, today, settings, stage),
        }

    def blocked_sql(self) -> str:
        """Deleted or do-not-disturb customers (one scan), and everyone marketing may not reach today:
        small sets, built once per query (MATERIALIZED)."""
        return f"""_flagged AS MATERIALIZED (
            SELECT id, deleted_at IS NOT NULL AS deleted FROM customer
            WHERE do_not_disturb = {self.sql.true()} OR deleted_at IS NOT NULL
        ), _blocked AS MATERIALIZED (
            SELECT id AS customer_id FROM _flagged
            UNION SELECT customer_id FROM complaint WHERE status = 'open'
            UNION SELECT customer_id FROM bad_review WHERE status = 'open'
            UNION {frequency_capped_sql(self.sql)})"""

    def _branch(self, status: str, due_column: str, due_from: str | None, due_until: str, extra: str) -> str:
        low = f" AND r.{due_column} > {due_from}" if due_from else ""
        oldest, _ = expiry_case(self.settings, "r.kind")
        return f"""
            SELECT r.id AS rid, r.{due_column} AS eff, {_KIND_ORDER} AS ko, r.customer_id AS cid, r.kind AS kind
            FROM reminder r
            WHERE r.status = '{status}' AND r.{due_column} <= {due_until}{low}
              AND r.customer_id NOT IN (SELECT id FROM _flagged WHERE deleted)
              AND r.kind IN ({self.kinds_sql})
              AND (r.kind IN ({self.ageless_sql}) OR r.{due_column} >= {oldest})
              AND (r.kind NOT IN ({self.marketing_sql})
                   OR r.customer_id NOT IN (SELECT customer_id FROM _blocked)){extra}"""

    def listed(self, due_from: str | None, due_until: str, extra: str = "") -> str:
        """(rid, eff, ko, cid, kind) of the listed tasks: open ones by due date, snoozed ones by their snooze
        date. Two index-only scans of ix_reminder_status_due joined by UNION ALL (an OR of the two made
        SQLite read every row from the table)."""
        return (self._branch("open", "due_date", due_from, due_until, extra) + "\n UNION ALL "
                + self._branch("snoozed", "snoozed_until", due_from, due_until, extra))

    def rows(self, session: Session, params: dict, due_from: str | None, due_until: str,
             order: str) -> Sequence[Row[Any]]:
        """Listed rows (_COLUMNS) in `order`: filtered and sorted on the reminder index alone, then joined to
        customer (joining 100k customer rows first costs more than everything else together)."""
        sql = (f"WITH {self.blocked_sql()}, listed AS MATERIALIZED ({self.listed(due_from, due_until)}), "
               f"page AS (SELECT * FROM listed ORDER BY {order}) "
               f"SELECT {_COLUMNS} FROM page JOIN reminder r ON r.id = page.rid "
               f"JOIN customer c ON c.id = r.customer_id ORDER BY {order}")
        return session.execute(text(sql), params).all()

    def ranked(self, session: Session, params: dict, limit: int | None, offset: int, extra: str = "") -> tuple:
        """(page rows (_COLUMNS) in ranking order, groups): one statement, one scan of the listed tasks.

        Ranking looks up the task and the customer of each ranked row. When the page lies within tiers 0
        and 1 — there are at least offset + limit tasks due today or of 催付 — only the rows that can be in
        those tiers are ranked: the overdue rest (most of an unworked book) is counted, never sorted."""
        sqlite = self.sql.sqlite
        if limit is not None:
            paging = f" LIMIT {int(limit)} OFFSET {int(offset)}"
        else:
            paging = ((" LIMIT -1" if sqlite else "") + f" OFFSET {int(offset)}") if offset else ""
        head = ""
        if limit is not None:
            head = (f" WHERE listed.eff >= :today OR listed.kind IN ({_CRITICAL_KINDS_SQL}) OR "
                    "(SELECT COUNT(*) FROM listed WHERE eff >= :today OR kind IN ('unpaid', 'unpaid_second')) < :need")
        pad = ", ".join(["NULL"] * _COLUMN_COUNT)
        sql = (f"WITH {self.blocked_sql()}, listed AS MATERIALIZED ({self.listed(None, ':today', extra)}), "
               f"ranked AS (SELECT listed.*, {_tier_sql()} AS tier, {_value_sql(self.sql)} AS score "
               f"FROM listed JOIN reminder rk ON rk.id = listed.rid JOIN customer ck ON ck.id = listed.cid{head}), "
               f"page AS (SELECT * FROM ranked ORDER BY {_RANK_ORDER}{paging}) "
               f"SELECT * FROM (SELECT 0 AS part, ROW_NUMBER() OVER (ORDER BY {_RANK_ORDER}) AS pos, {_COLUMNS}, "
               f"NULL AS gkind, NULL AS gtotal, NULL AS glate FROM page JOIN reminder r ON r.id = page.rid "
               f"JOIN customer c ON c.id = r.customer_id "
               f"UNION ALL SELECT 1, 0, {pad}, kind, COUNT(*), SUM(CASE WHEN eff < :today THEN 1 ELSE 0 END) "
               f"FROM listed GROUP BY kind) AS answer ORDER BY part, pos")
        answer = session.execute(text(sql), {**params, "need": offset + (limit or 0)}).all()
        rows = [row[2:2 + _COLUMN_COUNT] for row in answer if row[0] == 0]
        return rows, _kind_totals((row[-3], row[-2], row[-1]) for row in answer if row[0] == 1)

    def groups(self, session: Session, params: dict, extra: str = "") -> tuple[KindTotal, ...]:
        """Listed today, by kind with the overdue among them: index-only, no sort of the tasks."""
        return _kind_totals(session.execute(text(
            f"WITH {self.blocked_sql()} SELECT kind, COUNT(*), "
            f"COALESCE(SUM(CASE WHEN eff < :today THEN 1 ELSE 0 END), 0) "
            f"FROM ({self.listed(None, ':today', extra)}) AS listed_today GROUP BY kind"), params).all())

    def counts(self, session: Session, params: dict, extra: str = "") -> tuple[int, int]:
        """(listed, overdue) today."""
        groups = self.groups(session, params, extra)
        return sum(g.total for g in groups), sum(g.overdue for g in groups)


# Time-critical: 催付, a complaint's first response, a mid/bad review's contact (and its retries).
# (LIKE's "_" stands for the ":" a bound-parameter parser would take for a parameter.)
_CRITICAL = ("rk.kind IN ('unpaid', 'unpaid_second') OR rk.rule_key LIKE 'complaint:%_first_response' "
             "OR rk.rule_key LIKE 'review:%_contact' OR rk.rule_key LIKE 'review:%_retry_%'")
_RANK_ORDER = "tier, score DESC, eff, cid, rid"
# Kinds that may be time-critical (complaint and review tasks only for some rule keys).
_CRITICAL_KINDS = ("unpaid", "unpaid_second", "complaint", "review")
_CRITICAL_KINDS_SQL = ", ".join(f"'{k}'" for k in _CRITICAL_KINDS)


def _tier_sql() -> str:
    """0 time-critical, 1 due today, 2 overdue."""
    return f"CASE WHEN {_CRITICAL} THEN 0 WHEN listed.eff >= :today THEN 1 ELSE 2 END"


def _value_sql(sql: RawSql) -> str:
    """Customer value × likelihood of a purchase, fading as the task gets late (see the module docstring)."""
    weight = "CASE listed.kind " + " ".join(f"WHEN '{k}' THEN {w}" for k, w in LIKELIHOOD.items()) + " ELSE 10 END"
    late = sql.greatest(sql.days_between(":today", "listed.eff"), "0")
    spend = sql.greatest("COALESCE(ck.total_spend_cents, 0)", str(VALUE_FLOOR_CENTS))
    return f"({weight}) * {spend} * 7.0 / (7 + {late})"


def _kind_totals(rows) -> tuple[KindTotal, ...]:
    """(kind, total, overdue) rows as KindTotal in LISTED_KINDS order."""
    order = {k: i for i, k in enumerate(LISTED_KINDS)}
    return tuple(KindTotal(kind, int(n), int(late or 0))
                 for kind, n, late in sorted(rows, key=lambda row: (order.get(row[0], 99), row[0])))


_KIND_ORDER = "CASE r.kind " + " ".join(f"WHEN '{k}' THEN {i}" for i, k in enumerate(LISTED_KINDS)) + " ELSE 99 END"
_COLUMNS = """r.id, r.version, r.kind, r.customer_id, c.name, c.phone, c.wechat_id, r.due_date, page.eff,
    r.status, r.facts_json, r.title, r.note"""
_COLUMN_COUNT = 13


def today_list(session: Session, today: dt.date, *, now: dt.datetime | None = None, limit: int | None = None,
               offset: int = 0, language: str | None = None, mask_phones: bool | None = None,
               customer_id: int | None = None, kind: str | None = None) -> TodayList:
    """Everything due on or before `today` and still open (see the module docstring), in ranking order:
    `limit` tasks from `offset` (None: all); `total`, `overdue` and `groups` always count the whole list.
    `customer_id` / `kind` narrow the list to one customer or one group."""
    q = _Query(session, today)
    extra = (" AND r.customer_id = :cid" if customer_id is not None else "") + (" AND r.kind = :kind" if kind else "")
    params = {**q.params, "cid": customer_id, "kind": kind}
    if limit is not None and limit <= 0:
        rows, groups = [], q.groups(session, params, extra)
    else:
        rows, groups = q.ranked(session, params, limit, offset, extra)
    total, overdue = sum(g.total for g in groups), sum(g.overdue for g in groups)
    window = contact_window(now or dt.datetime.combine(today, dt.time(9, 0)), _windows(session))
    tasks = _tasks(session, rows, today, window, language, mask_phones, first_rank=offset + 1)
    return TodayList(today, tasks, total, overdue, window, q.capacity, groups)


def day_list(session: Session, today: dt.date, **kw) -> TodayList:
    """The day's list: the first `reminder.daily_capacity` tasks of the ranking (totals over everything)."""
    capacity = max(int(get_setting(session, "reminder.daily_capacity")), 1)
    return with_lapsed(session, today_list(session, today, limit=capacity, **kw))


LAPSED_STAGES = ("dormant", "churned")


def with_lapsed(session: Session, listed: TodayList) -> TodayList:
    """`listed`, and when nothing is due, how many live customers are dormant or churned on `listed.today`:
    after an import of old history their tasks have expired (a task long overdue expires, DOMAIN.md §3), and an
    empty list says why and where they are instead of only "all done". The stage is worked out for that day
    (customer_stats.stage_counts_query), not read as stored: the first list of a launch is read before the launch brings
    the stored stages — which the customer list filters by — to the day, and a book built on the command line
    has none yet. One pass over the customers; none on a day with tasks."""
    if listed.total:
        return listed
    counts = dict(session.execute(stage_counts_query(listed.today, stage_thresholds(session),
                                                     dialect_of(session))).all())
    return dataclasses.replace(listed, lapsed=tuple((name, counts[name]) for name in LAPSED_STAGES
                                                    if counts.get(name)))


def listed_ids(session: Session, today: dt.date, kind: str) -> list[int]:
    """Ids of every task of `kind` the Today list holds today (a group's bulk skip / snooze acts on these)."""
    q = _Query(session, today)
    rows = session.execute(text(f"WITH {q.blocked_sql()} SELECT rid FROM ({q.listed(None, ':today', ' AND r.kind = :kind')})"
                                " AS listed_today ORDER BY rid"), {**q.params, "kind": kind}).all()
    return [int(r[0]) for r in rows]


def upcoming(session: Session, today: dt.date, days: int = 7, *, now: dt.datetime | None = None,
             language: str | None = None, mask_phones: bool | None = None) -> tuple[TodayTask, ...]:
    """Tasks falling due after `today` and within `days` days, by date then kind."""
    q = _Query(session, today)
    params = {**q.params, "until": q.sql.value(today + dt.timedelta(days=days))}
    rows = q.rows(session, params, ":today", ":until", "eff, ko, cid, rid")
    window = contact_window(now or dt.datetime.combine(today, dt.time(9, 0)), _windows(session))
    return _tasks(session, rows, today, window, language, mask_phones)


def due_count(session: Session, today: dt.date) -> int:
    """How many tasks the Today list holds (navigation counter, window title)."""
    q = _Query(session, today)
    return q.counts(session, q.params)[0]


def _tasks(session: Session, rows, today: dt.date, window: ContactWindow, language: str | None,
           mask_phones: bool | None, first_rank: int = 0) -> tuple[TodayTask, ...]:
    language = language or get_setting(session, "reminder.message_language")
    masked = get_setting(session, "privacy.mask_phones") if mask_phones is None else mask_phones
    shop = get_setting(session, "shop_name") or ""
    bodies = template_bodies(session, language)
    tasks = []
    for i, (rid, version, kind, cid, name, phone, wechat, due, eff, status, facts_json, title, note) in enumerate(rows):
        facts = json.loads(facts_json) if facts_json else {}
        due_date = _as_date(due)
        effective = _as_date(eff)
        body = bodies.get(kind) or bodies["manual"]
        rendered = render(body, message_values(kind, facts, name or "", shop, today, language), language)
        tasks.append(TodayTask(
            id=rid, version=version, kind=kind, customer_id=cid, customer_name=name or "",
            phone=display_phone(phone or "", masked), wechat_id=wechat or "", due_date=due_date,
            effective_due=effective, overdue_days=max((today - effective).days, 0), status=status,
            is_marketing=kind in MARKETING_KINDS, facts=facts, title=title or "", note=note or "",
            reason=format_reason(kind, facts, language, today, title or ""), message=rendered.text,
            unknown_placeholders=rendered.unknown, contact_window=window,
            rank=first_rank + i if first_rank else 0))
    return tuple(tasks)


def _windows(session: Session) -> tuple[tuple[dt.time, dt.time], ...]:
    """The seller's contact windows (setting "reminder.contact_windows"); the defaults if unreadable."""
    try:
        return parse_windows(get_setting(session, "reminder.contact_windows"))
    except HuitoukeError:
        return CONTACT_WINDOWS


def _as_date(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])
