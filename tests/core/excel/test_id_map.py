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
