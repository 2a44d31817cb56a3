"""core.excel.id_map.IdMap answers as the dict of ints it replaces (our export's order ids → the book's, held while
an import writes its orders and history: issue #18, Build 3)."""

from __future__ import annotations

import pytest

from core.excel.id_map import IdMap


def test_an_id_map_answers_as_the_dict_it_replaces():
    pairs = [(5, 50), (3, 30), (9, 90), (3, 31), (2**70, 7), (-4, 40), (12, 120)]
    ids, expected = IdMap(), {}
    for start in range(0, len(pairs), 3):  # (added in several updates, keys out of order, one added twice)
        ids.update(pairs[start:start + 3])
        expected.update(pairs[start:start + 3])
        assert dict(ids) == expected and len(ids) == len(expected)
    assert ids[3] == 31 and ids.get(2**70) == 7 and ids.get(-4) == 40 and ids.get(4) is None
    assert 12 in ids and 13 not in ids and "12" not in ids and None not in ids
    with pytest.raises(KeyError):
        ids[6]
    ids.update({20: 200})
    assert ids[20] == 200 and sorted(ids) == sorted([*expected, 20])


def test_an_empty_id_map_has_nothing():
    ids = IdMap()
    assert len(ids) == 0 and ids.get(1) is None and 1 not in ids and list(ids) == []


def test_an_id_set_answers_as_the_set_it_replaces():
    from core.excel.id_map import IdSet

    ids = IdSet([9, 3])
    ids.update(value for value in (5, 3, 12))
    ids.add(-2)
    expected = {9, 3, 5, 12, -2}
    assert set(ids) == expected and len(ids) == 5 and sorted(ids) == list(ids) and max(ids) == 12
    assert 5 in ids and 4 not in ids and 2**70 not in ids and "5" not in ids
    assert {1, 5} | ids == expected | {1} and isinstance({1} | ids, set) and {3, 4} - ids == {4} and ids - {3} == expected - {3}
    assert IdSet() == set() and max(IdSet(), default=0) == 0


def test_a_ref_map_answers_as_the_dict_of_texts_it_replaces():
    from core.excel.id_map import RefMap

    refs, expected = RefMap(), {"12": 1, "012": 2, "客户7": 3, "0": 4, "99999999999999999999": 5}
    refs.update(expected)
    refs.update([("12", 6)])  # (a number given again: the later id, as a dict's update)
    expected["12"] = 6
    assert dict(refs) == expected and len(refs) == len(expected) and sorted(refs.values()) == sorted(expected.values())
    assert refs.get("012") == 2 and refs.get("13") is None and "12" in refs and "12 " not in refs and 12 not in refs
    with pytest.raises(KeyError):
        refs["13"]


def test_seen_texts_answer_as_a_set_of_texts(monkeypatch):
    from core.excel.id_map import SeenTexts

    monkeypatch.setattr(SeenTexts, "MERGE_AFTER", 3)  # (most of them in the sorted array)
    texts = [f"repurchase:item:{number}" for number in range(40)] + ["manual:1", "", "重复:客户:7"]
    seen = SeenTexts(texts[:20])
    for text in texts[20:]:
        seen.add(text)
    assert len(seen) == len(texts) and all(text in seen for text in texts)
    assert "repurchase:item:40" not in seen and "manual:2" not in seen and None not in seen
