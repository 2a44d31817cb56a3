"""The rotating log files of the app and the command line, in the data folder's logs/ (owner-only, like it).

What core logs (migrations, backups, imports, undo, merges, erase, checks) carries ids, counts and codes,
never a customer's values; engines hide SQL parameters from error messages (core.book.db). The app writes
`huitouke.log`, the command line `cli.log`: one file per kind of process, so two processes never rotate the
same file.
"""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

APP_LOG = "huitouke.log"
CLI_LOG = "cli.log"
_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"


def setup_rotating_log(folder: Path, file_name: str) -> Path:
    """Send INFO and above of every logger to `folder/file_name` (5 × 1 MB, rotating); returns its path.

    Calling it again for the same file adds no second handler.
    """
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / file_name
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    for handler in root.handlers:
        if isinstance(handler, logging.handlers.RotatingFileHandler) and Path(handler.baseFilename) == path:
            return path
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(logging.Formatter(_FORMAT))
    root.addHandler(handler)
    return path
