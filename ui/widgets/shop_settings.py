"""Settings section "My shop": the shop's name (the {shop} of the messages), the platforms it sells on, the
good hours to contact customers and how many tasks a day the Today list holds. Also the body of the
first-run step (ShopSetupDialog). Saved through core.shop.ShopService; a refused value is explained in red
and nothing is stored."""

from __future__ import annotations

import datetime as dt
import logging

from PySide6.QtCore import QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from core.book.models import PLATFORM_VALUES
from core.errors import HuitoukeError
from core.shop import MAX_CAPACITY, MAX_SHOP_NAME, MAX_WINDOWS, ShopProfile
from ui.dialogs.lane_save import save_on_lane
from ui.text import labels
from ui.text.errors import describe
from ui.widgets.error_label import error_label
from ui.widgets.flow_layout import FlowLayout

log = logging.getLogger(__name__)


def _qtime(value: dt.time) -> QTime:
    return QTime(value.hour, value.minute)


def _time(value: QTime) -> dt.time:
    return dt.time(value.hour(), value.minute())


class ShopSettingsSection(QGroupBox):
    """Edits My shop through `shop` (a core ShopService). `saved` carries the stored ShopProfile."""

    saved = Signal(object)

    def __init__(self, shop, parent: QWidget | None = None, profile=None, lane=None):
        """`profile`: the stored ShopProfile when the caller read it already (off the GUI thread); with a
        `lane` (ui.book_lane.BookLane) Save runs there, the button disabled meanwhile."""
        super().__init__(self.tr("My shop"), parent)
        self.setObjectName("shop_settings")
        self._shop, self._lane = shop, lane
        profile = profile if profile is not None else shop.profile()
        form = QFormLayout(self)
        self.name_edit = QLineEdit(profile.name)
        self.name_edit.setMaxLength(MAX_SHOP_NAME)
        self.name_edit.setPlaceholderText(self.tr("e.g. Little Bee Farm"))
        form.addRow(self.tr("Shop name:"), self.name_edit)
        self.name_hint = QLabel(self.tr("Used for {shop} in your messages; while it is empty they say “our shop”."))
        self.name_hint.setWordWrap(True)
        self.name_hint.setEnabled(False)
        form.addRow("", self.name_hint)
        platforms = QWidget()
        flow = FlowLayout(platforms)
        self.platform_boxes: dict[str, QCheckBox] = {}
        for code in PLATFORM_VALUES:
            box = QCheckBox(labels.label(labels.PLATFORMS, code))
            box.setChecked(code in profile.platforms)
            flow.addWidget(box)
            self.platform_boxes[code] = box
        form.addRow(self.tr("Where you sell:"), platforms)
        windows = QWidget()
        self.windows_box = QVBoxLayout(windows)
        self.windows_box.setContentsMargins(0, 0, 0, 0)
        self.window_rows: list[tuple[QWidget, QTimeEdit, QTimeEdit]] = []
        for start, end in profile.contact_windows:
            self.add_window(start, end)
        self.add_window_button = QPushButton(self.tr("Add a time"))
        self.add_window_button.clicked.connect(lambda: self.add_window(dt.time(20), dt.time(22)))
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_window_button)
        add_row.addStretch(1)
        self.windows_box.addLayout(add_row)
        form.addRow(self.tr("Good times to contact customers:"), windows)
        capacity_row = QHBoxLayout()
        self.capacity_spin = QSpinBox()
        self.capacity_spin.setRange(1, MAX_CAPACITY)
        self.capacity_spin.setValue(profile.daily_capacity)
        capacity_row.addWidget(self.capacity_spin)
        capacity_row.addWidget(QLabel(self.tr("tasks a day (the most important first; the rest one click away)")))
        capacity_row.addStretch(1)
        form.addRow(self.tr("Today's list holds:"), capacity_row)
        self.error = error_label()
        form.addRow(self.error)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.clicked.connect(self.save)
        self.status_label = QLabel()
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.status_label, 1)
        form.addRow(buttons)
        self._update_add_button()

    def add_window(self, start: dt.time, end: dt.time) -> None:
        """One more contact window row (at most MAX_WINDOWS)."""
        if len(self.window_rows) >= MAX_WINDOWS:
            return
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        begin, finish = QTimeEdit(_qtime(start)), QTimeEdit(_qtime(end))
        for edit in (begin, finish):
            edit.setDisplayFormat("HH:mm")
        remove = QPushButton(self.tr("Remove"))
        remove.clicked.connect(lambda: self._remove_window(row))
        line.addWidget(begin)
        line.addWidget(QLabel("–"))
        line.addWidget(finish)
        line.addWidget(remove)
        line.addStretch(1)
        self.windows_box.insertWidget(len(self.window_rows), row)
        self.window_rows.append((row, begin, finish))
        self._update_add_button()

    def _remove_window(self, row: QWidget) -> None:
        self.window_rows = [r for r in self.window_rows if r[0] is not row]
        row.deleteLater()
        self._update_add_button()

    def _update_add_button(self) -> None:
        if hasattr(self, "add_window_button"):
            self.add_window_button.setEnabled(len(self.window_rows) < MAX_WINDOWS)

    def profile(self) -> ShopProfile:
        """What the form holds."""
        return ShopProfile(
            name=self.name_edit.text(),
            platforms=tuple(code for code, box in self.platform_boxes.items() if box.isChecked()),
            contact_windows=tuple((_time(a.time()), _time(b.time())) for _row, a, b in self.window_rows),
            daily_capacity=self.capacity_spin.value(),
        )

    def save(self) -> bool:
        """Store the form; False (with the reason in red, nothing stored) when a value is refused, and while
        it saves on the lane (``saved`` follows)."""
        profile = self.profile()
        return save_on_lane(self._lane, self.save_button, lambda: self._shop.save(profile), self._stored,
                            self._refused)

    def _refused(self, exc: HuitoukeError) -> None:
        self.error.setText(describe(exc))
        self.status_label.setText("")

    def _stored(self, stored: ShopProfile) -> None:
        self.error.setText("")
        self.name_edit.setText(stored.name)
        self.status_label.setText(self.tr("Saved."))
        self.saved.emit(stored)


class ShopSetupDialog(QDialog):
    """The first-run step: My shop, with "Later" (asked once: either answer marks it done)."""

    def __init__(self, shop, parent: QWidget | None = None, profile=None, lane=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Welcome — your shop"))
        self._shop, self._lane = shop, lane
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Tell Huitouke a little about your shop. Your messages use the shop name, and "
                               "Today suggests contacts in your good hours, as many as you can handle in a day. "
                               "You can change all of it later in Settings → My shop."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.section = ShopSettingsSection(shop, profile=profile, lane=lane)
        self.section.save_button.setText(self.tr("Save and start"))
        self.section.saved.connect(lambda _profile: self.accept())
        layout.addWidget(self.section)
        self.later_button = QPushButton(self.tr("Later"))
        self.later_button.clicked.connect(self.later)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.later_button)
        layout.addLayout(row)
        layout.addStretch(1)

    def later(self) -> None:
        """Mark the step answered (on the lane if any) and close."""
        if self._lane is not None:
            self._lane.save(self._shop.skip_setup,  # a refusal (a damaged book) is logged: the step is asked again
                            on_error=lambda exc: log.warning("first-run step not marked answered: %s",
                                                             getattr(exc, "code", type(exc).__name__)))
        else:
            self._shop.skip_setup()
        self.reject()


def ask_for_shop_once(window, shop, profile=None, lane=None) -> ShopSetupDialog | None:
    """Open the first-run step over `window` when the book has no shop name and the step was never answered
    (`profile`: the shop's profile when the caller read it already — off the GUI thread —, else read here)."""
    profile = profile if profile is not None else shop.profile()
    if profile.setup_done or profile.name:
        return None
    dialog = ShopSetupDialog(shop, window, profile, lane=lane)
    dialog.open()
    return dialog
