"""Customers page: every column sorts from its header, the Level column and the level filter."""

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from core.customers import CustomerService
from core.marketing.levels import recompute_levels, save_level
from core.orders import OrderService
from core.tags import TagService
from ui.models.customers import Column
from ui.pages.customers import CustomersPage

TODAY = dt.date(2026, 6, 1)


def _page(qtbot, book, settings):
    page = CustomersPage(CustomerService(book), OrderService(book), TagService(book), settings, lambda: TODAY)
    qtbot.addWidget(page)
    return page


@pytest.fixture
def book_with_levels(book, make_customer, make_order):
    with book.session() as s:
        save_level(s, "银卡", 1, min_purchases=1)
        save_level(s, "金卡", 2, min_spend_cents=10000)
    rich = make_customer(name="富", wechat_id="b_wx", province="广东", city="广州", tags=("宝妈",))
    make_order(rich.id, "2026-05-01", items=(("蜂蜜", 3, 5000),))
    once = make_customer(name="一", wechat_id="c_wx", province="浙江", city="杭州", tags=("宝妈", "干皮"))
    make_order(once.id, "2025-05-01")
    make_customer(name="无", wechat_id="a_wx", province="北京", city="北京")
    with book.session() as s:
        recompute_levels(s, TODAY)
    return book


def _column(page, column):
    return [page.model.index(row, column).data() for row in range(page.model.rowCount())]


def _sort_by_header(page, column, order):
    page.table.horizontalHeader().setSortIndicator(column, order)


@pytest.mark.parametrize(("column", "ascending"), [
    (Column.STAGE, ["Prospect", "New", "Churned"]),
    (Column.LEVEL, ["", "银卡", "金卡"]),
    (Column.TAGS, ["", "宝妈", "宝妈、干皮"]),
    (Column.WECHAT, ["a_wx", "b_wx", "c_wx"]),
    (Column.CITY, ["北京", "广州", "杭州"]),
])
def test_the_new_columns_sort_from_their_header_both_ways(qtbot, book_with_levels, settings, column, ascending):
    page = _page(qtbot, book_with_levels, settings)
    _sort_by_header(page, column, Qt.SortOrder.AscendingOrder)
    assert _column(page, column) == ascending
    assert page.table.horizontalHeader().sortIndicatorSection() == column
    _sort_by_header(page, column, Qt.SortOrder.DescendingOrder)
    assert _column(page, column) == ascending[::-1]
    assert page.model.sort_column() == (column, Qt.SortOrder.DescendingOrder)


def test_every_column_can_be_sorted(qtbot, book_with_levels, settings):
    page = _page(qtbot, book_with_levels, settings)
    for column in Column:
        _sort_by_header(page, column, Qt.SortOrder.AscendingOrder)
        assert page.model.sort_column() == (column, Qt.SortOrder.AscendingOrder), column.name


def test_level_column_sits_after_stage_and_the_level_filter_filters(qtbot, book_with_levels, settings):
    page = _page(qtbot, book_with_levels, settings)
    header = page.table.horizontalHeader()
    assert header.visualIndex(Column.LEVEL) == header.visualIndex(Column.STAGE) + 1
    assert not header.isSectionHidden(Column.LEVEL)
    assert page.model.headerData(Column.LEVEL, Qt.Orientation.Horizontal) == "Level"
    assert not page.level_filter.isHidden()
    page.level_filter.setCurrentIndex(page.level_filter.findText("金卡"))
    assert _column(page, Column.NAME) == ["富"]
    page.level_filter.setCurrentIndex(page.level_filter.findData(0))  # no level
    assert _column(page, Column.NAME) == ["无"]
    page.stage_filter.setCurrentIndex(page.stage_filter.findData("churned"))
    assert _column(page, Column.NAME) == []
    page.level_filter.setCurrentIndex(0)
    assert _column(page, Column.NAME) == ["一"]


def test_level_filter_is_hidden_in_a_book_without_levels(qtbot, book, settings, make_customer):
    make_customer(name="甲")
    page = _page(qtbot, book, settings)
    assert page.level_filter.isHidden() and page.level_label.isHidden()
    assert _column(page, Column.LEVEL) == [""]


def test_a_level_that_is_gone_resets_the_level_filter(qtbot, book_with_levels, settings):
    from sqlalchemy import delete

    from core.book.models import MemberLevel

    page = _page(qtbot, book_with_levels, settings)
    page.level_filter.setCurrentIndex(page.level_filter.findText("金卡"))
    assert _column(page, Column.NAME) == ["富"]
    with book_with_levels.session() as s:
        s.execute(delete(MemberLevel).where(MemberLevel.name == "金卡"))
    page.refresh()
    assert page.level_filter.currentIndex() == 0
    assert sorted(_column(page, Column.NAME)) == sorted(["富", "一", "无"])
