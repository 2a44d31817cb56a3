"""After-sales settings: task timing, default review offers, platform change deadlines, review reasons."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

from core.aftersales.service import AftersalesService
from core.book.models import PLATFORM_VALUES
from core.errors import HuitoukeError
from ui.dialogs.lane_save import save_on_lane
from ui.text.aftersales import REVIEW_REASONS, error_text, word
from ui.text.labels import PLATFORMS, label, money
from ui.widgets.error_label import error_label
from ui.widgets.inputs import MoneyEdit

_COUNTS = (  # setting key, label, in hours (else days), minimum
    ("aftersales.first_response_hours", QT_TRANSLATE_NOOP("AftersalesSettingsDialog", "First response within"), True, 1),
    ("aftersales.follow_up_days", QT_TRANSLATE_NOOP("AftersalesSettingsDialog", "Follow-up after compensation"), False, 1),
    ("aftersales.review_deadline_default_days",
     QT_TRANSLATE_NOOP("AftersalesSettingsDialog", "Review change deadline (other platforms)"), False, 1),
    ("aftersales.review_deadline_check_days",
     QT_TRANSLATE_NOOP("AftersalesSettingsDialog", "Check a review before its deadline"),
     False, 0),
    ("aftersales.coupon_valid_days", QT_TRANSLATE_NOOP("AftersalesSettingsDialog", "Compensation coupons valid for"),
     False, 1),
)


class AftersalesSettingsDialog(QDialog):
    """Edits the book's `aftersales.` settings; OK saves them through the service (validated in core), on the
    `lane` (ui.book_lane.BookLane) if any, OK disabled meanwhile; the dialog closes once they are saved."""

    def __init__(self, service: AftersalesService, parent=None, lane=None):
        super().__init__(parent)
        self._service, self._lane = service, lane
        self.setWindowTitle(self.tr("After-sales settings"))
        values = service.settings()
        layout = QVBoxLayout(self)
        timing = QGroupBox(self.tr("Tasks"))
        form = QFormLayout(timing)
        self.counts: dict[str, QSpinBox] = {}
        for key, text, in_hours, minimum in _COUNTS:
            box = QSpinBox()
            box.setRange(minimum, 3650)
            box.setSuffix(" " + (self.tr("hours") if in_hours else self.tr("days")))
            box.setValue(int(values[key]))
            form.addRow(QCoreApplication.translate("AftersalesSettingsDialog", text), box)
            self.counts[key] = box
        layout.addWidget(timing)
        offers = QGroupBox(self.tr("Default review offers"))
        offer_row = QHBoxLayout(offers)
        self.mid_offer, self.bad_offer = MoneyEdit(), MoneyEdit()
        self.mid_offer.set_cents(int(values["aftersales.review_offer_mid_cents"]))
        self.bad_offer.set_cents(int(values["aftersales.review_offer_bad_cents"]))
        for text, edit in ((self.tr("Mid review"), self.mid_offer), (self.tr("Bad review"), self.bad_offer)):
            offer_row.addWidget(QLabel(text))
            offer_row.addWidget(edit)
        layout.addWidget(offers)
        deadlines = QGroupBox(self.tr("Review change deadline per platform (0 = as other platforms)"))
        deadline_grid = QGridLayout(deadlines)
        self.deadlines: dict[str, QSpinBox] = {}
        per_platform = values["aftersales.review_deadline_days"] or {}
        for index, platform in enumerate(PLATFORM_VALUES):
            box = QSpinBox()
            box.setRange(0, 3650)
            box.setSuffix(" " + self.tr("days"))
            box.setValue(int(per_platform.get(platform, 0)))
            row, column = divmod(index, 2)
            deadline_grid.addWidget(QLabel(label(PLATFORMS, platform)), row, column * 2)
            deadline_grid.addWidget(box, row, column * 2 + 1)
            self.deadlines[platform] = box
        layout.addWidget(deadlines)
        layout.addWidget(QLabel(self.tr("Review reasons, one per line")))
        reasons = values["aftersales.review_reasons"]
        self.reasons_edit = QPlainTextEdit("\n".join(word(REVIEW_REASONS, r) for r in reasons))
        self.reasons_edit.setMaximumHeight(120)
        layout.addWidget(self.reasons_edit)
        self.error_label = error_label()
        self.error_label.hide()
        layout.addWidget(self.error_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def values(self) -> dict:
        """The settings as the dialog shows them (reason words typed back into codes where they match)."""
        codes = {word(REVIEW_REASONS, code): code for code in REVIEW_REASONS}
        reasons = [codes.get(line.strip(), line.strip()) for line in self.reasons_edit.toPlainText().splitlines()
                   if line.strip()]
        values = {key: box.value() for key, box in self.counts.items()}
        values["aftersales.review_offer_mid_cents"] = self.mid_offer.cents()
        values["aftersales.review_offer_bad_cents"] = self.bad_offer.cents()
        values["aftersales.review_deadline_days"] = {
            platform: box.value() for platform, box in self.deadlines.items() if box.value()}
        values["aftersales.review_reasons"] = reasons
        return values

    def accept(self) -> None:
        values = self.values()
        self.error_label.hide()
        save_on_lane(self._lane, self.ok_button, lambda: self._service.save_settings(values),
                     lambda _result: super(AftersalesSettingsDialog, self).accept(), self._refused)

    def _refused(self, error: HuitoukeError) -> None:
        self.error_label.setText(error_text(error))
        self.error_label.show()


class AftersalesSettingsSection(QGroupBox):
    """The After-sales part of the Settings page: the current rules in one line and a button to edit them."""

    def __init__(self, service: AftersalesService, parent=None, lane=None):
        super().__init__(parent)
        self._service, self._lane = service, lane
        self.setTitle(self.tr("After-sales"))
        row = QHBoxLayout(self)
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        row.addWidget(self.summary_label, 1)
        self.edit_button = QPushButton(self.tr("Change…"))
        self.edit_button.clicked.connect(self._on_edit_button_clicked)
        row.addWidget(self.edit_button)
        self.show_summary()

    def show_summary(self) -> None:
        values = self._service.settings()
        text = self.tr("First response within %1 hours · follow-up %2 days after compensation · "
                       "review offers %3 / %4")
        for placeholder, value in (("%1", values["aftersales.first_response_hours"]),
                                   ("%2", values["aftersales.follow_up_days"]),
                                   ("%3", money(values["aftersales.review_offer_mid_cents"])),
                                   ("%4", money(values["aftersales.review_offer_bad_cents"]))):
            text = text.replace(placeholder, str(value))
        self.summary_label.setText(text)

    def _on_edit_button_clicked(self) -> None:
        if AftersalesSettingsDialog(self._service, self, lane=self._lane).exec() == QDialog.DialogCode.Accepted:
            self.show_summary()
