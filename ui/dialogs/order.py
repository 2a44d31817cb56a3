"""Order dialog: customer, platform, status and dates, items from products or free text, money, and a coupon
or points the customer uses on the order."""

import functools

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from core.customers import CustomerService
from core.dto import OrderDetail, OrderInput, OrderItemInput, ProductDTO
from core.errors import HuitoukeError
from core.marketing.service import MarketingService
from core.orders import TEXT_LIMITS, OrderService
from core.phones import display_phone
from core.smartpaste import ParsedMessage
from core.smartpaste.apply import order_items, receiver_of
from ui.dialogs.lane_save import save_form
from ui.dialogs.merge import CustomerPickerDialog
from ui.dialogs.paste import PasteDialog, clipboard_text
from ui.text.errors import describe
from ui.text.labels import ORDER_STATUSES, PLATFORMS, label, money
from ui.widgets.customer_cases import OrderCasesButton, risk_warning_for
from ui.widgets.error_label import save_cancel_footer
from ui.widgets.inputs import DateTimeEdit, MoneyEdit, OptionalDateTimeEdit
from ui.widgets.member_discount import MemberDiscountWidget
from ui.widgets.order_rewards import OrderRewardsWidget
from ui.widgets.risk_warning import RiskWarningBanner

ITEM_PRODUCT, ITEM_QUANTITY, ITEM_PRICE, ITEM_AMOUNT = range(4)


class OrderDialog(QDialog):
    """Creates (detail None) or edits an order. ``saved(OrderDetail)`` follows a successful save.

    The customer's open coupons and points are offered (`marketing`, a MarketingService on the same book by
    default); what is chosen is used on the order as it is saved, its value added to the discount.
    """

    saved = Signal(object)

    def __init__(self, orders: OrderService, customers: CustomerService, products: list[ProductDTO],
                 detail: OrderDetail | None = None, customer_id: int | None = None, parent=None,
                 marketing: MarketingService | None = None, lane=None):
        """With a `lane` (ui.book_lane.BookLane) the save runs there, off the GUI thread (ui.dialogs.lane_save)."""
        super().__init__(parent)
        self._orders, self._customers, self._lane = orders, customers, lane
        self._marketing = marketing or MarketingService(customers.book)
        self._products = products
        self._detail = detail
        self.customer_id = detail.customer_id if detail else customer_id
        self.setWindowTitle(self.tr("Order") if detail else self.tr("New order"))
        self.resize(820, 640)
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_header())
        self.risk_banner = RiskWarningBanner()
        layout.addWidget(self.risk_banner)
        layout.addWidget(QLabel(self.tr("Items")))
        layout.addWidget(self._build_items(), 1)
        layout.addLayout(self._build_money())
        self.error_label, buttons = save_cancel_footer(self, layout)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.paste_button = QPushButton(self.tr("Paste from chat…"))
        self.paste_button.clicked.connect(self._on_paste_button_clicked)
        buttons.addButton(self.paste_button, QDialogButtonBox.ButtonRole.ResetRole)
        if detail is not None:
            self.aftersales_button = OrderCasesButton(customers.book, orders, detail.customer_id, detail.id,
                                                      lane=lane)
            buttons.addButton(self.aftersales_button, QDialogButtonBox.ButtonRole.ResetRole)
        if detail is not None:
            self._load(detail)
        else:
            self.add_item()
        self._show_customer()

    # --- building -----------------------------------------------------------------------------------
    def _build_header(self) -> QGridLayout:
        grid = QGridLayout()
        left, right = QFormLayout(), QFormLayout()
        customer_row = QHBoxLayout()
        self.customer_label = QLabel()
        choose = QPushButton(self.tr("Choose…"))
        choose.clicked.connect(self._on_choose_customer_clicked)
        customer_row.addWidget(self.customer_label, 1)
        customer_row.addWidget(choose)
        left.addRow(self.tr("Customer:"), customer_row)
        self.platform_box = QComboBox()
        for code in PLATFORMS:
            self.platform_box.addItem(label(PLATFORMS, code), code)
        left.addRow(self.tr("Platform:"), self.platform_box)
        self.order_no_edit = QLineEdit()
        left.addRow(self.tr("Order number:"), self.order_no_edit)
        self.status_box = QComboBox()
        for code in ORDER_STATUSES:
            self.status_box.addItem(label(ORDER_STATUSES, code), code)
        self.status_box.setCurrentIndex(self.status_box.findData("paid"))
        left.addRow(self.tr("Status:"), self.status_box)
        self.created_edit = DateTimeEdit()
        right.addRow(self.tr("Ordered at:"), self.created_edit)
        self.paid_at = OptionalDateTimeEdit(self.tr("Paid at"))
        self.shipped_at = OptionalDateTimeEdit(self.tr("Shipped at"))
        self.delivered_at = OptionalDateTimeEdit(self.tr("Delivered at"))
        for widget in (self.paid_at, self.shipped_at, self.delivered_at):
            right.addRow("", widget)
        grid.addLayout(left, 0, 0)
        grid.addLayout(right, 0, 1)
        return grid

    def _build_items(self) -> QWidget:
        host = QWidget()
        column = QVBoxLayout(host)
        column.setContentsMargins(0, 0, 0, 0)
        self.items_table = QTableWidget(0, 4)
        self.items_table.setHorizontalHeaderLabels([self.tr("Product or description"), self.tr("Quantity"),
                                                    self.tr("Unit price"), self.tr("Amount")])
        self.items_table.horizontalHeader().setStretchLastSection(True)
        self.items_table.setColumnWidth(ITEM_PRODUCT, 320)
        self.items_table.verticalHeader().setVisible(False)
        column.addWidget(self.items_table)
        row = QHBoxLayout()
        add = QPushButton(self.tr("Add item"))
        remove = QPushButton(self.tr("Remove item"))
        add.clicked.connect(lambda: self.add_item())
        remove.clicked.connect(self._on_remove_item_clicked)
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        column.addLayout(row)
        return host

    def _build_money(self) -> QGridLayout:
        grid = QGridLayout()
        left, right = QFormLayout(), QFormLayout()
        self.postage_edit, self.discount_edit, self.refund_edit = MoneyEdit(), MoneyEdit(), MoneyEdit()
        self.paid_edit = MoneyEdit()
        self.paid_edit.setSpecialValueText(self.tr("automatic"))
        self.paid_edit.setMinimum(-0.01)
        self.paid_edit.setValue(-0.01)
        self.totals_label = QLabel()
        self.rewards = OrderRewardsWidget(self._marketing)
        self.rewards.changed.connect(self._update_totals)
        self.member_discount = MemberDiscountWidget(self._marketing)
        self.member_discount.accepted.connect(self.discount_edit.set_cents)
        for edit in (self.postage_edit, self.discount_edit):
            edit.valueChanged.connect(self._update_totals)
        left.addRow(self.tr("Postage:"), self.postage_edit)
        left.addRow(self.tr("Discount:"), self.discount_edit)
        left.addRow("", self.member_discount)
        left.addRow(self.tr("Paid:"), self.paid_edit)
        left.addRow(self.tr("Refunded:"), self.refund_edit)
        left.addRow(self.tr("Coupon, points:"), self.rewards)
        left.addRow("", self.totals_label)
        self.tracking_edit, self.carrier_edit = QLineEdit(), QLineEdit()
        self.buyer_message_edit, self.seller_note_edit = QLineEdit(), QLineEdit()
        right.addRow(self.tr("Tracking number:"), self.tracking_edit)
        right.addRow(self.tr("Carrier:"), self.carrier_edit)
        right.addRow(self.tr("Buyer message:"), self.buyer_message_edit)
        right.addRow(self.tr("Seller note:"), self.seller_note_edit)
        receiver_row = QHBoxLayout()
        self.receiver_name_edit, self.receiver_phone_edit = QLineEdit(), QLineEdit()
        self.receiver_name_edit.setPlaceholderText(self.tr("Name"))
        self.receiver_phone_edit.setPlaceholderText(self.tr("Phone"))
        receiver_row.addWidget(self.receiver_name_edit, 1)
        receiver_row.addWidget(self.receiver_phone_edit, 1)
        right.addRow(self.tr("Receiver:"), receiver_row)
        self.receiver_address_edit = QLineEdit()
        self.receiver_address_edit.setPlaceholderText(self.tr("Where this order is sent"))
        right.addRow(self.tr("Ship to:"), self.receiver_address_edit)
        for name, edit in (("tracking_no", self.tracking_edit), ("carrier", self.carrier_edit),
                           ("receiver_name", self.receiver_name_edit), ("receiver_phone", self.receiver_phone_edit),
                           ("receiver_address", self.receiver_address_edit)):
            edit.setMaxLength(TEXT_LIMITS[name])
        grid.addLayout(left, 0, 0)
        grid.addLayout(right, 0, 1)
        return grid

    # --- items --------------------------------------------------------------------------------------
    def add_item(self, product_id: int | None = None, title: str = "", quantity: int = 1,
                 unit_price_cents: int = 0) -> int:
        """Append an item row; returns its row number."""
        row = self.items_table.rowCount()
        self.items_table.insertRow(row)
        product_box = QComboBox()
        product_box.setEditable(True)
        product_box.lineEdit().setPlaceholderText(self.tr("Pick a product or type a description"))
        product_box.addItem("", None)
        for product in self._products:
            product_box.addItem(product.name, product.id)
        if product_id is not None:
            product_box.setCurrentIndex(max(0, product_box.findData(product_id)))
        else:
            product_box.setEditText(title)
        quantity_box = QSpinBox(minimum=1, maximum=100_000, value=quantity)
        price_edit = MoneyEdit()
        price_edit.set_cents(unit_price_cents)
        product_box.currentIndexChanged.connect(lambda _i, box=product_box, edit=price_edit:
                                                self._on_product_chosen(box, edit))
        quantity_box.valueChanged.connect(self._update_totals)
        price_edit.valueChanged.connect(self._update_totals)
        self.items_table.setCellWidget(row, ITEM_PRODUCT, product_box)
        self.items_table.setCellWidget(row, ITEM_QUANTITY, quantity_box)
        self.items_table.setCellWidget(row, ITEM_PRICE, price_edit)
        self.items_table.setCellWidget(row, ITEM_AMOUNT, QLabel())
        self._update_totals()
        return row

    def _on_product_chosen(self, box: QComboBox, price_edit: MoneyEdit) -> None:
        product = next((p for p in self._products if p.id == box.currentData()), None)
        if product is not None:
            price_edit.set_cents(product.price_cents)

    def _on_remove_item_clicked(self) -> None:
        row = self.items_table.currentRow()
        if row >= 0:
            self.items_table.removeRow(row)
            self._update_totals()

    def item_inputs(self) -> tuple[OrderItemInput, ...]:
        items = []
        for row in range(self.items_table.rowCount()):
            box = self.items_table.cellWidget(row, ITEM_PRODUCT)
            text = box.currentText().strip()
            product_id = box.currentData() if box.currentIndex() > 0 and box.itemText(box.currentIndex()) == text else None
            if not text and product_id is None:
                continue
            items.append(OrderItemInput(
                title="" if product_id is not None else text, product_id=product_id,
                quantity=self.items_table.cellWidget(row, ITEM_QUANTITY).value(),
                unit_price_cents=self.items_table.cellWidget(row, ITEM_PRICE).cents()))
        return tuple(items)

    def _update_totals(self) -> None:
        goods = 0
        for row in range(self.items_table.rowCount()):
            amount = self.items_table.cellWidget(row, ITEM_QUANTITY).value() * \
                self.items_table.cellWidget(row, ITEM_PRICE).cents()
            self.items_table.cellWidget(row, ITEM_AMOUNT).setText(money(amount))
            goods += amount
        self.member_discount.set_goods(goods)
        due = max(0, goods + self.postage_edit.cents() - self.discount_edit.cents())
        off = min(due, self.rewards.cents_off(goods, self.postage_edit.cents()))
        if off:
            self.totals_label.setText(self.tr("Goods %1 · coupon and points −%3 · to pay %2").replace(
                "%1", money(goods)).replace("%3", money(off)).replace("%2", money(due - off)))
        else:
            self.totals_label.setText(self.tr("Goods %1 · to pay %2").replace("%1", money(goods))
                                      .replace("%2", money(due)))

    # --- data ---------------------------------------------------------------------------------------
    def _show_customer(self) -> None:
        self.risk_banner.show_warning(risk_warning_for(self._customers.book, self.customer_id))
        self.rewards.set_customer(self.customer_id, self.created_edit.value().date())
        self.member_discount.set_customer(self.customer_id)
        if self.customer_id is None:
            self.customer_label.setText(self.tr("(not chosen)"))
            return
        detail = self._customers.get(self.customer_id)
        phone = display_phone(detail.fields.phone, self._customers.phones_masked())
        self.customer_label.setText(" · ".join(p for p in (detail.name, phone) if p))

    def _on_paste_button_clicked(self) -> None:
        """Items and amount from a chat message; when the order has no customer yet, the customer too
        (matched by phone, or created by the paste dialog)."""
        paste = PasteDialog(self._customers, [product.name for product in self._products], clipboard_text(),
                            save=self.customer_id is None, offer_order=False, parent=self)
        if paste.exec() != QDialog.DialogCode.Accepted:
            return
        if paste.customer is not None:
            self.customer_id = paste.customer.id
        self.fill_from_message(paste.parsed())
        self._show_customer()

    def fill_from_message(self, parsed: ParsedMessage) -> None:
        """Put a parsed chat message's items (the seller's products with their prices where they match), its
        total and its receiver (name, phone, address) into the form, replacing the item rows it has."""
        lines = order_items(parsed, self._products)
        if lines:
            self.items_table.setRowCount(0)
            for line in lines:
                self.add_item(line.product_id, line.title, line.quantity, line.unit_price_cents)
        if parsed.amount_cents is not None:
            self.paid_edit.set_cents(parsed.amount_cents)
        self.set_receiver(*receiver_of(parsed))

    def _on_choose_customer_clicked(self) -> None:
        picker = CustomerPickerDialog(self._customers, self.customer_id or 0, self)
        if picker.exec() == QDialog.DialogCode.Accepted:
            self.customer_id = picker.chosen_id
            self._show_customer()

    def _load(self, detail: OrderDetail) -> None:
        self.platform_box.setCurrentIndex(max(0, self.platform_box.findData(detail.platform)))
        self.order_no_edit.setText(detail.platform_order_no or "")
        self.status_box.setCurrentIndex(max(0, self.status_box.findData(detail.status)))
        self.created_edit.set_value(detail.created_at)
        self.paid_at.set_value(detail.paid_at)
        self.shipped_at.set_value(detail.shipped_at)
        self.delivered_at.set_value(detail.delivered_at)
        for item in detail.items:
            self.add_item(item.product_id, item.title, item.quantity, item.unit_price_cents)
        self.postage_edit.set_cents(detail.postage_cents)
        self.discount_edit.set_cents(detail.discount_cents)
        self.paid_edit.set_cents(detail.paid_cents)
        self.refund_edit.set_cents(detail.refund_cents)
        self.tracking_edit.setText(detail.tracking_no)
        self.carrier_edit.setText(detail.carrier)
        self.buyer_message_edit.setText(detail.buyer_message)
        self.seller_note_edit.setText(detail.seller_note)
        self.set_receiver(detail.receiver_name, detail.receiver_phone, detail.receiver_address)

    def set_receiver(self, name: str, phone: str, address: str) -> None:
        """Fill the receiver fields (the order's own shipping name, phone and address); an empty value keeps
        what the field has (a pasted message without an address keeps the order's)."""
        for edit, value in ((self.receiver_name_edit, name), (self.receiver_phone_edit, phone),
                            (self.receiver_address_edit, address)):
            if value:
                edit.setText(value)

    def order_input(self) -> OrderInput:
        paid = None if self.paid_edit.value() < 0 else self.paid_edit.cents()
        keep = self._detail
        return OrderInput(
            customer_id=self.customer_id, created_at=self.created_edit.value(),
            platform=self.platform_box.currentData(), platform_order_no=self.order_no_edit.text().strip() or None,
            status=self.status_box.currentData(), items=self.item_inputs(), paid_at=self.paid_at.value(),
            shipped_at=self.shipped_at.value(), delivered_at=self.delivered_at.value(),
            completed_at=keep.completed_at if keep else None, closed_at=keep.closed_at if keep else None,
            postage_cents=self.postage_edit.cents(), discount_cents=self.discount_edit.cents(), paid_cents=paid,
            refund_cents=self.refund_edit.cents(), tracking_no=self.tracking_edit.text().strip(),
            carrier=self.carrier_edit.text().strip(), buyer_message=self.buyer_message_edit.text().strip(),
            seller_note=self.seller_note_edit.text().strip(),
            receiver_name=self.receiver_name_edit.text().strip(),
            receiver_phone=self.receiver_phone_edit.text().strip(),
            receiver_address=self.receiver_address_edit.text().strip())

    def save(self) -> bool:
        if self.customer_id is None:
            self.error_label.setText(self.tr("Choose the customer first."))
            return False
        if not self.item_inputs():
            self.error_label.setText(self.tr("Add at least one item."))
            return False
        try:
            data = self.order_input()
            redemption = self.rewards.redemption()
        except HuitoukeError as exc:
            self.error_label.setText(describe(exc))
            return False
        if self._detail is None:
            call = functools.partial(self._orders.create, data, redemption)
        else:
            call = functools.partial(self._orders.update, self._detail.id, data, self._detail.version, redemption)
        return save_form(self._lane, self, self.save_button, self.error_label, call, self._saved)

    def _saved(self, detail: OrderDetail) -> None:
        self._detail = detail
        self.saved.emit(detail)
