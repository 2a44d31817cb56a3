"""Demo customers: who they are (names, phones, addresses, profile) and how they buy (platform, habits).

`make_people` draws every customer from one `random.Random`, so a seed always gives the same people.
Customers are numbered in the order they joined the shop (ids grow with time, as in a real book).
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import random
import string
from dataclasses import dataclass

from core.demo import data

# main platform: weight, source channels it brings (weighted)
PLATFORMS = {
    "wechat": (34, (("moments", 6), ("referral", 2), ("qzone", 1), ("weibo", 1))),
    "taobao": (22, (("taobao", 1),)),
    "pinduoduo": (15, (("pinduoduo", 1),)),
    "douyin": (12, (("douyin", 1),)),
    "youzan": (8, (("moments", 3), ("weibo", 1))),
    "weidian": (6, (("weidian", 1),)),
    "tmall": (3, (("taobao", 1),)),
}
# platforms whose exports mask the buyer's phone (DOMAIN.md §1)
MASKING_PLATFORMS = frozenset({"pinduoduo", "douyin"})
# how likely a customer stops buying after each purchase: (share of customers, churn probability)
HABITS = ((0.32, 0.75), (0.22, 0.2), (0.28, 0.05), (0.18, 0.01))
PROSPECT_SHARE = 0.04
BOOK_CLOCK = dt.time(20, 0)  # the book is written as of 20:00 on its "today": nothing happens later
SECOND_STAPLE_SHARE = 0.5


@dataclass(slots=True)
class Person:
    """One demo customer and the buying habits the order simulation follows."""

    id: int
    joined: dt.datetime
    gender: str
    real_name: str
    name: str
    phone: str
    phone_norm: str
    platform: str
    province: str
    city: str
    district: str
    address_detail: str
    churn: float
    favourite: int
    second: int | None
    prospect: bool
    member: bool
    risk_buyer: bool
    do_not_disturb: bool
    wechat_id: str = ""
    platform_buyer_id: str = ""
    qq: str = ""
    email: str = ""
    source_channel: str = ""
    referred_by_id: int | None = None

    receiver: str = ""  # name on parcels (real name, else the display name)
    address: str = ""  # one line, as platforms export it: 广东省 广州市 天河区 …

    def __post_init__(self) -> None:
        self.receiver = self.real_name or self.name
        city = "" if self.city == self.province else self.city + " "
        self.address = f"{self.province} {city}{self.district} {self.address_detail}"


class Dice(random.Random):
    """random.Random with cheaper small-range draws (the demo makes millions): same seed, same draws."""

    def randrange(self, start, stop=None, step=1):
        if stop is None:
            start, stop = 0, start
        span = stop - start
        if step != 1 or span <= 0:
            return super().randrange(start, stop, step)
        if span < 1 << 40:
            return start + int(self.random() * span)
        return start + self.getrandbits(span.bit_length() + 16) % span

    def randint(self, a, b):
        return self.randrange(a, b + 1)

    def choice(self, seq):
        return seq[int(self.random() * len(seq))]


class Picker:
    """Weighted choice over fixed (value, weight) pairs with precomputed cumulative weights."""

    def __init__(self, pairs) -> None:
        pairs = list(pairs)
        self.values = [v for v, _ in pairs]
        self.cum = list(itertools.accumulate(w for _, w in pairs))
        self.total = self.cum[-1]

    def __call__(self, rng: random.Random):
        return self.values[bisect.bisect_right(self.cum, rng.random() * self.total)]


_SURNAME = Picker(data.SURNAMES)
_PLATFORM = Picker((k, w) for k, (w, _) in PLATFORMS.items())
_SOURCES = {k: Picker(v) for k, (_, v) in PLATFORMS.items()}
_PROVINCE = Picker((k, w) for k, (w, _) in data.REGIONS.items())
_HABIT = Picker((churn, share) for share, churn in HABITS)
_ALNUM = string.ascii_lowercase + string.digits


def product_picker() -> Picker:
    """Products by popularity (indexes into demo_data.PRODUCTS)."""
    return Picker((i, p[5]) for i, p in enumerate(data.PRODUCTS))


def _real_name(rng: random.Random, gender: str) -> str:
    given = data.FEMALE_GIVEN if gender == "female" else data.MALE_GIVEN
    while True:
        name = _SURNAME(rng) + rng.choice(given)
        if name not in data.REAL_PEOPLE:
            return name


def _display_name(rng: random.Random, gender: str, real_name: str) -> tuple[str, str]:
    """(name, real_name) as a seller records them: real name, 王姐-style, or a WeChat nickname."""
    r = rng.random()
    if r < 0.58:
        return real_name, real_name
    if r < 0.74:
        hon = data.HONORIFICS_FEMALE if gender == "female" else data.HONORIFICS_MALE
        return real_name[0] + rng.choice(hon), real_name
    if r < 0.82:
        return "小" + real_name[-1], real_name
    nick = rng.choice(data.NICKNAMES)
    return nick, (real_name if r < 0.92 else "")


def _mobile(rng: random.Random, used: set[str]) -> str:
    while True:
        phone = rng.choice(data.MOBILE_PREFIXES) + f"{rng.randrange(10 ** 8):08d}"
        if phone not in used:
            used.add(phone)
            return phone


def _address(rng: random.Random) -> tuple[str, str, str, str]:
    province = _PROVINCE(rng)
    cities = data.REGIONS[province][1]
    city = rng.choice(list(cities))
    district = rng.choice(cities[city])
    road = rng.choice(data.ROADS)
    suffix = rng.choice(("路", "路", "街", "大道"))
    if rng.random() < 0.7:
        detail = (f"{road}{suffix}{rng.randint(1, 399)}号{rng.choice(data.ESTATES)}"
                  f"{rng.randint(1, 30)}栋{rng.randint(1, 4)}单元{rng.randint(1, 33)}{rng.randint(1, 4):02d}室")
    else:
        detail = f"{road}{suffix}{rng.randint(1, 999)}号{rng.choice(('', '附近', '东门', '3楼'))}"
    return province, city, district, detail


def _join_time(rng: random.Random, start: dt.date, days: int) -> dt.datetime:
    """A join moment in the window, leaning towards recent days (the shop grows)."""
    offset = int(days * rng.random() ** 0.9)
    day = start + dt.timedelta(days=offset)
    hour = rng.randint(7, 23)
    if day == start + dt.timedelta(days=days) and hour >= BOOK_CLOCK.hour:
        hour -= 12
    return dt.datetime.combine(day, dt.time(hour, rng.randrange(60), rng.randrange(60)))


def _ids(rng: random.Random, p: Person) -> None:
    """WeChat ID, platform buyer ID, QQ and email, as often as sellers have them."""
    if p.platform in ("wechat", "youzan", "weidian") or rng.random() < 0.25:
        if rng.random() < 0.45:
            p.wechat_id = "wxid_" + "".join(rng.choices(_ALNUM, k=14))
        elif rng.random() < 0.8:
            p.wechat_id = "".join(rng.choices(string.ascii_lowercase, k=rng.randint(3, 7))) + str(rng.randint(1, 9999))
    if p.platform in ("taobao", "tmall"):
        p.platform_buyer_id = rng.choice(("tb", "t_", "")) + (
            "".join(rng.choices(_ALNUM, k=rng.randint(6, 10))) if rng.random() < 0.6
            else p.name + str(rng.randint(1980, 2020)))
    elif p.platform in ("pinduoduo", "douyin"):
        p.platform_buyer_id = ("pdd" if p.platform == "pinduoduo" else "dy") + str(rng.randrange(10 ** 9, 10 ** 10))
    if rng.random() < 0.10:
        p.qq = str(rng.randrange(10 ** 5, 3 * 10 ** 9))
        if rng.random() < 0.3:
            p.email = p.qq + "@qq.com"


def make_people(rng: random.Random, count: int, today: dt.date, days: int) -> list[Person]:
    """`count` customers who joined in the `days` before `today`, numbered by join time (ids from 1)."""
    start = today - dt.timedelta(days=days)
    joins = sorted(_join_time(rng, start, days) for _ in range(count))
    products = product_picker()
    used_phones: set[str] = set()
    people: list[Person] = []
    for i, joined in enumerate(joins, start=1):
        gender = "female" if rng.random() < 0.72 else "male"
        real = _real_name(rng, gender)
        name, real_name = _display_name(rng, gender, real)
        platform = _PLATFORM(rng)
        phone = _mobile(rng, used_phones)
        phone_norm = phone
        r = rng.random()
        if platform in MASKING_PLATFORMS and r < 0.45:
            phone, phone_norm = phone[:3] + "****" + phone[-4:], ""
        elif r < 0.05:
            phone = phone_norm = ""
        province, city, district, detail = _address(rng)
        p = Person(
            id=i, joined=joined, gender=gender if rng.random() < 0.9 else "", real_name=real_name, name=name,
            phone=phone, phone_norm=phone_norm, platform=platform, province=province, city=city,
            district=district, address_detail=detail, churn=_HABIT(rng), favourite=products(rng),
            second=products(rng) if rng.random() < SECOND_STAPLE_SHARE else None,
            prospect=rng.random() < PROSPECT_SHARE, member=rng.random() < 0.3,
            risk_buyer=rng.random() < 0.004, do_not_disturb=rng.random() < 0.02,
        )
        if p.second == p.favourite:
            p.second = None
        _ids(rng, p)
        p.source_channel = _SOURCES[platform](rng)
        if i > 20 and rng.random() < 0.05:
            p.source_channel = "referral"
            p.referred_by_id = rng.randint(1, i - 1)
        people.append(p)
    return people


def profile_row(rng: random.Random, p: Person) -> dict:
    """Birthday, personality and notes of a customer (the parts nothing else depends on)."""
    row = {"birth_year": None, "birth_month": None, "birth_day": None, "birthday_lunar": 0,
           "personality": "", "note": ""}
    if rng.random() < 0.6:
        lunar = rng.random() < 0.3
        month = rng.randint(1, 12)
        last = 30 if lunar else (dt.date(2001 + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).day
        row.update(birth_month=month, birth_day=rng.randint(1, last), birthday_lunar=int(lunar),
                   birth_year=rng.randint(1962, 2004) if rng.random() < 0.55 else None)
    if rng.random() < 0.06:
        row["personality"] = rng.choice(data.PERSONALITIES)
    if rng.random() < 0.08:
        row["note"] = rng.choice(data.NOTES)
    return row
