"""How Today appears on launch: the Today page, or a second Today list in a dialog over the window.

Kept out of ui.pages.today so that the page does not import the page registry (which imports the page).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QVBoxLayout


def show_today_on_launch(window, reminders, mode: str | None = None) -> QDialog | None:
    """On launch: the Today page, or a second Today list in a dialog (book setting "reminder.show_on_launch",
    `mode` when the caller read it already — off the GUI thread — else read here)."""
    if mode is None:
        mode = reminders.settings().get("reminder.show_on_launch", "page")
    if mode != "dialog":
        window.show_page("today")
        return None
    from ui.pages.registry import page_spec

    dialog = QDialog(window)
    dialog.setWindowTitle(QCoreApplication.translate("TodayPage", "Today"))
    dialog.resize(1100, 640)
    page = page_spec("today").create(window.session)
    page.customer_requested.connect(window.open_customer)
    page.customer_requested.connect(dialog.accept)
    page.book_modified.connect(window.refresh_counts)
    page.badge_changed.connect(lambda count: window.set_badge("today", count))
    QVBoxLayout(dialog).addWidget(page)
    page.page_activated()
    dialog.open()
    return dialog
