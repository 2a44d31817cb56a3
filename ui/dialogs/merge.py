"""Merging two records of one person: pick the other customer, see both side by side, then merge."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from core.customers import CustomerService
from core.dto import CustomerDetail
from core.phones import display_phone
from ui.dialogs.lane_save import save_form
from ui.text.labels import date_text, money


class CustomerPickerDialog(QDialog):
    """Search the book and choose one customer (other than exclude_id). ``chosen_id`` after accept."""

    def __init__(self, customers: CustomerService, exclude_id: int, parent=None):
        super().__init__(parent)
        self._customers = customers
        self._exclude_id = exclude_id
        self.chosen_id: int | None = None
        self.setWindowTitle(self.tr("Choose the other customer"))
        layout = QVBoxLayout(self)
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Name, pinyin initials, phone or tag"))
        self.search_edit.textChanged.connect(self._on_search_edit_text_changed)
        layout.addWidget(self.search_edit)
        self.results = QListWidget()
        self.results.itemDoubleClicked.connect(lambda _item: self.accept())
        layout.addWidget(self.results)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(420, 420)

    def _on_search_edit_text_changed(self, text: str) -> None:
        self.results.clear()
        if not text.strip():
            return
        for row in self._customers.search(text, limit=50):
            if row.id == self._exclude_id:
                continue
            item = QListWidgetItem(" · ".join(part for part in (row.name, row.real_name, row.phone, row.province)
                                              if part))
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            self.results.addItem(item)
        if self.results.count():
            self.results.setCurrentRow(0)

    def accept(self) -> None:
        item = self.results.currentItem()
        if item is None:
            return
        self.chosen_id = item.data(Qt.ItemDataRole.UserRole)
        super().accept()


class MergeDialog(QDialog):
    """Shows two customers side by side; the seller chooses which record stays, then merges.

    Emits ``merged(CustomerDetail)`` with the surviving record.
    """

    merged = Signal(object)

    def __init__(self, customers: CustomerService, first: CustomerDetail, second: CustomerDetail, parent=None,
                 lane=None):
        """With a `lane` (ui.book_lane.BookLane) the merge (backup included) runs there, Merge disabled meanwhile."""
        super().__init__(parent)
        self._customers, self._lane = customers, lane
        self._records = (first, second)
        self.setWindowTitle(self.tr("Merge two customers"))
        layout = QVBoxLayout(self)
        explanation = QLabel(self.tr(
            "Both records will become one. Every order, note, reminder, case and tag of both is kept; empty "
            "fields of the record you keep are filled from the other, and its other phone numbers and IDs "
            "are remembered. The book is backed up first."))
        explanation.setWordWrap(True)
        layout.addWidget(explanation)
        grid_host = QWidget()
        grid = QGridLayout(grid_host)
        self.keep_group = QButtonGroup(self)
        for column in (1, 2):
            radio = QRadioButton(self.tr("Keep this one"))
            self.keep_group.addButton(radio, column - 1)
            grid.addWidget(radio, 0, column)
        self.keep_group.button(0).setChecked(True)
        for row, (caption, values) in enumerate(self._comparison(), start=1):
            grid.addWidget(QLabel(caption), row, 0, Qt.AlignmentFlag.AlignTop)
            for column, value in enumerate(values, start=1):
                cell = QLabel(value)
                cell.setWordWrap(True)
                cell.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                if values[0] != values[1] and all(values):
                    cell.setStyleSheet("font-weight: bold;")
                grid.addWidget(cell, row, column, Qt.AlignmentFlag.AlignTop)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(grid_host)
        layout.addWidget(scroll, 1)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        layout.addWidget(self.error_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.merge_button = buttons.addButton(self.tr("Merge"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.merge)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(760, 620)

    def _comparison(self) -> list[tuple[str, tuple[str, str]]]:
        def both(get) -> tuple[str, str]:
            return tuple(get(record) or "" for record in self._records)

        masked = self._customers.phones_masked()

        return [
            (self.tr("Name"), both(lambda r: r.fields.name)),
            (self.tr("Real name"), both(lambda r: r.fields.real_name)),
            (self.tr("Phone"), both(lambda r: display_phone(r.fields.phone, masked))),
            (self.tr("WeChat ID"), both(lambda r: r.fields.wechat_id)),
            (self.tr("QQ"), both(lambda r: r.fields.qq)),
            (self.tr("Buyer ID"), both(lambda r: r.fields.platform_buyer_id)),
            (self.tr("Address"), both(lambda r: " ".join(p for p in (r.fields.province, r.fields.city,
                                                                      r.fields.district, r.fields.address_detail) if p))),
            (self.tr("Tags"), both(lambda r: "、".join(r.tags))),
            (self.tr("First purchase"), both(lambda r: date_text(r.first_purchase_on))),
            (self.tr("Last purchase"), both(lambda r: date_text(r.last_purchase_on))),
            (self.tr("Orders"), both(lambda r: str(r.purchase_count))),
            (self.tr("Total spend"), both(lambda r: money(r.total_spend_cents))),
            (self.tr("Notes"), both(lambda r: r.fields.note)),
            (self.tr("Added"), both(lambda r: date_text(r.created_at))),
        ]

    def keep_and_absorb(self) -> tuple[int, int]:
        keep = self.keep_group.checkedId()
        return self._records[keep].id, self._records[1 - keep].id

    def merge(self) -> bool:
        """Merge the two; False while it runs on the lane (``merged`` follows) or when it was refused."""
        keep_id, absorb_id = self.keep_and_absorb()
        self.error_label.clear()
        return save_form(self._lane, self, self.merge_button, self.error_label,
                         lambda: self._customers.merge(keep_id, absorb_id), self.merged.emit)
