"""What an empty Today list says when the book has dormant or churned customers: why nothing is due for them
(their tasks expired: a task long overdue does, so imported history does not flood the list) and where to
find them (a button per stage opening the customer list filtered to it)."""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class LapsedNote(QWidget):
    """Hidden until `show_counts` gets a non-empty ((stage, customers), …); a button click emits
    `stage_requested(stage)`."""

    stage_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("lapsed_note")
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 8, 0, 0)
        self.text_label = QLabel()
        self.text_label.setWordWrap(True)
        box.addWidget(self.text_label)
        row = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for stage, text in (("churned", self.tr("Show churned customers")),
                            ("dormant", self.tr("Show dormant customers"))):
            button = QPushButton(text)
            button.setObjectName(f"lapsed_{stage}")
            button.clicked.connect(lambda _checked=False, s=stage: self.stage_requested.emit(s))
            row.addWidget(button)
            self.buttons[stage] = button
        row.addStretch(1)
        box.addLayout(row)
        self.hide()

    def show_counts(self, lapsed: tuple[tuple[str, int], ...]) -> None:
        counts = dict(lapsed)
        self.setVisible(bool(counts))
        if not counts:
            return
        parts = [self.tr("%1 churned").replace("%1", f"{counts['churned']:,}")] if counts.get("churned") else []
        if counts.get("dormant"):
            parts.append(self.tr("%1 dormant").replace("%1", f"{counts['dormant']:,}"))
        self.text_label.setText(self.tr(
            "%1 customers have not bought again for a long time, and their reminders expired: a task long "
            "overdue closes by itself, so imported history does not flood this list. Look them over, or win "
            "them back with a campaign on the Marketing page.")
            .replace("%1", self.tr(", ").join(parts)))
        for stage, button in self.buttons.items():
            button.setVisible(bool(counts.get(stage)))
