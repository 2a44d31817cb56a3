"""Base of the big-list table models: rows read from the book a page at a time, a bounded page cache,
and (given a TaskRunner) every query run off the GUI thread."""

import dataclasses
from collections import OrderedDict
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal

from ui.tasks import TaskRunner

SORT_ROLE = Qt.ItemDataRole.UserRole + 1  # the raw value (date, int, cents) behind the displayed text
ID_ROLE = Qt.ItemDataRole.UserRole + 2  # the database id of the row
PAGE_SIZE = 200
MAX_CACHED_PAGES = 12  # rows kept in memory: at most PAGE_SIZE × MAX_CACHED_PAGES
_ROOT = QModelIndex()


class PagedTableModel(QAbstractTableModel):
    """Subclasses run their query (``_query_state``, e.g. the ordered ids or a count), keep its result
    (``_apply_state``), say how to read one page (``_page_request`` on the GUI thread, ``_read_page``
    anywhere) and format cells (``display``, ``raw``). The base keeps at most MAX_CACHED_PAGES pages.

    Without a TaskRunner everything runs synchronously (``_loading`` guards against a view re-entering
    ``data`` while a page is read). With one, queries and page reads run on the thread pool: the table
    keeps showing the previous rows until ``loaded`` is emitted, and a row whose page is still being
    read shows empty cells until ``dataChanged``. Results of a superseded query are dropped.

    Every page read is tied to the query result it was taken from (``_state``, bumped each time a result
    is applied): a page asked for while the previous rows were on screen, answered after a new result
    (another filter, a reload after an edit) was applied, is dropped, so a row never shows a page read
    for other ids than the ones the model holds now.
    """

    loaded = Signal()
    page_size = PAGE_SIZE

    def __init__(self, column_count: int, tasks: TaskRunner | None = None, parent=None):
        super().__init__(parent)
        self._column_count = column_count
        self._tasks = tasks
        self._pages: OrderedDict[int, list[Any]] = OrderedDict()
        self._pending: set[int] = set()
        self._generation = 0  # the newest query asked for
        self._state = 0  # the query result held now (its ids): page reads are tied to it
        self._loading = False
        self._rows = 0

    # --- for subclasses -----------------------------------------------------------------------------
    def _query_state(self) -> Any:
        """Run the list query (may run on a worker thread); the result goes to _apply_state."""
        raise NotImplementedError

    def _apply_state(self, state: Any) -> int:
        """Keep the query result (GUI thread); return the number of rows."""
        raise NotImplementedError

    def _page_request(self, page_number: int) -> Any:
        """What _read_page needs to read one page, taken on the GUI thread."""
        raise NotImplementedError

    def _read_page(self, request: Any) -> list[Any]:
        raise NotImplementedError

    def header(self, column: int) -> str:
        raise NotImplementedError

    def display(self, item: Any, column: int) -> str:
        raise NotImplementedError

    def raw(self, item: Any, column: int) -> Any:
        return self.display(item, column)

    def item_id(self, item: Any) -> int:
        return item.id

    def right_aligned(self, column: int) -> bool:
        return False

    def extra_data(self, item: Any, column: int, role: int) -> Any:
        """Other roles (tooltip, colour) for a loaded row; None by default."""
        return None

    # --- loading ------------------------------------------------------------------------------------
    def reload(self) -> None:
        """Re-run the query (after an edit, a filter change or a sort); ``loaded`` follows."""
        self._generation += 1
        generation = self._generation
        if self._tasks is None:
            self._finish_reload(generation, self._query_state())
        else:
            self._tasks.run(self._query_state, on_success=lambda state: self._finish_reload(generation, state))

    def _finish_reload(self, generation: int, state: Any) -> None:
        if generation != self._generation:
            return
        self.beginResetModel()
        self._state += 1
        self._pages.clear()
        self._pending.clear()
        self._rows = self._apply_state(state)
        self.endResetModel()
        self.loaded.emit()

    def cached_row_count(self) -> int:
        return sum(len(page) for page in self._pages.values())

    def item(self, row: int) -> Any | None:
        """The loaded row object at row, or None (its page is being read, or the row vanished)."""
        number = row // self.page_size
        page = self._pages.get(number)
        if page is None:
            if self._tasks is not None:
                self._request_page(number)
                return None
            if self._loading:
                return None
            self._loading = True
            try:
                page = self._read_page(self._page_request(number))
            finally:
                self._loading = False
            self._store_page(number, page)
        else:
            self._pages.move_to_end(number)
        offset = row - number * self.page_size
        return page[offset] if offset < len(page) else None

    def _request_page(self, number: int) -> None:
        if number in self._pending:
            return
        self._pending.add(number)
        state = self._state
        self._tasks.run(self._read_page, self._page_request(number),
                        on_success=lambda rows: self._finish_page(state, number, rows))

    def _finish_page(self, state: int, number: int, rows: list[Any]) -> None:
        if state != self._state:
            return  # read for the ids of an earlier query result (see the class docstring)
        self._pending.discard(number)
        self._store_page(number, rows)
        first = number * self.page_size
        last = min(first + self.page_size, self._rows) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, self._column_count - 1))

    def _store_page(self, number: int, rows: list[Any]) -> None:
        self._pages[number] = rows
        while len(self._pages) > MAX_CACHED_PAGES:
            self._pages.popitem(last=False)

    # --- Qt model -----------------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else self._rows

    def columnCount(self, parent: QModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else self._column_count

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and 0 <= section < self._column_count:
            if role == Qt.ItemDataRole.DisplayRole:
                return self.header(section)
            if role == Qt.ItemDataRole.TextAlignmentRole and self.right_aligned(section):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < self._rows:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter) if self.right_aligned(column) else None
        if role not in (Qt.ItemDataRole.DisplayRole, SORT_ROLE, ID_ROLE, Qt.ItemDataRole.ToolTipRole,
                        Qt.ItemDataRole.ForegroundRole):
            return None
        item = self.item(index.row())
        if item is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(item, column)
        if role == SORT_ROLE:
            return self.raw(item, column)
        if role == ID_ROLE:
            return self.item_id(item)
        return self.extra_data(item, column, role)

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class QueriedModel(PagedTableModel):
    """A paged model over a query dataclass (``_query``, with ``sort`` and ``descending`` fields): the view's
    sort and the page's filters change the query and re-run it. ``sort_keys`` maps a column to its sort key
    (the other columns do not sort); ``default_sort_column`` is the column shown sorted when the query's key is
    none of theirs."""

    sort_keys: Mapping[int, str] = {}
    default_sort_column = 0
    _query: Any

    @property
    def query(self) -> Any:
        return self._query

    def set_query(self, **changes) -> None:
        """Change filters (text, tag_ids, stages, deleted, sort, …) and re-run the query if anything changed."""
        query = dataclasses.replace(self._query, **changes)
        if query != self._query:
            self._query = query
            self.reload()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if column in self.sort_keys:
            self.set_query(sort=self.sort_keys[column], descending=order == Qt.SortOrder.DescendingOrder)

    def sort_column(self) -> tuple[int, Qt.SortOrder]:
        """The column and order the rows are sorted by now."""
        column = next((c for c, key in self.sort_keys.items() if key == self._query.sort), self.default_sort_column)
        return column, Qt.SortOrder.DescendingOrder if self._query.descending else Qt.SortOrder.AscendingOrder
