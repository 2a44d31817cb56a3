"""After-sales dialogs and page in pytest-qt: buttons drive the services, the screen shows the result."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from core.aftersales.service import AftersalesService
from core.book.models import Coupon
from core.customers import CustomerService
from core.orders import OrderService
from tests.core.aftersales_support import FixedClock, add_customer, add_order
from ui.dialogs.complaint import ComplaintDialog
from ui.dialogs.review import ReviewDialog
from ui.pages.aftersales import AftersalesPage
from ui.widgets.risk_warning import RiskWarningBanner

NOW = dt.datetime(2026, 3, 10, 9, 0)


@pytest.fixture
def clock():
    return FixedClock(NOW)


@pytest.fixture
def service(book, clock):
    return AftersalesService(book, clock)


def click(qtbot, button):
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_complaint_dialog_whole_life(qtbot, book, clock, service):
    cid = add_customer(book, "王芳")
    oid = add_order(book, cid, "2026-03-01")
    dialog = ComplaintDialog(service, OrderService(book), customer_id=cid, order_id=oid, clock=clock)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.handling.isEnabled()
    assert dialog.order_box.currentData() == oid
    dialog.kind_box.setCurrentIndex(dialog.kind_box.findData("damaged"))
    dialog.description_edit.setPlainText("瓶子碎了")
    with qtbot.waitSignal(dialog.case_saved) as saved:
        click(qtbot, dialog.save_button)
    complaint_id = saved.args[1]
    assert dialog.handling.isEnabled() and "2026-03-11 09:00" in dialog.due_label.text()

    clock.advance(hours=2)
    dialog.step_notes[0].setText("sorry")
    click(qtbot, dialog.step_buttons[0])
    assert dialog.step_times[0].text() == "2026-03-10 11:00"
    assert service.complaints.get(complaint_id).first_response_at == clock.now

    dialog.compensation_box.setCurrentIndex(dialog.compensation_box.findData("coupon"))
    click(qtbot, dialog.compensate_button)  # no amount yet: refused with a sentence, nothing written
    assert dialog.error_label.isVisible() and dialog.error_label.text()
    dialog.amount_edit.set_cents(1500)
    click(qtbot, dialog.compensate_button)
    assert dialog.error_label.isHidden() and not dialog.compensate_button.isEnabled()
    with book.session() as s:
        assert s.scalar(select(Coupon.value_cents).where(Coupon.complaint_id == complaint_id)) == 1500
    assert "2026-03-17" in dialog.due_label.text()

    dialog.resolution_edit.setPlainText("补发一瓶")
    click(qtbot, dialog.resolve_button)
    clock.now = dt.datetime(2026, 3, 17, 10, 0)
    click(qtbot, dialog.step_buttons[4])
    click(qtbot, dialog.close_case_button)
    complaint = service.complaints.get(complaint_id)
    assert (complaint.status, complaint.resolution, complaint.step_done(5).done_at) == ("closed", "补发一瓶", clock.now)
    assert not dialog.step_buttons[0].isEnabled() and dialog.reopen_button.isEnabled()


def test_overdue_first_response_is_red(qtbot, book, clock, service):
    cid = add_customer(book)
    complaint = service.complaints.open(cid, kind="quality", opened_at=NOW - dt.timedelta(hours=30))
    dialog = ComplaintDialog(service, None, customer_id=cid, complaint_id=complaint.id, clock=clock)
    qtbot.addWidget(dialog)
    assert "c62828" in dialog.due_label.styleSheet()


def test_review_dialog_attempts_offer_risk_and_outcome(qtbot, book, clock, service):
    cid = add_customer(book, "小周")
    dialog = ReviewDialog(service, OrderService(book), customer_id=cid, clock=clock)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.offer_amount.cents() == 1000  # bad review default
    dialog.level_box.setCurrentIndex(dialog.level_box.findData("mid"))
    assert dialog.offer_amount.cents() == 500
    dialog.text_edit.setPlainText("一般般")
    dialog.reason_box.setEditText("包装太简陋")  # the seller's own reason
    with qtbot.waitSignal(dialog.case_saved) as saved:
        click(qtbot, dialog.save_button)
    review_id = saved.args[1]
    review = service.reviews.get(review_id)
    assert (review.level, review.reason, review.days_left) == ("mid", "包装太简陋", 30)
    assert "30" in dialog.deadline_label.text()

    assert dialog.channel_box.currentData() == "phone"
    dialog.result_box.setCurrentIndex(dialog.result_box.findData("no_answer"))
    click(qtbot, dialog.attempt_button)
    assert dialog.attempts_list.count() == 1 and dialog.channel_box.currentData() == "wechat"
    dialog.result_box.setCurrentIndex(dialog.result_box.findData("reached"))
    click(qtbot, dialog.attempt_button)
    click(qtbot, dialog.offer_button)
    assert service.reviews.get(review_id).offer_cents == 500 and not dialog.offer_button.isEnabled()

    dialog.tabs.setCurrentIndex(1)
    for name in ("new_account", "targets_new_shop", "cheap_fragile"):
        dialog.sign_boxes[name].setChecked(True)
    assert dialog.score_label.text().startswith("Score: 3")
    dialog.sign_evidence["new_account"].setText("账号注册两天")
    dialog.risk_buyer_box.click()
    assert dialog.risk_banner.isVisible() and "账号注册两天" not in dialog.risk_banner.text()  # check not saved
    click(qtbot, dialog.save_check_button)
    assert "账号注册两天" in dialog.risk_banner.text() and "3 of 5" in dialog.risk_banner.text()
    assert service.reviews.get(review_id).risk_score == 3
    dialog.risk_buyer_box.click()
    assert dialog.risk_banner.isHidden() and service.reviews.risk_warning(cid) is None

    dialog.tabs.setCurrentIndex(0)
    dialog.outcome_box.setCurrentIndex(dialog.outcome_box.findData("revised"))
    click(qtbot, dialog.outcome_button)
    assert service.reviews.get(review_id).status == "closed" and not dialog.attempt_button.isEnabled()


def test_risk_banner_hidden_without_warning(qtbot):
    banner = RiskWarningBanner()
    qtbot.addWidget(banner)
    banner.show_warning(None)
    assert banner.isHidden()


def test_page_lists_open_first_filters_stats_and_export(qtbot, book, clock, service, settings, tmp_path):
    a, b = add_customer(book, "甲"), add_customer(book, "乙")
    closed = service.complaints.open(a, kind="quality", opened_at=NOW - dt.timedelta(days=3))
    service.complaints.close(closed.id)
    service.reviews.open(b, platform="pinduoduo", level="bad", review_date=NOW.date())
    service.complaints.open(a, kind="attitude")
    page = AftersalesPage(service, CustomerService(book), OrderService(book), settings, clock)
    qtbot.addWidget(page)
    assert [(r.kind, r.status) for r in page.model.rows()] == [("review", "open"), ("complaint", "open"),
                                                               ("complaint", "closed")]
    assert page.model.index(0, 0).data() == "Mid/bad review"
    page.kind_box.setCurrentIndex(page.kind_box.findData("complaint"))
    assert {r.kind for r in page.model.rows()} == {"complaint"}
    page.status_box.setCurrentIndex(page.status_box.findData("closed"))
    assert [r.id for r in page.model.rows()] == [closed.id]
    page.kind_box.setCurrentIndex(0)
    page.status_box.setCurrentIndex(0)
    page.platform_box.setCurrentIndex(page.platform_box.findData("pinduoduo"))
    assert [r.kind for r in page.model.rows()] == ["review"]
    page.platform_box.setCurrentIndex(0)

    page.tabs.setCurrentIndex(1)
    assert page.charts is not None and "reviews 1" in page.figures_label.text()
    page.charts.save_png(str(tmp_path / "chart.png"))
    assert (tmp_path / "chart.png").stat().st_size > 10_000

    path = tmp_path / "cases.xlsx"
    assert page.export_to(str(path)) == 3
    assert openpyxl.load_workbook(path).active.max_row == 4


def test_customer_cases_widget_shows_their_cases_and_risk(qtbot, book, service, monkeypatch):
    from ui.widgets.customer_cases import CustomerCasesWidget, risk_warning_for

    a, b = add_customer(book, "甲"), add_customer(book, "乙")
    order = add_order(book, a, "2026-03-01")
    service.complaints.open(a, kind="quality", order_id=order)
    service.complaints.open(a, kind="attitude")
    review = service.reviews.open(b, platform="taobao", level="bad", review_date=NOW.date())
    widget = CustomerCasesWidget(book, a)
    qtbot.addWidget(widget)
    assert {r.subtype for r in widget.model.rows()} == {"quality", "attitude"}
    assert risk_warning_for(book, a) is None
    on_order = CustomerCasesWidget(book, a, order_id=order)
    qtbot.addWidget(on_order)
    assert [r.subtype for r in on_order.model.rows()] == ["quality"]

    service.reviews.update_risk_check(review.id, {"new_account": True}, {"new_account": "刚注册"})
    service.reviews.set_risk_buyer(b, True)
    assert risk_warning_for(book, b).evidence == ("刚注册",)

    opened = []
    monkeypatch.setattr("ui.pages.aftersales.open_case_dialog",
                        lambda *args, **kwargs: opened.append((args[2], kwargs["customer_id"], kwargs["order_id"])))
    click(qtbot, on_order.new_review_button)
    assert opened == [("review", a, order)]


def test_settings_dialog_saves_and_refuses_bad_values(qtbot, service):
    from ui.dialogs.aftersales_settings import AftersalesSettingsDialog

    dialog = AftersalesSettingsDialog(service)
    qtbot.addWidget(dialog)
    dialog.counts["aftersales.follow_up_days"].setValue(5)
    dialog.deadlines["pinduoduo"].setValue(20)
    dialog.bad_offer.set_cents(1500)
    dialog.reasons_edit.setPlainText("")
    dialog.accept()
    assert dialog.error_label.text() and service.settings()["aftersales.follow_up_days"] == 7
    dialog.reasons_edit.setPlainText("Logistics\n包装太简陋\n")
    with qtbot.waitSignal(dialog.accepted):
        dialog.accept()
    saved = service.settings()
    assert saved["aftersales.follow_up_days"] == 5 and saved["aftersales.review_offer_bad_cents"] == 1500
    assert saved["aftersales.review_deadline_days"] == {"taobao": 30, "tmall": 30, "pinduoduo": 20}
    assert saved["aftersales.review_reasons"] == ["logistics", "包装太简陋"]


def test_hooks_risk_warning_on_customer_record_and_new_order(qtbot, book, service):
    from core.products import ProductService
    from ui.dialogs.customer import CustomerDialog
    from ui.dialogs.order import OrderDialog
    from ui.widgets.customer_cases import CustomerCasesWidget

    customers, orders = CustomerService(book), OrderService(book)
    cid = add_customer(book, "可疑", phone="13800138000")
    clean = add_customer(book, "正常")
    review = service.reviews.open(cid, platform="taobao", level="bad", review_date=NOW.date())
    service.reviews.update_risk_check(review.id, {"remote_address": True}, {"remote_address": "偏远山区"})
    service.reviews.set_risk_buyer(cid, True)

    record = CustomerDialog(customers, orders, [], customers.get(cid))
    qtbot.addWidget(record)
    assert not record.risk_banner.isHidden() and "偏远山区" in record.risk_banner.text()
    section = next(record.tabs.widget(i) for i in range(record.tabs.count())
                   if isinstance(record.tabs.widget(i), CustomerCasesWidget))
    assert [r.id for r in section.model.rows()] == [review.id]
    other = CustomerDialog(customers, orders, [], customers.get(clean))
    qtbot.addWidget(other)
    assert other.risk_banner.isHidden()

    new_order = OrderDialog(orders, customers, ProductService(book).list(), customer_id=cid)
    qtbot.addWidget(new_order)
    assert not new_order.risk_banner.isHidden()
    new_order.customer_id = clean
    new_order._show_customer()
    assert new_order.risk_banner.isHidden()


def test_order_dialog_after_sales_menu_lists_cases_of_the_order(qtbot, book, service, monkeypatch):
    from core.products import ProductService
    from ui.dialogs.order import OrderDialog

    cid = add_customer(book)
    oid = add_order(book, cid, "2026-03-01")
    on_order = service.complaints.open(cid, kind="damaged", order_id=oid)
    service.complaints.open(cid, kind="attitude")
    dialog = OrderDialog(OrderService(book), CustomerService(book), ProductService(book).list(),
                         OrderService(book).get(oid))
    qtbot.addWidget(dialog)
    actions = [a for a in dialog.aftersales_button.menu().actions() if not a.isSeparator()]
    assert len(actions) == 3 and actions[2].text().startswith("Complaint · 2026-03-10")
    opened = []
    monkeypatch.setattr("ui.pages.aftersales.open_case_dialog",
                        lambda *args, **kwargs: opened.append((args[2], kwargs["case_id"], kwargs["order_id"])))
    actions[0].trigger()
    actions[2].trigger()
    assert opened == [("complaint", None, oid), ("complaint", on_order.id, oid)]


def test_settings_section_on_the_settings_page(qtbot, book, service, settings, monkeypatch):
    from PySide6.QtWidgets import QDialog

    from ui.dialogs.aftersales_settings import AftersalesSettingsDialog, AftersalesSettingsSection
    from ui.pages.registry import page_spec
    from ui.session import Session

    page = page_spec("settings").create(Session(book=book, book_path=str(book.path), settings=settings))
    qtbot.addWidget(page)
    section = page.findChild(AftersalesSettingsSection)
    assert section is not None and "24" in section.summary_label.text()

    def fake_exec(dialog):  # as exec: returns once the dialog is accepted, the save done on the book's lane
        dialog.counts["aftersales.first_response_hours"].setValue(6)
        with qtbot.waitSignal(dialog.accepted, timeout=5000):
            dialog.accept()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(AftersalesSettingsDialog, "exec", fake_exec)
    click(qtbot, section.edit_button)
    assert service.settings()["aftersales.first_response_hours"] == 6 and "6" in section.summary_label.text()


def test_case_dialogs_write_on_the_lane_and_show_refusals(qtbot, book, clock, service):
    """Issue #21: with the book's lane every button's write runs there, off the GUI thread, the dialog disabled
    meanwhile; a refusal still shows as a red sentence."""
    import threading

    from ui.book_lane import BookLane

    lane = BookLane()
    threads = []
    opened = service.complaints.open

    def open_complaint(*args, **kwargs):
        threads.append(threading.current_thread() is threading.main_thread())
        return opened(*args, **kwargs)

    service.complaints.open = open_complaint
    cid = add_customer(book, "王芳")
    dialog = ComplaintDialog(service, OrderService(book), customer_id=cid, clock=clock, lane=lane)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.kind_box.setCurrentIndex(dialog.kind_box.findData("damaged"))
    dialog.description_edit.setPlainText("瓶子碎了")
    with qtbot.waitSignal(dialog.case_saved, timeout=5000):
        click(qtbot, dialog.save_button)
        assert not dialog.isEnabled()  # while the lane writes
    assert threads == [False] and dialog.isEnabled() and dialog.handling.isEnabled()
    dialog.compensation_box.setCurrentIndex(dialog.compensation_box.findData("coupon"))
    click(qtbot, dialog.compensate_button)  # no amount: refused on the lane
    qtbot.waitUntil(lambda: dialog.isEnabled() and dialog.error_label.isVisible(), timeout=5000)
    assert dialog.error_label.text()
    assert lane.wait(5000)


def test_the_page_made_for_a_book_dates_its_range_by_the_sessions_day(qtbot, book, settings):
    """The after-sales page keeps the day of the Today list (the session's clock), not the machine's own date."""
    from ui.pages.registry import page_spec
    from ui.session import Session

    day = dt.date(2025, 3, 17)  # not today on any machine running the tests
    page = page_spec("aftersales").create(Session(book=book, book_path=str(book.path), settings=settings,
                                                  today=lambda: day))
    qtbot.addWidget(page)
    assert (page.from_edit.date().toPython(), page.to_edit.date().toPython()) == (dt.date(2025, 3, 1), day)
