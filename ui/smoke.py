"""`--smoke-test`: prove a build works end to end, offscreen, without touching the seller's data.

Run as ``Huitouke --smoke-test [--smoke-out DIR]`` (the packaged app) or ``python main.py --smoke-test``.
In a temporary data folder it creates a demo book (Alembic migrations run from the bundled scripts),
upgrades a book made at the oldest released schema (backup first), checks that a book written by a
newer version is refused with a translated sentence, opens the demo book in the main window in
Chinese, builds every page (no text of the window drawn as a missing-glyph box), renders the Analytics
charts with a Chinese font (no missing glyph; the app's own font where the system has none) and exports the
whole book to .xlsx, then reads it back. Exit code 0 when every step passed, 1
otherwise; a JSON report goes to stdout (when there is one: a windowed Windows build has none) and to
DIR/smoke.json.
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path

DEMO_CUSTOMERS = 150
TOO_NEW_REVISION = "9999_from_the_future"
ANALYTICS_TIMEOUT_S = 120


class SmokeFailure(AssertionError):
    """A step ran but did not produce what it must."""


def _option(argv: list[str], name: str) -> str | None:
    for position, arg in enumerate(argv):
        if arg == name and position + 1 < len(argv):
            return argv[position + 1]
        if arg.startswith(name + "="):
            return arg.split("=", 1)[1]
    return None


def _check(condition: bool, message: str) -> None:
    if not condition:
        raise SmokeFailure(message)


def _wait_until(condition: Callable[[], bool], timeout_s: float, message: str) -> None:
    """Turn the event loop (background tasks deliver results through it) until condition() holds."""
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    deadline = time.monotonic() + timeout_s
    while not condition():
        _check(time.monotonic() < deadline, message)
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        time.sleep(0.01)


def _shown_text(window) -> str:
    """The text of the window's title, labels, buttons and list items (every page, shown or not)."""
    from PySide6.QtWidgets import QAbstractButton, QLabel, QListWidget

    parts = [window.windowTitle()]
    parts += [label.text() for label in window.findChildren(QLabel)]
    parts += [button.text() for button in window.findChildren(QAbstractButton)]
    for widget in window.findChildren(QListWidget):
        parts += [widget.item(row).text() for row in range(widget.count())]
    return "".join(parts)


class SmokeTest:
    """The steps, in order; each returns a small dict for the report."""

    def __init__(self, work: Path, out: Path):
        self.work = work
        self.out = out
        self.demo_path = work / "smoke-demo.book"
        self.app = None
        self.launcher = None

    # --- core ---------------------------------------------------------------------------------------
    def demo_book(self) -> dict:
        from core.demo import build as demo

        summary = demo.build_demo(self.demo_path, customers=DEMO_CUSTOMERS, seed=1)
        _check(summary.customers == DEMO_CUSTOMERS, f"demo book has {summary.customers} customers")
        return {"customers": summary.customers, "orders": summary.orders}

    def upgrade_oldest(self) -> dict:
        """A book at the oldest released schema opens in this version, migrated after a backup."""
        from alembic import command
        from alembic.config import Config

        from core.book import backup, schema
        from core.book.db import Book, make_engine

        path = self.work / "oldest.book"
        engine = make_engine(path)
        config = Config()
        config.set_main_option("script_location", str(schema.migrations_dir()))
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, schema.KNOWN_REVISIONS[0])
        with engine.begin() as conn:
            conn.exec_driver_sql("INSERT INTO setting (key, value_json) VALUES ('smoke.marker', '\"kept\"')")
        engine.dispose()
        book = Book.open(path)
        try:
            with book.engine.connect() as conn:
                kept = conn.exec_driver_sql("SELECT value_json FROM setting WHERE key = 'smoke.marker'").scalar()
            revision = schema.current_revision(book.engine)
        finally:
            book.close()
        backups = [info.reason for info in backup.list_backups(path)]
        migrated = schema.KNOWN_REVISIONS[0] != schema.HEAD
        _check(revision == schema.HEAD, f"book left at revision {revision}, not {schema.HEAD}")
        _check(kept == '"kept"', "a row written before the upgrade was lost")
        _check(not migrated or "before-migration" in backups, f"no backup before the migration: {backups}")
        return {"from": schema.KNOWN_REVISIONS[0], "to": revision, "migrated": migrated, "backups": backups}

    def refuse_too_new(self) -> dict:
        """A book stamped with an unknown (newer) revision is refused with a translated sentence."""
        from core.book.db import Book
        from core.errors import BookTooNew

        path = self.work / "from-the-future.book"
        Book.open(path, create=True, daily_backup=False).close()
        with sqlite3.connect(path) as conn:
            conn.execute("UPDATE alembic_version SET version_num = ?", (TOO_NEW_REVISION,))
        try:
            Book.open(path).close()
        except BookTooNew as exc:
            message = self.launcher.describe_open_error(exc, str(path))
        else:
            raise SmokeFailure("a book from a newer version was opened")
        _check("更新" in message, f"the refusal is not in Chinese: {message}")
        return {"message": message}

    # --- ui -----------------------------------------------------------------------------------------
    def start_gui(self) -> dict:
        from PySide6.QtCore import QSettings

        from ui.app import create_application
        from ui.i18n import install_chinese
        from ui.launcher import Launcher

        self.app = create_application([sys.argv[0]])
        from ui.fonts import install_app_font

        installed = install_chinese(self.app)
        _check(bool(installed), "the zh_CN translation (.qm) is missing from the build")
        fonts = install_app_font(self.app)
        _check(fonts.bundled is not None, "the bundled Chinese font is missing from the build or unreadable")
        settings = QSettings(str(self.work / "settings.ini"), QSettings.Format.IniFormat)
        self.launcher = Launcher(settings, None)
        return {"translators": len(installed), "system_cjk_fonts": list(fonts.system_cjk[:5]),
                "bundled_font_in_use": fonts.fallback_in_use, "cjk_hidden": os.environ.get("HUITOUKE_CJK_HIDDEN")}

    def open_book_and_pages(self) -> dict:
        from PySide6.QtWidgets import QApplication

        from ui.fonts import missing_glyphs

        _check(self.launcher.open_book(str(self.demo_path), background=False), "the demo book did not open")
        window = self.launcher.window
        titles = [window.navigation.item(row).text() for row in range(window.navigation.count())]
        _check("客户" in titles, f"the navigation is not in Chinese: {titles}")
        built = []
        for spec in window._specs:
            page = window.show_page(spec.key)
            QApplication.processEvents()
            _check(page.isVisible(), f"page {spec.key} is not shown")
            built.append(spec.key)
        picture = self.out / "smoke-window.png"
        _check(window.grab().save(str(picture)), "the window could not be grabbed")
        shown = _shown_text(window)
        missing = missing_glyphs(shown)
        _check(not missing, f"characters drawn as boxes in the window: {''.join(missing[:20])}")
        return {"pages": built, "screenshot": str(picture), "characters_checked": len(set(shown))}

    def chart(self) -> dict:
        """The Analytics page's charts, computed in the background, drawn without missing glyphs; the first saved."""
        import warnings

        from ui.charts.fonts import setup_cjk_font

        family = setup_cjk_font()
        page = self.launcher.window.show_page("analytics")
        _wait_until(lambda: page.report is not None and bool(page.charts) and bool(page.charts[0].figure.axes),
                    ANALYTICS_TIMEOUT_S, "the analytics report never arrived")
        chart = page.charts[0]
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            for each in page.charts:
                each.canvas.draw()
        missing = [str(w.message) for w in caught if "missing from" in str(w.message)]
        _check(not missing, f"glyphs missing from the chart font: {missing[:3]}")
        picture = self.out / "smoke-chart.png"
        chart.save_png(str(picture))
        return {"font": family, "chart": chart.title, "picture": str(picture)}

    def export_workbook(self) -> dict:
        """The whole book exported to .xlsx (core.excel.export), read back with python-calamine."""
        from python_calamine import CalamineWorkbook

        from core.excel.export import export_book

        target = self.out / "smoke-book.xlsx"
        result = export_book(self.launcher.book, target, "all", language="zh_CN")
        workbook = CalamineWorkbook.from_path(str(target))
        read = {name: len(workbook.get_sheet_by_name(name).to_python()) - 1 for name in workbook.sheet_names}
        _check(read == result.sheets, f"read back {read}, wrote {result.sheets}")
        _check(result.sheets and min(result.sheets.values()) > 0, f"an empty sheet: {result.sheets}")
        return {"sheets": result.sheets, "file": str(target)}

    def close(self) -> None:
        if self.launcher is not None:
            self.launcher.shutdown()


def run_smoke_test(argv: list[str]) -> int:
    """Run every step; returns 0 if all passed (see the module docstring)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="huitouke-smoke-") as tmp:
        work = Path(tmp)
        os.environ["HUITOUKE_DATA_DIR"] = str(work / "data")
        out = Path(_option(argv, "--smoke-out") or work)
        out.mkdir(parents=True, exist_ok=True)
        smoke = SmokeTest(work, out)
        steps: list[tuple[str, Callable[[], dict]]] = [
            ("demo_book", smoke.demo_book), ("upgrade_oldest", smoke.upgrade_oldest),
            ("start_gui", smoke.start_gui), ("refuse_too_new", smoke.refuse_too_new),
            ("open_book_and_pages", smoke.open_book_and_pages), ("chart", smoke.chart),
            ("export_workbook", smoke.export_workbook),
        ]
        report: dict = {"frozen": bool(getattr(sys, "frozen", False)), "steps": {}}
        ok = True
        broken = os.environ.get("HUITOUKE_SMOKE_BREAK")  # tests: make this step fail on purpose
        for name, step in steps:
            began = time.perf_counter()
            try:
                if name == broken:
                    raise SmokeFailure(f"step {name} broken on purpose (HUITOUKE_SMOKE_BREAK)")
                result = step()
            except Exception as exc:  # every failure is reported, then the test stops
                report["steps"][name] = {"ok": False, "error": f"{type(exc).__name__}: {exc}",
                                         "traceback": traceback.format_exc()}
                ok = False
                break
            report["steps"][name] = {"ok": True, "seconds": round(time.perf_counter() - began, 3), **result}
        smoke.close()
        report["ok"] = ok
        report["seconds"] = round(time.perf_counter() - started, 3)
        text = json.dumps(report, ensure_ascii=False, indent=1)
        (out / "smoke.json").write_text(text, encoding="utf-8")
        if sys.stdout is not None:
            print(text)
    return 0 if ok else 1
