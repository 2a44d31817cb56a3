"""The window for a save that lost the race: both versions side by side; keep mine, keep theirs, or merge."""

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from core.conflicts import MINE, THEIRS, FieldDifference, differences, merge
from core.customers import CustomerService
from core.dto import CustomerDetail, CustomerInput
from core.errors import ConflictError, HuitoukeError
from ui.dialogs.lane_save import save_on_lane
from ui.text.labels import GENDERS, SOURCE_CHANNELS, label

MERGE = "merge"
_VALUE_WIDTH = 260

CUSTOMER_FIELD_LABELS = {
    "name": QT_TRANSLATE_NOOP("ConflictDialog", "Name / nickname"),
    "real_name": QT_TRANSLATE_NOOP("ConflictDialog", "Real name"),
    "phone": QT_TRANSLATE_NOOP("ConflictDialog", "Phone"),
    "wechat_id": QT_TRANSLATE_NOOP("ConflictDialog", "WeChat ID"),
    "qq": QT_TRANSLATE_NOOP("ConflictDialog", "QQ"),
    "platform_buyer_id": QT_TRANSLATE_NOOP("ConflictDialog", "Platform buyer ID"),
    "email": QT_TRANSLATE_NOOP("ConflictDialog", "Email"),
    "province": QT_TRANSLATE_NOOP("ConflictDialog", "Province"),
    "city": QT_TRANSLATE_NOOP("ConflictDialog", "City"),
    "district": QT_TRANSLATE_NOOP("ConflictDialog", "District"),
    "address_detail": QT_TRANSLATE_NOOP("ConflictDialog", "Address"),
    "postcode": QT_TRANSLATE_NOOP("ConflictDialog", "Postcode"),
    "gender": QT_TRANSLATE_NOOP("ConflictDialog", "Gender"),
    "birth_year": QT_TRANSLATE_NOOP("ConflictDialog", "Birth year"),
    "birth_month": QT_TRANSLATE_NOOP("ConflictDialog", "Birth month"),
    "birth_day": QT_TRANSLATE_NOOP("ConflictDialog", "Birth day"),
    "birthday_lunar": QT_TRANSLATE_NOOP("ConflictDialog", "Lunar birthday"),
    "source_channel": QT_TRANSLATE_NOOP("ConflictDialog", "Came from"),
    "referred_by_id": QT_TRANSLATE_NOOP("ConflictDialog", "Referred by"),
    "personality": QT_TRANSLATE_NOOP("ConflictDialog", "How to talk"),
    "note": QT_TRANSLATE_NOOP("ConflictDialog", "Notes"),
    "do_not_disturb": QT_TRANSLATE_NOOP("ConflictDialog", "Do not disturb"),
    "risk_buyer": QT_TRANSLATE_NOOP("ConflictDialog", "Risk buyer"),
    "tags": QT_TRANSLATE_NOOP("ConflictDialog", "Tags"),
}

# Fields holding codes, shown as the same words the customer form shows.
CODE_LABELS = {"gender": GENDERS, "source_channel": SOURCE_CHANNELS}


class ConflictDialog(QDialog):
    """Shows the fields where my edit and the saved record differ, mine on the left, theirs on the right.

    Each row's choice starts at core.conflicts' suggestion (a field only one side changed keeps that side;
    a field both changed is marked and starts at mine). After `exec()` returns Accepted, `choice` is MINE,
    THEIRS or MERGE and `resolved()` is what to save (for THEIRS: their record as it is).
    """

    def __init__(self, title: str, base, mine, theirs, labels: Mapping[str, str],
                 format_value: Callable[[str, Any], str] | None = None, parent=None):
        super().__init__(parent)
        self._mine, self._theirs = mine, theirs
        self._differences = differences(base, mine, theirs)
        self._format = format_value or self._default_format
        self._groups: dict[str, QButtonGroup] = {}
        self.choice: str | None = None
        self.setWindowTitle(self.tr("Someone else saved this first"))
        self.resize(760, 480)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "While you were editing %1, someone else saved it. Nothing has been overwritten. Below are the "
            "fields where the two versions differ: pick the value to keep in each row, or keep one version "
            "whole.").replace("%1", title))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addWidget(self._build_table(labels), 1)
        if any(d.both_changed for d in self._differences):
            legend = QLabel(self.tr("Fields in bold were changed by both of you."))
            layout.addWidget(legend)
        buttons = QDialogButtonBox()
        self.mine_button = QPushButton(self.tr("Keep mine"), objectName="keep_mine")
        self.theirs_button = QPushButton(self.tr("Keep theirs"), objectName="keep_theirs")
        self.merge_button = QPushButton(self.tr("Save the chosen values"), objectName="save_merged")
        for button in (self.mine_button, self.theirs_button):
            button.setAutoDefault(False)
        self.merge_button.setDefault(True)
        buttons.addButton(self.mine_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.theirs_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.merge_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.rejected.connect(self.reject)
        self.mine_button.clicked.connect(lambda: self._finish(MINE))
        self.theirs_button.clicked.connect(lambda: self._finish(THEIRS))
        self.merge_button.clicked.connect(lambda: self._finish(MERGE))
        layout.addWidget(buttons)

    def _build_table(self, labels: Mapping[str, str]) -> QWidget:
        table = QWidget()
        grid = QGridLayout(table)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        bold = QFont()
        bold.setBold(True)
        for column, text in enumerate((self.tr("Field"), self.tr("Your version"), self.tr("Saved by someone else"))):
            header = QLabel(text)
            header.setFont(bold)
            grid.addWidget(header, 0, column)
        for row, diff in enumerate(self._differences, 1):
            name = QLabel(QCoreApplication.translate("ConflictDialog", labels.get(diff.field, diff.field)))
            if diff.both_changed:
                name.setFont(bold)
                name.setToolTip(self.tr("Both of you changed this field"))
            grid.addWidget(name, row, 0)
            group = QButtonGroup(self)
            for column, (who, value) in enumerate(((MINE, diff.mine), (THEIRS, diff.theirs)), 1):
                button = QRadioButton(self._elide(self._format(diff.field, value)))
                button.setObjectName(f"{diff.field}_{who}")
                button.setToolTip(self._format(diff.field, value))
                button.setChecked(diff.suggested == who)
                group.addButton(button)
                grid.addWidget(button, row, column)
            self._groups[diff.field] = group
        grid.setRowStretch(len(self._differences) + 1, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(table)
        return scroll

    def _elide(self, text: str) -> str:
        first_line = text.splitlines()[0] if text else ""
        metrics = self.fontMetrics()
        shown = metrics.elidedText(first_line, Qt.TextElideMode.ElideRight, _VALUE_WIDTH)
        return shown + (" …" if shown == first_line and first_line != text else "")

    def _default_format(self, field: str, value: Any) -> str:
        if field in CODE_LABELS and value:
            return label(CODE_LABELS[field], value)
        if value is None or value == "":
            return "—"
        if isinstance(value, bool):
            return self.tr("Yes") if value else self.tr("No")
        if isinstance(value, tuple):
            return "、".join(map(str, value)) or "—"
        return str(value)

    # --- results ------------------------------------------------------------------------------------
    @property
    def field_differences(self) -> list[FieldDifference]:
        return list(self._differences)

    def choose(self, field: str, who: str) -> None:
        """Pick MINE or THEIRS for one field (what clicking its radio button does)."""
        for button in self._groups[field].buttons():
            if button.objectName() == f"{field}_{who}":
                button.setChecked(True)

    def choices(self) -> dict[str, str]:
        return {field: (MINE if group.checkedButton().objectName().endswith(f"_{MINE}") else THEIRS)
                for field, group in self._groups.items()}

    def resolved(self):
        """What to save for the choice made (their record unchanged for THEIRS)."""
        if self.choice == THEIRS:
            return self._theirs
        if self.choice == MINE:
            return merge(self._mine, self._theirs, {d.field: MINE for d in self._differences})
        return merge(self._mine, self._theirs, self.choices())

    def _finish(self, choice: str) -> None:
        self.choice = choice
        self.accept()


def resolve_customer_conflict(parent: QWidget, customers: CustomerService, loaded: CustomerDetail,
                              mine: CustomerInput, done: Callable[[CustomerDetail | None], None],
                              failed: Callable[[HuitoukeError], None],
                              format_value: Callable[[str, Any], str] | None = None, lane=None,
                              button: QAbstractButton | None = None) -> None:
    """After `customers.update` raised ConflictError: show both versions and save what the seller picks.

    Their version is read on the book's `lane` (ui.dialogs.lane_save.save_on_lane: `button` disabled meanwhile;
    after the saves already queued, off the GUI thread) and the window is shown when it is back; the choice is
    made there, on the GUI thread (a modal window); the save after it runs on the lane too. Without a lane both
    run at once. Then `done(detail)` with the customer as it now stands (their version for "keep theirs", the
    saved merge otherwise), or `done(None)` when the seller cancelled (nothing saved; the form keeps their edit); a coded
    error (the customer deleted meanwhile) goes to `failed`. If yet another save lands while the window is
    open, it asks again against that newest version.
    """

    def ask(base: CustomerInput, mine: CustomerInput) -> None:
        save_on_lane(lane, button, lambda: customers.get(loaded.id), lambda theirs: show(base, mine, theirs), failed)

    def show(base: CustomerInput, mine: CustomerInput, theirs: CustomerDetail) -> None:
        title = theirs.fields.name or theirs.fields.real_name or str(theirs.id)
        dialog = ConflictDialog(title, base, mine, theirs.fields, CUSTOMER_FIELD_LABELS, format_value, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            done(None)
            return
        if dialog.choice == THEIRS:
            done(theirs)
            return
        data = dialog.resolved()

        def refused(exc: HuitoukeError) -> None:
            if isinstance(exc, ConflictError):
                ask(theirs.fields, data)  # saved again meanwhile: asked against that version
            else:
                failed(exc)

        save_on_lane(lane, button, lambda: customers.update(loaded.id, data, expected_version=theirs.version),
                     done, refused)

    ask(loaded.fields, mine)
