"""Customer detail dialog: every field of DOMAIN.md §1 with validation, tags, derived figures and history."""

import functools

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core.customers import CustomerService
from core.dto import CustomerDetail, CustomerInput
from core.errors import ConflictError, HuitoukeError
from core.orders import OrderService
from core.phones import is_masked_phone, normalize_phone
from ui.dialogs.conflict import resolve_customer_conflict
from ui.dialogs.customer_sections import CUSTOMER_SECTIONS, PurchasesSection
from ui.tasks import report_unhandled
from ui.text.errors import describe
from ui.text.labels import GENDERS, SOURCE_CHANNELS, label
from ui.widgets.customer_cases import risk_warning_for
from ui.widgets.error_label import save_cancel_footer
from ui.widgets.risk_warning import RiskWarningBanner
from ui.widgets.tag_chips import TagChipsWidget

_TEXT_FIELDS = ("name", "real_name", "phone", "wechat_id", "qq", "platform_buyer_id", "email", "province", "city",
                "district", "address_detail", "postcode")


class CustomerDialog(QDialog):
    """Creates (detail None) or edits a customer. Saving goes through CustomerService; core validates,
    and its coded errors are shown next to the buttons. ``merge_requested(customer_id, other_id)`` asks
    the page to start a merge (other_id 0: let the seller pick); ``saved(CustomerDetail)`` follows a
    successful save."""

    saved = Signal(object)
    merge_requested = Signal(int, int)

    def __init__(self, customers: CustomerService, orders: OrderService, known_tags: list[str],
                 detail: CustomerDetail | None = None, parent=None, lane=None):
        """With a `lane` (ui.book_lane) the save runs there, off the GUI thread."""
        super().__init__(parent)
        self._customers = customers
        self._detail = detail
        self._lane = lane
        self._merge_after_save = False  # "Merge with…" waits for the save of the edits (on the lane)
        self.setWindowTitle(self.tr("Customer: %1").replace("%1", detail.name) if detail else self.tr("New customer"))
        self.resize(860, 640)
        layout = QVBoxLayout(self)
        self.risk_banner = RiskWarningBanner()
        layout.addWidget(self.risk_banner)
        if detail is not None:
            self.risk_banner.show_warning(risk_warning_for(customers.book, detail.id))
        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_profile(known_tags), self.tr("Profile"))
        if detail is not None:
            self.tabs.addTab(PurchasesSection(detail, orders), self.tr("Purchases"))
            for section in CUSTOMER_SECTIONS:
                self.tabs.addTab(section.create_widget(customers.book, detail.id, lane), section.translated_title())
        layout.addWidget(self.tabs)
        self.error_label, buttons = save_cancel_footer(self, layout)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.paste_button = QPushButton(self.tr("Paste from chat…"))
        self.paste_button.clicked.connect(self._on_paste_button_clicked)
        buttons.addButton(self.paste_button, QDialogButtonBox.ButtonRole.ResetRole)
        if detail is not None:
            self.merge_button = QPushButton(self.tr("Merge with…"))
            self.merge_button.clicked.connect(self._on_merge_button_clicked)
            buttons.addButton(self.merge_button, QDialogButtonBox.ButtonRole.ResetRole)
        if detail is not None:
            self._load(detail)

    # --- building -----------------------------------------------------------------------------------
    def _line(self, name: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        self.edits[name] = edit
        return edit

    def _build_profile(self, known_tags: list[str]) -> QWidget:
        self.edits: dict[str, QLineEdit] = {}
        page = QWidget()
        grid = QGridLayout(page)
        left, right = QFormLayout(), QFormLayout()
        left.addRow(self.tr("Name / nickname:"), self._line("name", self.tr("What you call them")))
        left.addRow(self.tr("Real name:"), self._line("real_name"))
        phone_box = QWidget()
        phone_column = QVBoxLayout(phone_box)
        phone_column.setContentsMargins(0, 0, 0, 0)
        phone_column.addWidget(self._line("phone", self.tr("11-digit mobile or landline")))
        self.phone_hint = QLabel()
        self.phone_hint.setObjectName("phone_hint")
        self.phone_hint.setWordWrap(True)
        self.phone_hint.setVisible(False)
        self.phone_hint.linkActivated.connect(self._on_phone_hint_link_activated)
        phone_column.addWidget(self.phone_hint)
        left.addRow(self.tr("Phone:"), phone_box)
        self.edits["phone"].editingFinished.connect(self._on_phone_editing_finished)
        left.addRow(self.tr("WeChat ID:"), self._line("wechat_id"))
        left.addRow(self.tr("QQ:"), self._line("qq"))
        left.addRow(self.tr("Platform buyer ID:"), self._line("platform_buyer_id", self.tr("Taobao/PDD/Douyin name")))
        left.addRow(self.tr("Email:"), self._line("email"))
        self.source_box = QComboBox()
        for code in SOURCE_CHANNELS:
            self.source_box.addItem(label(SOURCE_CHANNELS, code), code)
        left.addRow(self.tr("Came from:"), self.source_box)
        self.referred_label = QLabel()
        left.addRow(self.tr("Referred by:"), self.referred_label)

        right.addRow(self.tr("Province:"), self._line("province"))
        right.addRow(self.tr("City:"), self._line("city"))
        right.addRow(self.tr("District:"), self._line("district"))
        right.addRow(self.tr("Address:"), self._line("address_detail"))
        right.addRow(self.tr("Postcode:"), self._line("postcode"))
        self.gender_box = QComboBox()
        for code in GENDERS:
            self.gender_box.addItem(label(GENDERS, code), code)
        right.addRow(self.tr("Gender:"), self.gender_box)
        right.addRow(self.tr("Birthday:"), self._build_birthday())
        flags = QHBoxLayout()
        self.dnd_box = QCheckBox(self.tr("Do not disturb (no marketing)"))
        self.risk_box = QCheckBox(self.tr("Risk buyer"))
        flags.addWidget(self.dnd_box)
        flags.addWidget(self.risk_box)
        right.addRow(self.tr("Flags:"), flags)
        grid.addLayout(left, 0, 0)
        grid.addLayout(right, 0, 1)

        bottom = QFormLayout()
        self.tag_chips = TagChipsWidget(known_tags)
        bottom.addRow(self.tr("Tags:"), self.tag_chips)
        self.personality_edit = QPlainTextEdit()
        self.personality_edit.setPlaceholderText(self.tr("Personality, how to talk to them"))
        self.personality_edit.setFixedHeight(54)
        bottom.addRow(self.tr("How to talk:"), self.personality_edit)
        self.note_edit = QPlainTextEdit()
        self.note_edit.setFixedHeight(72)
        bottom.addRow(self.tr("Notes:"), self.note_edit)
        grid.addLayout(bottom, 1, 0, 1, 2)
        grid.setRowStretch(2, 1)
        return page

    def _build_birthday(self) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        self.birth_year = QSpinBox(minimum=0, maximum=2100, specialValueText="—")
        self.birth_month = QSpinBox(minimum=0, maximum=12, specialValueText="—")
        self.birth_day = QSpinBox(minimum=0, maximum=31, specialValueText="—")
        self.lunar_box = QCheckBox(self.tr("Lunar"))
        self.lunar_box.setToolTip(self.tr("The month and day are in the lunar (农历) calendar"))
        for widget, suffix in ((self.birth_year, self.tr("year")), (self.birth_month, self.tr("month")),
                               (self.birth_day, self.tr("day"))):
            row.addWidget(widget)
            row.addWidget(QLabel(suffix))
        row.addWidget(self.lunar_box)
        row.addStretch(1)
        return box

    # --- data ---------------------------------------------------------------------------------------
    def _load(self, detail: CustomerDetail) -> None:
        fields = detail.fields
        for name in _TEXT_FIELDS:
            self.edits[name].setText(getattr(fields, name))
        self.source_box.setCurrentIndex(max(0, self.source_box.findData(fields.source_channel)))
        self.gender_box.setCurrentIndex(max(0, self.gender_box.findData(fields.gender)))
        self.birth_year.setValue(fields.birth_year or 0)
        self.birth_month.setValue(fields.birth_month or 0)
        self.birth_day.setValue(fields.birth_day or 0)
        self.lunar_box.setChecked(fields.birthday_lunar)
        self.dnd_box.setChecked(fields.do_not_disturb)
        self.risk_box.setChecked(fields.risk_buyer)
        self.tag_chips.set_tags(detail.tags)
        self.personality_edit.setPlainText(fields.personality)
        self.note_edit.setPlainText(fields.note)
        self.referred_label.setText(detail.referred_by_name or "—")

    def customer_input(self) -> CustomerInput:
        """What the form says now."""
        referred = self._detail.fields.referred_by_id if self._detail else None
        return CustomerInput(
            **{name: self.edits[name].text().strip() for name in _TEXT_FIELDS},
            gender=self.gender_box.currentData(), source_channel=self.source_box.currentData(),
            birth_year=self.birth_year.value() or None, birth_month=self.birth_month.value() or None,
            birth_day=self.birth_day.value() or None, birthday_lunar=self.lunar_box.isChecked(),
            referred_by_id=referred, personality=self.personality_edit.toPlainText().strip(),
            note=self.note_edit.toPlainText().strip(), do_not_disturb=self.dnd_box.isChecked(),
            risk_buyer=self.risk_box.isChecked(), tags=self.tag_chips.tags())

    def _on_phone_editing_finished(self) -> None:
        edit = self.edits["phone"]
        text = edit.text().strip()
        self._set_phone_hint("")
        if not text:
            return
        if is_masked_phone(text):
            self._set_phone_hint(self.tr("A masked number: kept as shown, not used to find duplicates."))
            return
        normalised = normalize_phone(text)
        if not normalised:
            self._set_phone_hint(self.tr("This does not look like a phone number."))
            return
        edit.setText(normalised)
        exclude = self._detail.id if self._detail else None
        duplicates = self._customers.find_by_phone(normalised, exclude_id=exclude)
        if duplicates:
            names = "、".join(row.name or row.real_name or str(row.id) for row in duplicates[:3])
            self._set_phone_hint(
                self.tr("Warning: %1 already has this phone number.").replace("%1", names)
                + (f' <a href="{duplicates[0].id}">' + self.tr("Merge…") + "</a>" if self._detail else ""))

    def _set_phone_hint(self, text: str) -> None:
        self.phone_hint.setText(text)
        self.phone_hint.setVisible(bool(text))

    def save(self) -> bool:
        """Validate and save; on success emit saved and close. Returns whether it saved — with a lane the
        save runs there: False at once, then ``saved`` (or the error shown, Save enabled again)."""
        self.tag_chips.commit_pending()
        data = self.customer_input()
        if self._detail is None:
            call = functools.partial(self._customers.create, data)
        else:
            call = functools.partial(self._customers.update, self._detail.id, data, self._detail.version)
        if self._lane is not None:
            self.save_button.setEnabled(False)
            self._lane.save(call, on_success=self._saved, on_error=lambda exc: self._save_failed(exc, data))
            return False
        try:
            detail = call()
        except HuitoukeError as exc:
            return self._save_failed(exc, data)
        self._saved(detail)
        return True

    def _saved(self, detail: CustomerDetail) -> None:
        self._detail = detail
        self.save_button.setEnabled(True)
        self.saved.emit(detail)
        if self._merge_after_save and self._lane is not None:  # "Merge with…" after saving the edits first
            self._merge_after_save = False
            self.merge_requested.emit(detail.id, 0)
        self.accept()

    def _save_failed(self, exc: BaseException, data: CustomerInput) -> bool:
        """Show why the save failed (a conflict opens the conflict window); True if that saved it after all."""
        self.save_button.setEnabled(True)
        self._merge_after_save = False  # the seller sees why, and asks for the merge again once saved
        if isinstance(exc, ConflictError):
            before = self._detail
            self._resolve_conflict(data)
            return self._detail is not before  # saved already (without a lane); with one, later
        if not isinstance(exc, HuitoukeError):
            report_unhandled(exc)  # the unexpected-error dialog
            return False
        self.error_label.setText(describe(exc))
        field = exc.details.get("field")
        if field in self.edits:
            self.edits[field].setFocus()
        return False

    def _resolve_conflict(self, data: CustomerInput) -> None:
        """Someone else saved first: let the seller pick between both versions (ui.dialogs.conflict); their
        version is read on the lane and what the seller picks is saved there, like the first try."""

        def done(detail: CustomerDetail | None) -> None:
            if detail is None:
                self.error_label.setText(self.tr("Not saved: someone else saved this customer in the meantime."))
            else:
                self._saved(detail)

        def failed(exc: HuitoukeError) -> None:  # e.g. the other person deleted the customer meanwhile
            self.error_label.setText(describe(exc))

        resolve_customer_conflict(self, self._customers, self._detail, data, done, failed, lane=self._lane,
                                  button=self.save_button)

    def _on_paste_button_clicked(self) -> None:
        from ui.paste_flow import paste_into_customer_dialog

        paste_into_customer_dialog(self, self._customers)

    def _on_merge_button_clicked(self) -> None:
        if self.customer_input() != self._detail.fields and QMessageBox.question(
                self, self.tr("Merge"), self.tr("Save your changes first?")) == QMessageBox.StandardButton.Yes:
            self._merge_after_save = True  # with a lane the save ends later: `_saved` asks for the merge then
            if not self.save():
                return
        self._merge_after_save = False
        self.merge_requested.emit(self._detail.id, 0)
        self.accept()

    def _on_phone_hint_link_activated(self, href: str) -> None:
        self.merge_requested.emit(self._detail.id, int(href))
        self.accept()

    @property
    def detail(self) -> CustomerDetail | None:
        return self._detail
