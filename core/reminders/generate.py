"""The reminder engine: derive tasks from the book and keep them in `reminder`, idempotently.

Contract of `regenerate(session, today, customer_ids=None)`:
- Every derived task has a unique `rule_key` (e.g. "repurchase:item:<order_item_id>"), so running it
  ten times writes each task once. It runs inside the caller's transaction.
- The seller's actions are never lost: rows that are done / skipped / expired are never touched; open and
  snoozed rows only get their due date and facts refreshed; a superseded row whose rule applies again
  (say the later purchase was deleted) is reopened.
- Product cycle (DOMAIN.md §3; the product's effective cycle, core.product_links) per purchase day of a
product (quantities of one day add up): run-out =
  purchase day + cycle × quantity; arrival care, use care (middle of the cycle), repurchase (run-out −
  lead days), win-back (run-out + one cycle). A later purchase of the product supersedes the earlier
  day's open tasks; when the win-back falls due the open repurchase task expires.
- Open or snoozed tasks more than `reminder.expire_after_days` overdue expire (notices whose moment has
  passed — 催付, shipped, signed for, arrival care, closed order, refund — after `reminder.expire_notices_after_days`,
  a birthday wish after the birthday week: core.reminders.kinds.expiry_days); tasks are only written
  when they are at most that overdue and fall due within `reminder.horizon_days`, so two years of
  imported history produce only what is still actionable.
- A customer's current state gives at most one due product-cycle task per product: of the latest purchase
  day's arrival care, use care, repurchase and win-back, only the latest stage already due is kept (an
  imported history opens a repurchase when the run-out is near or recent, a win-back once it is long past,
  never the stages before them).
- An open task whose rule no longer holds (order paid, shipped, coupon used, kind's basis gone, customer
  deleted) becomes "superseded". Kinds switched off are neither written nor closed.
- Only ENGINE_KINDS are written here: complaint/review (core.aftersales.service), manual and level_up are not.
Set-based SQL over temporary tables (no query per order): a complete pass over 500k orders is a
handful of statements. The few spellings that differ on a PostgreSQL book come from core.book.dialect.RawSql.
"""

from __future__ import annotations

import datetime as dt
import functools
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from core.book import changes
from core.book.dialect import RawSql, one_at_a_time, rowcount
from core.book.models import Reminder
from core.book.turns import InTurn, WriteTurn, in_turn_or_write_turn, next_width
from core.book.wal import Checkpoints
from core.errors import HuitoukeError
from core.progress import IsCancelled, Progress
from core.reminders import overlap
from core.reminders.birthdays import birthday_rows
from core.reminders.cycles import effective_cycle_sql
from core.reminders.kinds import (
    EXPIRING_KINDS,
    NOTICE_KINDS,
    enabled_kinds,
    expiry_case,
    expiry_days,
    expiry_params,
)
from core.settings import get_settings, local_today


class RegenerationCancelled(HuitoukeError):
    """The caller's `is_cancelled()` said stop; the transaction is rolled back by the caller."""

    default_message = "Reminder regeneration was cancelled"


@dataclass(frozen=True)
class RegenerationResult:
    written: int  # rows inserted, refreshed or reopened
    superseded: int
    expired: int
    seconds: float


# Purchase days older than (this + 1) cycles before the expiry limit are only read for larger quantities.
_TYPICAL_QUANTITY = 3
# Order follow-ups concern events (payment, shipping, arrival, refund) within this many days of the order.
_ORDER_EVENT_DAYS = 90
_WANT_COLUMNS = "rule_key, kind, customer_id, order_id, order_item_id, product_id, coupon_id, due_date, facts_json"

# (kind, condition on orders o, SQL date the due date counts from)
_ORDER_RULES: tuple[tuple[str, str, str], ...] = (
    ("unpaid", "o.status = 'unpaid'", "o.order_date"),
    ("unpaid_second", "o.status = 'unpaid'", "o.order_date"),
    ("closed_care", "o.status = 'closed' AND o.paid_at IS NULL", "date(COALESCE(o.closed_at, o.created_at))"),
    ("delayed_shipment", "o.status = 'paid' AND o.shipped_at IS NULL AND o.paid_at IS NOT NULL", "date(o.paid_at)"),
    ("shipped", "o.status = 'shipped' AND o.shipped_at IS NOT NULL", "date(o.shipped_at)"),
    # "+": most orders are delivered, so the order-date range beats the status index here
    ("arrived", "+o.status IN ('delivered', 'completed') AND o.delivered_at IS NOT NULL", "date(o.delivered_at)"),
    ("refund", "o.status IN ('refunded', 'partial_refund') AND o.refund_cents > 0",
     "date(COALESCE(o.closed_at, o.completed_at, o.created_at))"),
)


def regenerate(session: Session, today: dt.date, customer_ids: Iterable[int] | None = None, *,
               progress: Progress | None = None, is_cancelled: IsCancelled | None = None,
               now: dt.datetime | None = None) -> RegenerationResult:
    """Bring the engine's tasks up to date for these customers (all when None); see the module docstring."""
    started = time.perf_counter()
    # On a shared book two people may regenerate at once (two Today pages, two order saves): one at a
    # time, so the second sees the first's rows and neither can deadlock on the other's reminder rows.
    one_at_a_time(session, "reminders")
    ids = None if customer_ids is None else list(customer_ids)
    plan = _Plan(session, today, ids, now)
    counts: dict[str, int] = {}
    steps = plan.want_steps() + plan.write_steps(counts)
    session.flush()  # the SQL below must see pending ORM changes
    try:
        _create_temp_tables(session)
        _run_steps(steps, 0, len(steps), progress, is_cancelled)
        if progress:
            progress(len(steps), len(steps), "done")
    finally:
        _drop_temp_tables(session)
        plan.scope.drop()
    _expire_loaded_reminders(session)
    overlap.note_pass(overlap.book_key(session.get_bind()), ids)  # a chunked pass writing meanwhile follows it
    return RegenerationResult(counts.get("written", 0), counts.get("superseded", 0), counts.get("expired", 0),
                              round(time.perf_counter() - started, 3))


def _write_in_chunks(engine, today: dt.date, counts: dict[str, int], progress: Progress | None,
                     is_cancelled: Callable[[], bool] | None, now: dt.datetime | None, chunk_customers: int,
                     write_turn: WriteTurn | None, in_turn: InTurn | None) -> None:
    """regenerate_in_chunks's pass itself: the wanted tasks from one read snapshot, then the chunks."""
    with engine.connect() as connection, Session(bind=connection) as session, \
            Checkpoints(session).outside_commits() as wal:
        plan = _Plan(session, today, None, now)
        wants = plan.want_steps()
        low, high = session.execute(text("SELECT MIN(id), MAX(id) FROM customer")).one()
        low, high = low or 0, high if high is not None else -1
        total = len(wants) + len(range(low, high + 1, chunk_customers))
        try:
            _create_temp_tables(session)
            _run_steps(wants, 0, total, progress, is_cancelled)
            session.execute(text("CREATE INDEX _rem_want_customer ON _rem_want (customer_id)"))  # chunks read by it
            changes.forget_writes(session)  # temporary tables only: no counter bump, no write lock
            session.commit()  # ends the read snapshot; the temporary tables stay on this connection
            first, width = low, chunk_customers
            while first <= high:
                if is_cancelled and is_cancelled():  # between two committed chunks (the app closing): the book is
                    raise RegenerationCancelled("cancelled")  # whole, and the next pass writes every customer again
                if progress:  # between transactions: the book's write lock is free here
                    progress(min(len(wants) + (first - low) // chunk_customers, total - 1), total, "write")
                plan.params.update(c_lo=first, c_hi=first + width - 1)

                def chunk() -> float:
                    started = time.perf_counter()
                    one_at_a_time(session, "reminders")
                    _run_steps(plan.write_steps(counts, within=True), 0, 0, None, is_cancelled)
                    session.commit()
                    return time.perf_counter() - started

                took = in_turn_or_write_turn(chunk, write_turn, in_turn)
                wal.after_chunk(took)  # the book's write lock is free: a save meanwhile does not wait for it
                first += width
                width = next_width(width, took, chunk_customers, CHUNK_SECONDS)
                if write_turn is None and in_turn is None:  # others wait in SQLite's busy handler: leave a gap
                    time.sleep(CHUNK_GAP_S)
            if progress:
                progress(total, total, "done")
        finally:
            session.rollback()
            _drop_temp_tables(session)
            session.commit()


CHUNK_CUSTOMERS = 1000  # most customers written per transaction by regenerate_in_chunks (20–60 ms on a 100k book)
CHUNK_SECONDS = 0.04  # a chunk's aim: fewer customers per transaction while chunks take longer (a first pass)
CHUNK_GAP_S = 0.01  # pause between chunks without a write turn (bench/bench_lane.py: "other program")


def regenerate_in_chunks(engine, today: dt.date, *, progress: Progress | None = None,
                         is_cancelled: Callable[[], bool] | None = None, now: dt.datetime | None = None,
                         chunk_customers: int = CHUNK_CUSTOMERS,
                         write_turn: WriteTurn | None = None,
                         in_turn: InTurn | None = None) -> RegenerationResult:
    """The complete pass for background work (the app's Today page, the command line's `today`), in short
    transactions: the wanted tasks are computed into temporary tables on one connection under a read
    snapshot (the book's write lock is not taken: on SQLite temporary tables live outside the book), then
    written `chunk_customers` customers (by id range) per transaction. A save from the app or from another
    program waits for at most one chunk, not the whole pass (issue #21: 1–5 s on a 100k book).

    Same result as `regenerate(session, today)` for a book nobody writes to meanwhile. A save made in this
    process during the pass runs its own pass for its customers (or everyone, as a product's cycle does); a
    chunk written after it would put back the earlier snapshot, so those customers (or the whole pass) are
    brought up to date again once the last chunk is written (core.reminders.overlap). A save by another
    program meanwhile may be refreshed from the snapshot until the next pass, never the seller's
    done/skipped/snoozed rows (the write steps keep those, as always). Likewise a product-cycle task the
    snapshot saw due past the horizon with no row is not wanted (_want_product_cycle): if another program
    writes its row meanwhile, the chunk supersedes it and the next pass reopens it.

    Each write transaction runs inside `write_turn()` (a context manager) when given: the app's book lane
    (ui.book_lane) lets the seller's waiting saves go first there — SQLite's busy handler alone would let
    a waiting writer of this process starve while chunk follows chunk. Or each is handed as a function to
    `in_turn`, which runs it and returns what it returned (the lane runs it on its own thread, in line with
    the saves: ui.book_lane.BookLane.in_turn).
    """
    started = time.perf_counter()
    counts: dict[str, int] = {}
    with overlap.chunked_pass(overlap.book_key(engine)) as overlaps:
        _write_in_chunks(engine, today, counts, progress, is_cancelled, now, chunk_customers, write_turn, in_turn)
        for _round in range(3):  # saves made while a follow-up is written are followed up in turn, a few times
            everyone, customers = overlaps.take()
            if everyone:  # a complete pass ran meanwhile (a product's cycle changed): the snapshot was stale
                _write_in_chunks(engine, today, counts, None, is_cancelled, now, chunk_customers, write_turn, in_turn)
            elif customers:
                with engine.connect() as connection, Session(bind=connection) as session:

                    def follow_up(session=session, customers=customers) -> RegenerationResult:
                        with overlap.bringing_up_to_date():
                            done = regenerate(session, today, sorted(customers), now=now)
                            session.commit()
                        return done

                    again = in_turn_or_write_turn(follow_up, write_turn, in_turn)
                for key, value in (("written", again.written), ("superseded", again.superseded),
                                   ("expired", again.expired)):
                    counts[key] = counts.get(key, 0) + value
            else:
                break
    return RegenerationResult(counts.get("written", 0), counts.get("superseded", 0), counts.get("expired", 0),
                              round(time.perf_counter() - started, 3))


class _Plan:
    """What one pass needs: settings, switched-on kinds, SQL parameters, scope; and its steps."""

    def __init__(self, session: Session, today: dt.date, customer_ids: Iterable[int] | None,
                 now: dt.datetime | None) -> None:
        self.session, self.today = session, today
        self.settings = settings = get_settings(session, "reminder.")
        self.kinds = enabled_kinds(settings)
        q = RawSql.of(session)
        jd0 = _julian(today)
        self.params = {
            "today": q.value(today), "today_jd": jd0, "now": q.value(now or dt.datetime.combine(today, dt.time(8, 0))),
            "lo": q.value(today - dt.timedelta(days=int(settings["reminder.expire_after_days"]))),
            "lo_jd": jd0 - int(settings["reminder.expire_after_days"]),
            "lo_notice": q.value(today - dt.timedelta(days=int(settings["reminder.expire_notices_after_days"]))),
            "lo_notice_jd": jd0 - int(settings["reminder.expire_notices_after_days"]),
            "hi": q.value(today + dt.timedelta(days=int(settings["reminder.horizon_days"]))),
            "hi_jd": jd0 + int(settings["reminder.horizon_days"]),
            **expiry_params(settings, today, q.value),
        }
        self.scope = _Scope(session, customer_ids)

    def want_steps(self) -> list[tuple[str, Callable[[], Any]]]:
        """Reading the book into the temporary tables (writes nothing of the book itself)."""
        s, scope, kinds, settings, params = self.session, self.scope, self.kinds, self.settings, self.params
        return [
            ("groups", lambda: _build_groups(s, scope, settings, params)),
            ("product cycle", lambda: _want_product_cycle(s, kinds, settings, params)),
            ("orders", lambda: _want_orders(s, scope, kinds, settings, params)),
            ("customers", lambda: _want_customers(s, scope, kinds, settings, params, self.today)),
        ]

    def write_steps(self, counts: dict[str, int], within: bool = False) -> list[tuple[str, Callable[[], Any]]]:
        """Writing the reminders; `within`: only customers with ids from params c_lo to c_hi."""
        s, scope, settings, params = self.session, self.scope, self.settings, self.params

        def add(key: str, value: int) -> None:
            counts[key] = counts.get(key, 0) + value

        return [
            ("expire", lambda: add("expired", _expire(s, scope, settings, params, within))),
            ("write", lambda: add("written", _upsert(s, params, within))),
            ("supersede", lambda: add("superseded", _supersede(s, scope, self.kinds, params, within))),
        ]


def _run_steps(steps, first: int, total: int, progress: Progress | None,
               is_cancelled: Callable[[], bool] | None) -> None:
    for i, (name, step) in enumerate(steps):
        if is_cancelled and is_cancelled():
            raise RegenerationCancelled("cancelled")
        if progress:
            progress(first + i, total, name)
        step()


def _expire_loaded_reminders(session: Session) -> None:
    """Reminders loaded in this session must not keep stale values written around them in SQL."""
    for obj in list(session.identity_map.values()):
        if isinstance(obj, Reminder):
            session.expire(obj)


def _source(scope: _Scope, session: Session, table: str, alias: str, within: bool) -> str:
    """scope.source, or for a chunk the customers of its id range driving the rows of table (by index)."""
    if not within:
        return scope.source(table, alias)
    return f"customer rng {RawSql.of(session).cross_join()} {table} {alias} ON {alias}.customer_id = rng.id"


def _range(alias: str, within: bool) -> str:
    return f" AND {alias} BETWEEN :c_lo AND :c_hi" if within else ""


def after_write(session: Session, customer_ids: Iterable[int], today: dt.date | None = None) -> None:
    """The incremental pass services run after writing orders or customers, in the same transaction."""
    regenerate(session, today or local_today(session), customer_ids)


def _day(value: str | dt.date) -> dt.date:
    """A date parameter back as a date (ISO text on SQLite, see RawSql.value)."""
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(value)


def _julian(day: dt.date) -> float:
    """SQLite's julianday() of a date (noon-based, hence the .5); RawSql.day_number on PostgreSQL."""
    return day.toordinal() + 1721424.5


class _Scope:
    """Which customers a pass covers: a temporary id table, or everyone."""

    def __init__(self, session: Session, customer_ids: Iterable[int] | None) -> None:
        self._session = session
        self.sql = RawSql.of(session)
        self.ids = None if customer_ids is None else sorted({int(i) for i in customer_ids})
        if self.ids is not None:
            session.execute(text("CREATE TEMP TABLE IF NOT EXISTS _rem_scope (customer_id INTEGER PRIMARY KEY)"))
            session.execute(text("DELETE FROM _rem_scope"))
            if self.ids and self.sql.sqlite:  # (SQLAlchemy's executemany builds a parameter dict per id: 4× slower)
                session.connection().exec_driver_sql("INSERT INTO _rem_scope VALUES (?)", [(c,) for c in self.ids])
            elif self.ids:
                session.execute(text("INSERT INTO _rem_scope VALUES (:c)"), [{"c": c} for c in self.ids])

    def source(self, table: str, alias: str, column: str = "customer_id") -> str:
        """A FROM item: `table alias`, driven by the scope table (CROSS JOIN fixes the order) when scoped."""
        if self.ids is None:
            return f"{table} {alias}"
        return f"_rem_scope sc {self.sql.cross_join()} {table} {alias} ON {alias}.{column} = sc.customer_id"

    def drop(self) -> None:
        if self.ids is not None:
            self._session.execute(text("DROP TABLE IF EXISTS _rem_scope"))


def _create_temp_tables(session: Session) -> None:
    _drop_temp_tables(session)
    session.execute(text(
        "CREATE TEMP TABLE _rem_want (rule_key TEXT PRIMARY KEY, kind TEXT, customer_id INTEGER, "
        "order_id INTEGER, order_item_id INTEGER, product_id INTEGER, coupon_id INTEGER, "
        f"due_date {RawSql.of(session).column_type('date')}, facts_json TEXT)"))


def _drop_temp_tables(session: Session) -> None:
    for name in ("_rem_want", "_rem_lg"):
        session.execute(text(f"DROP TABLE IF EXISTS {name}"))


def _build_groups(session: Session, scope: _Scope, settings: dict, params: dict) -> None:
    """_rem_lg: each customer's latest purchase day of each product with a cycle, with its key dates.

    Earlier purchase days are superseded by definition, so they never produce tasks. Only purchase days
    that can still produce a task are read: those within (_TYPICAL_QUANTITY + 1) cycles of the product
    before the expiry limit, plus older orders with an item of a larger quantity.
    """
    extra_win = int(settings["reminder.winback.days"])
    q = RawSql.of(session)
    day, moment, real = q.column_type("date"), q.column_type("datetime"), q.column_type("real")
    session.execute(text(
        f"CREATE TEMP TABLE _rem_lg (customer_id INTEGER, product_id INTEGER, day {day}, item_id INTEGER, "
        f"order_id INTEGER, qty INTEGER, delivered_at {moment}, shipped_at {moment}, product TEXT, cycle INTEGER, "
        f"lead INTEGER, day_jd {real}, runout_jd {real}, win_jd {real})"))
    cycle = effective_cycle_sql(session)  # the seller's cycle, else a well-founded suggestion
    if not session.execute(text(f"SELECT MAX({cycle}) FROM product WHERE {cycle} > 0")).scalar():
        return
    if scope.ids is None:
        # every order line once, in table order, then its order by id: cheaper than reaching the lines of the
        # orders in a date range through indexes (about half the lines qualify on a two-year book)
        lines = (f"{q.table_scan('order_item oi')} {q.cross_join()} pw ON {q.no_index('+oi.product_id')} = pw.id "
                 f"{q.cross_join()} orders o ON o.id = oi.order_id")
    else:
        lines = (f"{scope.source('orders', 'o')} JOIN order_item oi ON oi.order_id = o.id "
                 "JOIN pw ON pw.id = oi.product_id")
    cycle_p = effective_cycle_sql(session, "p")
    session.execute(text(f"""
        INSERT INTO _rem_lg
        WITH pw AS MATERIALIZED (  -- each product's start once, not per order line
            SELECT id, {q.minus_days(":lo", f"{cycle} * {_TYPICAL_QUANTITY + 1} + {extra_win}")} AS start
            FROM product WHERE {cycle} > 0
        ), g AS (
            SELECT o.customer_id AS customer_id, oi.product_id AS product_id, o.order_date AS day,
                   MIN(oi.id) AS item_id, MIN(o.id) AS order_id, SUM(oi.quantity) AS qty,
                   MAX(o.delivered_at) AS delivered_at, MAX(o.shipped_at) AS shipped_at,
                   ROW_NUMBER() OVER (PARTITION BY o.customer_id, oi.product_id
                                      ORDER BY o.order_date DESC) AS recency
            FROM {lines}
            WHERE o.is_purchase = {q.true()} AND (o.order_date >= pw.start OR oi.quantity > :typical)
            GROUP BY o.customer_id, oi.product_id, o.order_date
        )
        SELECT g.customer_id, g.product_id, g.day, g.item_id, g.order_id, g.qty,
               g.delivered_at, g.shipped_at, p.name, {cycle_p}, p.lead_days,
               {q.day_number("g.day")},
               {q.day_number("g.day")} + {cycle_p} * {q.greatest("g.qty", "1")},
               {q.day_number("g.day")} + {cycle_p} * {q.greatest("g.qty", "1")} + {cycle_p} + {extra_win}
        FROM g {q.cross_join()} product p ON p.id = g.product_id
        JOIN customer c ON c.id = g.customer_id AND c.deleted_at IS NULL
        WHERE g.recency = 1
    """), {**params, "typical": _TYPICAL_QUANTITY})
    session.execute(text("CREATE INDEX _rem_lg_customer ON _rem_lg (customer_id, win_jd)"))


def _want_product_cycle(session: Session, kinds: list[str], settings: dict, params: dict) -> None:
    """Arrival care, use care, repurchase and win-back of every latest purchase day.

    A customer's current state gives at most one due product-cycle task per product: a stage already due
    that a later stage of the same purchase, also due, has overtaken is not wanted (its open row becomes
    superseded). Tasks due past the horizon are only wanted when they already have a row (to refresh it):
    the write step would not insert them, and only a row can be superseded, so leaving them out changes
    nothing and spares most of the win-backs of a long history.
    """
    arrival_days = int(settings["reminder.arrival_care.days"])
    use_percent = int(settings["reminder.use_care.days"])
    extra_lead = int(settings["reminder.repurchase.days"])
    q = RawSql.of(session)
    due_of = {
        "arrival_care": f"COALESCE({q.day_number('date(delivered_at)')}, {q.day_number('date(shipped_at)')} + 3, "
                        f"day_jd + 4) + {arrival_days}",
        "use_care": f"day_jd + CAST(cycle * {q.greatest('qty', '1')} * {use_percent} / 100 AS INTEGER)",
        "repurchase": f"runout_jd - lead - {extra_lead}",
        "winback": "win_jd",
    }
    wanted = {kind: due for kind, due in due_of.items() if kind in kinds}

    def holds(kind: str) -> str:
        """The kind's task exists for this purchase (a stage due too long ago has expired)."""
        limit = ":lo_notice_jd" if kind in NOTICE_KINDS else ":lo_jd"
        # once the win-back is due, the repurchase task is closed as expired, never (re)written
        return f"{wanted[kind]} >= {limit}" + (" AND win_jd > :today_jd" if kind == "repurchase" else "")

    # the due date of the latest stage already due (0: none)
    reached = [f"CASE WHEN {holds(kind)} AND {due} <= :today_jd THEN {due} ELSE 0 END" for kind, due in wanted.items()]
    latest = functools.reduce(q.greatest, reached) if reached else "0"
    for kind, due in wanted.items():
        session.execute(text(f"""
            INSERT INTO _rem_want ({_WANT_COLUMNS})
            SELECT '{kind}:item:' || item_id, '{kind}', customer_id, order_id, item_id, product_id, NULL,
                   {q.date_of_day_number(due)},
                   {q.json_object("'product'", "product", "'qty'", "qty", "'bought_on'", "day",
                                  "'runout_on'", q.date_of_day_number("runout_jd"), "'cycle_days'", "cycle")}
            FROM _rem_lg
            WHERE {holds(kind)} AND ({due} > :today_jd OR {due} >= {latest})
              AND ({due} <= :hi_jd OR '{kind}:item:' || item_id IN (SELECT rule_key FROM reminder))
        """), params)


def _want_orders(session: Session, scope: _Scope, kinds: list[str], settings: dict, params: dict) -> None:
    """Sales and shipping follow-ups, one task per order and kind."""
    q = RawSql.of(session)
    for kind, condition, base in _ORDER_RULES:
        if kind not in kinds:
            continue
        days = int(settings[f"reminder.{kind}.days"])
        if scope.ids is not None:  # "+" keeps SQLite on the customer index, not the status index
            condition = condition.replace("+o.status", "o.status").replace("o.status", "+o.status")
        condition = q.no_index(condition)
        overtaken = ""
        if kind == "unpaid" and "unpaid_second" in kinds:
            # the gentler second reminder replaces the first once it is due
            overtaken = f" AND {q.plus_days(base, int(settings['reminder.unpaid_second.days']))} > :today"
        session.execute(text(f"""
            INSERT INTO _rem_want ({_WANT_COLUMNS})
            SELECT '{kind}:order:' || o.id, '{kind}', o.customer_id, o.id, NULL, NULL, NULL,
                   {q.plus_days(base, days)},
                   {q.json_object(
                       "'order_no'", "COALESCE(o.platform_order_no, '')", "'platform'", "o.platform",
                       "'ordered_on'", "o.order_date", "'base_on'", base,
                       "'amount_cents'", "CASE WHEN o.paid_cents > 0 THEN o.paid_cents "
                                         "ELSE o.goods_cents + o.postage_cents - o.discount_cents END",
                       "'refund_cents'", "o.refund_cents", "'carrier'", "o.carrier", "'tracking_no'", "o.tracking_no",
                       "'product'", "(SELECT oi.title FROM order_item oi WHERE oi.order_id = o.id "
                                    "ORDER BY oi.id LIMIT 1)",
                       "'items'", "(SELECT COUNT(*) FROM order_item oi WHERE oi.order_id = o.id)")}
            FROM {scope.source("orders", "o")} {q.cross_join()} customer c
                 ON c.id = o.customer_id AND c.deleted_at IS NULL
            WHERE {condition} AND o.order_date >= {q.plus_days(":lo", -(days + _ORDER_EVENT_DAYS))}
              AND {q.plus_days(base, days)} >= {":lo_notice" if kind in NOTICE_KINDS else ":lo"}{overtaken}
        """), params)


def _want_customers(session: Session, scope: _Scope, kinds: list[str], settings: dict, params: dict,
                    today: dt.date) -> None:
    """Birthday, last-purchase care and coupon expiry."""
    q = RawSql.of(session)
    if "last_purchase" in kinds:
        days = int(settings["reminder.last_purchase.days"])
        # only when nothing else is planned: no product-cycle plan reaching the care date
        session.execute(text(f"""
            INSERT INTO _rem_want ({_WANT_COLUMNS})
            SELECT 'last_purchase:' || c.id || ':' || c.last_purchase_on, 'last_purchase', c.id,
                   NULL, NULL, NULL, NULL, {q.plus_days("c.last_purchase_on", days)},
                   {q.json_object("'last_purchase_on'", "c.last_purchase_on", "'purchase_days'", "c.purchase_days",
                                  "'days'", str(days))}
            FROM {scope.source("customer", "c", "id")}
            WHERE c.deleted_at IS NULL AND c.last_purchase_on >= {q.plus_days(":lo", -days)}
              AND NOT EXISTS (SELECT 1 FROM _rem_lg g WHERE g.customer_id = c.id
                              AND g.win_jd >= {q.day_number("c.last_purchase_on")} + {days})
        """), params)
    if "coupon_expiry" in kinds:
        _want_coupons(session, scope, settings, params)
    if "birthday" in kinds:
        ids = scope.ids
        rows = birthday_rows(session, today, int(settings["reminder.birthday.days"]),
                             today - dt.timedelta(days=expiry_days(settings, "birthday") or 0), _day(params["hi"]), ids)
        insert = text(f"INSERT INTO _rem_want ({_WANT_COLUMNS}) VALUES (:rule_key, 'birthday', :customer_id, "
                      "NULL, NULL, NULL, NULL, :due_date, :facts_json)")
        for start in range(0, len(rows), 500):  # in pieces, the GIL offered between them (the app's GUI thread)
            session.execute(insert, rows[start:start + 500])
            time.sleep(0)


def _want_coupons(session: Session, scope: _Scope, settings: dict, params: dict) -> None:
    """A reminder per configured day before expiry; an earlier one is dropped once a later one is due."""
    days_list = sorted({int(d) for d in settings["reminder.coupon_expiry.days"] if int(d) >= 0}, reverse=True)
    q = RawSql.of(session)
    # scoped: "+" keeps SQLite on the customer index; the expiry index per scope row scanned every open coupon
    # of the book for each customer (139 s for the 18,000 customers of a 50,000-row import into the 100k book)
    unused = q.no_index("+k.used_at") if scope.ids is not None else "k.used_at"
    for i, days in enumerate(days_list):
        later = days_list[i + 1] if i + 1 < len(days_list) else None
        not_overtaken = "" if later is None else f" AND {q.plus_days('k.expires_on', -later)} > :today"
        session.execute(text(f"""
            INSERT INTO _rem_want ({_WANT_COLUMNS})
            SELECT 'coupon_expiry:' || k.id || ':' || {days}, 'coupon_expiry', k.customer_id, NULL, NULL, NULL,
                   k.id, {q.plus_days("k.expires_on", -days)},
                   {q.json_object("'coupon_kind'", "k.kind", "'value_cents'", "k.value_cents",
                                  "'threshold_cents'", "k.threshold_cents", "'discount_percent'", "k.discount_percent",
                                  "'expires_on'", "k.expires_on", "'days_before'", str(days))}
            FROM {scope.source("coupon", "k")} {q.cross_join()} customer c
                 ON c.id = k.customer_id AND c.deleted_at IS NULL
            WHERE {unused} IS NULL AND k.expires_on >= :today
              AND {q.plus_days("k.expires_on", -days)} >= :lo{not_overtaken}
        """), params)


def _engine_kinds_sql(kinds: Iterable[str]) -> str:
    return ", ".join(f"'{k}'" for k in kinds)


def _expire(session: Session, scope: _Scope, settings: dict, params: dict, within: bool = False) -> int:
    """Close as expired: tasks too long overdue (by kind: expiry_days), and repurchase tasks whose win-back is due."""
    kinds = _engine_kinds_sql(EXPIRING_KINDS)
    oldest, _ = expiry_case(settings, "r.kind")
    overdue = rowcount(session.execute(text(f"""
        UPDATE reminder SET status = 'expired', closed_at = :now, updated_at = :now
        WHERE id IN (SELECT r.id FROM {_source(scope, session, "reminder", "r", within)}
                     WHERE r.kind IN ({kinds})
                       AND CASE WHEN r.status = 'snoozed' THEN r.snoozed_until ELSE r.due_date END
                           < {oldest}
                       AND r.status IN ('open', 'snoozed'){_range("rng.id", within)})
    """), params))
    by_winback = rowcount(session.execute(text(f"""
        UPDATE reminder SET status = 'expired', closed_at = :now, updated_at = :now
        WHERE id IN (SELECT r.id FROM {_source(scope, session, "reminder", "r", within)}
                     WHERE r.kind = 'repurchase' AND r.status IN ('open', 'snoozed')
                       AND r.rule_key IN (SELECT 'repurchase:item:' || item_id FROM _rem_lg
                                          WHERE win_jd <= :today_jd{_range("customer_id", within)})
                       {_range("rng.id", within)})
    """), params))
    return overdue + by_winback


def _upsert(session: Session, params: dict, within: bool = False) -> int:
    """Insert wanted tasks due within the horizon; refresh open/snoozed ones; reopen superseded ones.
    A whole pass goes in rule-key order (read from _rem_want's key), so the book's rule-key index is written
    in order rather than at random (−10–15 % on a pass from an empty table); a chunk keeps to its customers.
    (New rows' ids follow that order, the tie-break of a customer's equal tasks in the Today list.)"""
    q = RawSql.of(session)
    in_order = "" if within else "\n        ORDER BY w.rule_key"
    return rowcount(session.execute(text(f"""
        INSERT INTO reminder ({_WANT_COLUMNS}, status, outcome, title, note, version, created_at, updated_at)
        SELECT {_WANT_COLUMNS}, 'open', '', '', '', 1, :now, :now FROM _rem_want w
        WHERE (w.due_date <= :hi OR w.rule_key IN (SELECT rule_key FROM reminder)){_range("w.customer_id", within)}{in_order}
        ON CONFLICT (rule_key) DO UPDATE SET
            due_date = excluded.due_date, facts_json = excluded.facts_json, updated_at = excluded.updated_at,
            status = CASE WHEN reminder.status = 'superseded' THEN 'open' ELSE reminder.status END,
            closed_at = CASE WHEN reminder.status = 'superseded' THEN NULL ELSE reminder.closed_at END
        WHERE reminder.status IN ('open', 'snoozed', 'superseded')
          AND (reminder.status = 'superseded' OR reminder.due_date != excluded.due_date
               OR {q.differs("reminder.facts_json", "excluded.facts_json")})
    """), params))


def _supersede(session: Session, scope: _Scope, kinds: list[str], params: dict, within: bool = False) -> int:
    """Open tasks of switched-on engine kinds whose rule no longer holds become superseded."""
    if not kinds:
        return 0
    return rowcount(session.execute(text(f"""
        UPDATE reminder SET status = 'superseded', closed_at = :now, updated_at = :now
        WHERE id IN (SELECT r.id FROM {_source(scope, session, "reminder", "r", within)}
                     WHERE r.status IN ('open', 'snoozed') AND r.kind IN ({_engine_kinds_sql(kinds)})
                       AND r.rule_key NOT IN (SELECT rule_key FROM _rem_want){_range("rng.id", within)})
    """), params))
