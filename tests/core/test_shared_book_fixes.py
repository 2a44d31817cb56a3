"""Shared book fixes of issue #21 on a real PostgreSQL: simultaneous saves of a customer with tags reach the
conflict (never a raw StaleDataError); length caps hold on updates too (a re-imported order's over-long
tracking number); `init` refuses a server that already holds a book; init/demo never write a local file
named after a URL."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from core.book.db import Book
from core.customers import CustomerService
from core.dto import CustomerInput, CustomerQuery, OrderQuery
from core.errors import ConflictError
from tests.conftest import ROOT
from tests.core import test_shared_book as shared

other_book = shared.other_book  # a second person's Book on the same book (fixture)


@pytest.mark.postgres
@pytest.mark.parametrize("attempt", range(5))
def test_two_people_saving_one_customer_with_tags_at_once_get_a_conflict(book, request, attempt):
    theirs_book = request.getfixturevalue("other_book")
    mine, theirs = CustomerService(book), CustomerService(theirs_book)
    c = mine.create(CustomerInput(name="张伟", note="原来的", tags=("老客",)))
    with shared.barrier_before_first_flush():
        results = shared.run_both(
            lambda: mine.update(c.id, CustomerInput(name="张伟", note="我的", tags=("宝妈",)), expected_version=c.version),
            lambda: theirs.update(c.id, CustomerInput(name="张伟", note="她的", tags=("VIP", "老客")),
                                  expected_version=c.version))
    conflicts = [r for r in results if isinstance(r, ConflictError)]
    saved = [r for r in results if not isinstance(r, Exception)]
    assert len(conflicts) == 1 and len(saved) == 1, results
    final = theirs.get(c.id)
    assert (final.fields.note, final.tags) == (saved[0].fields.note, saved[0].tags)  # the winner's edit, whole


@pytest.mark.postgres
def test_reimporting_an_order_with_an_over_long_tracking_number_updates_it_cut_to_the_column(book, tmp_path):
    from core.excel.importer import run_import
    from core.orders import OrderService
    from tests.core.excel.files import TAOBAO_HEADERS
    from tests.core.excel.test_import import ROW_A, ROW_A_PAID, ROW_B, _taobao

    assert run_import(book, _taobao(tmp_path, "first.csv", [ROW_A, ROW_B])).orders_created == 2
    long_number = "SF" + "1234567890" * 10  # 102 characters; the column holds 64
    paid = list(ROW_A_PAID)
    paid[TAOBAO_HEADERS.index("物流单号 ")] = long_number
    again = run_import(book, _taobao(tmp_path, "again.csv", [paid, ROW_B]))
    assert (again.orders_updated, again.orders_unchanged) == (1, 1)
    order = next(o for o in OrderService(book).list_page(OrderQuery()) if o.platform_order_no == "1001")
    assert OrderService(book).get(order.id).tracking_no == long_number[:64]
    once_more = run_import(book, _taobao(tmp_path, "once_more.csv", [paid, ROW_B]))
    assert (once_more.orders_updated, once_more.orders_unchanged) == (0, 2)  # the cut number is the same number


def _main(cwd, *args):
    """main.py in a subprocess, run from cwd (where a URL taken for a path would leave its folder)."""
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *map(str, args)], cwd=cwd, capture_output=True,
                          text=True, env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=120)


@pytest.mark.postgres
def test_init_sets_up_a_server_once_and_never_writes_a_file_named_after_the_url(fresh_pg_schema, tmp_path):
    url = fresh_pg_schema()
    for args in (("init", url), ("init", "--book", url), ("--book", url, "init")):
        out = _main(tmp_path, *args)
        if args == ("init", url):
            assert out.returncode == 0, out.stderr
            assert "Created postgresql://" in out.stdout and ":huitouke@" not in out.stdout  # no password shown
        else:  # the server already holds a book: refused, whichever way --book was given
            assert out.returncode == 2, out.stderr
            assert json.loads(out.stderr)["error"]["code"] == "book_exists"
    with Book.open(url) as book:
        assert CustomerService(book).list_page(CustomerQuery()) == []  # the book is there, empty
    demo = _main(tmp_path, "demo", url, "--customers", "5")
    assert demo.returncode == 2 and json.loads(demo.stderr)["error"]["code"] == "demo_needs_file"
    assert list(tmp_path.iterdir()) == []  # no local file or folder named after the URL


def test_a_url_given_as_book_is_never_made_a_path():
    from core.cli import book_location, build_parser

    url = "postgresql://anna:secret@192.168.1.5:5432/shop"
    for argv in (["--book", url, "today"], ["today", "--book", url], ["import", "x.csv", "--book", url]):
        assert book_location(build_parser().parse_args(argv)) == url
    assert book_location(build_parser().parse_args(["today", "--book", "~/shop.book"])) == Path.home() / "shop.book"
