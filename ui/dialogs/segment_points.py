"""Points for every customer of a segment (an anniversary gift, DOMAIN.md §7): how many, and the reason the
ledger lines carry. The page calls `award_segment_points`; the service writes all lines in one transaction."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QSpinBox, QVBoxLayout

from ui.dialogs.lane_save import save_form
from ui.widgets.error_label import save_cancel_footer


class SegmentPointsDialog(QDialog):
    """Asks for the points and the reason; Save (`save()`) writes them for the segment and closes, or shows
    why the service refused. With a `lane` (ui.book_lane.BookLane) the points are written there, Save
    disabled meanwhile."""

    def __init__(self, marketing, definition: dict, customers: int, today: dt.date, now: dt.datetime,
                 parent=None, lane=None) -> None:
        super().__init__(parent)
        self._marketing, self._definition, self._today, self._now = marketing, definition, today, now
        self._lane = lane
        self.awarded = 0
        self.setWindowTitle(self.tr("Award points to this segment"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Each of the %1 customers of this segment gets the points, with the reason in "
                               "their points ledger.").replace("%1", f"{customers:,}"))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.points_spin = QSpinBox()
        self.points_spin.setRange(1, 1_000_000)
        self.points_spin.setValue(100)
        self.points_spin.setSingleStep(50)
        self.reason_edit = QLineEdit(self.tr("Anniversary points"))
        self.reason_edit.setMaxLength(200)
        form.addRow(self.tr("Points each:"), self.points_spin)
        form.addRow(self.tr("Reason:"), self.reason_edit)
        layout.addLayout(form)
        self.error_label, buttons = save_cancel_footer(self, layout)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)

    def save(self) -> bool:
        """Award the points; True when written already, False on the lane (accepted later) or when refused."""
        definition, points, reason = self._definition, self.points_spin.value(), self.reason_edit.text()
        return save_form(self._lane, self, self.save_button, self.error_label,
                         lambda: self._marketing.award_segment_points(definition, points, reason, self._today,
                                                                      self._now),
                         self._awarded)

    def _awarded(self, count: int) -> None:
        self.awarded = count
