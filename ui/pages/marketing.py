"""The Marketing page: build a customer segment (exclusions shown with counts), save it, issue it a coupon,
start a campaign from a template (editable, + optional coupon), work its send queue (Enter = copy and mark
sent), record opt-outs, export for an SMS platform, and read the campaign report. Member levels and points
rules open in their own dialog.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QEvent, QLocale, QObject, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.analytics.dto import RFM_SEGMENT_NAMES
from core.book.models import SOURCE_CHANNEL_VALUES
from core.customer_stats import STAGES
from core.errors import HuitoukeError
from core.marketing.loyalty import CouponSpec, coupon_text
from core.marketing.segments import EXCLUSIONS
from core.phones import display_phone
from ui.dialogs.lane_save import save_on_lane
from ui.pages.base import Page
from ui.text import labels
from ui.text.errors import describe
from ui.widgets.copy_note import CopiedNote
from ui.widgets.fit import scrolling
from ui.widgets.multi_select import MultiSelectCombo

ID_ROLE = Qt.ItemDataRole.UserRole


class MarketingPage(Page):
    """`marketing` is a core MarketingService; `today`/`now` are the clock (injected for tests); every write goes
    through the `lane` (ui.book_lane.BookLane) if any, the page read again after it."""

    def __init__(self, marketing, today: Callable[[], dt.date],
                 now: Callable[[], dt.datetime] = dt.datetime.now, parent: QWidget | None = None, lane=None):
        super().__init__(parent)
        self._marketing, self._today, self._now, self._lane = marketing, today, now, lane
        self._campaign_id: int | None = None
        self._language = ""  # of the messages sent (a book setting), read on reload
        self._build()

    # --- construction -------------------------------------------------------------------------------
    def _build(self) -> None:
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(scrolling(self._build_segment_side()))  # 15 filters: taller than a laptop screen
        splitter.addWidget(self._build_campaign_side())
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Marketing"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        header = QHBoxLayout()
        header.addWidget(title)
        header.addStretch(1)
        self.loyalty_button = QPushButton(self.tr("Member levels and points…"))
        self.loyalty_button.clicked.connect(self.open_loyalty_settings)
        header.addWidget(self.loyalty_button)
        layout.addLayout(header)
        layout.addWidget(splitter, 1)

    def _build_segment_side(self) -> QWidget:
        box = QGroupBox(self.tr("Segment"))
        form = QFormLayout()
        self.provinces_edit = QLineEdit()
        self.provinces_edit.setPlaceholderText(self.tr("e.g. 浙江, 江苏"))
        self.tags_edit = QLineEdit()
        self.tags_edit.setPlaceholderText(self.tr("any of these tags, comma separated"))
        self.stage_combo = self._combo([(stage, labels.label(labels.STAGES, stage)) for stage in STAGES])
        self.rfm_combo = self._combo([(name, name) for name in RFM_SEGMENT_NAMES])
        self.level_combo = self._combo([])
        self.channel_combo = self._combo([(c, labels.label(labels.SOURCE_CHANNELS, c)) for c in SOURCE_CHANNEL_VALUES])
        self.month_combo = self._combo([(m, QLocale().monthName(m)) for m in range(1, 13)])
        self.category_combo = self._combo([])
        self.product_combo = self._combo([])
        self.cities_edit = QLineEdit()
        self.cities_edit.setPlaceholderText(self.tr("e.g. 杭州市, 苏州市"))
        self._multi = {"stages": self.stage_combo, "rfm": self.rfm_combo, "levels": self.level_combo,
                       "categories": self.category_combo, "products": self.product_combo,
                       "source_channels": self.channel_combo,
                       "birthday_months": self.month_combo}
        self.min_days_spin = QSpinBox()
        self.min_days_spin.setRange(0, 999)
        self.min_spend_spin = QSpinBox()
        self.min_spend_spin.setRange(0, 10_000_000)
        self.min_spend_spin.setSuffix(" ¥")
        self.min_aov_spin = QSpinBox()
        self.min_aov_spin.setRange(0, 1_000_000)
        self.min_aov_spin.setSuffix(" ¥")
        self.last_from_edit = QLineEdit()
        self.last_from_edit.setPlaceholderText("YYYY-MM-DD")
        self.last_to_edit = QLineEdit()
        self.last_to_edit.setPlaceholderText("YYYY-MM-DD")
        form.addRow(self.tr("Provinces"), self.provinces_edit)
        form.addRow(self.tr("Cities"), self.cities_edit)
        form.addRow(self.tr("Tags"), self.tags_edit)
        form.addRow(self.tr("Stage"), self.stage_combo)
        form.addRow(self.tr("RFM segment"), self.rfm_combo)
        form.addRow(self.tr("Member level"), self.level_combo)
        form.addRow(self.tr("Bought category"), self.category_combo)
        form.addRow(self.tr("Bought product"), self.product_combo)
        form.addRow(self.tr("Source channel"), self.channel_combo)
        form.addRow(self.tr("Birthday month"), self.month_combo)
        form.addRow(self.tr("Purchase days at least"), self.min_days_spin)
        form.addRow(self.tr("Spend at least"), self.min_spend_spin)
        form.addRow(self.tr("Average order at least"), self.min_aov_spin)
        form.addRow(self.tr("Last purchase from"), self.last_from_edit)
        form.addRow(self.tr("Last purchase to"), self.last_to_edit)
        self.count_button = QPushButton(self.tr("Count"))
        self.count_button.clicked.connect(self.update_count)
        self.count_label = QLabel()
        self.count_label.setWordWrap(True)
        self.segment_name_edit = QLineEdit()
        self.segment_name_edit.setPlaceholderText(self.tr("Name of the segment"))
        self.save_segment_button = QPushButton(self.tr("Save segment"))
        self.save_segment_button.clicked.connect(self.save_segment)
        self.issue_coupon_button = QPushButton(self.tr("Issue a coupon to this segment…"))
        self.issue_coupon_button.clicked.connect(self.issue_coupon_to_segment)
        self.award_points_button = QPushButton(self.tr("Award points to this segment…"))
        self.award_points_button.clicked.connect(self.award_points_to_segment)
        self.segment_list = QListWidget()
        self.segment_list.itemClicked.connect(self._on_segment_list_item_clicked)
        layout = QVBoxLayout()
        layout.addLayout(form)
        buttons = QHBoxLayout()
        buttons.addWidget(self.count_button)
        buttons.addWidget(self.segment_name_edit)
        buttons.addWidget(self.save_segment_button)
        layout.addLayout(buttons)
        layout.addWidget(self.count_label)
        gifts = QHBoxLayout()
        gifts.addWidget(self.issue_coupon_button)
        gifts.addWidget(self.award_points_button)
        gifts.addStretch(1)
        layout.addLayout(gifts)
        layout.addWidget(QLabel(self.tr("Saved segments (live counts: reachable / matched)")))
        layout.addWidget(self.segment_list)
        box.setLayout(layout)
        return box

    def _build_campaign_side(self) -> QWidget:
        box = QGroupBox(self.tr("Campaign"))
        form = QFormLayout()
        self.campaign_name_edit = QLineEdit()
        self.template_combo = QComboBox()
        self.template_combo.currentIndexChanged.connect(self._on_template_combo_changed)
        self.edit_template_button = QPushButton(self.tr("Edit template…"))
        self.edit_template_button.clicked.connect(self.edit_template)
        template_row = QHBoxLayout()
        template_row.addWidget(self.template_combo, 1)
        template_row.addWidget(self.edit_template_button)
        self.body_edit = QPlainTextEdit()
        self.body_edit.setMaximumHeight(80)
        self.coupon_check = QCheckBox(self.tr("Give each customer a coupon:"))
        self.campaign_coupon = CouponSpec("cash", 1000)
        self.coupon_button = QPushButton()
        self.coupon_button.clicked.connect(self.choose_campaign_coupon)
        coupon_row = QHBoxLayout()
        coupon_row.addWidget(self.coupon_check)
        coupon_row.addWidget(self.coupon_button)
        coupon_row.addStretch()
        self.start_button = QPushButton(self.tr("Start campaign for this segment"))
        self.start_button.clicked.connect(self.start_campaign)
        form.addRow(self.tr("Name"), self.campaign_name_edit)
        form.addRow(self.tr("Template"), template_row)
        form.addRow(self.tr("Message"), self.body_edit)
        form.addRow(coupon_row)
        form.addRow(self.start_button)
        self.campaign_combo = QComboBox()
        self.campaign_combo.currentIndexChanged.connect(self._on_campaign_combo_changed)
        self.queue_table = QTableWidget(0, 5)
        self.queue_table.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Phone"), self.tr("Message"), self.tr("Status"), self.tr("SMS")])
        self.queue_table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.queue_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.queue_table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.queue_table.installEventFilter(self)
        self.send_button = QPushButton(self.tr("Copy and mark sent (Enter)"))
        self.send_button.clicked.connect(self.copy_and_mark_sent)
        self.opt_out_button = QPushButton(self.tr("Opted out (退订/TD)"))
        self.opt_out_button.clicked.connect(self.opt_out)
        self.export_sms_button = QPushButton(self.tr("Export for SMS…"))
        self.export_sms_button.clicked.connect(self.export_sms)
        self.export_report_button = QPushButton(self.tr("Export report…"))
        self.export_report_button.clicked.connect(self.export_report)
        self.report_label = QLabel()
        self.report_label.setWordWrap(True)
        self.copied_note = CopiedNote()
        actions = QHBoxLayout()
        for button in (self.send_button, self.opt_out_button, self.export_sms_button, self.export_report_button,
                       self.copied_note):
            actions.addWidget(button)
        layout = QVBoxLayout()
        layout.addLayout(form)
        layout.addWidget(self.campaign_combo)
        layout.addWidget(self.queue_table)
        layout.addLayout(actions)
        layout.addWidget(self.report_label)
        box.setLayout(layout)
        return box

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter on the send queue copies the message and marks it sent."""
        if (watched is self.queue_table and event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):
            self.copy_and_mark_sent()
            return True
        return super().eventFilter(watched, event)

    def _combo(self, items: list[tuple]) -> MultiSelectCombo:
        combo = MultiSelectCombo(self.tr("(any)"))
        combo.set_items(items)
        return combo

    # --- page hooks ---------------------------------------------------------------------------------
    def page_activated(self) -> None:
        self.reload()

    def refresh(self) -> None:
        self.reload()

    def reload(self) -> None:
        language = self._marketing.message_language()
        force_templates, self._language = language != self._language, language
        options = self._marketing.filter_options()
        self.level_combo.set_items([(0, self.tr("(no level)"))] + [(lv.id, lv.name) for lv in options["levels"]])
        self.category_combo.set_items([(c, c) for c in options["categories"]])
        self.product_combo.set_items(options["products"])
        self._load_templates(force_templates)
        self._show_campaign_coupon()
        self._load_segments()
        self._load_campaigns()
        self.update_count()

    def _load_templates(self, force: bool = False) -> None:
        if self.template_combo.count() and not force:
            return
        current = self.template_combo.currentIndex()
        self.template_combo.blockSignals(True)
        self.template_combo.clear()
        for template in self._marketing.templates(self._language):
            self.template_combo.addItem(self.theme_label(template.theme), template)
        self.template_combo.blockSignals(False)
        self.template_combo.setCurrentIndex(max(current, 0))
        self._on_template_combo_changed()

    def _load_segments(self) -> None:
        self.segment_list.clear()
        for segment in self._marketing.segments(self._today()):
            name = self.theme_label(segment.name) if segment.builtin else segment.name
            item = QListWidgetItem(f"{name}  {segment.count.reachable} / {segment.count.matched}")
            item.setData(ID_ROLE, segment.definition)
            self.segment_list.addItem(item)

    def _load_campaigns(self, select_id: int | None = None) -> None:
        self.campaign_combo.blockSignals(True)
        self.campaign_combo.clear()
        for campaign in self._marketing.campaigns():
            self.campaign_combo.addItem(
                self.tr("%1 · %2 sent of %3").replace("%1", campaign.name).replace("%2", str(campaign.sent))
                .replace("%3", str(campaign.members)), campaign.id)
        self.campaign_combo.blockSignals(False)
        index = self.campaign_combo.findData(select_id) if select_id else 0
        self.campaign_combo.setCurrentIndex(max(index, 0))
        self._on_campaign_combo_changed()

    def theme_label(self, code: str) -> str:
        return {
            "new_arrivals": self.tr("New arrivals"), "festival": self.tr("Festival greetings"),
            "anniversary_points": self.tr("Anniversary points"),
            "winback_never": self.tr("Win-back: never bought"),
            "winback_low_value": self.tr("Win-back: 1–2 purchases, low order value"),
            "winback_loyal": self.tr("Win-back: 3+ purchases"),
        }.get(code, code)

    # --- segment ------------------------------------------------------------------------------------
    def definition(self) -> dict:
        """The builder's filter as a core segment definition."""
        def split(text: str) -> list[str]:
            return [part.strip() for part in text.replace("，", ",").split(",") if part.strip()]

        d: dict = {"provinces": split(self.provinces_edit.text()), "cities": split(self.cities_edit.text()),
                   "tags": split(self.tags_edit.text())}
        for key, combo in self._multi.items():
            d[key] = combo.checked_values()
        if self.min_days_spin.value():
            d["min_purchase_days"] = self.min_days_spin.value()
        if self.min_spend_spin.value():
            d["min_spend_cents"] = self.min_spend_spin.value() * 100
        if self.min_aov_spin.value():
            d["min_aov_cents"] = self.min_aov_spin.value() * 100
        d["last_purchase_from"] = self.last_from_edit.text().strip()
        d["last_purchase_to"] = self.last_to_edit.text().strip()
        return {k: v for k, v in d.items() if v not in ("", [], None)}

    def set_definition(self, d: dict) -> None:
        self.provinces_edit.setText(", ".join(d.get("provinces", [])))
        self.cities_edit.setText(", ".join(d.get("cities", [])))
        self.tags_edit.setText(", ".join(d.get("tags", [])))
        for key, combo in self._multi.items():
            values = d.get(key) or []
            combo.set_checked(values if isinstance(values, list) else [values])
        self.min_days_spin.setValue(int(d.get("min_purchase_days", 0)))
        spend = d.get("min_spend_cents", 0)
        self.min_spend_spin.setValue(int(spend) // 100 if isinstance(spend, int) else 0)
        aov = d.get("min_aov_cents", 0)
        self.min_aov_spin.setValue(int(aov) // 100 if isinstance(aov, int) else 0)
        self.last_from_edit.setText(d.get("last_purchase_from", ""))
        self.last_to_edit.setText(d.get("last_purchase_to", ""))
        self.update_count()

    def exclusion_label(self, code: str) -> str:
        return {"do_not_disturb": self.tr("do not disturb"), "open_complaint": self.tr("open complaint"),
                "open_review": self.tr("open bad review"), "risk_buyer": self.tr("risk buyer"),
                "frequency_cap": self.tr("marketed recently (frequency cap)")}[code]

    def update_count(self) -> None:
        try:
            counted = self._marketing.count(self.definition(), self._today())
        except HuitoukeError as error:
            self.count_label.setText(describe(error))
            return
        held = ", ".join(f"{self.exclusion_label(code)} {counted.excluded[code]}" for code in EXCLUSIONS)
        self.count_label.setText(self.tr("%1 match, %2 reachable. Left out: %3")
                                 .replace("%1", str(counted.matched)).replace("%2", str(counted.reachable))
                                 .replace("%3", held))

    def _write(self, call: Callable[[], object], done: Callable[[object], None], refused_title: str) -> bool:
        """One write, on the lane if any; ``done(result)`` after it, a refusal in a message titled so."""
        return save_on_lane(self._lane, None, call, done,
                            lambda error: QMessageBox.warning(self, refused_title, describe(error)))

    def save_segment(self) -> None:
        name, definition = self.segment_name_edit.text(), self.definition()
        self._write(lambda: self._marketing.save_segment(name, definition), lambda _id: self._load_segments(),
                    self.tr("Segment not saved"))

    def _on_segment_list_item_clicked(self, item: QListWidgetItem) -> None:
        self.set_definition(item.data(ID_ROLE))

    def issue_coupon_to_segment(self) -> None:
        """Coupon dialog, then a confirmation naming the count; issued to the reachable customers only."""
        from ui.dialogs.coupon import CouponDialog

        definition = self.definition()
        try:
            counted = self._marketing.count(definition, self._today())
        except HuitoukeError as error:
            QMessageBox.warning(self, self.tr("No coupon issued"), describe(error))
            return
        if not counted.reachable:
            QMessageBox.information(self, self.tr("No coupon issued"),
                                    self.tr("Nobody in this segment can be reached."))
            return
        dialog = CouponDialog(self.tr("One coupon for each of the %1 reachable customers of this segment "
                                      "(%2 left out by the exclusions).").replace("%1", str(counted.reachable))
                              .replace("%2", str(counted.matched - counted.reachable)),
                              self._marketing.coupon_valid_days(), self._language, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        spec = dialog.spec()
        text = coupon_text(spec.kind, spec.value_cents, spec.threshold_cents, spec.discount_percent,
                           self._language)
        answer = QMessageBox.question(self, self.tr("Issue coupons"), self.tr("Issue a %1 to %2 customers?")
                                      .replace("%1", text).replace("%2", str(counted.reachable)))
        if answer != QMessageBox.StandardButton.Yes:
            return
        today, now = self._today(), self._now().replace(microsecond=0)

        def issued(count) -> None:
            self.count_label.setText(self.tr("%1 coupons issued.").replace("%1", str(count)))
            self.book_modified.emit()

        self._write(lambda: self._marketing.issue_coupon_to_segment(definition, spec, today, now), issued,
                    self.tr("No coupon issued"))

    def award_points_to_segment(self) -> None:
        """Points dialog for every customer the segment matches; the ledger lines carry the reason typed."""
        from ui.dialogs.segment_points import SegmentPointsDialog

        try:
            counted = self._marketing.count(self.definition(), self._today())
        except HuitoukeError as error:
            QMessageBox.warning(self, self.tr("No points awarded"), describe(error))
            return
        dialog = SegmentPointsDialog(self._marketing, self.definition(), counted.matched, self._today(),
                                     self._now().replace(microsecond=0), self, lane=self._lane)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.count_label.setText(self.tr("Points awarded to %1 customers.").replace("%1", str(dialog.awarded)))
            self.book_modified.emit()

    def open_loyalty_settings(self) -> None:
        from ui.dialogs.loyalty_settings import LoyaltySettingsDialog

        LoyaltySettingsDialog(self._marketing, self._today, self, lane=self._lane).exec()
        self.reload()
        self.book_modified.emit()

    # --- campaign -----------------------------------------------------------------------------------
    def _on_template_combo_changed(self) -> None:
        template = self.template_combo.currentData()
        self.body_edit.setPlainText(template.body if template else "")

    def edit_template(self) -> None:
        """Edit the chosen theme's text in the library (live preview); the message box takes the saved text."""
        from ui.dialogs.campaign_template import CampaignTemplateDialog

        template = self.template_combo.currentData()
        if template is None:
            return
        dialog = CampaignTemplateDialog(self._marketing, template, self.template_combo.currentText(), self,
                                        lane=self._lane)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._load_templates(force=True)

    def _show_campaign_coupon(self) -> None:
        spec = self.campaign_coupon
        self.coupon_button.setText(coupon_text(spec.kind, spec.value_cents, spec.threshold_cents,
                                               spec.discount_percent, self._language) + "…")

    def choose_campaign_coupon(self) -> None:
        from ui.dialogs.coupon import CouponDialog

        dialog = CouponDialog(self.tr("The coupon each customer of the campaign gets with the message ({coupon} "
                                      "in the template)."), self._marketing.coupon_valid_days(), self._language, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.campaign_coupon = dialog.spec()
            self.coupon_check.setChecked(True)
            self._show_campaign_coupon()

    def start_campaign(self) -> None:
        coupon = self.campaign_coupon if self.coupon_check.isChecked() else None
        args = (self.campaign_name_edit.text(), self.definition(), self.body_edit.toPlainText(), self._today(),
                self._today(), self._now().replace(microsecond=0), coupon, self._language)
        self._write(lambda: self._marketing.start_campaign(*args), self._campaign_written,
                    self.tr("Campaign not started"))

    def _campaign_written(self, campaign_id) -> None:
        self._load_campaigns(campaign_id)
        self.book_modified.emit()

    def _on_campaign_combo_changed(self) -> None:
        self._campaign_id = self.campaign_combo.currentData()
        self._load_queue()

    def _status_label(self, status: str) -> str:
        return {"queued": self.tr("to send"), "sent": self.tr("sent"), "skipped": self.tr("skipped"),
                "opted_out": self.tr("opted out")}.get(status, status)

    def _load_queue(self) -> None:
        rows = self._marketing.queue(self._campaign_id) if self._campaign_id else []
        masked = bool(rows) and self._marketing.phones_masked()
        self.queue_table.setRowCount(len(rows))
        for i, row in enumerate(rows):
            cells = [row.name, display_phone(row.phone, masked), row.message, self._status_label(row.status),
                     self.tr("yes") if row.sms_ok else self.tr("cannot receive SMS")]
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setData(ID_ROLE, row.customer_id)
                self.queue_table.setItem(i, column, item)
        first_queued = next((i for i, row in enumerate(rows) if row.status == "queued"), -1)
        if first_queued >= 0:
            self.queue_table.selectRow(first_queued)
        self._show_report()

    def _show_report(self) -> None:
        if not self._campaign_id:
            self.report_label.setText(self.tr("No campaign yet: build a segment, pick a template, start one."))
            return
        r = self._marketing.report(self._campaign_id)
        self.report_label.setText(
            self.tr("Targets %1 · contacted %2 · responders %3 (%4) · buyers %5 · revenue %6 · "
                    "average order %7 · conversion %8")
            .replace("%1", str(r.targets)).replace("%2", str(r.contacted)).replace("%3", str(r.responders))
            .replace("%4", f"{r.response_rate:.0%}").replace("%5", str(r.buyers))
            .replace("%6", labels.money(r.revenue_cents)).replace("%7", labels.money(r.aov_cents))
            .replace("%8", f"{r.conversion_rate:.0%}"))

    def _selected_customer(self) -> int | None:
        row = self.queue_table.currentRow()
        item = self.queue_table.item(row, 0) if row >= 0 else None
        return item.data(ID_ROLE) if item else None

    def copy_and_mark_sent(self) -> None:
        """Copy the selected member's message to the clipboard, mark it sent, move to the next one."""
        customer_id = self._selected_customer()
        if customer_id is None or self._campaign_id is None:
            return
        row = self.queue_table.currentRow()
        self.copied_note.copy(self.queue_table.item(row, 2).text())
        campaign_id, now = self._campaign_id, self._now().replace(microsecond=0)
        self._write(lambda: self._marketing.mark_sent(campaign_id, [customer_id], now),
                    lambda _result: self._campaign_written(campaign_id), self.tr("Not recorded"))

    def opt_out(self) -> None:
        customer_id = self._selected_customer()
        if customer_id is None:
            return
        campaign_id, now = self._campaign_id, self._now().replace(microsecond=0)
        self._write(lambda: self._marketing.opt_out(campaign_id, customer_id, now),
                    lambda _result: self._campaign_written(campaign_id), self.tr("Not recorded"))

    def export_sms(self) -> None:
        if self._campaign_id is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export for SMS"), "sms.xlsx",
                                              self.tr("Excel (*.xlsx);;CSV (*.csv)"))
        if path:
            self._marketing.export_sms(self._campaign_id, path)

    def export_report(self) -> None:
        if self._campaign_id is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export report"), "campaign.xlsx", self.tr("Excel (*.xlsx)"))
        if path:
            self._marketing.export_report([self._campaign_id], path)
