"""The Today page: who to contact today, why, and what to say — the day's list, ranked, grouped by kind.

The list shows the day's work: at most the seller's daily capacity, in the ranking of core.reminders.today
(time-critical first, then by value). "More" brings the rest in, one click at a time; each group's header
counts the whole group, shown or not, and its right-click menu skips or snoozes the whole group.

Keyboard on the list: Enter copies the message and marks the task contacted; C copies; N no answer
(back tomorrow); B bought; D declined; S snooze one day; K skip; O open the customer. The list loads from
the book at once; a complete regeneration runs in the background and reloads it when done.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QToolButton,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.errors import HuitoukeError
from core.reminders.today import TodayTask
from ui.book_lane import BookLane
from ui.dialogs.reminder import ManualTaskDialog, SnoozeDialog
from ui.pages.base import Page
from ui.pages.today_tree import GROUP_ROLE, TASK_ROLE, TodayTree
from ui.tasks import TaskRunner, report_unhandled
from ui.text import reminders as words
from ui.text.errors import describe
from ui.widgets.copy_note import CopiedNote
from ui.widgets.lapsed_note import LapsedNote

MORE_STEP = 500  # rows one "More" click adds


class TodayPage(Page):
    """The daily list. `reminders` is a core ReminderService, `customers` a CustomerService (look-up)."""

    badge_changed = Signal(int)  # how many tasks are due (navigation counter, window title)
    customer_requested = Signal(int)
    stage_requested = Signal(str)  # the customer list filtered to a lifecycle stage (the empty list's note)

    def __init__(self, reminders, customers, tasks: TaskRunner, today: Callable[[], dt.date],
                 now: Callable[[], dt.datetime] = dt.datetime.now, parent: QWidget | None = None,
                 lane: BookLane | None = None, first_read: tuple | None = None):
        """With a `lane` (ui.book_lane) the actions and the regeneration run on it, off the GUI thread;
        without one the actions run at once on the GUI thread. `first_read` (what `_read` returns) is the
        list the launch read beside the book's quick check (ui.launcher): shown read-only, without a read or
        a regeneration, until `start_after_launch()`."""
        super().__init__(parent)
        self._reminders, self._customers, self._tasks = reminders, customers, tasks
        self._lane = lane
        self._today, self._now = today, now
        self._by_id: dict[int, TodayTask] = {}
        self._regenerating = False
        self._after_regeneration: list[Callable[[], None]] = []  # regenerate(then=…)
        self._loaded_once = False
        # Reads are numbered as they start; a read is shown only if no read started after it was shown first
        # (it would be older).
        self._read_seq = self._shown_seq = 0
        self._following: tuple[int | None, bool] = (None, True)  # the row to select once an action's read shows
        self.due_total = 0
        self._extra = 0  # rows shown beyond the day's list ("More")
        self._listed = None
        self._launch_read = first_read
        self.awaiting_launch = first_read is not None
        self._writable = not self.awaiting_launch
        self._build()
        self._set_writable(not self.awaiting_launch)

    # --- construction -------------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        header = QHBoxLayout()
        self.title_label = QLabel()
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title_label.setFont(font)
        self.summary_label = QLabel()
        self.window_label = QLabel()
        self.upcoming_button = QPushButton(self.tr("Next 7 days"))
        self.upcoming_button.setCheckable(True)
        self.upcoming_button.toggled.connect(self._on_upcoming_button_toggled)
        self.new_task_button = QPushButton(self.tr("New task…"))
        self.new_task_button.clicked.connect(self.add_manual_task)
        self.regenerate_button = QPushButton(self.tr("Update reminders"))
        self.regenerate_button.clicked.connect(self.regenerate)
        header.addWidget(self.title_label)
        header.addSpacing(12)
        header.addWidget(self.summary_label)
        header.addStretch(1)
        header.addWidget(self.window_label)
        for button in (self.upcoming_button, self.new_task_button, self.regenerate_button):
            header.addWidget(button)
        layout.addLayout(header)

        lookup = QHBoxLayout()
        self.lookup_edit = QLineEdit()
        self.lookup_edit.setClearButtonEnabled(True)
        self.lookup_edit.setPlaceholderText(self.tr("Not in the list? Type a customer's name or phone and press Enter"))
        self.lookup_edit.returnPressed.connect(self.explain_lookup)
        self.lookup_label = QLabel()
        self.lookup_label.setWordWrap(True)
        lookup.addWidget(self.lookup_edit, 2)
        lookup.addWidget(self.lookup_label, 3)
        layout.addLayout(lookup)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.tree = TodayTree()
        self.tree.currentItemChanged.connect(self._on_tree_current_item_changed)
        self.tree.itemDoubleClicked.connect(lambda *_: self.copy_and_mark_contacted())
        self.tree.installEventFilter(self)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._on_tree_context_menu_requested)
        splitter.addWidget(self.tree)
        splitter.addWidget(self._build_detail())
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([820, 480])
        layout.addWidget(splitter, 1)
        footer = QHBoxLayout()
        self.more_label = QLabel()
        self.more_button = QPushButton()
        self.more_button.setObjectName("today_more")
        self.more_button.clicked.connect(self.show_more)
        self.more_button.setVisible(False)
        footer.addWidget(self.more_label, 1)
        footer.addWidget(self.more_button)
        layout.addLayout(footer)
        copy_shortcut = QShortcut(QKeySequence.StandardKey.Copy, self.tree)
        copy_shortcut.activated.connect(self.copy_message)

    def _build_detail(self) -> QWidget:
        panel = QWidget()
        box = QVBoxLayout(panel)
        self.name_label = QLabel()
        bold = QFont(self.name_label.font())
        bold.setBold(True)
        self.name_label.setFont(bold)
        self.contact_label = QLabel()
        self.contact_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reason_label = QLabel()
        self.reason_label.setWordWrap(True)
        self.message_edit = QPlainTextEdit()
        self.message_edit.setObjectName("today_message")
        self.message_edit.setMaximumHeight(140)
        self.unknown_label = QLabel()
        self.unknown_label.setStyleSheet("color: #c62828;")
        self.unknown_label.setWordWrap(True)
        buttons = QHBoxLayout()
        self.copy_button = QPushButton(self.tr("Copy and mark contacted (Enter)"))
        self.copy_button.setDefault(True)
        self.copy_button.clicked.connect(self.copy_and_mark_contacted)
        self.done_button = QToolButton()
        self.done_button.setText(self.tr("Done…"))
        self.done_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        done_menu = QMenu(self.done_button)
        for outcome in ("contacted", "no_answer", "bought", "declined"):
            action = QAction(words.outcome_label(outcome), done_menu)
            action.triggered.connect(lambda _=False, o=outcome: self.mark_done(o))
            done_menu.addAction(action)
        self.done_button.setMenu(done_menu)
        self.snooze_button = QToolButton()
        self.snooze_button.setText(self.tr("Snooze…"))
        self.snooze_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        snooze_menu = QMenu(self.snooze_button)
        for days, label in ((1, self.tr("1 day")), (3, self.tr("3 days")), (7, self.tr("7 days"))):
            action = QAction(label, snooze_menu)
            action.triggered.connect(lambda _=False, d=days: self.snooze(d))
            snooze_menu.addAction(action)
        pick = QAction(self.tr("Until a date…"), snooze_menu)
        pick.triggered.connect(lambda: self.snooze(None))
        snooze_menu.addAction(pick)
        self.snooze_button.setMenu(snooze_menu)
        self.skip_button = QPushButton(self.tr("Skip"))
        self.skip_button.clicked.connect(self.skip)
        self.open_button = QPushButton(self.tr("Open customer"))
        self.open_button.clicked.connect(self.open_customer)
        self.copied_note = CopiedNote()
        for widget in (self.copy_button, self.done_button, self.snooze_button, self.skip_button, self.open_button,
                       self.copied_note):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        self.keys_label = QLabel(self.tr("Keys: Enter copy + contacted · C copy · N no answer · B bought · "
                                         "D declined · S snooze a day · K skip · O open customer"))
        self.keys_label.setWordWrap(True)
        self.keys_label.setEnabled(False)
        self.lapsed_note = LapsedNote()
        self.lapsed_note.stage_requested.connect(self.stage_requested)
        for widget in (self.name_label, self.lapsed_note, self.contact_label, self.reason_label, self.message_edit,
                       self.unknown_label):
            box.addWidget(widget)
        box.addLayout(buttons)
        box.addWidget(self.keys_label)
        box.addStretch(1)
        self._show_detail(None)
        return panel

    # --- loading ------------------------------------------------------------------------------------
    def page_activated(self) -> None:
        if not self._loaded_once:
            # The first read runs on the pool (0.15 s on a 100k book, while the window has just opened); the
            # complete regeneration starts once it is done, so that it does not slow the first list down.
            # The seller's own actions later reload in place. The launch's read is shown in the next turn of
            # the event loop (the page is laid out in this one: two short turns, not one long one).
            self._loaded_once = True
            if self._launch_read is not None:
                QTimer.singleShot(0, self.show_launch_read)
                return
            self._read_in_background(then=self.regenerate)

    def show_launch_read(self) -> None:
        """Show the launch's read now (else in the next turn of the event loop)."""
        read, self._launch_read = self._launch_read, None
        if read is not None and self._shown_seq == 0:
            self._read_seq = self._shown_seq = 1
            self._show(*read, select=False)
            self.name_label.setText("")  # not "All done for today." beside the rows for that turn
            # the first row selected and its detail filled in a turn of their own: each turn of the launch
            # stays short (the rows and the detail in one were up to 48 ms of the GUI thread's own work)
            QTimer.singleShot(0, self._select_first)

    def _select_first(self) -> None:
        if self.current_task() is None:
            self._select(None)

    def start_after_launch(self) -> None:
        """The book passed its quick check: the actions on (the launcher starts the regeneration)."""
        self.awaiting_launch = False
        self._set_writable(True)
        self.regenerate_button.setEnabled(False)  # until the launcher's regeneration (after the full check) is done

    def _set_writable(self, writable: bool) -> None:
        """Off: no action, look-up or regeneration can start (nothing reads or writes the book)."""
        self._writable = writable
        for widget in (self.regenerate_button, self.upcoming_button, self.lookup_edit):
            widget.setEnabled(writable)
        self._show_detail(self.current_task())

    def _read_in_background(self, then: Callable[[], None]) -> None:
        """Read the list on the pool and show it (unless a list was shown meanwhile), then call `then`
        (a bound slot: Qt drops it, and the shown list, if the page is deleted before the read returns)."""
        today, now, upcoming = self._today(), self._now(), self.upcoming_button.isChecked()
        self._read_seq += 1
        task = self._tasks.prepare(self._first_read, self._read_seq, today, now, upcoming,
                                   on_success=self._show_first_read)
        task.finished.connect(then)
        self._tasks.start(task)

    def refresh(self) -> None:
        self.reload()

    def reload(self) -> None:
        """Read the list (or the next 7 days) from the book; keeps the selection when it can."""
        self._loaded_once = True
        read = self._read(self._today(), self._now(), self.upcoming_button.isChecked())
        self._read_seq += 1
        self._shown_seq = self._read_seq
        self._show(*read)

    def _first_read(self, seq: int, today: dt.date, now: dt.datetime, upcoming: bool) -> tuple:
        return seq, self._read(today, now, upcoming)

    def _show_first_read(self, result: tuple) -> None:
        seq, read = result
        if seq > self._shown_seq:
            self._shown_seq = seq
            self._show(*read)

    def _read(self, today: dt.date, now: dt.datetime, upcoming: bool) -> tuple:
        """What the page shows (any thread): the Today list, and the next 7 days when `upcoming`."""
        listed = self._reminders.day_list(today, now=now, extra=self._extra)
        return today, listed, self._reminders.upcoming(today, 7, now=now) if upcoming else None

    def _show(self, today: dt.date, listed, upcoming, select: bool = True) -> None:
        current = self.current_task()
        self.due_total = listed.total
        window = listed.contact_window
        when = self.tr("now") if window.is_now else (self.tr("today") if window.day == today else self.tr("tomorrow"))
        self.window_label.setText(self.tr("Best time to contact: %1 (%2)").replace("%1", window.label)
                                  .replace("%2", when))
        self.title_label.setText(self.tr("Today, %1").replace("%1", words.short_date(today)))
        self._listed = listed
        if upcoming is not None:
            shown = upcoming
            self.tree.fill_upcoming(shown, self._today())
            self.summary_label.setText(self.tr("%1 in the next 7 days").replace("%1", str(len(shown))))
            self.more_label.setText("")
            self.more_button.setVisible(False)
        else:
            shown = listed.tasks
            self.tree.fill_today(shown, today, listed.groups)
            self.summary_label.setText(self.tr("%1 for today · %2 due in all · %3 overdue")
                                       .replace("%1", f"{listed.day_count:,}").replace("%2", f"{listed.total:,}")
                                       .replace("%3", f"{listed.overdue:,}"))
            more = listed.total - len(shown)
            self.more_label.setText(self.tr("Today's list holds your daily capacity (%1, in Settings → My shop); "
                                            "the rest waits one click away.").replace("%1", str(listed.capacity))
                                    if more > 0 else "")
            self.more_button.setText(self.tr("More: %1").replace("%1", f"{more:,}"))
            self.more_button.setVisible(more > 0)
        self._by_id = {t.id: t for t in shown}
        self.lapsed_note.show_counts(listed.lapsed if upcoming is None else ())
        if select:
            self._select(current.id if current else None)
        self.badge_changed.emit(listed.day_count)  # the day's list, not the backlog

    # --- selection ----------------------------------------------------------------------------------
    def current_task(self) -> TodayTask | None:
        item = self.tree.currentItem()
        task_id = item.data(0, TASK_ROLE) if item is not None else None
        return self._by_id.get(task_id) if task_id is not None else None

    def task_items(self) -> list[QTreeWidgetItem]:
        """The rows of tasks, without those whose action is being saved (hidden until the list reloads)."""
        return [item for g in range(self.tree.topLevelItemCount())
                for c in range(self.tree.topLevelItem(g).childCount())
                if not (item := self.tree.topLevelItem(g).child(c)).isHidden()]

    def _select(self, task_id: int | None) -> None:
        items = self.task_items()
        chosen = next((i for i in items if i.data(0, TASK_ROLE) == task_id), items[0] if items else None)
        self.tree.setCurrentItem(chosen)
        if chosen is None:
            self._show_detail(None)

    def _on_tree_current_item_changed(self, current, _previous) -> None:
        self._show_detail(self.current_task())

    def _show_detail(self, task: TodayTask | None) -> None:
        enabled = task is not None and self._writable
        for widget in (self.copy_button, self.done_button, self.snooze_button, self.skip_button, self.open_button,
                       self.message_edit):
            widget.setEnabled(enabled)
        self.new_task_button.setEnabled(enabled)
        if task is None:
            self.name_label.setText(self.tr("Nothing selected") if self.task_items() else self.tr("All done for today."))
            for label in (self.contact_label, self.reason_label, self.unknown_label):
                label.setText("")
            self.message_edit.setPlainText("")
            return
        self.name_label.setText(f"{task.customer_name} · {words.kind_label(task.kind)}")
        phone = self.tr("Phone: %1").replace("%1", task.phone) if task.phone else ""
        wechat = self.tr("WeChat: %1").replace("%1", task.wechat_id) if task.wechat_id else ""
        self.contact_label.setText("   ".join(x for x in (phone, wechat) if x) or self.tr("No phone or WeChat"))
        self.reason_label.setText(words.reason(task.kind, task.facts, self._today(), task.title))
        self.message_edit.setPlainText(task.message)
        self.unknown_label.setText(self.tr("Unknown placeholders left out of the message: %1 (fix the template in "
                                           "Settings)").replace("%1", ", ".join(task.unknown_placeholders))
                                   if task.unknown_placeholders else "")

    # --- actions ------------------------------------------------------------------------------------
    def copy_message(self) -> str:
        """Put the (possibly edited) message on the clipboard; returns it."""
        text = self.message_edit.toPlainText()
        self.copied_note.copy(text)
        return text

    def copy_and_mark_contacted(self) -> None:
        if self.current_task() is None or not self._writable:
            return
        self.copy_message()
        self.mark_done("contacted")

    def mark_done(self, outcome: str) -> None:
        task = self.current_task()
        if task is not None:
            self._act(lambda: self._reminders.mark_done(task.id, outcome, self._now(), version=task.version,
                                                        message=self.message_edit.toPlainText()))

    def snooze(self, days: int | None) -> None:
        task = self.current_task()
        if task is None:
            return
        until = self._today() + dt.timedelta(days=days) if days else self.choose_snooze_date()
        if until is not None:
            self._act(lambda: self._reminders.snooze(task.id, until, self._now(), version=task.version))

    def choose_snooze_date(self) -> dt.date | None:
        dialog = SnoozeDialog(self._today(), self)
        return dialog.chosen_date() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def skip(self) -> None:
        task = self.current_task()
        if task is not None:
            self._act(lambda: self._reminders.skip(task.id, self._now(), version=task.version))

    def open_customer(self) -> None:
        task = self.current_task()
        if task is not None and self._writable:
            self.customer_requested.emit(task.customer_id)

    def add_manual_task(self) -> None:
        task = self.current_task()
        if task is None:
            return
        dialog = ManualTaskDialog(task.customer_name, self._today(), self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            title, due = dialog.task()
            self._act(lambda: self._reminders.add_manual(task.customer_id, due, title), keep_row=True)

    def _act(self, call: Callable[[], object], keep_row: bool = False) -> None:
        """Run one action; the row leaves the list and the next one is selected. On the lane the row
        leaves at once and the list reloads when the save is done."""
        if not self._writable:
            return
        item = self.tree.currentItem()
        items = self.task_items()
        following = items[items.index(item) + 1].data(0, TASK_ROLE) if item in items[:-1] else None
        if self._lane is not None:
            if not keep_row and item is not None:
                item.setHidden(True)
                if following is None:
                    self.tree.setCurrentItem(None)
                    self._show_detail(None)
                else:
                    self._select(following)
            self._lane.save(call, on_success=lambda _result: self._acted(following, keep_row),
                            on_error=self._on_act_failed)
            return
        try:
            call()
        except HuitoukeError as exc:
            self._on_act_failed(exc)
            return
        self._acted(following, keep_row)

    def _acted(self, following: int | None, keep_row: bool) -> None:
        """After an action's save: the list read again — on the pool when the save ran on the lane (a read
        of the whole day's list: not on the GUI thread) — and `following` selected (unless another row was)."""
        self.book_modified.emit()
        self._following = (following, keep_row)
        if self._lane is not None:
            self._read_in_background(then=self._select_following)
            return
        current = self.current_task()
        self.reload()
        if not keep_row and following is not None and (current is None or current.id == following):
            self._select(following)

    def _select_following(self) -> None:
        following, keep_row = self._following
        current = self.current_task()
        if not keep_row and following is not None and (current is None or current.id == following):
            self._select(following)

    def show_more(self) -> None:
        """Bring the next MORE_STEP tasks of the ranking into the list."""
        self._extra += MORE_STEP
        self.reload()

    def group_kind(self, item: QTreeWidgetItem | None) -> str | None:
        """The kind a group header (or a row under it) belongs to."""
        while item is not None and item.data(0, GROUP_ROLE) is None:
            item = item.parent()
        return item.data(0, GROUP_ROLE) if item is not None else None

    def _on_tree_context_menu_requested(self, pos) -> None:
        kind = self.group_kind(self.tree.itemAt(pos))
        if kind is None or self._listed is None or not self._writable:
            return
        count = self._listed.group_total(kind)
        menu = QMenu(self.tree)
        label = words.kind_label(kind)
        skip = menu.addAction(self.tr("Skip all %1 “%2” tasks…").replace("%1", f"{count:,}").replace("%2", label))
        skip.triggered.connect(lambda: self.skip_group(kind))
        for days, text in ((1, self.tr("Snooze all %1 by 1 day")), (3, self.tr("Snooze all %1 by 3 days")),
                           (7, self.tr("Snooze all %1 by 7 days"))):
            action = menu.addAction(text.replace("%1", f"{count:,}"))
            action.triggered.connect(lambda _=False, d=days: self.snooze_group(kind, d))
        menu.exec(self.tree.viewport().mapToGlobal(pos))

    def confirm(self, question: str) -> bool:
        """Ask before a bulk action (tests answer for the seller)."""
        answer = QMessageBox.question(self, self.tr("Today"), question)
        return answer == QMessageBox.StandardButton.Yes

    def skip_group(self, kind: str) -> None:
        """Skip every task of `kind` in today's list — shown or not — after asking."""
        count = self._listed.group_total(kind) if self._listed is not None else 0
        if count and self.confirm(self.tr("Skip all %1 “%2” tasks? Each is kept in the contact log as skipped.")
                                  .replace("%1", f"{count:,}").replace("%2", words.kind_label(kind))):
            self._act(lambda: self._reminders.skip_group(kind, self._today(), self._now()))

    def snooze_group(self, kind: str, days: int) -> None:
        """Snooze every task of `kind` in today's list by `days`: they come back then, nothing is closed."""
        until = self._today() + dt.timedelta(days=days)
        self._act(lambda: self._reminders.snooze_group(kind, self._today(), until, self._now()))

    def _on_act_failed(self, exc: BaseException) -> None:
        self.reload()
        if not isinstance(exc, HuitoukeError):
            report_unhandled(exc)  # the unexpected-error dialog
            return  # the row comes back
        self.summary_label.setText(describe(exc))

    def explain_lookup(self) -> None:
        """Why the looked-up customer is (not) in today's list."""
        text = self.lookup_edit.text().strip()
        if not text or self._customers is None:
            self.lookup_label.setText("")
            return
        found = self._customers.search(text, limit=1)
        if not found:
            self.lookup_label.setText(self.tr("No customer matches “%1”.").replace("%1", text))
            return
        reasons = self._reminders.why_not_listed(found[0].id, self._today())
        self.lookup_label.setText(f"{found[0].name}: " + " ".join(
            words.not_listed(r.code, r.kind, r.date, r.details) for r in reasons))

    def regenerate(self, then: Callable[[], None] | None = None) -> None:
        """Complete regeneration in the background; the list reloads when it is done. `then` is called once it
        is over (its list shown, or failed), also when one was running already."""
        if then is not None:
            self._after_regeneration.append(then)
        if self._regenerating:
            return
        self._regenerating = True
        self.regenerate_button.setEnabled(False)
        callbacks = {"on_success": self._on_regenerated, "on_error": self._on_regenerate_failed}
        if self._lane is not None:  # nobody waits for it: at a lowered priority
            self._lane.run_job(self._reminders.regenerate, self._today(), background=True, **callbacks)
        else:
            self._tasks.run(self._reminders.regenerate, self._today(), **callbacks)

    def _on_regenerated(self, _result) -> None:
        """The list read again on the pool (not on the GUI thread); the regeneration ends once it shows."""
        self._read_in_background(then=self._regeneration_shown)

    def _regeneration_shown(self) -> None:
        self._regenerating = False
        self.regenerate_button.setEnabled(True)
        self._regeneration_over()

    def _regeneration_over(self) -> None:
        waiting, self._after_regeneration = self._after_regeneration, []
        for fn in waiting:
            fn()

    def _on_regenerate_failed(self, exc: BaseException) -> None:
        """A coded error's sentence on the summary line; any other error to the unexpected-error dialog (its text
        is neither translated nor fit to show)."""
        self._regenerating = False
        self.regenerate_button.setEnabled(True)
        if isinstance(exc, HuitoukeError):
            self.summary_label.setText(describe(exc))
        else:
            report_unhandled(exc)
        self._regeneration_over()

    def _on_upcoming_button_toggled(self, _checked: bool) -> None:
        self.reload()

    # --- keyboard -----------------------------------------------------------------------------------
    def eventFilter(self, watched, event) -> bool:
        if watched is self.tree and event.type() == event.Type.KeyPress and not event.modifiers() & ~(
                Qt.KeyboardModifier.KeypadModifier):
            handler = {
                Qt.Key.Key_Return: self.copy_and_mark_contacted, Qt.Key.Key_Enter: self.copy_and_mark_contacted,
                Qt.Key.Key_C: self.copy_message, Qt.Key.Key_N: lambda: self.mark_done("no_answer"),
                Qt.Key.Key_B: lambda: self.mark_done("bought"), Qt.Key.Key_D: lambda: self.mark_done("declined"),
                Qt.Key.Key_S: lambda: self.snooze(1), Qt.Key.Key_K: self.skip, Qt.Key.Key_O: self.open_customer,
            }.get(event.key())
            if handler is not None:
                handler()
                return True
        return super().eventFilter(watched, event)
