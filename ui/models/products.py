"""Table model of the product list (a seller has tens of products: held in memory, sorted in Python)."""

from enum import IntEnum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QFont

from core.dto import ProductDTO
from core.products import ProductService
from ui.models.paged import ID_ROLE, SORT_ROLE
from ui.text.labels import money

_ROOT = QModelIndex()


class Column(IntEnum):
    NAME = 0
    CATEGORY = 1
    PRICE = 2
    CYCLE_DAYS = 3
    LEAD_DAYS = 4
    ACTIVE = 5


HEADERS = {
    Column.NAME: QT_TRANSLATE_NOOP("ProductsModel", "Product"),
    Column.CATEGORY: QT_TRANSLATE_NOOP("ProductsModel", "Category"),
    Column.PRICE: QT_TRANSLATE_NOOP("ProductsModel", "Price"),
    Column.CYCLE_DAYS: QT_TRANSLATE_NOOP("ProductsModel", "Usage cycle (days)"),
    Column.LEAD_DAYS: QT_TRANSLATE_NOOP("ProductsModel", "Remind days before"),
    Column.ACTIVE: QT_TRANSLATE_NOOP("ProductsModel", "On sale"),
}
_RIGHT_ALIGNED = {Column.PRICE, Column.CYCLE_DAYS, Column.LEAD_DAYS}


def _raw(product: ProductDTO, column: Column):
    return {
        Column.NAME: product.name, Column.CATEGORY: product.category, Column.PRICE: product.price_cents,
        Column.CYCLE_DAYS: product.cycle_days or product.suggested_cycle_days, Column.LEAD_DAYS: product.lead_days,
        Column.ACTIVE: product.active,
    }[column]


class ProductsModel(QAbstractTableModel):
    """Every product of the book."""

    def __init__(self, service: ProductService, parent=None):
        super().__init__(parent)
        self._service = service
        self._products: list[ProductDTO] = service.list()
        self._sort = (Column.CATEGORY, Qt.SortOrder.AscendingOrder)

    def reload(self) -> None:
        self.beginResetModel()
        self._products = self._service.list()
        self._apply_sort()
        self.endResetModel()

    def product(self, row: int) -> ProductDTO:
        return self._products[row]

    def products(self) -> list[ProductDTO]:
        return list(self._products)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        self._sort = (Column(column), order)
        self._apply_sort()
        self.layoutChanged.emit()

    def sort_column(self) -> tuple[int, Qt.SortOrder]:
        return self._sort

    def _apply_sort(self) -> None:
        column, order = self._sort
        def key(product: ProductDTO):
            value = _raw(product, column)
            return value is None, value if value is not None else 0, product.name

        self._products.sort(key=key,
                            reverse=order == Qt.SortOrder.DescendingOrder)

    def rowCount(self, parent: QModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._products)

    def columnCount(self, parent: QModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(Column):
            return QCoreApplication.translate("ProductsModel", HEADERS[Column(section)])
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._products):
            return None
        product, column = self._products[index.row()], Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            if column == Column.PRICE:
                return money(product.price_cents)
            if column == Column.CYCLE_DAYS:
                if product.cycle_is_suggested:
                    return QCoreApplication.translate("ProductsModel", "%1 (suggested)").replace(
                        "%1", str(product.suggested_cycle_days))
                return str(product.cycle_days) if product.cycle_days else "—"
            if column == Column.ACTIVE:
                if product.active:
                    return QCoreApplication.translate("ProductsModel", "Yes")
                return QCoreApplication.translate("ProductsModel", "No")
            return str(_raw(product, column))
        if role == Qt.ItemDataRole.FontRole and column == Column.CYCLE_DAYS and product.cycle_is_suggested:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and column == Column.CYCLE_DAYS and product.cycle_is_suggested:
            return QCoreApplication.translate(
                "ProductsModel", "Suggested from %1 repurchase intervals in the order history; open the product "
                "to confirm it.").replace("%1", str(product.suggestion_basis))
        if role == SORT_ROLE:
            return _raw(product, column)
        if role == ID_ROLE:
            return product.id
        if role == Qt.ItemDataRole.TextAlignmentRole and column in _RIGHT_ALIGNED:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
