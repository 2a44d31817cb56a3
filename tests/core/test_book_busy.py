"""Another program holding the SQLite write lock past the busy timeout: a coded BookBusy, nothing written."""

import sqlite3

import pytest
from sqlalchemy import text

from core.customers import CustomerService
from core.dto import CustomerInput
from core.errors import EXIT_LOCKED, BookBusy


@pytest.mark.sqlite_only
def test_a_write_blocked_past_the_busy_timeout_is_a_coded_error_and_writes_nothing(book):
    other = sqlite3.connect(book.path, isolation_level=None)  # another program, e.g. the command line
    other.execute("BEGIN IMMEDIATE")  # holds the write lock
    try:
        with pytest.raises(BookBusy) as err, book.session() as s:
            s.execute(text("PRAGMA busy_timeout=200"))  # the book waits 10 s; this test 0.2 s
            s.execute(text("INSERT INTO tag (name) VALUES ('等不到')"))
        assert err.value.code == "book_busy" and err.value.exit_code == EXIT_LOCKED
    finally:
        other.execute("ROLLBACK")
        other.close()
    with book.session() as s:
        s.execute(text("PRAGMA busy_timeout=10000"))
        assert s.execute(text("SELECT count(*) FROM tag")).scalar() == 0
    CustomerService(book).create(CustomerInput(name="之后"))  # the book works once the other program is done
