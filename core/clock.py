"""The one clock of core: the local wall-clock time and the seller's "today".

Services take `today` / `now` arguments (tests and the CLI's `--date` inject them); when a caller passes
none, the default comes from here, never from an inline `date.today()` / `datetime.now()`. Times are naive
local wall-clock times without microseconds (what the book stores). The seller's "today" is the date in the
book's time zone: `core.settings.local_today(session)` reads the zone and asks `today_in` here.
This module imports nothing of core, so every module (the models included) may use it.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo


def now() -> dt.datetime:
    """This computer's local wall-clock time, without microseconds."""
    return dt.datetime.now().replace(microsecond=0)


def today() -> dt.date:
    """This computer's local date (services that have a session use `core.settings.local_today`)."""
    return dt.date.today()


def today_in(zone: str) -> dt.date:
    """Today's date in an IANA time zone (e.g. "Asia/Shanghai"); this computer's date if the zone is unknown."""
    try:
        return dt.datetime.now(ZoneInfo(zone)).date()
    except (KeyError, ValueError):
        return today()
