"""Screenshots of every page and dialog in zh_CN with a filled book, saved under artifacts/screenshots/.

They are for people to look at (and CI keeps them as artifacts); the assertions check that the
Chinese translation is active and that something was painted.
"""

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from core.customers import CustomerService, book_counts
from core.dto import ProductInput
from core.orders import OrderService
from core.products import ProductService
from core.tags import TagService
from tests.ui.conftest import wait_until_idle
from ui.dialogs.merge import MergeDialog
from ui.dialogs.recycle_bin import RecycleBinDialog
from ui.i18n import install_chinese
from ui.main_window import MainWindow
from ui.pages.registry import PAGES
from ui.session import Session
from ui.welcome import WelcomeWindow

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "artifacts" / "screenshots"
TODAY = dt.date(2026, 11, 23)

CUSTOMERS = [
    ("张伟", "13800138000", ("宝妈", "干皮"), "浙江", "杭州"), ("李娜", "13912345678", ("送礼",), "广东", "广州"),
    ("王芳", "13700001111", (), "江苏", "南京"), ("刘洋", "15000002222", ("油皮",), "北京", "北京"),
    ("陈静", "18600003333", ("宝妈",), "上海", "上海"), ("杨帆", "", ("转介绍",), "四川", "成都"),
    ("赵磊", "13600004444", (), "山东", "青岛"), ("黄丽", "13500005555", ("干皮", "送礼"), "福建", "厦门"),
]


@pytest.fixture
def zh_cn(qapp):
    translators = install_chinese(qapp)
    assert len(translators) == 2
    yield
    for translator in translators:
        qapp.removeTranslator(translator)


@pytest.fixture
def filled_book(book, make_customer, make_order):
    products = ProductService(book)
    honey = products.create(ProductInput(name="土蜂蜜500g", category="蜂蜜", price_cents=6800, cycle_days=45))
    mask = products.create(ProductInput(name="补水面膜30片", category="护肤", price_cents=9900, cycle_days=30))
    products.create(ProductInput(name="青梅酒750ml", category="酒", price_cents=12800, cycle_days=60, lead_days=5))
    for number, (name, phone, tags, province, city) in enumerate(CUSTOMERS):
        customer = make_customer(name=name, phone=phone, tags=tags, province=province, city=city,
                                 source_channel=("moments", "taobao", "referral")[number % 3])
        for k in range(number % 4):
            day = (TODAY - dt.timedelta(days=20 + 47 * k + 9 * number)).isoformat()
            product = (honey, mask)[k % 2]
            make_order(customer.id, day, [(product.id, 1 + k % 2, product.price_cents)],
                       status=("completed", "shipped", "paid")[k % 3], platform=("wechat", "taobao")[number % 2])
    return book


def _save(widget, name: str) -> Path:
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"{name}.png"
    image = widget.grab().toImage()
    assert image.save(str(path))
    colours = {QColor(image.pixel(x, y)).name() for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
    assert len(colours) > 3, f"{name} looks blank"
    return path


@pytest.mark.slow
def test_every_page_in_chinese(qtbot, zh_cn, filled_book, settings):
    session = Session(book=filled_book, book_path=str(filled_book.path), settings=settings, today=lambda: TODAY)
    window = MainWindow(session, counts=lambda: book_counts(filled_book))
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    assert window.navigation.item(1).text() == "客户"
    for spec in PAGES:
        page = window.show_page(spec.key)
        model = getattr(page, "model", None) or getattr(page, "orders_model", None)
        wait_until_idle(qtbot, session.tasks, model)
        qtbot.wait(20)
        _save(window, f"page_{spec.key}")
    window.show_page("customers")
    window.search_box.setText("宝妈")
    qtbot.waitUntil(lambda: window.page("customers").model.rowCount() == 2, timeout=5000)
    wait_until_idle(qtbot, session.tasks, window.page("customers").model)
    _save(window, "page_customers_search")


def test_dialogs_in_chinese(qtbot, zh_cn, filled_book, settings):
    customers = CustomerService(filled_book)
    session = Session(book=filled_book, book_path=str(filled_book.path), settings=settings, today=lambda: TODAY)
    window = MainWindow(session, counts=lambda: book_counts(filled_book))
    qtbot.addWidget(window)
    page = window.page("customers")
    wait_until_idle(qtbot, session.tasks, page.model)
    first = page.model.customer_id(0)
    dialog = page.customer_dialog(first)
    qtbot.addWidget(dialog)
    dialog.show()
    _save(dialog, "dialog_customer_profile")
    dialog.tabs.setCurrentIndex(1)
    _save(dialog, "dialog_customer_purchases")
    assert dialog.tabs.tabText(1) == "购买"
    orders_page = window.page("orders")
    wait_until_idle(qtbot, session.tasks, orders_page.orders_model)
    order_dialog = orders_page.order_dialog(orders_page.orders_model.order(0).id)
    qtbot.addWidget(order_dialog)
    order_dialog.show()
    _save(order_dialog, "dialog_order")
    merge = MergeDialog(customers, customers.get(first), customers.get(page.model.customer_id(1)))
    qtbot.addWidget(merge)
    merge.show()
    _save(merge, "dialog_merge")
    customers.soft_delete([page.model.customer_id(2)])
    recycle = RecycleBinDialog(customers, settings, lambda: TODAY)
    qtbot.addWidget(recycle)
    recycle.show()
    _save(recycle, "dialog_recycle_bin")
    welcome = WelcomeWindow()
    qtbot.addWidget(welcome)
    welcome.show()
    assert QCoreApplication.translate("WelcomeWindow", "Open the demo book") == "打开演示客户本"
    _save(welcome, "welcome")
    assert TagService(filled_book).all_tags()
    assert OrderService(filled_book).count(orders_page.orders_model.query) > 0
    session.tasks.wait(10_000)
