"""Review of an import's weak matches, or of the book's duplicate customers (core.duplicates_finder): each pair
side by side, merged or kept separate by the seller."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.duplicates_finder import FoundPairs, find_duplicates
from core.errors import HuitoukeError
from core.excel.review import CustomerSide, ProposalView, keep_separate, merge_pairs, pending_proposals
from core.phones import display_phone
from core.settings import phones_masked
from ui.dialogs.lane_save import save_on_lane
from ui.text.errors import describe
from ui.text.labels import SOURCE_CHANNELS, label
from ui.widgets.error_label import error_label

_NEW, _EXISTING, _WHY, _ACTION = range(4)


class MergeReviewWidget(QWidget):
    """Lists pairs of customers that only share a name, or whose masked name and phone fit a real customer at the
    same address (core.excel.review.ProposalView): the customer the
    import created next to the one already in the book, why they look alike, and per pair "Same person:
    merge" or "Keep separate", plus both for every pair still open. A merge keeps the book's customer and
    every order, note and task of both. ``book_changed`` is emitted after a merge or a decision.
    In read-only mode (a dry run: the new customers do not exist) the pairs are only shown. ``in_book``: the pairs
    are duplicates already in the book (core.duplicates_finder), not an import's."""

    book_changed = Signal()

    def __init__(self, book, parent=None, lane=None, in_book: bool = False):
        """With a `lane` (ui.book_lane.BookLane) the merges and decisions run there."""
        super().__init__(parent)
        self._book, self._lane, self._in_book = book, lane, in_book
        self._masked = False
        self._views: list[ProposalView] = []
        self._open: list[bool] = []
        self.merge_buttons: list[QPushButton] = []
        self.separate_buttons: list[QPushButton] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.intro_label = QLabel()
        self.intro_label.setWordWrap(True)
        top.addWidget(self.intro_label, 1)
        self.merge_all_button = QPushButton(self.tr("Merge all"))
        self.merge_all_button.clicked.connect(self._on_merge_all_button_clicked)
        self.separate_all_button = QPushButton(self.tr("Keep all separate"))
        self.separate_all_button.clicked.connect(self._on_separate_all_button_clicked)
        top.addWidget(self.merge_all_button)
        top.addWidget(self.separate_all_button)
        layout.addLayout(top)
        self.table = QTableWidget(0, 4)
        sides = ((self.tr("Merged into the other"), self.tr("Kept by a merge")) if in_book
                 else (self.tr("Created by this import"), self.tr("Already in the book")))
        self.table.setHorizontalHeaderLabels([*sides, self.tr("Why they look alike"), ""])
        header = self.table.horizontalHeader()
        for column in (_NEW, _EXISTING, _WHY):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(_ACTION, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        layout.addWidget(self.table, 1)
        self.error_label = error_label(self)
        layout.addWidget(self.error_label)

    def set_views(self, views: Sequence[ProposalView], read_only: bool = False) -> None:
        """Show these pairs, every one open."""
        self._views, self._open = list(views), [not read_only] * len(views)
        if views:
            with self._book.session() as s:
                self._masked = phones_masked(s)  # phones shown as 138****8000 when the seller masks them
        self.merge_buttons, self.separate_buttons = [], []
        self.error_label.clear()
        if self._in_book:
            self.intro_label.setText(self.tr(
                "These customers of the book look like one person. Merge the pairs that are one person (every "
                "order, note and task of both is kept; the kept customer's name and phone stay), mark the others "
                "as different people: they are not listed again.") if views else self.tr(
                "No customers of the book look like the same person."))
        elif read_only:
            self.intro_label.setText(self.tr(
                "These customers of the file share only a name with a customer in the book, or what a platform "
                "left visible of their name and phone fits one. This was only a check: after the import you can "
                "merge each pair or keep them separate."))
        else:
            self.intro_label.setText(self.tr(
                "These new customers share only a name with a customer already in the book, or what a platform "
                "left visible of their name and phone fits one. Merge the pairs that are one person (every order, "
                "note and task is kept; the book customer's name and phone stay), keep the others separate. "
                "Pairs you leave open can be reviewed later from the import history."))
        self.table.setRowCount(len(self._views))
        for row, view in enumerate(self._views):
            self.table.setItem(row, _NEW, QTableWidgetItem(self._side_text(view.new)))
            self.table.setItem(row, _EXISTING, QTableWidgetItem(self._side_text(view.existing)))
            self.table.setItem(row, _WHY, QTableWidgetItem(self._why_text(view)))
            self.table.setCellWidget(row, _ACTION, self._actions(row, read_only))
        self.table.resizeRowsToContents()
        self._update_bulk_buttons()

    def open_count(self) -> int:
        return sum(self._open)

    # --- texts ---------------------------------------------------------------------------------------
    def _side_text(self, side: CustomerSide) -> str:
        name = side.name if not side.real_name or side.real_name == side.name else f"{side.name}（{side.real_name}）"
        lines = [name,
                 self.tr("Phone: %1").replace("%1", "、".join(display_phone(p, self._masked) for p in side.phones)
                                              or self.tr("none")),
                 self.tr("WeChat: %1").replace("%1", side.wechat_id or self.tr("none")),
                 self.tr("Address: %1").replace("%1", side.address or self.tr("none")),
                 self.tr("Orders: %1").replace("%1", str(side.orders))]
        if side.buyer_id:
            lines.insert(3, self.tr("Buyer ID: %1").replace("%1", side.buyer_id))
        if side.source:
            lines.append(self.tr("Source: %1").replace("%1", label(SOURCE_CHANNELS, side.source)))
        return "\n".join(lines)

    def _why_text(self, view: ProposalView) -> str:
        texts = {
            "same_name": self.tr("Same name “%1”").replace("%1", view.new.name),
            "masked_fits": self.tr("The platform hid part of the name “%1” and of the phone: what it shows fits "
                                   "this customer, at the same address").replace("%1", view.new.name),
            "alias": self.tr("A phone number or buyer ID of one is kept as another number of the other"),
            "masked_same": self.tr("The platform hid the buyer the same way (“%1”, the same visible phone digits) "
                                   "at the same address").replace("%1", view.new.name),
            "name_address": self.tr("Same name “%1” at the same address, no different phone numbers").replace(
                "%1", view.new.name),
            "phones_differ": self.tr("different phone numbers"),
            "one_without_phone": self.tr("only one has a phone number"),
            "wechat_ids_differ": self.tr("different WeChat IDs"),
            "addresses_differ": self.tr("different addresses"),
            "one_without_address": self.tr("only one has an address"),
        }
        return self.tr("; ").join(texts.get(reason, reason) for reason in view.reasons)

    # --- actions -------------------------------------------------------------------------------------
    def _actions(self, row: int, read_only: bool) -> QWidget:
        host = QWidget()
        layout = QVBoxLayout(host)
        layout.setContentsMargins(4, 2, 4, 2)
        merge = QPushButton(self.tr("Same person: merge"))
        merge.clicked.connect(lambda _checked=False, row=row: self._decide([row], merge=True))
        separate = QPushButton(self.tr("Different people"))
        separate.clicked.connect(lambda _checked=False, row=row: self._decide([row], merge=False))
        for button in (merge, separate):
            button.setEnabled(not read_only)
            layout.addWidget(button)
        self.merge_buttons.append(merge)
        self.separate_buttons.append(separate)
        return host

    def _open_rows(self) -> list[int]:
        return [row for row, is_open in enumerate(self._open) if is_open]

    def _on_merge_all_button_clicked(self) -> None:
        rows = self._open_rows()
        question = (self.tr("Merge each of the %1 pairs? Every order, note and task of both is kept.") if self._in_book
                    else self.tr("Merge each of the %1 pairs into the customer already in the book?"))
        answer = QMessageBox.question(self, self.tr("Merge all"), question.replace("%1", str(len(rows))))
        if answer == QMessageBox.StandardButton.Yes:
            self._decide(rows, merge=True)

    def _on_separate_all_button_clicked(self) -> None:
        self._decide(self._open_rows(), merge=False)

    def _decide(self, rows: list[int], merge: bool) -> None:
        """Merge or keep separate these pairs, on the lane if any (every button disabled meanwhile)."""
        proposals = [self._views[row].proposal for row in rows]
        book = self._book

        def decide() -> None:
            if merge:
                merge_pairs(book, proposals)
            else:
                keep_separate(book, proposals)

        def refused(error: HuitoukeError) -> None:
            self._enable_open_rows()
            self.error_label.setText(describe(error))

        if self._lane is not None:
            for button in (*self.merge_buttons, *self.separate_buttons, self.merge_all_button,
                           self.separate_all_button):
                button.setEnabled(False)
        save_on_lane(self._lane, None, decide, lambda _none: self._decided(rows, merge), refused)

    def _decided(self, rows: list[int], merge: bool) -> None:
        outcome = self.tr("Merged") if merge else self.tr("Kept separate")
        decided = self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        for row in rows:
            self._open[row] = False
            for column in (_NEW, _EXISTING, _WHY):
                self.table.item(row, column).setForeground(decided)
            (self.merge_buttons if merge else self.separate_buttons)[row].setText(outcome)
        self._enable_open_rows()
        self.book_changed.emit()

    def _enable_open_rows(self) -> None:
        for row, is_open in enumerate(self._open):
            self.merge_buttons[row].setEnabled(is_open)
            self.separate_buttons[row].setEnabled(is_open)
        self._update_bulk_buttons()

    def _update_bulk_buttons(self) -> None:
        any_open = self.open_count() > 0
        self.merge_all_button.setEnabled(any_open)
        self.separate_all_button.setEnabled(any_open)


class MergeReviewDialog(QDialog):
    """The pairs nobody decided yet, from every import still in the book (opened from the import history)."""

    book_changed = Signal()

    def __init__(self, book, parent=None, lane=None):
        super().__init__(parent)
        self.setWindowTitle(self._title())
        layout = QVBoxLayout(self)
        self.review = MergeReviewWidget(book, self, lane=lane, in_book=self.in_book)
        self.review.set_views(self._views(book))
        self.review.book_changed.connect(self.book_changed)
        layout.addWidget(self.review, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        close_button = QPushButton(self.tr("Close"))
        close_button.clicked.connect(self.accept)
        row.addWidget(close_button)
        layout.addLayout(row)
        self.resize(980, 520)

    in_book = False

    def _title(self) -> str:
        return self.tr("Customers that may be the same person")

    def _views(self, book) -> Sequence[ProposalView]:
        return pending_proposals(book)


class DuplicatesDialog(MergeReviewDialog):
    """The customers of the whole book that look like one person (core.duplicates_finder), from the Customers
    menu: merged pair by pair, or all at once, or marked as different people (not listed again). When the search
    found more pairs than it lists, ``more_label`` says how many and that the next search shows them."""

    in_book = True

    def __init__(self, book, parent=None, lane=None, found: FoundPairs | None = None):
        """``found``: the pairs already found (off the GUI thread, ui.main_window); None: found here."""
        self._found = find_duplicates(book) if found is None else found
        super().__init__(book, parent, lane)
        self.more_label = QLabel()
        self.more_label.setWordWrap(True)
        self.more_label.setText(self.tr(
            "The search found %1 more pairs that are not listed here (only the first %2 are). Merge these pairs or "
            "mark them as different people, then search again (Customers → Find duplicate customers…): the others "
            "are listed then.")
                                .replace("%1", f"{self._found.more:,}")
                                .replace("%2", f"{len(self._found.views):,}"))
        self.more_label.setVisible(self._found.more > 0)
        self.layout().insertWidget(0, self.more_label)  # (above the pairs: the seller reads it first)

    def _title(self) -> str:
        return self.tr("Find duplicate customers")

    def _views(self, book) -> Sequence[ProposalView]:
        return self._found.views
