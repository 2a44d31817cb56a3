"""Connecting to a shared book: URL parts, the connection test's plain-words errors, remembered passwords."""

import socket
import stat
import threading

import pytest
from sqlalchemy import make_url

from core.book import schema
from core.book import shared as shared_book
from core.book.db import Book
from core.book.shared import ServerAddress, check_connection, without_password
from core.errors import EXIT_REJECTED, ServerUnavailable
from tests.conftest import PG_URL


def test_address_builds_a_url_with_awkward_characters_and_reads_it_back():
    address = ServerAddress(host="192.168.1.20", port=5433, database="回头客", user="anna@shop")
    url = address.url(password="p@ss:w/rd")
    parsed = make_url(url)
    assert (parsed.host, parsed.port, parsed.database, parsed.username, parsed.password) == (
        "192.168.1.20", 5433, "回头客", "anna@shop", "p@ss:w/rd")
    assert ServerAddress.from_url(url) == address
    assert ServerAddress.from_url(address.url()) == address


def test_a_password_never_survives_into_what_is_remembered():
    assert without_password("postgresql://anna:secret@host:5432/shop") == "postgresql://anna@host:5432/shop"
    assert without_password("postgresql://anna@host/shop") == "postgresql://anna@host/shop"
    assert without_password("/home/anna/customers.book") == "/home/anna/customers.book"


def test_remembered_passwords_live_in_a_private_libpq_password_file():
    office = ServerAddress(host="office-pc", database="shop", user="anna")
    other = ServerAddress(host="office-pc", database="shop", user="li:na")
    assert not shared_book.has_remembered_password(office)
    shared_book.remember_password(office, "first")
    shared_book.remember_password(office, "se:cr\\et")  # replaces, never duplicates
    shared_book.remember_password(other, "x")
    path = shared_book.password_file()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert path.read_text(encoding="utf-8").splitlines() == [
        "office-pc:5432:shop:anna:se\\:cr\\\\et", "office-pc:5432:shop:li\\:na:x"]
    assert shared_book.connect_args()["passfile"] == str(path)
    shared_book.forget_password(office)
    assert not shared_book.has_remembered_password(office) and shared_book.has_remembered_password(other)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_nothing_listening_is_told_as_server_refused():
    address = ServerAddress(host="127.0.0.1", port=_free_port(), database="shop", user="anna")
    with pytest.raises(ServerUnavailable) as err:
        check_connection(address.url("x"))
    assert err.value.code == "server_refused"
    assert "refused" in err.value.details["server_message"].lower()
    with pytest.raises(ServerUnavailable) as opened:
        Book.open(address.url("x"))
    assert opened.value.code == "server_refused" and opened.value.exit_code == EXIT_REJECTED


def test_an_unknown_host_name_is_told_as_such():
    with pytest.raises(ServerUnavailable) as err:
        check_connection(ServerAddress(host="no-such-host.invalid", database="shop", user="anna").url("x"))
    assert err.value.code == "host_unknown"


def _server() -> ServerAddress:
    return ServerAddress.from_url(PG_URL)


@pytest.mark.postgres
def test_wrong_password_and_missing_database_are_told_apart():
    good = make_url(PG_URL).password
    with pytest.raises(ServerUnavailable) as err:
        check_connection(_server().url(password="wrong" + (good or "")))
    assert err.value.code == "login_failed"
    assert err.value.details["user"] == _server().user
    missing = ServerAddress(host=_server().host, port=_server().port, database="no_such_book", user=_server().user)
    with pytest.raises(ServerUnavailable) as err:
        check_connection(missing.url(password=good))
    assert err.value.code == "database_missing" and "no_such_book" in err.value.details["server_message"]


@pytest.mark.postgres
def test_connection_test_tells_an_empty_database_from_a_current_book(fresh_pg_schema):
    url = fresh_pg_schema()
    report = check_connection(url)
    assert report.book_state == "empty" and report.revision is None and report.can_create_tables
    assert report.server_version[:2].isdigit()
    Book.open(url).close()
    report = check_connection(url)
    assert report.book_state == "current" and report.revision == schema.HEAD


@pytest.mark.postgres
def test_a_remembered_password_opens_the_book_and_a_forgotten_one_does_not(fresh_pg_schema):
    url = fresh_pg_schema()
    password = make_url(url).password
    if not password:
        pytest.skip("the test server URL has no password")
    address = ServerAddress.from_url(url)
    no_password = without_password(url)
    assert make_url(no_password).password is None
    shared_book.remember_password(address, password)
    Book.open(no_password).close()
    shared_book.forget_password(address)
    with pytest.raises(ServerUnavailable) as err:
        Book.open(no_password)
    assert err.value.code == "login_failed"


@pytest.mark.postgres
def test_two_people_opening_an_empty_database_at_once_both_get_the_book(fresh_pg_schema, monkeypatch):
    url = fresh_pg_schema()
    barrier, original = threading.Barrier(2, timeout=20), schema.current_revision

    def both_see_it_empty(engine):
        revision = original(engine)
        barrier.wait()
        return revision

    monkeypatch.setattr(schema, "current_revision", both_see_it_empty)
    results = []

    def open_it():
        try:
            Book.open(url).close()
            results.append("ok")
        except Exception as exc:  # reported below
            results.append(exc)

    threads = [threading.Thread(target=open_it) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    monkeypatch.undo()
    assert results == ["ok", "ok"]
    assert check_connection(url).book_state == "current"


def test_check_of_an_unreachable_shared_book_says_why_and_exits_2():
    from core.book.check import check_book

    report = check_book(ServerAddress(host="127.0.0.1", port=_free_port(), database="shop", user="a").url("pw"))
    assert not report.ok and report.exit_code == EXIT_REJECTED
    assert report.problems[0].startswith("server_refused") and "pw" not in report.path


@pytest.mark.postgres
def test_check_command_on_a_shared_book(fresh_pg_schema):
    import json
    import os
    import subprocess
    import sys

    from core.book.check import check_book
    from core.customers import CustomerService
    from core.dto import CustomerInput
    from tests.conftest import ROOT

    url = fresh_pg_schema()
    empty = check_book(url)
    assert not empty.ok and empty.exit_code == 4 and "not a Huitouke book" in empty.problems[0]
    with Book.open(url) as b:
        CustomerService(b).create(CustomerInput(name="张伟"))
    out = subprocess.run([sys.executable, str(ROOT / "main.py"), "check", "--book", url, "--json"], cwd=ROOT,
                         capture_output=True, text=True, timeout=120, env=dict(os.environ))
    assert out.returncode == 0, out.stderr
    report = json.loads(out.stdout)
    assert report["ok"] and report["revision"] == schema.HEAD and report["counts"]["customer"] == 1
