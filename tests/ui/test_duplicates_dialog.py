"""Customers menu → Find duplicate customers…: the book's duplicates merged or kept apart (core.duplicates_finder)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from core.book.models import Customer, Order
from core.customers import book_counts
from core.duplicates_finder import find_duplicates
from tests.ui.test_main_window import TODAY
from tests.ui.test_paste_screenshots import _save as save_shot
from tests.ui.test_paste_screenshots import zh_cn  # noqa: F401  (the fixture that installs the zh_CN translator)
from ui.main_window import MainWindow
from ui.session import Session
from ui.widgets.merge_review import DuplicatesDialog

HOME = {"province": "江苏省", "city": "南京市", "district": "玄武区", "address_detail": "建设路1号"}


@pytest.fixture
def duplicates(make_customer, make_order):
    """Two masked Douyin buyers of one home (one customer per order, as an old import left them) and two hand-typed
    李雷 at one address; a third 周** elsewhere."""
    ids = {}
    for number, key in enumerate(("周1", "周2", "周elsewhere")):
        address = HOME if key != "周elsewhere" else {**HOME, "address_detail": "中山路9号"}
        customer = make_customer(name="周**", phone="151****0000", source_channel="douyin", **address)
        make_order(customer.id, f"2026-03-0{number + 1}", platform="douyin", platform_order_no=f"DY{number}")
        ids[key] = customer.id
    ids["李雷1"] = make_customer(name="李雷", phone="13800001111", **HOME).id
    ids["李雷2"] = make_customer(name="李雷", **HOME).id
    return ids


def menu_dialog(qtbot, book, settings, monkeypatch) -> DuplicatesDialog:
    """The dialog the Customers menu's action opens (exec replaced: the test drives it)."""
    session = Session(book=book, book_path=str(book.path), settings=settings, today=lambda: TODAY)
    window = MainWindow(session, counts=lambda: book_counts(book))
    qtbot.addWidget(window)
    opened: list[DuplicatesDialog] = []
    monkeypatch.setattr(DuplicatesDialog, "exec", lambda dialog: opened.append(dialog) or 0)
    customers_menu = window.menuBar().actions()[1].menu()
    assert window.duplicates_action in customers_menu.actions()
    window.duplicates_action.trigger()
    qtbot.waitUntil(lambda: len(opened) == 1, timeout=20000)
    assert window.duplicates_action.isEnabled()
    qtbot.addWidget(opened[0])
    return opened[0]


def test_merge_one_pair_and_keep_another_apart(qtbot, book, settings, duplicates, monkeypatch):
    dialog = menu_dialog(qtbot, book, settings, monkeypatch)
    review = dialog.review
    assert review.table.rowCount() == 2
    rows = {review.table.item(row, 2).text(): row for row in range(2)}
    masked = next(row for text, row in rows.items() if text.startswith("The platform"))
    named = next(row for text, row in rows.items() if text.startswith("Same name"))
    assert review.table.item(masked, 0).text().startswith("周**") and "Orders: 1" in review.table.item(masked, 0).text()
    with qtbot.waitSignal(review.book_changed, timeout=10000):
        review.merge_buttons[masked].click()
    qtbot.waitUntil(lambda: not review.merge_buttons[masked].isEnabled(), timeout=10000)
    with book.session() as session:
        owners = sorted(session.scalars(select(Order.customer_id).where(Order.platform_order_no.in_(["DY0", "DY1"]))))
        alive = set(session.scalars(select(Customer.id).where(Customer.deleted_at.is_(None))))
    assert owners == [duplicates["周1"], duplicates["周1"]] and duplicates["周2"] not in alive
    with qtbot.waitSignal(review.book_changed, timeout=10000):
        review.separate_buttons[named].click()
    assert find_duplicates(book).views == []
    assert menu_dialog(qtbot, book, settings, monkeypatch).review.table.rowCount() == 0


@pytest.mark.usefixtures("zh_cn")
def test_duplicates_screenshot_in_chinese(qtbot, book, settings, duplicates, monkeypatch):
    dialog = menu_dialog(qtbot, book, settings, monkeypatch)
    dialog.resize(1366, 768)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.windowTitle() == "查找重复客户"
    assert dialog.review.merge_all_button.text() == "全部合并"
    save_shot(dialog, "duplicates_dialog")


def test_the_search_runs_off_the_gui_thread_with_the_action_disabled(qtbot, book, settings, duplicates, monkeypatch):
    """On a 100,000-customer book the search takes about a second: not on the GUI thread, and not twice at once."""
    import threading

    from core import duplicates_finder

    threads: list[threading.Thread] = []
    searched = duplicates_finder.find_duplicates

    def recorded(*args, **kwargs):
        threads.append(threading.current_thread())
        return searched(*args, **kwargs)

    monkeypatch.setattr(duplicates_finder, "find_duplicates", recorded)
    session = Session(book=book, book_path=str(book.path), settings=settings, today=lambda: TODAY)
    window = MainWindow(session, counts=lambda: book_counts(book))
    qtbot.addWidget(window)
    opened: list[DuplicatesDialog] = []
    monkeypatch.setattr(DuplicatesDialog, "exec", lambda dialog: opened.append(dialog) or 0)
    window.duplicates_action.trigger()
    assert not window.duplicates_action.isEnabled()
    qtbot.waitUntil(lambda: len(opened) == 1, timeout=20000)
    qtbot.addWidget(opened[0])
    assert threads and threads[0] is not threading.main_thread()
    assert opened[0].review.table.rowCount() == 2 and window.duplicates_action.isEnabled()


@pytest.mark.usefixtures("zh_cn")
def test_pairs_past_the_limit_are_told_in_the_dialog(qtbot, book, settings, duplicates):
    """Beyond the listed pairs (1,000 from the menu) the dialog says how many more the search found and that they
    are listed by a search after these are merged or kept apart."""
    from core.duplicates_finder import find_duplicates as search

    found = search(book, limit=1)
    assert len(found.views) == 1 and found.more == 1
    dialog = DuplicatesDialog(book, found=found)
    qtbot.addWidget(dialog)
    dialog.resize(1366, 768)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.more_label.isVisible()
    assert "另外 1 对" in dialog.more_label.text() and "再查找一次" in dialog.more_label.text()
    save_shot(dialog, "duplicates_dialog_more")
    everything = DuplicatesDialog(book, found=search(book))
    qtbot.addWidget(everything)
    assert not everything.more_label.isVisibleTo(everything) and everything.review.table.rowCount() == 2
