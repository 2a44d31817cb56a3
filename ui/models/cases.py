"""Table model of after-sales cases (complaints and reviews): a few hundred rows, held whole."""

from enum import IntEnum

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from core.aftersales.dto import CaseRowDTO
from ui.text.aftersales import (
    CASE_KINDS,
    CASE_STATUSES,
    COMPENSATIONS,
    COMPLAINT_KINDS,
    REVIEW_LEVELS,
    REVIEW_OUTCOMES,
    word,
)
from ui.text.labels import PLATFORMS, date_text, label, money

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2
OVERDUE_COLOUR = QColor("#c62828")


class Column(IntEnum):
    KIND = 0
    CUSTOMER = 1
    PLATFORM = 2
    SUBTYPE = 3
    STATUS = 4
    OPENED = 5
    NEXT_DUE = 6
    AMOUNT = 7
    OUTCOME = 8
    SUMMARY = 9


_HEADERS = {
    Column.KIND: QT_TRANSLATE_NOOP("CasesModel", "Case"),
    Column.CUSTOMER: QT_TRANSLATE_NOOP("CasesModel", "Customer"),
    Column.PLATFORM: QT_TRANSLATE_NOOP("CasesModel", "Platform"),
    Column.SUBTYPE: QT_TRANSLATE_NOOP("CasesModel", "Kind / level"),
    Column.STATUS: QT_TRANSLATE_NOOP("CasesModel", "Status"),
    Column.OPENED: QT_TRANSLATE_NOOP("CasesModel", "Date"),
    Column.NEXT_DUE: QT_TRANSLATE_NOOP("CasesModel", "Next task"),
    Column.AMOUNT: QT_TRANSLATE_NOOP("CasesModel", "Compensation / offer"),
    Column.OUTCOME: QT_TRANSLATE_NOOP("CasesModel", "Outcome"),
    Column.SUMMARY: QT_TRANSLATE_NOOP("CasesModel", "Summary"),
}


class CasesModel(QAbstractTableModel):
    """Rows come in the order core gives them (open first); sorting uses SORT_ROLE (raw values)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[CaseRowDTO] = []

    def set_rows(self, rows: list[CaseRowDTO]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[CaseRowDTO]:
        return list(self._rows)

    def row_at(self, row: int) -> CaseRowDTO:
        return self._rows[row]

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("CasesModel", _HEADERS[Column(section)])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(row, column)
        if role == SORT_ROLE:
            return _raw(row, column)
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.ForegroundRole and row.overdue and column in (Column.NEXT_DUE, Column.STATUS):
            return QBrush(OVERDUE_COLOUR)
        if role == Qt.ItemDataRole.FontRole and row.status == "open" and column == Column.CUSTOMER:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and column == Column.NEXT_DUE and row.overdue:
            return QCoreApplication.translate("CasesModel", "Overdue")
        return None


def _display(row: CaseRowDTO, column: Column) -> str:
    if column == Column.KIND:
        return word(CASE_KINDS, row.kind)
    if column == Column.CUSTOMER:
        return row.customer_name
    if column == Column.PLATFORM:
        return label(PLATFORMS, row.platform) if row.platform else ""
    if column == Column.SUBTYPE:
        return word(COMPLAINT_KINDS if row.kind == "complaint" else REVIEW_LEVELS, row.subtype)
    if column == Column.STATUS:
        return word(CASE_STATUSES, row.status)
    if column == Column.OPENED:
        return date_text(row.opened_on)
    if column == Column.NEXT_DUE:
        return date_text(row.next_due)
    if column == Column.AMOUNT:
        return money(row.amount_cents) if row.amount_cents else ""
    if column == Column.OUTCOME:
        if row.kind == "complaint":
            return word(COMPENSATIONS, row.outcome) if row.outcome else ""
        return word(REVIEW_OUTCOMES, row.outcome)
    return row.summary


def _raw(row: CaseRowDTO, column: Column):
    if column == Column.OPENED:
        return row.opened_on.toordinal()
    if column == Column.NEXT_DUE:
        return row.next_due.toordinal() if row.next_due else 10**7
    if column == Column.AMOUNT:
        return row.amount_cents
    return _display(row, column)
