"""The people of an import in rounds into a book with customers, held packed (issue #18, Build 3).

Into a book with customers the people of an import in rounds are matched all at once, as one plan matches them
(core.excel.round_writer.in_rounds): ``BookIndex`` looks up their identities, ``match_people``, the customers'
rows, tags, aliases and referrers read them in turn. As objects (``PersonDraft``: a dict of fields, lists of tags,
phones and kept lines, a tuple for the first row, a birthday tuple…) the 100,000 people of the 100k demo book's
export held ≈ 166 MiB, over half of the 300 MB bound on their own. ``PackedPeople`` holds each person as one
pickled record in one buffer (its fields' keys held once for all people), and makes the person again each time it
is read: a draft read from it is a new object, and a change to it is not kept (nothing that reads the people of a
plan changes them).
"""

from __future__ import annotations

import pickle
from array import array
from collections.abc import Iterable, Iterator, Sequence
from typing import overload

from core.excel.plan import PersonDraft


class PackedPeople(Sequence[PersonDraft]):
    """People held packed (module docstring), in the order they were added: a ``Sequence`` of ``PersonDraft``."""

    def __init__(self, people: Iterable[PersonDraft] = ()) -> None:
        self._buffer = bytearray()
        self._ends = array("Q")  # where each person's record ends in the buffer
        self._keys: dict[tuple[str, ...], int] = {}  # each tuple of field names, once
        self._key_list: list[tuple[str, ...]] = []
        self.extend(people)

    def extend(self, people: Iterable[PersonDraft]) -> None:
        """Add these people (packed: a draft added is not held)."""
        for person in people:
            keys = tuple(person.fields)
            at = self._keys.get(keys)
            if at is None:
                at = self._keys[keys] = len(self._key_list)
                self._key_list.append(keys)
            self._buffer += pickle.dumps((at, tuple(person.fields.values()), person.tags, person.phones,
                                          person.masked_phone, person.first_row, person.platform, person.kept),
                                         protocol=pickle.HIGHEST_PROTOCOL)
            self._ends.append(len(self._buffer))

    def __len__(self) -> int:
        return len(self._ends)

    @overload
    def __getitem__(self, position: int) -> PersonDraft: ...

    @overload
    def __getitem__(self, position: slice) -> list[PersonDraft]: ...

    def __getitem__(self, position: int | slice) -> PersonDraft | list[PersonDraft]:
        if isinstance(position, slice):
            return [self[at] for at in range(*position.indices(len(self)))]
        if position < 0:
            position += len(self)
        if not 0 <= position < len(self):
            raise IndexError(position)
        start = self._ends[position - 1] if position else 0
        return self._made(self._buffer[start:self._ends[position]])

    def __iter__(self) -> Iterator[PersonDraft]:
        start = 0
        for end in self._ends:
            yield self._made(self._buffer[start:end])
            start = end

    def _made(self, record: bytes | bytearray) -> PersonDraft:
        at, values, tags, phones, masked_phone, first_row, platform, kept = pickle.loads(record)
        return PersonDraft(dict(zip(self._key_list[at], values, strict=True)), tags, phones, masked_phone, first_row,
                           platform, kept)
