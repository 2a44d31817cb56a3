"""Screenshots of the loyalty screens in zh_CN (artifacts/screenshots/marketing_*.png), for people to look at:
levels and points, a level, a coupon, a campaign template, the customer's Marketing tab, the order dialog
with a coupon and points, the Marketing page with several values in a filter."""

import datetime as dt

import pytest

from core.customers import CustomerService
from core.marketing.loyalty import CouponSpec
from core.marketing.service import MarketingService
from core.orders import OrderService
from tests.ui.test_screenshots import _save, zh_cn  # noqa: F401 - zh_cn is a fixture used below

TODAY = dt.date(2026, 6, 1)
NOW = dt.datetime(2026, 6, 1, 10, 0)


@pytest.fixture
def loyal_book(book, make_customer, make_order):
    service = MarketingService(book)
    customer = make_customer(name="王姐", phone="13800138000", province="浙江", source_channel="moments").id
    for day in ("2026-03-01", "2026-04-01", "2026-05-01"):
        make_order(customer, day, [("土蜂蜜500g", 2, 6800)])
    make_customer(name="李哥", phone="13900139000", province="江苏", source_channel="taobao")
    service.save_level("银卡会员", 1, TODAY, min_purchases=2, discount_percent=98)
    service.save_level("金卡会员", 2, TODAY, min_spend_cents=100000, min_purchases=6, discount_percent=95)
    service.award_points(customer, "join", NOW)
    service.award_points(customer, "photo_review", NOW, "晒了蜂蜜的图")
    service.issue_coupon(customer, CouponSpec("threshold", 2000, 20000, valid_days=3650), NOW)
    service.issue_coupon(customer, CouponSpec("cash", 500, valid_days=3), dt.datetime(2026, 5, 1, 9))
    return book, customer


@pytest.mark.usefixtures("zh_cn")
def test_loyalty_screens_in_chinese(qtbot, loyal_book):
    from ui.dialogs.campaign_template import CampaignTemplateDialog
    from ui.dialogs.coupon import CouponDialog
    from ui.dialogs.customer import CustomerDialog
    from ui.dialogs.loyalty_settings import LevelDialog, LoyaltySettingsDialog
    from ui.dialogs.order import OrderDialog
    from ui.pages.marketing import MarketingPage

    book, customer = loyal_book
    service = MarketingService(book)

    loyalty = LoyaltySettingsDialog(service, lambda: TODAY)
    qtbot.addWidget(loyalty)
    loyalty.show()
    assert loyalty.settings_widget.levels_table.item(1, 0).text() == "金卡会员"
    _save(loyalty, "marketing_loyalty_settings")
    level = LevelDialog(service, lambda: TODAY, service.levels()[1])
    qtbot.addWidget(level)
    level.show()
    _save(level, "marketing_level")

    coupon = CouponDialog("给这个分群中可触达的 12 位客户每人发一张优惠券（3 位因排除规则不发）。", 30, "zh_CN")
    qtbot.addWidget(coupon)
    coupon.kind_box.setCurrentIndex(coupon.kind_box.findData("threshold"))
    coupon.value_edit.set_cents(2000)
    coupon.threshold_edit.set_cents(20000)
    coupon.show()
    assert coupon.preview_label.text() == "满200减20优惠券"
    _save(coupon, "marketing_coupon")

    page = MarketingPage(service, lambda: TODAY, lambda: NOW)
    qtbot.addWidget(page)
    page.resize(1200, 760)
    page.show()
    page.reload()
    page.stage_combo.set_checked(["new", "returning", "loyal"])
    page.channel_combo.set_checked(["moments", "taobao"])
    page.update_count()
    _save(page, "marketing_page_multi_filters")
    template = CampaignTemplateDialog(service, page.template_combo.currentData(), page.template_combo.currentText())
    qtbot.addWidget(template)
    template.editor.template_edit.setPlainText(template.editor.text() + " {价格}")
    template.show()
    assert "{价格}" in template.editor.unknown_label.text()
    _save(template, "marketing_campaign_template")

    customers, orders = CustomerService(book), OrderService(book)
    dialog = CustomerDialog(customers, orders, [], customers.get(customer))
    qtbot.addWidget(dialog)
    dialog.resize(760, 680)
    dialog.show()
    dialog.tabs.setCurrentIndex(dialog.tabs.count() - 1)
    _save(dialog, "marketing_customer_tab")

    order = OrderDialog(orders, customers, [], customer_id=customer, marketing=service)
    qtbot.addWidget(order)
    order.items_table.cellWidget(0, 0).setEditText("土蜂蜜500g")
    order.items_table.cellWidget(0, 2).set_cents(24000)
    order.rewards.coupon_box.setCurrentIndex(1)
    order.rewards.points_spin.setValue(100)
    order.show()
    assert "优惠券和积分抵扣" in order.totals_label.text()
    _save(order, "marketing_order_rewards")
