"""The Marketing section of the customer dialog: member level, points, open coupons, marketing response."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from ui import labels


class CustomerMarketingWidget(QWidget):
    """Read-only figures from core MarketingService.customer_summary."""

    def __init__(self, marketing, customer_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        summary = marketing.customer_summary(customer_id)
        m = summary.marketing
        form = QFormLayout(self)
        self.level_label = QLabel(summary.level or self.tr("none"))
        self.points_label = QLabel(str(summary.points))
        self.coupons_label = QLabel(str(summary.open_coupons))
        self.marketed_label = QLabel(str(m.times_marketed))
        self.responded_label = QLabel(f"{m.times_responded} ({m.response_rate:.0%})")
        self.last_label = QLabel(labels.date_text(m.last_marketed) if m.last_marketed else self.tr("never"))
        form.addRow(self.tr("Member level"), self.level_label)
        form.addRow(self.tr("Points balance"), self.points_label)
        form.addRow(self.tr("Unused coupons"), self.coupons_label)
        form.addRow(self.tr("Times marketed"), self.marketed_label)
        form.addRow(self.tr("Times responded (response rate)"), self.responded_label)
        form.addRow(self.tr("Last marketed"), self.last_label)
