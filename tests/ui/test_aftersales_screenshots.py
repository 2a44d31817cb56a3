"""Screenshots of the After-sales page, its statistics and dialogs in zh_CN on the demo book
(artifacts/screenshots/aftersales_*.png), for people to look at."""

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from core.aftersales import AftersalesService
from core.customers import CustomerService, book_counts
from core.db import Book
from core.demo import build_demo
from core.orders import OrderService
from ui.i18n import install_chinese
from ui.main_window import MainWindow
from ui.pages.aftersales import AftersalesPage
from ui.session import Session

OUT = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"
TODAY = dt.date(2026, 11, 23)
NOW = dt.datetime(2026, 11, 23, 10, 0)


@pytest.fixture
def demo_book(tmp_path):
    build_demo(tmp_path / "demo.book", customers=300, seed=1, today=TODAY)
    book = Book.open(tmp_path / "demo.book", backup_root=tmp_path / "backups")
    yield book
    book.close()


@pytest.fixture
def zh_cn(qapp):
    translators = install_chinese(qapp)
    yield
    for translator in translators:
        qapp.removeTranslator(translator)


def _save(widget, name: str) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    image = widget.grab().toImage()
    assert image.save(str(OUT / f"aftersales_{name}.png"))
    colours = {QColor(image.pixel(x, y)).name() for x in range(0, image.width(), 9) for y in range(0, image.height(), 9)}
    assert len(colours) > 3, f"{name} looks blank"


def test_aftersales_screens_in_chinese(qtbot, zh_cn, demo_book, settings):
    from ui.dialogs.complaint import ComplaintDialog
    from ui.dialogs.review import ReviewDialog

    service = AftersalesService(demo_book, lambda: NOW)
    rows = service.cases.list_cases()
    assert rows, "the demo book has after-sales cases"
    session = Session(book=demo_book, book_path=str(demo_book.path), settings=settings, today=lambda: TODAY)
    window = MainWindow(session, counts=lambda: book_counts(demo_book))
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    window.show_page("aftersales")
    page = window.page("aftersales")
    assert isinstance(page, AftersalesPage) and page.model.rowCount() == len(rows)
    assert page.model.headerData(0, Qt.Orientation.Horizontal) == "类型"
    _save(window, "page")
    page.tabs.setCurrentIndex(1)
    qtbot.wait(50)
    assert "挽回率" in page.figures_label.text()
    _save(window, "statistics")

    orders = OrderService(demo_book)
    complaint = next(r for r in rows if r.kind == "complaint")
    dialog = ComplaintDialog(service, orders, customer_id=complaint.customer_id, complaint_id=complaint.id,
                             clock=lambda: NOW)
    qtbot.addWidget(dialog)
    dialog.show()
    _save(dialog, "complaint")
    review = next(r for r in rows if r.kind == "review")
    review_dialog = ReviewDialog(service, orders, customer_id=review.customer_id, review_id=review.id,
                                 clock=lambda: NOW)
    qtbot.addWidget(review_dialog)
    review_dialog.show()
    _save(review_dialog, "review")
    review_dialog.tabs.setCurrentIndex(1)
    _save(review_dialog, "review_check")

    risky = next((c for c in CustomerService(demo_book).list_page_all() if c.risk_buyer), None) \
        if hasattr(CustomerService, "list_page_all") else None
    customer_id = risky.id if risky else review.customer_id
    record = window.page("customers").customer_dialog(customer_id)
    qtbot.addWidget(record)
    record.show()
    record.tabs.setCurrentIndex(record.tabs.count() - 1)
    _save(record, "customer_record")
