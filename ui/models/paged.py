"""Base of the big-list table models: rows read from the book a page at a time, a bounded page cache."""

from collections import OrderedDict
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

SORT_ROLE = Qt.ItemDataRole.UserRole + 1  # the raw value (date, int, cents) behind the displayed text
ID_ROLE = Qt.ItemDataRole.UserRole + 2  # the database id of the row
PAGE_SIZE = 200
MAX_CACHED_PAGES = 12  # rows kept in memory: at most PAGE_SIZE × MAX_CACHED_PAGES
_ROOT = QModelIndex()


class PagedTableModel(QAbstractTableModel):
    """Subclasses say how many rows there are (``_count``), read one page (``_read_page``), and format
    cells (``display``, ``raw``); the base keeps at most MAX_CACHED_PAGES pages and never reads a page
    while another read is in progress (``_loading`` guards against a view re-entering ``data``).

    Sorting is delegated to SQL: ``sort`` calls ``_set_sort`` (which returns False for columns that do
    not sort) and reloads.
    """

    page_size = PAGE_SIZE

    def __init__(self, column_count: int, parent=None):
        super().__init__(parent)
        self._column_count = column_count
        self._pages: OrderedDict[int, list[Any]] = OrderedDict()
        self._loading = False
        self._rows = 0

    # --- for subclasses -----------------------------------------------------------------------------
    def _count(self) -> int:
        raise NotImplementedError

    def _read_page(self, page_number: int) -> list[Any]:
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
        """Re-run the query (after an edit, a filter change or a sort)."""
        self.beginResetModel()
        self._pages.clear()
        self._rows = self._count()
        self.endResetModel()

    def cached_row_count(self) -> int:
        return sum(len(page) for page in self._pages.values())

    def item(self, row: int) -> Any | None:
        """The loaded row object at row (reading its page if needed), or None."""
        number = row // self.page_size
        page = self._pages.get(number)
        if page is None:
            if self._loading:
                return None
            self._loading = True
            try:
                page = self._read_page(number)
            finally:
                self._loading = False
            self._pages[number] = page
            while len(self._pages) > MAX_CACHED_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(number)
        offset = row - number * self.page_size
        return page[offset] if offset < len(page) else None

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
