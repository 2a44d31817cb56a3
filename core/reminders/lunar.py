"""Lunar (农历) to solar dates for lunar years 1900–2099, from the published Chinese calendar.

One number per lunar year, in the layout the Chinese calendar tables have long used: bits 15..4 say
whether months 1..12 have 30 days (1) or 29 (0); bits 3..0 name the leap month (0: none); bit 16 says
whether that leap month has 30 days. Lunar 1900-01-01 is solar 1900-01-31. The table was checked day by
day against lunardate 0.3.0 (1900–2099) when it replaced that GPL library.
"""

from __future__ import annotations

import datetime as dt
import functools

FIRST_YEAR = 1900
_EPOCH = dt.date(1900, 1, 31)  # lunar 1900, month 1, day 1
_YEARS = (
    0x04bd8, 0x04ae0, 0x0a570, 0x054d5, 0x0d260, 0x0d950, 0x16554, 0x056a0, 0x09ad0, 0x055d2,
    0x04ae0, 0x0a5b6, 0x0a4d0, 0x0d250, 0x1d255, 0x0b540, 0x0d6a0, 0x0ada2, 0x095b0, 0x14977,
    0x04970, 0x0a4b0, 0x0b4b5, 0x06a50, 0x06d40, 0x1ab54, 0x02b60, 0x09570, 0x052f2, 0x04970,
    0x06566, 0x0d4a0, 0x0ea50, 0x06e95, 0x05ad0, 0x02b60, 0x186e3, 0x092e0, 0x1c8d7, 0x0c950,
    0x0d4a0, 0x1d8a6, 0x0b550, 0x056a0, 0x1a5b4, 0x025d0, 0x092d0, 0x0d2b2, 0x0a950, 0x0b557,
    0x06ca0, 0x0b550, 0x15355, 0x04da0, 0x0a5d0, 0x14573, 0x052b0, 0x0a9a8, 0x0e950, 0x06aa0,
    0x0aea6, 0x0ab50, 0x04b60, 0x0aae4, 0x0a570, 0x05260, 0x0f263, 0x0d950, 0x05b57, 0x056a0,
    0x096d0, 0x04dd5, 0x04ad0, 0x0a4d0, 0x0d4d4, 0x0d250, 0x0d558, 0x0b540, 0x0b5a0, 0x195a6,
    0x095b0, 0x049b0, 0x0a974, 0x0a4b0, 0x0b27a, 0x06a50, 0x06d40, 0x0af46, 0x0ab60, 0x09570,
    0x04af5, 0x04970, 0x064b0, 0x074a3, 0x0ea50, 0x06b58, 0x05ac0, 0x0ab60, 0x096d5, 0x092e0,
    0x0c960, 0x0d954, 0x0d4a0, 0x0da50, 0x07552, 0x056a0, 0x0abb7, 0x025d0, 0x092d0, 0x0cab5,
    0x0a950, 0x0b4a0, 0x0baa4, 0x0ad50, 0x055d9, 0x04ba0, 0x0a5b0, 0x15176, 0x052b0, 0x0a930,
    0x07954, 0x06aa0, 0x0ad50, 0x05b52, 0x04b60, 0x0a6e6, 0x0a4e0, 0x0d260, 0x0ea65, 0x0d530,
    0x05aa0, 0x076a3, 0x096d0, 0x04afb, 0x04ad0, 0x0a4d0, 0x1d0b6, 0x0d250, 0x0d520, 0x0dd45,
    0x0b5a0, 0x056d0, 0x055b2, 0x049b0, 0x0a577, 0x0a4b0, 0x0aa50, 0x1b255, 0x06d20, 0x0ada0,
    0x14b63, 0x09370, 0x049f8, 0x04970, 0x064b0, 0x168a6, 0x0ea50, 0x06aa0, 0x1a6c4, 0x0aae0,
    0x092e0, 0x0d2e3, 0x0c960, 0x0d557, 0x0d4a0, 0x0da50, 0x05d55, 0x056a0, 0x0a6d0, 0x055d4,
    0x052d0, 0x0a9b8, 0x0a950, 0x0b4a0, 0x0b6a6, 0x0ad50, 0x055a0, 0x0aba4, 0x0a5b0, 0x052b0,
    0x0b273, 0x06930, 0x07337, 0x06aa0, 0x0ad50, 0x14b55, 0x04b60, 0x0a570, 0x054e4, 0x0d160,
    0x0e968, 0x0d520, 0x0daa0, 0x16aa6, 0x056d0, 0x04ae0, 0x0a9d4, 0x0a2d0, 0x0d150, 0x0f252,
)
LAST_YEAR = FIRST_YEAR + len(_YEARS) - 1


def month_days(year: int, month: int) -> int:
    """Days (29 or 30) of the ordinary (not leap) lunar `month` of lunar `year`."""
    return 30 if _YEARS[year - FIRST_YEAR] & (0x10000 >> month) else 29


def leap_month(year: int) -> int:
    """The leap month of lunar `year` (it follows the ordinary month of that number), 0 if none."""
    return _YEARS[year - FIRST_YEAR] & 0xF


def _leap_days(year: int) -> int:
    if not leap_month(year):
        return 0
    return 30 if _YEARS[year - FIRST_YEAR] & 0x10000 else 29


@functools.cache
def _year_days(year: int) -> int:
    return sum(month_days(year, m) for m in range(1, 13)) + _leap_days(year)


@functools.cache
def _new_year(year: int) -> dt.date:
    """The solar date of lunar new year (month 1, day 1) of lunar `year`."""
    if year == FIRST_YEAR:
        return _EPOCH
    return _new_year(year - 1) + dt.timedelta(days=_year_days(year - 1))


def to_solar(year: int, month: int, day: int) -> dt.date:
    """The solar date of ordinary lunar `month`/`day` of lunar `year`.

    Raises ValueError when the year is outside 1900–2099 or the month has no such day.
    """
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValueError(f"lunar year {year} is outside {FIRST_YEAR}-{LAST_YEAR}")
    if not 1 <= month <= 12 or not 1 <= day <= month_days(year, month):
        raise ValueError(f"lunar {year}-{month}-{day} does not exist")
    offset = sum(month_days(year, m) for m in range(1, month)) + day - 1
    if 0 < leap_month(year) < month:
        offset += _leap_days(year)
    return _new_year(year) + dt.timedelta(days=offset)
