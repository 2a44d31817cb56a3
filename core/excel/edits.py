"""Whether the seller edited rows the imports made or changed, told by their versions: an editable row takes one
version more at each save (core.book.models), an import's change line on it accounts for one (core.excel.writer),
one undone since for two (core.excel.batches). Used by an undo (core.excel.undo_keep, undo_products) and by an
import that must tell a line the seller removed from one an export never had (core.excel.detail_items)."""

from __future__ import annotations

from collections import Counter

from sqlalchemy import select

from core.book.dialect import in_chunks
from core.book.models import ImportBatch, ImportChange

CREATED = "null"  # old_values_json of a row an import created (deleted on undo)


def edited_since(session, table: str, versions: dict[int, int]) -> set[int]:
    """Of these rows of ``table`` (id → version), made by an import, those whose version is past what the imports'
    change lines on them account for (1 when made, one more for each change, two for one undone since)."""
    if not versions:
        return set()
    expected: Counter[int] = Counter(dict.fromkeys(versions, 1))
    for chunk in in_chunks(sorted(versions)):
        query = select(ImportChange.row_id, ImportBatch.status).join(
            ImportBatch, ImportBatch.id == ImportChange.batch_id).where(
            ImportChange.table_name == table, ImportChange.row_id.in_(chunk), ImportChange.old_values_json != CREATED)
        for row_id, status in session.execute(query):
            expected[row_id] += 2 if status == "undone" else 1
    return {row_id for row_id, version in versions.items() if version > expected[row_id]}
