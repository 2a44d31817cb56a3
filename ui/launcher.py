"""Decides what the seller sees at start-up (welcome screen or main window) and opens, creates or switches books."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from core.book import paths
from core.book.paths import is_url
from core.book.shared import (
    ServerAddress,
    forget_password,
    has_remembered_password,
    remember_password,
    without_password,
)
from core.errors import BookDamaged, BookLocked, BookTooNew, HuitoukeError, ServerUnavailable
from ui import preload
from ui import settings as keys
from ui.dialogs.shared_book import ConnectSharedBookDialog, describe_connection_error
from ui.main_window import MainWindow
from ui.session import Session
from ui.tasks import TaskRunner, report_unhandled
from ui.text.errors import MESSAGES, describe
from ui.welcome import WelcomeWindow

if TYPE_CHECKING:
    from core.book.db import Book

log = logging.getLogger(__name__)

DEMO_BOOK_NAME = "demo.book"
DEMO_CUSTOMERS = 300
BOOK_FILTER = "*.book"


def open_book_at(location: str, create: bool) -> Book:
    """Book.open, importing core.book.db (SQLAlchemy and the models) only now or on the preload thread
    (ui.preload, started with the app), so the first window paints before that import; on the thread pool the
    imports run off the GUI thread too.

    The book's quick check runs on a thread of its own (check="concurrent") while the modules needed once it is
    open finish importing and the launch's first reads are made (`open_with_launch_facts`); writes wait for
    the full check (ui.book_health), and the daily backup is taken once it passed."""
    preload.wait(preload.BOOK)
    from core.book.db import Book

    return Book.open(location, create=create, check="concurrent", daily_backup=False)


def open_with_launch_facts(location: str, create: bool, today: Callable[[], dt.date] = dt.date.today
                           ) -> tuple[Book, str, object, tuple | None]:
    """open_book_at, then what the window needs to decide how it starts, read here and not on the GUI thread:
    (book, how Today shows on launch — "page" or "dialog" —, the shop profile for the first-run step, and for
    the page the first Today list as TodayPage reads it, for `today()`: the Session's clock).

    These reads run while the book's quick check does (Book.open(check="concurrent")): a broken page met here is
    raised as BookDamaged (`Book.as_damage`), and the window that shows them keeps every action off until the
    check passed (ui.launch_gate)."""
    book = open_book_at(location, create)
    try:
        preload.wait(preload.READS)
        from core.reminders.service import ReminderService
        from core.shop import ShopService

        reminders = ReminderService(book)
        show_today = reminders.settings().get("reminder.show_on_launch", "page")
        first_today = None
        if show_today != "dialog":
            day = today()
            now = dt.datetime.combine(day, dt.datetime.now().time())
            first_today = (day, reminders.day_list(day, now=now), None)
        profile = ShopService(book).profile()
        preload.wait(preload.WINDOW)  # not on the GUI thread either
        return book, show_today, profile, first_today
    except BaseException as exc:
        damage = book.as_damage(exc) if isinstance(exc, Exception) else None
        book.close()
        if damage is not None:
            raise damage from None
        raise


class Launcher(QObject):
    """Owns the open book and its window. ``window`` is the MainWindow once a book is open.

    ``book_opened(location)`` is emitted each time a book is open in a new window.
    """

    book_opened = Signal(str)

    def __init__(self, settings: QSettings, log_path: Path | None, tasks: TaskRunner | None = None,
                 demo_builder: Callable[..., object] | None = None, open_in_background: bool = True,
                 today: Callable[[], dt.date] = dt.date.today):
        """`today`: the seller's clock for the books it opens (ui.session.Session.today; tests fix it)."""
        super().__init__()
        self._today = today
        self._settings = settings
        self._demo_builder = demo_builder
        self._open_in_background = open_in_background
        self._import_after_open: str | None = None
        self._log_path = log_path
        self._tasks = tasks or TaskRunner()
        self.book: Book | None = None
        self.window: MainWindow | None = None
        self.welcome: WelcomeWindow | None = None
        self._demo_task = None
        self.shop_dialog = None  # the first-run step "My shop", when it was asked
        self.launch_gate = None  # ui.launch_gate.LaunchGate of the last book opened in the background
        from ui.book_health import BookHealth

        self.health = BookHealth(self)

    @property
    def tasks(self) -> TaskRunner:
        return self._tasks

    def close_book(self) -> None:
        """Close the window and release the book (before a restore replaces it)."""
        self._close_current()

    def start(self, book_location: str | None, import_file: str | None = None) -> None:
        """Open the book given on the command line, else the last one, else the default; else welcome.

        With `import_file` (a spreadsheet given on the command line) its import starts once the book is open;
        when there is no book yet, the default book is created for it (as the welcome screen's import does).
        """
        self._import_after_open = import_file
        if book_location:
            self.open_book(book_location, create=not is_url(book_location))
            return
        last = self._settings.value(keys.LAST_BOOK)
        if last and is_url(str(last)):
            # the last book was a shared one: if it cannot be opened now (server down, password not
            # remembered), ask for the connection again rather than quietly opening a local book
            if not (self.open_book(str(last), background=False) or self.connect_shared_book()):
                self.show_welcome()
            return
        for candidate in (last, str(paths.default_book_path())):
            if candidate and (is_url(candidate) or Path(candidate).exists()):
                self.open_book(candidate)
                return
        if import_file:
            self.open_book(str(paths.default_book_path()), create=True)
            return
        self.show_welcome()

    # --- welcome ------------------------------------------------------------------------------------
    def show_welcome(self) -> None:
        self.welcome = WelcomeWindow()
        self.welcome.empty_book_requested.connect(self._on_welcome_empty_book_requested)
        self.welcome.demo_book_requested.connect(self._on_welcome_demo_book_requested)
        self.welcome.import_requested.connect(self._on_welcome_import_requested)
        self.welcome.open_book_requested.connect(self.choose_and_open_book)
        self.welcome.connect_shared_book_requested.connect(self.connect_shared_book)
        self.welcome.cancel_requested.connect(self._on_welcome_cancel_requested)
        self.welcome.show()

    def _on_welcome_empty_book_requested(self) -> None:
        self.open_book(str(paths.default_book_path()), create=True)

    def _on_welcome_import_requested(self) -> None:
        file_name, _ = QFileDialog.getOpenFileName(
            self.welcome, self.tr("Import an Excel file"), str(Path.home()),
            self.tr("Spreadsheets (*.xlsx *.xls *.csv *.ods)"))
        if file_name:
            self._import_after_open = file_name
            self.open_book(str(paths.default_book_path()), create=True)

    def _on_welcome_demo_book_requested(self) -> None:
        target = paths.data_dir() / DEMO_BOOK_NAME
        if target.exists():
            self.open_book(str(target))
            return
        builder = self._demo_builder
        if builder is None:
            from core.demo.build import build_demo as builder
        self.welcome.show_progress(self.tr("Creating the demo book…"))
        self._demo_task = self._tasks.run(
            builder, target, customers=DEMO_CUSTOMERS, seed=1,
            on_success=lambda _result: self._on_demo_created(target),
            on_error=self._on_demo_failed,
            on_progress=lambda done, total, _message: self.welcome.show_progress(
                self.tr("Creating the demo book…"), done, total),
        )

    def _on_demo_created(self, target: Path) -> None:
        self._demo_task = None
        self.open_book(str(target))

    def _on_demo_failed(self, exc: BaseException) -> None:
        self._demo_task = None
        self.welcome.hide_progress()
        self._tell(self.welcome, self.tr("The demo book could not be created: %1").replace("%1", str(exc)))

    def _on_welcome_cancel_requested(self) -> None:
        if self._demo_task is not None:
            self._demo_task.cancel()
            self._demo_task = None
        self.welcome.hide_progress()

    # --- books --------------------------------------------------------------------------------------
    def choose_and_open_book(self) -> None:
        parent = self.window or self.welcome
        file_name, _ = QFileDialog.getOpenFileName(parent, self.tr("Open a book"), str(paths.data_dir()),
                                                   self.tr("Huitouke books (%1)").replace("%1", BOOK_FILTER))
        if file_name:
            self.open_book(file_name)

    def choose_and_create_book(self) -> None:
        file_name, _ = QFileDialog.getSaveFileName(self.window, self.tr("New book"), str(paths.data_dir()),
                                                   self.tr("Huitouke books (%1)").replace("%1", BOOK_FILTER))
        if not file_name:
            return
        if not file_name.endswith(paths.BOOK_SUFFIX):
            file_name += paths.BOOK_SUFFIX
        if Path(file_name).exists():
            self._tell(self.window, self.tr("A book with this name already exists; choose another name."))
            return
        self.open_book(file_name, create=True)

    def connect_shared_book(self) -> bool:
        """Ask where the shared book is (prefilled with the last one) and open it; asks again on failure.

        A password to remember goes to the private password file (core.book.shared), never to QSettings;
        otherwise it is used for this session only.
        """
        last = str(self._settings.value(keys.LAST_BOOK) or "")
        address = ServerAddress.from_url(last) if is_url(last) else None
        dialog = ConnectSharedBookDialog(self._tasks, address, address is not None and has_remembered_password(
            address), self.window or self.welcome)
        while dialog.exec() == QDialog.DialogCode.Accepted:
            address, password = dialog.address(), dialog.password()
            if dialog.remember_password() and password:
                remember_password(address, password)
            elif not dialog.remember_password():
                forget_password(address)
            # Opened here and now: the seller waits on this dialog, and a failure must bring it back.
            url = address.url(None if dialog.remember_password() else password or None)
            if self.open_book(url, background=False):
                return True
        return False

    def open_book(self, location: str, create: bool = False, background: bool | None = None) -> bool:
        """Open (or create) the book in a new main window.

        The window paints at once and says the book is opening; Book.open (lock, integrity check,
        migrations, the daily backup: seconds on a big book) runs on the thread pool. On failure the
        seller is told why and, with no book open, sees the welcome screen.
        """
        self._close_current()
        self.window = MainWindow(None, settings=self._settings, log_path=self._log_path)
        self.window.open_book_requested.connect(self.choose_and_open_book)
        self.window.new_book_requested.connect(self.choose_and_create_book)
        self.window.connect_shared_book_requested.connect(self.connect_shared_book)
        self.window.backups_requested.connect(lambda: self.health.show_backups())
        self.window.show_opening(location)
        self.window.show()
        if self.welcome is not None:
            self.welcome.close()
            self.welcome = None
        if not (self._open_in_background if background is None else background):
            try:
                opened = open_with_launch_facts(location, create, self._today)
            except HuitoukeError as exc:
                self._on_open_failed(location, exc, reask=False)
                return False
            try:
                opened[0].await_quick_check()  # opened here and now: checked here and now too
            except HuitoukeError as exc:
                opened[0].close()
                self._on_open_failed(location, exc, reask=False)
                return False
            self._on_book_opened(location, opened, at_once=True)
            return True
        self._tasks.run(open_with_launch_facts, location, create, self._today,
                        on_success=lambda opened: self._on_book_opened(location, opened),
                        on_error=lambda exc: self._on_open_failed(location, exc, reask=True))
        return True

    def _on_book_opened(self, location: str, opened: tuple, at_once: bool = False) -> None:
        """Show the book `open_with_launch_facts` opened; nothing here reads the book on the GUI thread.

        The window shows the first rows at once, read-only: until the book's quick check passed (and those rows
        are painted) its actions stay off and nothing else starts (ui.launch_gate, `_on_launch_ready`);
        `at_once` when the check is over already (an open on the GUI thread): everything starts now."""
        book, show_today, shop_profile, first_today = opened
        if self.window is None:  # the window was closed while the book was opening
            book.close()
            return
        self.book = book
        self._settings.setValue(keys.LAST_BOOK, without_password(str(location)))
        session = Session(book=book, book_path=book.display_name, settings=self._settings, tasks=self._tasks,
                          today=self._today, launch_today=first_today)
        from core.customers import book_counts
        from ui.excel_flow import ExcelFlow

        excel = ExcelFlow(session)
        excel.setParent(self.window)
        excel.window = self.window
        excel.book_changed.connect(self.window.book_changed_elsewhere)
        self.window.set_file_handlers(excel.import_file, excel.export)
        # Straight to the Today page when it shows on launch: the page used last is not built meanwhile.
        self.window.attach(session, lambda: book_counts(book), page="today" if show_today != "dialog" else None,
                           ready=False)
        from core.reminders.service import ReminderService
        from ui.launch_gate import LaunchGate, after_paint
        from ui.today_launch import show_today_on_launch

        show_today_on_launch(self.window, ReminderService(book), show_today)
        window = self.window
        log.info("opened %s", book.display_name)
        if at_once:
            if first_today is not None:
                window.page("today").show_launch_read()
            self._on_launch_ready(window, shop_profile)
            return
        self.launch_gate = gate = LaunchGate(book, lambda: self._on_launch_ready(window, shop_profile),
                                             lambda exc: self._on_launch_check_failed(window, location, exc),
                                             parent=window)
        today = window.page("today") if first_today is not None else None
        if today is not None:  # its first rows are shown in the next turn of the event loop (TodayPage)
            after_paint(today.tree.viewport(), gate.painted, when=lambda: today.tree.topLevelItemCount() > 0)
        else:
            gate.painted()

    def _on_launch_ready(self, window: MainWindow, shop_profile) -> None:
        """The book passed its quick check and the first rows are on the screen: the window's actions on, and
        what reads or writes the book in the background starts now, not while those rows were coming."""
        if window is not self.window or self.book is None:
            return
        book, session = self.book, window.session
        window.set_ready()
        today = window.built_page("today")
        regenerate = None
        if today is not None and today.awaiting_launch:
            today.start_after_launch()

            def regenerate(backup: Callable[[], None]) -> None:
                if window is self.window:
                    today.regenerate(then=backup)
                else:
                    backup()

        from core.customers import CustomerService
        from core.shop import ShopService
        from ui.widgets.shop_settings import ask_for_shop_once

        # the first-run step, asked once
        self.shop_dialog = ask_for_shop_once(window, ShopService(book), shop_profile, lane=session.lane)
        # Stored lifecycle stages brought to today once the book passed its check (writes: started earlier they
        # would only wait), so the first stage filter or sort does not wait for it: a job of the lane, in short
        # transactions (a save waits for one at most), at the normal priority (the first such list waits for it).
        self.health.after_check(book, lambda: session.lane.run_job(
            CustomerService(book).ensure_stages_in_chunks, session.today(), background=False,
            on_error=lambda exc: log.warning("stages not brought up to date: %s", getattr(exc, "code", exc))))
        # an import the program was closed or killed in the middle of is undone (core.excel.chunked)
        self.health.after_check(book, lambda: session.lane.save(
            recover_imports, book, session.today(), on_success=self._imports_recovered,
            on_error=lambda exc: log.warning("unfinished imports not undone: %s", getattr(exc, "code", exc))))
        # The complete regeneration once the full check passed (its temporary tables are writes, refused until
        # then), and the daily backup after it, not beside it (ui.book_health.BookHealth.watch).
        self.health.watch(book, then=regenerate)
        self.book_opened.emit(str(book.location))
        if self._import_after_open:
            path, self._import_after_open = self._import_after_open, None
            window.import_file(path)

    def _on_launch_check_failed(self, window: MainWindow, location: str, exc: BaseException) -> None:
        """The quick check beside the first reads failed: the book is closed (it was never written: writes wait
        for the checks) and the seller is told as for a book found damaged at open — the Backups offer."""
        if window is not self.window:
            return
        self._close_current()
        self._on_open_failed(location, exc, reask=False)

    def _imports_recovered(self, undone: list[int]) -> None:
        """Say that an import stopped halfway was undone (core.excel.batches.recover_unfinished_imports)."""
        if not undone or self.window is None:
            return
        self.window.book_changed_elsewhere()
        QMessageBox.information(self.window, self.tr("Import undone"), self.tr(
            "An import was interrupted (Huitouke was closed or stopped while it ran). What it had written has been "
            "taken out again, so the book is as it was before it. Import the file again to bring it in."))

    def _on_open_failed(self, location: str, exc: BaseException, reask: bool) -> None:
        if self.window is not None:
            self.window.close()
            self.window.deleteLater()
            self.window = None
        if not isinstance(exc, HuitoukeError):
            report_unhandled(exc)
        else:
            log.warning("could not open %s: %s", location, exc.code)
            if isinstance(exc, BookDamaged) and not is_url(location):
                self.show_welcome()
                self.health.offer_backups(location, exc.details.get("problems") or (), self.welcome)
                return
            self._tell(None, self.describe_open_error(exc, location))
        if reask and is_url(location) and self.connect_shared_book():
            return  # a shared book that cannot be opened brings the connection dialog back
        self.show_welcome()

    def describe_open_error(self, exc: HuitoukeError, location: str) -> str:
        """A translated sentence for an error raised by Book.open."""
        if isinstance(exc, BookLocked):
            holder = exc.details.get("holder") or {}
            who = holder.get("app") or self.tr("another program")
            pid = holder.get("pid", "?")
            return self.tr("The book %1 is already open in %2 (process %3). Close it there first.") \
                .replace("%1", location).replace("%2", str(who)).replace("%3", str(pid))
        if isinstance(exc, BookDamaged):
            newest = exc.details.get("newest_backup") or self.tr("none found")
            return self.tr("The book %1 is damaged and was not opened. Newest good backup: %2") \
                .replace("%1", location).replace("%2", newest)
        if isinstance(exc, BookTooNew):
            return self.tr("The book %1 was written by a newer version of Huitouke. Please update the app.") \
                .replace("%1", location)
        if isinstance(exc, ServerUnavailable):
            return describe_connection_error(exc)
        if exc.code == "book_missing":
            return self.tr("There is no book at %1.").replace("%1", location)
        if exc.code in MESSAGES:  # not a book, a folder, an unwritable place, disk full, an early layout …
            return describe(exc)
        return self.tr("The book %1 could not be opened: %2").replace("%1", location).replace("%2", str(exc))

    def _tell(self, parent: QWidget | None, message: str) -> None:
        QMessageBox.warning(parent, self.tr("Huitouke"), message)

    def _close_current(self) -> None:
        if self.window is not None:
            self.window.close()
            self.window.deleteLater()
            self.window = None
        if self.book is not None:
            self.book.close()
            self.book = None

    def shutdown(self) -> None:
        """Close the window and release the book (used by tests and at exit)."""
        self._tasks.cancel_all()
        self._tasks.wait(5000)
        self._close_current()


def recover_imports(book, today) -> list[int]:
    """On the lane: core.excel.batches.recover_unfinished_imports (imported here, off the GUI thread)."""
    from core.excel.batches import recover_unfinished_imports

    return recover_unfinished_imports(book, today)
