"""Reminder settings, a section of the Settings page: each kind on/off with its days and message template
(edited with a live preview), how Today opens, expiry and frequency cap, and suggested product cycles."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.errors import HuitoukeError
from core.reminders.kinds import ENGINE_KINDS, LISTED_KINDS
from ui.dialogs.lane_save import save_on_lane
from ui.text import reminders as words
from ui.text.errors import describe
from ui.widgets.error_label import error_label
from ui.widgets.template_editor import TemplateEditor

KIND_ROLE = Qt.ItemDataRole.UserRole


class ReminderSettingsWidget(QGroupBox):
    """Edits the book's "reminder." settings and message templates through a core ReminderService; with a
    `lane` (ui.book_lane.BookLane) every change is written there, in order, a refusal said in red below."""

    def __init__(self, reminders, today: Callable[[], dt.date] = dt.date.today, parent: QWidget | None = None,
                 lane=None):
        super().__init__(parent)
        self.setTitle(self.tr("Reminders and messages"))
        self._reminders, self._lane = reminders, lane
        self._today = today
        self._settings = reminders.settings()
        self._loading = False
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_general())
        row = QHBoxLayout()
        self.kind_list = QListWidget()
        self.kind_list.setObjectName("reminder_kinds")
        self.kind_list.setMaximumWidth(220)
        for kind in (k for k in LISTED_KINDS if k not in ("complaint", "review")):
            item = QListWidgetItem(words.kind_label(kind))
            item.setData(KIND_ROLE, kind)
            if kind in ENGINE_KINDS:
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                enabled = self._settings.get(f"reminder.{kind}.enabled", True)
                item.setCheckState(Qt.CheckState.Checked if enabled else Qt.CheckState.Unchecked)
            self.kind_list.addItem(item)
        self.kind_list.currentItemChanged.connect(self._on_kind_list_current_item_changed)
        self.kind_list.itemChanged.connect(self._on_kind_list_item_changed)
        row.addWidget(self.kind_list)
        row.addLayout(self._build_editor(), 1)
        layout.addLayout(row)
        layout.addWidget(self._build_cycles())
        self.error_label = error_label(self)
        layout.addWidget(self.error_label)
        self.kind_list.setCurrentRow(0)

    def _build_general(self) -> QFormLayout:
        form = QFormLayout()
        self.launch_box = QComboBox()
        self.launch_box.addItem(self.tr("as the first page"), "page")
        self.launch_box.addItem(self.tr("in a dialog over the window"), "dialog")
        self.launch_box.setCurrentIndex(max(0, self.launch_box.findData(self._settings["reminder.show_on_launch"])))
        self.launch_box.currentIndexChanged.connect(
            lambda _i: self._save("reminder.show_on_launch", self.launch_box.currentData()))
        form.addRow(self.tr("Show Today at start:"), self.launch_box)
        self.language_box = QComboBox()
        self.language_box.addItem("简体中文", "zh_CN")
        self.language_box.addItem("English", "en")
        self.language_box.setCurrentIndex(max(0, self.language_box.findData(self._settings["reminder.message_language"])))
        self.language_box.currentIndexChanged.connect(self._on_language_box_current_index_changed)
        form.addRow(self.tr("Language of the messages:"), self.language_box)
        self.expire_spin = self._spin("reminder.expire_after_days", 1, 365)
        self.expire_spin.setMaximumWidth(90)
        form.addRow(self.tr("Drop tasks overdue by more than (days):"), self.expire_spin)
        self.expire_notices_spin = self._spin("reminder.expire_notices_after_days", 1, 60)
        self.expire_notices_spin.setMaximumWidth(90)
        form.addRow(self.tr(
            "Drop unpaid-order reminders and notices (shipped, signed for, closed order, refund) after (days):"),
                    self.expire_notices_spin)
        self.birthday_week_spin = self._spin("reminder.birthday_week_days", 1, 31)
        self.birthday_week_spin.setMaximumWidth(90)
        form.addRow(self.tr("Birthday wishes stay in the list for (days from the birthday):"), self.birthday_week_spin)
        caps = QHBoxLayout()
        self.cap_spin = self._spin("reminder.cap_days", 1, 90)
        self.cap_loyal_spin = self._spin("reminder.cap_days_loyal", 1, 90)
        caps.addWidget(self.cap_spin)
        caps.addWidget(QLabel(self.tr("loyal customers:")))
        caps.addWidget(self.cap_loyal_spin)
        caps.addStretch(1)
        form.addRow(self.tr("At most one marketing message every (days):"), caps)
        return form

    def _spin(self, key: str, low: int, high: int) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(low, high)
        spin.setValue(int(self._settings[key]))
        spin.valueChanged.connect(lambda value, k=key: self._save(k, value))
        return spin

    def _build_editor(self) -> QVBoxLayout:
        box = QVBoxLayout()
        days_row = QHBoxLayout()
        self.days_label = QLabel(self.tr("Days:"))
        self.days_spin = QSpinBox()
        self.days_spin.setRange(0, 400)
        self.days_spin.valueChanged.connect(self._on_days_spin_value_changed)
        self.days_list_edit = QLineEdit()
        self.days_list_edit.setPlaceholderText("7, 1")
        self.days_list_edit.editingFinished.connect(self._on_days_list_edit_editing_finished)
        self.days_hint = QLabel()
        self.days_hint.setWordWrap(True)
        for widget in (self.days_label, self.days_spin, self.days_list_edit):
            days_row.addWidget(widget)
        days_row.addWidget(self.days_hint, 1)
        box.addLayout(days_row)
        self.template_editor = TemplateEditor(self._settings["reminder.message_language"])
        box.addWidget(self.template_editor)
        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Save template"))
        self.save_button.clicked.connect(self.save_template)
        self.reset_button = QPushButton(self.tr("Back to our text"))
        self.reset_button.clicked.connect(self.reset_template)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.reset_button)
        buttons.addStretch(1)
        box.addLayout(buttons)
        return box

    def _build_cycles(self) -> QWidget:
        group = QGroupBox(self.tr("Suggested product cycles (from at least 5 real repurchase intervals)"))
        box = QVBoxLayout(group)
        self.cycles_tree = QTreeWidget()
        self.cycles_tree.setHeaderLabels([self.tr("Product"), self.tr("Cycle now"), self.tr("Suggested"),
                                          self.tr("Intervals")])
        self.cycles_tree.setRootIsDecorated(False)
        self.cycles_tree.setMaximumHeight(140)
        row = QHBoxLayout()
        check = QPushButton(self.tr("Check"))
        check.clicked.connect(self.load_suggestions)
        self.adopt_button = QPushButton(self.tr("Adopt the suggestion"))
        self.adopt_button.clicked.connect(self.adopt_suggestion)
        row.addWidget(check)
        row.addWidget(self.adopt_button)
        row.addStretch(1)
        box.addWidget(self.cycles_tree)
        box.addLayout(row)
        return group

    # --- kinds and templates -----------------------------------------------------------------------
    def current_kind(self) -> str:
        item = self.kind_list.currentItem()
        return item.data(KIND_ROLE) if item else "repurchase"

    def language(self) -> str:
        return self.language_box.currentData()

    def _on_kind_list_current_item_changed(self, _current, _previous) -> None:
        kind = self.current_kind()
        self._loading = True
        days = self._settings.get(f"reminder.{kind}.days")
        is_list = isinstance(days, list)
        self.days_spin.setVisible(days is not None and not is_list)
        self.days_list_edit.setVisible(is_list)
        self.days_label.setVisible(days is not None)
        if is_list:
            self.days_list_edit.setText(", ".join(str(d) for d in days))
        elif days is not None:
            self.days_spin.setValue(int(days))
        self.days_hint.setText(words.translated(words.DAYS_HINTS[kind]) if kind in words.DAYS_HINTS else "")
        body = next((t.body for t in self._reminders.templates(self.language()) if t.kind == kind), "")
        self.template_editor.set_text(body)
        self._loading = False

    def _on_kind_list_item_changed(self, item: QListWidgetItem) -> None:
        kind = item.data(KIND_ROLE)
        if kind in ENGINE_KINDS and not self._loading:
            self._save(f"reminder.{kind}.enabled", item.checkState() == Qt.CheckState.Checked)

    def _on_days_spin_value_changed(self, value: int) -> None:
        if not self._loading:
            self._save(f"reminder.{self.current_kind()}.days", value)

    def _on_days_list_edit_editing_finished(self) -> None:
        values = sorted({int(p) for p in self.days_list_edit.text().replace("，", ",").split(",")
                         if p.strip().isdigit()}, reverse=True)
        if values:
            self._save(f"reminder.{self.current_kind()}.days", values)

    def _on_language_box_current_index_changed(self, _index: int) -> None:
        self._save("reminder.message_language", self.language())
        self.template_editor.set_language(self.language())
        self._on_kind_list_current_item_changed(None, None)

    def _write(self, call: Callable[[], object], done: Callable[[object], None] = lambda _result: None,
               button: QPushButton | None = None) -> None:
        """One write, on the lane if any; ``done(result)`` on the GUI thread after it."""
        self.error_label.clear()
        save_on_lane(self._lane, button, call, done, self._refused)

    def _refused(self, exc: HuitoukeError) -> None:
        self.error_label.setText(describe(exc))

    def save_template(self) -> None:
        kind, language, text = self.current_kind(), self.language(), self.template_editor.text()
        self._write(lambda: self._reminders.save_template(kind, language, text), button=self.save_button)

    def reset_template(self) -> None:
        kind, language = self.current_kind(), self.language()

        def reset(dto) -> None:  # the text shown only if the seller is still on that template
            if (self.current_kind(), self.language()) == (kind, language):
                self.template_editor.set_text(dto.body)

        self._write(lambda: self._reminders.reset_template(kind, language), reset, self.reset_button)

    def _save(self, key: str, value) -> None:
        self._settings[key] = value
        self._write(lambda: self._reminders.set_setting(key, value))

    # --- suggested cycles --------------------------------------------------------------------------
    def load_suggestions(self) -> None:
        self.cycles_tree.clear()
        for s in self._reminders.suggested_cycles():
            item = QTreeWidgetItem(self.cycles_tree, [s.product, str(s.cycle_days or "—"), str(s.suggested_days),
                                                      str(s.intervals)])
            item.setData(0, KIND_ROLE, (s.product_id, s.suggested_days))

    def adopt_suggestion(self) -> None:
        item = self.cycles_tree.currentItem()
        if item is None:
            return
        product_id, days = item.data(0, KIND_ROLE)

        def adopted(_result) -> None:  # found again: the list may have been read anew meanwhile
            for row in range(self.cycles_tree.topLevelItemCount()):
                shown = self.cycles_tree.topLevelItem(row)
                if shown.data(0, KIND_ROLE)[0] == product_id:
                    shown.setText(1, str(days))

        self._write(lambda: self._reminders.adopt_cycle(product_id, days), adopted, self.adopt_button)

