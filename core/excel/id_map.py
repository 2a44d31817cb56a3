"""Ids of a file mapped to the book's, held as arrays (issue #18, Build 3: an import's memory stays bounded).

Our export read back links its history (tasks, contact log, coupons…) to the orders it created by the file's order
ids (core.excel.own_history). The 100k demo book's export has 496,802 orders: as a dict of ints that map is
≈ 50 MB, held from the first order written to the last history row; as two arrays of 8-byte ints, ≈ 8 MB.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Mapping


class IdMap(Mapping[int, int]):
    """A read-mostly map of ints to ints: ``update`` adds pairs (a key added again takes the later value, as a dict's
    update), lookups find a key by bisection once the pairs are sorted."""

    __slots__ = ("_big", "_keys", "_sorted", "_values")

    def __init__(self) -> None:
        self._keys = array("q")
        self._values = array("q")
        self._sorted = True
        self._big: dict[int, int] = {}  # (keys past 8 bytes: none in a file of ours)

    def update(self, pairs: Iterable[tuple[int, int]] | Mapping[int, int]) -> None:
        keys, values = self._keys, self._values
        for key, value in (pairs.items() if isinstance(pairs, Mapping) else pairs):
            if not -(1 << 63) <= key < 1 << 63:
                self._big[key] = value
                continue
            if keys and key <= keys[-1]:
                self._sorted = False
            keys.append(key)
            values.append(value)

    def _sort(self) -> None:
        """Sort the pairs by key (stable: of a key added twice the later pair comes last), keeping one per key."""
        import numpy as np

        keys = np.frombuffer(self._keys, dtype=np.int64)
        order = np.argsort(keys, kind="stable")
        keys = keys[order]
        values = np.frombuffer(self._values, dtype=np.int64)[order]
        last = np.ones(len(keys), dtype=bool)
        last[:-1] = keys[1:] != keys[:-1]
        self._keys, self._values = array("q", keys[last].tobytes()), array("q", values[last].tobytes())
        self._sorted = True

    def _at(self, key: int) -> int:
        if not self._sorted:
            self._sort()
        at = bisect_right(self._keys, key) - 1
        return at if at >= 0 and self._keys[at] == key else -1

    def __getitem__(self, key: int) -> int:
        if key in self._big:
            return self._big[key]
        at = self._at(key) if isinstance(key, int) else -1
        if at < 0:
            raise KeyError(key)
        return self._values[at]

    def __contains__(self, key: object) -> bool:
        return key in self._big or (isinstance(key, int) and self._at(key) >= 0)

    def __iter__(self) -> Iterator[int]:
        if not self._sorted:
            self._sort()
        yield from self._keys
        yield from self._big

    def __len__(self) -> int:
        if not self._sorted:
            self._sort()
        return len(self._keys) + len(self._big)
