"""Issue #21: the writes moved onto the book's lane run there, off the GUI thread, and the UI shows their result
after it (merges, the recycle bin, deleting orders, the settings sections, coupons, templates, …)."""

import datetime as dt

import pytest

from core.customers import CustomerService
from core.dto import CustomerQuery
from core.orders import OrderService
from core.tags import TagService
from tests.ui.lane_spy import LaneSpy
from ui.book_lane import BookLane
from ui.dialogs.merge import MergeDialog
from ui.dialogs.recycle_bin import RecycleBinDialog
from ui.pages.customers import CustomersPage

TODAY = dt.date(2026, 11, 23)


@pytest.fixture
def lane(qtbot):
    lane = BookLane()
    yield lane
    lane.wait(5000)


def test_a_merge_runs_on_the_lane_and_the_page_shows_one_customer(qtbot, book, settings, lane, make_customer,
                                                                   make_order, monkeypatch):
    first = make_customer(name="张伟", phone="13800138000")
    second = make_customer(name="伟哥", wechat_id="zw_wx")
    make_order(second.id, "2026-04-01")
    spy = LaneSpy(lane, monkeypatch).watch(CustomerService, "merge")
    page = CustomersPage(CustomerService(book), OrderService(book), TagService(book), settings, lambda: TODAY,
                         lane=lane)
    qtbot.addWidget(page)
    page.refresh()
    opened = []
    monkeypatch.setattr(MergeDialog, "open", lambda dialog: opened.append(dialog))
    page.start_merge(first.id, second.id)
    dialog = opened[0]  # a child of the page
    with qtbot.waitSignal(dialog.merged, timeout=5000) as merged:
        assert dialog.merge() is False  # merged later, on the lane
        assert not dialog.merge_button.isEnabled()
    assert merged.args[0].id == first.id and merged.args[0].purchase_count == 1
    assert spy.ran_on_lane("merge") and dialog.result() == MergeDialog.DialogCode.Accepted
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)


def test_a_refused_merge_says_why_in_the_dialog(qtbot, book, lane, make_customer):
    first = make_customer(name="张伟")
    second = make_customer(name="伟哥")
    service = CustomerService(book)
    dialog = MergeDialog(service, service.get(first.id), service.get(second.id), lane=lane)
    qtbot.addWidget(dialog)
    service.soft_delete([second.id])
    service.erase([second.id])  # gone before the seller pressed Merge
    dialog.merge()
    qtbot.waitUntil(lambda: dialog.merge_button.isEnabled(), timeout=5000)
    assert dialog.error_label.text() and dialog.result() == 0


def test_the_recycle_bin_restores_and_erases_on_the_lane(qtbot, book, settings, lane, make_customer, monkeypatch):
    ids = [make_customer(name=name).id for name in ("甲", "乙")]
    service = CustomerService(book)
    service.soft_delete(ids)
    spy = LaneSpy(lane, monkeypatch).watch(CustomerService, "restore").watch(CustomerService, "erase")
    dialog = RecycleBinDialog(service, settings, lambda: TODAY, lane=lane)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 2
    dialog.table.selectRow(0)
    with qtbot.waitSignal(dialog.changed, timeout=5000):
        assert dialog.restore_selected() == 0  # restored later, on the lane
        assert not dialog.restore_button.isEnabled() and not dialog.erase_button.isEnabled()
    assert dialog.restore_button.isEnabled() and spy.ran_on_lane("restore")
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=5000)
    monkeypatch.setattr(dialog, "confirm_erase", lambda count: True)
    told = []
    monkeypatch.setattr(dialog, "tell_unreachable", told.append)
    dialog.table.selectRow(0)
    with qtbot.waitSignal(dialog.changed, timeout=5000):
        dialog.erase_selected()
    assert spy.ran_on_lane("erase") and told == []
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 0, timeout=5000)
    assert service.count(CustomerQuery(deleted=True)) == 0 and service.count(CustomerQuery()) == 1


def _orders_page(qtbot, book, settings, lane):
    from core.products import ProductService
    from ui.pages.orders import OrdersPage

    page = OrdersPage(OrderService(book), ProductService(book), CustomerService(book), settings, lambda: TODAY,
                      lane=lane)
    qtbot.addWidget(page)
    return page


def test_deleting_orders_runs_on_the_lane_and_the_list_follows(qtbot, book, settings, lane, make_customer,
                                                               make_order, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    customer = make_customer(name="张伟")
    for day in ("2026-03-01", "2026-04-01"):
        make_order(customer.id, day)
    spy = LaneSpy(lane, monkeypatch).watch(OrderService, "delete")
    page = _orders_page(qtbot, book, settings, lane)
    qtbot.waitUntil(lambda: page.orders_model.rowCount() == 2, timeout=5000)
    page.orders_table.selectAll()
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(page.book_modified, timeout=5000):
        page.delete_selected_order()
        assert not page.delete_order_button.isEnabled()
    assert spy.ran_on_lane("delete") and page.delete_order_button.isEnabled()
    qtbot.waitUntil(lambda: page.orders_model.rowCount() == 0, timeout=5000)
    assert CustomerService(book).get(customer.id).purchase_count == 0


def test_merging_products_runs_on_the_lane(qtbot, book, settings, lane, monkeypatch):
    from core.dto import ProductInput
    from core.products import ProductService

    products = ProductService(book)
    keep, other = (products.create(ProductInput(name=name)) for name in ("面膜 30片", "面膜 三十片装"))
    spy = LaneSpy(lane, monkeypatch).watch(ProductService, "merge")
    page = _orders_page(qtbot, book, settings, lane)
    with qtbot.waitSignal(page.book_modified, timeout=5000):
        assert page.merge_products(keep.id, other.id) is False  # merged later, on the lane
    assert spy.ran_on_lane("merge")
    qtbot.waitUntil(lambda: [p.name for p in page.products_model.products()] == ["面膜 30片"], timeout=5000)


def test_an_imports_pairs_are_merged_on_the_lane(qtbot, book, lane, tmp_path, make_customer, monkeypatch):
    import ui.widgets.merge_review as merge_review
    from core.excel.importer import run_import
    from core.excel.review import pending_proposals
    from tests.ui.test_import_dialog import messy_workbook

    make_customer(name="王芳", phone="13711112222")
    run_import(book, messy_workbook(tmp_path))
    spy = LaneSpy(lane, monkeypatch).watch(merge_review, "merge_pairs")
    dialog = merge_review.MergeReviewDialog(book, lane=lane)
    qtbot.addWidget(dialog)
    review = dialog.review
    assert review.open_count() == 1
    with qtbot.waitSignal(dialog.book_changed, timeout=5000):
        review.merge_buttons[0].click()
        assert not review.separate_buttons[0].isEnabled() and review.open_count() == 1  # merging, on the lane
    assert spy.ran_on_lane("merge_pairs") and review.open_count() == 0
    assert review.merge_buttons[0].text() == "Merged" and pending_proposals(book) == []


def test_my_shop_saves_on_the_lane_and_later_too(qtbot, book, lane, monkeypatch):
    from core.shop import ShopService
    from ui.widgets.shop_settings import ShopSettingsSection, ShopSetupDialog

    spy = LaneSpy(lane, monkeypatch).watch(ShopService, "save").watch(ShopService, "skip_setup")
    section = ShopSettingsSection(ShopService(book), lane=lane)
    qtbot.addWidget(section)
    section.name_edit.setText("小蜜蜂农场")
    with qtbot.waitSignal(section.saved, timeout=5000):
        assert section.save() is False  # saved later, on the lane
        assert not section.save_button.isEnabled()
    assert spy.ran_on_lane("save") and section.status_label.text() == "Saved." and section.save_button.isEnabled()
    assert ShopService(book).profile().name == "小蜜蜂农场"
    dialog = ShopSetupDialog(ShopService(book), lane=lane)
    qtbot.addWidget(dialog)
    dialog.later()
    assert lane.wait(5000) and spy.ran_on_lane("skip_setup")


def test_after_sales_settings_save_on_the_lane_and_refusals_stay_in_the_dialog(qtbot, book, lane, monkeypatch):
    from core.aftersales.service import AftersalesService
    from ui.dialogs.aftersales_settings import AftersalesSettingsDialog

    spy = LaneSpy(lane, monkeypatch).watch(AftersalesService, "save_settings")
    service = AftersalesService(book)
    dialog = AftersalesSettingsDialog(service, lane=lane)
    qtbot.addWidget(dialog)
    dialog.counts["aftersales.follow_up_days"].setValue(5)
    dialog.reasons_edit.setPlainText("")  # refused in core
    dialog.accept()
    assert not dialog.ok_button.isEnabled()
    qtbot.waitUntil(lambda: dialog.ok_button.isEnabled(), timeout=5000)
    assert dialog.error_label.text() and dialog.result() == 0
    dialog.reasons_edit.setPlainText("包装太简陋")
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.accept()
    assert spy.ran_on_lane("save_settings") and service.settings()["aftersales.follow_up_days"] == 5


def test_reminder_settings_and_templates_are_written_on_the_lane(qtbot, book, lane, monkeypatch):
    from core.reminders.service import ReminderService
    from ui.widgets.reminder_settings import ReminderSettingsWidget

    spy = LaneSpy(lane, monkeypatch)
    for name in ("set_setting", "save_template", "reset_template"):
        spy.watch(ReminderService, name)
    widget = ReminderSettingsWidget(ReminderService(book), lambda: TODAY, lane=lane)
    qtbot.addWidget(widget)
    widget.expire_notices_spin.setValue(5)
    widget.template_editor.template_edit.setPlainText("{昵称}，你好")
    widget.save_template()
    assert lane.wait(5000)
    assert ReminderService(book).settings()["reminder.expire_notices_after_days"] == 5
    kind, language = widget.current_kind(), widget.language()
    assert next(t.body for t in ReminderService(book).templates(language) if t.kind == kind) == "{昵称}，你好"
    widget.reset_template()
    qtbot.waitUntil(lambda: widget.template_editor.text() != "{昵称}，你好", timeout=5000)
    assert all(spy.ran_on_lane(name) for name in ("set_setting", "save_template", "reset_template"))


def test_points_rules_are_stored_on_the_lane(qtbot, book, lane, monkeypatch):
    from core.marketing.service import MarketingService
    from ui.dialogs.loyalty_settings import LoyaltySettingsWidget

    spy = LaneSpy(lane, monkeypatch).watch(MarketingService, "set_points_rule")
    widget = LoyaltySettingsWidget(MarketingService(book), lambda: TODAY, lane=lane)
    qtbot.addWidget(widget)
    widget.points_spins["marketing.points_join"].setValue(50)
    assert lane.wait(5000) and spy.ran_on_lane("set_points_rule")
    assert MarketingService(book).points_rules()["marketing.points_join"] == 50


def _marketing_page(qtbot, book, lane):
    from core.marketing.service import MarketingService
    from ui.pages.marketing import MarketingPage

    page = MarketingPage(MarketingService(book), lambda: TODAY, lambda: dt.datetime(2026, 11, 23, 10), lane=lane)
    qtbot.addWidget(page)
    page.reload()
    return page


def test_the_marketing_page_writes_on_the_lane(qtbot, book, lane, make_customer, monkeypatch):
    from PySide6.QtWidgets import QDialog, QMessageBox

    from core.book.models import Coupon
    from core.marketing.service import MarketingService
    from ui.dialogs.campaign_template import CampaignTemplateDialog
    from ui.dialogs.coupon import CouponDialog
    from ui.dialogs.segment_points import SegmentPointsDialog

    make_customer(name="王姐", phone="13800138000", province="浙江")
    spy = LaneSpy(lane, monkeypatch)
    for name in ("save_segment", "issue_coupon_to_segment", "award_segment_points", "save_campaign_template",
                 "start_campaign", "mark_sent"):
        spy.watch(MarketingService, name)
    page = _marketing_page(qtbot, book, lane)
    page.provinces_edit.setText("浙江")
    page.segment_name_edit.setText("浙江客户")
    page.save_segment()
    qtbot.waitUntil(lambda: any(page.segment_list.item(i).text().startswith("浙江客户")
                                for i in range(page.segment_list.count())), timeout=5000)

    monkeypatch.setattr(CouponDialog, "exec", lambda dialog: QDialog.DialogCode.Accepted)
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(page.book_modified, timeout=5000):
        page.issue_coupon_to_segment()
    assert page.count_label.text() == "1 coupons issued."
    with book.session() as s:
        assert s.query(Coupon).count() == 1

    def award(dialog):  # as exec: returns once the points are written on the lane
        with qtbot.waitSignal(dialog.accepted, timeout=5000):
            assert dialog.save() is False
        return dialog.result()

    monkeypatch.setattr(SegmentPointsDialog, "exec", award)
    with qtbot.waitSignal(page.book_modified, timeout=5000):
        page.award_points_to_segment()
    assert page.count_label.text() == "Points awarded to 1 customers."

    def edit(dialog):
        dialog.editor.template_edit.setPlainText("Hi {name}!")
        with qtbot.waitSignal(dialog.accepted, timeout=5000):
            assert dialog.save() is False and not dialog.save_button.isEnabled()
        return dialog.result()

    monkeypatch.setattr(CampaignTemplateDialog, "exec", edit)
    page.edit_template()
    assert page.body_edit.toPlainText() == "Hi {name}!"
    page.campaign_name_edit.setText("冬季")
    with qtbot.waitSignal(page.book_modified, timeout=5000):
        page.start_campaign()
    assert page.queue_table.rowCount() == 1
    page.queue_table.selectRow(0)
    with qtbot.waitSignal(page.book_modified, timeout=5000):
        page.copy_and_mark_sent()
    assert page.queue_table.item(0, 3).text() == "sent"
    from ui.dialogs.loyalty_settings import LoyaltySettingsDialog

    lanes = []
    monkeypatch.setattr(LoyaltySettingsDialog, "exec", lambda dialog: lanes.append(dialog.settings_widget._lane))
    page.open_loyalty_settings()
    assert lanes == [lane]  # its levels and points rules are written on the lane
    assert all(spy.ran_on_lane(name) for name, _on_lane in spy.calls)
    assert {name for name, _on_lane in spy.calls} == {
        "save_segment", "issue_coupon_to_segment", "award_segment_points", "save_campaign_template",
        "start_campaign", "mark_sent"}


def test_a_campaign_refused_on_the_lane_is_said(qtbot, book, lane, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    page = _marketing_page(qtbot, book, lane)
    told = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: told.append((title, text)))
    page.campaign_name_edit.setText("")
    page.start_campaign()
    qtbot.waitUntil(lambda: bool(told), timeout=5000)
    assert told[0][0] == "Campaign not started" and told[0][1]


def test_the_customer_record_writes_coupons_points_and_cases_on_the_lane(qtbot, book, lane, make_customer,
                                                                         monkeypatch):
    from PySide6.QtWidgets import QDialog

    from core.marketing.service import MarketingService
    from ui.dialogs.coupon import CouponDialog
    from ui.dialogs.customer_sections import CUSTOMER_SECTIONS

    customer = make_customer(name="王姐", phone="13800138000").id
    spy = LaneSpy(lane, monkeypatch).watch(MarketingService, "issue_coupon").watch(MarketingService, "award_points")
    sections = {spec.key: spec for spec in CUSTOMER_SECTIONS}
    widget = sections["marketing"].create_widget(book, customer, lane)
    qtbot.addWidget(widget)
    monkeypatch.setattr(CouponDialog, "exec", lambda dialog: QDialog.DialogCode.Accepted)
    widget.issue_coupon()
    assert not widget.issue_button.isEnabled()
    qtbot.waitUntil(lambda: widget.coupons_label.text() == "1", timeout=5000)
    assert widget.issue_button.isEnabled()
    joining = widget.award_button.menu().actions()[0]
    joining.trigger()
    qtbot.waitUntil(lambda: widget.points_label.text() != "0", timeout=5000)
    joining.trigger()  # joining again gives nothing: said once the lane answered
    qtbot.waitUntil(lambda: "joining was rewarded already" in widget.error_label.text(), timeout=5000)
    assert spy.ran_on_lane("issue_coupon") and spy.ran_on_lane("award_points")
    cases = sections["aftersales"].create_widget(book, customer, lane)
    qtbot.addWidget(cases)
    assert cases._lane is lane  # its case dialogs save on the lane (tests/ui/test_aftersales_ui.py)


def test_the_customers_pages_bulk_actions_write_on_the_lane(qtbot, book, settings, lane, make_customer, monkeypatch):
    for name in ("甲", "乙"):
        make_customer(name=name)
    spy = LaneSpy(lane, monkeypatch).watch(TagService, "add_tags").watch(CustomerService, "set_do_not_disturb")
    spy.watch(CustomerService, "soft_delete")
    page = CustomersPage(CustomerService(book), OrderService(book), TagService(book), settings, lambda: TODAY,
                         lane=lane)
    qtbot.addWidget(page)
    page.refresh()
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=5000)
    page.table.selectAll()
    monkeypatch.setattr(page, "ask_tag", lambda title: "送礼")
    with qtbot.waitSignal(page.book_modified, timeout=5000):
        page.add_tag_to_selected()
    page.table.selectAll()
    with qtbot.waitSignal(page.book_modified, timeout=5000):
        page.set_do_not_disturb_for_selected(True)
    assert CustomerService(book).count(CustomerQuery(do_not_disturb=True)) == 2
    monkeypatch.setattr(page, "confirm_delete", lambda count: True)
    page.table.selectAll()
    with qtbot.waitSignal(page.book_modified, timeout=5000):
        page.delete_selected()
    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=5000)
    assert all(spy.ran_on_lane(name) for name in ("add_tags", "set_do_not_disturb", "soft_delete"))


def test_the_import_historys_undo_runs_on_the_lane_and_an_unexpected_error_reaches_the_error_dialog(qtbot, book, lane,
                                                                                                 tmp_path, monkeypatch):
    """Issue #21: the import history's and the import dialog's undo go through save_on_lane (they had lane code of
    their own that raised unexpected errors in a slot)."""
    import sys

    from PySide6.QtWidgets import QMessageBox

    from core.book.models import Customer, ImportBatch
    from core.excel import batches
    from core.excel.importer import run_import
    from tests.ui.test_import_dialog import count, messy_workbook
    from ui.dialogs import import_history

    run_import(book, messy_workbook(tmp_path))
    spy = LaneSpy(lane, monkeypatch)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    hooked = []
    monkeypatch.setattr(sys, "excepthook", lambda kind, exc, tb: hooked.append(exc))

    def broken(book, batch_id):
        raise RuntimeError("not a coded error")

    dialog = import_history.ImportHistoryDialog(book, lane=lane)
    qtbot.addWidget(dialog)
    dialog.table.selectRow(0)
    monkeypatch.setattr(import_history, "undo_import", broken)
    dialog.undo_button.click()
    assert not dialog.undo_button.isEnabled()  # while it runs on the lane
    qtbot.waitUntil(lambda: bool(hooked), timeout=5000)
    assert isinstance(hooked[0], RuntimeError) and dialog.undo_button.isEnabled()
    monkeypatch.setattr(import_history, "undo_import", batches.undo_import)
    spy.watch(import_history, "undo_import")
    with qtbot.waitSignal(dialog.book_changed, timeout=10_000):
        dialog.undo_button.click()
    assert spy.ran_on_lane("undo_import") and count(book, Customer) == 0
    assert dialog.table.item(0, 5).text() == "Undone" and not dialog.undo_button.isEnabled()
    with book.session() as s:
        assert s.query(ImportBatch).one().status == "undone"
