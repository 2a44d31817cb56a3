"""The write-ahead log of a SQLite book copied into it between a long job's transactions, not inside them."""

from __future__ import annotations

import contextlib

from sqlalchemy import text
from sqlalchemy.orm import Session

CHECKPOINT_FRAMES = 300  # log pages let gather (Checkpoints) before it copies them into the book


class Checkpoints:
    """For a long job in short transactions on one connection (core.reminders.generate.regenerate_in_chunks).
    Within `outside_commits()`, on SQLite, its commits do not copy the write-ahead log into the book (the
    automatic checkpoint, run inside the commit that crosses 1000 pages: 100–220 ms each on the 100k book's
    first pass of the reminders, while a save waited); `after_chunk(seconds the transaction took)` does it
    after the commit, where no write lock is held (a passive checkpoint: a save goes on meanwhile), once about CHECKPOINT_FRAMES pages have gathered — estimated from the pages per
    second of writing the last checkpoint found (a pass that only refreshes writes few). Kept so under 1000
    pages even after one more chunk (a first pass writes ~500 a chunk), the log is not checkpointed by a
    save's commit either. On PostgreSQL nothing."""

    def __init__(self, session: Session) -> None:
        self.session, self.on = session, session.get_bind().dialect.name == "sqlite"
        self.per_second: float | None = None  # log pages per second of writing
        self.writing = 0.0  # seconds written since the last checkpoint

    @contextlib.contextmanager
    def outside_commits(self):
        if self.on:
            self.session.execute(text("PRAGMA wal_autocheckpoint = 0"))
        try:
            yield self
        finally:
            if self.on:
                self.session.execute(text("PRAGMA wal_autocheckpoint = 1000"))  # back to the pool as it came

    def after_chunk(self, seconds: float) -> None:
        self.writing += seconds
        if not self.on or (self.per_second is not None and self.per_second * self.writing < CHECKPOINT_FRAMES):
            return
        _busy, pages, _copied = self.session.execute(text("PRAGMA wal_checkpoint(PASSIVE)")).one()
        self.per_second, self.writing = max(pages, 0) / max(self.writing, 1e-3), 0.0
