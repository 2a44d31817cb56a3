"""A combo box whose items are tick boxes: pick any number of values; the closed box lists the ticked ones."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QWidget

VALUE_ROLE = Qt.ItemDataRole.UserRole


class MultiSelectCombo(QComboBox):
    """Items (value, text) with tick boxes; clicking an item ticks it without closing the list.

    `checked_values()` lists the ticked values in item order; nothing ticked reads as `empty_text`
    (e.g. "(any)"). `selection_changed` follows every change of the ticks.
    """

    selection_changed = Signal()

    def __init__(self, empty_text: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._empty_text = empty_text
        self._model = QStandardItemModel(self)
        self.setModel(self._model)
        self.setEditable(True)
        self.lineEdit().setReadOnly(True)
        self.lineEdit().installEventFilter(self)
        self.view().pressed.connect(self._on_view_pressed)
        self.view().viewport().installEventFilter(self)
        self._model.itemChanged.connect(self._on_model_item_changed)
        self._show_text()

    def set_items(self, items: list[tuple[object, str]]) -> None:
        """Replace the items, keeping the ticks of values that are still offered."""
        keep = set(self.checked_values())
        self._model.blockSignals(True)
        self._model.clear()
        for value, text in items:
            item = QStandardItem(text)
            item.setData(value, VALUE_ROLE)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if value in keep else Qt.CheckState.Unchecked)
            self._model.appendRow(item)
        self._model.blockSignals(False)
        self._show_text()

    def checked_values(self) -> list:
        return [item.data(VALUE_ROLE) for item in self._items() if item.checkState() == Qt.CheckState.Checked]

    def set_checked(self, values) -> None:
        """Tick exactly these values (unknown ones are ignored)."""
        wanted = set(values or ())
        self._model.blockSignals(True)
        for item in self._items():
            item.setCheckState(Qt.CheckState.Checked if item.data(VALUE_ROLE) in wanted else Qt.CheckState.Unchecked)
        self._model.blockSignals(False)
        self._show_text()
        self.selection_changed.emit()

    def _items(self) -> list[QStandardItem]:
        return [self._model.item(row) for row in range(self._model.rowCount())]

    def _on_view_pressed(self, index: QModelIndex) -> None:
        item = self._model.itemFromIndex(index)
        checked = item.checkState() == Qt.CheckState.Checked
        item.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)

    def _on_model_item_changed(self, _item: QStandardItem) -> None:
        self._show_text()
        self.selection_changed.emit()

    def _show_text(self) -> None:
        texts = [item.text() for item in self._items() if item.checkState() == Qt.CheckState.Checked]
        text = ", ".join(texts) if texts else self._empty_text
        self.lineEdit().setText(text)
        self.lineEdit().setCursorPosition(0)
        self.setToolTip(text)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A click on the text opens the list; a release inside the list must not close it."""
        if watched is self.lineEdit() and event.type() == QEvent.Type.MouseButtonRelease:
            self.showPopup()
            return True
        if watched is self.view().viewport() and event.type() == QEvent.Type.MouseButtonRelease:
            return True
        return super().eventFilter(watched, event)

    def hidePopup(self) -> None:
        super().hidePopup()
        self._show_text()  # QComboBox writes the current item's text into the line edit on closing
