"""Reminders: the engine that derives the Today tasks from the book, and the Today list service.

generate.regenerate (engine) · today.today_list / day_list / upcoming / due_count (the ranked list and the
day's list, docs/TODAY.md) · actions (done, snooze, skip — one task or a group —, manual) ·
exclusions.why_not_listed · cycles.suggested_cycles · report.run_today (CLI).
"""

from core.reminders.actions import add_manual, mark_done, skip, snooze
from core.reminders.exclusions import NotListedReason, why_not_listed
from core.reminders.generate import RegenerationResult, after_write, regenerate
from core.reminders.today import KindTotal, TodayList, TodayTask, day_list, due_count, today_list, upcoming

__all__ = [
    "KindTotal", "NotListedReason", "RegenerationResult", "TodayList", "TodayTask", "add_manual", "after_write",
    "day_list", "due_count", "mark_done",
    "regenerate", "skip", "snooze", "today_list", "upcoming", "why_not_listed",
]
