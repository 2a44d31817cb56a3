"""Ids of a file mapped to the book's, held as arrays (issue #18, Build 3: an import's memory stays bounded).

Our export read back links its history (tasks, contact log, coupons…) to the orders it created by the file's order
ids (core.excel.own_history). The 100k demo book's export has 496,802 orders: as a dict of ints that map is
≈ 50 MB, held from the first order written to the last history row; as two arrays of 8-byte ints, ≈ 8 MB.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Mapping
from collections.abc import Set as AbstractSet


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


class RefMap(Mapping[str, int]):
    """Our export's customer numbers ("1234") → the book's ids, held as an `IdMap` (a dict of ≈ 100,000 texts and
    ints is ≈ 12 MB; the arrays ≈ 1.6 MB); a number not written as a plain decimal is held in a dict beside."""

    __slots__ = ("_ids", "_other")

    def __init__(self) -> None:
        self._ids = IdMap()
        self._other: dict[str, int] = {}

    def update(self, pairs: Iterable[tuple[str, int]] | Mapping[str, int]) -> None:
        numbers: list[tuple[int, int]] = []
        for key, value in (pairs.items() if isinstance(pairs, Mapping) else pairs):
            number = _number(key)
            if number is None:
                self._other[key] = value
            else:
                numbers.append((number, value))
        self._ids.update(numbers)

    def __getitem__(self, key: str) -> int:
        number = _number(key) if isinstance(key, str) else None
        if number is None:
            return self._other[key]
        try:
            return self._ids[number]
        except KeyError:
            raise KeyError(key) from None

    def __contains__(self, key: object) -> bool:
        number = _number(key) if isinstance(key, str) else None
        return key in self._other if number is None else number in self._ids

    def __iter__(self) -> Iterator[str]:
        yield from map(str, self._ids)
        yield from self._other

    def __len__(self) -> int:
        return len(self._ids) + len(self._other)


def _number(key: str) -> int | None:
    """The int a text writes as a plain decimal ("12", not "012", "+12" or "12 "), else None."""
    if key.isascii() and key.isdigit() and (key == "0" or key[0] != "0") and len(key) < 19:
        return int(key)
    return None


class SeenTexts:
    """A set of texts that is added to and asked, held as 16-byte digests (BLAKE2b's 15 and one): the recent ones in a set, the
    others in one sorted array (the rule keys of the ≈ 130,000 tasks an export restores: ≈ 15 MB as a set of str,
    ≈ 2 MB so)."""

    __slots__ = ("_recent", "_sorted")

    MERGE_AFTER = 50_000  # digests held in the set before they join the array

    def __init__(self, texts: Iterable[str] = ()) -> None:
        import numpy as np

        self._sorted = np.empty(0, dtype="S16")
        self._recent: set[bytes] = set()
        for text in texts:
            self.add(text)

    def add(self, text: str) -> None:
        self._recent.add(_digest(text))
        if len(self._recent) >= self.MERGE_AFTER:
            self._merge()

    def _merge(self) -> None:
        import numpy as np

        self._sorted = np.sort(np.concatenate([self._sorted, np.array(sorted(self._recent), dtype="S16")]))
        self._recent = set()

    def __contains__(self, text: object) -> bool:
        if not isinstance(text, str):
            return False
        digest = _digest(text)
        if digest in self._recent:
            return True
        at = int(self._sorted.searchsorted(digest))
        return at < len(self._sorted) and self._sorted[at] == digest

    def __len__(self) -> int:
        return len(self._sorted) + len(self._recent)


def _digest(text: str) -> bytes:
    from hashlib import blake2b

    # (15 bytes and a last one never 0: numpy's S16 drops a value's trailing NUL bytes)
    return blake2b(text.encode("utf-8", "surrogatepass"), digest_size=15).digest() + b"\x01"


class IdSet(AbstractSet[int]):
    """A set of ints held as one sorted array of 8-byte ints (the ≈ 100,000 customers an import in rounds creates:
    ≈ 6 MB as a set of ints, 0.8 MB so); built from ints added in any order (``add``), asked by bisection. A union or
    difference with it is a plain set."""

    __slots__ = ("_ids", "_sorted")

    def __init__(self, ids: Iterable[int] = ()) -> None:
        self._ids = array("q", ids)
        self._sorted = False

    def add(self, value: int) -> None:
        self._ids.append(value)
        self._sorted = False

    def update(self, values: Iterable[int]) -> None:
        self._ids.extend(values)
        self._sorted = False

    def _sort(self) -> array:
        if not self._sorted:
            import numpy as np

            self._ids = array("q", np.unique(np.frombuffer(self._ids, dtype=np.int64)).tobytes())
            self._sorted = True
        return self._ids

    @classmethod
    def _from_iterable(cls, values: Iterable[int]) -> set[int]:  # type: ignore[override]
        return set(values)

    def __contains__(self, value: object) -> bool:
        if not isinstance(value, int) or not -(1 << 63) <= value < 1 << 63:
            return False
        ids = self._sort()
        at = bisect_right(ids, value) - 1
        return at >= 0 and ids[at] == value

    def __iter__(self) -> Iterator[int]:
        return iter(self._sort())

    def __len__(self) -> int:
        return len(self._sort())
