"""The Marketing section of the customer dialog: member level, points, marketing response; the customer's
coupons (open / used / expired) and points ledger with its running balance; issue a coupon, award points
by a rule (joining, photo review, referral) and redeem points."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMenu,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.errors import HuitoukeError
from core.marketing.loyalty import POINT_RULES, coupon_text
from ui.dialogs.lane_save import save_on_lane
from ui.text import labels
from ui.text.errors import describe
from ui.widgets.error_label import error_label


class CustomerMarketingWidget(QWidget):
    """Figures from core MarketingService.customer_summary and .rewards; writes through the same service, on
    the `lane` (ui.book_lane.BookLane) if any, the buttons disabled meanwhile and the figures read after."""

    def __init__(self, marketing, customer_id: int, today: Callable[[], dt.date] = dt.date.today,
                 now: Callable[[], dt.datetime] = dt.datetime.now, parent: QWidget | None = None, lane=None):
        super().__init__(parent)
        self._marketing, self._customer_id, self._today, self._now = marketing, customer_id, today, now
        self._lane = lane
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.level_label, self.points_label, self.coupons_label = QLabel(), QLabel(), QLabel()
        self.marketed_label, self.responded_label, self.last_label = QLabel(), QLabel(), QLabel()
        form.addRow(self.tr("Member level"), self.level_label)
        form.addRow(self.tr("Points balance"), self.points_label)
        form.addRow(self.tr("Open coupons"), self.coupons_label)
        form.addRow(self.tr("Times marketed"), self.marketed_label)
        form.addRow(self.tr("Times responded (response rate)"), self.responded_label)
        form.addRow(self.tr("Last marketed"), self.last_label)
        layout.addLayout(form)
        layout.addLayout(self._build_buttons())
        self.error_label = error_label()
        layout.addWidget(self.error_label)
        self.coupons_table = self._table([self.tr("Coupon"), self.tr("Issued"), self.tr("Expires"),
                                          self.tr("Status"), self.tr("From")])
        self.ledger_table = self._table([self.tr("Date"), self.tr("Reason"), self.tr("Points"), self.tr("Balance"),
                                         self.tr("Note")])
        layout.addWidget(QLabel(self.tr("Coupons")))
        layout.addWidget(self.coupons_table, 1)
        layout.addWidget(QLabel(self.tr("Points ledger")))
        layout.addWidget(self.ledger_table, 1)
        self.reload()

    def _build_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.issue_button = QPushButton(self.tr("Issue a coupon…"))
        self.issue_button.clicked.connect(self.issue_coupon)
        self.award_button = QPushButton(self.tr("Award points"))
        menu = QMenu(self.award_button)
        for rule in POINT_RULES:
            menu.addAction(self.rule_label(rule), lambda r=rule: self.award_points(r))
        self.award_button.setMenu(menu)
        self.redeem_button = QPushButton(self.tr("Redeem points…"))
        self.redeem_button.clicked.connect(self.redeem_points)
        for button in (self.issue_button, self.award_button, self.redeem_button):
            row.addWidget(button)
        row.addStretch(1)
        return row

    @staticmethod
    def _table(headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setSectionResizeMode(len(headers) - 1, QHeaderView.ResizeMode.Stretch)
        table.setMinimumHeight(110)
        return table

    # --- words -------------------------------------------------------------------------------------
    def rule_label(self, reason: str) -> str:
        return {"join": self.tr("Joining"), "photo_review": self.tr("Photo review"), "referral": self.tr("Referral"),
                "spend": self.tr("Purchase"), "redeem": self.tr("Redeemed"), "compensation": self.tr("Compensation"),
                "manual": self.tr("By hand"), "campaign": self.tr("Campaign")}.get(reason, reason)

    def status_label(self, status: str) -> str:
        return {"open": self.tr("open"), "used": self.tr("used"), "expired": self.tr("expired")}.get(status, status)

    def source_label(self, source: str) -> str:
        return {"manual": self.tr("by hand"), "campaign": self.tr("campaign"), "complaint": self.tr("complaint"),
                "review": self.tr("review")}.get(source, source)

    # --- showing -----------------------------------------------------------------------------------
    def reload(self) -> None:
        self._language = self._marketing.message_language()
        summary = self._marketing.customer_summary(self._customer_id)
        m = summary.marketing
        self.level_label.setText(summary.level or self.tr("none"))
        self.points_label.setText(str(summary.points))
        self.marketed_label.setText(str(m.times_marketed))
        self.responded_label.setText(f"{m.times_responded} ({m.response_rate:.0%})")
        self.last_label.setText(labels.date_text(m.last_marketed) if m.last_marketed else self.tr("never"))
        rewards = self._marketing.rewards(self._customer_id, self._today())
        self.coupons_label.setText(str(sum(status == "open" for _coupon, status in rewards.coupons)))
        self._fill(self.coupons_table, [
            (coupon_text(k.kind, k.value_cents, k.threshold_cents, k.discount_percent, self._language),
             labels.date_text(k.issued_at.date()), labels.date_text(k.expires_on) or "—", self.status_label(status),
             self.source_label(k.source)) for k, status in rewards.coupons])
        self._fill(self.ledger_table, [
            (labels.date_text(line.at), self.rule_label(line.reason), f"{line.delta:+d}", str(line.balance), line.note)
            for line in reversed(rewards.ledger)])

    @staticmethod
    def _fill(table: QTableWidget, rows: list[tuple[str, ...]]) -> None:
        table.setRowCount(len(rows))
        for r, cells in enumerate(rows):
            for c, text in enumerate(cells):
                table.setItem(r, c, QTableWidgetItem(text))
        table.resizeColumnsToContents()

    # --- actions -----------------------------------------------------------------------------------
    def issue_coupon(self) -> None:
        from ui.dialogs.coupon import CouponDialog

        dialog = CouponDialog(self.tr("A coupon for this customer."), self._marketing.coupon_valid_days(),
                              self._language, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            spec, stamp = dialog.spec(), self._stamp()
            self._write(lambda: self._marketing.issue_coupon(self._customer_id, spec, stamp))

    def award_points(self, rule: str) -> None:
        stamp = self._stamp()

        def awarded(result) -> None:
            if result is None:
                self.error_label.setText(self.tr("No points given: the rule gives none, or joining was rewarded "
                                                 "already."))

        self._write(lambda: self._marketing.award_points(self._customer_id, rule, stamp), awarded)

    def redeem_points(self) -> None:
        balance = self._marketing.rewards(self._customer_id, self._today()).balance
        points, ok = QInputDialog.getInt(
            self, self.tr("Redeem points"),
            self.tr("Points to redeem (balance %1), e.g. for a gift:").replace("%1", str(balance)),
            min(100, balance), 1, max(1, balance))
        if ok:
            stamp = self._stamp()
            self._write(lambda: self._marketing.redeem_points(self._customer_id, points, stamp))

    def _stamp(self) -> dt.datetime:
        return self._now().replace(microsecond=0)

    def _write(self, action: Callable[[], object], done: Callable[[object], None] = lambda _result: None) -> None:
        """Run one write (on the lane if any); the figures are read again after it, refused or not."""
        self.error_label.setText("")

        def written(result: object) -> None:
            self.reload()
            done(result)

        def refused(error: HuitoukeError) -> None:
            self.error_label.setText(describe(error))
            self.reload()

        save_on_lane(self._lane, (self.issue_button, self.award_button, self.redeem_button), action, written,
                     refused)
