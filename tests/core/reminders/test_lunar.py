"""The lunar calendar table: known festival dates, leap months, day 30 and the table's range."""

import datetime as dt

import pytest

from core.reminders.birthdays import lunar_to_solar
from core.reminders.lunar import FIRST_YEAR, LAST_YEAR, leap_month, to_solar

KNOWN = [
    ((1900, 1, 1), dt.date(1900, 1, 31)),
    ((2023, 1, 1), dt.date(2023, 1, 22)),
    ((2023, 3, 1), dt.date(2023, 4, 20)),  # after 2023's leap second month
    ((2023, 12, 30), dt.date(2024, 2, 9)),  # 除夕
    ((2024, 1, 1), dt.date(2024, 2, 10)),
    ((2025, 1, 1), dt.date(2025, 1, 29)),
    ((2025, 7, 7), dt.date(2025, 8, 29)),  # 七夕, after 2025's leap sixth month
    ((2025, 8, 15), dt.date(2025, 10, 6)),  # 中秋
    ((2026, 1, 1), dt.date(2026, 2, 17)),
    ((2099, 12, 30), dt.date(2100, 2, 8)),
]


@pytest.mark.parametrize(("lunar", "solar"), KNOWN)
def test_known_dates(lunar, solar):
    assert to_solar(*lunar) == solar


def test_leap_months():
    assert (leap_month(2023), leap_month(2025), leap_month(2024), leap_month(2020)) == (2, 6, 0, 4)


def test_day_that_does_not_exist_and_years_outside_the_table_raise():
    with pytest.raises(ValueError):
        to_solar(2024, 1, 30)  # 正月 of 2024 has 29 days
    with pytest.raises(ValueError):
        to_solar(FIRST_YEAR - 1, 1, 1)
    with pytest.raises(ValueError):
        to_solar(LAST_YEAR + 1, 1, 1)
    with pytest.raises(ValueError):
        to_solar(2024, 13, 1)


def test_every_new_year_falls_in_its_season_and_years_follow_one_another():
    previous = None
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        new_year = to_solar(year, 1, 1)
        assert dt.date(year, 1, 21) <= new_year <= dt.date(year, 2, 20), year
        if previous is not None:
            assert (new_year - previous).days in (353, 354, 355, 383, 384, 385), year
        previous = new_year


def test_birthday_on_day_30_of_a_short_month_falls_on_day_29():
    assert lunar_to_solar(2024, 1, 30) == dt.date(2024, 3, 9)
    assert lunar_to_solar(2101, 1, 1) is None
