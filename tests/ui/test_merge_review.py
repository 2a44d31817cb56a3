"""Reviewing an import's weak matches in the import dialog and from the import history (merge / keep separate)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from core.book.models import Customer, Order
from core.excel.importer import run_import
from core.excel.review import pending_proposals
from tests.ui.test_import_dialog import (
    count,
    messy_workbook,
    open_dialog,
    tasks,  # noqa: F401  (the background runner fixture)
)
from tests.ui.test_paste_screenshots import _save as save_shot
from tests.ui.test_paste_screenshots import zh_cn  # noqa: F401  (the fixture that installs the zh_CN translator)
from ui.dialogs.import_history import ImportHistoryDialog
from ui.widgets.merge_review import MergeReviewDialog


@pytest.fixture
def namesakes(make_customer, make_order):
    """Book customers who share only a name with people of the messy workbook (王芳, 赵敏, 小林)."""
    wang = make_customer(name="王芳", phone="13711112222", province="湖南省", city="长沙市", address_detail="五一路8号")
    make_order(wang.id, "2024-02-10", items=(("桂花蜜", 1, 6400),))
    zhao = make_customer(name="赵敏", phone="13300001111", province="浙江省", city="宁波市")
    xiaolin = make_customer(name="小林", wechat_id="lin_2023")
    return {"王芳": wang.id, "赵敏": zhao.id, "小林": xiaolin.id}


def row_of(review, name: str) -> int:
    return next(row for row in range(review.table.rowCount()) if review.table.item(row, 0).text().startswith(name))


def imported_dialog(qtbot, book, tasks, tmp_path):  # noqa: F811
    dialog = open_dialog(qtbot, book, tasks, messy_workbook(tmp_path))
    with qtbot.waitSignal(dialog.book_changed, timeout=20000):
        dialog.import_button.click()
    return dialog


def test_dry_run_lists_the_pairs_without_letting_them_be_decided(qtbot, book, tasks, tmp_path, namesakes):  # noqa: F811
    dialog = open_dialog(qtbot, book, tasks, messy_workbook(tmp_path))
    dialog.check_button.click()
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 2, timeout=20000)
    review = dialog.summary.review
    assert review.table.rowCount() == 3 and dialog.summary.summary_tabs.currentWidget() is review
    assert not any(button.isEnabled() for button in review.merge_buttons + review.separate_buttons)
    assert not review.merge_all_button.isEnabled()
    wang = row_of(review, "王芳")
    assert "13925130165" in review.table.item(wang, 0).text() and "13711112222" in review.table.item(wang, 1).text()
    assert "Orders: 1" in review.table.item(wang, 1).text()
    assert "different phone numbers" in review.table.item(wang, 2).text()
    assert count(book, Customer) == 3


def test_merge_one_pair_keeps_its_orders_and_keep_one_separate(qtbot, book, tasks, tmp_path, namesakes):  # noqa: F811
    dialog = imported_dialog(qtbot, book, tasks, tmp_path)
    review = dialog.summary.review
    assert review.table.rowCount() == 3
    orders_before, customers_before = count(book, Order), count(book, Customer)
    wang = row_of(review, "王芳")
    with qtbot.waitSignal(dialog.book_changed):
        review.merge_buttons[wang].click()
    assert count(book, Customer) == customers_before - 1 and count(book, Order) == orders_before
    with book.session() as session:
        owners = set(session.scalars(select(Order.customer_id).join(Customer).where(Customer.name == "王芳")))
    assert owners == {namesakes["王芳"]}  # the February order and both imported ones
    assert not review.merge_buttons[wang].isEnabled() and review.open_count() == 2
    xiaolin = row_of(review, "小林")
    review.separate_buttons[xiaolin].click()
    assert {view.new.name for view in pending_proposals(book)} == {"赵敏"}
    again = run_import(book, messy_workbook(tmp_path))  # the same file once more
    assert again.customers_created == 0 and again.proposals == ()


def test_merge_all_after_confirmation(qtbot, book, tasks, tmp_path, namesakes, monkeypatch):  # noqa: F811
    dialog = imported_dialog(qtbot, book, tasks, tmp_path)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    customers_before = count(book, Customer)
    dialog.summary.review.merge_all_button.click()
    assert count(book, Customer) == customers_before - 3 and dialog.summary.review.open_count() == 0
    assert pending_proposals(book) == [] and not dialog.summary.review.merge_all_button.isEnabled()


def test_history_offers_the_pairs_left_open(qtbot, book, tmp_path, namesakes, monkeypatch):
    run_import(book, messy_workbook(tmp_path))
    history = ImportHistoryDialog(book)
    qtbot.addWidget(history)
    assert history.review_button.isVisibleTo(history) and "3" in history.review_button.text()

    def keep_all_separate(review_dialog: MergeReviewDialog) -> int:
        assert review_dialog.review.table.rowCount() == 3
        review_dialog.review.separate_all_button.click()
        return 0

    monkeypatch.setattr(MergeReviewDialog, "exec", keep_all_separate)
    history.review_button.click()
    assert not history.review_button.isVisibleTo(history) and pending_proposals(book) == []


@pytest.mark.usefixtures("zh_cn")
def test_review_screenshot_in_chinese(qtbot, book, tasks, tmp_path, namesakes):  # noqa: F811
    dialog = imported_dialog(qtbot, book, tasks, tmp_path)
    assert dialog.summary.summary_tabs.tabText(1).startswith("可能是同一个人")
    dialog.summary.review.merge_buttons[row_of(dialog.summary.review, "王芳")].click()
    qtbot.waitExposed(dialog)
    save_shot(dialog, "import_dialog_merge_review")


@pytest.mark.usefixtures("zh_cn")
def test_a_masked_douyin_buyer_fitting_a_real_customer_is_shown_with_why_and_merged_on_request(
        qtbot, book, tasks, tmp_path, make_customer):  # noqa: F811
    from tests.core.excel.test_douyin_masked_buyers import customers, douyin, line

    real = make_customer(name="周杰", phone="15112340000", province="江苏省", city="南京市", district="玄武区",
                         address_detail="建设路1号")
    dialog = open_dialog(qtbot, book, tasks, douyin(tmp_path / "抖店订单.csv", [line(1, day=1), line(2, day=9)]))
    dialog.resize(1366, 768)
    with qtbot.waitSignal(dialog.book_changed, timeout=20000):
        dialog.import_button.click()
    review = dialog.summary.review
    assert review.table.rowCount() == 1 and dialog.summary.summary_tabs.currentWidget() is review
    assert review.table.item(0, 0).text().startswith("周**") and "151****0000" in review.table.item(0, 0).text()
    assert review.table.item(0, 1).text().startswith("周杰")
    assert review.table.item(0, 2).text() == "平台隐去了部分姓名“周**”和手机号：露出的部分与这位客户相符，且收货地址相同"
    assert "打码" in review.intro_label.text()
    qtbot.waitExposed(dialog)
    save_shot(dialog, "import_dialog_masked_buyer_review")
    review.merge_buttons[0].click()
    qtbot.waitUntil(lambda: not review.merge_buttons[0].isEnabled(), timeout=10000)
    assert [row[:2] + row[3:] for row in customers(book)] == [("周杰", "15112340000", 2, 2)]
    assert pending_proposals(book) == [] and count(book, Order) == 2
    with book.session() as session:
        assert set(session.scalars(select(Order.customer_id))) == {real.id}
