"""An empty Today list on a book of old history: it says how many customers are churned or dormant (their tasks
expired) and a button opens the customer list filtered to that stage; a day with tasks shows no such note."""

import datetime as dt

import pytest
from sqlalchemy import text

from core.customers import CustomerService, book_counts
from core.reminders.service import ReminderService
from core.reminders.today import day_list
from ui.main_window import MainWindow
from ui.models.customers import Column
from ui.session import Session

TODAY = dt.date(2026, 12, 7)


@pytest.fixture
def old_book(book, make_customer, make_order):
    """Three live buyers whose last purchase is long gone (churned), one of them do-not-disturb, and a deleted one;
    one buyer of 140 days ago (dormant); a prospect who never bought."""
    for name, phone in (("王芳", "13800138000"), ("李娜", "13900139000")):
        make_order(make_customer(name=name, phone=phone).id, "2024-10-02")
    quiet = make_customer(name="赵敏", phone="13600136000", do_not_disturb=True)
    make_order(quiet.id, "2024-10-02")
    gone = make_customer(name="钱多", phone="13500135000")
    make_order(gone.id, "2024-10-02")
    CustomerService(book).soft_delete([gone.id])
    make_order(make_customer(name="孙丽", phone="13300133000").id, (TODAY - dt.timedelta(days=140)).isoformat())
    make_customer(name="周杰", phone="13200132000")
    CustomerService(book).ensure_stages(TODAY)
    ReminderService(book).regenerate(TODAY)
    return book


def test_an_empty_day_counts_live_churned_and_dormant_customers_not_deleted_ones(old_book):
    listed = ReminderService(old_book).day_list(TODAY, now=dt.datetime(2026, 12, 7, 10, 0))
    assert listed.total == 0
    assert listed.lapsed == (("dormant", 1), ("churned", 3))
    with old_book.session() as s:
        assert day_list(s, TODAY).lapsed == (("dormant", 1), ("churned", 3))


def test_the_counts_are_for_the_day_not_the_stages_stored_for_an_earlier_one(old_book):
    """The launch reads the first list before it brings the stored stages to the day; a book built on the
    command line has stages of the day of its import."""
    CustomerService(old_book).ensure_stages(dt.date(2024, 10, 20))
    with old_book.session() as s:
        stored = s.execute(text("SELECT COUNT(*) FROM customer WHERE stage IN ('dormant', 'churned')")).scalar_one()
    assert stored == 0
    assert ReminderService(old_book).day_list(TODAY).lapsed == (("dormant", 1), ("churned", 3))


def test_a_day_with_tasks_has_no_lapsed_counts(old_book, make_customer, make_order):
    make_order(make_customer(name="吴用", phone="13100131000").id, TODAY.isoformat(), status="unpaid")
    ReminderService(old_book).regenerate(TODAY)
    listed = ReminderService(old_book).day_list(TODAY)
    assert listed.total > 0 and listed.lapsed == ()


def test_the_empty_list_says_why_and_opens_the_churned_customers(qtbot, old_book, settings):
    session = Session(book=old_book, book_path=str(old_book.path), settings=settings, today=lambda: TODAY)
    window = MainWindow(session, counts=lambda: book_counts(old_book))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    page = window.show_page("today")
    note = page.lapsed_note
    qtbot.waitUntil(note.isVisible, timeout=5000)
    assert "3 churned" in note.text_label.text() and "1 dormant" in note.text_label.text()
    assert note.buttons["churned"].isVisible() and note.buttons["dormant"].isVisible()
    note.buttons["churned"].click()
    assert window.current_key() == "customers"
    customers = window.built_page("customers")
    assert customers.stage_filter.currentData() == "churned"

    def names():
        return {customers.model.index(row, Column.NAME).data() for row in range(customers.model.rowCount())}

    qtbot.waitUntil(lambda: names() == {"王芳", "李娜", "赵敏"}, timeout=5000)
    session.tasks.wait(3000)


def test_the_note_is_hidden_when_tasks_are_due_and_in_the_next_7_days_view(qtbot, old_book, settings, make_customer,
                                                                          make_order):
    make_order(make_customer(name="吴用", phone="13100131000").id, TODAY.isoformat(), status="unpaid")
    ReminderService(old_book).regenerate(TODAY)
    session = Session(book=old_book, book_path=str(old_book.path), settings=settings, today=lambda: TODAY)
    window = MainWindow(session, counts=lambda: book_counts(old_book))
    qtbot.addWidget(window)
    window.show()
    page = window.show_page("today")
    qtbot.waitUntil(lambda: page.due_total > 0, timeout=5000)
    assert not page.lapsed_note.isVisible()
    session.tasks.wait(3000)
