"""Demo orders: when each customer buys (product cycles), then what each order looks like.

`simulate` walks every customer through time: after each purchase the next one comes about
cycle × quantity days later (log-normal noise, sometimes a skipped cycle) until the customer churns or
today is reached. `OrderWriter.rows` then turns the orders, in time order, into table rows: platform
order numbers, a status that fits the order's age, consistent amounts (goods + postage − discount =
paid), times, receivers and tracking numbers.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import random
from dataclasses import dataclass

from core.book.models import PURCHASE_STATUSES
from core.demo import data
from core.demo.people import BOOK_CLOCK, Person, Picker, product_picker

HOUR = Picker(enumerate((2, 1, 1, .5, .5, .5, 1, 2, 4, 6, 8, 8, 9, 7, 6, 6, 6, 6, 7, 9, 12, 14, 12, 6)))
QUANTITY = Picker(((1, 75), (2, 20), (3, 4), (6, 1)))
PRICE_FACTOR = {"pinduoduo": 0.9, "douyin": 0.95, "tmall": 1.05}
NO_CYCLE_GAP = 150  # days between purchases driven by a product without a cycle (gift boxes)
FREE_POSTAGE_CENTS = 9900
# platform: (first number, smallest step, largest step); digits stay fixed for millions of orders
NUMBERING = {
    "taobao": (15 * 10 ** 16, 10 ** 11, 6 * 10 ** 11),  # 18 digits
    "pinduoduo": (10 ** 14, 10 ** 8, 10 ** 9),  # YYMMDD-15 digits
    "douyin": (5 * 10 ** 16, 10 ** 9, 10 ** 10),  # 69 + 17 digits = 19
    "youzan": (10 ** 8, 1, 999),  # E + time + 9 digits
    "weidian": (79 * 10 ** 13, 10 ** 3, 10 ** 5),  # 15 digits
}


@dataclass(slots=True)
class Sketch:
    """An order before it is written: when, who, where, what (product index, quantity, unit price)."""

    created: dt.datetime
    person: Person
    platform: str
    items: tuple[tuple[int, int, int], ...]
    coupon: bool


@dataclass(slots=True)
class Placed:
    """A written order, as the after-sales and marketing generators see it."""

    id: int
    person: Person
    platform: str
    status: str
    created: dt.datetime
    paid_at: dt.datetime | None
    delivered_at: dt.datetime | None
    done_at: dt.datetime
    goods_cents: int
    paid_cents: int
    coupon_cents: int
    items: tuple[tuple[int, int, int], ...]
    repeat: bool


@functools.cache
def _unit_cents(product_index: int, platform: str) -> int:
    price = data.PRODUCTS[product_index][2]
    return round(price * PRICE_FACTOR.get(platform, 1.0)) * 100


def _items(rng: random.Random, person: Person, staple: int, platform: str, products: Picker) -> tuple:
    main = staple if rng.random() < 0.85 else products(rng)
    chosen = [(main, QUANTITY(rng))]
    extras = 1 if rng.random() < 0.22 else (2 if rng.random() < 0.05 else 0)
    for _ in range(extras):
        other = products(rng)
        if all(other != c[0] for c in chosen):
            chosen.append((other, 1))
    return tuple([(pi, qty, _unit_cents(pi, platform)) for pi, qty in chosen])


def _moment(rng: random.Random, day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(HOUR(rng), rng.randrange(60), rng.randrange(60)))


def _gap_days(rng: random.Random, items: tuple) -> int:
    """Days until the next purchase: the main product's cycle × quantity, with noise and skipped cycles."""
    product, qty, _ = items[0]
    cycle = data.PRODUCTS[product][3] or NO_CYCLE_GAP
    r = rng.random()
    skip = 1 if r < 0.85 else (2 if r < 0.97 else 3)
    return max(2, round(cycle * qty * skip * math.exp(rng.gauss(0.0, 0.2))))


def simulate(rng: random.Random, people: list[Person], today: dt.date) -> list[Sketch]:
    """Every order of every customer up to `today`, sorted by creation time.

    A customer buys their favourite product until they churn; some also keep a second staple on its
    own cycle until that same day.
    """
    products = product_picker()
    sketches: list[Sketch] = []
    for person in people:
        if person.prospect:
            continue
        created = person.joined + dt.timedelta(minutes=rng.randint(1, 90))
        end = _stream(rng, person, person.favourite, created, today, None, products, sketches)
        if person.second is not None:
            first = _moment(rng, created.date() + dt.timedelta(days=rng.randint(1, 60)))
            _stream(rng, person, person.second, first, today, end, products, sketches)
    sketches.sort(key=lambda s: (s.created, s.person.id))
    return sketches


def _stream(rng: random.Random, person: Person, staple: int, created: dt.datetime, today: dt.date,
            end: dt.date | None, products: Picker, out: list[Sketch]) -> dt.date:
    """Orders of one staple from `created` until churn (end=None) or `end`; returns the last order day."""
    last = created.date()
    repeat = False
    now = dt.datetime.combine(today, BOOK_CLOCK)
    while created.date() <= today and (end is None or created.date() <= end):
        if created > now:
            # a late order on the last day moves to its morning (never before the customer joined)
            created = max(created - dt.timedelta(hours=12), person.joined)
        last = created.date()
        platform = person.platform
        if repeat and platform != "wechat" and rng.random() < 0.3:
            platform = "wechat"  # repeat buyers move to the seller's WeChat (私域)
        items = _items(rng, person, staple, platform, products)
        out.append(Sketch(created, person, platform, items, rng.random() < 0.08))
        if rng.random() < 0.02:  # forgot something: a second order the same day
            extra = _items(rng, person, staple, platform, products)[:1]
            extra_at = created + dt.timedelta(minutes=rng.randint(5, 120))
            if extra_at <= now:
                out.append(Sketch(extra_at, person, platform, extra, False))
        if end is None and rng.random() < person.churn:
            break
        created = _moment(rng, last + dt.timedelta(days=_gap_days(rng, items)))
        repeat = True
    return last


def _status(rng: random.Random, age: int) -> str:
    """A status that fits an order placed `age` days ago (mostly completed; recent ones in flight)."""
    r = rng.random()
    if age <= 0:
        return "unpaid" if r < 0.15 else ("paid" if r < 0.9 else "shipped")
    if age <= 2:
        return "closed" if r < 0.05 else ("paid" if r < 0.35 else "shipped")
    if age <= 6:
        return "closed" if r < 0.03 else ("refunded" if r < 0.04 else ("shipped" if r < 0.5 else "delivered"))
    if age <= 14:
        return ("closed" if r < 0.02 else "refunded" if r < 0.04 else "partial_refund" if r < 0.05
                else "delivered" if r < 0.4 else "completed")
    return ("closed" if r < 0.03 else "refunded" if r < 0.05 else "partial_refund" if r < 0.065
            else "completed")


def ts(moment: dt.datetime | None) -> str | None:
    """SQLAlchemy's SQLite DATETIME text for a whole-second moment."""
    return None if moment is None else moment.replace(microsecond=0).isoformat(" ") + ".000000"


ORDER_COLUMNS = (
    "id", "customer_id", "platform", "platform_order_no", "status", "is_purchase", "created_at", "order_date",
    "paid_at", "shipped_at", "delivered_at", "completed_at", "closed_at", "goods_cents", "postage_cents",
    "discount_cents", "paid_cents", "refund_cents", "tracking_no", "carrier", "buyer_message", "seller_note",
    "receiver_name", "receiver_phone", "receiver_address", "updated_at",
)
ITEM_COLUMNS = ("order_id", "product_id", "title", "sku_spec", "quantity", "unit_price_cents", "amount_cents")


class OrderWriter:
    """Turns sketches into order and item rows; remembers order numbers so they stay unique."""

    def __init__(self, rng: random.Random, today: dt.date, product_ids: list[int]) -> None:
        self.rng = rng
        self.today = today
        self.now = dt.datetime.combine(today, BOOK_CLOCK)
        self.product_ids = product_ids
        self.counters: dict[str, int] = {}

    def order_no(self, platform: str, created: dt.datetime) -> str | None:
        """A platform order number (text) in that platform's format; WeChat orders kept by hand have none.

        Numbers grow with time, as the platforms' do, so they are unique by construction and the
        (platform, number) unique index is filled in order.
        """
        key = "taobao" if platform == "tmall" else platform
        if key not in NUMBERING:
            return None
        start, low, high = NUMBERING[key]
        counter = self.counters.get(key, start) + self.rng.randint(low, high)
        self.counters[key] = counter
        if key == "taobao":
            return str(counter)
        if key == "pinduoduo":
            return f"{created:%y%m%d}-{counter}"
        if key == "douyin":
            return f"69{counter}"
        if key == "youzan":
            return f"E{created:%Y%m%d%H%M%S}{counter}"
        return str(counter)

    def _later(self, start: dt.datetime | None, low_hours: float, high_hours: float) -> dt.datetime:
        """A moment between low and high hours after `start` (set by the status that precedes it), never after now."""
        assert start is not None, "a later step of an order follows an earlier one"
        seconds = int((low_hours + (high_hours - low_hours) * self.rng.random()) * 3600)
        moment = start + dt.timedelta(seconds=seconds)
        return moment if moment < self.now else self.now

    def rows(self, order_id: int, s: Sketch) -> tuple[tuple, list[tuple], Placed]:
        """(order row, item rows, facts) for one sketch; columns as ORDER_COLUMNS / ITEM_COLUMNS."""
        rng, p = self.rng, s.person
        day = s.created.date()
        status = _status(rng, (self.today - day).days)
        goods = sum(qty * unit for _, qty, unit in s.items)
        postage = 0 if goods >= FREE_POSTAGE_CENTS or s.platform in ("pinduoduo", "douyin") else 800
        if p.province in data.REMOTE_PROVINCES:
            postage += 1200
        coupon = min(rng.choice((500, 1000, 2000)), goods // 2) if s.coupon else 0
        member = goods * 5 // 100 if p.member and rng.random() < 0.2 else 0
        discount = coupon + member
        paid_cents = goods + postage - discount
        paid_at = shipped = delivered = completed = closed = None
        refund = 0
        if status == "closed":
            closed = self._later(s.created, 24, 24)
        elif status != "unpaid":
            paid_at = self._later(s.created, 0.01, 0.7)
            if status != "paid":
                shipped = self._later(paid_at, 3, 40)
            if status in ("delivered", "completed", "partial_refund"):
                remote = 48 if p.province in data.REMOTE_PROVINCES else 0
                delivered = self._later(shipped, 20 + remote, 96 + remote)
            if status in ("completed", "partial_refund"):
                completed = self._later(delivered, 24, 240)
            if status == "refunded":
                closed = self._later(paid_at, 12, 120)
                refund = paid_cents
            elif status == "partial_refund":
                refund = max(100, paid_cents * rng.randint(10, 50) // 100)
        carrier, tracking = "", ""
        if shipped is not None:
            carrier, prefix, digits = rng.choice(data.CARRIERS)
            tracking = prefix + str(rng.randrange(10 ** (digits - 1), 10 ** digits))
        done = max(t for t in (s.created, paid_at, shipped, delivered, completed, closed) if t is not None)
        order = (
            order_id, p.id, s.platform, self.order_no(s.platform, s.created), status,
            int(status in PURCHASE_STATUSES), ts(s.created), day.isoformat(), ts(paid_at),
            ts(shipped), ts(delivered), ts(completed), ts(closed), goods, postage, discount, paid_cents, refund,
            tracking, carrier,
            rng.choice(data.BUYER_MESSAGES) if rng.random() < 0.05 else "",
            rng.choice(data.SELLER_NOTES) if rng.random() < 0.03 else "",
            p.receiver, p.phone, p.address, ts(done),
        )
        items = [
            (order_id, self.product_ids[pi], data.PRODUCTS[pi][0], data.PRODUCTS[pi][4], qty, unit, qty * unit)
            for pi, qty, unit in s.items
        ]
        placed = Placed(order_id, p, s.platform, status, s.created, paid_at, delivered, done, goods, paid_cents,
                        coupon, s.items, p.joined.date() != day)
        return order, items, placed
