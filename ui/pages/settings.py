"""Settings page: display language (takes effect at the next start) and where the book lives."""

from collections.abc import Sequence

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import CHINESE, ENGLISH, LANGUAGE_KEY, SYSTEM, save_language
from ui.pages.base import Page
from ui.widgets.daily_habit_settings import DailyHabitBox


class SettingsPage(Page):
    """UI preferences kept in QSettings; business settings of the book are added by later issues."""

    language_changed = Signal(str)

    def __init__(self, settings: QSettings, book_path: str, sections: Sequence[QWidget] = (), parent=None):
        super().__init__(parent)
        self._settings = settings
        # The sections scroll: together they are taller than a laptop screen, and the page must not make
        # the main window grow past it.
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        content = QWidget()
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        layout = QVBoxLayout(content)
        appearance = QGroupBox(self.tr("Language"))
        form = QFormLayout(appearance)
        self.language_box = QComboBox()
        for code, label in ((SYSTEM, self.tr("Follow the system")), (CHINESE, "简体中文"), (ENGLISH, "English")):
            self.language_box.addItem(label, code)
        current = settings.value(LANGUAGE_KEY, SYSTEM)
        self.language_box.setCurrentIndex(max(0, self.language_box.findData(current)))
        self.language_box.currentIndexChanged.connect(self._on_language_box_current_index_changed)
        form.addRow(self.tr("Display language:"), self.language_box)
        self.restart_hint = QLabel(self.tr("The new language is used the next time Huitouke starts."))
        self.restart_hint.setVisible(False)
        form.addRow("", self.restart_hint)
        layout.addWidget(appearance)
        book = QGroupBox(self.tr("Book"))
        book_form = QFormLayout(book)
        path_label = QLabel(book_path)
        path_label.setWordWrap(True)
        book_form.addRow(self.tr("Book file:"), path_label)
        self.backups_button = QPushButton(self.tr("Backups…"))
        self.backups_button.setToolTip(self.tr("See the backups, back up now, check the book, restore a backup"))
        self.backups_button.clicked.connect(self._on_backups_button_clicked)
        backups_row = QHBoxLayout()  # a button of its own width, not stretched across the form
        backups_row.addWidget(self.backups_button)
        backups_row.addStretch(1)
        book_form.addRow("", backups_row)
        layout.addWidget(book)
        layout.addWidget(DailyHabitBox(settings))
        for section in sections:  # business settings of the book (reminders, …), one widget each
            layout.addWidget(section)
        layout.addStretch(1)

    def _on_backups_button_clicked(self) -> None:
        window = self.window()  # the main window owns the book's Backups dialog (ui.book_health)
        if hasattr(window, "backups_requested"):
            window.backups_requested.emit()

    def _on_language_box_current_index_changed(self, index: int) -> None:
        code = self.language_box.itemData(index)
        save_language(self._settings, code)
        self.restart_hint.setVisible(True)
        self.language_changed.emit(code)
