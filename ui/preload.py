"""The modules an open book needs (SQLAlchemy and the models, the services and pages shown at launch: ~0.5 s of
imports), imported on a thread of their own from the start of the app, while the window is being built.

`start()` at launch (ui.app), `wait(stage)` where they are needed (ui.launcher.open_with_launch_facts).
One thread imports them in order, so no two threads import the parts of one package at the same time; an import
that fails there is made again (and raises) on the thread that waits.
"""

from __future__ import annotations

import importlib
import threading

# In stages: core.book.db (the opening thread needs it to start the book's quick check), then what the launch's
# reads need (they start while the rest is imported), then the window's modules once the book is open.
STAGES = (("sqlalchemy", "core.book.db"), ("core.reminders.service", "core.shop"),
          ("core.customers", "ui.excel_flow", "ui.pages.today", "ui.today_launch", "ui.widgets.shop_settings",
           "ui.launch_gate"))
BOOK, READS, WINDOW = range(len(STAGES))

_lock = threading.Lock()
_thread: threading.Thread | None = None
_done = [threading.Event() for _ in STAGES]


def start() -> None:
    """Begin importing (once per process)."""
    global _thread
    with _lock:
        if _thread is None:
            _thread = threading.Thread(target=_import_all, name="preload", daemon=True)
            _thread.start()


def _import_all() -> None:
    try:
        for stage, modules in enumerate(STAGES):
            for module in modules:
                importlib.import_module(module)
            _done[stage].set()
    except Exception:  # imported again by the waiting thread, which reports it
        pass
    finally:
        for done in _done:
            done.set()


def wait(stage: int = WINDOW) -> None:
    """Until the modules of `stage` and the stages before it are imported (raises here what an import met)."""
    start()
    _done[stage].wait()
    for modules in STAGES[:stage + 1]:
        for module in modules:
            importlib.import_module(module)
