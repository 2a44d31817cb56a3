"""My shop: name, platforms, contact windows and daily capacity stored in the book; bad values refused
with a code and nothing written; the Today list follows the windows and the capacity."""

from __future__ import annotations

import datetime as dt

import pytest

from core.errors import ValidationError
from core.reminders import regenerate, today_list
from core.reminders.today import day_list
from core.settings import get_setting
from core.shop import ShopProfile, ShopService

T = dt.time


def test_defaults_then_save_and_read_back(book):
    shop = ShopService(book)
    first = shop.profile()
    assert (first.name, first.platforms, first.daily_capacity, first.setup_done) == ("", (), 40, False)
    assert first.contact_windows == ((T(9, 30), T(12)), (T(14), T(18)), (T(20), T(22)))
    saved = shop.save(ShopProfile("  小蜜蜂  农场 ", ("taobao", "wechat"), ((T(19), T(21)), (T(10), T(11, 30))), 25))
    assert saved == ShopProfile("小蜜蜂 农场", ("wechat", "taobao"), ((T(10), T(11, 30)), (T(19), T(21))), 25, True)
    with book.session() as s:
        assert get_setting(s, "reminder.contact_windows") == [["10:00", "11:30"], ["19:00", "21:00"]]


@pytest.mark.parametrize(("profile", "code"), [
    (ShopProfile("店" * 41, (), ((T(9), T(10)),), 40), "shop_name_too_long"),
    (ShopProfile("店", ("ebay",), ((T(9), T(10)),), 40), "shop_platform_unknown"),
    (ShopProfile("店", (), ((T(12), T(10)),), 40), "contact_window_invalid"),
    (ShopProfile("店", (), ((T(9), T(12)), (T(11), T(13))), 40), "contact_window_invalid"),
    (ShopProfile("店", (), (), 40), "contact_window_invalid"),
    (ShopProfile("店", (), ((T(9), T(10)),), 0), "daily_capacity_invalid"),
    (ShopProfile("店", (), ((T(9), T(10)),), 501), "daily_capacity_invalid"),
])
def test_bad_values_are_refused_and_nothing_is_written(book, profile, code):
    shop = ShopService(book)
    before = shop.profile()
    with pytest.raises(ValidationError) as raised:
        shop.save(profile)
    assert raised.value.code == code
    assert shop.profile() == before


def test_the_today_list_follows_the_windows_and_the_capacity(book, make_customer, make_order):
    for i in range(5):
        make_order(make_customer(name=f"客{i}", phone=f"1380000000{i}").id, "2026-04-12", status="unpaid")
    ShopService(book).save(ShopProfile("小店", (), ((T(13), T(15)),), 3))
    with book.session() as s:
        regenerate(s, dt.date(2026, 4, 12))
        listed = day_list(s, dt.date(2026, 4, 12), now=dt.datetime(2026, 4, 12, 9))
        assert (len(listed.tasks), listed.total, listed.contact_window.label) == (3, 5, "13:00–15:00")
        late = today_list(s, dt.date(2026, 4, 12), now=dt.datetime(2026, 4, 12, 16))
        assert (late.contact_window.day, late.contact_window.label) == (dt.date(2026, 4, 13), "13:00–15:00")


def test_skipping_the_first_run_step_marks_it_answered(book):
    ShopService(book).skip_setup()
    assert ShopService(book).profile().setup_done is True
