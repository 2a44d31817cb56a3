"""Tags: free labels on customers (干皮, 宝妈, 送礼 …), set one by one or in bulk.

Tag names are trimmed; a name typed again reuses the existing tag. Bulk operations take customer ids
and work in SQL, so tagging 50,000 selected customers is one statement per tag. Every change of a
customer's tags (or of a tag's name) ends with `refresh_tag_names`, which keeps `Customer.tag_names`,
the text the customer list shows and sorts by.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from sqlalchemy import bindparam, delete, func, insert, select, update
from sqlalchemy.orm import Session

from core.book.db import Book
from core.book.dialect import in_chunks, rowcount, table_of
from core.book.models import Customer, CustomerTag, Tag
from core.errors import ValidationError

if TYPE_CHECKING:
    from core.dto import TagDTO

TAG_SEPARATOR = "、"


def clean_tag_names(names: Iterable[str]) -> list[str]:
    """Trimmed, non-empty, de-duplicated names in their first order."""
    seen: dict[str, None] = {}
    for n in names:
        n = (n or "").strip()
        if n and len(n) <= 50:
            seen.setdefault(n, None)
    return list(seen)


def ensure_tags(s: Session, names: Iterable[str]) -> dict[str, int]:
    """Tag ids by name, creating the tags that do not exist yet."""
    names = clean_tag_names(names)
    if not names:
        return {}
    found = {t.name: t.id for t in s.scalars(select(Tag).where(Tag.name.in_(names)))}
    for n in names:
        if n not in found:
            tag = Tag(name=n)
            s.add(tag)
            s.flush()
            found[n] = tag.id
    return found


def tags_by_customer(s: Session, customer_ids: Sequence[int]) -> dict[int, tuple[str, ...]]:
    """Tag names of each customer, sorted by name."""
    result: dict[int, list[str]] = {}
    ids = list(customer_ids)
    for chunk in in_chunks(ids):
        stmt = (select(CustomerTag.customer_id, Tag.name).join(Tag, Tag.id == CustomerTag.tag_id)
                .where(CustomerTag.customer_id.in_(chunk)).order_by(Tag.name))
        for cid, name in s.execute(stmt):
            result.setdefault(cid, []).append(name)
    return {cid: tuple(names) for cid, names in result.items()}


def refresh_tag_names(s: Session, customer_ids: Iterable[int] | None = None) -> int:
    """Store the sorted tag names of these customers (all when None) in `Customer.tag_names`, joined by
    TAG_SEPARATOR as the list shows them. Writes only rows that change (not `version`, not `updated_at`);
    returns how many. Call after any change of customer_tag rows or tag names, in the same transaction."""
    table = table_of(Customer)
    if customer_ids is None:
        chunks: list[list[int] | None] = [None]
    else:
        chunks = list(in_chunks(sorted(set(customer_ids))))
    stmt = (update(table).where(table.c.id == bindparam("cid"))
            .values(tag_names=bindparam("names"), updated_at=table.c.updated_at))
    changed = 0
    for chunk in chunks:
        links = select(CustomerTag.customer_id, Tag.name).join(Tag, Tag.id == CustomerTag.tag_id)
        stored = select(table.c.id, table.c.tag_names)
        if chunk is None:
            stored = stored.where(table.c.tag_names != "")
        else:
            links, stored = links.where(CustomerTag.customer_id.in_(chunk)), stored.where(table.c.id.in_(chunk))
        names: dict[int, list[str]] = {}
        for cid, name in s.execute(links.order_by(CustomerTag.customer_id, Tag.name)):
            names.setdefault(cid, []).append(name)
        old = dict(s.execute(stored).all())
        rows = [{"cid": cid, "names": new} for cid in sorted(old.keys() | names.keys())
                if old.get(cid, "") != (new := TAG_SEPARATOR.join(names.get(cid, ())))]
        if rows:
            s.execute(stmt.execution_options(synchronize_session=False), rows)
        changed += len(rows)
    return changed


def set_customer_tags(s: Session, customer_id: int, names: Iterable[str]) -> None:
    """Make the customer's tags exactly `names`."""
    wanted = ensure_tags(s, names)
    s.execute(delete(CustomerTag).where(CustomerTag.customer_id == customer_id,
                                        CustomerTag.tag_id.not_in(list(wanted.values()) or [-1])))
    have = set(s.scalars(select(CustomerTag.tag_id).where(CustomerTag.customer_id == customer_id)))
    rows = [{"customer_id": customer_id, "tag_id": t} for t in wanted.values() if t not in have]
    if rows:
        s.execute(insert(CustomerTag), rows)
    refresh_tag_names(s, [customer_id])


def add_tags_bulk(s: Session, customer_ids: Sequence[int], names: Iterable[str]) -> int:
    """Add tags to many customers; returns how many (customer, tag) links were added."""
    tag_ids = ensure_tags(s, names).values()
    added = 0
    ids = list(customer_ids)
    for tag_id in tag_ids:
        for chunk in in_chunks(ids):
            have = set(s.scalars(select(CustomerTag.customer_id).where(
                CustomerTag.tag_id == tag_id, CustomerTag.customer_id.in_(chunk))))
            rows = [{"customer_id": c, "tag_id": tag_id} for c in chunk if c not in have]
            if rows:
                s.execute(insert(CustomerTag), rows)
                added += len(rows)
    refresh_tag_names(s, ids)
    return added


class TagService:
    """Tag operations on one book."""

    def __init__(self, book: Book) -> None:
        self.book = book

    def all_tags(self) -> list[TagDTO]:
        """Every tag with how many customers carry it, most used first."""
        from core.dto import TagDTO  # (not at the top: an import's writer uses this module without the DTOs)

        with self.book.session() as s:
            stmt = (select(Tag.id, Tag.name, Tag.color, func.count(CustomerTag.customer_id))
                    .outerjoin(CustomerTag, CustomerTag.tag_id == Tag.id).group_by(Tag.id)
                    .order_by(func.count(CustomerTag.customer_id).desc(), Tag.name))
            return [TagDTO(*row) for row in s.execute(stmt)]

    def add_tags(self, customer_ids: Sequence[int], names: Iterable[str]) -> int:
        with self.book.session() as s:
            return add_tags_bulk(s, customer_ids, names)

    def remove_tags(self, customer_ids: Sequence[int], names: Iterable[str]) -> int:
        names = clean_tag_names(names)
        ids = list(customer_ids)
        removed = 0
        with self.book.session() as s:
            tag_ids = list(s.scalars(select(Tag.id).where(Tag.name.in_(names))))
            for chunk in in_chunks(ids):
                removed += rowcount(s.execute(delete(CustomerTag).where(
                    CustomerTag.tag_id.in_(tag_ids), CustomerTag.customer_id.in_(chunk))))
            refresh_tag_names(s, ids)
        return removed

    def rename(self, tag_id: int, new_name: str) -> None:
        """Rename a tag; renaming onto an existing name merges the two tags."""
        new_name = (new_name or "").strip()
        if not new_name:
            raise ValidationError("tag_name_empty", field="name")
        with self.book.session() as s:
            tag = s.get(Tag, tag_id)
            if tag is None:
                return
            carriers = _carriers(s, tag_id)
            other = s.scalar(select(Tag).where(Tag.name == new_name, Tag.id != tag_id))
            if other is None:
                tag.name = new_name
                s.flush()
            else:
                have = select(CustomerTag.customer_id).where(CustomerTag.tag_id == other.id)
                moving = list(s.scalars(select(CustomerTag.customer_id).where(
                    CustomerTag.tag_id == tag_id, CustomerTag.customer_id.not_in(have))))
                if moving:
                    s.execute(insert(CustomerTag), [{"customer_id": c, "tag_id": other.id} for c in moving])
                s.execute(delete(CustomerTag).where(CustomerTag.tag_id == tag_id))
                s.execute(delete(Tag).where(Tag.id == tag_id))
            refresh_tag_names(s, carriers)

    def delete(self, tag_id: int) -> None:
        with self.book.session() as s:
            carriers = _carriers(s, tag_id)
            s.execute(delete(CustomerTag).where(CustomerTag.tag_id == tag_id))
            s.execute(delete(Tag).where(Tag.id == tag_id))
            refresh_tag_names(s, carriers)


def _carriers(s: Session, tag_id: int) -> list[int]:
    """The customers who carry a tag."""
    return list(s.scalars(select(CustomerTag.customer_id).where(CustomerTag.tag_id == tag_id)))
