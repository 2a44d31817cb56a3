"""The complaint dialog: what happened, the five handling steps, compensation and resolution."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from core.aftersales.dto import COMPLAINT_STEPS, PRODUCT_COMPLAINT_KINDS, STEP_COMPENSATE, ComplaintDTO
from core.aftersales.service import AftersalesService
from core.book.models import COMPLAINT_KIND_VALUES, CONTACT_CHANNEL_VALUES, COUPON_KIND_VALUES
from ui.dialogs.case_base import CaseDialogBase, combo_with, select_code
from ui.text.aftersales import (
    CASE_STATUSES,
    CHANNELS,
    COMPENSATIONS,
    COMPLAINT_KINDS,
    COUPON_KINDS,
    word,
)
from ui.text.aftersales import (
    COMPLAINT_STEPS as STEP_WORDS,
)
from ui.text.labels import date_text, money
from ui.widgets.inputs import MoneyEdit

OVERDUE_STYLE = "color: #c62828; font-weight: bold;"


class ComplaintDialog(CaseDialogBase):
    """New complaint (customer_id given, complaint_id None) or an existing one. Every button is one
    service call; the dialog then reloads the complaint and emits `case_saved("complaint", id)`."""

    def __init__(self, service: AftersalesService, orders, *, customer_id: int, complaint_id: int | None = None,
                 order_id: int | None = None, clock: Callable[[], dt.datetime] | None = None, parent=None,
                 lane=None):
        super().__init__(service, orders, customer_id, clock, parent, lane)
        self.complaint: ComplaintDTO | None = None
        self.setWindowTitle(self.tr("Complaint"))
        self.setMinimumWidth(900)
        body = QHBoxLayout()
        body.addWidget(self._build_details(order_id), 2)
        self.handling = self._build_handling()
        body.addWidget(self.handling, 3)
        self.main_layout.addLayout(body)
        self.main_layout.addWidget(self.error_label)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        close = QPushButton(self.tr("Close window"))
        close.clicked.connect(self.accept)
        buttons.addWidget(close)
        self.main_layout.addLayout(buttons)
        self._show_risk()
        if complaint_id is not None:
            self._show(service.complaints.get(complaint_id))
        else:
            self.customer_label.setText(self.tr("New complaint"))
            self.handling.setEnabled(False)

    # -- building ----------------------------------------------------------------------------------
    def _build_details(self, order_id: int | None) -> QWidget:
        box = QGroupBox(self.tr("What happened"))
        form = QFormLayout(box)
        self.kind_box = QComboBox()
        combo_with(self.kind_box, COMPLAINT_KINDS, word, PRODUCT_COMPLAINT_KINDS)
        self.kind_box.insertSeparator(self.kind_box.count())
        combo_with(self.kind_box, COMPLAINT_KINDS, word, COMPLAINT_KIND_VALUES[len(PRODUCT_COMPLAINT_KINDS):])
        form.addRow(self.tr("Kind"), self.kind_box)
        self.channel_box = combo_with(QComboBox(), CHANNELS, word, CONTACT_CHANNEL_VALUES)
        form.addRow(self.tr("Channel"), self.channel_box)
        self.order_box = self._order_box(order_id)
        form.addRow(self.tr("Order"), self.order_box)
        self.description_edit = QPlainTextEdit()
        self.description_edit.setPlaceholderText(self.tr("What the customer says, in their words"))
        form.addRow(self.tr("Description"), self.description_edit)
        self.evidence_list = QListWidget()
        self.evidence_list.setMaximumHeight(80)
        add_evidence = QPushButton(self.tr("Add photos…"))
        add_evidence.clicked.connect(self._on_add_evidence_clicked)
        remove_evidence = QPushButton(self.tr("Remove"))
        remove_evidence.clicked.connect(self._on_remove_evidence_clicked)
        evidence_buttons = QHBoxLayout()
        evidence_buttons.addWidget(add_evidence)
        evidence_buttons.addWidget(remove_evidence)
        evidence_buttons.addStretch(1)
        evidence = QVBoxLayout()
        evidence.addWidget(self.evidence_list)
        evidence.addLayout(evidence_buttons)
        form.addRow(self.tr("Evidence"), evidence)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self._on_save_clicked)
        form.addRow("", self.save_button)
        return box

    def _build_handling(self) -> QWidget:
        widget = QWidget()
        layout = QVBoxLayout(widget)
        layout.setContentsMargins(0, 0, 0, 0)
        self.due_label = QLabel()
        self.due_label.setWordWrap(True)
        layout.addWidget(self.due_label)
        steps = QGroupBox(self.tr("Five steps"))
        grid = QGridLayout(steps)
        self.step_times: list[QLabel] = []
        self.step_notes: list[QLineEdit] = []
        self.step_buttons: list[QPushButton] = []
        for index, code in enumerate(COMPLAINT_STEPS):
            step = index + 1
            grid.addWidget(QLabel(word(STEP_WORDS, code)), index, 0)
            when = QLabel()
            grid.addWidget(when, index, 1)
            note = QLineEdit()
            note.setMinimumWidth(140)
            note.setPlaceholderText(self.tr("Note"))
            grid.addWidget(note, index, 2)
            button = QPushButton(self.tr("Done"))
            button.clicked.connect(lambda _=False, s=step: self._on_step_clicked(s))
            grid.addWidget(button, index, 3)
            self.step_times.append(when)
            self.step_notes.append(note)
            self.step_buttons.append(button)
        grid.setColumnStretch(2, 1)
        self.step_buttons[STEP_COMPENSATE - 1].hide()  # compensation has its own box below
        layout.addWidget(steps)
        layout.addWidget(self._build_compensation())
        resolution = QGroupBox(self.tr("Resolution"))
        res_layout = QVBoxLayout(resolution)
        self.resolution_edit = QPlainTextEdit()
        self.resolution_edit.setMaximumHeight(60)
        res_layout.addWidget(self.resolution_edit)
        row = QHBoxLayout()
        self.resolve_button = QPushButton(self.tr("Resolve"))
        self.resolve_button.clicked.connect(self._on_resolve_clicked)
        self.close_case_button = QPushButton(self.tr("Close case"))
        self.close_case_button.clicked.connect(self._on_close_case_clicked)
        self.reopen_button = QPushButton(self.tr("Reopen"))
        self.reopen_button.clicked.connect(self._on_reopen_clicked)
        for button in (self.resolve_button, self.close_case_button, self.reopen_button):
            row.addWidget(button)
        res_layout.addLayout(row)
        layout.addWidget(resolution)
        layout.addStretch(1)
        return widget

    def _build_compensation(self) -> QWidget:
        box = QGroupBox(self.tr("Compensation"))
        form = self._compensation_form = QFormLayout(box)
        self.compensation_box = combo_with(QComboBox(), COMPENSATIONS, word)
        self.compensation_box.currentIndexChanged.connect(self._on_compensation_type_changed)
        form.addRow(self.tr("Type"), self.compensation_box)
        self.amount_edit = MoneyEdit()
        form.addRow(self.tr("Amount"), self.amount_edit)
        self.points_edit = QSpinBox()
        self.points_edit.setRange(0, 1_000_000)
        form.addRow(self.tr("Points"), self.points_edit)
        self.coupon_kind_box = combo_with(QComboBox(), COUPON_KINDS, word, COUPON_KIND_VALUES)
        form.addRow(self.tr("Coupon kind"), self.coupon_kind_box)
        self.compensate_button = QPushButton(self.tr("Compensate"))
        self.compensate_button.clicked.connect(self._on_compensate_clicked)
        self.compensation_label = QLabel()
        form.addRow(self.compensation_label, self.compensate_button)
        self._on_compensation_type_changed()
        return box

    # -- showing -----------------------------------------------------------------------------------
    def _show(self, complaint: ComplaintDTO) -> None:
        self.complaint = complaint
        self.customer_label.setText(self.tr("Complaint of %1 · %2").replace("%1", complaint.customer_name)
                                    .replace("%2", word(CASE_STATUSES, complaint.status)))
        select_code(self.kind_box, complaint.kind)
        select_code(self.channel_box, complaint.channel)
        index = self.order_box.findData(complaint.order_id) if complaint.order_id else 0
        self.order_box.setCurrentIndex(max(0, index))
        self.description_edit.setPlainText(complaint.description)
        self.evidence_list.clear()
        self.evidence_list.addItems(list(complaint.evidence))
        self.handling.setEnabled(True)
        self._show_due(complaint)
        for index, (when, note, button) in enumerate(zip(self.step_times, self.step_notes, self.step_buttons,
                                                          strict=True)):
            done = complaint.step_done(index + 1)
            when.setText(date_text(done.done_at) if done else self.tr("not yet"))
            note.setText(done.note if done else note.text())
            button.setText(self.tr("Save note") if done else self.tr("Done"))
        self._show_compensation(complaint)
        self.resolution_edit.setPlainText(complaint.resolution)
        editable = complaint.status != "closed"
        self.resolve_button.setEnabled(complaint.status == "open")
        self.close_case_button.setEnabled(editable)
        self.reopen_button.setEnabled(complaint.status != "open")
        for button in self.step_buttons:
            button.setEnabled(editable)

    def _show_due(self, complaint: ComplaintDTO) -> None:
        now = self._now()
        if complaint.first_response_at is None:
            text = self.tr("First response due by %1").replace("%1", date_text(complaint.first_response_due))
            if complaint.first_response_overdue(now):
                text = self.tr("Overdue: first response was due by %1").replace(
                    "%1", date_text(complaint.first_response_due))
                self.due_label.setStyleSheet(OVERDUE_STYLE)
            else:
                self.due_label.setStyleSheet("")
        else:
            self.due_label.setStyleSheet("")
            text = self.tr("First response %1").replace("%1", date_text(complaint.first_response_at))
        if complaint.follow_up_due and complaint.step_done(5) is None:
            text += " · " + self.tr("follow-up due %1").replace("%1", date_text(complaint.follow_up_due))
            if complaint.follow_up_due < now.date():
                self.due_label.setStyleSheet(OVERDUE_STYLE)
        self.due_label.setText(text)

    def _show_compensation(self, complaint: ComplaintDTO) -> None:
        done = complaint.compensated_at is not None
        for widget in (self.compensation_box, self.amount_edit, self.points_edit, self.coupon_kind_box,
                       self.compensate_button):
            widget.setEnabled(not done and complaint.status != "closed")
        if not done:
            self.compensation_label.clear()
            return
        select_code(self.compensation_box, complaint.compensation_type)
        self.amount_edit.set_cents(complaint.compensation_cents)
        self.points_edit.setValue(complaint.compensation_points)
        what = word(COMPENSATIONS, complaint.compensation_type)
        amount = (self.tr("%1 points").replace("%1", str(complaint.compensation_points))
                  if complaint.compensation_type == "points" else money(complaint.compensation_cents))
        self.compensation_label.setText(f"{what} {amount} · {date_text(complaint.compensated_at)}")

    # -- actions -----------------------------------------------------------------------------------
    def _evidence(self) -> list[str]:
        return [self.evidence_list.item(i).text() for i in range(self.evidence_list.count())]

    def _on_add_evidence_clicked(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Photos or screenshots"), "",
                                                self.tr("Images (*.png *.jpg *.jpeg *.gif *.webp);;All files (*)"))
        self.evidence_list.addItems(paths)

    def _on_remove_evidence_clicked(self) -> None:
        for item in self.evidence_list.selectedItems():
            self.evidence_list.takeItem(self.evidence_list.row(item))

    def _on_save_clicked(self) -> None:
        fields = {"kind": self.kind_box.currentData(), "channel": self.channel_box.currentData(),
                  "description": self.description_edit.toPlainText(), "evidence": self._evidence(),
                  "order_id": self.order_box.currentData()}
        if self.complaint is None:
            self._write(self._service.complaints.open, self.customer_id, then=self._after, **fields)
        else:
            self._write(self._service.complaints.update, self.complaint.id, version=self.complaint.version,
                        then=self._after, **fields)

    def _on_step_clicked(self, step: int) -> None:
        self._write(self._service.complaints.tick_step, self.complaint.id, step, self.step_notes[step - 1].text(),
                    at=self._now(), then=self._after)

    def _on_compensation_type_changed(self) -> None:
        kind = self.compensation_box.currentData()
        self._compensation_form.setRowVisible(self.points_edit, kind == "points")
        self._compensation_form.setRowVisible(self.amount_edit, kind != "points")
        self._compensation_form.setRowVisible(self.coupon_kind_box, kind == "coupon")

    def _on_compensate_clicked(self) -> None:
        kind = self.compensation_box.currentData()
        self._write(
            self._service.complaints.compensate, self.complaint.id, compensation_type=kind,
            amount_cents=0 if kind == "points" else self.amount_edit.cents(), points=self.points_edit.value(),
            coupon_kind=self.coupon_kind_box.currentData(), note=self.step_notes[STEP_COMPENSATE - 1].text(),
            at=self._now(), then=self._after)

    def _on_resolve_clicked(self) -> None:
        self._write(self._service.complaints.resolve, self.complaint.id, self.resolution_edit.toPlainText(),
                    at=self._now(), then=self._after)

    def _on_close_case_clicked(self) -> None:
        self._write(self._service.complaints.close, self.complaint.id, at=self._now(), then=self._after)

    def _on_reopen_clicked(self) -> None:
        self._write(self._service.complaints.reopen, self.complaint.id, then=self._after)

    def _after(self, complaint: ComplaintDTO | None) -> None:
        if complaint is None:
            return
        self._show(complaint)
        self.case_saved.emit("complaint", complaint.id)
