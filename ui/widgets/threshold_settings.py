"""Segments and privacy, a section of the Settings page: the RFM and lifecycle thresholds (with the book's
suggestion and a live count of customers per segment for the values on screen) and phone masking."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from core.analytics.thresholds import LIMITS, ThresholdService
from core.errors import HuitoukeError
from ui.dialogs.lane_save import save_on_lane
from ui.text.errors import describe
from ui.text.labels import STAGES, label, money, rfm_label


class ThresholdSettingsSection(QGroupBox):
    """Edits the "analytics.rfm_" and "stage." settings through a ThresholdService; Save applies them.

    With a TaskRunner (`tasks`) the live counts are computed in the background (reading a 100k book's purchase
    days the first time takes about a second); without one, at once (tests)."""

    def __init__(self, thresholds: ThresholdService, today: Callable[[], dt.date] = dt.date.today,
                 parent: QWidget | None = None, tasks=None, lane=None) -> None:
        """With a `lane` (ui.book_lane.BookLane) a save (every customer's stage moved) runs there."""
        super().__init__(parent)
        self._tasks, self._lane = tasks, lane
        self._generation = 0
        self.setTitle(self.tr("Customer segments and privacy"))
        self._service = thresholds
        self._today = today
        self._edits: dict[str, QSpinBox | QDoubleSpinBox] = {}
        self._counting = QTimer(self)
        self._counting.setSingleShot(True)
        self._counting.setInterval(250)
        self._counting.timeout.connect(self.update_counts)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("RFM: a buyer is recent when the last purchase is at most R days ago, frequent from "
                               "F purchase days, high-spending from M. Lifecycle: churned after the multiplier × "
                               "the longer of the usual interval and the cycle of the last purchase (the default "
                               "days when neither is known, never below the minimum); dormant past the fraction."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        columns = QHBoxLayout()
        rfm_form, stage_form = QFormLayout(), QFormLayout()
        self.median_check = QCheckBox(self.tr("the median spend of the buyers"))
        rows = (
            (rfm_form, "analytics.rfm_recent_days", self.tr("R: recent within (days)"), 1),
            (rfm_form, "analytics.rfm_high_purchase_days", self.tr("F: frequent from (purchase days)"), 1),
            (rfm_form, "analytics.rfm_high_spend_cents", self.tr("M: high spend from (yuan)"), 100),
            (stage_form, "stage.loyal_min_purchase_days", self.tr("Loyal from (purchase days)"), 1),
            (stage_form, "stage.loyal_min_spend_cents", self.tr("…or from a spend of (yuan)"), 100),
            (stage_form, "stage.churn_cycle_multiplier", self.tr("Churned after (× cycle)"), 1),
            (stage_form, "stage.churn_default_days", self.tr("Churned after, nothing known (days)"), 1),
            (stage_form, "stage.churn_min_days", self.tr("Churn threshold at least (days)"), 1),
            (stage_form, "stage.dormant_fraction", self.tr("Dormant past (share of the threshold)"), 1),
        )
        for form, key, text, scale in rows:
            kind, low, high = LIMITS[key]
            edit = QDoubleSpinBox() if kind is float else QSpinBox()
            if kind is float:
                edit.setDecimals(2)
                edit.setSingleStep(0.05 if high <= 1 else 0.5)
            edit.setRange(low / scale, min(high / scale, 2_000_000_000))
            edit.setProperty("scale", scale)
            edit.setObjectName(key)
            edit.valueChanged.connect(self._on_value_changed)
            self._edits[key] = edit
            form.addRow(text, edit)
            if key == "analytics.rfm_high_spend_cents":
                form.addRow("", self.median_check)
        self.median_check.toggled.connect(self._on_median_check_toggled)
        columns.addLayout(rfm_form, 1)
        columns.addLayout(stage_form, 1)
        layout.addLayout(columns)
        self.counts_label = QLabel()
        self.counts_label.setWordWrap(True)
        self.counts_label.setObjectName("segment_counts")
        layout.addWidget(self.counts_label)
        buttons = QHBoxLayout()
        self.suggest_button = QPushButton(self.tr("Use the book's suggestion"))
        self.suggest_button.setToolTip(self.tr("R and the churn default from twice the book's median repurchase "
                                               "interval, loyal from the top quarter of repeat buyers"))
        self.save_button = QPushButton(self.tr("Save thresholds"))
        self.message_label = QLabel()
        buttons.addWidget(self.suggest_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.message_label, 1)
        layout.addLayout(buttons)
        self.suggest_button.clicked.connect(self._on_suggest_button_clicked)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.mask_check = QCheckBox(self.tr("Mask phone numbers on screen and in exports (138****8000)"))
        self.mask_check.setChecked(thresholds.phone_masking())
        self.mask_check.toggled.connect(self._on_mask_check_toggled)
        layout.addWidget(self.mask_check)
        self.load(thresholds.current())

    # --- values -------------------------------------------------------------------------------------
    def load(self, values: dict) -> None:
        """Show these thresholds (fen → yuan), then recount."""
        for key, edit in self._edits.items():
            value = values.get(key)
            edit.blockSignals(True)
            if value is not None:
                edit.setValue(value / edit.property("scale"))
            edit.blockSignals(False)
        self.median_check.setChecked(values.get("analytics.rfm_high_spend_cents") is None)
        self._edits["analytics.rfm_high_spend_cents"].setEnabled(not self.median_check.isChecked())
        self.update_counts()

    def values(self) -> dict:
        """The thresholds on screen, in the book's units (fen, days, fractions)."""
        result = {}
        for key, edit in self._edits.items():
            value = edit.value() * edit.property("scale")
            result[key] = float(value) if isinstance(edit, QDoubleSpinBox) else round(value)
        if self.median_check.isChecked():
            result["analytics.rfm_high_spend_cents"] = None
        return result

    def update_counts(self) -> None:
        """Count customers per stage and RFM segment for the values on screen (not saved yet)."""
        self._generation += 1
        generation = self._generation
        if self._tasks is not None:
            self.counts_label.setText(self.tr("Counting…"))
            self._tasks.run(self._service.counts, self.values(), self._today(),
                            on_success=lambda counts: self._show_counts(generation, counts),
                            on_error=lambda exc: self._show_error(generation, exc))
            return
        try:
            counts = self._service.counts(self.values(), self._today())
        except HuitoukeError as exc:
            self._show_error(generation, exc)
            return
        self._show_counts(generation, counts)

    def _current(self, generation: int) -> bool:
        """Whether a count that arrives now is still wanted: the values did not change meanwhile and the section
        was not closed (a count can arrive after the Settings page that asked for it is gone)."""
        return generation == self._generation and shiboken6.isValid(self) and shiboken6.isValid(self.counts_label)

    def _show_error(self, generation: int, exc: BaseException) -> None:
        if self._current(generation):
            self.counts_label.setText(describe(exc) if isinstance(exc, HuitoukeError) else str(exc))

    def _show_counts(self, generation: int, counts) -> None:
        if not self._current(generation):
            return
        stages = "  ".join(f"{label(STAGES, key)} {n:,}" for key, n in counts.stages.items())
        rfm = "  ".join(f"{rfm_label(name)} {n:,}" for name, n in counts.rfm.items())
        median = "" if counts.median_spend_cents is None else self.tr("Median spend: %1").replace(
            "%1", money(counts.median_spend_cents))
        spend = self._edits["analytics.rfm_high_spend_cents"]
        if self.median_check.isChecked() and counts.median_spend_cents is not None:
            spend.blockSignals(True)  # the greyed field shows what "the median" is today
            spend.setValue(counts.median_spend_cents / spend.property("scale"))
            spend.blockSignals(False)
        self.counts_label.setText(self.tr("With these values, today: %1").replace("%1", stages) + "\n"
                                  + self.tr("RFM: %1").replace("%1", rfm) + ("\n" + median if median else ""))

    # --- slots --------------------------------------------------------------------------------------
    def _on_value_changed(self, _value) -> None:
        self.message_label.clear()
        self._counting.start()

    def _on_median_check_toggled(self, checked: bool) -> None:
        self._edits["analytics.rfm_high_spend_cents"].setEnabled(not checked)
        self._counting.start()

    def _on_suggest_button_clicked(self) -> None:
        self.load(self._service.suggested(self._today()))
        self.message_label.setText(self.tr("Suggested values shown; save to use them."))

    def _on_save_button_clicked(self) -> None:
        save_on_lane(self._lane, self.save_button, functools.partial(self._service.save, self.values(), self._today()),
                     lambda moved: self.message_label.setText(self.tr("Saved; %1 customers changed stage.")
                                                             .replace("%1", f"{moved:,}")),
                     lambda exc: self.message_label.setText(describe(exc)))

    def _on_mask_check_toggled(self, checked: bool) -> None:
        self._service.set_phone_masking(checked)
