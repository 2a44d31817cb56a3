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
