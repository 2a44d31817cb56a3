"""Order lines ↔ products: linking, re-linking, suggested cycles, and the reminders that follow.

Which product a line with title T belongs to (docs/PRODUCTS.md):
1. the product named like T: as written but for its promotion (spaces, full width and case aside), else as
   normalised (core.product_names: the variant set aside too);
2. else the product that lines with a title of the same key already belong to (a product the seller
   renamed or merged keeps its spellings: a later import of the old title lands on it);
3. else the product with the longest name (2+ characters) inside T's key ("蜂蜜" in "洋槐蜂蜜 500g"); else the one
   product whose name holds T's key (2+ characters), when only one does (a hand sheet's "蜂蜜" after a platform's
   "云南野生蜂蜜500g": the same goods whichever file came first; with two honeys "蜂蜜" names neither);
4. else, on an import, a new product named after T (`ProductResolver(create=True)`) — unless the seller deleted
   the product of that name (the setting ``products.deleted``: `remember_deleted`; creating a product of that name
   again, by hand or from a products sheet, forgets it): T's lines then stay without a product.
Re-linking (after a product is created, renamed, merged or deleted) moves a line only to a product named
exactly like it (rule 1) or to a longer contained name than its current one (rule 3); a line already on a
product whose name no longer matches stays there (the seller's word).

Suggested cycle (per unit): for each customer and product, purchase days with quantities summed per day; the
interval between two consecutive days divided by the quantity bought on the first of them (2 jars, next
purchase 80 days later → 40); the product's suggestion is the median of those, `suggestion_basis` intervals.
A product's **effective cycle** (what reminders use) is the seller's `cycle_days`, else the suggestion when it
rests on at least `reminder.suggest_min_intervals` intervals (default 5), else none (no cycle reminders).

`follow_product_write` is what every writer of products or order lines calls in its transaction: it links,
refreshes the suggestions, drops the unanswered cycle tasks of products whose effective cycle moved, and
regenerates the reminders of every customer concerned (core.reminders.generate).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping

from sqlalchemy import bindparam, text
from sqlalchemy.orm import Session

from core.book.dialect import RawSql
from core.product_names import name_key, normalise, spelled_key
from core.reminders.cycles import compute_suggestions, effective_cycles
from core.settings import get_setting, set_setting

CYCLE_KINDS = ("arrival_care", "use_care", "repurchase", "winback")
OnCreated = Callable[[int], None]


class ProductResolver:
    """Order-line titles → product ids by the rules of the module docstring (one per write)."""

    def __init__(self, session: Session, create: bool = False, on_created: OnCreated | None = None) -> None:
        self.session, self.create, self.on_created = session, create, on_created
        self.by_key: dict[str, int] = {}
        for pid, name in session.execute(text("SELECT id, name FROM product ORDER BY id")):
            self.by_key.setdefault(name_key(name), pid)
        self._cache: dict[str, int | None] = {"": None}
        self._memory: dict[str, int] | None = None
        self.created: list[int] = []
        self.refused = deleted_keys(session) if create else set()  # keys of products the seller deleted
        self._deferred: dict[str, list[str]] | None = None  # (defer_creation) missing titles by name key

    def defer_creation(self) -> None:
        """From now on the missing products are created only by ``create_deferred``, all at once, as one
        ``resolve`` of every title would have created them (an import written in rounds, core.excel.rounds): a title
        meanwhile resolves to None, and no title is found in a product created meanwhile."""
        self._deferred = {}

    def create_deferred(self) -> dict[str, int]:
        """Create the products deferred (``defer_creation``); the titles that now have one, with it."""
        missing, self._deferred = self._deferred or {}, None
        if not missing:
            return {}
        self._create(missing)
        return {title: self._cache[title] for titles in missing.values() for title in titles}  # type: ignore[misc]

    def exact(self, title: str, key: str) -> int | None:
        """The product named like the title: as written (a seller's "面膜（补水）"), else as normalised."""
        return self.by_key.get(spelled_key(title)) or self.by_key.get(key)

    def contained(self, key: str) -> int | None:
        """The product with the longest name (2+ characters) inside this key."""
        best = max((k for k in self.by_key if len(k) >= 2 and k in key), key=len, default=None)
        return None if best is None else self.by_key[best]

    def containing(self, key: str) -> int | None:
        """The one product whose name holds this key (2+ characters); None when none or several do. A product named
        with its variant in brackets ("面膜（补水）") is that variant's, never another's."""
        if len(key) < 2:
            return None
        found = {pid for k, pid in self.by_key.items() if key in k and "(" not in k and "[" not in k}
        return found.pop() if len(found) == 1 else None

    def resolve(self, titles: Iterable[str]) -> dict[str, int | None]:
        """Product id (or None) for each distinct title; creates the missing products when `create`."""
        wanted = {t for t in titles if t not in self._cache}
        names = {t: normalise(t) for t in wanted}
        keys = {t: name.key for t, name in names.items()}
        open_titles = []
        for title in wanted:
            found = self.exact(title, keys[title])
            if found is None:
                open_titles.append(title)
            self._cache[title] = found
        if open_titles:
            if self._memory is None:
                self._memory = _linked_keys(self.session)
            for title in open_titles:
                self._cache[title] = self._memory.get(keys[title])
        missing: dict[str, list[str]] = defaultdict(list)
        for title in open_titles:
            if self._cache[title] is None:
                self._cache[title] = self.contained(keys[title]) or (
                    None if names[title].variant else self.containing(keys[title]))
                if self._cache[title] is None and keys[title]:
                    missing[keys[title]].append(title)
        for key in self.refused.intersection(missing):
            del missing[key]  # the seller deleted that product: its lines stay without one
        if self.create and missing and self._deferred is not None:
            for key, spelled in missing.items():
                self._deferred.setdefault(key, []).extend(spelled)
        elif self.create and missing:
            self._create(missing)
        return {t: self._cache[t] for t in titles}

    def read_ahead(self) -> None:
        """Read what resolve() may need from the book now (the titles lines already carry: a read of every line)."""
        if self._memory is None:
            self._memory = _linked_keys(self.session)

    def link(self, title: str) -> int | None:
        return self.resolve([title])[title]

    def linked(self) -> set[int]:
        """Every product a resolved title went to."""
        return {pid for pid in self._cache.values() if pid is not None}

    def _create(self, missing: dict[str, list[str]]) -> None:
        names = {key: normalise(min(titles)).name for key, titles in missing.items()}
        q = RawSql.of(self.session)
        now = q.value(dt.datetime.now().replace(microsecond=0))
        self.session.execute(text("INSERT INTO product (name, category, price_cents, lead_days, code, active, note, "
                                  "suggestion_basis, version, created_at, updated_at) VALUES (:name, '', 0, 3, '', "
                                  f"{q.true()}, '', 0, 1, :now, :now)"),
                             [{"name": name, "now": now} for name in sorted(set(names.values()))])
        by_name = text("SELECT name, id FROM product WHERE name IN :names").bindparams(
            bindparam("names", expanding=True))
        ids: dict[str, int] = dict(
            self.session.execute(by_name, {"names": sorted(set(names.values()))}).all())
        for key, titles in missing.items():
            pid = ids[names[key]]
            self.by_key[key] = pid
            if self._memory is not None:
                self._memory[key] = pid
            for title in titles:
                self._cache[title] = pid
        for pid in sorted(set(ids.values())):
            self.created.append(pid)
            if self.on_created:
                self.on_created(pid)


def deleted_keys(session: Session) -> set[str]:
    """Name keys of the products the seller deleted (the setting ``products.deleted``)."""
    return {name_key(name) for name in get_setting(session, "products.deleted")}


def remember_deleted(session: Session, name: str) -> None:
    """The seller deleted the product ``name``: imports no longer create a product of that name (rule 4)."""
    names = list(get_setting(session, "products.deleted"))
    if name_key(name) not in {name_key(other) for other in names}:
        set_setting(session, "products.deleted", sorted([*names, name]))
        session.flush()  # (read back by the resolvers of this transaction)


def forget_deleted(session: Session, name: str) -> None:
    """A product named ``name`` is created again (by hand, or from a products sheet): no longer refused."""
    names = list(get_setting(session, "products.deleted"))
    kept = [other for other in names if name_key(other) != name_key(name)]
    if kept != names:
        set_setting(session, "products.deleted", kept)
        session.flush()


def _linked_keys(session: Session) -> dict[str, int]:
    """Title keys that lines of the book already carry with a product: that product (the lowest id if several).
    One pass over the distinct (title, product) pairs; read only when a title is not a product's name."""
    found: dict[str, int] = {}
    for title, pid in session.execute(text("SELECT title, MIN(product_id) FROM order_item "
                                           "WHERE product_id IS NOT NULL GROUP BY title")):
        key = normalise(title).key
        found[key] = min(pid, found.get(key, pid))
    return found


def _fill_temp(session: Session, name: str, columns: str, rows: list[dict]) -> None:
    session.execute(text(f"DROP TABLE IF EXISTS {name}"))
    session.execute(text(f"CREATE TEMP TABLE {name} ({columns})"))
    if rows:
        names = ", ".join(f":{column}" for column in rows[0])
        session.execute(text(f"INSERT INTO {name} VALUES ({names})"), rows)


Moved = tuple[set[int], set[int]]  # the customers whose lines moved, the products they left or joined


def _move_lines(session: Session, moves: list[dict]) -> Moved:
    """Apply {title, old, new} moves (old may be None) in one statement."""
    if not moves:
        return set(), set()
    _fill_temp(session, "_pl_moves", "title TEXT, old_id INTEGER, new_id INTEGER",
               [{"title": m["title"], "old_id": m["old"], "new_id": m["new"]} for m in moves])
    try:
        session.execute(text("CREATE INDEX _pl_moves_title ON _pl_moves (title)"))
        match = ("m.title = order_item.title AND (m.old_id = order_item.product_id "
                 "OR (m.old_id IS NULL AND order_item.product_id IS NULL))")
        customers = set(session.execute(text(
            "SELECT DISTINCT o.customer_id FROM _pl_moves m JOIN order_item oi ON oi.title = m.title "
            "AND (m.old_id = oi.product_id OR (m.old_id IS NULL AND oi.product_id IS NULL)) "
            "JOIN orders o ON o.id = oi.order_id")).scalars())
        session.execute(text(f"UPDATE order_item SET product_id = (SELECT m.new_id FROM _pl_moves m WHERE {match}) "
                             f"WHERE EXISTS (SELECT 1 FROM _pl_moves m WHERE {match})"))
        return customers, {p for m in moves for p in (m["old"], m["new"]) if p is not None}
    finally:
        session.execute(text("DROP TABLE IF EXISTS _pl_moves"))


def link_unlinked(session: Session, create: bool = False, on_created: OnCreated | None = None) -> Moved:
    """Link every titled line that has no product (creating products when `create`)."""
    titles = list(session.execute(text(
        "SELECT DISTINCT title FROM order_item WHERE product_id IS NULL AND title <> ''")).scalars())
    if not titles:
        return set(), set()
    found = ProductResolver(session, create, on_created).resolve(titles)
    return _move_lines(session, [{"title": t, "old": None, "new": pid} for t, pid in found.items() if pid])


def relink(session: Session) -> Moved:
    """Re-link every titled line after products were created, renamed, merged or deleted (rules in the
    module docstring; no product is created)."""
    resolver = ProductResolver(session)
    names = {pid: name_key(name) for pid, name in session.execute(text("SELECT id, name FROM product"))}
    moves = []
    for title, current in session.execute(text(
            "SELECT title, product_id FROM order_item WHERE title <> '' GROUP BY title, product_id")).all():
        key = normalise(title).key
        target = resolver.exact(title, key)
        if target is None:
            contained = resolver.contained(key)
            weaker = current is None or current not in names or (
                contained is not None and names[current] in key and len(names[contained]) > len(names[current]))
            target = contained if weaker else current
        if target != current:
            moves.append({"title": title, "old": current, "new": target})
    return _move_lines(session, moves)


def refresh_suggestions(session: Session, product_ids: Iterable[int] | None = None,
                        computed: Mapping[int, tuple[int, int] | None] | None = None) -> None:
    """Store the per-unit suggested cycle and its basis of these products (all when None). `computed`: what
    compute_suggestions gave for some of them, read earlier (None: no suggestion); the others are read now."""
    ids = None if product_ids is None else sorted({int(p) for p in product_ids})
    if ids == []:
        return
    computed = computed if ids is not None and computed else {}
    found = {pid: value for pid, value in computed.items() if value is not None}
    rest = None if ids is None else [pid for pid in ids if pid not in computed]
    if rest != []:
        found.update(compute_suggestions(session, rest))
    where = "" if ids is None else f" WHERE id IN ({', '.join(map(str, ids))})"
    updates = [{"id": pid, "s": found.get(pid, (None, 0))[0], "b": found.get(pid, (None, 0))[1]}
               for pid, days, basis in session.execute(text(
                   f"SELECT id, suggested_cycle_days, suggestion_basis FROM product{where}"))
               if found.get(pid, (None, 0)) != (days, basis)]
    if updates:
        session.execute(text("UPDATE product SET suggested_cycle_days = :s, suggestion_basis = :b WHERE id = :id"),
                        updates)


def buyers_of(session: Session, product_ids: Iterable[int]) -> set[int]:
    ids = sorted({int(p) for p in product_ids})
    if not ids:
        return set()
    return set(session.execute(text(
        "SELECT DISTINCT o.customer_id FROM order_item oi JOIN orders o ON o.id = oi.order_id "
        f"WHERE oi.product_id IN ({', '.join(map(str, ids))})")).scalars().all())


def products_bought_by(session: Session, customer_ids: Iterable[int]) -> set[int]:
    ids = sorted({int(c) for c in customer_ids})
    if not ids:
        return set()
    return set(session.execute(text(
        "SELECT DISTINCT oi.product_id FROM orders o JOIN order_item oi ON oi.order_id = o.id "
        f"WHERE o.customer_id IN ({', '.join(map(str, ids))}) AND oi.product_id IS NOT NULL")).scalars())


def reset_cycle_tasks(session: Session, product_ids: Iterable[int]) -> None:
    """Drop the product-cycle tasks of these products that nobody acted on (open, or closed by the engine:
    expired / superseded, with no contact logged), so the next pass derives them from the new cycle.
    Done, skipped and snoozed tasks are the seller's and stay."""
    ids = sorted({int(p) for p in product_ids})
    if not ids:
        return
    kinds = ", ".join(f"'{k}'" for k in CYCLE_KINDS)
    session.execute(text(
        f"DELETE FROM reminder WHERE product_id IN ({', '.join(map(str, ids))}) AND kind IN ({kinds}) "
        "AND status IN ('open', 'expired', 'superseded') "
        "AND NOT EXISTS (SELECT 1 FROM contact_log cl WHERE cl.reminder_id = reminder.id)"))


class CycleWatch:
    """The effective cycles before a write; `moved()` after it: the products whose effective cycle changed."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.before = effective_cycles(session)

    def moved(self) -> set[int]:
        after = effective_cycles(self.session)
        return {pid for pid, cycle in after.items() if self.before.get(pid) != cycle}


def most_of_the_book(concerned: int, customers: int) -> bool:
    """Whether ``concerned`` customers of a book of ``customers`` are half of it or more (a first import): then
    one complete pass over the reminders is cheaper than a scoped one."""
    return customers > 0 and concerned >= customers / 2


def follow_product_write(session: Session, watch: CycleWatch, today: dt.date | None = None, *,
                         customers: Iterable[int] = (), products: Iterable[int] | None = None,
                         relink_all: bool = False, link_new: bool = False, create_products: bool = True,
                         on_created: OnCreated | None = None, regenerate_now: bool = True,
                         suggestions: Mapping[int, tuple[int, int] | None] | None = None) -> set[int]:
    """After a write of products or order lines, in its transaction: re-link (`relink_all`: every line, after
    product names changed; `link_new`: lines with no product, creating products unless `create_products` is
    False — an import links the lines it writes itself and gives the book's others existing products only: a line the
    seller typed stays free text), refresh the suggestions
    of `products` (all when None), drop the unanswered cycle tasks of products whose effective cycle moved
    and regenerate the reminders of `customers` plus everyone whose lines moved or who bought such a
    product (a complete pass when that is half the book or more). Returns the customers concerned (without the
    buyers of a moved product when the pass was complete anyway). `regenerate_now=False` leaves the reminders
    to the caller (a chunked import regenerates them a thousand customers per transaction); `suggestions`: as
    refresh_suggestions' `computed`."""
    from core.reminders.generate import local_today, regenerate

    concerned = {int(c) for c in customers}
    touched = None if products is None else {int(p) for p in products}
    for done, step in ((relink_all, lambda: relink(session)),
                       (link_new, lambda: link_unlinked(session, create=create_products, on_created=on_created))):
        if done:
            moved_customers, moved_products = step()
            concerned |= moved_customers
            if touched is not None:
                touched |= moved_products
            if suggestions:  # read before these lines moved: those products' suggestions are read again
                suggestions = {pid: found for pid, found in suggestions.items() if pid not in moved_products}
    refresh_suggestions(session, touched, suggestions)
    moved = watch.moved()
    book_size = session.execute(text("SELECT COUNT(*) FROM customer")).scalar() or 0
    everyone = most_of_the_book(len(concerned), book_size)
    if moved:
        reset_cycle_tasks(session, moved)
        if not everyone:
            concerned |= buyers_of(session, moved)
            everyone = most_of_the_book(len(concerned), book_size)
    if concerned and regenerate_now:
        regenerate(session, today or local_today(session), None if everyone else concerned)
    return concerned
