"""Orders page: every order with filters (dates, status, product, customer, number), and the product list."""

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QSettings
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core.customers import CustomerService
from core.errors import HuitoukeError
from core.orders import OrderService
from core.products import ProductService
from ui.dialogs.lane_save import save_on_lane
from ui.icons import icon
from ui.models.orders import Column, OrdersModel
from ui.models.products import ProductsModel
from ui.pages.base import Page
from ui.tasks import TaskRunner
from ui.text.errors import describe
from ui.text.labels import ORDER_STATUSES, label
from ui.widgets.table import ListTableView

if TYPE_CHECKING:
    from ui.dialogs.order import OrderDialog
    from ui.dialogs.product import ProductDialog

ORDER_COLUMN_WIDTHS = {Column.CREATED: 140, Column.CUSTOMER: 110, Column.PLATFORM: 80, Column.ORDER_NO: 170,
                       Column.STATUS: 110, Column.ITEMS: 300, Column.PAID: 100}


def _qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


def _pydate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


class OrdersPage(Page):
    """Two tabs: orders (SQL-backed, filtered) and products (name, category, price, cycle, lead days)."""

    def __init__(self, orders: OrderService, products: ProductService, customers: CustomerService,
                 settings: QSettings, today: Callable[[], dt.date] = dt.date.today, tasks: TaskRunner | None = None,
                 parent=None, lane: TaskRunner | None = None):
        """`lane` (ui.book_lane.BookLane): where the order and product dialogs save, orders are deleted and
        products merged; None writes on the GUI thread."""
        super().__init__(parent)
        self._lane = lane
        self._orders, self._products, self._customers = orders, products, customers
        self._today = today
        self._tasks = tasks
        self._customer_filter: int | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 4)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_orders_tab(settings), icon("orders"), self.tr("Orders"))
        self.tabs.addTab(self._build_products_tab(settings), self.tr("Products"))
        layout.addWidget(self.tabs)

    # --- orders -------------------------------------------------------------------------------------
    def _build_orders_tab(self, settings: QSettings) -> QWidget:
        tab = QWidget()
        column = QVBoxLayout(tab)
        bar = QHBoxLayout()
        self.from_check, self.to_check = QCheckBox(self.tr("From")), QCheckBox(self.tr("to"))
        self.from_date, self.to_date = QDateEdit(calendarPopup=True), QDateEdit(calendarPopup=True)
        for edit in (self.from_date, self.to_date):
            edit.setDisplayFormat("yyyy-MM-dd")
        today = self._today()
        self.from_date.setDate(_qdate(today - dt.timedelta(days=30)))
        self.to_date.setDate(_qdate(today))
        for widget in (self.from_check, self.from_date, self.to_check, self.to_date):
            bar.addWidget(widget)
        self.status_filter = QComboBox()
        self.status_filter.addItem(self.tr("All statuses"), "")
        for code in ORDER_STATUSES:
            self.status_filter.addItem(label(ORDER_STATUSES, code), code)
        bar.addWidget(self.status_filter)
        self.product_filter = QComboBox()
        bar.addWidget(self.product_filter)
        self.customer_button = QPushButton()
        self.customer_button.clicked.connect(self._on_customer_button_clicked)
        bar.addWidget(self.customer_button)
        self.text_filter = QLineEdit()
        self.text_filter.setPlaceholderText(self.tr("Order or tracking number, receiver"))
        self.text_filter.setClearButtonEnabled(True)
        bar.addWidget(self.text_filter, 1)
        column.addLayout(bar)

        self.orders_model = OrdersModel(self._orders, tasks=self._tasks)
        self.orders_table = ListTableView("orders", settings, default_widths=ORDER_COLUMN_WIDTHS)
        self.orders_table.setModel(self.orders_model)
        self.orders_table.restore_header()
        self.orders_table.doubleClicked.connect(lambda index: self.edit_order(index.row()))
        column.addWidget(self.orders_table, 1)
        buttons = QHBoxLayout()
        self.orders_count = QLabel()
        buttons.addWidget(self.orders_count, 1)
        new_order = QPushButton(icon("add"), self.tr("New order"))
        new_order.clicked.connect(lambda: self.new_order())
        self.delete_order_button = QPushButton(self.tr("Delete order"))
        self.delete_order_button.clicked.connect(self.delete_selected_order)
        buttons.addWidget(self.delete_order_button)
        buttons.addWidget(new_order)
        column.addLayout(buttons)

        for check in (self.from_check, self.to_check):
            check.toggled.connect(self._apply_filters)
        for edit in (self.from_date, self.to_date):
            edit.dateChanged.connect(self._apply_filters)
        for box in (self.status_filter, self.product_filter):
            box.currentIndexChanged.connect(self._apply_filters)
        self.text_filter.textChanged.connect(self._apply_filters)
        self.orders_model.modelReset.connect(self._update_orders_count)
        self._fill_product_filter()
        self._show_customer_filter()
        self._update_orders_count()
        return tab

    def _fill_product_filter(self) -> None:
        current = self.product_filter.currentData()
        self.product_filter.blockSignals(True)
        self.product_filter.clear()
        self.product_filter.addItem(self.tr("All products"), None)
        for product in self._products.list():
            self.product_filter.addItem(product.name, product.id)
        self.product_filter.setCurrentIndex(max(0, self.product_filter.findData(current)))
        self.product_filter.blockSignals(False)

    def _show_customer_filter(self) -> None:
        if self._customer_filter is None:
            self.customer_button.setText(self.tr("All customers"))
        else:
            name = self._customers.get(self._customer_filter).name
            self.customer_button.setText(self.tr("Customer: %1 ×").replace("%1", name))

    def _on_customer_button_clicked(self) -> None:
        if self._customer_filter is not None:
            self.set_customer_filter(None)
            return
        from ui.dialogs.merge import CustomerPickerDialog

        picker = CustomerPickerDialog(self._customers, 0, self)
        if picker.exec() == CustomerPickerDialog.DialogCode.Accepted:
            self.set_customer_filter(picker.chosen_id)

    def set_customer_filter(self, customer_id: int | None) -> None:
        self._customer_filter = customer_id
        self._show_customer_filter()
        self._apply_filters()

    def _apply_filters(self) -> None:
        status = self.status_filter.currentData()
        self.orders_model.set_query(
            date_from=_pydate(self.from_date.date()) if self.from_check.isChecked() else None,
            date_to=_pydate(self.to_date.date()) if self.to_check.isChecked() else None,
            statuses=(status,) if status else (), product_id=self.product_filter.currentData(),
            customer_id=self._customer_filter, text=self.text_filter.text().strip())

    def _update_orders_count(self) -> None:
        self.orders_count.setText(self.tr("%1 orders").replace("%1", f"{self.orders_model.rowCount():,}"))

    def order_dialog(self, order_id: int | None, customer_id: int | None = None) -> "OrderDialog":
        from ui.dialogs.order import OrderDialog

        detail = self._orders.get(order_id) if order_id is not None else None
        dialog = OrderDialog(self._orders, self._customers, self._products.list(include_inactive=False), detail,
                             customer_id or self._customer_filter, self, lane=self._lane)
        dialog.saved.connect(lambda _detail: self._after_change())
        return dialog

    def new_order(self, customer_id: int | None = None) -> None:
        self.order_dialog(None, customer_id).open()

    def edit_order(self, row: int) -> None:
        order = self.orders_model.order(row)
        if order is not None:
            self.order_dialog(order.id).open()

    def delete_selected_order(self) -> None:
        rows = self.orders_table.selected_rows()
        orders = [self.orders_model.order(row) for row in rows]
        orders = [order for order in orders if order is not None]
        if not orders or QMessageBox.question(
                self, self.tr("Delete orders"),
                self.tr("Delete %1 orders? The customers' figures are recalculated.").replace("%1", str(len(orders))),
        ) != QMessageBox.StandardButton.Yes:
            return
        ids = [order.id for order in orders]

        def delete() -> None:  # one by one, as before: each deletion is its own transaction
            for order_id in ids:
                self._orders.delete(order_id)

        def refused(exc: HuitoukeError) -> None:  # those deleted before the refusal stay deleted: show them
            self._after_change()
            QMessageBox.warning(self, self.tr("Delete orders"), describe(exc))

        save_on_lane(self._lane, self.delete_order_button, delete, lambda _none: self._after_change(), refused)

    # --- products -----------------------------------------------------------------------------------
    def _build_products_tab(self, settings: QSettings) -> QWidget:
        tab = QWidget()
        column = QVBoxLayout(tab)
        self.products_model = ProductsModel(self._products)
        self.products_table = ListTableView("products", settings, default_widths={0: 220, 1: 120, 3: 130, 4: 130})
        self.products_table.setModel(self.products_model)
        self.products_table.restore_header()
        self.products_table.doubleClicked.connect(lambda index: self.edit_product(index.row()))
        column.addWidget(self.products_table, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.merge_products_button = QPushButton(self.tr("Merge two products…"))
        self.merge_products_button.setToolTip(self.tr("Select two products that are one (say two spellings from "
                                                      "different exports) to merge them."))
        self.merge_products_button.setEnabled(False)
        self.merge_products_button.clicked.connect(self.merge_selected_products)
        self.products_table.selectionModel().selectionChanged.connect(
            lambda *_: self.merge_products_button.setEnabled(len(self.selected_product_rows()) == 2))
        buttons.addWidget(self.merge_products_button)
        new_product = QPushButton(icon("add"), self.tr("New product"))
        new_product.clicked.connect(self.new_product)
        buttons.addWidget(new_product)
        column.addLayout(buttons)
        return tab

    def selected_product_rows(self) -> list[int]:
        return sorted({index.row() for index in self.products_table.selectionModel().selectedRows()})

    def merge_selected_products(self) -> None:
        """Ask which of the two selected products to keep, then merge the other into it."""
        rows = self.selected_product_rows()
        if len(rows) != 2:
            return
        first, second = (self.products_model.product(row) for row in rows)
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Merge products"), self.tr(
            "Merge “%1” and “%2” into one product? Their order lines and reminders, and later imports of either "
            "name, go to the product you keep.").replace("%1", first.name).replace("%2", second.name), parent=self)
        keep_first = box.addButton(self.tr("Keep “%1”").replace("%1", first.name), QMessageBox.ButtonRole.AcceptRole)
        keep_second = box.addButton(self.tr("Keep “%1”").replace("%1", second.name),
                                    QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() in (keep_first, keep_second):
            keep, other = (first, second) if box.clickedButton() is keep_first else (second, first)
            self.merge_products(keep.id, other.id)

    def merge_products(self, keep_id: int, other_id: int) -> bool:
        """Merge in core (lines re-linked, reminders regenerated for today()), on the lane if any; a refusal
        is said in a message. Returns whether it merged already (False on the lane: ``book_modified`` follows)."""
        today = self._today()

        def merged(_result) -> None:
            self._after_product_change()
            self.merge_products_button.setEnabled(len(self.selected_product_rows()) == 2)

        def refused(exc: HuitoukeError) -> None:
            self.merge_products_button.setEnabled(len(self.selected_product_rows()) == 2)
            QMessageBox.warning(self, self.tr("Merge products"), describe(exc))

        return save_on_lane(self._lane, self.merge_products_button,
                            lambda: self._products.merge(keep_id, other_id, today=today), merged, refused)

    def product_dialog(self, row: int | None) -> "ProductDialog":
        from ui.dialogs.product import ProductDialog

        product = self.products_model.product(row) if row is not None else None
        dialog = ProductDialog(self._products, product, self, today=self._today, lane=self._lane)
        dialog.saved.connect(lambda _product: self._after_product_change())
        return dialog

    def new_product(self) -> None:
        self.product_dialog(None).open()

    def edit_product(self, row: int) -> None:
        self.product_dialog(row).open()

    def _after_product_change(self) -> None:
        self.products_model.reload()
        self._fill_product_filter()
        self.book_modified.emit()

    # --- Page ---------------------------------------------------------------------------------------
    def _after_change(self) -> None:
        self.orders_model.reload()
        self.book_modified.emit()

    def refresh(self) -> None:
        self.orders_model.reload()
        self.products_model.reload()
        self._fill_product_filter()

    def save_state(self) -> None:
        self.orders_table.save_header()
        self.products_table.save_header()
