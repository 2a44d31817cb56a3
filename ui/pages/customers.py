"""Customers page: the whole customer pool in one SQL-backed table with filters and bulk actions."""

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
)

from core.customers import CustomerService
from core.errors import HuitoukeError
from core.orders import OrderService
from core.tags import TagService
from ui.dialogs.lane_save import save_on_lane
from ui.icons import icon
from ui.models.customers import Column, CustomersModel
from ui.pages.base import Page
from ui.tasks import TaskRunner
from ui.text.errors import describe
from ui.text.labels import STAGES, label
from ui.widgets.table import ListTableView

if TYPE_CHECKING:
    from ui.dialogs.customer import CustomerDialog

# The dialogs are imported when first opened: they pull in every customer section (after-sales, …),
# which cost ~0.4 s of start-up when the Customers page was the first page shown.

DEFAULT_HIDDEN = (Column.REAL_NAME, Column.WECHAT, Column.CITY, Column.ORDERS, Column.AVG_ORDER, Column.CREATED,
                  Column.DELETED)
# Visual order on first run: Level (the last column of the model) right after Stage.
DEFAULT_ORDER = (*(c for c in Column if c <= Column.STAGE), Column.LEVEL,
                 *(c for c in Column if Column.STAGE < c < Column.LEVEL))

ALL_LEVELS = -1  # the level filter's "All levels" (0 is "No level")

COLUMN_WIDTHS = {Column.NAME: 120, Column.PHONE: 120, Column.TAGS: 160, Column.STAGE: 70, Column.LEVEL: 70,
                 Column.PROVINCE: 80,
                 Column.SOURCE: 80, Column.FIRST_PURCHASE: 100, Column.LAST_PURCHASE: 100, Column.PURCHASE_DAYS: 80,
                 Column.TOTAL_SPEND: 100}


class CustomersPage(Page):
    """Search (from the window's global box), tag and stage filters, sort by any column, bulk actions."""

    def __init__(self, customers: CustomerService, orders: OrderService, tags: TagService, settings: QSettings,
                 today: Callable[[], dt.date] = dt.date.today, tasks: TaskRunner | None = None, parent=None,
                 lane: TaskRunner | None = None):
        """`lane` (ui.book_lane.BookLane): where the bulk actions and the customer, merge and recycle bin dialogs
        write; None writes on the GUI thread."""
        super().__init__(parent)
        self._lane = lane
        self._customers, self._orders, self._tags = customers, orders, tags
        self._settings = settings
        self._today = today
        self._tasks = tasks
        self._select_when_loaded: int | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 4)
        layout.addLayout(self._build_filter_bar())
        self.model = CustomersModel(customers, today, tasks=tasks)
        self.table = ListTableView("customers", settings, default_hidden=DEFAULT_HIDDEN, default_widths=COLUMN_WIDTHS,
                                   default_order=DEFAULT_ORDER)
        self.table.setModel(self.model)
        self.table.restore_header()
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        self.table.customContextMenuRequested.connect(self._on_table_context_menu_requested)
        layout.addWidget(self.table, 1)
        self.model.modelReset.connect(self._update_count)
        self.model.loaded.connect(self._on_model_loaded)
        self._build_shortcuts()
        self._update_count()

    # --- construction -------------------------------------------------------------------------------
    def _build_filter_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.search_label = QLabel()
        self.search_label.setObjectName("search_label")
        bar.addWidget(QLabel(self.tr("Tag:")))
        self.tag_filter = QComboBox()
        self.tag_filter.setMinimumWidth(120)
        self.tag_filter.currentIndexChanged.connect(self._on_filters_changed)
        bar.addWidget(self.tag_filter)
        bar.addWidget(QLabel(self.tr("Stage:")))
        self.stage_filter = QComboBox()
        self.stage_filter.addItem(self.tr("All stages"), "")
        for code in STAGES:
            self.stage_filter.addItem(label(STAGES, code), code)
        self.stage_filter.currentIndexChanged.connect(self._on_filters_changed)
        bar.addWidget(self.stage_filter)
        self.level_label = QLabel(self.tr("Level:"))
        bar.addWidget(self.level_label)
        self.level_filter = QComboBox()
        self.level_filter.currentIndexChanged.connect(self._on_filters_changed)
        bar.addWidget(self.level_filter)
        bar.addWidget(self.search_label)
        self.only_label = QLabel()
        self.only_label.setObjectName("only_label")
        self.show_all_button = QPushButton(self.tr("Show all"))
        self.show_all_button.clicked.connect(self.show_all_customers)
        self.show_all_button.hide()
        bar.addWidget(self.only_label)
        bar.addWidget(self.show_all_button)
        bar.addStretch(1)
        self.count_label = QLabel()
        bar.addWidget(self.count_label)
        self.recycle_button = QPushButton(icon("recycle_bin"), self.tr("Recycle bin"))
        self.recycle_button.clicked.connect(self.open_recycle_bin)
        bar.addWidget(self.recycle_button)
        self.new_button = QPushButton(icon("customer_add"), self.tr("New customer"))
        self.new_button.clicked.connect(self.new_customer)
        bar.addWidget(self.new_button)
        self._fill_filters()
        return bar

    def _build_shortcuts(self) -> None:
        open_action = QAction(self.table)
        open_action.setShortcuts([QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)])
        open_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        open_action.triggered.connect(self.open_current)
        delete_action = QAction(self.table)
        delete_action.setShortcut(QKeySequence.StandardKey.Delete)
        delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete_action.triggered.connect(self.delete_selected)
        self.table.addActions([open_action, delete_action])

    def _fill_filters(self) -> None:
        """List the book's tags and member levels in the filters (read on the pool when the page has a
        TaskRunner). Without member levels the level filter is hidden."""
        for read, show in ((self._tags.all_tags, self._show_tags), (self._customers.member_levels, self._show_levels)):
            if self._tasks is None:
                show(read())
            else:
                self._tasks.run(read, on_success=show)

    def _show_tags(self, tags: list) -> None:
        entries = [(self.tr("All tags"), 0), *((f"{tag.name} ({tag.customers})", tag.id) for tag in tags)]
        if not _refill(self.tag_filter, entries):
            self._on_filters_changed()

    def _show_levels(self, levels: list) -> None:
        entries = [(self.tr("All levels"), ALL_LEVELS), (self.tr("No level"), 0),
                   *((level.name, level.id) for level in levels)]
        self.level_label.setVisible(bool(levels))
        self.level_filter.setVisible(bool(levels))
        if not _refill(self.level_filter, entries):
            self._on_filters_changed()

    # --- filters ------------------------------------------------------------------------------------
    def set_search(self, text: str) -> None:
        """Show only customers matching text (name, pinyin initials, phone digits, ID or tag)."""
        self.model.set_query(text=text)
        self.search_label.setText(self.tr("Search: %1").replace("%1", text) if text else "")

    def show_customer_ids(self, ids: tuple[int, ...], description: str) -> None:
        """Click-through (e.g. from Analytics): list only these customers, saying which; Show all undoes it."""
        self.model.set_query(ids=tuple(ids))
        self.only_label.setText(self.tr("Only: %1").replace("%1", description))
        self.show_all_button.show()

    def show_stage(self, stage: str) -> None:
        """Show the customers of a lifecycle stage (STAGES code) with the stage filter set to it, other filters
        and a click-through's "Only" cleared; the seller changes the filter back as usual."""
        self.show_all_customers()
        self.tag_filter.setCurrentIndex(0)
        self.stage_filter.setCurrentIndex(max(self.stage_filter.findData(stage), 0))

    def show_all_customers(self) -> None:
        self.model.set_query(ids=None)
        self.only_label.setText("")
        self.show_all_button.hide()

    def _on_filters_changed(self) -> None:
        tag_id = self.tag_filter.currentData()
        stage = self.stage_filter.currentData()
        level_id = self.level_filter.currentData()
        self.model.set_query(tag_ids=(tag_id,) if tag_id else (), stages=(stage,) if stage else (),
                             level_ids=() if level_id in (None, ALL_LEVELS) else (level_id,))

    def _update_count(self) -> None:
        self.count_label.setText(self.tr("%1 customers").replace("%1", f"{self.model.rowCount():,}"))

    # --- single customer ----------------------------------------------------------------------------
    def _known_tags(self) -> list[str]:
        return [tag.name for tag in self._tags.all_tags()]

    def customer_dialog(self, customer_id: int | None) -> "CustomerDialog":
        """The dialog for a customer (None: a new one), wired to this page; not yet shown."""
        from ui.dialogs.customer import CustomerDialog

        detail = self._customers.get(customer_id, self._today()) if customer_id is not None else None
        dialog = CustomerDialog(self._customers, self._orders, self._known_tags(), detail, self, lane=self._lane)
        dialog.saved.connect(self._on_dialog_saved)
        dialog.merge_requested.connect(self.start_merge)
        return dialog

    def new_customer(self) -> None:
        self.customer_dialog(None).open()

    def open_customer(self, customer_id: int) -> None:
        self.customer_dialog(customer_id).open()

    def open_current(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.open_customer(self.model.customer_id(index.row()))

    def _on_table_double_clicked(self, index) -> None:
        self.open_customer(self.model.customer_id(index.row()))

    def _on_dialog_saved(self, detail) -> None:
        self._select_when_loaded = detail.id
        self._after_change()

    def _on_model_loaded(self) -> None:
        if self._select_when_loaded is None:
            return
        row = self.model.row_of(self._select_when_loaded)
        self._select_when_loaded = None
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    def start_merge(self, customer_id: int, other_id: int = 0) -> None:
        """Merge customer_id with other_id (0: ask which one), showing both side by side first."""
        from ui.dialogs.merge import CustomerPickerDialog, MergeDialog

        if not other_id:
            picker = CustomerPickerDialog(self._customers, customer_id, self)
            if picker.exec() != CustomerPickerDialog.DialogCode.Accepted:
                return
            other_id = picker.chosen_id
        first = self._customers.get(customer_id, self._today())
        second = self._customers.get(other_id, self._today())
        dialog = MergeDialog(self._customers, first, second, self, lane=self._lane)
        dialog.merged.connect(self._on_dialog_saved)
        dialog.open()

    # --- many customers -----------------------------------------------------------------------------
    def selected_ids(self) -> list[int]:
        return [self.model.customer_id(row) for row in self.table.selected_rows()]

    def ask_tag(self, title: str) -> str:
        """Ask for one tag name (with the book's tags to pick from); tests replace this."""
        name, accepted = QInputDialog.getItem(self, title, self.tr("Tag:"), self._known_tags(), 0, True)
        return name.strip() if accepted else ""

    def confirm_delete(self, count: int) -> bool:
        """Ask before moving customers to the recycle bin; tests replace this."""
        return QMessageBox.question(
            self, self.tr("Delete customers"),
            self.tr("Move %1 customers to the recycle bin? You can restore them from there.").replace("%1", str(count)),
        ) == QMessageBox.StandardButton.Yes

    def _write(self, call: Callable[[], object]) -> None:
        """A bulk write, on the lane if any; the list read again after it (a refusal is said)."""
        save_on_lane(self._lane, None, call, lambda _result: self._after_change(), self._refused)

    def _refused(self, exc: HuitoukeError) -> None:
        self._after_change()
        QMessageBox.warning(self, self.tr("Customers"), describe(exc))

    def add_tag_to_selected(self) -> None:
        ids = self.selected_ids()
        name = self.ask_tag(self.tr("Add a tag to %1 customers").replace("%1", str(len(ids)))) if ids else ""
        if name:
            self._write(lambda: self._tags.add_tags(ids, [name]))

    def remove_tag_from_selected(self) -> None:
        ids = self.selected_ids()
        name = self.ask_tag(self.tr("Remove a tag from %1 customers").replace("%1", str(len(ids)))) if ids else ""
        if name:
            self._write(lambda: self._tags.remove_tags(ids, [name]))

    def set_do_not_disturb_for_selected(self, value: bool) -> None:
        ids = self.selected_ids()
        if ids:
            self._write(lambda: self._customers.set_do_not_disturb(ids, value))

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        if ids and self.confirm_delete(len(ids)):
            self._write(lambda: self._customers.soft_delete(ids))

    def open_recycle_bin(self) -> None:
        from ui.dialogs.recycle_bin import RecycleBinDialog

        dialog = RecycleBinDialog(self._customers, self._settings, self._today, self, lane=self._lane)
        dialog.changed.connect(self._after_change)
        dialog.open()

    def _on_table_context_menu_requested(self, pos) -> None:
        self.context_menu().exec(self.table.viewport().mapToGlobal(pos))

    def context_menu(self) -> QMenu:
        ids = self.selected_ids()
        menu = QMenu(self)
        open_action = menu.addAction(self.tr("Open…"), self.open_current)
        open_action.setEnabled(len(ids) == 1)
        merge = menu.addAction(self.tr("Merge with…"), self._merge_selected)
        merge.setEnabled(len(ids) in (1, 2))
        menu.addSeparator()
        menu.addAction(self.tr("Add tag…"), self.add_tag_to_selected)
        menu.addAction(self.tr("Remove tag…"), self.remove_tag_from_selected)
        menu.addAction(self.tr("Do not disturb"), lambda: self.set_do_not_disturb_for_selected(True))
        menu.addAction(self.tr("Allow marketing again"), lambda: self.set_do_not_disturb_for_selected(False))
        menu.addSeparator()
        menu.addAction(icon("recycle_bin"), self.tr("Move to recycle bin"), self.delete_selected)
        menu.addSeparator()
        menu.addMenu(self.table.column_menu())
        for action in menu.actions():
            if action is not open_action and action is not merge and not action.isSeparator() and action.menu() is None:
                action.setEnabled(bool(ids))
        return menu

    def _merge_selected(self) -> None:
        ids = self.selected_ids()
        if len(ids) == 2:
            self.start_merge(ids[0], ids[1])
        elif len(ids) == 1:
            self.start_merge(ids[0])

    def _after_change(self) -> None:
        self.refresh()
        self.book_modified.emit()

    # --- Page ---------------------------------------------------------------------------------------
    def refresh(self) -> None:
        self.model.reload()
        self._fill_filters()

    def save_state(self) -> None:
        self.table.save_header()


def _refill(combo: QComboBox, entries: list[tuple[str, object]]) -> bool:
    """Replace a filter's (text, data) entries, keeping the chosen one. Returns False when it is gone
    (the first entry is chosen instead, without a signal: the caller re-applies the filters)."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    for text, data in entries:
        combo.addItem(text, data)
    found = combo.findData(current) if current is not None else 0
    combo.setCurrentIndex(max(0, found))
    combo.blockSignals(False)
    return found >= 0
