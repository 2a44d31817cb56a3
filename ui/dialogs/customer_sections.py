"""Tabs of the customer dialog after the profile: purchases (figures + order timeline), then the sections
that later features fill (contact log, open reminders, after-sales cases) — one list, CUSTOMER_SECTIONS."""

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from core.dto import CustomerDetail
from core.orders import OrderService
from ui.text.labels import ORDER_STATUSES, PLATFORMS, STAGES, date_text, label, money


class PurchasesSection(QWidget):
    """Derived figures (never typed) and the customer's orders, newest first, with their items."""

    def __init__(self, detail: CustomerDetail, orders: OrderService, parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        figures = QFormLayout()
        interval = (self.tr("%1 days").replace("%1", str(detail.typical_interval_days))
                    if detail.typical_interval_days else "—")
        for caption, value in (
            (self.tr("Stage:"), label(STAGES, detail.stage)),
            (self.tr("First purchase:"), date_text(detail.first_purchase_on) or "—"),
            (self.tr("Last purchase:"), date_text(detail.last_purchase_on) or "—"),
            (self.tr("Purchase days:"), str(detail.purchase_days)),
            (self.tr("Orders:"), str(detail.purchase_count)),
            (self.tr("Total spend:"), money(detail.total_spend_cents)),
            (self.tr("Average order:"), money(detail.avg_order_cents)),
            (self.tr("Usual interval:"), interval),
        ):
            value_label = QLabel(value)
            value_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            figures.addRow(caption, value_label)
        layout.addLayout(figures)
        self.timeline = QTreeWidget()
        self.timeline.setObjectName("order_timeline")
        self.timeline.setHeaderLabels([self.tr("Date"), self.tr("Platform"), self.tr("Status"), self.tr("Items"),
                                       self.tr("Paid")])
        self.timeline.setRootIsDecorated(True)
        for order in orders.for_customer(detail.id):
            summary = "、".join(f"{item.product_name or item.title} ×{item.quantity}" for item in order.items)
            parent_item = QTreeWidgetItem([date_text(order.created_at), label(PLATFORMS, order.platform),
                                           label(ORDER_STATUSES, order.status), summary, money(order.paid_cents)])
            for item in order.items:
                QTreeWidgetItem(parent_item, ["", "", "", f"{item.product_name or item.title} "
                                              f"×{item.quantity} @ {money(item.unit_price_cents)}",
                                              money(item.amount_cents)])
            self.timeline.addTopLevelItem(parent_item)
        self.timeline.setColumnWidth(0, 140)
        self.timeline.setColumnWidth(3, 280)
        layout.addWidget(QLabel(self.tr("Order timeline")))
        layout.addWidget(self.timeline, 1)


@dataclass(frozen=True)
class CustomerSection:
    """A tab of the customer dialog: title in context "CustomerSections", create(book, customer_id, lane) — `lane`
    (ui.book_lane.BookLane, or None) is where the tab writes."""

    key: str
    title: str
    create_widget: Callable[[object, int, object], QWidget]

    def translated_title(self) -> str:
        return QCoreApplication.translate("CustomerSections", self.title)


class SectionPlaceholder(QWidget):
    """Says what a section will show once its feature is built."""

    def __init__(self, description: str, parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        text = QLabel(QCoreApplication.translate("CustomerSections", description))
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(text)


def _aftersales(book, customer_id: int, lane=None) -> QWidget:
    from core.orders import OrderService
    from ui.widgets.customer_cases import CustomerCasesWidget

    return CustomerCasesWidget(book, customer_id, orders=OrderService(book), lane=lane)


def _marketing(book, customer_id: int, lane=None) -> QWidget:
    from core.marketing.service import MarketingService
    from ui.widgets.customer_marketing import CustomerMarketingWidget

    return CustomerMarketingWidget(MarketingService(book), customer_id, lane=lane)


def _placeholder(description: str) -> Callable[[object, int, object], QWidget]:
    return lambda book, customer_id, lane=None: SectionPlaceholder(description)


CUSTOMER_SECTIONS: list[CustomerSection] = [
    CustomerSection("contacts", QT_TRANSLATE_NOOP("CustomerSections", "Contact log"), _placeholder(QT_TRANSLATE_NOOP(
        "CustomerSections", "Every contact with this customer — channel, purpose and result — will be listed "
        "here once contacts are recorded from the Today page."))),
    CustomerSection("reminders", QT_TRANSLATE_NOOP("CustomerSections", "Reminders"), _placeholder(QT_TRANSLATE_NOOP(
        "CustomerSections", "Open reminders for this customer (repurchase, care, birthday) will be listed here."))),
    CustomerSection("aftersales", QT_TRANSLATE_NOOP("CustomerSections", "After-sales"), _aftersales),
    CustomerSection("marketing", QT_TRANSLATE_NOOP("CustomerSections", "Marketing"), _marketing),
]
