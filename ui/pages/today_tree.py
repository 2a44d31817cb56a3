"""The Today page's list: tasks grouped by kind (or by day for the next 7 days), one row per task."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem

from core.reminders.today import TodayTask
from ui.text import reminders as words

OVERDUE_COLOR = QColor("#c62828")
TASK_ROLE = Qt.ItemDataRole.UserRole
GROUP_ROLE = Qt.ItemDataRole.UserRole + 1  # the kind a group header stands for


class TodayTree(QTreeWidget):
    """The rows of ui.pages.today.TodayPage; a row's task id is in TASK_ROLE, a group header's kind in GROUP_ROLE."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("today_tree")
        self.setHeaderLabels([self.tr("Customer"), self.tr("Reason"), self.tr("Message"),
                              self.tr("Phone / WeChat"), self.tr("Due"), self.tr("Best time")])
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setRootIsDecorated(False)
        for column, width in enumerate((90, 280, 260, 150, 80, 100)):
            self.setColumnWidth(column, width)

    def group(self, title: str, count: int, overdue: bool, shown: int | None = None) -> QTreeWidgetItem:
        """A group header: its title and the whole group's count (with how many rows are shown when fewer)."""
        text = (f"{title} ({count:,})" if shown is None or shown >= count else
                self.tr("%1 (%2 of %3 shown)").replace("%1", title).replace("%2", f"{shown:,}")
                .replace("%3", f"{count:,}"))
        group = QTreeWidgetItem(self, [text])
        group.setFirstColumnSpanned(True)
        group.setFlags(Qt.ItemFlag.ItemIsEnabled)
        font = group.font(0)
        font.setBold(True)
        group.setFont(0, font)
        if overdue:
            group.setForeground(0, QBrush(OVERDUE_COLOR))
        group.setExpanded(True)
        return group

    def fill_today(self, shown: tuple[TodayTask, ...], today: dt.date, groups=()) -> None:
        """One group per kind, in the order of the best-ranked task of each; kinds with no row shown yet
        follow with their totals (the rest of the list is still theirs)."""
        self.clear()
        sections: dict[str, list[TodayTask]] = {}
        for task in shown:  # ranked
            sections.setdefault(task.kind, []).append(task)
        totals = {g.kind: g for g in groups}
        for kind in [*sections, *(g.kind for g in groups if g.kind not in sections)]:
            group_tasks = sections.get(kind, [])
            total = totals[kind].total if kind in totals else len(group_tasks)
            late = totals[kind].overdue if kind in totals else sum(t.overdue_days > 0 for t in group_tasks)
            group = self.group(words.kind_label(kind), total, late == total and total > 0, len(group_tasks))
            group.setData(0, GROUP_ROLE, kind)
            for task in group_tasks:
                self.row(group, task, today)
        self.expandAll()

    def fill_upcoming(self, shown: tuple[TodayTask, ...], today: dt.date) -> None:
        self.clear()
        days: dict[dt.date, list[TodayTask]] = {}
        for task in shown:
            days.setdefault(task.effective_due, []).append(task)
        for day, group_tasks in days.items():
            group = self.group(words.short_date(day), len(group_tasks), False)
            for task in group_tasks:
                self.row(group, task, today, upcoming=True)
        self.expandAll()

    def row(self, group: QTreeWidgetItem, task: TodayTask, today: dt.date, upcoming: bool = False) -> None:
        contact = " / ".join(x for x in (task.phone, task.wechat_id) if x)
        if upcoming:
            due = words.kind_label(task.kind)
        elif task.overdue_days:
            due = self.tr("%1 days late").replace("%1", str(task.overdue_days))
        else:
            due = self.tr("today")
        item = QTreeWidgetItem(group, [task.customer_name, words.reason(task.kind, task.facts, today, task.title),
                                       task.message.replace("\n", " "), contact, due, task.contact_window.label])
        item.setData(0, TASK_ROLE, task.id)
        item.setToolTip(2, task.message)
        if task.overdue_days and not upcoming:
            for column in (0, 4):
                item.setForeground(column, QBrush(OVERDUE_COLOR))
