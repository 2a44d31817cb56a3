"""Customers page and dialogs: editing saves, search filters, bulk actions, merge, recycle bin."""

import datetime as dt

import pytest
from PySide6.QtCore import QItemSelectionModel

from core.customers import CustomerService
from core.dto import CustomerQuery
from core.orders import OrderService
from core.tags import TagService
from ui.dialogs.customer import CustomerDialog
from ui.dialogs.merge import MergeDialog
from ui.dialogs.recycle_bin import RecycleBinDialog
from ui.models.customers import Column
from ui.pages.customers import CustomersPage

TODAY = dt.date(2026, 11, 23)


@pytest.fixture
def page(qtbot, book, settings):
    page = CustomersPage(CustomerService(book), OrderService(book), TagService(book), settings, lambda: TODAY)
    qtbot.addWidget(page)
    return page


def _names(page):
    return [page.model.index(row, Column.NAME).data() for row in range(page.model.rowCount())]


def _select(page, *names):
    page.table.clearSelection()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for name in names:
        page.table.selectionModel().select(page.model.index(_names(page).index(name), 0), flags)


def test_editing_a_customer_in_the_dialog_saves_it(qtbot, book, page, make_customer):
    customer = make_customer(name="张伟", phone="13800138000")
    page.refresh()
    dialog = page.customer_dialog(customer.id)
    qtbot.addWidget(dialog)
    dialog.edits["city"].setText("杭州")
    dialog.edits["phone"].setText("+86 139-1234-5678")
    dialog.edits["phone"].editingFinished.emit()
    assert dialog.edits["phone"].text() == "13912345678"
    dialog.tag_chips.editor.setText("宝妈")
    dialog.birth_month.setValue(8)
    dialog.birth_day.setValue(15)
    dialog.lunar_box.setChecked(True)
    assert dialog.save()
    saved = CustomerService(book).get(customer.id)
    assert (saved.fields.city, saved.fields.phone, saved.tags) == ("杭州", "13912345678", ("宝妈",))
    assert (saved.fields.birth_month, saved.fields.birth_day, saved.fields.birthday_lunar) == (8, 15, True)
    assert page.model.index(0, Column.TAGS).data() == "宝妈"


def test_new_customer_needs_an_identity_and_says_so(qtbot, book, page):
    dialog = page.customer_dialog(None)
    qtbot.addWidget(dialog)
    assert not dialog.save()
    assert "name" in dialog.error_label.text()
    dialog.edits["name"].setText("李娜")
    assert dialog.save()
    assert _names(page) == ["李娜"]


def test_duplicate_phone_is_warned_about(qtbot, page, make_customer):
    make_customer(name="张伟", phone="13800138000")
    dialog = page.customer_dialog(None)
    qtbot.addWidget(dialog)
    dialog.edits["phone"].setText("138 0013 8000")
    dialog.edits["phone"].editingFinished.emit()
    assert "张伟" in dialog.phone_hint.text()


def test_search_filters_the_table(page, make_customer):
    make_customer(name="张伟", phone="13800138000")
    make_customer(name="李娜", tags=("宝妈",))
    page.refresh()
    page.set_search("zw")
    assert _names(page) == ["张伟"]
    page.set_search("宝妈")
    assert _names(page) == ["李娜"]
    page.set_search("")
    assert sorted(_names(page)) == ["张伟", "李娜"]


def test_bulk_tag_and_do_not_disturb(book, page, make_customer, monkeypatch):
    for name in ("甲", "乙", "丙"):
        make_customer(name=name)
    page.refresh()
    _select(page, "甲", "乙")
    monkeypatch.setattr(page, "ask_tag", lambda title: "送礼")
    page.add_tag_to_selected()
    page.tag_filter.setCurrentIndex(page.tag_filter.findText("送礼 (2)"))
    assert sorted(_names(page)) == ["乙", "甲"]
    page.table.selectAll()
    page.set_do_not_disturb_for_selected(True)
    rows = CustomerService(book).list_page(CustomerQuery(do_not_disturb=True))
    assert sorted(row.name for row in rows) == ["乙", "甲"]


def test_delete_goes_to_the_recycle_bin_then_restore_and_erase(qtbot, book, page, settings, make_customer,
                                                               monkeypatch):
    for name in ("甲", "乙"):
        make_customer(name=name)
    page.refresh()
    monkeypatch.setattr(page, "confirm_delete", lambda count: True)
    page.table.selectAll()
    page.delete_selected()
    assert page.model.rowCount() == 0
    bin_dialog = RecycleBinDialog(CustomerService(book), settings, lambda: TODAY)
    qtbot.addWidget(bin_dialog)
    assert bin_dialog.model.rowCount() == 2
    bin_dialog.table.selectRow(0)
    assert bin_dialog.restore_selected() == 1
    monkeypatch.setattr(bin_dialog, "confirm_erase", lambda count: False)
    bin_dialog.table.selectRow(0)
    assert bin_dialog.erase_selected() == 0
    monkeypatch.setattr(bin_dialog, "confirm_erase", lambda count: True)
    bin_dialog.table.selectRow(0)
    assert bin_dialog.erase_selected() == 1
    assert bin_dialog.model.rowCount() == 0
    page.refresh()
    assert page.model.rowCount() == 1
    assert CustomerService(book).count(CustomerQuery(deleted=True)) == 0


def test_merge_shows_both_and_keeps_every_order(qtbot, book, make_customer, make_order):
    first = make_customer(name="张伟", phone="13800138000")
    second = make_customer(name="伟哥", wechat_id="zw_wx", tags=("宝妈",))
    make_order(first.id, "2026-03-01")
    make_order(second.id, "2026-04-01")
    service = CustomerService(book)
    dialog = MergeDialog(service, service.get(first.id), service.get(second.id))
    qtbot.addWidget(dialog)
    assert "伟哥" in [label.text() for label in dialog.findChildren(type(dialog.error_label))]
    with qtbot.waitSignal(dialog.merged) as blocker:
        dialog.merge()
    merged = blocker.args[0]
    assert merged.id == first.id
    assert merged.purchase_count == 2 and merged.fields.wechat_id == "zw_wx" and merged.tags == ("宝妈",)
    assert service.count(CustomerQuery()) == 1


def test_customer_dialog_shows_the_order_timeline(qtbot, book, make_customer, make_order):
    customer = make_customer(name="张伟")
    make_order(customer.id, "2026-03-01", [("蜂蜜500g", 2, 6800)])
    dialog = CustomerDialog(CustomerService(book), OrderService(book), [], CustomerService(book).get(customer.id))
    qtbot.addWidget(dialog)
    timeline = dialog.tabs.widget(1).timeline
    assert timeline.topLevelItemCount() == 1
    assert "蜂蜜500g ×2" in timeline.topLevelItem(0).text(3)


def test_context_menu_offers_bulk_actions(page, make_customer):
    make_customer(name="甲")
    page.refresh()
    page.table.selectRow(0)
    texts = [action.text() for action in page.context_menu().actions()]
    assert "Add tag…" in texts and "Move to recycle bin" in texts
