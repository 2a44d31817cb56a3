"""A QTableView set up for big SQL-backed lists: fixed row height, column chooser, remembered header."""

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTableView

from ui.settings import header_state_key


class ListTableView(QTableView):
    """Sorting is delegated to the model (which sorts in SQL); rows have a fixed height so Qt never
    measures 100,000 rows; right-clicking the header offers a checkable list of columns. The header
    state (widths, order, hidden columns, sort) is stored in QSettings under table_name; without one, the
    defaults apply (hidden columns, widths, and `default_order`: logical columns in their visual order)."""

    def __init__(self, table_name: str, settings: QSettings, default_hidden: tuple[int, ...] = (),
                 default_widths: dict[int, int] | None = None, default_order: tuple[int, ...] = (), parent=None):
        super().__init__(parent)
        self._table_name = table_name
        self._settings = settings
        self._default_hidden = default_hidden
        self._default_widths = default_widths or {}
        self._default_order = default_order
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        vertical = self.verticalHeader()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 10)
        vertical.setVisible(False)
        header = self.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.sortIndicatorChanged.connect(self._on_header_sort_indicator_changed)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._on_header_context_menu_requested)

    def restore_header(self) -> None:
        """Apply the saved header state (widths, order, hidden columns, sort) or the defaults; then sort
        the model like the header says. Call after setModel; the model sorts in SQL and has
        ``sort(column, order)`` and ``sort_column() -> (column, order)``."""
        state = self._settings.value(header_state_key(self._table_name))
        header = self.horizontalHeader()
        if state is None or not header.restoreState(state):
            for column in self._default_hidden:
                header.hideSection(column)
            for column, width in self._default_widths.items():
                header.resizeSection(column, width)
            for visual, column in enumerate(self._default_order):
                header.moveSection(header.visualIndex(column), visual)
            self._show_model_sort()
        else:
            self._on_header_sort_indicator_changed(header.sortIndicatorSection(), header.sortIndicatorOrder())

    def _show_model_sort(self) -> None:
        header = self.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(*self.model().sort_column())
        header.blockSignals(False)
        header.viewport().update()

    def _on_header_sort_indicator_changed(self, column: int, order: Qt.SortOrder) -> None:
        if self.model() is None:
            return
        if (column, order) != self.model().sort_column():
            self.model().sort(column, order)
        self._show_model_sort()  # a column the model cannot sort by keeps the old indicator

    def save_header(self) -> None:
        self._settings.setValue(header_state_key(self._table_name), self.horizontalHeader().saveState())

    def column_menu(self) -> QMenu:
        """A menu with one checkable action per column (shown / hidden)."""
        menu = QMenu(self.tr("Columns"), self)
        header = self.horizontalHeader()
        model = self.model()
        for column in range(model.columnCount()):
            action = QAction(model.headerData(column, Qt.Orientation.Horizontal), menu)
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(column))
            action.toggled.connect(lambda shown, c=column: self.set_column_shown(c, shown))
            menu.addAction(action)
        return menu

    def set_column_shown(self, column: int, shown: bool) -> None:
        header = self.horizontalHeader()
        visible = sum(not header.isSectionHidden(c) for c in range(header.count()))
        if not shown and visible <= 1:
            return  # keep at least one column
        header.setSectionHidden(column, not shown)

    def _on_header_context_menu_requested(self, pos) -> None:
        self.column_menu().exec(self.horizontalHeader().mapToGlobal(pos))

    def selected_rows(self) -> list[int]:
        return sorted(index.row() for index in self.selectionModel().selectedRows())
