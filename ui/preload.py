"""The modules an open book needs (SQLAlchemy and the models, the services and pages shown at launch: ~0.5 s of
imports), imported on a thread of their own from the start of the app, while the window is being built.

`start()` at launch (ui.app), `wait_for_book_modules()` / `wait()` where they are needed (ui.launcher.open_book_at).
One thread imports them in order, so no two threads import the parts of one package at the same time; an import
that fails there is made again (and raises) on the thread that waits.
"""

from __future__ import annotations

import importlib
import threading

# core.book.db first: the opening thread needs it to start the book's quick check; the rest while that runs.
BOOK = ("sqlalchemy", "core.book.db")
NEEDED_ONCE_OPEN = ("core.customers", "core.reminders.service", "core.shop", "ui.excel_flow", "ui.pages.today",
                    "ui.today_launch", "ui.widgets.shop_settings")

_lock = threading.Lock()
_thread: threading.Thread | None = None
_book_ready = threading.Event()


def start() -> None:
    """Begin importing (once per process)."""
    global _thread
    with _lock:
        if _thread is None:
            _thread = threading.Thread(target=_import_all, name="preload", daemon=True)
            _thread.start()


def _import_all() -> None:
    try:
        for module in BOOK:
            importlib.import_module(module)
    except Exception:  # imported again by the waiting thread, which reports it
        return
    finally:
        _book_ready.set()
    for module in NEEDED_ONCE_OPEN:
        try:
            importlib.import_module(module)
        except Exception:
            return


def wait_for_book_modules() -> None:
    """Until core.book.db is imported (raises here what its import met)."""
    start()
    _book_ready.wait()
    for module in BOOK:
        importlib.import_module(module)


def wait() -> None:
    """Until every module is imported (raises here what an import met)."""
    start()
    assert _thread is not None
    _thread.join()
    for module in (*BOOK, *NEEDED_ONCE_OPEN):
        importlib.import_module(module)
