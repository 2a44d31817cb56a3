"""The import dialog: pick a file and its sheets, correct the column mapping, preview, import with progress."""

import datetime as dt
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.errors import HuitoukeError
from core.excel.analysis import (
    LoadedFile,
    TableChoice,
    choose,
    count_data_rows,
    kept_headers,
    lacks_product_column,
    load_file,
    preview,
    remembered_mappings,
)
from core.excel.cleaning import clean_text
from core.excel.export import write_template
from core.excel.importer import ImportOptions, ImportResult, run_import
from core.excel.mapping import FIELDS, header_signature, normalise_header
from core.excel.presets import PRESETS
from ui.dialogs.import_summary import ImportSummary
from ui.tasks import Task, report_unhandled
from ui.text.excel import field_label, preset_label, problem_text, refusal_text

SPREADSHEET_FILTER = "*.xlsx *.xls *.xlsm *.ods *.et *.csv *.txt"
PREVIEW_ROWS = 20
_ERROR_BRUSH = QBrush(QColor(255, 228, 228))
_FIELD_ORDER = ["", *FIELDS]


def _read_file(book, path: str) -> tuple[LoadedFile, dict[str, tuple[str, dict[str, str]]]]:
    """On a worker thread: the file read, and the mappings the seller corrected before for its tables."""
    loaded = load_file(path)
    tables = [table for file in (loaded, *loaded.companions) for table in file.tables]
    with book.session() as session:
        return loaded, remembered_mappings(session, [header_signature(table.headers) for table in tables])


class ImportDialog(QDialog):
    """Import one spreadsheet into the book.

    ``book`` is a core.book.db.Book, ``tasks`` a ui.tasks.TaskRunner; reading and importing run on it, so the
    window stays responsive and the import can be cancelled (the book is then unchanged).
    ``book_changed`` is emitted after an import or an undo wrote to the book.
    """

    book_changed = Signal()

    def __init__(self, book, tasks, path: str | None = None, language: str = "zh_CN", parent=None, lane=None):
        """With a `lane` (ui.book_lane.BookLane) the import runs as its job, a chunk per write turn (a save
        waits for one chunk at most), and an undo is one of its saves."""
        super().__init__(parent)
        self._book, self._tasks, self._language, self._lane = book, tasks, language, lane
        self._loaded: LoadedFile | None = None
        self._choices: dict[str, TableChoice] = {}
        self._presets: dict[str, str] = {}
        self._overrides: dict[str, dict[str, str]] = {}
        self._task = None
        self._counts: dict[str, Task] = {}  # the row count under way, by sheet
        self.result: ImportResult | None = None
        self.setWindowTitle(self.tr("Import customers and orders"))
        self.setAcceptDrops(True)
        self.pages = QStackedWidget()
        self.pages.addWidget(self._build_setup_page())
        self.pages.addWidget(self._build_progress_page())
        self.summary = ImportSummary(book, language, lane)
        self.summary.back_requested.connect(lambda: self.pages.setCurrentIndex(0))
        self.summary.import_now_requested.connect(lambda: self.start_import(dry_run=False))
        self.summary.done_requested.connect(self.accept)
        self.summary.book_changed.connect(self.book_changed)
        self.pages.addWidget(self.summary)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        self.resize(1100, 660)  # fits a 1366×768 laptop (ui.widgets.fit)
        if path:
            self.open_file(path)

    # --- construction -------------------------------------------------------------------------------
    def _build_setup_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        top = QHBoxLayout()
        self.file_label = QLabel(self.tr("Choose an Excel or CSV file, or drop one here."))
        self.file_label.setWordWrap(True)
        choose_button = QPushButton(self.tr("Choose file…"))
        choose_button.clicked.connect(self._on_choose_button_clicked)
        template_button = QPushButton(self.tr("Save blank template…"))
        template_button.clicked.connect(self._on_template_button_clicked)
        history_button = QPushButton(self.tr("Import history…"))
        history_button.clicked.connect(self._on_history_button_clicked)
        top.addWidget(self.file_label, 1)
        top.addWidget(choose_button)
        top.addWidget(template_button)
        top.addWidget(history_button)
        layout.addLayout(top)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel(self.tr("Sheets to import")))
        self.sheet_list = QListWidget()
        self.sheet_list.currentRowChanged.connect(self._on_sheet_list_current_row_changed)
        self.sheet_list.itemChanged.connect(self._on_sheet_list_item_changed)
        left_layout.addWidget(self.sheet_list)
        splitter.addWidget(left)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        preset_row = QHBoxLayout()
        preset_row.addWidget(QLabel(self.tr("This sheet is")))
        self.preset_combo = QComboBox()
        for key in PRESETS:
            self.preset_combo.addItem(preset_label(key), key)
        self.preset_combo.activated.connect(self._on_preset_combo_activated)
        self.preset_combo.setMinimumWidth(260)
        preset_row.addWidget(self.preset_combo)
        preset_row.addStretch(1)
        right_layout.addLayout(preset_row)
        self.mapping_table = QTableWidget(0, 3)
        self.mapping_table.setHorizontalHeaderLabels([self.tr("Column in the file"), self.tr("First values"),
                                                      self.tr("Imported as")])
        self.mapping_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.mapping_table.verticalHeader().hide()
        self.mapping_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        right_layout.addWidget(self.mapping_table, 2)
        self.notice_label = QLabel()  # kept columns and a missing product column, before importing
        self.notice_label.setWordWrap(True)
        self.notice_label.setStyleSheet("color: #8a5300;")
        right_layout.addWidget(self.notice_label)
        self.header_label = QLabel(self.tr("Preview: the first rows as they will be imported"))
        right_layout.addWidget(self.header_label)
        self.preview_table = QTableWidget(0, 0)
        self.preview_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        right_layout.addWidget(self.preview_table, 3)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([230, 870])
        layout.addWidget(splitter, 1)

        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.setStyleSheet("color: #b00020;")
        layout.addWidget(self.message_label)
        bottom = QHBoxLayout()
        self.all_or_nothing_check = QCheckBox(self.tr("All or nothing: import nothing if any row has a problem"))
        bottom.addWidget(self.all_or_nothing_check, 1)
        self.check_button = QPushButton(self.tr("Check only"))
        self.check_button.setToolTip(self.tr("Show what would be imported without writing anything"))
        self.check_button.clicked.connect(lambda: self.start_import(dry_run=True))
        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(lambda: self.start_import(dry_run=False))
        close_button = QPushButton(self.tr("Close"))
        close_button.clicked.connect(self.reject)
        for button in (self.check_button, self.import_button, close_button):
            bottom.addWidget(button)
        layout.addLayout(bottom)
        self._set_ready(False)
        return page

    def _build_progress_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        self.progress_label = QLabel(self.tr("Importing…"))
        self.progress_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, 100)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self._on_cancel_button_clicked)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.progress_bar)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.cancel_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)
        return page

    # --- reading the file ---------------------------------------------------------------------------
    def open_file(self, path: str) -> None:
        """Read the file in the background; its sheets appear when it has been read."""
        self._loaded = None
        self._choices.clear()
        self._presets.clear()
        self._overrides.clear()
        self.sheet_list.clear()
        self.mapping_table.setRowCount(0)
        self.preview_table.setRowCount(0)
        self.message_label.clear()
        self.file_label.setText(self.tr("Reading %1…").replace("%1", Path(path).name))
        self._set_ready(False)
        self._cancel_counts()
        self._task = self._tasks.run(_read_file, self._book, path, on_success=self._on_file_loaded,
                                     on_error=self._on_file_failed)

    def _on_file_loaded(self, read: tuple[LoadedFile, dict[str, tuple[str, dict[str, str]]]]) -> None:
        self._task = None
        loaded, remembered = read
        self._loaded = loaded
        names = [loaded.path.name] + [companion.path.name for companion in loaded.companions]
        self.file_label.setText(self.tr("File: %1").replace("%1", " + ".join(names)))
        for table in self._tables():
            choice = choose(table, remembered=remembered, count_rows=False)
            self._choices[table.sheet.name] = choice
            self._count_rows(table.sheet.name, choice)
            if choice.remembered:
                self._overrides[table.sheet.name] = self._overrides_of(choice)
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, table.sheet.name)
            item.setCheckState(Qt.CheckState.Checked if choice.usable else Qt.CheckState.Unchecked)
            self.sheet_list.addItem(item)
            self._label_sheet_item(item, choice)
        if loaded.skipped_sheets:
            self.message_label.setText(self.tr("Sheets without a header row are left out: %1")
                                       .replace("%1", "、".join(loaded.skipped_sheets)))
        self.sheet_list.setCurrentRow(0)
        self._set_ready(True)

    def _on_file_failed(self, error: BaseException) -> None:
        self._task = None
        self.file_label.setText(self.tr("Choose an Excel or CSV file, or drop one here."))
        self.message_label.setText(refusal_text(error) if isinstance(error, HuitoukeError) else str(error))

    def _tables(self):
        if self._loaded is None:
            return []
        return [table for file in (self._loaded, *self._loaded.companions) for table in file.tables]

    def _table(self, sheet: str):
        return next(table for table in self._tables() if table.sheet.name == sheet)

    def _label_sheet_item(self, item: QListWidgetItem, choice: TableChoice) -> None:
        if choice.data_rows is None:
            rows = self.tr("counting rows…")
        else:
            rows = self.tr("%1 rows").replace("%1", f"{choice.data_rows:,}")
        item.setText(f"{choice.sheet}\n{preset_label(choice.preset)} · {rows}")
        if not choice.usable:
            item.setToolTip(self.tr("No column tells who the customer is"))

    def _sheet_item(self, sheet: str) -> QListWidgetItem | None:
        return next((item for item in map(self.sheet_list.item, range(self.sheet_list.count()))
                     if item.data(Qt.ItemDataRole.UserRole) == sheet), None)

    def _count_rows(self, sheet: str, choice: TableChoice) -> None:
        """Count the sheet's rows under ``choice`` on a worker (a workbook's rows are walked again: seconds for
        a large one) and label the sheet when done, if the choice is still the sheet's."""
        previous = self._counts.pop(sheet, None)
        if previous is not None:
            previous.cancel()
        if choice.data_rows is not None:
            return

        def counted(rows: int) -> None:
            if self._counts.get(sheet) is task:
                del self._counts[sheet]
            if self._choices.get(sheet) is choice:
                self._choices[sheet] = replace(choice, data_rows=rows)
                item = self._sheet_item(sheet)
                if item is not None:
                    self._label_sheet_item(item, self._choices[sheet])

        task = self._counts[sheet] = self._tasks.run(count_data_rows, self._table(sheet), choice, on_success=counted,
                                                     on_error=self._on_count_failed)

    def _on_count_failed(self, error: BaseException) -> None:
        """A count that read the file again found it changed (``file_changed``): said, as the import would."""
        self.message_label.setText(refusal_text(error) if isinstance(error, HuitoukeError) else str(error))

    def _cancel_counts(self) -> None:
        for task in self._counts.values():
            task.cancel()
        self._counts.clear()

    # --- mapping and preview ------------------------------------------------------------------------
    def current_sheet(self) -> str | None:
        item = self.sheet_list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _on_sheet_list_current_row_changed(self, _row: int) -> None:
        sheet = self.current_sheet()
        if sheet is None:
            return
        choice = self._choices[sheet]
        self.preset_combo.setCurrentIndex(self.preset_combo.findData(choice.preset))
        self.header_label.setText(self.tr("Preview: the first rows as they will be imported (the header is row %1)")
                                  .replace("%1", str(choice.header_row)))
        self._fill_mapping_table(sheet)
        self._fill_preview(sheet)

    def _on_sheet_list_item_changed(self, _item: QListWidgetItem) -> None:
        """A sheet checked or unchecked: a history sheet's preview and notice follow whether the customers sheet
        comes too."""
        sheet = self.current_sheet()
        if sheet in self._choices and self._choices[sheet].kind == "ledger":
            self._fill_preview(sheet)

    def _fill_mapping_table(self, sheet: str) -> None:
        choice = self._choices[sheet]
        table = self._table(sheet)
        samples = table.sheet.rows[table.data_start:table.data_start + 3]
        self.mapping_table.setRowCount(0)
        for column, header in enumerate(choice.headers):
            if not header:
                continue
            row = self.mapping_table.rowCount()
            self.mapping_table.insertRow(row)
            self.mapping_table.setItem(row, 0, QTableWidgetItem(header))
            values = [_shown(values[column]) for values in samples if column < len(values) and values[column] != ""]
            self.mapping_table.setItem(row, 1, QTableWidgetItem(" | ".join(values)))
            combo = QComboBox()
            for field in _FIELD_ORDER:
                combo.addItem(field_label(field), field)
            combo.setCurrentIndex(combo.findData(choice.fields.get(column, "")))
            combo.setProperty("header", header)
            combo.activated.connect(lambda _index, box=combo: self._on_field_combo_activated(box))
            self.mapping_table.setCellWidget(row, 2, combo)
        self.mapping_table.resizeColumnToContents(0)
        self.mapping_table.setColumnWidth(2, 190)

    def _on_field_combo_activated(self, combo: QComboBox) -> None:
        sheet = self.current_sheet()
        overrides = self._overrides.setdefault(sheet, self._overrides_of(self._choices[sheet]))
        overrides[normalise_header(combo.property("header"))] = combo.currentData()
        self._recompute(sheet)

    def _on_preset_combo_activated(self, _index: int) -> None:
        sheet = self.current_sheet()
        if sheet is None:
            return
        self._presets[sheet] = self.preset_combo.currentData()
        self._overrides.pop(sheet, None)
        self._recompute(sheet)
        self._fill_mapping_table(sheet)

    @staticmethod
    def _overrides_of(choice: TableChoice) -> dict[str, str]:
        return {normalise_header(header): choice.fields.get(index, "")
                for index, header in enumerate(choice.headers) if normalise_header(header)}

    def _recompute(self, sheet: str) -> None:
        choice = choose(self._table(sheet), self._presets.get(sheet) or self._choices[sheet].preset,
                        self._overrides.get(sheet), count_rows=False)
        self._choices[sheet] = choice
        self._count_rows(sheet, choice)
        item = self.sheet_list.currentItem()
        self._label_sheet_item(item, choice)
        if choice.usable and item.checkState() == Qt.CheckState.Unchecked:
            item.setCheckState(Qt.CheckState.Checked)
        self._fill_preview(sheet)

    def _fill_notice(self, sheet: str) -> None:
        """Say before importing what the seller may not expect: kept columns, no product column."""
        choice = self._choices[sheet]
        lines = []
        if lacks_product_column(choice):
            lines.append(self.tr("No column is imported as the product: the orders will have no products, so no "
                                 "repurchase reminders. Choose the product column in the list above."))
        if choice.kind == "ledger" and self._with_customers():
            lines.append(self.tr("A sheet of the book's history: its rows come back for the customers this import "
                                 "creates (customers already in the book keep their own history)."))
        elif choice.kind == "ledger":  # the whole reason, where the preview's cell has room for its start only
            lines.append(problem_text("history_needs_customers"))
        kept = kept_headers(choice)
        if kept:
            lines.append(self.tr("Kept in each customer's note (the book has no field for them): %1. Choose a field "
                                 "or “(not imported)” above to change this.").replace("%1", "、".join(kept)))
        self.notice_label.setText("\n".join(lines))
        self.notice_label.setVisible(bool(lines))

    def _fill_preview(self, sheet: str) -> None:
        choice = self._choices[sheet]
        self._fill_notice(sheet)
        rows = preview(self._table(sheet), choice, PREVIEW_ROWS, with_customers=self._with_customers())
        fields = list(dict.fromkeys(field for _column, field in sorted(choice.fields.items())))
        self.preview_table.clear()
        self.preview_table.setColumnCount(len(fields) + 1)
        self.preview_table.setHorizontalHeaderLabels([self.tr("Row"), *[field_label(f) for f in fields]])
        self.preview_table.verticalHeader().hide()
        self.preview_table.setRowCount(len(rows))
        for row, shown in enumerate(rows):
            self.preview_table.setItem(row, 0, QTableWidgetItem(str(shown.row)))
            if shown.errors:
                problem = "; ".join(problem_text(error.code, error.value) if not error.column else
                                    self.tr("%1: %2").replace("%1", error.column)
                                    .replace("%2", problem_text(error.code, error.value)) for error in shown.errors)
                skipped = not shown.values or any(error.scope == "row" for error in shown.errors)
                cell = QTableWidgetItem((self.tr("Skipped — %1") if skipped else
                                         self.tr("Only the customer is imported — %1")).replace("%1", problem))
                cell.setToolTip(problem)
                self.preview_table.setItem(row, 1, cell)
                self.preview_table.setSpan(row, 1, 1, max(1, len(fields)))
                for column in range(len(fields) + 1):
                    if self.preview_table.item(row, column):
                        self.preview_table.item(row, column).setBackground(_ERROR_BRUSH)
                continue
            for column, field in enumerate(fields, 1):
                value = shown.values.get(field)
                if value is None and field in ("receiver_phone", "phone_alt"):
                    value = shown.values.get("phone")
                self.preview_table.setItem(row, column, QTableWidgetItem(value or ""))
        self.preview_table.resizeColumnsToContents()

    def _with_customers(self) -> bool:
        """Whether our export's customers sheet is among the sheets to import (a history sheet comes back only
        with it: core.excel.analysis.preview)."""
        return any(self._choices[sheet].preset.startswith("huitouke_customers") for sheet in self.checked_sheets()
                   if sheet in self._choices)

    # --- importing ----------------------------------------------------------------------------------
    def checked_sheets(self) -> list[str]:
        return [self.sheet_list.item(row).data(Qt.ItemDataRole.UserRole) for row in range(self.sheet_list.count())
                if self.sheet_list.item(row).checkState() == Qt.CheckState.Checked]

    def start_import(self, dry_run: bool) -> None:
        """Run the import (or only the check) in the background, showing progress with Cancel."""
        if self._loaded is None or self._task is not None:
            return
        self._cancel_counts()  # (the import counts its rows itself; two walks of a large sheet at once help nobody)
        sheets = self.checked_sheets()
        if not sheets:
            self.message_label.setText(self.tr("Tick at least one sheet to import."))
            return
        options = ImportOptions(
            sheets=tuple(sheets), presets={sheet: self._choices[sheet].preset for sheet in sheets},
            overrides={sheet: self._overrides[sheet] for sheet in sheets if sheet in self._overrides},
            dry_run=dry_run, all_or_nothing=self.all_or_nothing_check.isChecked())
        self.progress_label.setText(self.tr("Checking…") if dry_run else self.tr("Importing…"))
        self.progress_bar.setValue(0)
        self.cancel_button.setEnabled(True)
        self.pages.setCurrentIndex(1)
        callbacks = {"on_success": self._on_import_succeeded, "on_error": self._on_import_failed,
                     "on_progress": self._on_import_progressed}
        if self._lane is not None:  # the seller watches its progress: at the normal priority
            self._task = self._lane.run_job(run_import, self._book, self._loaded, options, background=False,
                                            **callbacks)
        else:
            self._task = self._tasks.run(run_import, self._book, self._loaded, options, **callbacks)
        self._task.cancelled.connect(self._on_import_cancelled)

    def _on_import_progressed(self, done: int, total: int, _message: str) -> None:
        self.progress_bar.setValue(int(100 * done / total) if total else 0)

    def _on_cancel_button_clicked(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self.cancel_button.setEnabled(False)
            self.progress_label.setText(self.tr("Cancelling…"))

    def _on_import_cancelled(self) -> None:
        self._task = None
        self.pages.setCurrentIndex(0)
        self.message_label.setText(self.tr("Cancelled: nothing was imported."))

    def _on_import_failed(self, error: BaseException) -> None:
        self._task = None
        self.pages.setCurrentIndex(0)
        if not isinstance(error, HuitoukeError):
            report_unhandled(error)  # the unexpected-error dialog
            return
        text = refusal_text(error)
        first = error.details.get("errors") or []
        if error.code == "no_row_imported" and first:
            text += "\n" + "\n".join(self.tr("Row %1: %2").replace("%1", str(e["row"]))
                                      .replace("%2", problem_text(e["code"], e["value"])) for e in first[:3])
        self.message_label.setText(text)

    def _on_import_succeeded(self, result: ImportResult) -> None:
        self._task = None
        self.result = result
        self.summary.file_stem = Path(self._loaded.path).stem if self._loaded else "import"
        self.summary.show_result(result)
        self.pages.setCurrentIndex(2)
        if not result.dry_run:
            self.book_changed.emit()


    def _on_template_button_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save blank template"), self.tr("customers-template.xlsx"),
                                              self.tr("Excel workbook (*.xlsx)"))
        if path:
            write_template(path, self._language)

    def _on_history_button_clicked(self) -> None:
        from ui.dialogs.import_history import ImportHistoryDialog

        history = ImportHistoryDialog(self._book, parent=self, lane=self._lane)
        history.book_changed.connect(self.book_changed)
        history.exec()

    def _on_choose_button_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a file to import"), "",
                                              self.tr("Spreadsheets (%1)").replace("%1", SPREADSHEET_FILTER))
        if path:
            self.open_file(path)

    def _set_ready(self, ready: bool) -> None:
        self.check_button.setEnabled(ready)
        self.import_button.setEnabled(ready)

    # --- events -------------------------------------------------------------------------------------
    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        urls = event.mimeData().urls()
        if urls and self._task is None:
            self.open_file(urls[0].toLocalFile())
            event.acceptProposedAction()

    def reject(self) -> None:
        self._cancel_counts()
        if self._task is not None:
            self._task.cancel()
        super().reject()


def _shown(cell: object) -> str:
    """A sample cell as the seller sees it in Excel: a phone typed as a number without ".0", a date without a
    midnight time."""
    if isinstance(cell, dt.datetime) and cell.time() == dt.time():
        return cell.date().isoformat()
    return clean_text(cell) if isinstance(cell, float) else str(cell)
