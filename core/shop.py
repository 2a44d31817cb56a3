"""My shop: the shop's name, the platforms it sells on, the seller's contact windows and daily capacity.

Stored as book settings: `shop_name` (the {shop} / {店铺} of every message), `shop.platforms` (codes of
core.book.models.PLATFORM_VALUES), `reminder.contact_windows` (["HH:MM", "HH:MM"] pairs, the Today list's
"best time"), `reminder.daily_capacity` (how many tasks the day's list holds) and `shop.setup_done` (the
first-run step was answered or skipped). `save` checks everything first and writes nothing on a bad value
(ValidationError: shop_name_too_long, shop_platform_unknown, contact_window_invalid, daily_capacity_invalid).
"""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass

from core.book.models import PLATFORM_VALUES
from core.errors import ValidationError
from core.settings import get_setting, set_setting

MAX_CAPACITY = 500
MAX_SHOP_NAME = 40
MAX_WINDOWS = 6


@dataclass(frozen=True)
class ShopProfile:
    name: str
    platforms: tuple[str, ...]
    contact_windows: tuple[tuple[dt.time, dt.time], ...]
    daily_capacity: int
    setup_done: bool = False


def parse_windows(value) -> tuple[tuple[dt.time, dt.time], ...]:
    """The stored windows as times (ValidationError contact_window_invalid when malformed or start ≥ end)."""
    windows = []
    try:
        for start, end in value:
            begin, finish = dt.time.fromisoformat(str(start)), dt.time.fromisoformat(str(end))
            if begin >= finish:
                raise ValueError(f"{start} ≥ {end}")
            windows.append((begin, finish))
    except (TypeError, ValueError) as e:
        raise ValidationError("contact_window_invalid", str(e), field="contact_windows", value=str(value)) from e
    if not windows or len(windows) > MAX_WINDOWS:
        raise ValidationError("contact_window_invalid", field="contact_windows", value=str(value))
    return tuple(sorted(windows))


def read_profile(session) -> ShopProfile:
    return ShopProfile(
        name=str(get_setting(session, "shop_name") or ""),
        platforms=tuple(get_setting(session, "shop.platforms")),
        contact_windows=parse_windows(get_setting(session, "reminder.contact_windows")),
        daily_capacity=int(get_setting(session, "reminder.daily_capacity")),
        setup_done=bool(get_setting(session, "shop.setup_done")),
    )


def write_profile(session, profile: ShopProfile) -> ShopProfile:
    """Check every field, then store them all (and mark the first-run step answered)."""
    name = " ".join(profile.name.split())
    if len(name) > MAX_SHOP_NAME:
        raise ValidationError("shop_name_too_long", field="shop_name", value=name, limit=MAX_SHOP_NAME)
    unknown = [p for p in profile.platforms if p not in PLATFORM_VALUES]
    if unknown:
        raise ValidationError("shop_platform_unknown", field="platforms", value=unknown[0])
    windows = parse_windows([(a.strftime("%H:%M"), b.strftime("%H:%M")) for a, b in profile.contact_windows])
    for (_a, end), (start, _b) in itertools.pairwise(windows):
        if start < end:
            raise ValidationError("contact_window_invalid", "windows overlap", field="contact_windows",
                                  value=f"{start:%H:%M}")
    if not 1 <= int(profile.daily_capacity) <= MAX_CAPACITY:
        raise ValidationError("daily_capacity_invalid", field="daily_capacity", value=profile.daily_capacity,
                              limit=MAX_CAPACITY)
    set_setting(session, "shop_name", name)
    set_setting(session, "shop.platforms", [p for p in PLATFORM_VALUES if p in profile.platforms])
    set_setting(session, "reminder.contact_windows", [[a.strftime("%H:%M"), b.strftime("%H:%M")] for a, b in windows])
    set_setting(session, "reminder.daily_capacity", int(profile.daily_capacity))
    set_setting(session, "shop.setup_done", True)
    return read_profile(session)


class ShopService:
    """My shop on one book, each call one short transaction (for ui/)."""

    def __init__(self, book) -> None:
        self.book = book

    def profile(self) -> ShopProfile:
        with self.book.session() as s:
            return read_profile(s)

    def save(self, profile: ShopProfile) -> ShopProfile:
        with self.book.session() as s:
            return write_profile(s, profile)

    def skip_setup(self) -> None:
        """The seller closed the first-run step without filling it: do not ask again."""
        with self.book.session() as s:
            set_setting(s, "shop.setup_done", True)
