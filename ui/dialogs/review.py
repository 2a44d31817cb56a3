"""The mid/bad review dialog: the review, contact attempts, offer, outcome, deadline, bad-reviewer check."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core.aftersales.dto import (
    ATTEMPT_RESULT_VALUES,
    REVIEW_LEVEL_VALUES,
    REVIEW_OFFER_VALUES,
    REVIEW_OUTCOME_VALUES,
    RISK_SIGNS,
    ReviewDTO,
)
from core.aftersales.service import AftersalesService
from core.book.models import CONTACT_CHANNEL_VALUES, PLATFORM_VALUES
from ui.dialogs.case_base import CaseDialogBase, combo_with, select_code
from ui.text.aftersales import (
    ATTEMPT_RESULTS,
    CASE_STATUSES,
    CHANNELS,
    REVIEW_LEVELS,
    REVIEW_OFFERS,
    REVIEW_OUTCOMES,
    REVIEW_REASONS,
    word,
)
from ui.text.aftersales import RISK_SIGNS as SIGN_WORDS
from ui.text.labels import PLATFORMS, date_text, label
from ui.widgets.inputs import MoneyEdit

URGENT_STYLE = "color: #c62828; font-weight: bold;"
URGENT_DAYS = 3


class ReviewDialog(CaseDialogBase):
    """New review (review_id None) or an existing one; each button is one service call, then a reload
    and `case_saved("review", id)`."""

    def __init__(self, service: AftersalesService, orders, *, customer_id: int, review_id: int | None = None,
                 order_id: int | None = None, clock: Callable[[], dt.datetime] | None = None, parent=None,
                 lane=None):
        super().__init__(service, orders, customer_id, clock, parent, lane)
        self.review: ReviewDTO | None = None
        self.setWindowTitle(self.tr("Mid/bad review"))
        self.setMinimumWidth(900)
        self.deadline_label = QLabel()
        self.main_layout.addWidget(self.deadline_label)
        body = QHBoxLayout()
        body.addWidget(self._build_details(order_id), 1)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_rescue(), self.tr("Contact and outcome"))
        self.tabs.addTab(self._build_risk_check(), self.tr("Bad-reviewer check"))
        body.addWidget(self.tabs, 1)
        self.main_layout.addLayout(body)
        self.main_layout.addWidget(self.error_label)
        close = QPushButton(self.tr("Close window"))
        close.clicked.connect(self.accept)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(close)
        self.main_layout.addLayout(row)
        self._show_risk()
        if review_id is not None:
            self._show(service.reviews.get(review_id))
        else:
            self.customer_label.setText(self.tr("New mid/bad review"))
            self.tabs.setEnabled(False)
            self._on_level_changed()

    # -- building ----------------------------------------------------------------------------------
    def _build_details(self, order_id: int | None) -> QWidget:
        box = QGroupBox(self.tr("The review"))
        form = QFormLayout(box)
        self.platform_box = combo_with(QComboBox(), PLATFORMS, label, PLATFORM_VALUES)
        select_code(self.platform_box, "taobao")
        form.addRow(self.tr("Platform"), self.platform_box)
        self.level_box = combo_with(QComboBox(), REVIEW_LEVELS, word, REVIEW_LEVEL_VALUES)
        select_code(self.level_box, "bad")
        self.level_box.currentIndexChanged.connect(self._on_level_changed)
        form.addRow(self.tr("Level"), self.level_box)
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        today = self._now().date()
        self.date_edit.setDate(QDate(today.year, today.month, today.day))
        form.addRow(self.tr("Review date"), self.date_edit)
        self.reason_box = QComboBox()
        self.reason_box.setEditable(True)
        combo_with(self.reason_box, REVIEW_REASONS, word, self._service.reviews.reasons())
        form.addRow(self.tr("Reason found"), self.reason_box)
        self.order_box = self._order_box(order_id)
        form.addRow(self.tr("Order"), self.order_box)
        self.text_edit = QPlainTextEdit()
        self.text_edit.setPlaceholderText(self.tr("The review as the buyer wrote it"))
        form.addRow(self.tr("Text"), self.text_edit)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self._on_save_clicked)
        form.addRow("", self.save_button)
        return box

    def _build_rescue(self) -> QWidget:
        widget = QWidget()
        layout = QVBoxLayout(widget)
        self.attempts_list = QListWidget()
        self.attempts_list.setMaximumHeight(110)
        layout.addWidget(QLabel(self.tr("Contact attempts (phone first, then WeChat)")))
        layout.addWidget(self.attempts_list)
        row = QHBoxLayout()
        self.channel_box = combo_with(QComboBox(), CHANNELS, word, CONTACT_CHANNEL_VALUES)
        self.result_box = combo_with(QComboBox(), ATTEMPT_RESULTS, word, ATTEMPT_RESULT_VALUES)
        self.attempt_note = QLineEdit()
        self.attempt_note.setMinimumWidth(120)
        self.attempt_note.setPlaceholderText(self.tr("Note"))
        self.attempt_button = QPushButton(self.tr("Log attempt"))
        self.attempt_button.clicked.connect(self._on_attempt_clicked)
        for part in (self.channel_box, self.result_box, self.attempt_note, self.attempt_button):
            row.addWidget(part, 1 if part is self.attempt_note else 0)
        layout.addLayout(row)
        offer = QGroupBox(self.tr("Offer"))
        offer_row = QHBoxLayout(offer)
        self.offer_box = combo_with(QComboBox(), REVIEW_OFFERS, word, REVIEW_OFFER_VALUES)
        self.offer_amount = MoneyEdit()
        self.offer_button = QPushButton(self.tr("Make offer"))
        self.offer_button.clicked.connect(self._on_offer_clicked)
        self.offer_label = QLabel()
        for part in (self.offer_box, self.offer_amount, self.offer_button, self.offer_label):
            offer_row.addWidget(part)
        layout.addWidget(offer)
        outcome = QGroupBox(self.tr("Outcome"))
        outcome_form = QFormLayout(outcome)
        self.outcome_box = combo_with(QComboBox(), REVIEW_OUTCOMES, word, REVIEW_OUTCOME_VALUES)
        outcome_form.addRow(self.tr("Outcome"), self.outcome_box)
        self.temperament_edit = QLineEdit()
        self.temperament_edit.setPlaceholderText(
            self.tr("Temperament, for next time (kept in the customer's notes)"))
        outcome_form.addRow(self.tr("Temperament"), self.temperament_edit)
        buttons = QHBoxLayout()
        self.outcome_button = QPushButton(self.tr("Record outcome and close"))
        self.outcome_button.clicked.connect(self._on_outcome_clicked)
        self.reopen_button = QPushButton(self.tr("Reopen"))
        self.reopen_button.clicked.connect(self._on_reopen_clicked)
        buttons.addWidget(self.outcome_button)
        buttons.addWidget(self.reopen_button)
        outcome_form.addRow(buttons)
        layout.addWidget(outcome)
        layout.addStretch(1)
        return widget

    def _build_risk_check(self) -> QWidget:
        widget = QWidget()
        grid = QGridLayout(widget)
        grid.addWidget(QLabel(self.tr("Tick the signs of a professional bad-reviewer and keep the evidence.")),
                       0, 0, 1, 2)
        self.sign_boxes: dict[str, QCheckBox] = {}
        self.sign_evidence: dict[str, QLineEdit] = {}
        for row, name in enumerate(RISK_SIGNS, start=1):
            tick = QCheckBox(word(SIGN_WORDS, name))
            tick.toggled.connect(self._update_score)
            evidence = QLineEdit()
            evidence.setPlaceholderText(self.tr("Evidence"))
            grid.addWidget(tick, row, 0)
            grid.addWidget(evidence, row, 1)
            self.sign_boxes[name], self.sign_evidence[name] = tick, evidence
        last = len(RISK_SIGNS) + 1
        self.risk_note = QLineEdit()
        self.risk_note.setPlaceholderText(self.tr("Other evidence"))
        grid.addWidget(self.risk_note, last, 0, 1, 2)
        self.score_label = QLabel()
        grid.addWidget(self.score_label, last + 1, 0)
        self.save_check_button = QPushButton(self.tr("Save check"))
        self.save_check_button.clicked.connect(self._on_save_check_clicked)
        grid.addWidget(self.save_check_button, last + 1, 1)
        self.risk_buyer_box = QCheckBox(self.tr("Mark this buyer as a risk buyer"))
        self.risk_buyer_box.clicked.connect(self._on_risk_buyer_clicked)
        grid.addWidget(self.risk_buyer_box, last + 2, 0, 1, 2)
        grid.setRowStretch(last + 3, 1)
        self._update_score()
        return widget

    # -- showing -----------------------------------------------------------------------------------
    def _show(self, review: ReviewDTO) -> None:
        self.review = review
        self.customer_label.setText(self.tr("%1 of %2 · %3").replace("%1", word(REVIEW_LEVELS, review.level))
                                    .replace("%2", review.customer_name)
                                    .replace("%3", word(CASE_STATUSES, review.status)))
        select_code(self.platform_box, review.platform)
        select_code(self.level_box, review.level)
        self.date_edit.setDate(QDate(review.review_date.year, review.review_date.month, review.review_date.day))
        self._select_reason(review.reason)
        self.order_box.setCurrentIndex(max(0, self.order_box.findData(review.order_id)) if review.order_id else 0)
        self.text_edit.setPlainText(review.text)
        self.tabs.setEnabled(True)
        self._show_deadline(review)
        self.attempts_list.clear()
        for a in review.attempts:
            self.attempts_list.addItem(" · ".join(p for p in (date_text(a.at), word(CHANNELS, a.channel),
                                                              word(ATTEMPT_RESULTS, a.result), a.note) if p))
        select_code(self.channel_box, review.suggested_channel)
        is_open = review.status == "open"
        for part in (self.channel_box, self.result_box, self.attempt_note, self.attempt_button, self.outcome_box,
                     self.temperament_edit, self.outcome_button):
            part.setEnabled(is_open)
        self.reopen_button.setEnabled(not is_open)
        offered = review.offer_at is not None
        for part in (self.offer_box, self.offer_amount, self.offer_button):
            part.setEnabled(is_open and not offered)
        if offered:
            select_code(self.offer_box, review.offer_type)
            self.offer_amount.set_cents(review.offer_cents)
            self.offer_label.setText(date_text(review.offer_at))
        else:
            self._on_level_changed()
        if review.outcome:
            select_code(self.outcome_box, review.outcome)
        for sign in review.signs:
            self.sign_boxes[sign.name].setChecked(sign.ticked)
            self.sign_evidence[sign.name].setText(sign.evidence)
        self.risk_note.setText(review.evidence_note)
        self.risk_buyer_box.setChecked(review.customer_risk_buyer)

    def _select_reason(self, reason: str) -> None:
        index = self.reason_box.findData(reason)
        if index >= 0:
            self.reason_box.setCurrentIndex(index)
        else:
            self.reason_box.setEditText(reason)

    def _show_deadline(self, review: ReviewDTO) -> None:
        if review.change_deadline is None:
            self.deadline_label.clear()
            return
        if review.days_left is not None and review.days_left < 0:
            text = self.tr("The buyer could change the review until %1: the deadline has passed.")
        else:
            text = self.tr("The buyer can change the review until %1 (%2 days left).")
        self.deadline_label.setText(text.replace("%1", date_text(review.change_deadline))
                                    .replace("%2", str(review.days_left)))
        urgent = review.status == "open" and (review.days_left or 0) <= URGENT_DAYS
        self.deadline_label.setStyleSheet(URGENT_STYLE if urgent else "")

    def _update_score(self) -> None:
        score = sum(box.isChecked() for box in self.sign_boxes.values())
        text = self.tr("Score: %1 of %2").replace("%1", str(score)).replace("%2", str(len(RISK_SIGNS)))
        self.score_label.setText(text)
        self.score_label.setStyleSheet(URGENT_STYLE if score >= 3 else "")

    # -- actions -----------------------------------------------------------------------------------
    def _reason(self) -> str:
        index = self.reason_box.currentIndex()
        if index >= 0 and self.reason_box.itemText(index) == self.reason_box.currentText():
            return self.reason_box.itemData(index) or self.reason_box.currentText()
        return self.reason_box.currentText().strip()

    def _on_level_changed(self) -> None:
        if self.review is None or self.review.offer_at is None:
            self.offer_amount.set_cents(self._service.reviews.default_offer(self.level_box.currentData()))

    def _on_save_clicked(self) -> None:
        qdate = self.date_edit.date()
        fields = {"platform": self.platform_box.currentData(), "level": self.level_box.currentData(),
                  "review_date": dt.date(qdate.year(), qdate.month(), qdate.day()),
                  "text": self.text_edit.toPlainText(), "reason": self._reason(),
                  "order_id": self.order_box.currentData()}
        if self.review is None:
            self._write(self._service.reviews.open, self.customer_id, then=self._after, **fields)
        else:
            self._write(self._service.reviews.update, self.review.id, version=self.review.version, then=self._after,
                        **fields)

    def _on_attempt_clicked(self) -> None:
        self._write(self._service.reviews.log_attempt, self.review.id, channel=self.channel_box.currentData(),
                    result=self.result_box.currentData(), note=self.attempt_note.text(), at=self._now(),
                    then=self._after)
        self.attempt_note.clear()

    def _on_offer_clicked(self) -> None:
        self._write(self._service.reviews.make_offer, self.review.id, offer_type=self.offer_box.currentData(),
                    amount_cents=self.offer_amount.cents(), at=self._now(), then=self._after)

    def _on_outcome_clicked(self) -> None:
        self._write(self._service.reviews.record_outcome, self.review.id, self.outcome_box.currentData(),
                    temperament_note=self.temperament_edit.text(), at=self._now(), then=self._after)

    def _on_reopen_clicked(self) -> None:
        self._write(self._service.reviews.reopen, self.review.id, then=self._after)

    def _on_save_check_clicked(self) -> None:
        signs = {name: box.isChecked() for name, box in self.sign_boxes.items()}
        evidence = {name: edit.text() for name, edit in self.sign_evidence.items()}
        def checked(review: ReviewDTO) -> None:
            self._after(review)
            self._show_risk()

        self._write(self._service.reviews.update_risk_check, self.review.id, signs, evidence, self.risk_note.text(),
                    then=checked)

    def _on_risk_buyer_clicked(self, checked: bool) -> None:
        """Flag or clear the customer; unsaved ticks of the check stay as they are."""
        def flagged(_result) -> None:
            self._show_risk()
            self.case_saved.emit("review", self.review.id)

        self._write(self._service.reviews.set_risk_buyer, self.customer_id, checked, then=flagged,
                    failed=lambda: self.risk_buyer_box.setChecked(not checked))

    def _after(self, review: ReviewDTO | None) -> None:
        if review is None:
            return
        self._show(review)
        self.case_saved.emit("review", review.id)

