"""Table model of the customer list: ids in SQL order, rows loaded a page at a time as they scroll into view."""

import dataclasses
import datetime as dt
from array import array
from collections.abc import Callable
from enum import IntEnum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from core.customers import CustomerService
from core.dto import CustomerQuery, CustomerRow
from ui.models.paged import ID_ROLE, SORT_ROLE, QueriedModel
from ui.tasks import TaskRunner
from ui.text.labels import SOURCE_CHANNELS, STAGES, date_text, label, money

__all__ = ["ID_ROLE", "SORT_ROLE", "Column", "CustomersModel"]


class Column(IntEnum):
    NAME = 0
    REAL_NAME = 1
    PHONE = 2
    WECHAT = 3
    TAGS = 4
    STAGE = 5
    PROVINCE = 6
    CITY = 7
    SOURCE = 8
    FIRST_PURCHASE = 9
    LAST_PURCHASE = 10
    PURCHASE_DAYS = 11
    TOTAL_SPEND = 12
    ORDERS = 13
    AVG_ORDER = 14
    CREATED = 15
    DELETED = 16
    LEVEL = 17  # added last so that saved header states keep their columns; shown after Stage by default


HEADERS = {
    Column.NAME: QT_TRANSLATE_NOOP("CustomersModel", "Name"),
    Column.REAL_NAME: QT_TRANSLATE_NOOP("CustomersModel", "Real name"),
    Column.PHONE: QT_TRANSLATE_NOOP("CustomersModel", "Phone"),
    Column.WECHAT: QT_TRANSLATE_NOOP("CustomersModel", "WeChat ID"),
    Column.TAGS: QT_TRANSLATE_NOOP("CustomersModel", "Tags"),
    Column.STAGE: QT_TRANSLATE_NOOP("CustomersModel", "Stage"),
    Column.PROVINCE: QT_TRANSLATE_NOOP("CustomersModel", "Province"),
    Column.CITY: QT_TRANSLATE_NOOP("CustomersModel", "City"),
    Column.SOURCE: QT_TRANSLATE_NOOP("CustomersModel", "Source"),
    Column.FIRST_PURCHASE: QT_TRANSLATE_NOOP("CustomersModel", "First purchase"),
    Column.LAST_PURCHASE: QT_TRANSLATE_NOOP("CustomersModel", "Last purchase"),
    Column.PURCHASE_DAYS: QT_TRANSLATE_NOOP("CustomersModel", "Purchase days"),
    Column.ORDERS: QT_TRANSLATE_NOOP("CustomersModel", "Orders"),
    Column.TOTAL_SPEND: QT_TRANSLATE_NOOP("CustomersModel", "Total spend"),
    Column.AVG_ORDER: QT_TRANSLATE_NOOP("CustomersModel", "Average order"),
    Column.CREATED: QT_TRANSLATE_NOOP("CustomersModel", "Added"),
    Column.DELETED: QT_TRANSLATE_NOOP("CustomersModel", "Deleted"),
    Column.LEVEL: QT_TRANSLATE_NOOP("CustomersModel", "Level"),
}

# Column → sort key of core.customers.SORT_KEYS (SQL does every sort, each on an index).
SORT_KEYS = {
    Column.NAME: "name", Column.REAL_NAME: "real_name", Column.PHONE: "phone", Column.WECHAT: "wechat_id",
    Column.TAGS: "tags", Column.STAGE: "stage", Column.LEVEL: "level", Column.PROVINCE: "province",
    Column.CITY: "city", Column.SOURCE: "source_channel", Column.FIRST_PURCHASE: "first_purchase_on",
    Column.LAST_PURCHASE: "last_purchase_on", Column.PURCHASE_DAYS: "purchase_days",
    Column.ORDERS: "purchase_count", Column.TOTAL_SPEND: "total_spend_cents", Column.AVG_ORDER: "avg_order_cents",
    Column.CREATED: "created_at", Column.DELETED: "deleted_at",
}
DEFAULT_SORT = (Column.LAST_PURCHASE, Qt.SortOrder.DescendingOrder)

_RIGHT_ALIGNED = {Column.PURCHASE_DAYS, Column.ORDERS, Column.TOTAL_SPEND, Column.AVG_ORDER}


def _display(row: CustomerRow, column: Column) -> str:
    match column:
        case Column.NAME:
            return row.name
        case Column.REAL_NAME:
            return row.real_name
        case Column.PHONE:
            return row.phone
        case Column.WECHAT:
            return row.wechat_id
        case Column.TAGS:
            return "、".join(row.tags)
        case Column.STAGE:
            return label(STAGES, row.stage)
        case Column.PROVINCE:
            return row.province
        case Column.CITY:
            return row.city
        case Column.SOURCE:
            return label(SOURCE_CHANNELS, row.source_channel) if row.source_channel else ""
        case Column.FIRST_PURCHASE:
            return date_text(row.first_purchase_on)
        case Column.LAST_PURCHASE:
            return date_text(row.last_purchase_on)
        case Column.PURCHASE_DAYS:
            return str(row.purchase_days)
        case Column.ORDERS:
            return str(row.purchase_count)
        case Column.TOTAL_SPEND:
            return money(row.total_spend_cents)
        case Column.AVG_ORDER:
            return money(row.avg_order_cents)
        case Column.CREATED:
            return date_text(row.created_at)
        case Column.DELETED:
            return date_text(row.deleted_at)
        case Column.LEVEL:
            return row.level


def _raw(row: CustomerRow, column: Column):
    match column:
        case Column.TAGS:
            return "、".join(row.tags)
        case Column.STAGE:
            return row.stage
        case Column.FIRST_PURCHASE:
            return row.first_purchase_on
        case Column.LAST_PURCHASE:
            return row.last_purchase_on
        case Column.PURCHASE_DAYS:
            return row.purchase_days
        case Column.ORDERS:
            return row.purchase_count
        case Column.TOTAL_SPEND:
            return row.total_spend_cents
        case Column.AVG_ORDER:
            return row.avg_order_cents
        case Column.CREATED:
            return row.created_at
        case Column.DELETED:
            return row.deleted_at
    return _display(row, column)


class CustomersModel(QueriedModel):
    """The customers matching a CustomerQuery, filtered and sorted in SQL by CustomerService.

    Holds the ordered ids of every match (a compact array: the table knows its full length for smooth
    scrolling) and, through PagedTableModel, only the pages of rows that were painted recently.
    """

    sort_keys = SORT_KEYS
    default_sort_column = DEFAULT_SORT[0]

    def __init__(self, service: CustomerService, today: Callable[[], dt.date] = dt.date.today,
                 query: CustomerQuery | None = None, tasks: TaskRunner | None = None, parent=None):
        super().__init__(len(Column), tasks, parent)
        self._service = service
        self._today = today
        self._query = query or CustomerQuery(sort=SORT_KEYS[DEFAULT_SORT[0]], descending=True)
        self._ids = array("q")
        self.reload()

    def customer_id(self, row: int) -> int:
        return self._ids[row]

    def row_of(self, customer_id: int) -> int:
        """The row showing this customer, or -1."""
        try:
            return self._ids.index(customer_id)
        except ValueError:
            return -1

    def customer(self, row: int) -> CustomerRow | None:
        return self.item(row)

    # --- PagedTableModel ----------------------------------------------------------------------------
    def _query_state(self) -> list[int]:
        return self._service.ids(dataclasses.replace(self._query, today=self._today()))

    def _apply_state(self, state: list[int]) -> int:
        self._ids = array("q", state)
        return len(self._ids)

    def _page_request(self, page_number: int) -> CustomerQuery:
        start = page_number * self.page_size
        ids = tuple(self._ids[start:start + self.page_size])
        return CustomerQuery(ids=ids, deleted=self._query.deleted, limit=len(ids), today=self._today())

    def _read_page(self, request: CustomerQuery) -> list[CustomerRow | None]:
        by_id = {row.id: row for row in self._service.list_page(request)}
        return [by_id.get(customer_id) for customer_id in request.ids]

    def header(self, column: int) -> str:
        return QCoreApplication.translate("CustomersModel", HEADERS[Column(column)])

    def display(self, item: CustomerRow, column: int) -> str:
        return _display(item, Column(column))

    def raw(self, item: CustomerRow, column: int):
        return _raw(item, Column(column))

    def right_aligned(self, column: int) -> bool:
        return column in _RIGHT_ALIGNED

    def extra_data(self, item: CustomerRow, column: int, role: int):
        if role == Qt.ItemDataRole.ForegroundRole and item.do_not_disturb:
            return QApplication.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        if role == Qt.ItemDataRole.ToolTipRole and column == Column.NAME and (item.do_not_disturb or item.risk_buyer):
            notes = []
            if item.do_not_disturb:
                notes.append(QCoreApplication.translate("CustomersModel", "Do not disturb"))
            if item.risk_buyer:
                notes.append(QCoreApplication.translate("CustomersModel", "Risk buyer"))
            return " · ".join(notes)
        return None
