"""Shared-book UI: the connect dialog's connection test, the conflict window, the change-counter poller."""

import dataclasses
import socket

import pytest
from PySide6.QtWidgets import QDialog, QPushButton, QRadioButton

from core.book.db import Book
from core.book.shared import ServerAddress
from core.conflicts import MINE, THEIRS
from core.customers import CustomerService
from core.dto import CustomerInput
from tests.conftest import PG_URL
from ui.change_poll import ChangePoller
from ui.dialogs.conflict import CUSTOMER_FIELD_LABELS, MERGE, ConflictDialog, resolve_customer_conflict
from ui.dialogs.shared_book import ConnectSharedBookDialog
from ui.tasks import TaskRunner


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_connect_needs_host_database_and_user(qtbot):
    dialog = ConnectSharedBookDialog()
    qtbot.addWidget(dialog)
    dialog.database_edit.setText("")
    assert not dialog.connect_button.isEnabled() and not dialog.test_button.isEnabled()
    dialog.host_edit.setText("192.168.1.20")
    dialog.database_edit.setText("huitouke")
    dialog.user_edit.setText("anna")
    dialog.password_edit.setText("secret")
    dialog.remember_box.setChecked(True)
    assert dialog.connect_button.isEnabled()
    assert dialog.address() == ServerAddress(host="192.168.1.20", database="huitouke", user="anna")
    assert dialog.password() == "secret" and dialog.remember_password()


def test_connection_test_says_in_plain_words_that_nothing_answers(qtbot):
    port = _free_port()
    dialog = ConnectSharedBookDialog(address=ServerAddress(host="127.0.0.1", port=port, database="shop",
                                                           user="anna"))
    qtbot.addWidget(dialog)
    dialog.test_connection()
    text = dialog.result_label.text()
    assert f"Nothing answers at 127.0.0.1, port {port}" in text
    assert "The server said:" in text and "refused" in text.lower()


def test_connection_test_runs_in_the_background_with_a_task_runner(qtbot):
    tasks = TaskRunner()
    dialog = ConnectSharedBookDialog(tasks, ServerAddress(host="no-such-host.invalid", database="shop", user="a"))
    qtbot.addWidget(dialog)
    dialog.test_connection()
    assert not dialog.test_button.isEnabled()  # one test at a time
    qtbot.waitUntil(lambda: "does not know a server" in dialog.result_label.text(), timeout=15000)
    assert dialog.test_button.isEnabled()
    tasks.wait(5000)


@pytest.mark.postgres
def test_connection_test_reports_the_server_and_the_book_state(qtbot):
    from sqlalchemy import make_url

    address = ServerAddress.from_url(PG_URL)
    dialog = ConnectSharedBookDialog(address=address)
    qtbot.addWidget(dialog)
    dialog.password_edit.setText(make_url(PG_URL).password or "")
    dialog.test_connection()
    assert dialog.result_label.text().startswith("Connected to PostgreSQL ")
    dialog.password_edit.setText("wrong-password")
    dialog.test_connection()
    assert f"did not accept user “{address.user}”" in dialog.result_label.text()


BASE = CustomerInput(name="张伟", phone="13800138000", city="杭州", note="老客", tags=("宝妈",))
MINE_EDIT = CustomerInput(name="张伟", phone="13900139000", city="杭州", note="老客，喜欢蜂蜜", tags=("宝妈",))
THEIRS_SAVED = CustomerInput(name="张伟", phone="13800138000", city="上海", note="老客，搬家了", tags=("宝妈", "VIP"))


def _conflict_dialog(qtbot) -> ConflictDialog:
    dialog = ConflictDialog("张伟", BASE, MINE_EDIT, THEIRS_SAVED, CUSTOMER_FIELD_LABELS)
    qtbot.addWidget(dialog)
    return dialog


def test_conflict_window_shows_both_versions_and_starts_from_each_sides_changes(qtbot):
    dialog = _conflict_dialog(qtbot)
    assert [d.field for d in dialog.field_differences] == ["phone", "city", "note", "tags"]
    assert dialog.choices() == {"phone": MINE, "city": THEIRS, "note": MINE, "tags": THEIRS}
    assert dialog.findChild(QPushButton, "keep_mine") is dialog.mine_button
    assert dialog.findChild(QRadioButton, "city_mine").text() == "杭州"
    assert dialog.findChild(QRadioButton, "tags_theirs").text() == "宝妈、VIP"


def test_conflict_window_merge_field_by_field(qtbot):
    dialog = _conflict_dialog(qtbot)
    dialog.choose("note", THEIRS)
    dialog.merge_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.choice == MERGE
    merged = dialog.resolved()
    assert (merged.phone, merged.city, merged.note, merged.tags) == ("13900139000", "上海", "老客，搬家了",
                                                                     ("宝妈", "VIP"))


@pytest.mark.parametrize("button,expected", [("mine_button", MINE_EDIT), ("theirs_button", THEIRS_SAVED)])
def test_conflict_window_keep_one_version_whole(qtbot, button, expected):
    dialog = _conflict_dialog(qtbot)
    getattr(dialog, button).click()
    assert dialog.resolved() == expected


def test_resolving_a_lost_race_saves_the_merge_against_the_newest_version(qtbot, book, monkeypatch):
    other = Book.open(book.location, lock=False, daily_backup=False)
    mine, theirs = CustomerService(book), CustomerService(other)
    loaded = mine.create(BASE)
    theirs.update(loaded.id, THEIRS_SAVED, expected_version=loaded.version)
    shown = []

    def pick_suggested(dialog):
        shown.append(dialog)
        if len(shown) == 1:  # while the window is open, the other person saves once more
            latest = theirs.get(loaded.id)
            theirs.update(loaded.id, dataclasses.replace(latest.fields, email="a@b.cn"),
                          expected_version=latest.version)
        dialog.merge_button.click()
        return dialog.result()

    monkeypatch.setattr(ConflictDialog, "exec", pick_suggested)
    done = []
    resolve_customer_conflict(None, mine, loaded, MINE_EDIT, done.append, pytest.fail)
    other.close()
    saved = done[0]
    assert len(shown) == 2  # asked again against the newest version, never overwrote it
    assert (saved.fields.phone, saved.fields.city, saved.fields.note, saved.fields.email) == (
        "13900139000", "上海", "老客，喜欢蜂蜜", "a@b.cn")


def test_cancelling_the_conflict_window_saves_nothing(qtbot, book, monkeypatch):
    service = CustomerService(book)
    loaded = service.create(BASE)
    service.update(loaded.id, THEIRS_SAVED, expected_version=loaded.version)
    monkeypatch.setattr(ConflictDialog, "exec", lambda dialog: QDialog.DialogCode.Rejected)
    done = []
    resolve_customer_conflict(None, service, loaded, MINE_EDIT, done.append, pytest.fail)
    assert done == [None]
    assert service.get(loaded.id).fields == dataclasses.replace(THEIRS_SAVED, tags=("VIP", "宝妈"))


def test_poller_tells_about_other_peoples_saves_but_not_about_its_own(qtbot, book):
    tasks = TaskRunner()
    poller = ChangePoller(book, tasks, interval_ms=50)
    changes = []
    poller.changed.connect(lambda: changes.append(1))
    poller.start()
    qtbot.waitUntil(lambda: poller._last is not None, timeout=5000)
    CustomerService(book).create(CustomerInput(name="自己"))  # this process's own write (no mark_seen needed)
    qtbot.wait(300)
    assert changes == [] and poller._last == book.change_counter()
    other = Book.open(book.location, lock=False, daily_backup=False)
    with qtbot.waitSignal(poller.changed, timeout=5000):
        CustomerService(other).create(CustomerInput(name="别人"))
    other.close()
    poller.stop()
    tasks.wait(5000)


def test_poller_reports_a_lost_server_once_and_its_return(qtbot, book):
    class Flaky:
        fail = True

        def change_counter(self):
            if self.fail:
                raise OSError("server gone")
            return 7

    flaky, tasks = Flaky(), TaskRunner()
    poller = ChangePoller(flaky, tasks, interval_ms=30)
    lost = []
    poller.unreachable.connect(lost.append)
    poller.start()
    qtbot.wait(300)
    assert lost == ["server gone"]
    with qtbot.waitSignal(poller.reachable, timeout=5000):
        flaky.fail = False
    poller.stop()
    tasks.wait(5000)


def _customer_dialog(qtbot, book, customer_id, lane=None):
    from core.orders import OrderService
    from ui.dialogs.customer import CustomerDialog

    service = CustomerService(book)
    dialog = CustomerDialog(service, OrderService(book), [], service.get(customer_id), lane=lane)
    qtbot.addWidget(dialog)
    return dialog


def test_customer_dialog_save_that_lost_the_race_opens_the_conflict_window(qtbot, book, monkeypatch):
    other = Book.open(book.location, lock=False, daily_backup=False)
    customer = CustomerService(book).create(BASE)
    dialog = _customer_dialog(qtbot, book, customer.id)  # I open the customer…
    CustomerService(other).update(customer.id, THEIRS_SAVED, expected_version=customer.version)  # …she saves
    other.close()
    dialog.edits["phone"].setText("13900139000")
    dialog.note_edit.setPlainText("老客，喜欢蜂蜜")
    seen = []

    def merge_suggested(conflict):
        seen.append({d.field: (d.mine, d.theirs) for d in conflict.field_differences})
        conflict.merge_button.click()
        return conflict.result()

    monkeypatch.setattr(ConflictDialog, "exec", merge_suggested)
    assert dialog.save()
    assert seen[0]["city"] == ("杭州", "上海") and seen[0]["note"] == ("老客，喜欢蜂蜜", "老客，搬家了")
    saved = CustomerService(book).get(customer.id)
    assert (saved.fields.phone, saved.fields.city, saved.fields.note, saved.tags) == (
        "13900139000", "上海", "老客，喜欢蜂蜜", ("VIP", "宝妈"))
    assert dialog.detail.version == saved.version


def test_the_save_after_the_conflict_window_runs_on_the_lane_too(qtbot, book, monkeypatch):
    """Issue #21: the seller's choice is made on the GUI thread; the save that follows it is a lane save, off the GUI
    thread (it ran on the GUI thread between the modal choices), and a third save meanwhile asks again."""
    from tests.ui.lane_spy import LaneSpy
    from ui.book_lane import BookLane
    from ui.dialogs.customer import CustomerDialog

    lane = BookLane()
    other = Book.open(book.location, lock=False, daily_backup=False)
    customer = CustomerService(book).create(BASE)
    dialog = _customer_dialog(qtbot, book, customer.id, lane)
    spy = LaneSpy(lane, monkeypatch).watch(dialog._customers, "update")  # my saves, not hers
    CustomerService(other).update(customer.id, THEIRS_SAVED, expected_version=customer.version)
    dialog.edits["phone"].setText("13900139000")
    shown = []

    def merge_suggested(conflict):
        shown.append(conflict)
        if len(shown) == 1:  # she saves once more while the window is open: the lane's save meets a conflict
            latest = CustomerService(other).get(customer.id)
            CustomerService(other).update(customer.id, dataclasses.replace(latest.fields, email="a@b.cn"),
                                          expected_version=latest.version)
        conflict.merge_button.click()
        return conflict.result()

    monkeypatch.setattr(ConflictDialog, "exec", merge_suggested)
    with qtbot.waitSignal(dialog.saved, timeout=10_000) as saved:
        assert dialog.save() is False  # on the lane: saved later
    other.close()
    assert len(shown) == 2 and [name for name, _ in spy.calls] == ["update"] * 3
    assert spy.ran_on_lane("update")  # the first try and both saves after a choice
    assert (saved.args[0].fields.phone, saved.args[0].fields.city, saved.args[0].fields.email) == (
        "13900139000", "上海", "a@b.cn")
    assert dialog.result() == CustomerDialog.DialogCode.Accepted and dialog.save_button.isEnabled()
    lane.wait(5000)


def test_the_conflict_window_reads_their_version_on_the_lane_and_opens_when_it_is_back(qtbot, book, monkeypatch):
    """Issue #21: after a save that lost the race, the customer as the other person saved it is read on the lane, off
    the GUI thread (it was read on the GUI thread), and the window opens once that read is back."""
    from tests.ui.lane_spy import LaneSpy
    from ui.book_lane import BookLane

    lane = BookLane()
    customer = CustomerService(book).create(BASE)
    dialog = _customer_dialog(qtbot, book, customer.id, lane)
    spy = LaneSpy(lane, monkeypatch).watch(dialog._customers, "get")
    CustomerService(book).update(customer.id, THEIRS_SAVED, expected_version=customer.version)
    dialog.note_edit.setPlainText("我的")
    shown = []

    def cancel(conflict):
        shown.append(([name for name, _ in spy.calls], conflict.field_differences))
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(ConflictDialog, "exec", cancel)
    assert dialog.save() is False and not shown  # the first try runs on the lane
    qtbot.waitUntil(lambda: "someone else saved this customer" in dialog.error_label.text(), timeout=10_000)
    assert len(shown) == 1 and shown[0][0] == ["get"] and spy.ran_on_lane("get")
    assert {d.field: d.theirs for d in shown[0][1]}["note"] == THEIRS_SAVED.note  # their version, as saved
    assert dialog.save_button.isEnabled() and CustomerService(book).get(customer.id).fields.note == THEIRS_SAVED.note
    lane.wait(5000)


def test_customer_dialog_stays_open_and_says_so_when_the_conflict_is_cancelled(qtbot, book, monkeypatch):
    customer = CustomerService(book).create(BASE)
    dialog = _customer_dialog(qtbot, book, customer.id)
    CustomerService(book).update(customer.id, THEIRS_SAVED, expected_version=customer.version)
    dialog.note_edit.setPlainText("我的")
    monkeypatch.setattr(ConflictDialog, "exec", lambda conflict: QDialog.DialogCode.Rejected)
    assert not dialog.save()
    assert "someone else saved this customer" in dialog.error_label.text()
    assert CustomerService(book).get(customer.id).fields.note == "老客，搬家了"


def test_customer_dialog_tells_when_the_other_person_deleted_the_customer(qtbot, book):
    customer = CustomerService(book).create(BASE)
    dialog = _customer_dialog(qtbot, book, customer.id)
    CustomerService(book).update(customer.id, THEIRS_SAVED, expected_version=customer.version)
    CustomerService(book).erase([customer.id])
    assert not dialog.save()
    assert dialog.error_label.text()


def _launcher(settings):
    from ui.launcher import Launcher

    return Launcher(settings, log_path=None, tasks=TaskRunner())


def test_connecting_remembers_the_password_privately_and_opens_the_url_without_it(qtbot, settings, monkeypatch):
    from core.book import shared as shared_book
    from ui.launcher import Launcher

    launcher, opened = _launcher(settings), []

    def fill_and_accept(dialog):
        dialog.host_edit.setText("192.168.1.20")
        dialog.user_edit.setText("anna")
        dialog.password_edit.setText("s3cret:pw")
        dialog.remember_box.setChecked(True)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ConnectSharedBookDialog, "exec", fill_and_accept)
    monkeypatch.setattr(Launcher, "open_book", lambda self, url, create=False, background=None: opened.append(url) or True)
    assert launcher.connect_shared_book()
    assert opened == ["postgresql://anna@192.168.1.20:5432/huitouke"]
    address = ServerAddress(host="192.168.1.20", database="huitouke", user="anna")
    assert shared_book.has_remembered_password(address)
    assert "s3cret" not in " ".join(str(settings.value(k)) for k in settings.allKeys())


def test_without_remembering_the_password_is_used_once_and_forgotten(qtbot, settings, monkeypatch):
    from core.book import shared as shared_book
    from ui.launcher import Launcher

    address = ServerAddress(host="office-pc", database="huitouke", user="li")
    shared_book.remember_password(address, "old")
    settings.setValue("book/last_path", address.url())
    launcher, opened, prefilled = _launcher(settings), [], []

    def type_password(dialog):
        prefilled.append((dialog.address(), dialog.remember_password()))
        dialog.remember_box.setChecked(False)
        dialog.password_edit.setText("new")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ConnectSharedBookDialog, "exec", type_password)
    monkeypatch.setattr(Launcher, "open_book", lambda self, url, create=False, background=None: opened.append(url) or True)
    assert launcher.connect_shared_book()
    assert prefilled == [(address, True)]  # the last shared book, its password remembered
    assert opened == ["postgresql://li:new@office-pc:5432/huitouke"]
    assert not shared_book.has_remembered_password(address)


def test_a_server_that_cannot_be_reached_is_explained_and_the_dialog_comes_back(qtbot, settings, monkeypatch):
    from ui.launcher import Launcher

    port, shown, told = _free_port(), [], []

    def fill_once(dialog):
        shown.append(1)
        if len(shown) > 1:
            return QDialog.DialogCode.Rejected
        dialog.host_edit.setText("127.0.0.1")
        dialog.port_box.setValue(port)
        dialog.user_edit.setText("anna")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ConnectSharedBookDialog, "exec", fill_once)
    monkeypatch.setattr(Launcher, "_tell", lambda self, parent, message: told.append(message))
    assert not _launcher(settings).connect_shared_book()
    assert len(shown) == 2 and f"Nothing answers at 127.0.0.1, port {port}" in told[0]


@pytest.mark.postgres
def test_other_peoples_changes_appear_in_the_open_window(qtbot, settings, fresh_pg_schema):
    from core.book.shared import without_password

    url = fresh_pg_schema()
    launcher = _launcher(settings)
    assert launcher.open_book(url)  # opens in the background
    qtbot.waitUntil(lambda: launcher.book is not None, timeout=10000)
    assert settings.value("book/last_path") == without_password(url)  # never the password
    window = launcher.window
    try:
        # the poller starts once the launch's checks have passed (ui.launch_gate → MainWindow.set_ready)
        qtbot.waitUntil(lambda: window.change_poller is not None, timeout=10000)
        window.change_poller.timer.setInterval(100)
        page = window.show_page("customers")
        assert page.model.rowCount() == 0
        colleague = Book.open(url)
        CustomerService(colleague).create(CustomerInput(name="同事加的客户"))
        colleague.close()
        qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10000)  # no click: the poll found it
        qtbot.waitUntil(lambda: window.counts_label.text().startswith("1 customers"), timeout=5000)
    finally:
        launcher.shutdown()  # before the schema is dropped: no background read outlives the test


def test_a_book_file_is_polled_too_and_f5_refreshes_every_page(qtbot, book, settings, make_customer):
    from core.customers import book_counts
    from ui.main_window import MainWindow
    from ui.session import Session

    window = MainWindow(Session(book=book, book_path=str(book.path), settings=settings),
                        counts=lambda: book_counts(book))
    qtbot.addWidget(window)
    assert window.change_poller is not None  # the command line may change it beside the app
    page = window.show_page("customers")
    make_customer(name="张伟")
    window.refresh_action.trigger()  # pages and counts reload in the background
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=20_000)
    qtbot.waitUntil(lambda: window.counts_label.text().startswith("1 customers"), timeout=20_000)


def test_screenshots_of_the_shared_book_windows_in_chinese(qtbot, qapp):
    from pathlib import Path

    from core.errors import ServerUnavailable
    from ui.i18n import install_chinese

    out = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    translators = install_chinese(qapp)
    try:
        connect = ConnectSharedBookDialog(address=ServerAddress(host="192.168.1.20", database="huitouke", user="anna"))
        qtbot.addWidget(connect)
        connect._on_test_failed(ServerUnavailable(
            "login_failed", host="192.168.1.20", port=5432, database="huitouke", user="anna",
            server_message='connection to server at "192.168.1.20", port 5432 failed: FATAL:  password '
                           'authentication failed for user "anna"'))
        conflict = ConflictDialog("张伟", BASE, MINE_EDIT, THEIRS_SAVED, CUSTOMER_FIELD_LABELS)
        qtbot.addWidget(conflict)
        for widget, name in ((connect, "shared_book_connect"), (conflict, "shared_book_conflict")):
            widget.show()
            qtbot.waitExposed(widget)
            image = widget.grab().toImage()
            assert image.width() > 300 and image.pixelColor(5, 5).isValid()
            widget.grab().save(str(out / f"{name}.zh_CN.png"))
        assert connect.windowTitle() == "连接共享客户本"
        assert "服务器不接受用户“anna”" in connect.result_label.text()
        assert conflict.merge_button.text() == "按所选保存"
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)


def test_a_shared_last_book_that_cannot_be_opened_asks_for_the_connection_again(qtbot, settings, monkeypatch):
    from ui.launcher import Launcher

    address = ServerAddress(host="127.0.0.1", port=_free_port(), database="huitouke", user="anna")
    settings.setValue("book/last_path", address.url())
    told, asked = [], []
    monkeypatch.setattr(Launcher, "_tell", lambda self, parent, message: told.append(message))

    def cancel(dialog):
        asked.append(dialog.address())
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(ConnectSharedBookDialog, "exec", cancel)
    launcher = _launcher(settings)
    launcher.start(None)
    assert "Nothing answers" in told[0] and asked == [address]
    assert launcher.window is None and launcher.welcome is not None
    launcher.welcome.close()
