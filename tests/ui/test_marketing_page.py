"""Marketing page: the segment builder counts with exclusions; the send queue copies and marks sent on Enter."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from core.book.models import ContactLog
from core.marketing.service import MarketingService
from ui.pages.marketing import MarketingPage

TODAY = dt.date(2026, 6, 1)


def _page(qtbot, book):
    page = MarketingPage(MarketingService(book), lambda: TODAY, lambda: dt.datetime(2026, 6, 1, 10, 0))
    qtbot.addWidget(page)
    page.reload()
    return page


def test_segment_builder_counts_and_shows_exclusions(qtbot, book, make_customer, make_order):
    buyer = make_customer(name="王姐", phone="13800138000", province="浙江").id
    make_order(buyer, "2026-05-01")
    make_customer(name="赵六", phone="13700137000", province="浙江", do_not_disturb=True)
    make_customer(name="李哥", phone="13600136000", province="江苏")
    page = _page(qtbot, book)
    page.provinces_edit.setText("浙江")
    page.update_count()
    assert page.definition() == {"provinces": ["浙江"]}
    assert page.count_label.text().startswith("2 match, 1 reachable")
    assert "do not disturb 1" in page.count_label.text()
    page.segment_name_edit.setText("浙江客户")
    page.save_segment()
    names = [page.segment_list.item(i).text() for i in range(page.segment_list.count())]
    assert any(n.startswith("浙江客户  1 / 2") for n in names)
    page.provinces_edit.setText("")
    page.segment_list.itemClicked.emit(next(page.segment_list.item(i) for i in range(page.segment_list.count())
                                            if page.segment_list.item(i).text().startswith("浙江客户")))
    assert page.provinces_edit.text() == "浙江"


def test_send_queue_enter_copies_and_marks_sent(qtbot, book, make_customer):
    make_customer(name="Anna", phone="13800138000", province="Zhejiang")
    make_customer(name="Bo", phone="138****8000", province="Zhejiang")
    page = _page(qtbot, book)
    page.provinces_edit.setText("Zhejiang")
    page.campaign_name_edit.setText("June")
    page.body_edit.setPlainText("Hi {name}!")
    page.start_campaign()
    assert page.queue_table.rowCount() == 2
    assert page.queue_table.item(1, 4).text() == "cannot receive SMS"
    page.queue_table.setFocus()
    qtbot.keyClick(page.queue_table, Qt.Key.Key_Return)
    assert QGuiApplication.clipboard().text() == "Hi Anna!"
    assert page.copied_note.text() == "✓ Copied"
    statuses = sorted(page.queue_table.item(i, 3).text() for i in range(2))
    assert statuses == ["sent", "to send"]
    with book.session() as s:
        assert s.query(ContactLog).filter_by(is_marketing=True).count() == 1
    assert "contacted 1" in page.report_label.text()


def test_customer_marketing_section_shows_points_level_and_touches(qtbot, book, make_customer, make_order):
    from core.marketing import campaigns, levels
    from ui.dialogs.customer_sections import CUSTOMER_SECTIONS

    buyer = make_customer(name="王姐", phone="13800138000").id
    with book.session() as s:
        levels.save_level(s, "银卡", 1, min_purchases=1)
    make_order(buyer, "2026-05-01", [("蜂蜜500g", 1, 6800)])
    with book.session() as s:
        cid = campaigns.create_campaign(s, "c", {}, "hi", TODAY)
        campaigns.build_queue(s, cid, TODAY, dt.datetime(2026, 6, 1, 9))
        campaigns.mark_sent(s, cid, [buyer], dt.datetime(2026, 6, 1, 9))
    section = next(spec for spec in CUSTOMER_SECTIONS if spec.key == "marketing")
    widget = section.create_widget(book, buyer)
    qtbot.addWidget(widget)
    assert (widget.level_label.text(), widget.points_label.text(), widget.marketed_label.text()) == ("银卡", "68", "1")
    assert widget.responded_label.text() == "0 (0%)"


def test_segment_by_city_bought_product_and_average_order(qtbot, book, make_customer, make_order):
    from core.dto import ProductInput
    from core.products import ProductService

    honey = ProductService(book).create(ProductInput(name="蜂蜜500g", price_cents=6800, cycle_days=45)).id
    tea = ProductService(book).create(ProductInput(name="龙井250g", price_cents=12800, cycle_days=60)).id
    hz = make_customer(name="王姐", phone="13800138000", province="浙江", city="杭州市").id
    make_order(hz, "2026-05-01", [(honey, 2, 6800)])
    nb = make_customer(name="李哥", phone="13600136000", province="浙江", city="宁波市").id
    make_order(nb, "2026-05-02", [(tea, 1, 12800)])
    page = _page(qtbot, book)
    assert page.product_combo.count() == 2
    page.cities_edit.setText("杭州市，宁波市")
    page.product_combo.set_checked([tea])
    assert page.definition() == {"cities": ["杭州市", "宁波市"], "products": [tea]}
    page.update_count()
    assert page.count_label.text().startswith("1 match, 1 reachable")
    page.product_combo.set_checked([])
    page.min_aov_spin.setValue(130)  # 王姐 spent ¥136 in one order, 李哥 ¥128
    assert page.definition() == {"cities": ["杭州市", "宁波市"], "min_aov_cents": 13000}
    page.update_count()
    assert page.count_label.text().startswith("1 match")
    page.segment_name_edit.setText("杭甬大单")
    page.save_segment()
    page.set_definition({})
    assert page.cities_edit.text() == "" and page.min_aov_spin.value() == 0
    page.segment_list.itemClicked.emit(next(page.segment_list.item(i) for i in range(page.segment_list.count())
                                            if page.segment_list.item(i).text().startswith("杭甬大单")))
    assert page.cities_edit.text() == "杭州市, 宁波市" and page.min_aov_spin.value() == 130
