"""Tags shown as removable chips, with a completing line edit to add more."""

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import QCompleter, QLineEdit, QToolButton, QWidget

from ui.widgets.flow_layout import FlowLayout

TAG_SEPARATORS = "，,、;；/ "


class TagChipsWidget(QWidget):
    """Edits a list of tag names. Typing a separator or Enter turns the text into chips; the completer
    offers the book's existing tags. ``tags_changed`` is emitted whenever the list changes."""

    tags_changed = Signal()

    def __init__(self, known_tags: list[str], parent=None):
        super().__init__(parent)
        self._tags: list[str] = []
        self._layout = FlowLayout(self, spacing=4)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.editor = QLineEdit()
        self.editor.setPlaceholderText(self.tr("Add a tag…"))
        self.editor.setMinimumWidth(120)
        self.editor.setFrame(False)
        completer = QCompleter(QStringListModel(known_tags, self), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.activated.connect(self._on_completer_activated)
        self.editor.setCompleter(completer)
        self.editor.returnPressed.connect(self._on_editor_return_pressed)
        self.editor.textEdited.connect(self._on_editor_text_edited)
        self._layout.addWidget(self.editor)

    def tags(self) -> tuple[str, ...]:
        """The tags, including text typed but not yet turned into a chip."""
        pending = [t for t in _split(self.editor.text()) if t not in self._tags]
        return tuple(self._tags + pending)

    def set_tags(self, tags) -> None:
        while self._layout.count() > 1:  # the editor is always last
            self._layout.takeAt(0).widget().deleteLater()
        self._tags = []
        for tag in tags:
            self.add_tag(tag, emit=False)

    def add_tag(self, name: str, emit: bool = True) -> None:
        name = name.strip()
        if not name or name in self._tags:
            return
        self._tags.append(name)
        chip = QToolButton()
        chip.setObjectName("tag_chip")
        chip.setText(f"{name}  ×")
        chip.setToolTip(self.tr("Remove the tag %1").replace("%1", name))
        chip.setAutoRaise(False)
        chip.clicked.connect(lambda: self.remove_tag(name))
        self._layout.insertWidget(self._layout.count() - 1, chip)
        if emit:
            self.tags_changed.emit()

    def remove_tag(self, name: str) -> None:
        if name not in self._tags:
            return
        index = self._tags.index(name)
        self._tags.remove(name)
        chip = self._layout.itemAt(index).widget()
        self._layout.removeWidget(chip)
        chip.deleteLater()
        self.tags_changed.emit()

    def commit_pending(self) -> None:
        """Turn the text typed in the editor into chips."""
        for name in _split(self.editor.text()):
            self.add_tag(name)
        self.editor.clear()

    def _on_editor_return_pressed(self) -> None:
        self.commit_pending()

    def _on_completer_activated(self, text: str) -> None:
        self.add_tag(text)
        self.editor.clear()

    def _on_editor_text_edited(self, text: str) -> None:
        if text and text[-1] in TAG_SEPARATORS:
            self.commit_pending()


def _split(text: str) -> list[str]:
    for separator in TAG_SEPARATORS[1:]:
        text = text.replace(separator, TAG_SEPARATORS[0])
    return [part.strip() for part in text.split(TAG_SEPARATORS[0]) if part.strip()]
