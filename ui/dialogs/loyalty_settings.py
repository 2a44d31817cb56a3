"""Loyalty settings: the member levels (name, rank, spend and purchase-days thresholds, member discount) with
add / edit / delete, and the points rules (per yuan spent, per yuan redeemed, joining, photo review,
referral). One widget, in a dialog opened from the Marketing page and from the Settings page's section."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.marketing.levels import LevelDTO
from ui.dialogs.lane_save import said_in, save_form, save_on_lane
from ui.text.labels import money
from ui.widgets.error_label import error_label, save_cancel_footer
from ui.widgets.inputs import MoneyEdit

ID_ROLE = Qt.ItemDataRole.UserRole


class LevelDialog(QDialog):
    """Adds (level None) or edits a member level through MarketingService.save_level, which recomputes every
    customer's level; `upgrades` then holds how many customers moved up (each got a congratulate task)."""

    def __init__(self, marketing, today: Callable[[], dt.date], level: LevelDTO | None = None,
                 next_rank: int = 1, parent=None, lane=None):
        """With a `lane` (ui.book_lane.BookLane) the save (every customer's level recomputed) runs there."""
        super().__init__(parent)
        self._marketing, self._today, self._level, self._lane = marketing, today, level, lane
        self.upgrades = 0
        self.setWindowTitle(self.tr("Member level") if level else self.tr("New member level"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.name_edit = QLineEdit(level.name if level else "")
        self.name_edit.setPlaceholderText(self.tr("e.g. 银卡会员"))
        self.rank_spin = QSpinBox()
        self.rank_spin.setRange(0, 99)
        self.rank_spin.setValue(level.rank if level else next_rank)
        self.spend_check = QCheckBox(self.tr("Total spend reaches"))
        self.spend_edit = MoneyEdit()
        self.days_check = QCheckBox(self.tr("Purchase days reach"))
        self.days_spin = QSpinBox()
        self.days_spin.setRange(1, 9999)
        self.discount_spin = QSpinBox()
        self.discount_spin.setRange(0, 100)
        self.discount_spin.setSuffix(" %")
        self.discount_spin.setValue(level.discount_percent if level else 100)
        if level is not None and level.min_spend_cents is not None:
            self.spend_check.setChecked(True)
            self.spend_edit.set_cents(level.min_spend_cents)
        if level is not None and level.min_purchases is not None:
            self.days_check.setChecked(True)
            self.days_spin.setValue(level.min_purchases)
        form.addRow(self.tr("Name:"), self.name_edit)
        form.addRow(self.tr("Rank (higher wins):"), self.rank_spin)
        form.addRow(self.spend_check, self.spend_edit)
        form.addRow(self.days_check, self.days_spin)
        form.addRow(self.tr("Members pay (% of the price):"), self.discount_spin)
        layout.addLayout(form)
        hint = QLabel(self.tr("A customer gets the highest-ranked level whose spend or purchase-days threshold "
                              "they reach. Moving up creates a “congratulate” task on the Today list."))
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.error_label, buttons = save_cancel_footer(self, layout)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)

    def save(self) -> bool:
        call = functools.partial(
            self._marketing.save_level, self.name_edit.text(), self.rank_spin.value(), self._today(),
            min_spend_cents=self.spend_edit.cents() if self.spend_check.isChecked() else None,
            min_purchases=self.days_spin.value() if self.days_check.isChecked() else None,
            discount_percent=self.discount_spin.value(), level_id=self._level.id if self._level else None)
        return save_form(self._lane, self, self.save_button, self.error_label, call, self._saved)

    def _saved(self, upgrades: int) -> None:
        self.upgrades = upgrades


class LoyaltySettingsWidget(QGroupBox):
    """Member levels and points rules of the book, edited through a core MarketingService.

    `levels_changed` follows every saved or deleted level (customers' levels were recomputed).
    """

    levels_changed = Signal()

    def __init__(self, marketing, today: Callable[[], dt.date] = dt.date.today, parent: QWidget | None = None,
                 lane=None):
        """With a `lane` (ui.book_lane.BookLane) the levels are saved and deleted there, the points rules
        stored there."""
        super().__init__(parent)
        self.setTitle(self.tr("Member levels and points"))
        self._marketing, self._today, self._lane = marketing, today, lane
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Member levels")))
        self.levels_table = QTableWidget(0, 5)
        self.levels_table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Rank"), self.tr("Spend from"),
                                                     self.tr("Purchase days from"), self.tr("Members pay")])
        self.levels_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.levels_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.levels_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.levels_table.verticalHeader().setVisible(False)
        self.levels_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.levels_table.setMinimumHeight(140)
        self.levels_table.doubleClicked.connect(lambda _index: self.edit_level())
        layout.addWidget(self.levels_table)
        row = QHBoxLayout()
        for text, slot in ((self.tr("Add level…"), self.add_level), (self.tr("Edit…"), self.edit_level),
                           (self.tr("Delete"), self.delete_level)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            row.addWidget(button)
        self.status_label = QLabel()
        row.addWidget(self.status_label, 1)
        layout.addLayout(row)
        layout.addWidget(QLabel(self.tr("Points rules")))
        layout.addLayout(self._build_points())
        self.error_label = error_label()
        layout.addWidget(self.error_label)
        self.load_levels()

    def _build_points(self) -> QFormLayout:
        form = QFormLayout()
        rules = self._marketing.points_rules()
        self.points_spins: dict[str, QSpinBox] = {}
        for key, caption in (
            ("marketing.points_per_yuan", self.tr("Points per yuan spent:")),
            ("marketing.points_per_yuan_redeemed", self.tr("Points worth ¥1 when redeemed:")),
            ("marketing.points_join", self.tr("Points for joining:")),
            ("marketing.points_photo_review", self.tr("Points for a photo review:")),
            ("marketing.points_referral", self.tr("Points for a referral:")),
        ):
            spin = QSpinBox()
            spin.setRange(0, 100_000)
            spin.setValue(rules[key])
            spin.setMaximumWidth(120)
            spin.valueChanged.connect(lambda value, k=key: self._save_rule(k, value))
            self.points_spins[key] = spin
            form.addRow(caption, spin)
        return form

    def _save_rule(self, key: str, value: int) -> None:
        """Store one points rule, on the lane if any (changes written in order); a refusal said in red."""
        save_on_lane(self._lane, None, functools.partial(self._marketing.set_points_rule, key, value),
                     lambda _result: self.error_label.setText(""), said_in(self.error_label))

    # --- levels -----------------------------------------------------------------------------------
    def load_levels(self) -> None:
        self._levels = self._marketing.levels()
        self.levels_table.setRowCount(len(self._levels))
        for row, level in enumerate(self._levels):
            cells = (level.name, str(level.rank),
                     money(level.min_spend_cents) if level.min_spend_cents is not None else "—",
                     str(level.min_purchases) if level.min_purchases is not None else "—",
                     f"{level.discount_percent} %")
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(ID_ROLE, level.id)
                self.levels_table.setItem(row, column, item)

    def current_level(self) -> LevelDTO | None:
        row = self.levels_table.currentRow()
        return self._levels[row] if 0 <= row < len(self._levels) else None

    def add_level(self) -> None:
        next_rank = max((lv.rank for lv in self._levels), default=0) + 1
        self._run(LevelDialog(self._marketing, self._today, None, next_rank, self, lane=self._lane))

    def edit_level(self) -> None:
        level = self.current_level()
        if level is not None:
            self._run(LevelDialog(self._marketing, self._today, level, parent=self, lane=self._lane))

    def _run(self, dialog: LevelDialog) -> None:
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.status_label.setText(self.tr("Saved; %1 customers moved up.").replace("%1", str(dialog.upgrades)))
            self.load_levels()
            self.levels_changed.emit()

    def delete_level(self) -> None:
        level = self.current_level()
        if level is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Delete member level"),
            self.tr("Delete the level “%1”? Its members move to the highest level they still reach.")
            .replace("%1", level.name))
        if answer != QMessageBox.StandardButton.Yes:
            return
        save_on_lane(self._lane, None, functools.partial(self._marketing.delete_level, level.id), self._deleted,
                     said_in(self.error_label))

    def _deleted(self, moved: int) -> None:
        self.status_label.setText(self.tr("Deleted; %1 customers changed level.").replace("%1", str(moved)))
        self.load_levels()
        self.levels_changed.emit()


class LoyaltySettingsDialog(QDialog):
    """The loyalty settings in a window of their own (changes are saved as they are made)."""

    def __init__(self, marketing, today: Callable[[], dt.date], parent=None, lane=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Member levels and points"))
        self.resize(640, 560)
        layout = QVBoxLayout(self)
        self.settings_widget = LoyaltySettingsWidget(marketing, today, lane=lane)
        layout.addWidget(self.settings_widget)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.accept)
        layout.addWidget(buttons)


class LoyaltySettingsSection(QGroupBox):
    """The Settings page's loyalty part: levels and points rules in one line, a button to the dialog."""

    def __init__(self, marketing, today: Callable[[], dt.date] = dt.date.today, parent=None, lane=None):
        super().__init__(parent)
        self._marketing, self._today, self._lane = marketing, today, lane
        self.setTitle(self.tr("Member levels and points"))
        row = QHBoxLayout(self)
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        row.addWidget(self.summary_label, 1)
        change = QPushButton(self.tr("Change…"))
        change.clicked.connect(self._on_change_clicked)
        row.addWidget(change)
        self.show_summary()

    def show_summary(self) -> None:
        names = "、".join(level.name for level in self._marketing.levels()) or self.tr("no member levels")
        rules = self._marketing.points_rules()
        self.summary_label.setText(
            self.tr("%1 · %2 points per yuan spent · %3 points = ¥1 when redeemed")
            .replace("%1", names).replace("%2", str(rules["marketing.points_per_yuan"]))
            .replace("%3", str(rules["marketing.points_per_yuan_redeemed"])))

    def _on_change_clicked(self) -> None:
        LoyaltySettingsDialog(self._marketing, self._today, self, lane=self._lane).exec()
        self.show_summary()
