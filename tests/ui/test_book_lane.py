"""The book lane: one worker thread per book; the seller's saves run next, between two chunks of a long job,
with results on the GUI thread; the Today page's actions and regeneration use it."""

import threading
import time

import pytest
from PySide6.QtCore import QThread
from sqlalchemy import select

from core.book.models import ContactLog, Reminder
from core.customers import CustomerService
from core.reminders.service import ReminderService
from tests.ui import test_today_page
from ui.book_lane import BookLane
from ui.pages.today import TASK_ROLE, TodayPage
from ui.tasks import TaskRunner

NOW, TODAY = test_today_page.NOW, test_today_page.TODAY
shop_book = test_today_page.shop  # the Today page's fixture: 王芳's honey due, 张伟's unpaid order


def test_a_save_waits_for_one_chunk_of_the_job_running_at_most(qtbot):
    lane = BookLane()
    events, started = [], threading.Event()

    def job(write_turn):
        started.set()
        for chunk in range(30):
            with write_turn():
                time.sleep(0.02)  # one short transaction
                events.append(f"chunk {chunk}")
        return "job done"

    def save(value):
        time.sleep(0.1)  # the job waits while a save runs
        events.append(f"save {value}")
        return QThread.currentThread() is not lane.thread()

    finished, saved = [], []
    lane.run_job(job, background=True, on_success=finished.append)
    assert started.wait(5)
    lane.save(save, "A", on_success=saved.append)
    qtbot.waitUntil(lambda: bool(saved), timeout=5000)
    assert not finished  # the save did not wait for the whole job
    qtbot.waitUntil(lambda: finished == ["job done"], timeout=5000)
    index = events.index("save A")
    assert index <= 3  # it waited for the chunk running, not for the job
    assert events[index + 1] == f"chunk {index}" and events[index + 2] == f"chunk {index + 1}"  # the job paused
    lane.save(save, "B", on_success=saved.append)  # an idle lane runs it at once
    qtbot.waitUntil(lambda: len(saved) == 2, timeout=5000)
    assert events[-1] == "save B" and saved == [True, True]  # off the GUI thread
    assert not lane.busy or lane.wait(5000)


def test_a_job_in_turns_runs_its_transactions_on_the_lanes_thread_in_line_with_the_saves(qtbot):
    """in_turn: the job's transaction runs on the lane's own thread (not lowered: on a busy machine a lowered
    thread holding the turn kept a save waiting 120–290 ms), saves waiting go first; errors come back."""
    lane = BookLane()
    events, started, threads = [], threading.Event(), set()

    def job(in_turn):
        started.set()
        for chunk in range(30):

            def transaction(chunk=chunk):
                threads.add(threading.get_ident())
                time.sleep(0.02)
                events.append(f"chunk {chunk}")
                return chunk

            assert in_turn(transaction) == chunk
        with pytest.raises(ZeroDivisionError):
            in_turn(lambda: 1 / 0)
        return threading.get_ident()

    def save(value):
        threads.add(threading.get_ident())
        events.append(f"save {value}")

    finished, saved = [], []
    lane.run_job(job, background=True, on_success=finished.append)
    assert started.wait(5)
    lane.save(save, "A", on_success=saved.append)
    qtbot.waitUntil(lambda: bool(saved), timeout=5000)
    assert not finished
    qtbot.waitUntil(lambda: bool(finished), timeout=5000)
    index = events.index("save A")
    assert index <= 3 and events[index + 1] == f"chunk {index}"  # after the chunk running, before the next
    assert len(threads) == 1 and finished[0] not in threads  # one thread, the lane's: not the job's
    assert not lane.busy or lane.wait(5000)


def test_today_actions_go_through_the_lane_during_a_regeneration(qtbot, request):
    shop = request.getfixturevalue("shop_book")
    lane = BookLane()
    page = TodayPage(ReminderService(shop), CustomerService(shop), TaskRunner(), lambda: TODAY, lambda: NOW,
                     lane=lane)
    qtbot.addWidget(page)
    page.reload()
    task = next(t for t in page._by_id.values() if t.kind == "repurchase")
    page.tree.setCurrentItem(next(i for i in page.task_items() if i.data(0, TASK_ROLE) == task.id))
    page.regenerate()  # on the lane
    with qtbot.waitSignal(page.book_modified, timeout=10_000):
        page.copy_and_mark_contacted()
        assert task.id not in [i.data(0, TASK_ROLE) for i in page.task_items()]  # gone at once
    qtbot.waitUntil(lambda: not page._regenerating, timeout=10_000)
    assert task.id not in page._by_id
    with shop.session() as s:
        assert s.get(Reminder, task.id).status == "done"
        assert s.scalars(select(ContactLog.reminder_id)).all() == [task.id]
    lane.wait(5000)


def test_a_today_action_on_the_lane_reads_the_list_again_off_the_gui_thread(qtbot, request):
    """Issue #21: after a save on the lane the day's list (a read of the whole list) is read on the pool, and
    the next row is selected once it shows."""
    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    shop = request.getfixturevalue("shop_book")
    lane, tasks = BookLane(), TaskRunner()
    page = TodayPage(ReminderService(shop), CustomerService(shop), tasks, lambda: TODAY, lambda: NOW, lane=lane)
    qtbot.addWidget(page)
    page.reload()
    first, second = page.task_items()[:2]
    page.tree.setCurrentItem(first)
    done, following = first.data(0, TASK_ROLE), second.data(0, TASK_ROLE)
    on_gui = []

    def record(_conn, _cursor, statement, *_args) -> None:
        if threading.current_thread() is threading.main_thread():
            on_gui.append(statement.split()[0])

    event.listen(Engine, "before_cursor_execute", record)
    try:
        page.mark_done("contacted")
        qtbot.waitUntil(lambda: done not in page._by_id, timeout=10_000)  # the list read again, without it
        assert lane.wait(5000) and tasks.wait(5000)
    finally:
        event.remove(Engine, "before_cursor_execute", record)
    assert on_gui == []
    assert page.current_task().id == following
    assert done not in [i.data(0, TASK_ROLE) for i in page.task_items()]


def test_the_customer_dialog_saves_on_the_lane_and_shows_its_errors(qtbot, book, settings, make_customer):
    from core.customers import book_counts
    from ui.main_window import MainWindow
    from ui.session import Session

    customer = make_customer(name="张伟", phone="13800138000")
    session = Session(book=book, book_path=str(book.path), settings=settings, today=lambda: TODAY)
    window = MainWindow(session, counts=lambda: book_counts(book))
    qtbot.addWidget(window)
    dialog = window.page("customers").customer_dialog(customer.id)
    qtbot.addWidget(dialog)
    dialog.edits["phone"].setText("12")  # not a phone number: core refuses it on the lane
    assert dialog.save() is False and not dialog.save_button.isEnabled()
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled(), timeout=5000)
    assert dialog.error_label.text() and dialog.result() == 0
    dialog.edits["phone"].setText("13912345678")
    dialog.edits["city"].setText("杭州")
    with qtbot.waitSignal(dialog.saved, timeout=5000) as saved:
        assert dialog.save() is False  # saved later, on the lane
    assert saved.args[0].fields.city == "杭州"
    assert CustomerService(book).get(customer.id).fields.phone == "13912345678"
    session.lane.wait(5000)
    session.tasks.wait(5000)


@pytest.mark.slow
def test_a_save_during_an_import_waits_for_one_chunk_not_the_import(qtbot, tmp_path, book, make_customer):
    """Issue #21: the import runs as the lane's job, in chunks (core.excel.chunked); a customer save queued
    meanwhile waits for the chunk running, not for the import."""
    import contextlib

    from core.excel.importer import ImportOptions, run_import
    from tests.core.excel.files import taobao_rows, write_csv

    customer = make_customer(name="张伟", phone="13800138000")
    data = write_csv(tmp_path / "big.csv", taobao_rows(15000, 6000), encoding="gbk", quote_all=True)
    lane = BookLane()
    turns: list[float] = []
    own_turn = lane.write_turn

    @contextlib.contextmanager
    def timed_turn():
        with own_turn():
            started = time.perf_counter()
            yield
            turns.append(time.perf_counter() - started)

    lane.write_turn = timed_turn
    results, waits = [], []
    customers = CustomerService(book)
    started = time.perf_counter()
    lane.run_job(run_import, book, data, ImportOptions(backup=False, today=TODAY), background=False,
                 on_success=results.append)
    flip = False
    while not results:
        qtbot.waitUntil(lambda: len(turns) > 0 or bool(results), timeout=30_000)  # the writes have begun
        flip, clicked, saved = not flip, time.perf_counter(), []
        lane.save(customers.set_do_not_disturb, [customer.id], flip, on_success=saved.append)
        qtbot.waitUntil(lambda saved=saved: bool(saved), timeout=30_000)
        waits.append(time.perf_counter() - clicked)
        qtbot.wait(50)
    total = time.perf_counter() - started
    assert results[0].orders_created == 15000 and lane.wait(5000)
    assert len(waits) >= 5 and len(turns) > 8  # chunks of ≈ core.excel.chunked.CHUNK_S each
    assert max(waits) <= max(turns) + 0.5  # one chunk (and the save itself), on a loaded machine
    assert max(waits) < total / 4, (max(waits), total)


def test_the_order_and_product_dialogs_save_on_the_lane_and_show_a_conflict(qtbot, book, settings, make_customer,
                                                                            make_order):
    from sqlalchemy import text

    from core.customers import book_counts
    from core.products import ProductService
    from ui.main_window import MainWindow
    from ui.session import Session

    customer = make_customer(name="张伟", phone="13800138000")
    order = make_order(customer.id, "2026-05-01", [("面膜", 1, 9900)])
    session = Session(book=book, book_path=str(book.path), settings=settings, today=lambda: TODAY)
    window = MainWindow(session, counts=lambda: book_counts(book))
    qtbot.addWidget(window)
    page = window.page("orders")
    product = page.product_dialog(None)
    qtbot.addWidget(product)
    product.name_edit.setText("蜂蜜")
    with qtbot.waitSignal(product.saved, timeout=5000):
        assert product.save() is False  # on the lane: saved later
        assert not product.save_button.isEnabled()
    assert "蜂蜜" in [p.name for p in ProductService(book).list()]
    dialog = page.order_dialog(order.id)
    qtbot.addWidget(dialog)
    with book.session() as s:  # someone else saved the order meanwhile
        s.execute(text("UPDATE orders SET version = version + 1 WHERE id = :id"), {"id": order.id})
    dialog.seller_note_edit.setText("加急")
    assert dialog.save() is False
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled(), timeout=5000)
    assert dialog.error_label.text() and dialog.result() == 0  # the conflict said, the dialog still open
    session.lane.wait(5000)
    session.tasks.wait(5000)
