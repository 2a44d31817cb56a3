"""A realistic demo book: `build_demo(path, customers=N, seed=S)` writes a new book full of Chinese customers.

Customers, products, two years of orders that follow the product cycles, complaints, reviews, contact
log, coupons and points are drawn from one seeded random generator, so a seed and a `today` always give
the same book. The demo seller has been working the Today list (core.demo.worked): past tasks are done,
skipped or snoozed with their contact-log lines, and today's list is a full day's work. Rows go in with
executemany on the raw SQLite connection inside the one transaction of
`book.session()` (the ORM would take ~14× longer): 100,000 customers and ~500,000 orders in well under a
minute. Columns a row does not name get their model default, so the demo keeps up with the schema.
"""

from __future__ import annotations

import datetime as dt
import random
import time
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Table, text
from sqlalchemy.orm import Session

from core import clock, customer_stats
from core.book.db import Book
from core.book.lock import BookLock, lock_path_for
from core.book.models import (
    BadReview,
    Complaint,
    ComplaintStep,
    ContactLog,
    Coupon,
    Customer,
    CustomerTag,
    MemberLevel,
    Order,
    OrderItem,
    PointsEntry,
    Product,
    Tag,
)
from core.demo import data
from core.demo.aftersales import (
    COMPLAINT_COLUMNS,
    CONTACT_COLUMNS,
    COUPON_COLUMNS,
    POINTS_COLUMNS,
    REVIEW_COLUMNS,
    STEP_COLUMNS,
    AfterSales,
)
from core.demo.orders import ITEM_COLUMNS, ORDER_COLUMNS, OrderWriter, simulate, ts
from core.demo.people import BOOK_CLOCK, Dice, Person, Picker, make_people, profile_row
from core.demo.worked import work_the_list
from core.errors import Cancelled, RejectedInput
from core.product_links import refresh_suggestions
from core.progress import IsCancelled, Progress
from core.search import build_search_text
from core.settings import DEFAULTS, set_setting
from core.tags import refresh_tag_names

HISTORY_DAYS = 730
MAX_CUSTOMERS = 1_000_000
SHOP_NAME = "小蜜蜂生活馆"
_CHUNK = 20_000
# name, rank, min spend (fen), min purchase days, discount percent
MEMBER_LEVELS = (("普通会员", 0, None, 1, 100), ("银卡会员", 1, 50000, 3, 98), ("金卡会员", 2, 150000, 6, 95),
                 ("钻石会员", 3, 500000, 12, 90))
_SKIN_TAGS = ("干皮", "油皮", "混合皮")
_TAG = Picker((name, w) for name, w in data.TAGS if name not in _SKIN_TAGS)



@dataclass(frozen=True)
class DemoSummary:
    """What a demo book holds. Two builds with the same seed and today compare equal."""

    customers: int
    products: int
    orders: int
    order_items: int
    purchases: int
    paid_cents: int  # over every order
    revenue_cents: int  # purchases: paid − refunded
    complaints: int
    bad_reviews: int
    contacts: int
    coupons: int
    points_entries: int
    tags: int
    customer_tags: int
    seconds: float = field(default=0.0, compare=False)


class _Steps:
    """Reports progress on a 0–100 scale and stops the build when cancelled."""

    def __init__(self, progress: Progress | None, is_cancelled: IsCancelled | None) -> None:
        self.progress = progress
        self.is_cancelled = is_cancelled

    def __call__(self, percent: float, message: str) -> None:
        if self.is_cancelled is not None and self.is_cancelled():
            raise Cancelled("cancelled", "The demo book was cancelled")
        if self.progress is not None:
            self.progress(int(percent), 100, message)


def build_demo(path: Path, *, customers: int = 300, seed: int = 1, today: dt.date | None = None,
               progress: Progress | None = None, is_cancelled: IsCancelled | None = None) -> DemoSummary:
    """Create a NEW book at `path` filled with demo data; returns what it holds (built under
    `<path>.partial`, renamed when whole; a killed build's leftovers are removed by the next one).

    `progress(done, 100, stage)` reports percent done with a stage key (customers, orders, indexes,
    customer figures, summary, done). Raises RejectedInput when a file exists at `path` or `customers`
    is out of range, Cancelled when `is_cancelled()` turns true. On any failure the half-built book is
    removed. `today` defaults to the real date in the book's time zone (what `today` and the app will call
    today), so pass it for a book that is the same every day.
    """
    path = Path(path)
    if not 0 <= customers <= MAX_CUSTOMERS:
        raise RejectedInput("demo_customers", f"customers must be 0–{MAX_CUSTOMERS}", value=customers)
    if path.exists():
        raise RejectedInput("book_exists", f"A file already exists at {path}; demo books are always new",
                            path=str(path))
    today = today or clock.today_in(DEFAULTS["timezone"])  # the book's date, as `today` and the app read it
    started = time.perf_counter()
    steps = _Steps(progress, is_cancelled)
    steps(0, "customers")
    # Built under `<name>.partial` and renamed when whole: a killed build leaves no book at `path`, and the
    # next build removes what it left (unless that build is still running: its lock says so).
    partial = path.with_name(path.name + ".partial")
    with BookLock(partial, "huitouke demo"):
        _remove_book(partial, keep_lock=True)
    book = Book.open(partial, create=True, daily_backup=False)
    try:
        with book.session() as session:
            _fill(session, Dice(seed), customers, today, steps)
            steps(99, "summary")
            summary = _summary(session, time.perf_counter() - started)
        with book.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA journal_mode=WAL")
    except BaseException:
        book.close()
        _remove_book(partial)
        raise
    book.close()
    if path.exists():
        _remove_book(partial)
        raise RejectedInput("book_exists", f"A file already exists at {path}; demo books are always new",
                            path=str(path))
    partial.replace(path)
    _remove_book(partial)
    steps(100, "done")
    return summary


def _remove_book(path: Path, keep_lock: bool = False) -> None:
    for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm"), *(() if keep_lock else (lock_path_for(path),))):
        leftover.unlink(missing_ok=True)


def _fill(session: Session, rng: random.Random, count: int, today: dt.date, steps: _Steps) -> None:
    raw = session.connection().connection.driver_connection
    assert raw is not None  # a connection checked out of the pool has its sqlite3 connection
    if not raw.in_transaction:
        # A rollback journal only copies pages that existed before the transaction, and a new book has
        # none: the ~400 MB of a big demo are written once instead of to the WAL and again at checkpoint.
        # build_demo switches the book back to WAL when it is done.
        raw.execute("PRAGMA journal_mode=DELETE")
    raw.execute("PRAGMA cache_size=-262144")  # 256 MB while bulk loading
    raw.execute("PRAGMA threads=2")  # index rebuilds sort on both cores
    cur = raw.cursor()
    # Secondary indexes are dropped while loading and rebuilt at the end: one sort per index instead
    # of ~500,000 random B-tree inserts (their exact CREATE statements are kept from sqlite_master).
    indexes = cur.execute(
        "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN"
        f" ({', '.join('?' * len(BULK_TABLES))}) ORDER BY name", BULK_TABLES).fetchall()
    for name, _table, _sql in indexes:
        cur.execute(f'DROP INDEX "{name}"')
    stamp = ts(dt.datetime.combine(today, BOOK_CLOCK))
    assert stamp is not None  # ts() is None only for a missing moment
    load = _Loader(cur, stamp)
    try:
        people = make_people(rng, count, today, HISTORY_DAYS)
        steps(8, "customers")
        _load_customers(load, rng, people, today, steps)
        sketches = simulate(rng, people, today)
        steps(25, "orders")
        after = AfterSales(rng, today)
        writer = OrderWriter(rng, today, list(range(1, len(data.PRODUCTS) + 1)))
        for start in range(0, len(sketches), _CHUNK):
            orders, items = [], []
            for order_id, sketch in enumerate(sketches[start:start + _CHUNK], start=start + 1):
                order, order_items, placed = writer.rows(order_id, sketch)
                orders.append(order)
                items += order_items
                after.on_order(placed)
            load((Order, ORDER_COLUMNS, orders), (OrderItem, ITEM_COLUMNS, items))
            steps(25 + 55 * (start + len(orders)) / len(sketches), "orders")
        after.finish(people)
        after.fresh_cases(len(people))
        load((Complaint, COMPLAINT_COLUMNS, after.complaints), (ComplaintStep, STEP_COLUMNS, after.steps),
             (BadReview, REVIEW_COLUMNS, after.reviews), (ContactLog, CONTACT_COLUMNS, after.contacts),
             (Coupon, COUPON_COLUMNS, after.coupons), (PointsEntry, POINTS_COLUMNS, after.points))
    finally:
        load.close()
    steps(82, "indexes")
    for _name, table, sql in indexes:
        if table != "customer":  # the aggregates below read the orders indexes
            cur.execute(sql)
    steps(88, "customer figures")
    set_setting(session, "shop_name", SHOP_NAME)
    customer_stats.refresh(session)
    customer_stats.update_stages(session, today)
    refresh_tag_names(session)
    session.execute(text(
        "UPDATE customer SET member_level_id = (SELECT l.id FROM member_level l"
        " WHERE customer.total_spend_cents >= l.min_spend_cents OR customer.purchase_days >= l.min_purchases"
        " ORDER BY l.rank DESC LIMIT 1) WHERE purchase_days > 0"))
    steps(95, "indexes")
    for _name, table, sql in indexes:
        if table == "customer":  # after the figures are written: no index upkeep per updated row
            cur.execute(sql)
    steps(97, "reminders")
    # the products' suggested cycles, as every order write keeps them (core.product_links): a product without a
    # cycle of its own gets its tasks from them, here as after any later write (an import of the book's export)
    refresh_suggestions(session)
    work_the_list(session, rng, today)
    raw.execute("PRAGMA cache_size=-32000")
    raw.execute("PRAGMA threads=0")


def _load_customers(load: _Loader, rng: random.Random, people: list[Person], today: dt.date,
                    steps: _Steps) -> None:
    """Member levels, products, tags, then the customers and their tags."""
    load((MemberLevel, ("id", "name", "rank", "min_spend_cents", "min_purchases", "discount_percent"),
          [(i, *level) for i, level in enumerate(MEMBER_LEVELS, start=1)]))
    listed = ts(dt.datetime.combine(today - dt.timedelta(days=HISTORY_DAYS + 30), dt.time(9, 0)))
    load((Product, ("id", "name", "category", "price_cents", "cycle_days", "lead_days", "code", "created_at"),
          [(i, name, cat, price * 100, cycle, 3 if not cycle or cycle > 20 else 2, f"SKU{i:04d}", listed)
           for i, (name, cat, price, cycle, _spec, _pop) in enumerate(data.PRODUCTS, start=1)]))
    tag_ids = {name: i for i, (name, _w) in enumerate(data.TAGS, start=1)}
    load((Tag, ("id", "name", "color"),
          [(i, name, data.TAG_COLORS[i % len(data.TAG_COLORS)]) for name, i in tag_ids.items()]))
    for start in range(0, len(people), _CHUNK):
        chunk = people[start:start + _CHUNK]
        load((Customer, CUSTOMER_COLUMNS, [_customer_row(rng, p) for p in chunk]),
             (CustomerTag, ("customer_id", "tag_id"), [row for p in chunk for row in _tag_rows(rng, p, tag_ids)]))
        steps(8 + 7 * (start + len(chunk)) / max(1, len(people)), "customers")


class _Loader:
    """Bulk inserts on one worker thread, one call at a time, while the caller prepares the next rows.

    sqlite3 releases the GIL while SQLite works, so making rows in Python and storing them overlap.
    The connection allows other threads (SQLAlchemy opens file books with check_same_thread=False)
    and is never used by two threads at once: every call waits for the previous one, and `close()`
    waits for the last before anyone else touches the connection.
    """

    def __init__(self, cur, stamp: str) -> None:
        self._cur = cur
        self._stamp = stamp
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="demo-insert")
        self._pending: Future | None = None

    def __call__(self, *batches: tuple) -> None:
        """Insert (model, columns, rows) batches in the background, after the previous call's."""
        self._wait()
        self._pending = self._pool.submit(self._run, batches)

    def _run(self, batches) -> None:
        for model, columns, rows in batches:
            _insert(self._cur, model.__table__, columns, rows, self._stamp)

    def _wait(self) -> None:
        pending, self._pending = self._pending, None
        if pending is not None:
            pending.result()

    def close(self) -> None:
        try:
            self._wait()
        finally:
            self._pool.shutdown(wait=True)


BULK_TABLES = ("customer", "customer_tag", "orders", "order_item", "contact_log", "coupon", "points_ledger")
CUSTOMER_COLUMNS = (
    "id", "name", "real_name", "phone", "phone_norm", "wechat_id", "qq", "platform_buyer_id", "email",
    "province", "city", "district", "address_detail", "gender", "birth_year", "birth_month", "birth_day",
    "birthday_lunar", "source_channel", "referred_by_id", "personality", "note", "do_not_disturb",
    "risk_buyer", "search_text", "name_initials", "created_at", "updated_at",
)


def _customer_row(rng: random.Random, p: Person) -> tuple:
    profile = profile_row(rng, p)
    search_text, initials = build_search_text(
        name=p.name, real_name=p.real_name, phones=(p.phone_norm or p.phone,), wechat_id=p.wechat_id,
        platform_buyer_id=p.platform_buyer_id, qq=p.qq)
    return (
        p.id, p.name, p.real_name, p.phone, p.phone_norm, p.wechat_id, p.qq, p.platform_buyer_id, p.email,
        p.province, p.city, p.district, p.address_detail, p.gender, profile["birth_year"],
        profile["birth_month"], profile["birth_day"], profile["birthday_lunar"], p.source_channel,
        p.referred_by_id, profile["personality"], profile["note"], int(p.do_not_disturb), int(p.risk_buyer),
        search_text, initials, ts(p.joined), ts(p.joined),
    )


def _tag_rows(rng: random.Random, p: Person, tag_ids: dict[str, int]) -> list[tuple[int, int]]:
    names: list[str] = []
    if p.referred_by_id is not None and rng.random() < 0.7:
        names.append("老客户介绍")
    if data.PRODUCTS[p.favourite][1] in ("护肤", "面膜") and rng.random() < 0.6:
        names.append(rng.choice(_SKIN_TAGS))
    r = rng.random()
    for _ in range(0 if r < 0.5 else 1 if r < 0.85 else 2):
        name = _TAG(rng)
        if name not in names:
            names.append(name)
    return [(p.id, tag_ids[name]) for name in names]


def _default(column, stamp: str):
    """The value a bulk row gets for a column it does not name; None when the database decides."""
    if column.primary_key or column.server_default is not None:
        return None
    default = column.default
    if default is None:
        if column.nullable:
            return None
        raise ValueError(f"demo rows must name {column.table.name}.{column.name}")
    if default.is_scalar:
        return int(default.arg) if isinstance(default.arg, bool) else default.arg
    return stamp  # the only callable defaults are "now" timestamps


def _insert(cur, table: Table, columns: tuple[str, ...], rows: list[tuple], stamp: str) -> None:
    """executemany INSERT of `rows` (tuples in `columns` order); other columns get their defaults."""
    if not rows:
        return
    tail_names, tail = [], []
    for column in table.columns:
        if column.name in columns:
            continue
        value = _default(column, stamp)
        if value is not None:
            tail_names.append(column.name)
            tail.append(value)
    names = ", ".join(f'"{n}"' for n in (*columns, *tail_names))
    marks = ", ".join("?" * (len(columns) + len(tail_names)))
    fixed = tuple(tail)
    cur.executemany(f'INSERT INTO "{table.name}" ({names}) VALUES ({marks})',
                    [row + fixed for row in rows] if fixed else rows)


def _summary(session: Session, seconds: float) -> DemoSummary:
    def scalar(sql: str) -> int:
        return int(session.execute(text(sql)).scalar() or 0)

    return DemoSummary(
        customers=scalar("SELECT COUNT(*) FROM customer"),
        products=scalar("SELECT COUNT(*) FROM product"),
        orders=scalar("SELECT COUNT(*) FROM orders"),
        order_items=scalar("SELECT COUNT(*) FROM order_item"),
        purchases=scalar("SELECT COUNT(*) FROM orders WHERE is_purchase"),
        paid_cents=scalar("SELECT SUM(paid_cents) FROM orders"),
        revenue_cents=scalar("SELECT SUM(paid_cents - refund_cents) FROM orders WHERE is_purchase"),
        complaints=scalar("SELECT COUNT(*) FROM complaint"),
        bad_reviews=scalar("SELECT COUNT(*) FROM bad_review"),
        contacts=scalar("SELECT COUNT(*) FROM contact_log"),
        coupons=scalar("SELECT COUNT(*) FROM coupon"),
        points_entries=scalar("SELECT COUNT(*) FROM points_ledger"),
        tags=scalar("SELECT COUNT(*) FROM tag"),
        customer_tags=scalar("SELECT COUNT(*) FROM customer_tag"),
        seconds=round(seconds, 2),
    )
