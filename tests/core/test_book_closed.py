"""A closed book refuses further use (#21): a job still running after the window's close wait cannot reconnect to a
book whose lock is released; a transaction already under way on another thread commits or rolls back whole."""

import threading

import pytest
from sqlalchemy import text

from core.book.check import check_book
from core.book.db import Book
from core.customers import CustomerService
from core.dto import CustomerInput
from core.errors import BookClosed


def _names(path) -> list[str]:
    with Book.open(path, daily_backup=False) as book, book.session() as s:
        return sorted(s.execute(text("SELECT name FROM tag")).scalars())


@pytest.mark.sqlite_only
def test_after_close_sessions_and_connections_raise_book_closed(book):
    CustomerService(book).create(CustomerInput(name="之前"))
    book.close()
    with pytest.raises(BookClosed) as err, book.session() as s:
        s.execute(text("SELECT 1"))
    assert err.value.code == "book_closed"
    with pytest.raises(BookClosed):
        book.engine.connect()  # what a job reading through the engine itself would do
    with pytest.raises(BookClosed):
        CustomerService(book).create(CustomerInput(name="之后"))
    book.close()  # closing twice is harmless
    assert check_book(book.path).ok


@pytest.mark.sqlite_only
@pytest.mark.parametrize("outcome", ["commit", "rollback"])
def test_a_transaction_under_way_at_close_finishes_whole(book, outcome):
    started, closed = threading.Event(), threading.Event()
    failures: list[BaseException] = []

    def job() -> None:
        try:
            with book.session() as s:
                s.execute(text("INSERT INTO tag (name, color) VALUES ('一', '')"))
                started.set()
                closed.wait(10)
                s.execute(text("INSERT INTO tag (name, color) VALUES ('二', '')"))  # its connection is still its own
                if outcome == "rollback":
                    raise RuntimeError("the job fails after the close")
        except BaseException as exc:
            failures.append(exc)
        try:
            with book.session() as s:  # the job's next chunk
                s.execute(text("INSERT INTO tag (name, color) VALUES ('三', '')"))
        except BaseException as exc:
            failures.append(exc)

    thread = threading.Thread(target=job)
    thread.start()
    assert started.wait(10)
    book.close()
    closed.set()
    thread.join(10)
    assert not thread.is_alive()
    assert isinstance(failures[-1], BookClosed)  # no next chunk after the close
    if outcome == "commit":
        assert len(failures) == 1 and _names(book.path) == ["一", "二"]
    else:
        assert isinstance(failures[0], RuntimeError) and _names(book.path) == []
    assert check_book(book.path).ok
