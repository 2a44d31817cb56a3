"""Loyalty screens on a real book: member levels and points rules, coupons to a segment and to one customer,
the customer's coupons and ledger, coupon and points used in the order dialog, campaign template editing
with a live preview, and multi-value segment filters."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QDialog, QInputDialog, QMessageBox, QPushButton

from core.book.models import Coupon, Customer, Reminder
from core.dto import CustomerInput
from core.marketing.loyalty import CouponSpec
from core.marketing.service import MarketingService
from core.orders import OrderService
from ui.dialogs.campaign_template import CampaignTemplateDialog
from ui.dialogs.coupon import CouponDialog
from ui.dialogs.loyalty_settings import LevelDialog, LoyaltySettingsWidget
from ui.pages.marketing import MarketingPage
from ui.widgets.customer_marketing import CustomerMarketingWidget

TODAY = dt.date(2026, 6, 1)
NOW = dt.datetime(2026, 6, 1, 10, 0)


def _page(qtbot, book) -> MarketingPage:
    page = MarketingPage(MarketingService(book), lambda: TODAY, lambda: NOW)
    qtbot.addWidget(page)
    page.reload()
    return page


def test_level_dialog_shows_core_validation_and_saves_with_recompute(qtbot, book, make_customer, make_order):
    service = MarketingService(book)
    buyer = make_customer(name="王姐", phone="13800138000").id
    make_order(buyer, "2026-05-01", [("蜂蜜500g", 1, 60000)])
    dialog = LevelDialog(service, lambda: TODAY)
    qtbot.addWidget(dialog)
    assert not dialog.save()
    assert dialog.error_label.text() == "A member level needs a name."
    dialog.name_edit.setText("金卡")
    assert not dialog.save()
    assert "spend threshold, a purchase-days threshold" in dialog.error_label.text()
    dialog.spend_check.setChecked(True)
    dialog.spend_edit.set_cents(50000)
    dialog.discount_spin.setValue(0)
    assert not dialog.save()
    assert dialog.error_label.text().startswith("The member discount must be between 1 % and 100 %")
    dialog.discount_spin.setValue(95)
    assert dialog.save() and dialog.upgrades == 1
    with book.session() as s:
        assert s.get(Customer, buyer).member_level_id is not None
        assert s.query(Reminder).filter_by(kind="level_up", customer_id=buyer).count() == 0  # defining: no task


def test_level_dialog_saves_on_the_book_lane(qtbot, book, make_customer, make_order):
    """Issue #21: recomputing every customer's level runs on the lane; a refusal still shows in the dialog."""
    from ui.book_lane import BookLane

    buyer = make_customer(name="王姐", phone="13800138000").id
    make_order(buyer, "2026-05-01", [("蜂蜜500g", 1, 60000)])
    lane = BookLane()
    dialog = LevelDialog(MarketingService(book), lambda: TODAY, lane=lane)
    qtbot.addWidget(dialog)
    assert not dialog.save()
    qtbot.waitUntil(lambda: dialog.error_label.text() == "A member level needs a name.", timeout=5000)
    dialog.name_edit.setText("金卡")
    dialog.spend_check.setChecked(True)
    dialog.spend_edit.set_cents(50000)
    dialog.discount_spin.setValue(95)
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        assert dialog.save() is False  # saved later, on the lane
    assert dialog.upgrades == 1 and lane.wait(5000)
    with book.session() as s:
        assert s.get(Customer, buyer).member_level_id is not None


def test_loyalty_widget_lists_adds_edits_and_deletes_levels(qtbot, book, make_customer, make_order, monkeypatch):
    service = MarketingService(book)
    buyer = make_customer(name="王姐", phone="13800138000").id
    make_order(buyer, "2026-05-01", [("蜂蜜500g", 1, 6800)])
    widget = LoyaltySettingsWidget(service, lambda: TODAY)
    qtbot.addWidget(widget)
    changed = []
    widget.levels_changed.connect(lambda: changed.append(True))

    def fill_and_save(dialog):
        dialog.name_edit.setText(dialog.name_edit.text() or "银卡")
        dialog.days_check.setChecked(True)
        dialog.days_spin.setValue(1)
        return QDialog.DialogCode.Accepted if dialog.save() else QDialog.DialogCode.Rejected

    monkeypatch.setattr(LevelDialog, "exec", fill_and_save)
    widget.add_level()
    assert widget.levels_table.rowCount() == 1
    assert [widget.levels_table.item(0, c).text() for c in range(5)] == ["银卡", "1", "—", "1", "100 %"]
    assert widget.status_label.text() == "Saved; 1 customers moved up."
    widget.levels_table.selectRow(0)
    widget.edit_level()  # the edit dialog opens on the chosen level and keeps its name
    assert widget.levels_table.item(0, 0).text() == "银卡" and widget.status_label.text().endswith("0 customers moved up.")
    questions = []
    monkeypatch.setattr(QMessageBox, "question", lambda *args: questions.append(args[2]) or QMessageBox.StandardButton.Yes)
    widget.delete_level()
    assert "“银卡”" in questions[0]
    assert widget.levels_table.rowCount() == 0 and len(changed) == 3
    with book.session() as s:
        assert s.get(Customer, buyer).member_level_id is None


def test_points_rules_spin_boxes_save_and_refuse(qtbot, book):
    service = MarketingService(book)
    widget = LoyaltySettingsWidget(service, lambda: TODAY)
    qtbot.addWidget(widget)
    assert widget.points_spins["marketing.points_join"].value() == 100
    widget.points_spins["marketing.points_join"].setValue(150)
    widget.points_spins["marketing.points_per_yuan_redeemed"].setValue(0)
    assert "at least 1 point per yuan" in widget.error_label.text()
    assert service.points_rules()["marketing.points_join"] == 150
    assert service.points_rules()["marketing.points_per_yuan_redeemed"] == 100


def test_issue_coupon_to_segment_confirms_with_the_reachable_count(qtbot, book, make_customer, monkeypatch):
    make_customer(name="王姐", phone="13800138000", province="浙江")
    make_customer(name="赵六", phone="13700137000", province="浙江", do_not_disturb=True)
    make_customer(name="李哥", phone="13600136000", province="江苏")
    page = _page(qtbot, book)
    page.provinces_edit.setText("浙江")
    headings, questions = [], []

    def choose_threshold(dialog):
        headings.append(dialog.heading_label.text())
        dialog.kind_box.setCurrentIndex(dialog.kind_box.findData("threshold"))
        dialog.value_edit.set_cents(2000)
        dialog.threshold_edit.set_cents(20000)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(CouponDialog, "exec", choose_threshold)
    monkeypatch.setattr(QMessageBox, "question", lambda *args: questions.append(args[2]) or QMessageBox.StandardButton.Yes)
    page.issue_coupon_to_segment()
    assert headings[0].startswith("One coupon for each of the 1 reachable customers") and "(1 left out" in headings[0]
    assert questions == ["Issue a 满200减20优惠券 to 1 customers?"]
    assert page.count_label.text() == "1 coupons issued."
    with book.session() as s:
        assert [(c.kind, c.threshold_cents) for c in s.query(Coupon)] == [("threshold", 20000)]


def test_coupon_dialog_checks_values_and_reads_back_a_spec(qtbot):
    dialog = CouponDialog("x", valid_days=14, language="zh_CN")
    qtbot.addWidget(dialog)
    dialog.kind_box.setCurrentIndex(dialog.kind_box.findData("threshold"))
    dialog.value_edit.set_cents(3000)
    dialog.threshold_edit.set_cents(2000)
    dialog._on_accepted()
    assert dialog.error_label.text() == "The threshold must be above the coupon's value."
    dialog.kind_box.setCurrentIndex(dialog.kind_box.findData("discount"))
    dialog.discount_spin.setValue(88)
    assert dialog.preview_label.text() == "8.8折卡"
    assert dialog.spec() == CouponSpec("discount", 0, 0, 88, 14)


def test_customer_section_lists_coupons_and_ledger_and_writes(qtbot, book, make_customer, monkeypatch):
    service = MarketingService(book)
    customer = make_customer(name="王姐", phone="13800138000").id
    service.issue_coupon(customer, CouponSpec("cash", 500, valid_days=2), dt.datetime(2026, 5, 20, 9))
    widget = CustomerMarketingWidget(service, customer, lambda: TODAY, lambda: NOW)
    qtbot.addWidget(widget)
    assert widget.coupons_table.item(0, 3).text() == "expired"

    def birthday_card(dialog):
        dialog.kind_box.setCurrentIndex(dialog.kind_box.findData("birthday"))
        dialog.value_edit.set_cents(1500)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(CouponDialog, "exec", birthday_card)
    widget.issue_coupon()
    assert [widget.coupons_table.item(0, c).text() for c in (0, 2, 3, 4)] == [
        "15元生日券", "2026-07-01", "open", "by hand"]
    assert widget.coupons_label.text() == "1"
    referral = next(a for a in widget.award_button.menu().actions() if a.text() == "Referral")
    referral.trigger()
    widget.award_button.menu().actions()[0].trigger()  # joining
    widget.award_button.menu().actions()[0].trigger()  # joining again gives nothing
    assert "joining was rewarded already" in widget.error_label.text()
    monkeypatch.setattr(QInputDialog, "getInt", lambda *args: (250, True))
    widget.redeem_points()
    assert widget.points_label.text() == "50"
    assert [widget.ledger_table.item(0, c).text() for c in (1, 2, 3)] == ["Redeemed", "-250", "50"]
    assert [widget.ledger_table.item(2, c).text() for c in (1, 2, 3)] == ["Referral", "+200", "200"]
    monkeypatch.setattr(QInputDialog, "getInt", lambda *args: (500, True))
    widget.redeem_points()
    assert widget.error_label.text() == "The customer does not have that many points."


@pytest.fixture
def order_dialog(qtbot, book, make_customer):
    from core.customers import CustomerService
    from ui.dialogs.order import OrderDialog

    service = MarketingService(book)
    customer = make_customer(name="王姐", phone="13800138000").id
    service.award_points(customer, "referral", NOW)
    service.issue_coupon(customer, CouponSpec("threshold", 2000, 10000, valid_days=3650), NOW)

    def make():
        dialog = OrderDialog(OrderService(book), CustomerService(book), [], customer_id=customer, marketing=service)
        qtbot.addWidget(dialog)
        return dialog

    return make, service, customer


def test_order_dialog_uses_a_coupon_and_points(order_dialog):
    make, service, customer = order_dialog
    dialog = make()
    dialog.items_table.cellWidget(0, 0).setEditText("蜂蜜500g")
    dialog.items_table.cellWidget(0, 2).set_cents(12000)
    assert dialog.rewards.coupon_box.count() == 2 and dialog.rewards.points_spin.maximum() == 200
    dialog.rewards.coupon_box.setCurrentIndex(1)
    dialog.rewards.points_spin.setValue(200)
    assert dialog.totals_label.text() == "Goods ¥120.00 · coupon and points −¥22.00 · to pay ¥98.00"
    assert dialog.save()
    order = OrderService(service.book).for_customer(customer)[0]
    assert (order.discount_cents, order.paid_cents) == (2200, 9800)
    assert service.open_coupons(customer, TODAY) == []


def test_order_dialog_shows_a_refused_coupon(order_dialog):
    make, service, customer = order_dialog
    dialog = make()
    dialog.items_table.cellWidget(0, 0).setEditText("蜂蜜500g")
    dialog.items_table.cellWidget(0, 2).set_cents(5000)
    dialog.rewards.coupon_box.setCurrentIndex(1)
    assert not dialog.save()
    assert dialog.error_label.text() == "The goods of this order do not reach the coupon's threshold."
    assert OrderService(service.book).for_customer(customer) == []


def test_edit_template_previews_and_saves_to_the_library(qtbot, book, monkeypatch):
    page = _page(qtbot, book)
    page.template_combo.setCurrentIndex(page.template_combo.findText("New arrivals"))
    dialog = CampaignTemplateDialog(page._marketing, page.template_combo.currentData(), "New arrivals")
    qtbot.addWidget(dialog)
    dialog.editor.set_language("zh_CN")
    dialog.editor.template_edit.setPlainText("{name}，新货到啦 {价格}")
    assert dialog.editor.preview_label.text() == "王姐，新货到啦 "
    assert "{价格}" in dialog.editor.unknown_label.text()

    def edit(dialog):
        dialog.editor.template_edit.setPlainText("Hi {name}, new honey is in!")
        dialog.save()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(CampaignTemplateDialog, "exec", edit)
    page.edit_template()
    assert page.template_combo.currentText() == "New arrivals"
    assert page.body_edit.toPlainText() == "Hi {name}, new honey is in!"
    edited = next(t for t in MarketingService(book).templates("zh_CN") if t.theme == "new_arrivals")
    assert (edited.body, edited.is_default) == ("Hi {name}, new honey is in!", False)


def test_segment_filters_take_several_values(qtbot, book, make_customer, make_order):
    from core.customers import CustomerService

    prospect = make_customer(name="小张", phone="13900139000", source_channel="weibo").id
    churned = make_customer(name="李哥", phone="13600136000", source_channel="taobao").id
    make_order(churned, "2025-01-10")
    CustomerService(book).create(CustomerInput(name="王姐", phone="13800138000", source_channel="moments"))
    page = _page(qtbot, book)
    page.stage_combo.set_checked(["prospect", "churned"])
    page.channel_combo.set_checked(["weibo", "taobao", "moments"])
    index = page.channel_combo.model().index(page.channel_combo.findData("moments"), 0)
    page.channel_combo.view().pressed.emit(index)  # a click on a ticked item unticks it
    assert page.definition() == {"stages": ["prospect", "churned"], "source_channels": ["weibo", "taobao"]}
    assert page.channel_combo.lineEdit().text() == "Weibo, Taobao"
    page.update_count()
    assert page.count_label.text().startswith("2 match")
    with book.session() as s:
        assert {c.id for c in s.query(Customer).filter(Customer.source_channel.in_(["weibo", "taobao"]))} == {
            prospect, churned}
    page.set_definition({"stages": "churned"})  # a saved segment holding one bare value
    assert page.stage_combo.checked_values() == ["churned"] and page.channel_combo.checked_values() == []
    assert page.stage_combo.lineEdit().text() == "Churned"
    page.set_definition({})
    assert page.stage_combo.lineEdit().text() == "(any)"


def test_settings_section_sums_up_and_opens_the_dialog(qtbot, book, monkeypatch):
    from ui.dialogs.loyalty_settings import LoyaltySettingsDialog, LoyaltySettingsSection

    service = MarketingService(book)
    section = LoyaltySettingsSection(service, lambda: TODAY)
    qtbot.addWidget(section)
    assert section.summary_label.text() == "no member levels · 1 points per yuan spent · 100 points = ¥1 when redeemed"

    def add_gold(dialog):
        service.save_level("金卡", 2, TODAY, min_spend_cents=100000)
        service.save_level("银卡", 1, TODAY, min_purchases=2)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(LoyaltySettingsDialog, "exec", add_gold)
    section.findChild(QPushButton).click()
    assert section.summary_label.text().startswith("银卡、金卡 · 1 points per yuan")


def test_campaign_coupon_is_chosen_in_the_coupon_dialog(qtbot, book, make_customer, monkeypatch):
    make_customer(name="Anna", phone="13800138000", province="Zhejiang")
    page = _page(qtbot, book)
    assert page.coupon_button.text() == "10元优惠券…" and not page.coupon_check.isChecked()

    def free_shipping(dialog):
        dialog.kind_box.setCurrentIndex(dialog.kind_box.findData("free_shipping"))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(CouponDialog, "exec", free_shipping)
    page.choose_campaign_coupon()
    assert page.coupon_check.isChecked() and page.coupon_button.text() == "包邮卡…"
    page.provinces_edit.setText("Zhejiang")
    page.campaign_name_edit.setText("June")
    page.body_edit.setPlainText("{name}，送您一张{coupon}")
    page.start_campaign()
    assert page.queue_table.item(0, 2).text() == "Anna，送您一张包邮卡"
    with book.session() as s:
        assert [(c.kind, c.source) for c in s.query(Coupon)] == [("free_shipping", "campaign")]


def test_multi_select_ticks_by_mouse_and_stays_open(qtbot):
    from PySide6.QtCore import Qt

    from ui.widgets.multi_select import MultiSelectCombo

    combo = MultiSelectCombo("(any)")
    qtbot.addWidget(combo)
    combo.set_items([("a", "Apple"), ("b", "Banana"), ("c", "Cherry")])
    combo.show()
    combo.showPopup()
    view = combo.view()
    qtbot.waitUntil(view.isVisible)
    for row in (0, 2):
        rect = view.visualRect(combo.model().index(row, 0))
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.isVisible()  # the list stays open for the next tick
    assert combo.checked_values() == ["a", "c"]
    combo.hidePopup()
    assert combo.lineEdit().text() == "Apple, Cherry"
