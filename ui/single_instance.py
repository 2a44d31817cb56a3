"""One running Huitouke per user and book: a second launch brings the first window to the front, then exits.

The first instance listens on a local socket (a named pipe on Windows) whose name is derived from the
user and the book; a second launch for the same book connects, sends "activate" and quits. This is a
convenience: the book's OS lock (core/book/lock.py) stays the hard guarantee against two writers.
"""

from __future__ import annotations

import getpass
import hashlib
import logging
import sys
from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QAbstractSocket, QLocalServer, QLocalSocket
from PySide6.QtWidgets import QWidget

from core.book.paths import is_url

log = logging.getLogger(__name__)

ACTIVATE = b"activate\n"
ACKNOWLEDGED = b"ok\n"
CONNECT_TIMEOUT_MS = 500


def book_key(location: str) -> str:
    """The book's identity: its absolute path (case-folded on Windows), or the URL of a server book."""
    if is_url(location):
        return location
    key = str(Path(location).expanduser().resolve())
    return key.casefold() if sys.platform == "win32" else key


def server_name(location: str, user: str | None = None) -> str:
    """The local socket name for this user and book (a short hash: pipe names and socket paths are limited)."""
    user = user if user is not None else getpass.getuser()
    digest = hashlib.sha256(f"{user}\0{book_key(location)}".encode()).hexdigest()[:20]
    return f"huitouke-{digest}"


def ask_running_instance(name: str, timeout_ms: int = CONNECT_TIMEOUT_MS) -> bool:
    """True if an instance listens on name; it is asked to come to the front.

    An instance that accepts the connection but is too busy to answer in time still counts as running
    (it reads the request once its event loop turns).
    """
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(timeout_ms):
        return False
    socket.write(ACTIVATE)
    socket.waitForBytesWritten(timeout_ms)
    if socket.waitForReadyRead(timeout_ms) and not bytes(socket.readAll().data()).startswith(ACKNOWLEDGED):
        log.warning("unexpected answer from the running instance on %s", name)
    socket.disconnectFromServer()
    return True


class InstanceServer(QObject):
    """Listens for later launches; emits ``activation_requested`` when one asks for the window."""

    activation_requested = Signal()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._on_server_new_connection)
        self._sockets: set[QLocalSocket] = set()

    @property
    def name(self) -> str:
        return self._server.serverName()

    def listen(self, name: str) -> bool:
        """Listen on name (closing any previous name, e.g. after switching books); False if impossible."""
        if self._server.isListening() and self._server.serverName() == name:
            return True
        self._server.close()
        if self._server.listen(name):
            return True
        if self._server.serverError() == QAbstractSocket.SocketError.AddressInUseError:
            # Nobody answered on this name just before (ask_running_instance), so the socket file is a
            # leftover of an instance that crashed.
            QLocalServer.removeServer(name)
            if self._server.listen(name):
                return True
        log.warning("cannot listen on %s: %s", name, self._server.errorString())
        return False

    def close(self) -> None:
        """Stop listening and drop the connections still open."""
        self._server.close()
        for socket in list(self._sockets):
            self._drop(socket)

    def _on_server_new_connection(self) -> None:
        while (socket := self._server.nextPendingConnection()) is not None:
            self._sockets.add(socket)
            socket.readyRead.connect(partial(self._on_socket_ready_read, socket))
            if socket.bytesAvailable():
                self._on_socket_ready_read(socket)

    def _on_socket_ready_read(self, socket: QLocalSocket) -> None:
        if socket not in self._sockets:
            return
        request = bytes(socket.readAll().data())
        if request.startswith(ACTIVATE.strip()):
            socket.write(ACKNOWLEDGED)
            socket.flush()
            log.info("another launch asked for the window")
            self.activation_requested.emit()
        self._drop(socket)

    def _drop(self, socket: QLocalSocket) -> None:
        self._sockets.discard(socket)
        socket.readyRead.disconnect()
        socket.disconnectFromServer()
        socket.deleteLater()


def bring_to_front(window: QWidget | None) -> None:
    """Show the window (also from the tray or minimised), raise it and give it the focus."""
    if window is None:
        return
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()
