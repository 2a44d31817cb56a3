"""Paste from chat dialog: fields filled from the message, unsure ones framed, phone match, Enter saves."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from core.customers import CustomerService
from ui.dialogs.paste import PasteDialog, format_yuan, parse_yuan

PRODUCTS = ("土蜂蜜 500g", "青梅酒")
MESSAGE = "张三 13800138000 浙江省杭州市西湖区文三路 100 号 5 幢 301，蜂蜜两瓶 共136元"


@pytest.fixture
def customers(book):
    return CustomerService(book)


def _dialog(qtbot, customers, text=MESSAGE, save=True):
    dialog = PasteDialog(customers, PRODUCTS, text, save=save)
    qtbot.addWidget(dialog)
    return dialog


def _press_enter(qtbot, dialog):
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.edits["name"].setFocus()
    qtbot.keyClick(dialog.edits["name"], Qt.Key.Key_Return)


def test_fields_are_filled_from_the_message(qtbot, customers):
    dialog = _dialog(qtbot, customers)

    assert {name: edit.text() for name, edit in dialog.edits.items()} == {
        "name": "张三", "phones": "13800138000", "province": "浙江省", "city": "杭州市", "district": "西湖区",
        "detail": "文三路100号5幢301", "postcode": "", "amount_cents": "136.00"}
    assert dialog.items_table.item(0, 0).text() == "土蜂蜜 500g"
    assert dialog.items_table.item(0, 1).text() == "2"
    assert dialog.order_box.isChecked()


def test_guessed_fields_are_framed_and_sure_ones_are_not(qtbot, customers):
    dialog = _dialog(qtbot, customers)

    assert dialog.items_table.property("unsure") is True  # 蜂蜜 → 土蜂蜜 500g is a guess
    assert dialog.edits["name"].property("unsure") is False
    assert dialog.edits["district"].property("unsure") is False
    assert not dialog.legend.isHidden()


def test_a_missing_phone_is_framed(qtbot, customers):
    dialog = _dialog(qtbot, customers, "张三 浙江省杭州市西湖区文三路100号")

    assert dialog.edits["phones"].property("unsure") is True
    assert dialog.edits["phones"].toolTip()


def test_enter_creates_a_new_customer(qtbot, customers):
    dialog = _dialog(qtbot, customers)
    assert dialog.matched is None
    assert dialog.update_address_box.isHidden()

    _press_enter(qtbot, dialog)

    assert dialog.result() == PasteDialog.DialogCode.Accepted
    saved = customers.get(dialog.customer.id)
    assert (saved.fields.name, saved.phone_norm, saved.fields.district) == ("张三", "13800138000", "西湖区")


def test_the_existing_customer_is_matched_by_phone_and_the_address_update_offered(qtbot, customers, make_customer):
    existing = make_customer(name="老张", phone="13800138000", province="浙江省", city="杭州市", district="上城区",
                             address_detail="解放路1号")
    dialog = _dialog(qtbot, customers)

    assert dialog.matched.id == existing.id
    assert "老张" in dialog.match_label.text()
    assert not dialog.update_address_box.isHidden()
    assert "解放路1号" in dialog.update_address_box.text()

    _press_enter(qtbot, dialog)

    saved = customers.get(existing.id)
    assert (saved.fields.name, saved.fields.district, saved.fields.address_detail) == ("老张", "西湖区", "文三路100号5幢301")
    assert len(customers.find_by_phone("13800138000")) == 1


def test_declining_the_address_update_keeps_the_old_address(qtbot, customers, make_customer):
    existing = make_customer(name="老张", phone="13800138000", district="上城区", address_detail="解放路1号")
    dialog = _dialog(qtbot, customers)
    dialog.update_address_box.setChecked(False)

    dialog.accept()

    assert customers.get(existing.id).fields.address_detail == "解放路1号"


def test_edited_fields_are_what_gets_saved(qtbot, customers):
    dialog = _dialog(qtbot, customers)
    dialog.edits["name"].setText("张三丰")
    dialog.edits["phones"].setText("13900139000")
    dialog.edits["phones"].editingFinished.emit()
    dialog.items_table.item(0, 1).setText("3")

    parsed = dialog.parsed()
    dialog.accept()

    assert parsed.items == (("土蜂蜜 500g", 3),)
    assert (dialog.customer.fields.name, dialog.customer.phone_norm) == ("张三丰", "13900139000")


def test_a_core_error_keeps_the_dialog_open_with_the_reason(qtbot, customers):
    dialog = _dialog(qtbot, customers, "")

    dialog.accept()

    assert dialog.result() != PasteDialog.DialogCode.Accepted
    assert dialog.error_label.text()
    assert dialog.customer is None


def test_changing_the_text_reads_it_again(qtbot, customers):
    dialog = _dialog(qtbot, customers, "")

    with qtbot.waitSignal(dialog.reparsed, timeout=2000):
        dialog.text_edit.setPlainText("李四 13912345678 上海市徐汇区漕溪北路398号")

    assert dialog.edits["name"].text() == "李四"
    assert dialog.edits["district"].text() == "徐汇区"


def test_without_saving_the_dialog_only_reports_the_fields(qtbot, customers):
    dialog = _dialog(qtbot, customers, save=False)

    dialog.accept()

    assert dialog.customer is None
    assert dialog.order_box.isHidden()
    assert customers.find_by_phone("13800138000") == []
    assert dialog.parsed().name == "张三"


@pytest.mark.parametrize(("text", "cents"), [("128", 12800), ("¥99.5", 9950), ("1,280.00", 128000), ("", None),
                                             ("abc", None), ("-3", None)])
def test_parse_yuan(text, cents):
    assert parse_yuan(text) == cents


def test_format_yuan():
    assert (format_yuan(12800), format_yuan(None)) == ("128.00", "")
