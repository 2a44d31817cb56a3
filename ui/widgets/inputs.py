"""Small input widgets shared by the dialogs: money in yuan (stored as fen) and an optional date-time."""

import datetime as dt

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import QCheckBox, QDateTimeEdit, QDoubleSpinBox, QHBoxLayout, QWidget

MAX_YUAN = 10_000_000


class MoneyEdit(QDoubleSpinBox):
    """Yuan with two decimals on screen; ``cents()`` / ``set_cents()`` speak integer fen."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setDecimals(2)
        self.setRange(0, MAX_YUAN)
        self.setPrefix("¥")
        self.setGroupSeparatorShown(True)
        self.setSingleStep(1)

    def cents(self) -> int:
        return round(self.value() * 100)

    def set_cents(self, cents: int) -> None:
        self.setValue(cents / 100)


def to_qdatetime(value: dt.datetime) -> QDateTime:
    return QDateTime(value.year, value.month, value.day, value.hour, value.minute, value.second)


def from_qdatetime(value: QDateTime) -> dt.datetime:
    date, time = value.date(), value.time()
    return dt.datetime(date.year(), date.month(), date.day(), time.hour(), time.minute())


class DateTimeEdit(QDateTimeEdit):
    """A date-time with a calendar popup, read and written as naive local datetimes."""

    def __init__(self, value: dt.datetime | None = None, parent=None):
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.set_value(value or dt.datetime.now().replace(second=0, microsecond=0))

    def value(self) -> dt.datetime:
        return from_qdatetime(self.dateTime())

    def set_value(self, value: dt.datetime) -> None:
        self.setDateTime(to_qdatetime(value))


class OptionalDateTimeEdit(QWidget):
    """A tick box that switches a date-time on; ``value()`` is None while it is off."""

    def __init__(self, text: str, parent=None):
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.check = QCheckBox(text)
        self.edit = DateTimeEdit()
        self.edit.setEnabled(False)
        self.check.toggled.connect(self.edit.setEnabled)
        row.addWidget(self.check)
        row.addWidget(self.edit, 1)

    def value(self) -> dt.datetime | None:
        return self.edit.value() if self.check.isChecked() else None

    def set_value(self, value: dt.datetime | None) -> None:
        self.check.setChecked(value is not None)
        if value is not None:
            self.edit.set_value(value)
