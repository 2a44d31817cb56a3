"""Screenshots of paste from chat in zh_CN (artifacts/screenshots/), with a matched customer and guesses."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from core.customers import CustomerService
from core.dto import ProductInput
from core.orders import OrderService
from core.products import ProductService
from ui.dialogs.order import OrderDialog
from ui.dialogs.paste import PasteDialog
from ui.i18n import install_chinese

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "artifacts" / "screenshots"
MESSAGE = "老板你好😊 张三 13800138000 / 0571-88886666 杭州西湖区文三路 100 号 5 幢 301，蜂蜜两瓶 梅子酒一瓶 共216元 谢谢"


@pytest.fixture
def zh_cn(qapp):
    translators = install_chinese(qapp)
    yield
    for translator in translators:
        qapp.removeTranslator(translator)


def _save(widget, name: str) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    image = widget.grab().toImage()
    assert image.save(str(OUT / f"{name}.png"))
    colours = {QColor(image.pixel(x, y)).name() for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
    assert len(colours) > 3, f"{name} looks blank"


def test_paste_dialog_and_prefilled_order_in_chinese(qtbot, zh_cn, book, make_customer):
    products = ProductService(book)
    products.create(ProductInput(name="土蜂蜜 500g", price_cents=6800))
    products.create(ProductInput(name="青梅酒", price_cents=8800))
    customer = make_customer(name="老张", phone="13800138000", province="浙江省", city="杭州市", district="上城区",
                             address_detail="解放路1号")
    paste = PasteDialog(CustomerService(book), [p.name for p in products.list()], MESSAGE)
    qtbot.addWidget(paste)
    paste.show()
    qtbot.waitExposed(paste)

    assert paste.windowTitle() == QCoreApplication.translate("PasteDialog", "Paste from chat") == "粘贴识别"
    assert "老张" in paste.match_label.text() and "已有客户" in paste.match_label.text()
    _save(paste, "paste_dialog")

    order = OrderDialog(OrderService(book), CustomerService(book), products.list(), customer_id=customer.id)
    qtbot.addWidget(order)
    order.fill_from_message(paste.parsed())
    order.show()
    qtbot.waitExposed(order)
    assert order.paste_button.text() == "粘贴识别…"
    _save(order, "order_from_paste")
