"""Issue #18, Build 3: the people of an import in rounds into a book with customers are held packed
(core.excel.packed_people) and each person's first owner in the book as an array (core.excel.round_book.Owners):
what the writer reads of them is what it read of the drafts and the dict they replace, for less memory."""

from __future__ import annotations

import gc
import tracemalloc

import pytest

from core.excel.export import export_book
from core.excel.packed_people import PackedPeople
from core.excel.round_book import Owners
from tests.core.excel.test_packed_rows import _plan
from tests.core.excel.test_round_trip import demo  # noqa: F401  (the fixture)


@pytest.fixture(scope="module")
def people(demo, tmp_path_factory):  # noqa: F811
    """The people of one plan of the 600-customer demo book's whole export (customer fields, tags, phones, kept
    lines, birthdays, masked phones…)."""
    from core.book.db import Book

    _folder, path = demo
    exported = tmp_path_factory.mktemp("packed") / "all.xlsx"
    with Book.open(path) as book:
        export_book(book, exported, what="all")
    patch = pytest.MonkeyPatch()
    try:
        plan = _plan(exported, 10**9, patch)
    finally:
        patch.undo()
    assert len(plan.people) >= 600
    return plan.people


def test_packed_people_read_back_as_the_drafts_they_hold(people):
    packed = PackedPeople(people[:100])
    packed.extend(people[100:])
    assert len(packed) == len(people)
    assert list(packed) == list(people)
    assert [packed[position] for position in range(len(people))] == list(people)
    assert packed[-1] == people[-1] and packed[-len(people)] == people[0]
    assert packed[10:20] == people[10:20] and packed[::-97] == people[::-97]
    assert any(person.tags for person in packed)
    assert any(person.fields.get("birthday") for person in packed) and any(len(person.phones) > 1 for person in packed)
    with pytest.raises(IndexError):
        packed[len(people)]
    with pytest.raises(IndexError):
        packed[-len(people) - 1]
    # each read makes the person anew: a change to one is not kept (nothing that reads a plan's people changes them)
    assert packed[3] is not packed[3]
    packed[3].fields["name"] = "changed"
    assert packed[3] == people[3]


def _held(make) -> tuple[object, int]:
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        made = make()
        gc.collect()
        return made, tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()


def test_packed_people_take_less_than_a_third_of_the_drafts(people):
    """(The 100,000 people of the 100k demo book's export: ≈ 166 MiB as drafts.)"""
    import pickle

    blob = pickle.dumps(list(people))
    drafts, as_drafts = _held(lambda: pickle.loads(blob))
    packed, as_packed = _held(lambda: PackedPeople(people))
    assert list(packed) == drafts  # type: ignore[call-overload]
    assert as_packed * 3 < as_drafts, (as_packed, as_drafts)


def test_owners_answer_as_the_dict_of_first_owners_they_replace():
    found = [(4, 40), (2, 20), (4, 41), (0, 7), (9, 90), (2, 21)]
    owners, expected = Owners(12), {}
    for person, customer_id in found:
        owners.first(person, customer_id)
        expected.setdefault(person, [customer_id])
    assert dict(owners) == expected and len(owners) == len(expected) and bool(owners)
    assert all(owners.get(person, []) == expected.get(person, []) for person in range(-2, 15))
    assert [person in owners for person in range(-2, 15)] == [person in expected for person in range(-2, 15)]
    assert not Owners(5) and list(Owners(0)) == []


def test_the_statements_of_an_import_in_rounds_are_freed_as_it_goes(demo, tmp_path, monkeypatch):  # noqa: F811
    """An import runs with the cyclic collector paused (core.gc_pause); SQLAlchemy's statements are cycles, each
    holding its IN list: freed at each commit (collect_young), not all held to the import's end (the 100k export
    read back into its book: ≈ 1.9 million objects, ≈ 170 MB). Counted, without collecting, as the writer
    starts and as the batch is finished: few are left between (the last chunk's, SQLAlchemy's caches')."""
    import shutil

    from sqlalchemy.sql.elements import BindParameter

    from core.book.db import Book
    from core.excel import writer as writer_module
    from core.excel.importer import ImportOptions, run_import
    from tests.core.excel.test_import_rounds import forced
    from tests.core.excel.test_import_rounds_book import _export

    export = _export(demo, tmp_path)
    copy = tmp_path / "copy.book"
    shutil.copy(demo[1], copy)
    forced(monkeypatch, 20)
    alive: list[int] = []
    write, finish = writer_module.BookWriter.write, writer_module.BookWriter.finish_batch

    def count() -> None:
        assert not gc.isenabled()  # (paused)
        alive.append(sum(1 for thing in gc.get_objects() if type(thing) is BindParameter))

    def started(self, *args):
        count()
        return write(self, *args)

    def finished(self, *args):
        count()
        return finish(self, *args)

    monkeypatch.setattr(writer_module.BookWriter, "write", started)
    monkeypatch.setattr(writer_module.BookWriter, "finish_batch", finished)
    with Book.open(copy, backup_root=tmp_path / "backups") as book:
        result = run_import(book, export, ImportOptions())
    assert result.orders_unchanged > 2000 and result.orders_created == 0
    assert len(alive) == 2 and alive[1] - alive[0] < 500, alive  # (before: 2,589 more; now 51)


@pytest.mark.parametrize("at_once", [1, 2])
@pytest.mark.parametrize("case", ["test_the_second_phone_and_account_of_a_matched_customer_are_remembered_and_find_her_later",
                                  "test_a_gift_to_another_name_a_match_by_name_or_another_customers_key_gives_no_alias",
                                  "test_undoing_the_import_removes_the_aliases_it_added_and_only_those"])
def test_the_keys_of_matched_people_looked_up_a_few_at_a_time_give_the_same_aliases(tmp_path, book, monkeypatch,
                                                                                   at_once, case):
    """customer_rows._offered looks the keys people matched by a key of their own offer up ``_OFFERED_AT_ONCE``
    people at a time, leaving out their customers' own phones and buyer IDs (the 100k export read back into its book
    offers 200,000 of them): the aliases added, held and refused are those of all at once (test_import_aliases)."""
    from core.excel import customer_rows
    from tests.core.excel import test_import_aliases as aliases

    monkeypatch.setattr(customer_rows, "_OFFERED_AT_ONCE", at_once)
    getattr(aliases, case)(tmp_path, book)
