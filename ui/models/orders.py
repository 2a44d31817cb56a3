"""Table model of the order list: filters and sort in SQL (OrderService), rows read a page at a time."""

import dataclasses
from enum import IntEnum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from core.dto import OrderQuery, OrderRow
from core.orders import OrderService
from ui.models.paged import QueriedModel
from ui.tasks import TaskRunner
from ui.text.labels import ORDER_STATUSES, PLATFORMS, date_text, label, money


class Column(IntEnum):
    CREATED = 0
    CUSTOMER = 1
    PLATFORM = 2
    ORDER_NO = 3
    STATUS = 4
    ITEMS = 5
    PAID = 6
    REFUND = 7


HEADERS = {
    Column.CREATED: QT_TRANSLATE_NOOP("OrdersModel", "Ordered"),
    Column.CUSTOMER: QT_TRANSLATE_NOOP("OrdersModel", "Customer"),
    Column.PLATFORM: QT_TRANSLATE_NOOP("OrdersModel", "Platform"),
    Column.ORDER_NO: QT_TRANSLATE_NOOP("OrdersModel", "Order number"),
    Column.STATUS: QT_TRANSLATE_NOOP("OrdersModel", "Status"),
    Column.ITEMS: QT_TRANSLATE_NOOP("OrdersModel", "Items"),
    Column.PAID: QT_TRANSLATE_NOOP("OrdersModel", "Paid"),
    Column.REFUND: QT_TRANSLATE_NOOP("OrdersModel", "Refunded"),
}

SORT_KEYS = {
    Column.CREATED: "created_at", Column.CUSTOMER: "customer_id", Column.PLATFORM: "platform",
    Column.ORDER_NO: "platform_order_no", Column.STATUS: "status", Column.PAID: "paid_cents",
}
_RIGHT_ALIGNED = {Column.PAID, Column.REFUND}


class OrdersModel(QueriedModel):
    """The orders matching an OrderQuery; row count from SQL COUNT, pages read with OFFSET/LIMIT."""

    sort_keys = SORT_KEYS
    default_sort_column = Column.CREATED

    def __init__(self, service: OrderService, query: OrderQuery | None = None, tasks: TaskRunner | None = None,
                 parent=None):
        super().__init__(len(Column), tasks, parent)
        self._service = service
        self._query = query or OrderQuery()
        self.reload()

    def order(self, row: int) -> OrderRow | None:
        return self.item(row)

    def _query_state(self) -> int:
        return self._service.count(self._query)

    def _apply_state(self, state: int) -> int:
        return state

    def _page_request(self, page_number: int) -> OrderQuery:
        return dataclasses.replace(self._query, offset=page_number * self.page_size, limit=self.page_size)

    def _read_page(self, request: OrderQuery) -> list[OrderRow]:
        return self._service.list_page(request)

    def header(self, column: int) -> str:
        return QCoreApplication.translate("OrdersModel", HEADERS[Column(column)])

    def right_aligned(self, column: int) -> bool:
        return column in _RIGHT_ALIGNED

    def display(self, item: OrderRow, column: int) -> str:
        match Column(column):
            case Column.CREATED:
                return date_text(item.created_at)
            case Column.CUSTOMER:
                return item.customer_name
            case Column.PLATFORM:
                return label(PLATFORMS, item.platform)
            case Column.ORDER_NO:
                return item.platform_order_no or ""
            case Column.STATUS:
                return label(ORDER_STATUSES, item.status)
            case Column.ITEMS:
                return item.items_summary
            case Column.PAID:
                return money(item.paid_cents)
            case Column.REFUND:
                return money(item.refund_cents) if item.refund_cents else ""

    def raw(self, item: OrderRow, column: int):
        match Column(column):
            case Column.CREATED:
                return item.created_at
            case Column.STATUS:
                return item.status
            case Column.PLATFORM:
                return item.platform
            case Column.PAID:
                return item.paid_cents
            case Column.REFUND:
                return item.refund_cents
        return self.display(item, column)
