"""Reminders: the engine that derives the Today tasks from the book, and the Today list service.

generate.regenerate (engine) · today.today_list / upcoming / due_count (the list) · actions (done,
snooze, skip, manual) · exclusions.why_not_listed · cycles.suggested_cycles · report.run_today (CLI).
"""

from core.reminders.actions import add_manual, mark_done, skip, snooze
from core.reminders.exclusions import NotListedReason, why_not_listed
from core.reminders.generate import RegenerationResult, after_write, regenerate
from core.reminders.today import TodayList, TodayTask, due_count, today_list, upcoming

__all__ = [
    "NotListedReason", "RegenerationResult", "TodayList", "TodayTask", "add_manual", "after_write", "due_count", "mark_done",
    "regenerate", "skip", "snooze", "today_list", "upcoming", "why_not_listed",
]
