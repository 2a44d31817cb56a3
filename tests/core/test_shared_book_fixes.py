"""Shared book fixes of issue #21 on a real PostgreSQL: simultaneous saves of a customer with tags reach the
conflict (never a raw StaleDataError); length caps hold on updates too (a re-imported order's over-long
tracking number); `init` refuses a server that already holds a book; init/demo never write a local file
named after a URL."""

import pytest

from core.customers import CustomerService
from core.dto import CustomerInput, OrderQuery
from core.errors import ConflictError
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
