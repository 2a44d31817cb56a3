"""The main window: left navigation, page stack, global customer search, menus, toolbar and status bar."""

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QSettings, QSize, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSizePolicy,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from core.dto import BookCounts
from core.excel import SPREADSHEET_SUFFIXES
from ui import settings as keys
from ui.change_poll import ChangePoller
from ui.icons import icon
from ui.pages.base import Page
from ui.pages.registry import PAGES, PageSpec
from ui.session import Session
from ui.tasks import report_unhandled, wait_all
from ui.widgets.fit import fitted_size

log = logging.getLogger(__name__)

DEFAULT_SIZE = QSize(1280, 800)  # first launch, made smaller on a smaller screen
SEARCH_DELAY_MS = 180  # typing pauses shorter than this do not re-run the search
# At close, the longest wait (in all) for the running work to stop before the book closes: a long job stops between
# two of its short transactions (the stage pass, the regeneration), so it needs one of those at most.
CLOSE_WAIT_MS = 10_000
# Palette roles only, so the navigation follows the light or dark system theme.
NAVIGATION_STYLE = """
QListWidget#navigation { background: palette(base); border: none; border-right: 1px solid palette(midlight); outline: 0;
                         padding: 6px 4px; }
QListWidget#navigation::item { padding: 4px 8px; border-radius: 6px; color: palette(text); }
QListWidget#navigation::item:hover { background: palette(alternate-base); }
QListWidget#navigation::item:selected { background: palette(highlight); color: palette(highlighted-text); }
"""


class MainWindow(QMainWindow):
    """Hosts the pages of ui.pages.registry; pages are built the first time they are shown.

    Without a session the window paints at once and says the book is being opened (a big book's
    integrity check takes seconds); ``attach`` then brings the pages in. counts() returns the book's
    BookCounts for the status bar; import_handler(path | None) and
    export_handler() are the Ctrl+O / Ctrl+E actions (the import and export dialogs plug in there).
    """

    page_changed = Signal(str)
    open_book_requested = Signal()
    new_book_requested = Signal()
    connect_shared_book_requested = Signal()
    backups_requested = Signal()

    def __init__(
        self,
        session: Session | None,
        counts: Callable[[], BookCounts] | None = None,
        pages: list[PageSpec] | None = None,
        import_handler: Callable[[str | None], None] | None = None,
        export_handler: Callable[[], None] | None = None,
        log_path: Path | None = None,
        settings: QSettings | None = None,
    ):
        super().__init__()
        self.session: Session | None = None
        self._settings = settings if settings is not None else session.settings
        self._counts = counts
        self._specs = list(pages if pages is not None else PAGES)
        self._pages: dict[str, Page] = {}
        self._import_handler = import_handler
        self._export_handler = export_handler
        self._log_path = log_path
        self.setAcceptDrops(True)
        self.setWindowTitle(self.tr("Huitouke"))
        self._build_navigation()
        self._build_actions()
        self._build_status_bar()
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._on_search_timer_timeout)
        self._restore_geometry()
        self.change_poller: ChangePoller | None = None
        if session is not None:
            self.attach(session, counts)
        else:
            self._set_book_actions_enabled(False)

    def attach(self, session: Session, counts: Callable[[], BookCounts], page: str | None = None,
               ready: bool = True) -> None:
        """Show this open book: enable the pages and go to `page`, else to the page the seller used last
        (only the page shown is built). Not `ready`: the page shows, read-only — the actions stay off and the
        counts and the change poller wait — until `set_ready()` (the launch, while the book's check runs)."""
        self.session = session
        self._counts = counts
        self.setWindowTitle(self.tr("Huitouke — %1").replace("%1", Path(session.book_path).name))
        self.book_label.setText(session.book_path)
        self.stack.removeWidget(self.opening_label)
        if ready:
            self.set_ready()
        keys_in_order = [spec.key for spec in self._specs]
        last = page or self._settings.value(keys.LAST_PAGE, "customers")
        self.navigation.setCurrentRow(keys_in_order.index(last) if last in keys_in_order else 0)

    def set_ready(self) -> None:
        """The book may be used: the actions on, the counts read, the change poller started."""
        self._set_book_actions_enabled(True)
        self.refresh_counts()
        if self.change_poller is not None:
            self.change_poller.stop()
        self.change_poller = self._start_change_poller()

    def set_file_handlers(self, import_handler: Callable[[str | None], None],
                          export_handler: Callable[[], None]) -> None:
        """The Ctrl+O / Ctrl+E actions (and dropped files) go to these from now on."""
        self._import_handler = import_handler
        self._export_handler = export_handler

    def show_opening(self, location: str) -> None:
        """Say that location is being opened (until attach)."""
        self.opening_label.setText(self.tr("Opening %1 …").replace("%1", location))
        self.book_label.setText(location)

    def _set_book_actions_enabled(self, enabled: bool) -> None:
        for widget in (self.navigation, self.search_box, self.new_customer_action, self.find_action,
                       self.import_action, self.export_action):
            widget.setEnabled(enabled)
        if not enabled:
            self.stack.addWidget(self.opening_label)
            self.stack.setCurrentWidget(self.opening_label)

    # --- construction -------------------------------------------------------------------------------
    def _build_navigation(self) -> None:
        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setIconSize(QSize(22, 22))
        self.navigation.setFrameShape(QListWidget.Shape.NoFrame)
        self.navigation.setSpacing(2)
        self.navigation.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        self.stack = QStackedWidget()
        self.opening_label = QLabel()
        self.opening_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        for spec in self._specs:
            item = QListWidgetItem(icon(spec.icon), QCoreApplication.translate("Navigation", spec.title))
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            item.setSizeHint(QSize(0, 40))
            self.navigation.addItem(item)
            self.stack.addWidget(QWidget())  # replaced by the page on first show
        width = max(self.navigation.sizeHintForColumn(0) + 36, 120)
        self.navigation.setFixedWidth(width)
        self.navigation.setStyleSheet(NAVIGATION_STYLE)
        self.navigation.currentRowChanged.connect(self._on_navigation_current_row_changed)
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.navigation)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)

    def _action(self, text: str, slot, shortcut=None, icon_name: str | None = None) -> QAction:
        action = QAction(text, self)
        if icon_name:
            action.setIcon(icon(icon_name))
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        self.new_customer_action = self._action(
            self.tr("New customer"), self.new_customer, QKeySequence.StandardKey.New, "customer_add")
        self.find_action = self._action(self.tr("Find customer"), self.focus_search, QKeySequence.StandardKey.Find,
                                        "search")
        self.import_action = self._action(self.tr("Import…"), lambda: self.import_file(None),
                                          QKeySequence.StandardKey.Open, "import")
        self.export_action = self._action(self.tr("Export…"), self.export_book, "Ctrl+E", "export")
        self.paste_action = self._action(self.tr("Paste from chat…"), self.paste_from_chat, "Ctrl+Shift+V",
                                         "paste_chat")
        self.duplicates_action = self._action(self.tr("Find duplicate customers…"), self.find_duplicates)
        new_book = self._action(self.tr("New book…"), self.new_book_requested.emit)
        open_book = self._action(self.tr("Open book…"), self.open_book_requested.emit, "Ctrl+Shift+O")
        connect_book = self._action(self.tr("Connect to a shared book…"), self.connect_shared_book_requested.emit)
        self.backups_action = self._action(self.tr("Backups…"), self.backups_requested.emit)
        self.refresh_action = self._action(self.tr("Refresh"), self.refresh_all, QKeySequence.StandardKey.Refresh)
        quit_action = self._action(self.tr("Quit"), self.close, QKeySequence.StandardKey.Quit)

        file_menu = self.menuBar().addMenu(self.tr("&File"))
        for action in (new_book, open_book, connect_book, None, self.import_action, self.export_action,
                       self.backups_action, None, quit_action):
            file_menu.addSeparator() if action is None else file_menu.addAction(action)
        customer_menu = self.menuBar().addMenu(self.tr("&Customers"))
        customer_menu.addAction(self.new_customer_action)
        customer_menu.addAction(self.paste_action)
        customer_menu.addAction(self.find_action)
        customer_menu.addAction(self.duplicates_action)
        go_menu = self.menuBar().addMenu(self.tr("&Go"))
        go_menu.addAction(self.refresh_action)
        for row, spec in enumerate(self._specs):
            go_menu.addAction(self._action(QCoreApplication.translate("Navigation", spec.title),
                                           lambda _=False, r=row: self.navigation.setCurrentRow(r),
                                           f"Ctrl+{row + 1}", spec.icon))
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(self._action(self.tr("Open log folder"), self._open_log_folder))
        help_menu.addAction(self._action(self.tr("About Huitouke"), self._show_about))

        toolbar = QToolBar(self.tr("Main toolbar"))
        toolbar.setObjectName("main_toolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.addAction(self.new_customer_action)
        toolbar.addAction(self.paste_action)
        toolbar.addAction(self.import_action)
        toolbar.addAction(self.export_action)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(spacer)
        self.search_box = QLineEdit()
        self.search_box.setObjectName("global_search")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search_box.setPlaceholderText(self.tr("Search customers: name, pinyin initials, phone, tag (Ctrl+F)"))
        self.search_box.setMinimumWidth(340)
        self.search_box.textChanged.connect(self._on_search_box_text_changed)
        toolbar.addWidget(self.search_box)
        self.addToolBar(toolbar)

    def _build_status_bar(self) -> None:
        self.book_label = QLabel()
        self.book_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.counts_label = QLabel()
        self.statusBar().addWidget(self.book_label, 1)
        self.statusBar().addPermanentWidget(self.counts_label)

    def _restore_geometry(self) -> None:
        """The size and place of last time, else 1280×800 — either one made to fit this screen (a 1366×768
        laptop has 1366×728 for windows)."""
        geometry = self._settings.value(keys.GEOMETRY)
        if geometry is not None:
            self.restoreGeometry(geometry)
        available = self.screen().availableGeometry()
        wanted = self.size() if geometry is not None else DEFAULT_SIZE
        self.resize(fitted_size(wanted, available))

    # --- pages --------------------------------------------------------------------------------------
    def page(self, key: str) -> Page:
        """The page with this registry key, built now if it was not yet shown."""
        if key not in self._pages:
            row = next(i for i, spec in enumerate(self._specs) if spec.key == key)
            page = self._specs[row].create(self.session)
            page.setObjectName(f"page_{key}")
            page.book_modified.connect(lambda source=page: self._on_page_book_modified(source))
            if hasattr(page, "badge_changed"):
                page.badge_changed.connect(lambda count, k=key: self.set_badge(k, count))
            if hasattr(page, "customer_requested"):
                page.customer_requested.connect(self.open_customer)
            if hasattr(page, "customers_requested"):  # click-through pages (Analytics)
                page.customers_requested.connect(self.show_customers)
            if hasattr(page, "stage_requested"):  # Today's note on dormant and churned customers
                page.stage_requested.connect(self.show_stage)
            old = self.stack.widget(row)
            self.stack.insertWidget(row, page)
            self.stack.removeWidget(old)
            old.deleteLater()
            self._pages[key] = page
        return self._pages[key]

    def built_page(self, key: str) -> Page | None:
        """The page with this key if it was built, else None."""
        return self._pages.get(key)

    def current_key(self) -> str:
        return self._specs[self.navigation.currentRow()].key

    def show_page(self, key: str) -> Page:
        row = next(i for i, spec in enumerate(self._specs) if spec.key == key)
        self.navigation.setCurrentRow(row)
        return self.page(key)

    def show_customers(self, ids: tuple[int, ...], description: str) -> None:
        """Open the customer list showing only these customers (click-through from a chart)."""
        self.show_page("customers").show_customer_ids(ids, description)

    def show_stage(self, stage: str) -> None:
        """Open the customer list filtered to this lifecycle stage."""
        self.show_page("customers").show_stage(stage)

    def _on_navigation_current_row_changed(self, row: int) -> None:
        if row < 0 or self.session is None:
            return
        key = self._specs[row].key
        page = self.page(key)
        self.stack.setCurrentWidget(page)
        page.page_activated()
        self.page_changed.emit(key)

    def _on_page_book_modified(self, source: Page) -> None:
        if self.change_poller is not None:
            self.change_poller.mark_seen()  # our own save: the other pages are refreshed right here
        self.refresh_counts()
        for page in self._pages.values():
            if page is not source:
                page.refresh()

    def refresh_all(self) -> None:
        """Reload what every open page shows (F5, and when someone else changed a shared book)."""
        self.refresh_counts()
        for page in self._pages.values():
            page.refresh()

    def _start_change_poller(self) -> ChangePoller | None:
        """Look at the book's change counter every few seconds (ui.change_poll): someone else on a shared
        book, or the command line beside the app (an import), changed it."""
        book = self.session.book
        if book is None or not hasattr(book, "change_counter"):
            return None
        poller = ChangePoller(book, self.session.tasks, parent=self)
        poller.changed.connect(self.refresh_all)
        poller.unreachable.connect(lambda message: self.statusBar().showMessage(
            self.tr("The shared book cannot be reached right now; still trying. (%1)").replace("%1", message)))
        poller.reachable.connect(self.statusBar().clearMessage)
        poller.start()
        return poller

    def set_badge(self, key: str, count: int) -> None:
        """Show a count after a page's name in the navigation (and the due count in the window title)."""
        row = next(i for i, spec in enumerate(self._specs) if spec.key == key)
        title = QCoreApplication.translate("Navigation", self._specs[row].title)
        text = f"{title} ({count:,})" if count else title
        self.navigation.item(row).setText(text)
        needed = self.navigation.fontMetrics().horizontalAdvance(text) + self.navigation.iconSize().width() + 52
        self.navigation.setFixedWidth(max(self.navigation.width(), needed))
        base = self.tr("Huitouke — %1").replace("%1", Path(self.session.book_path).name)
        if key == "today":
            self.setWindowTitle(base + (" — " + self.tr("%1 due today").replace("%1", f"{count:,}") if count else ""))

    def open_customer(self, customer_id: int) -> None:
        self.show_page("customers").open_customer(customer_id)

    def book_changed_elsewhere(self) -> None:
        """Something outside the pages wrote to the book (an import): refresh counts and every page."""
        self._on_page_book_modified(None)

    def refresh_counts(self) -> None:
        """Count customers, orders and products on the pool (a full count takes ~100 ms on 100k)."""
        if self.session is not None:
            self.session.tasks.run(self._counts, on_success=self._show_counts)

    def _show_counts(self, counts: BookCounts) -> None:
        text = self.tr("%1 customers · %2 orders · %3 products").replace("%1", f"{counts.customers:,}") \
            .replace("%2", f"{counts.orders:,}").replace("%3", f"{counts.products:,}")
        if counts.deleted_customers:
            text += " · " + self.tr("%1 in the recycle bin").replace("%1", f"{counts.deleted_customers:,}")
        self.counts_label.setText(text)

    # --- actions ------------------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def _on_search_box_text_changed(self, _text: str) -> None:
        self._search_timer.start()

    def _on_search_timer_timeout(self) -> None:
        page = self.show_page("customers") if self.current_key() != "customers" else self.page("customers")
        page.set_search(self.search_box.text().strip())

    def new_customer(self) -> None:
        self.show_page("customers").new_customer()

    def paste_from_chat(self) -> None:
        """Ctrl+Shift+V: a customer (and order) from the chat message on the clipboard (ui.paste_flow)."""
        from ui.paste_flow import run_paste_flow

        if run_paste_flow(self, self.session.book) is not None:
            self._on_page_book_modified(None)

    def find_duplicates(self) -> None:
        """Customers menu: the book's customers that look like one person, merged or kept apart by the seller. The
        search (core.duplicates_finder: ≈ 1 s on a 100,000-customer book) runs on the session's task runner, the
        action disabled and the cursor busy meanwhile; the dialog opens with its pairs."""
        from core import duplicates_finder

        if self.session is None:
            return
        self.duplicates_action.setEnabled(False)
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        self.session.tasks.run(duplicates_finder.find_duplicates, self.session.book,
                               on_success=self._show_duplicates, on_error=self._duplicates_failed)

    def _searched(self) -> None:
        QApplication.restoreOverrideCursor()
        self.duplicates_action.setEnabled(True)

    def _duplicates_failed(self, error: BaseException) -> None:
        self._searched()
        report_unhandled(error)

    def _show_duplicates(self, found) -> None:
        from ui.widgets.merge_review import DuplicatesDialog

        self._searched()
        if self.session is None:
            return
        dialog = DuplicatesDialog(self.session.book, parent=self, lane=self.session.lane, found=found)
        dialog.book_changed.connect(lambda: self._on_page_book_modified(None))
        dialog.exec()

    def import_file(self, path: str | None) -> None:
        if self._import_handler is not None:
            self._import_handler(path)
            return
        QMessageBox.information(self, self.tr("Import"), self.tr(
            "Importing Excel and CSV files arrives in a later version."))

    def export_book(self) -> None:
        if self._export_handler is not None:
            self._export_handler()
            return
        QMessageBox.information(self, self.tr("Export"), self.tr(
            "Exporting to Excel arrives in a later version."))

    def _open_log_folder(self) -> None:
        if self._log_path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._log_path.parent)))

    def _show_about(self) -> None:
        from ui.dialogs.about import AboutDialog

        AboutDialog(self.session.book_path, self._log_path, parent=self).exec()

    # --- events -------------------------------------------------------------------------------------
    def dragEnterEvent(self, event) -> None:
        if any(Path(url.toLocalFile()).suffix.lower() in SPREADSHEET_SUFFIXES for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        for url in event.mimeData().urls():
            if Path(url.toLocalFile()).suffix.lower() in SPREADSHEET_SUFFIXES:
                self.import_file(url.toLocalFile())
                event.acceptProposedAction()
                return

    def changeEvent(self, event) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self.navigation.viewport().update()  # icons repaint in the new text colour
        super().changeEvent(event)

    def save_state(self) -> None:
        self._settings.setValue(keys.GEOMETRY, self.saveGeometry())
        if self.session is not None:
            self._settings.setValue(keys.LAST_PAGE, self.current_key())
        for page in self._pages.values():
            page.save_state()
        self._settings.sync()

    def closeEvent(self, event) -> None:
        if self.change_poller is not None:
            self.change_poller.stop()
        self.save_state()
        if self.session is not None:
            runners = (self.session.tasks, self.session.lane)
            for runner in runners:  # every job told to stop first: they stop side by side
                runner.cancel_all()
            if not wait_all((runner.wait for runner in runners), CLOSE_WAIT_MS):
                log.warning("work still running %d ms after the window closed", CLOSE_WAIT_MS)
        super().closeEvent(event)
