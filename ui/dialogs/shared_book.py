""""Connect to a shared book" dialog: server address parts, password, and a connection test in plain words."""

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

from core.book.shared import DEFAULT_PORT, ConnectionReport, ServerAddress, check_connection
from core.errors import BookTooNew, HuitoukeError, ServerUnavailable
from ui.tasks import TaskRunner
from ui.widgets.error_label import ERROR_STYLE

OK_STYLE = "color: #2b8a3e;"


class ConnectSharedBookDialog(QDialog):
    """Asks where the shared book is. After `exec()` returns Accepted, read `address()`, `password()` and
    `remember_password()`; the dialog itself stores nothing. "Test connection" runs
    core.book.shared.check_connection on the task runner (synchronously when none is given)."""

    def __init__(self, tasks: TaskRunner | None = None, address: ServerAddress | None = None,
                 password_remembered: bool = False, parent=None):
        super().__init__(parent)
        self._tasks = tasks
        self._test_task = None
        self.setWindowTitle(self.tr("Connect to a shared book"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "A shared book lives on a PostgreSQL server in your office, so several people can work on the "
            "same customers at once. Ask whoever set up the server for these details."))
        intro.setWordWrap(True)
        layout.addWidget(intro)

        form = QFormLayout()
        self.host_edit = QLineEdit(objectName="host")
        self.host_edit.setPlaceholderText(self.tr("e.g. 192.168.1.20 or office-pc"))
        self.port_box = QSpinBox(objectName="port", minimum=1, maximum=65535, value=DEFAULT_PORT)
        self.port_box.setGroupSeparatorShown(False)
        self.database_edit = QLineEdit("huitouke", objectName="database")
        self.user_edit = QLineEdit(objectName="user")
        self.password_edit = QLineEdit(objectName="password")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember_box = QCheckBox(self.tr("Remember the password on this computer"), objectName="remember")
        self.remember_box.setToolTip(self.tr(
            "Kept in a password file only your user account can read, not in the normal settings. "
            "Leave it off on a computer other people use."))
        form.addRow(self.tr("Server (host):"), self.host_edit)
        form.addRow(self.tr("Port:"), self.port_box)
        form.addRow(self.tr("Database:"), self.database_edit)
        form.addRow(self.tr("User name:"), self.user_edit)
        form.addRow(self.tr("Password:"), self.password_edit)
        form.addRow("", self.remember_box)
        layout.addLayout(form)

        self.test_button = QPushButton(self.tr("Test connection"), objectName="test_connection")
        self.test_button.clicked.connect(self.test_connection)
        layout.addWidget(self.test_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.result_label = QLabel(objectName="result")
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.result_label)
        layout.addStretch(1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.connect_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.connect_button.setText(self.tr("Connect"))
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        for edit in (self.host_edit, self.database_edit, self.user_edit):
            edit.textChanged.connect(self._on_fields_changed)
        if address is not None:
            self.host_edit.setText(address.host)
            self.port_box.setValue(address.port)
            self.database_edit.setText(address.database)
            self.user_edit.setText(address.user)
        self.remember_box.setChecked(password_remembered)
        if password_remembered:
            self.password_edit.setPlaceholderText(self.tr("(remembered — type to change)"))
        self._on_fields_changed()

    # --- values -------------------------------------------------------------------------------------
    def address(self) -> ServerAddress:
        return ServerAddress(host=self.host_edit.text().strip(), port=self.port_box.value(),
                             database=self.database_edit.text().strip(), user=self.user_edit.text().strip())

    def password(self) -> str:
        return self.password_edit.text()

    def remember_password(self) -> bool:
        return self.remember_box.isChecked()

    def _complete(self) -> bool:
        a = self.address()
        return bool(a.host and a.database and a.user)

    def _on_fields_changed(self) -> None:
        self.test_button.setEnabled(self._complete() and self._test_task is None)
        self.connect_button.setEnabled(self._complete())

    def _on_buttons_accepted(self) -> None:
        if self._complete():
            self.accept()

    # --- connection test ----------------------------------------------------------------------------
    def test_connection(self) -> None:
        """Try the connection now; the verdict appears under the button."""
        url = self.address().url(self.password() or None)
        self._show(self.tr("Connecting to %1…").replace("%1", self.address().host), "")
        if self._tasks is None:
            try:
                report = check_connection(url)
            except HuitoukeError as exc:
                self._on_test_failed(exc)
            else:
                self._on_test_succeeded(report)
            return
        self.test_button.setEnabled(False)
        self._test_task = self._tasks.run(check_connection, url, on_success=self._on_test_succeeded,
                                          on_error=self._on_test_failed)

    def _on_test_succeeded(self, report: ConnectionReport) -> None:
        self._test_done()
        state = {
            "empty": self.tr("The database is empty: Huitouke sets up the book there when you connect."),
            "current": self.tr("A Huitouke book is there."),
            "older": self.tr("A book from an older Huitouke is there; it is upgraded when you connect."),
        }[report.book_state]
        text = self.tr("Connected to PostgreSQL %1. %2").replace("%1", report.server_version).replace("%2", state)
        if report.book_state == "empty" and not report.can_create_tables:
            self._show(text + " " + self.tr(
                "But this user may not create tables there, so the book cannot be set up. Ask the "
                "server's administrator to make this user the owner of the database."), ERROR_STYLE)
            return
        self._show(text, OK_STYLE)

    def _on_test_failed(self, exc: BaseException) -> None:
        self._test_done()
        self._show(describe_connection_error(exc), ERROR_STYLE)

    def _test_done(self) -> None:
        self._test_task = None
        self._on_fields_changed()

    def _show(self, text: str, style: str) -> None:
        self.result_label.setStyleSheet(style)
        self.result_label.setText(text)

    def done(self, result: int) -> None:
        if self._test_task is not None:
            self._test_task.cancel()
        super().done(result)


_CONTEXT = "SharedBook"
_SENTENCES = {
    "host_unknown": QT_TRANSLATE_NOOP("SharedBook", "This computer does not know a server called “%host”. Check "
                                      "the name, or type the server's IP address instead."),
    "server_refused": QT_TRANSLATE_NOOP("SharedBook", "Nothing answers at %host, port %port. Is PostgreSQL running "
                                        "there, listening on the network (listen_addresses), and is the port right?"),
    "server_timeout": QT_TRANSLATE_NOOP("SharedBook", "No answer from %host in time. Check the address; a firewall "
                                        "may be blocking port %port."),
    "not_allowed": QT_TRANSLATE_NOOP("SharedBook", "The server does not let this computer in. Add your office "
                                     "network for database “%database” to pg_hba.conf on the server and restart it."),
    "login_failed": QT_TRANSLATE_NOOP("SharedBook", "The server did not accept user “%user” with this password. "
                                      "Check both."),
    "database_missing": QT_TRANSLATE_NOOP("SharedBook", "There is no database called “%database” on this server. "
                                          "Check the name, or create it first (see the shared book guide)."),
    "connection_failed": QT_TRANSLATE_NOOP("SharedBook", "Could not connect to %host, port %port."),
}
_TOO_NEW = QT_TRANSLATE_NOOP("SharedBook", "The book on this server was written by a newer version of Huitouke. "
                             "Please update the app.")
_FAILED = QT_TRANSLATE_NOOP("SharedBook", "The connection failed: %1")
_SERVER_SAID = QT_TRANSLATE_NOOP("SharedBook", "The server said: %1")


def describe_connection_error(exc: BaseException) -> str:
    """A plain sentence for a failed connection, followed by the server's exact words."""
    def tr(text: str) -> str:
        return QCoreApplication.translate(_CONTEXT, text)

    if isinstance(exc, BookTooNew):
        return tr(_TOO_NEW)
    if not isinstance(exc, ServerUnavailable):
        return tr(_FAILED).replace("%1", str(exc))
    text = tr(_SENTENCES.get(exc.code, _SENTENCES["connection_failed"]))
    for key in ("host", "port", "database", "user"):
        text = text.replace(f"%{key}", str(exc.details.get(key, "")))
    return text + "\n" + tr(_SERVER_SAID).replace("%1", exc.details.get("server_message", str(exc)))
