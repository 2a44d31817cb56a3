"""The customers table model: SQL filter and sort, paging, and Qt's model contract."""

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from core.customers import CustomerService
from ui.models import paged
from ui.models.customers import ID_ROLE, SORT_ROLE, Column, CustomersModel

TODAY = dt.date(2026, 11, 23)


@pytest.fixture
def three(make_customer, make_order):
    zhang = make_customer(name="张伟", phone="138 0013 8000", tags=("宝妈",))
    make_order(zhang.id, "2026-10-01", [("蜂蜜500g", 1, 12000)])
    li = make_customer(name="李娜", phone="13912345678")
    make_order(li.id, "2026-05-01", [("面膜", 1, 5000)])
    make_order(li.id, "2026-06-01", [("面膜", 1, 6000)])
    make_customer(name="王芳", tags=("干皮",))


@pytest.fixture
def model(book):
    return CustomersModel(CustomerService(book), today=lambda: TODAY)


def _names(model):
    return [model.index(row, Column.NAME).data() for row in range(model.rowCount())]


def test_model_passes_qt_model_tester(qtmodeltester, three, model):
    qtmodeltester.check(model)


def test_default_order_is_last_purchase_newest_first(three, model):
    assert _names(model) == ["张伟", "李娜", "王芳"]


def test_sort_by_total_spend_is_done_in_sql(three, model):
    model.sort(Column.TOTAL_SPEND, Qt.SortOrder.AscendingOrder)
    assert _names(model) == ["王芳", "李娜", "张伟"]
    assert model.index(2, Column.TOTAL_SPEND).data() == "¥120.00"
    assert model.index(2, Column.TOTAL_SPEND).data(SORT_ROLE) == 12000
    assert model.sort_column() == (Column.TOTAL_SPEND, Qt.SortOrder.AscendingOrder)


def test_search_matches_pinyin_initials_phone_fragment_and_tag(three, model):
    for text, expected in (("zw", ["张伟"]), ("0013", ["张伟"]), ("干皮", ["王芳"]), ("李", ["李娜"])):
        model.set_query(text=text)
        assert _names(model) == expected, text


def test_stage_filter(three, model):
    model.set_query(stages=("prospect",))
    assert _names(model) == ["王芳"]
    assert model.index(0, Column.STAGE).data() == "Prospect"


def test_only_visible_pages_stay_in_memory(make_customer, model, monkeypatch):
    monkeypatch.setattr(model, "page_size", 2)
    monkeypatch.setattr(paged, "MAX_CACHED_PAGES", 2)
    for number in range(12):
        make_customer(name=f"客户{number:02d}")
    model.reload()
    assert model.rowCount() == 12 and model.cached_row_count() == 0
    for row in range(12):
        assert model.index(row, Column.NAME).data(ID_ROLE) == model.customer_id(row)
        assert model.index(row, Column.NAME).data()
    assert model.cached_row_count() == 4
