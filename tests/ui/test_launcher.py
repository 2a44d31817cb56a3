"""Start-up: welcome screen without a book, opening and creating books, errors said in words."""

from pathlib import Path

import pytest

from core.book import paths
from core.book.db import Book
from core.errors import BookDamaged, BookLocked, RejectedInput
from ui import settings as keys
from ui.launcher import DEMO_BOOK_NAME, Launcher


def test_first_run_shows_the_welcome_screen(launcher):
    launcher.start(None)
    assert launcher.welcome is not None and launcher.window is None


def test_start_empty_book_from_the_welcome_screen(launcher, settings):
    launcher.start(None)
    launcher.welcome.empty_book_requested.emit()
    assert launcher.window is not None and launcher.welcome is None
    assert paths.default_book_path().exists()
    assert settings.value(keys.LAST_BOOK) == str(paths.default_book_path())


def test_the_last_book_is_opened_next_time(launcher, tmp_path, settings):
    Book.open(tmp_path / "shop.book", create=True).close()
    settings.setValue(keys.LAST_BOOK, str(tmp_path / "shop.book"))
    launcher.start(None)
    assert launcher.window is not None
    assert launcher.book.path == (tmp_path / "shop.book").resolve()


def test_a_locked_book_is_explained_and_not_opened(launcher, tmp_path):
    held = Book.open(tmp_path / "shop.book", create=True, program="another huitouke")
    try:
        launcher.open_book(str(tmp_path / "shop.book"))
    finally:
        held.close()
    assert launcher.window is None and launcher.welcome is not None
    assert "already open" in launcher.told[0]


def test_open_errors_become_sentences(launcher):
    locked = BookLocked("book_locked", holder={"app": "huitouke", "pid": 42})
    assert "process 42" in launcher.describe_open_error(locked, "a.book")
    damaged = BookDamaged("book_damaged", newest_backup="b.book")
    assert "b.book" in launcher.describe_open_error(damaged, "a.book")
    assert "no book" in launcher.describe_open_error(RejectedInput("book_missing"), "a.book")


def test_demo_book_is_built_in_the_background_then_opened(qtbot, settings, monkeypatch):
    built = []

    def fake_build(path, customers, seed, progress, is_cancelled):
        progress(50, 100, "customers")
        Book.open(path, create=True).close()
        built.append((customers, seed))

    launcher = Launcher(settings, None, demo_builder=fake_build)
    try:
        launcher.start(None)
        launcher.welcome.demo_book_requested.emit()
        qtbot.waitUntil(lambda: launcher.book is not None, timeout=10_000)
        assert launcher.window.session is not None
        assert built == [(300, 1)]
        assert launcher.book.path.name == DEMO_BOOK_NAME
    finally:
        launcher.shutdown()


def test_the_window_paints_before_the_book_is_open(qtbot, tmp_path, settings):
    Book.open(tmp_path / "shop.book", create=True).close()
    launcher = Launcher(settings, None)
    try:
        launcher.start(str(tmp_path / "shop.book"))
        assert launcher.window is not None and launcher.window.isVisible()
        assert launcher.window.session is None  # still opening on the pool
        qtbot.waitUntil(lambda: launcher.window.session is not None, timeout=10_000)
        assert launcher.window.current_key() == "today"  # the Today list opens on launch
    finally:
        launcher.shutdown()


def test_opening_a_book_brings_the_stored_stages_to_today(qtbot, tmp_path, settings):
    import datetime as dt

    from core.customer_stats import stages_current

    Book.open(tmp_path / "shop.book", create=True).close()
    launcher = Launcher(settings, None)
    try:
        launcher.start(str(tmp_path / "shop.book"))
        qtbot.waitUntil(lambda: launcher.window.session is not None, timeout=10_000)
        qtbot.waitUntil(lambda: launcher.health.last_problems == (), timeout=10_000)  # after the book's check
        qtbot.waitUntil(lambda: not launcher.window.session.lane.busy, timeout=10_000)  # a job of the lane
        with launcher.book.session() as s:
            assert stages_current(s, dt.date.today())
    finally:
        launcher.shutdown()


@pytest.mark.slow
def test_an_import_killed_halfway_is_undone_when_the_app_opens_the_book_with_a_note(qtbot, tmp_path, settings,
                                                                                  monkeypatch):
    """Issue #21: a `running` batch nobody holds (core.excel.chunked) is undone once the book passed its check,
    and the seller is told."""
    from PySide6.QtWidgets import QMessageBox
    from sqlalchemy import text

    from core.book.models import Customer, ImportBatch

    with Book.open(tmp_path / "shop.book", create=True) as book, book.session() as s:
        s.add(ImportBatch(id=3, file_name="big.csv", status="running"))  # as a killed import leaves it
        s.flush()
        s.add(Customer(name="半个导入", import_batch_id=3))
    notes = []
    monkeypatch.setattr(QMessageBox, "information", lambda _parent, title, text: notes.append(text))
    launcher = Launcher(settings, None)
    try:
        launcher.start(str(tmp_path / "shop.book"))
        qtbot.waitUntil(lambda: bool(notes), timeout=15_000)
        assert "interrupted" in notes[0]
        with launcher.book.session() as s:
            assert s.get(ImportBatch, 3).status == "undone"
            assert s.execute(text("SELECT count(*) FROM customer")).scalar() == 0
        launcher.window.session.lane.wait(10_000)
        launcher.window.session.tasks.wait(10_000)
    finally:
        launcher.shutdown()


def test_the_first_window_paints_before_sqlalchemy_is_imported():
    """Start-up time (issue #3): everything up to the first painted window leaves SQLAlchemy and the models
    (~0.3 s to import) to the thread that opens the book."""
    import subprocess
    import sys

    code = ("import sys; import main, ui.app, ui.launcher, ui.daily_habit, ui.main_window, ui.welcome; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] == 'sqlalchemy' or m == 'core.book.db'))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                            cwd=str(Path(__file__).resolve().parents[2]))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def _close_the_import_dialog_when_it_shows(seen: list) -> None:
    """The import dialog is modal (exec): note which file it reads, then close it."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from ui.dialogs.import_dialog import ImportDialog

    def close():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ImportDialog):
            QTimer.singleShot(20, close)
            return
        seen.append(dialog.file_label.text())
        dialog.reject()

    QTimer.singleShot(0, close)


def test_a_spreadsheet_given_as_the_argument_opens_the_usual_book_and_its_import(launcher, tmp_path, settings):
    Book.open(tmp_path / "shop.book", create=True).close()
    settings.setValue(keys.LAST_BOOK, str(tmp_path / "shop.book"))
    sheet = tmp_path / "订单.csv"
    sheet.write_text("姓名,电话\n张三,13800000000\n", encoding="utf-8")
    seen = []
    _close_the_import_dialog_when_it_shows(seen)
    launcher.start(None, import_file=str(sheet))
    assert launcher.book.path == (tmp_path / "shop.book").resolve()
    assert len(seen) == 1 and "订单.csv" in seen[0]


def test_a_spreadsheet_given_as_the_argument_without_any_book_creates_the_default_one(launcher, tmp_path):
    sheet = tmp_path / "customers.xlsx"
    sheet.write_bytes(b"PK")  # what it holds is the import dialog's business; it is opened there
    seen = []
    _close_the_import_dialog_when_it_shows(seen)
    launcher.start(None, import_file=str(sheet))
    assert launcher.welcome is None and launcher.book.path == paths.default_book_path().resolve()
    assert len(seen) == 1 and "customers.xlsx" in seen[0]


@pytest.mark.slow
def test_main_with_a_book_file_opens_that_book_in_the_app(tmp_path):
    """`python main.py B.book` (a double-clicked book): the desktop app opens that book (offscreen, real process)."""
    import os
    import subprocess
    import sys
    import time

    book = tmp_path / "B.book"
    Book.open(book, create=True).close()
    data = tmp_path / "data"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HUITOUKE_DATA_DIR": str(data),
           "XDG_CONFIG_HOME": str(tmp_path / "config")}
    root = Path(__file__).resolve().parents[2]
    process = subprocess.Popen([sys.executable, str(root / "main.py"), str(book)], cwd=root, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    log = data / "logs" / "huitouke.log"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and process.poll() is None:
            if log.exists() and f"opened {book.resolve()}" in log.read_text(encoding="utf-8"):
                break
            time.sleep(0.1)
        assert process.poll() is None, process.stderr.read().decode()
        assert f"opened {book.resolve()}" in log.read_text(encoding="utf-8")
        assert not (data / paths.default_book_path().name).exists()  # that book, not the default one
    finally:
        process.terminate()
        process.wait(timeout=30)
