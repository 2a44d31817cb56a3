"""Today on the 3,000-customer demo (seed 7) in zh_CN at 1366×768, and My shop (Settings section and the
first-run step): saved under artifacts/screenshots/ for people to look at. The assertions check what a
seller sees first: a day's list (not a backlog), the after-sales work at the top, true group totals."""

from __future__ import annotations

import datetime as dt

import pytest

from core.book.db import Book
from core.customers import book_counts
from core.demo.build import build_demo
from core.shop import ShopService
from tests.ui.conftest import wait_until_idle
from tests.ui.test_screenshots import _save
from ui.i18n import install_chinese
from ui.main_window import MainWindow
from ui.session import Session
from ui.widgets.shop_settings import ShopSettingsSection, ShopSetupDialog

TODAY = dt.date(2026, 12, 6)


@pytest.fixture
def zh_cn(qapp):
    translators = install_chinese(qapp)
    yield
    for translator in translators:
        qapp.removeTranslator(translator)


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "d3000.book"
    build_demo(path, customers=3000, seed=7, today=TODAY)
    return path


@pytest.mark.slow
def test_today_on_the_3000_customer_demo(qtbot, zh_cn, demo_path, settings, tmp_path):
    book = Book.open(demo_path, daily_backup=False, backup_root=tmp_path / "backups")
    try:
        session = Session(book=book, book_path=str(demo_path), settings=settings, today=lambda: TODAY)
        window = MainWindow(session, counts=lambda: book_counts(book))
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        page = window.show_page("today")
        page._now = lambda: dt.datetime.combine(TODAY, dt.time(10, 30))
        page.reload()
        wait_until_idle(qtbot, session.tasks)
        qtbot.waitUntil(lambda: page._listed is not None and not page._regenerating, timeout=20_000)
        _save(window, "today_demo_3000")
        listed = page._listed
        assert len(page.task_items()) == listed.capacity == 40 < listed.total
        assert page.summary_label.text().startswith("今天 40 项 · 共")
        assert page.more_button.isVisible() and page.more_button.text() == f"更多 {listed.total - 40} 项"
        heads = [page.tree.topLevelItem(i).text(0) for i in range(page.tree.topLevelItemCount())]
        assert any(h.startswith("投诉跟进") for h in heads) and any(h.startswith("中差评") for h in heads), heads
        first = page._by_id[page.task_items()[0].data(0, 0x0100)]
        assert first.kind in ("unpaid", "complaint", "review")  # time-critical work on top
        session.tasks.wait(5000)
    finally:
        book.close()


def test_my_shop_section_and_first_run_step(qtbot, zh_cn, book):
    section = ShopSettingsSection(ShopService(book))
    qtbot.addWidget(section)
    section.resize(900, 360)
    section.show()
    _save(section, "settings_my_shop")
    assert section.title() == "我的店铺"
    dialog = ShopSetupDialog(ShopService(book))
    qtbot.addWidget(dialog)
    dialog.resize(900, 520)
    dialog.show()
    _save(dialog, "first_run_my_shop")
    assert dialog.windowTitle() == "欢迎 —— 您的店铺"
