"""My shop: the Settings section and the first-run step, on a real book (offscreen widgets)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QTime

from core.reminders import regenerate
from core.reminders.today import day_list
from core.shop import ShopService
from ui.widgets.shop_settings import ShopSettingsSection, ShopSetupDialog, ask_for_shop_once


def test_the_section_saves_name_platforms_windows_and_capacity(qtbot, book):
    section = ShopSettingsSection(ShopService(book))
    qtbot.addWidget(section)
    assert len(section.window_rows) == 3 and section.capacity_spin.value() == 40
    section.name_edit.setText("小蜜蜂农场")
    section.platform_boxes["taobao"].setChecked(True)
    section.platform_boxes["wechat"].setChecked(True)
    section._remove_window(section.window_rows[2][0])
    section.window_rows[0][1].setTime(QTime(10, 0))
    section.capacity_spin.setValue(25)
    with qtbot.waitSignal(section.saved):
        assert section.save()
    profile = ShopService(book).profile()
    assert (profile.name, profile.platforms, profile.daily_capacity, profile.setup_done) == (
        "小蜜蜂农场", ("wechat", "taobao"), 25, True)
    assert profile.contact_windows == ((dt.time(10), dt.time(12)), (dt.time(14), dt.time(18)))


def test_a_refused_window_is_explained_and_nothing_is_stored(qtbot, book):
    section = ShopSettingsSection(ShopService(book))
    qtbot.addWidget(section)
    section.name_edit.setText("新名字")
    section.window_rows[0][1].setTime(QTime(13, 0))  # 13:00–12:00
    assert not section.save()
    assert section.error.text() != "" and section.status_label.text() == ""
    assert ShopService(book).profile().name == ""


def test_the_first_run_step_is_asked_once(qtbot, book, make_customer, make_order):
    dialog = ask_for_shop_once(None, ShopService(book))
    assert isinstance(dialog, ShopSetupDialog)
    qtbot.addWidget(dialog)
    dialog.section.name_edit.setText("小店")
    dialog.section.capacity_spin.setValue(2)
    dialog.section.save_button.click()
    assert dialog.result() == ShopSetupDialog.DialogCode.Accepted
    assert ask_for_shop_once(None, ShopService(book)) is None
    for i in range(3):
        make_order(make_customer(name=f"客{i}", phone=f"1380000000{i}").id, "2026-04-12", status="unpaid")
    with book.session() as s:
        regenerate(s, dt.date(2026, 4, 12))
        assert len(day_list(s, dt.date(2026, 4, 12)).tasks) == 2  # the capacity chosen in the first-run step


def test_later_does_not_ask_again(qtbot, book):
    dialog = ask_for_shop_once(None, ShopService(book))
    qtbot.addWidget(dialog)
    dialog.later_button.click()
    assert ask_for_shop_once(None, ShopService(book)) is None and ShopService(book).profile().name == ""
