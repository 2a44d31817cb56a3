"""Single instance: a second launch for the same user and book brings the first window to the front."""

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QDir
from PySide6.QtNetwork import QLocalServer
from PySide6.QtWidgets import QWidget

from tests.conftest import ROOT
from ui.single_instance import InstanceServer, ask_running_instance, bring_to_front, server_name


def test_the_name_depends_on_user_and_book_not_on_spelling(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    book = tmp_path / "shop.book"
    assert server_name(str(book), "ann") == server_name("shop.book", "ann")
    assert server_name(str(book), "ann") != server_name(str(book), "bob")
    assert server_name(str(book), "ann") != server_name(str(tmp_path / "other.book"), "ann")
    assert server_name("postgresql://db/shop", "ann").startswith("huitouke-")


def test_nobody_listening_means_no_running_instance(tmp_path):
    assert ask_running_instance(server_name(str(tmp_path / "none.book"), "test"), timeout_ms=200) is False


def test_a_later_launch_in_another_process_activates_the_first(qtbot, tmp_path):
    book = tmp_path / "shop.book"
    server = InstanceServer()
    assert server.listen(server_name(str(book)))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    with qtbot.waitSignal(server.activation_requested, timeout=15_000):
        second = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "--book", str(book)], env=env,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert second.wait(timeout=30) == 0
    assert not book.exists(), "the second launch must not open (or create) the book"
    server.close()


def test_after_the_first_instance_quits_a_launch_listens_itself(qtbot, tmp_path):
    name = server_name(str(tmp_path / "shop.book"))
    first = InstanceServer()
    assert first.listen(name)
    first.close()
    assert ask_running_instance(name, timeout_ms=200) is False
    second = InstanceServer()
    assert second.listen(name)
    second.close()


@pytest.mark.skipif(sys.platform == "win32", reason="named pipes leave no file behind")
def test_a_socket_file_left_by_a_crash_is_taken_over(tmp_path):
    name = server_name(str(tmp_path / "crashed.book"))
    path = Path(QDir.tempPath()) / name
    leftover = socket.socket(socket.AF_UNIX)
    leftover.bind(str(path))
    leftover.close()  # the file stays, nobody listens: what a crashed instance leaves
    try:
        assert ask_running_instance(name, timeout_ms=200) is False
        server = InstanceServer()
        assert server.listen(name)
        server.close()
    finally:
        QLocalServer.removeServer(name)


def test_switching_books_listens_under_the_new_name(tmp_path):
    server = InstanceServer()
    assert server.listen(server_name(str(tmp_path / "a.book")))
    assert server.listen(server_name(str(tmp_path / "b.book")))
    assert server.name == server_name(str(tmp_path / "b.book"))
    assert ask_running_instance(server_name(str(tmp_path / "a.book")), timeout_ms=200) is False
    server.close()


def test_bring_to_front_shows_a_hidden_or_minimised_window(qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    bring_to_front(window)
    assert window.isVisible()
    window.showMinimized()
    bring_to_front(window)
    assert window.isVisible() and not window.isMinimized()
    bring_to_front(None)
