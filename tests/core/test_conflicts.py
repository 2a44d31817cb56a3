"""Field-by-field resolution of a save that lost the race (core.conflicts), end to end on a real book."""

from dataclasses import replace

import pytest

from core.conflicts import MINE, THEIRS, differences, keep_mine, merge, suggested_merge
from core.customers import CustomerService
from core.dto import CustomerInput
from core.errors import ConflictError

BASE = CustomerInput(name="张伟", phone="13800138000", city="杭州", note="老客", tags=("宝妈",))
MINE_EDIT = CustomerInput(name="张伟", phone="13900139000", city="杭州", note="老客，喜欢蜂蜜", tags=("宝妈",))
THEIRS_SAVED = CustomerInput(name="张伟", phone="13800138000", city="上海", note="老客，搬家了", tags=("宝妈", "VIP"))


def test_differences_know_who_changed_what():
    diffs = {d.field: d for d in differences(BASE, MINE_EDIT, THEIRS_SAVED)}
    assert list(diffs) == ["phone", "city", "note", "tags"]
    assert diffs["phone"].changed_by_me and not diffs["phone"].changed_by_them and diffs["phone"].suggested == MINE
    assert diffs["city"].suggested == THEIRS and diffs["tags"].suggested == THEIRS
    assert diffs["note"].both_changed and diffs["note"].suggested == MINE


def test_the_same_tags_in_another_order_are_no_difference():
    mine = replace(MINE_EDIT, tags=("VIP", "宝妈"))
    theirs = replace(MINE_EDIT, tags=("宝妈", "VIP"))
    assert differences(BASE, mine, theirs) == []
    assert [d.field for d in differences(BASE, mine, replace(theirs, tags=("宝妈",)))] == ["tags"]


def test_suggested_merge_keeps_both_sides_changes():
    merged = suggested_merge(BASE, MINE_EDIT, THEIRS_SAVED)
    assert (merged.phone, merged.city, merged.note, merged.tags) == (
        "13900139000", "上海", "老客，喜欢蜂蜜", ("宝妈", "VIP"))


def test_keep_mine_and_explicit_choices():
    assert keep_mine(BASE, MINE_EDIT, THEIRS_SAVED) == MINE_EDIT
    chosen = merge(MINE_EDIT, THEIRS_SAVED, {"note": THEIRS, "phone": MINE})
    assert (chosen.note, chosen.phone, chosen.city) == ("老客，搬家了", "13900139000", "上海")
    with pytest.raises(KeyError):
        merge(MINE_EDIT, THEIRS_SAVED, {"nickname": MINE})


def test_a_merged_save_against_their_version_wins_and_keeps_both_edits(book):
    service = CustomerService(book)
    loaded = service.create(BASE)
    theirs = service.update(loaded.id, THEIRS_SAVED, expected_version=loaded.version)
    with pytest.raises(ConflictError):
        service.update(loaded.id, MINE_EDIT, expected_version=loaded.version)
    merged = suggested_merge(loaded.fields, MINE_EDIT, theirs.fields)
    saved = service.update(loaded.id, merged, expected_version=theirs.version)
    assert saved.version == theirs.version + 1
    assert (saved.fields.phone, saved.fields.city, saved.tags) == ("13900139000", "上海", ("VIP", "宝妈"))
