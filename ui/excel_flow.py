"""Ctrl+O / drag-and-drop import and Ctrl+E export for the main window (the import and export dialogs)."""

from PySide6.QtCore import QObject, Signal

from ui.i18n import chosen_language


class ExcelFlow(QObject):
    """Opens the import and export dialogs for a session; ``book_changed`` after an import or undo."""

    book_changed = Signal()

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self._session = session
        self.window = None  # the main window, parent of the dialogs

    def language(self) -> str:
        return chosen_language(self._session.settings)

    def import_file(self, path: str | None) -> None:
        from ui.dialogs.import_dialog import ImportDialog  # the readers and the importer: not at launch

        dialog = ImportDialog(self._session.book, self._session.tasks, path, self.language(), parent=self.window,
                              lane=self._session.lane)
        dialog.book_changed.connect(self.book_changed)
        dialog.exec()

    def export(self) -> None:
        from ui.dialogs.export_dialog import ExportDialog

        ExportDialog(self._session.book, self._session.tasks, self.language(), self._session.today(),
                     parent=self.window).exec()
