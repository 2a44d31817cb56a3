"""Screenshots of the After-sales page, its statistics and dialogs in zh_CN on the demo book
(artifacts/screenshots/aftersales_*.png), for people to look at."""

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from core.aftersales.service import AftersalesService
from core.book.db import Book
from core.customers import CustomerService, book_counts
from core.demo.build import build_demo
from core.dto import CustomerQuery
from core.orders import OrderService
from tests.ui.test_screenshots import _save, zh_cn  # noqa: F401 - zh_cn is a fixture used below
from ui.main_window import MainWindow
from ui.pages.aftersales import AftersalesPage
from ui.session import Session

TODAY = dt.date(2026, 11, 23)
NOW = dt.datetime(2026, 11, 23, 10, 0)


@pytest.fixture
def demo_book(tmp_path):
    build_demo(tmp_path / "demo.book", customers=300, seed=1, today=TODAY)
    book = Book.open(tmp_path / "demo.book", backup_root=tmp_path / "backups")
    yield book
    book.close()


@pytest.mark.slow
@pytest.mark.usefixtures("zh_cn")
def test_aftersales_screens_in_chinese(qtbot, demo_book, settings):
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
    _save(window, "aftersales_page")
    page.tabs.setCurrentIndex(1)
    qtbot.wait(50)
    assert "挽回率" in page.figures_label.text()
    _save(window, "aftersales_statistics")

    orders = OrderService(demo_book)
    complaint = next(r for r in rows if r.kind == "complaint")
    dialog = ComplaintDialog(service, orders, customer_id=complaint.customer_id, complaint_id=complaint.id,
                             clock=lambda: NOW)
    qtbot.addWidget(dialog)
    dialog.show()
    _save(dialog, "aftersales_complaint")
    review = next(r for r in rows if r.kind == "review")
    review_dialog = ReviewDialog(service, orders, customer_id=review.customer_id, review_id=review.id,
                                 clock=lambda: NOW)
    qtbot.addWidget(review_dialog)
    review_dialog.show()
    _save(review_dialog, "aftersales_review")
    review_dialog.tabs.setCurrentIndex(1)
    _save(review_dialog, "aftersales_review_check")

    risky = CustomerService(demo_book).list_page(CustomerQuery(risk_buyer=True))
    assert risky, "the demo book has a risk buyer"
    record = window.page("customers").customer_dialog(risky[0].id)
    qtbot.addWidget(record)
    record.show()
    record.tabs.setCurrentIndex(record.tabs.count() - 1)
    assert not record.risk_banner.isHidden()
    _save(record, "aftersales_customer_record")
