"""ReminderService: the Today list and its actions on one book, each call one short transaction (for ui/).

Long work (`regenerate`) takes `progress` and `is_cancelled` so ui/tasks.py can run it in the background.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from core import templates
from core.book.turns import InTurn, WriteTurn
from core.progress import IsCancelled, Progress
from core.reminders import actions, cycles, exclusions, generate, today
from core.settings import get_settings, set_setting
from core.templates import TemplateDTO


class ReminderService:
    def __init__(self, book) -> None:
        self.book = book

    # -- reading ---------------------------------------------------------------------------------
    def today_list(self, day: dt.date, *, now: dt.datetime | None = None, limit: int | None = 500,
                   language: str | None = None) -> today.TodayList:
        """The ranked list: `limit` tasks (None: all), totals over everything."""
        with self.book.session() as s:
            return today.today_list(s, day, now=now, limit=limit, language=language)

    def day_list(self, day: dt.date, *, now: dt.datetime | None = None, extra: int = 0) -> today.TodayList:
        """The day's list (the first `reminder.daily_capacity` tasks), plus `extra` more of the ranking; when
        nothing is due, its `lapsed` counts (today.with_lapsed)."""
        with self.book.session() as s:
            capacity = max(int(get_settings(s, "reminder.daily_capacity")["reminder.daily_capacity"]), 1)
            return today.with_lapsed(s, today.today_list(s, day, now=now, limit=capacity + max(extra, 0)))

    def upcoming(self, day: dt.date, days: int = 7, *, now: dt.datetime | None = None) -> tuple[today.TodayTask, ...]:
        with self.book.session() as s:
            return today.upcoming(s, day, days, now=now)

    def due_count(self, day: dt.date) -> int:
        """Every task the list holds on `day` (the day's list and the rest)."""
        with self.book.session() as s:
            return today.due_count(s, day)

    def day_count(self, day: dt.date) -> int:
        """How many tasks the day's list holds: the due count, at most the daily capacity."""
        with self.book.session() as s:
            capacity = max(int(get_settings(s, "reminder.daily_capacity")["reminder.daily_capacity"]), 1)
            return min(today.due_count(s, day), capacity)

    def why_not_listed(self, customer_id: int, day: dt.date) -> tuple[exclusions.NotListedReason, ...]:
        with self.book.session() as s:
            return exclusions.why_not_listed(s, customer_id, day)

    def suggested_cycles(self) -> list[cycles.SuggestedCycle]:
        with self.book.session() as s:
            return cycles.suggested_cycles(s)

    def settings(self) -> dict[str, Any]:
        with self.book.session() as s:
            return get_settings(s, "reminder.")

    # -- writing ---------------------------------------------------------------------------------
    def regenerate(self, day: dt.date, progress: Progress | None = None,
                   is_cancelled: IsCancelled | None = None,
                   write_turn: WriteTurn | None = None,
                   in_turn: InTurn | None = None) -> generate.RegenerationResult:
        """Complete pass (background work), written in short transactions (generate.regenerate_in_chunks):
        a save meanwhile waits for one chunk at most. "database is locked" is raised as BookBusy."""
        from core.book.db import busy_as_coded

        with busy_as_coded():
            return generate.regenerate_in_chunks(self.book.engine, day, progress=progress, is_cancelled=is_cancelled,
                                                 write_turn=write_turn, in_turn=in_turn)

    def mark_done(self, reminder_id: int, outcome: str, now: dt.datetime, **kw) -> actions.ActionResult:
        with self.book.session() as s:
            return actions.mark_done(s, reminder_id, outcome, now, **kw)

    def snooze(self, reminder_id: int, until: dt.date, now: dt.datetime, **kw) -> actions.ActionResult:
        with self.book.session() as s:
            return actions.snooze(s, reminder_id, until, now, **kw)

    def skip(self, reminder_id: int, now: dt.datetime, **kw) -> actions.ActionResult:
        with self.book.session() as s:
            return actions.skip(s, reminder_id, now, **kw)

    def skip_group(self, kind: str, day: dt.date, now: dt.datetime) -> int:
        """Skip every task of `kind` the list holds on `day` (one transaction); returns how many."""
        with self.book.session() as s:
            return actions.skip_many(s, today.listed_ids(s, day, kind), now)

    def snooze_group(self, kind: str, day: dt.date, until: dt.date, now: dt.datetime) -> int:
        """Snooze every task of `kind` the list holds on `day` until `until`; returns how many."""
        with self.book.session() as s:
            return actions.snooze_many(s, today.listed_ids(s, day, kind), until, now)

    def add_manual(self, customer_id: int, due: dt.date, title: str, note: str = "") -> int:
        with self.book.session() as s:
            return actions.add_manual(s, customer_id, due, title, note)

    def adopt_cycle(self, product_id: int, days: int, today: dt.date | None = None) -> None:
        """Set the product's cycle to the suggestion; its buyers' reminders follow (core.product_links)."""
        from core.product_links import CycleWatch, follow_product_write

        with self.book.session() as s:
            watch = CycleWatch(s)
            cycles.adopt_cycle(s, product_id, days)
            s.flush()
            follow_product_write(s, watch, today, products=[product_id])

    def set_setting(self, key: str, value: Any) -> None:
        if not key.startswith("reminder."):
            raise ValueError(key)
        with self.book.session() as s:
            set_setting(s, key, value)

    # -- templates -------------------------------------------------------------------------------
    def templates(self, language: str) -> list[TemplateDTO]:
        with self.book.session() as s:
            return templates.list_templates(s, language)

    def save_template(self, kind: str, language: str, body: str) -> TemplateDTO:
        with self.book.session() as s:
            return templates.save_template(s, kind, language, body)

    def reset_template(self, kind: str, language: str) -> TemplateDTO:
        with self.book.session() as s:
            return templates.reset_template(s, kind, language)
