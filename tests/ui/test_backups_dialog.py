"""The Backups dialog and the damaged-book paths in the app (issue #20), real books, zh_CN screenshots."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QMessageBox

from core.book import backup
from core.book.check import check_book
from tests.core.book_files import make_book, skew_index
from tests.ui.test_paste_screenshots import _save as save_shot
from tests.ui.test_paste_screenshots import zh_cn  # noqa: F401  (installs the zh_CN translator)
from ui.dialogs.backups import BackupsDialog
from ui.tasks import TaskRunner

pytestmark = pytest.mark.sqlite_only


@pytest.fixture
def tasks(qapp, request):
    runner = TaskRunner()
    request.addfinalizer(lambda: (runner.cancel_all(), runner.wait(5000)))
    return runner


def _book_with_backups(tmp_path):
    path = make_book(tmp_path / "shop.book", customers=20)
    # the last three days, as the rotation after a backup counts them from today (fixed dates fell out of its
    # last 7 days as the calendar moved on, and "Back up now" then rotated one away)
    start = dt.datetime.combine(dt.date.today() - dt.timedelta(days=4), dt.time(9, 30))
    for day in (1, 2, 3):
        backup.create_backup(path, "daily", now=start + dt.timedelta(days=day))
    backup.create_backup(path, "before-import", now=start + dt.timedelta(days=3, hours=5, minutes=35))
    return path


def _checked(qtbot, dialog):
    qtbot.waitUntil(lambda: all(dialog.table.item(r, 3).text() not in ("Checking…", "正在检查…")
                                for r in range(dialog.table.rowCount())), timeout=20000)


def test_the_dialog_lists_checks_backs_up_and_asks_before_restoring(qtbot, tasks, tmp_path):
    path = _book_with_backups(tmp_path)
    dialog = BackupsDialog(path, tasks)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.table.rowCount() == 4
    _checked(qtbot, dialog)
    assert [dialog.table.item(r, 1).text() for r in range(4)] == ["Before an import", "Daily", "Daily", "Daily"]
    assert all(dialog.table.item(r, 3).text() == "Sound" for r in range(4))
    assert dialog.table.item(0, 2).text().endswith("KB")
    dialog.back_up_now()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 5, timeout=20000)
    assert dialog.table.item(0, 1).text() == "Backed up by hand"
    asked, wanted = [], []
    dialog.confirm_restore = lambda label: asked.append(label) or False
    dialog.restore_requested.connect(wanted.append)
    dialog.table.selectRow(2)
    _checked(qtbot, dialog)
    assert not dialog.restore_selected() and asked and not wanted  # said no: nothing happens
    dialog.confirm_restore = lambda label: True
    assert dialog.restore_selected()
    assert wanted == [str(backup.list_backups(path)[2].path)]


def test_a_book_damaged_at_open_leads_to_the_backups_and_a_restore_brings_it_back(qtbot, launcher, tmp_path,
                                                                                monkeypatch):
    path = _book_with_backups(tmp_path)
    with open(path, "r+b") as fh:  # a bad disk: b-tree pages overwritten (quick_check fails)
        for page in range(2, path.stat().st_size // 4096):
            fh.seek(page * 4096)
            fh.write(b"\xde\xad\xbe\xef" * 1024)
    clicked = []

    def click_backups(box):
        clicked.append(box.text())
        box.buttons()[0].click() if box.buttonRole(box.buttons()[0]) == QMessageBox.ButtonRole.AcceptRole \
            else box.buttons()[1].click()

    monkeypatch.setattr(launcher.health, "confirm", click_backups)
    launcher.open_book(str(path))
    assert launcher.window is None and launcher.welcome is not None
    assert clicked and "closed for writing" in clicked[0]
    dialog = launcher.health.dialog
    qtbot.addWidget(dialog)
    assert "failed its check" in dialog.status_label.text()
    qtbot.waitUntil(lambda: dialog.selected_path() is not None, timeout=20000)
    assert dialog.selected_path() == str(backup.list_backups(path)[0].path)  # the newest sound one
    dialog.confirm_restore = lambda label: True
    assert dialog.restore_selected()
    qtbot.waitUntil(lambda: launcher.book is not None, timeout=20000)
    assert check_book(path).ok and check_book(path).counts["customer"] == 20
    assert list(tmp_path.glob("shop.book.damaged-*"))  # the damaged book kept aside


def test_a_book_failing_the_background_check_is_closed_for_writing_and_offered_its_backups(
        qtbot, launcher, tmp_path, monkeypatch):
    path = _book_with_backups(tmp_path)
    skew_index(path)  # passes quick_check: opens at once
    offered = []
    monkeypatch.setattr(launcher.health, "offer_backups",
                        lambda location, problems, parent: offered.append((location, problems)))
    launcher.open_book(str(path))
    assert launcher.window is not None
    qtbot.waitUntil(lambda: bool(offered), timeout=20000)
    assert offered[0][0] == str(path) and any("ix_customer_phone" in p for p in offered[0][1])
    assert launcher.book.state == "damaged"
    before = path.read_bytes()
    from core.customers import CustomerService
    from core.dto import CustomerInput
    from core.errors import BookDamaged

    with pytest.raises(BookDamaged):
        CustomerService(launcher.book).create(CustomerInput(name="不该写入"))
    assert path.read_bytes() == before


def test_settings_and_the_file_menu_open_the_backups_dialog(qtbot, launcher, tmp_path):
    path = _book_with_backups(tmp_path)
    launcher.open_book(str(path))
    qtbot.waitUntil(lambda: launcher.health.last_problems == (), timeout=20000)
    launcher.window.backups_action.trigger()
    assert launcher.health.dialog is not None and launcher.health.dialog.isVisible()
    launcher.health.dialog.close()
    page = launcher.window.show_page("settings")
    launcher.health.dialog = None
    page.backups_button.click()
    assert launcher.health.dialog is not None and launcher.health.dialog.book_path == path.resolve()
    launcher.health.dialog.close()


@pytest.mark.usefixtures("zh_cn")
def test_screenshots_of_the_backups_dialog_and_the_damaged_book_in_chinese(qtbot, tasks, tmp_path):
    path = _book_with_backups(tmp_path)
    dialog = BackupsDialog(path, tasks)
    qtbot.addWidget(dialog)
    dialog.resize(1366 * 2 // 3, 768 * 2 // 3)
    dialog.show()
    _checked(qtbot, dialog)
    dialog.table.selectRow(1)
    save_shot(dialog, "backups_dialog_zh_CN")
    skew_index(path)
    damaged = BackupsDialog(path, tasks, problems=["row 1 missing from index ix_customer_phone"])
    qtbot.addWidget(damaged)
    damaged.resize(1366 * 2 // 3, 768 * 2 // 3)
    damaged.show()
    qtbot.waitUntil(lambda: damaged.selected_path() is not None, timeout=20000)
    save_shot(damaged, "backups_dialog_damaged_zh_CN")


@pytest.mark.usefixtures("zh_cn")
def test_screenshot_of_the_damaged_book_offer_at_open_in_chinese(qtbot, launcher, tmp_path, monkeypatch):
    path = _book_with_backups(tmp_path)
    skew_index(path)
    shots = []

    def grab(box):
        box.show()
        qtbot.waitExposed(box)
        save_shot(box, "damaged_book_offer_zh_CN")
        shots.append(box.text())

    monkeypatch.setattr(launcher.health, "confirm", grab)
    launcher.open_book(str(path))
    qtbot.waitUntil(lambda: bool(shots), timeout=20000)
    assert "没有通过检查" in shots[0]


def test_the_app_refuses_a_file_that_is_not_a_book_in_words_and_leaves_it_alone(launcher, tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("my notes\n", encoding="utf-8")
    launcher.open_book(str(notes))
    assert launcher.window is None and launcher.welcome is not None
    assert launcher.told == [f"{notes} is not a Huitouke book. It was left exactly as it is."]
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("notes")) == ["notes.txt"]  # no .lock
    assert notes.read_text(encoding="utf-8") == "my notes\n"
    folder = tmp_path / "a-folder"
    folder.mkdir()
    launcher.open_book(str(folder))
    assert "is a folder, not a book file" in launcher.told[-1]
