"""The command line beside the open app: every command works on a book the app holds, and the app shows
what the command line imported within 5 seconds, without a click."""

import json
import time

import pytest

from core.book.db import Book
from core.customers import book_counts
from core.errors import BookLocked
from tests.core.excel.test_import import ROW_A, ROW_B, _taobao
from tests.core.test_cli import run
from ui.main_window import MainWindow
from ui.session import Session


@pytest.fixture
def app_book(tmp_path):
    """The book as the app opens it: the app's lock held for as long as the test runs."""
    book = Book.open(tmp_path / "shop.book", create=True)
    yield book
    book.close()


@pytest.mark.slow
def test_every_command_works_while_the_app_has_the_book_open(qtbot, app_book, settings, tmp_path):
    window = MainWindow(Session(book=app_book, book_path=str(app_book.path), settings=settings),
                        counts=lambda: book_counts(app_book))
    qtbot.addWidget(window)
    page = window.show_page("customers")
    qtbot.waitUntil(lambda: window.change_poller is not None and window.change_poller._last is not None,
                    timeout=5000)
    assert page.model.rowCount() == 0
    with pytest.raises(BookLocked):  # a second app is still refused
        Book.open(app_book.path)

    orders = _taobao(tmp_path, "orders.csv", [ROW_A, ROW_B])
    imported = run("import", orders, "--book", app_book.path, "--json")
    assert imported.returncode == 0, imported.stderr
    done = time.monotonic()
    assert json.loads(imported.stdout)["customers_created"] == 2
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=5000)  # the app noticed on its own
    assert time.monotonic() - done < 5
    qtbot.waitUntil(lambda: window.counts_label.text().startswith("2 customers"), timeout=5000)

    for args in (("today", "--json"), ("stats", "--json"), ("export", tmp_path / "all.xlsx"), ("backup", "--json")):
        out = run(*args, "--book", app_book.path)
        assert out.returncode == 0, (args, out.stderr)
    assert (tmp_path / "all.xlsx").stat().st_size > 0
    window.session.tasks.wait(5000)
