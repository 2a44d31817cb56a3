"""A save that lost the race: what I typed against what someone else saved, field by field.

Works on any frozen dataclass of editable fields (e.g. CustomerInput). `base` is what the form was
loaded with, so each differing field knows who changed it: only me (suggest mine), only them (suggest
theirs) or both (a real conflict; suggest mine, the seller decides).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

MINE, THEIRS = "mine", "theirs"
T = TypeVar("T", bound="DataclassInstance")


@dataclass(frozen=True)
class FieldDifference:
    """One field whose value differs between my edit and the saved record."""

    field: str
    base: Any
    mine: Any
    theirs: Any

    @property
    def changed_by_me(self) -> bool:
        return not _same(self.mine, self.base)

    @property
    def changed_by_them(self) -> bool:
        return not _same(self.theirs, self.base)

    @property
    def both_changed(self) -> bool:
        return self.changed_by_me and self.changed_by_them

    @property
    def suggested(self) -> str:
        return THEIRS if self.changed_by_them and not self.changed_by_me else MINE


def _same(a: Any, b: Any) -> bool:
    """Equal values; tuples (tags) are sets here: the same tags in another order are no difference."""
    if isinstance(a, tuple) and isinstance(b, tuple):
        return sorted(a) == sorted(b)
    return a == b


def differences(base: T, mine: T, theirs: T) -> list[FieldDifference]:
    """The fields (in declaration order) where `mine` and `theirs` differ."""
    result = []
    for f in dataclasses.fields(mine):
        a, b = getattr(mine, f.name), getattr(theirs, f.name)
        if not _same(a, b):
            result.append(FieldDifference(f.name, getattr(base, f.name), a, b))
    return result


def merge(mine: T, theirs: T, choices: Mapping[str, str]) -> T:
    """`theirs` with the fields chosen as MINE taken from `mine` (fields not named keep theirs)."""
    unknown = set(choices) - {f.name for f in dataclasses.fields(mine)}
    if unknown:
        raise KeyError(f"not fields of {type(mine).__name__}: {sorted(unknown)}")
    return dataclasses.replace(theirs, **{name: getattr(mine, name) for name, who in choices.items() if who == MINE})


def keep_mine(base: T, mine: T, theirs: T) -> T:
    """My whole edit over theirs (every differing field mine)."""
    return merge(mine, theirs, {d.field: MINE for d in differences(base, mine, theirs)})


def suggested_merge(base: T, mine: T, theirs: T) -> T:
    """Each side's own changes kept; where both changed a field, mine."""
    return merge(mine, theirs, {d.field: d.suggested for d in differences(base, mine, theirs)})
