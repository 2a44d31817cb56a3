"""One writer per book: an OS-level lock on `<book>.lock` that names its holder.

The lock is an advisory OS lock (fcntl on POSIX, msvcrt on Windows), so it disappears with the process
that held it — a crash or SIGKILL never leaves a stale lock. The file's text says who holds it (pid,
host, program, since), which the refusal message repeats. Only the app (and `restore`, which replaces
the file) takes it: it stops a second app on the same book. The command line's other commands work beside
the app — SQLite's own locking (WAL, busy timeout) keeps their writes apart.
"""

from __future__ import annotations

import json
import os
import socket
import sys
from pathlib import Path
from typing import TextIO

from core import clock
from core.errors import BookLocked

_LOCK_OFFSET = 1 << 20  # Windows locks a byte range; lock one far past the text so readers can read it


def lock_path_for(book_path: Path) -> Path:
    return Path(str(book_path) + ".lock")


class BookLock:
    """Hold with `acquire()` / `release()` or as a context manager. Raises BookLocked if held elsewhere."""

    def __init__(self, book_path: Path, program: str = "huitouke") -> None:
        self.path = lock_path_for(Path(book_path))
        self.program = program
        self._fh: TextIO | None = None

    @property
    def held(self) -> bool:
        return self._fh is not None

    def acquire(self) -> None:
        if self._fh is not None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fh = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115 - kept open while the lock is held
        try:
            _os_lock(fh)
        except OSError:
            fh.close()
            raise BookLocked("book_locked", holder=read_holder(self.path), path=str(self.path)) from None
        fh.seek(0)
        fh.truncate()
        fh.write(json.dumps({
            "pid": os.getpid(),
            "host": socket.gethostname(),
            "program": self.program,
            "since": clock.now().isoformat(timespec="seconds"),
        }, ensure_ascii=False))
        fh.flush()
        self._fh = fh

    def release(self) -> None:
        if self._fh is None:
            return
        try:
            self._fh.seek(0)
            self._fh.truncate()
            _os_unlock(self._fh)
        finally:
            # The file stays: unlinking it would let two processes lock two different inodes.
            self._fh.close()
            self._fh = None

    def __enter__(self) -> BookLock:
        self.acquire()
        return self

    def __exit__(self, *exc) -> None:
        self.release()


def read_holder(lock_file: Path) -> dict:
    """What the lock file says about its holder ({} when unreadable)."""
    try:
        return json.loads(Path(lock_file).read_text(encoding="utf-8") or "{}")
    except (OSError, ValueError):
        return {}


if sys.platform == "win32":  # pragma: no cover - exercised on Windows builds
    import msvcrt

    def _os_lock(fh) -> None:
        fh.seek(_LOCK_OFFSET)
        msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)

    def _os_unlock(fh) -> None:
        fh.seek(_LOCK_OFFSET)
        msvcrt.locking(fh.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _os_lock(fh) -> None:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _os_unlock(fh) -> None:
        fcntl.flock(fh.fileno(), fcntl.LOCK_UN)
