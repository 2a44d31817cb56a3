"""The Today page: the day's list ranked and grouped by kind, the daily capacity with "More" and true group
totals, bulk skip / snooze of a group, copy to the clipboard, done/snooze/skip with the contact log, keyboard,
upcoming, the look-up, background regeneration, the counter in the window, settings preview."""

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from sqlalchemy import select

from core.book.models import ContactLog, Reminder
from core.customers import CustomerService, book_counts
from core.dto import ProductInput
from core.products import ProductService
from core.reminders.service import ReminderService
from ui.main_window import MainWindow
from ui.pages.today import TodayPage
from ui.session import Session
from ui.tasks import TaskRunner
from ui.widgets.reminder_settings import ReminderSettingsWidget

TODAY = dt.date(2026, 4, 12)
NOW = dt.datetime(2026, 4, 12, 10, 30)


@pytest.fixture
def shop(book, make_customer, make_order):
    """王芳: honey bought 1 Mar (repurchase due 12 Apr); 李娜: tea bought 1 Mar (use care 12 days late);
    张伟: unpaid order today."""
    honey = ProductService(book).create(ProductInput(name="蜂蜜500g", price_cents=6800, cycle_days=45))
    tea = ProductService(book).create(ProductInput(name="普洱茶", price_cents=9800, cycle_days=60))
    wang = make_customer(name="王芳", phone="13800138000", wechat_id="wangfang88")
    make_order(wang.id, "2026-03-01", [(honey.id, 1, 6800)])
    make_order(make_customer(name="李娜", phone="13900139000").id, "2026-03-01", [(tea.id, 1, 9800)])
    zhang = make_customer(name="张伟", phone="13700137000")
    make_order(zhang.id, "2026-04-12", [(honey.id, 1, 6800)], status="unpaid")
    ReminderService(book).regenerate(TODAY)
    return book


@pytest.fixture
def page(qtbot, shop):
    p = TodayPage(ReminderService(shop), CustomerService(shop), TaskRunner(), lambda: TODAY, lambda: NOW)
    qtbot.addWidget(p)
    p.reload()
    return p


def _texts(page):
    return [page.tree.topLevelItem(i).text(0) for i in range(page.tree.topLevelItemCount())]


def _select_kind(page, kind):
    item = next(i for i in page.task_items() if page._by_id[i.data(0, Qt.ItemDataRole.UserRole)].kind == kind)
    page.tree.setCurrentItem(item)
    return page.current_task()


def test_groups_follow_the_ranking_and_rows_show_reason_message_contact(page):
    # 催付 first (time-critical), then what is due today, then the overdue use care
    assert _texts(page) == ["Unpaid order (1)", "Repurchase (1)", "Use care (1)"]
    assert page.summary_label.text() == "3 for today · 3 due in all · 1 overdue"
    assert not page.more_button.isVisible()
    task = _select_kind(page, "repurchase")
    item = page.tree.currentItem()
    assert item.text(0) == "王芳"
    assert item.text(1) == "Bought 蜂蜜500g ×1 on 1 Mar; runs out around 15 Apr"
    assert item.text(3) == "13800138000 / wangfang88"
    assert item.text(5) == "09:30–12:00"
    assert page.message_edit.toPlainText() == task.message and "王芳" in task.message
    assert page.due_total == 3


@pytest.mark.slow
def test_copy_puts_the_message_on_the_clipboard_and_says_so(qtbot, page):
    _select_kind(page, "repurchase")
    page.message_edit.setPlainText("王芳，蜂蜜快用完了吧？")
    assert page.copied_note.text() == ""
    page.copy_message()
    assert QGuiApplication.clipboard().text() == "王芳，蜂蜜快用完了吧？"
    assert page.copied_note.text() == "✓ Copied" and page.copied_note.isVisibleTo(page)  # seen, then gone
    qtbot.waitUntil(lambda: page.copied_note.text() == "", timeout=5000)


def test_enter_copies_marks_contacted_removes_the_row_and_logs(qtbot, page, shop):
    task = _select_kind(page, "repurchase")
    page.tree.setFocus()
    with qtbot.waitSignal(page.book_modified):
        qtbot.keyClick(page.tree, Qt.Key.Key_Return)
    assert QGuiApplication.clipboard().text() == task.message
    assert task.id not in page._by_id
    assert page.due_total == 2
    with shop.session() as s:
        log = s.scalars(select(ContactLog)).one()
        assert (log.reminder_id, log.result, log.message, log.is_marketing) == (task.id, "contacted", task.message,
                                                                                 True)
        assert s.get(Reminder, task.id).status == "done"


def test_snooze_skip_and_no_answer(qtbot, page, shop, monkeypatch):
    use = _select_kind(page, "use_care")
    page.snooze(3)
    unpaid = _select_kind(page, "unpaid")
    qtbot.keyClick(page.tree, Qt.Key.Key_K)
    rep = _select_kind(page, "repurchase")
    qtbot.keyClick(page.tree, Qt.Key.Key_N)
    assert page.task_items() == []
    assert page.name_label.text() == "All done for today."
    with shop.session() as s:
        assert s.get(Reminder, use.id).snoozed_until == TODAY + dt.timedelta(days=3)
        assert s.get(Reminder, unpaid.id).status == "skipped"
        assert s.get(Reminder, rep.id).snoozed_until == TODAY + dt.timedelta(days=1)
        assert [log.result for log in s.scalars(select(ContactLog).order_by(ContactLog.id))] == [
            "snoozed", "skipped", "no_answer"]


def test_upcoming_is_one_click_away(page):
    page.upcoming_button.click()
    assert page.summary_label.text() == "1 in the next 7 days"  # 张伟's second unpaid reminder tomorrow
    assert _texts(page) == ["13 Apr (1)"]
    page.upcoming_button.click()
    assert page.due_total == 3


def test_look_up_explains_a_missing_customer(page, shop):
    CustomerService(shop).set_do_not_disturb([_select_kind(page, "repurchase").customer_id], True)
    page.lookup_edit.setText("王芳")
    page.explain_lookup()
    assert "Do not disturb" in page.lookup_label.text()


def test_background_regeneration_and_the_window_counter(qtbot, shop, settings):
    session = Session(book=shop, book_path=str(shop.path), settings=settings, today=lambda: TODAY)
    window = MainWindow(session, counts=lambda: book_counts(shop))
    qtbot.addWidget(window)
    with shop.session() as s:
        s.query(Reminder).delete()
    page = window.show_page("today")
    qtbot.waitUntil(lambda: page.due_total > 0, timeout=5000)
    assert window.navigation.item(0).text().startswith("Today (")
    assert "due today" in window.windowTitle()
    session.tasks.wait(3000)


def test_template_preview_reports_unknown_placeholders(qtbot, shop):
    widget = ReminderSettingsWidget(ReminderService(shop), lambda: TODAY)
    qtbot.addWidget(widget)
    row = next(i for i in range(widget.kind_list.count()) if widget.kind_list.item(i).data(Qt.ItemDataRole.UserRole)
               == "repurchase")
    widget.kind_list.setCurrentRow(row)
    widget.template_editor.template_edit.setPlainText("{昵称}，{商品}快用完啦 {价格}")
    assert widget.template_editor.preview_label.text() == "王姐，蜂蜜500g快用完啦 "
    assert "{价格}" in widget.template_editor.unknown_label.text()
    widget.save_template()
    assert ReminderService(shop).templates("zh_CN")[2].body.startswith("{昵称}")


def test_the_day_s_list_stops_at_the_capacity_and_more_brings_the_rest(qtbot, shop):
    from core.settings import set_setting

    with shop.session() as s:
        set_setting(s, "reminder.daily_capacity", 1)
    p = TodayPage(ReminderService(shop), CustomerService(shop), TaskRunner(), lambda: TODAY, lambda: NOW)
    qtbot.addWidget(p)
    p.show()
    p.reload()
    assert len(p.task_items()) == 1 and _select_kind(p, "unpaid")
    # the other groups show their true totals although none of their rows is shown yet
    assert _texts(p) == ["Unpaid order (1)", "Use care (0 of 1 shown)", "Repurchase (0 of 1 shown)"]
    assert p.summary_label.text() == "1 for today · 3 due in all · 1 overdue"
    assert p.more_button.isVisible() and p.more_button.text() == "More: 2"
    p.more_button.click()
    assert len(p.task_items()) == 3 and not p.more_button.isVisible()
    assert _texts(p) == ["Unpaid order (1)", "Repurchase (1)", "Use care (1)"]


def test_a_group_is_skipped_or_snoozed_whole(qtbot, page, shop, monkeypatch):
    asked = []
    monkeypatch.setattr(page, "confirm", lambda question: asked.append(question) or True)
    use = _select_kind(page, "use_care")
    page.snooze_group("use_care", 3)
    assert "Use care (1)" not in _texts(page) and page.due_total == 2
    page.skip_group("unpaid")
    assert asked == ["Skip all 1 “Unpaid order” tasks? Each is kept in the contact log as skipped."]
    assert _texts(page) == ["Repurchase (1)"]
    with shop.session() as s:
        assert s.get(Reminder, use.id).snoozed_until == TODAY + dt.timedelta(days=3)
        assert sorted(log.result for log in s.scalars(select(ContactLog))) == ["skipped", "snoozed"]
    # nothing lost: the snoozed group comes back on its day
    later = TodayPage(ReminderService(shop), CustomerService(shop), TaskRunner(), lambda: TODAY + dt.timedelta(days=3),
                      lambda: NOW + dt.timedelta(days=3))
    qtbot.addWidget(later)
    later.reload()
    assert any(t.startswith("Use care") for t in _texts(later))


def test_a_refused_bulk_skip_changes_nothing(page, monkeypatch):
    monkeypatch.setattr(page, "confirm", lambda question: False)
    page.skip_group("unpaid")
    assert _texts(page)[0] == "Unpaid order (1)"


def test_expiry_of_notices_and_birthday_wishes_is_a_setting(qtbot, shop):
    widget = ReminderSettingsWidget(ReminderService(shop), lambda: TODAY)
    qtbot.addWidget(widget)
    assert (widget.expire_notices_spin.value(), widget.birthday_week_spin.value()) == (3, 7)
    widget.expire_notices_spin.setValue(5)
    widget.birthday_week_spin.setValue(3)
    stored = ReminderService(shop).settings()
    assert (stored["reminder.expire_notices_after_days"], stored["reminder.birthday_week_days"]) == (5, 3)


def test_today_can_open_in_a_dialog_on_launch(qtbot, shop, settings):
    from ui.today_launch import show_today_on_launch

    service = ReminderService(shop)
    session = Session(book=shop, book_path=str(shop.path), settings=settings, today=lambda: TODAY)
    window = MainWindow(session, counts=lambda: book_counts(shop))
    qtbot.addWidget(window)
    assert show_today_on_launch(window, service) is None  # the default: the Today page
    service.set_setting("reminder.show_on_launch", "dialog")
    dialog = show_today_on_launch(window, service)
    page = dialog.findChild(TodayPage)
    qtbot.waitUntil(lambda: page.due_total == 3, timeout=5000)
    session.tasks.wait(3000)


def test_an_unexpected_error_of_the_regeneration_reaches_the_error_dialog_not_the_summary_line(qtbot, page,
                                                                                             monkeypatch):
    """Review: a regeneration that failed with an uncoded error wrote str(exc) — English, untranslated, maybe a
    customer's data in it — into the page's summary line, and the unexpected-error dialog (with the log) never
    showed. A coded error still shows its sentence there."""
    import sys

    from core.errors import BookBusy

    hooked = []
    monkeypatch.setattr(sys, "excepthook", lambda kind, exc, tb: hooked.append(exc))
    shown = page.summary_label.text()
    page._on_regenerate_failed(RuntimeError("boom: 王芳 13800138000"))
    assert [type(exc) for exc in hooked] == [RuntimeError] and "13800138000" not in page.summary_label.text()
    assert page.summary_label.text() == shown and page.regenerate_button.isEnabled()
    page._on_regenerate_failed(BookBusy("The book is busy"))
    assert page.summary_label.text() and page.summary_label.text() != shown and len(hooked) == 1
