"""An empty Today list on a book of old history: it says how many customers are churned or dormant (their tasks
expired) and a button opens the customer list filtered to that stage; a day with tasks shows no such note. (The
counts themselves: tests/core/reminders/test_lapsed_counts.py.)"""

from core.customers import book_counts
from core.reminders.service import ReminderService
from tests.conftest import OLD_BOOK_TODAY as TODAY
from ui.main_window import MainWindow
from ui.models.customers import Column
from ui.session import Session


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
