"""`--smoke-test`: prove a build works end to end, offscreen, without touching the seller's data.

Run as ``Huitouke --smoke-test [--smoke-out DIR]`` (the packaged app) or ``python main.py --smoke-test``.
In a temporary data folder it creates a demo book (Alembic migrations run from the bundled scripts),
upgrades a book made at the oldest released schema (backup first), checks that a book written by a
newer version is refused with a translated sentence, opens the demo book in the main window in
Chinese, builds every page, renders one chart with a Chinese font and exports one workbook, then
reads it back. Exit code 0 when every step passed, 1 otherwise; a JSON report goes to stdout (when
there is one: a windowed Windows build has none) and to DIR/smoke.json.
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
        from core import demo

        summary = demo.build_demo(self.demo_path, customers=DEMO_CUSTOMERS, seed=1)
        _check(summary.customers == DEMO_CUSTOMERS, f"demo book has {summary.customers} customers")
        return {"customers": summary.customers, "orders": summary.orders}

    def upgrade_oldest(self) -> dict:
        """A book at the oldest released schema opens in this version, migrated after a backup."""
        from alembic import command
        from alembic.config import Config

        from core import backup, schema
        from core.db import Book, make_engine

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
        from core.db import Book
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
        installed = install_chinese(self.app)
        _check(bool(installed), "the zh_CN translation (.qm) is missing from the build")
        settings = QSettings(str(self.work / "settings.ini"), QSettings.Format.IniFormat)
        self.launcher = Launcher(settings, None)
        return {"translators": len(installed)}

    def open_book_and_pages(self) -> dict:
        from PySide6.QtWidgets import QApplication

        _check(self.launcher.open_book(str(self.demo_path)), "the demo book did not open")
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
        return {"pages": built, "screenshot": str(picture)}

    def chart(self) -> dict:
        """Orders per month of the demo book as a bar chart on the Qt canvas, with Chinese labels."""
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        from matplotlib.figure import Figure

        from ui.charts.fonts import setup_cjk_font

        family = setup_cjk_font()
        with self.launcher.book.engine.connect() as conn:
            rows = conn.exec_driver_sql(
                "SELECT substr(order_date, 1, 7) AS month, count(*) FROM orders GROUP BY month ORDER BY month"
            ).all()
        _check(bool(rows), "the demo book has no orders to chart")
        figure = Figure(figsize=(6, 3), dpi=100)
        axes = figure.add_subplot()
        axes.bar([month for month, _ in rows], [count for _, count in rows], color="#d9480f")
        axes.set_title("每月订单数")
        axes.tick_params(axis="x", labelrotation=90, labelsize=6)
        figure.tight_layout()
        canvas = FigureCanvasQTAgg(figure)
        canvas.draw()
        picture = self.out / "smoke-chart.png"
        figure.savefig(picture)
        return {"font": family, "months": len(rows), "picture": str(picture)}

    def export_workbook(self) -> dict:
        """Customers written with openpyxl (write-only), read back with python-calamine."""
        from openpyxl import Workbook
        from python_calamine import CalamineWorkbook

        target = self.out / "smoke-customers.xlsx"
        with self.launcher.book.engine.connect() as conn:
            rows = conn.exec_driver_sql("SELECT id, name, phone FROM customer ORDER BY id").all()
        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet("客户")
        sheet.append(["编号", "姓名", "手机"])
        for row in rows:
            sheet.append(list(row))
        workbook.save(target)
        back = CalamineWorkbook.from_path(str(target)).get_sheet_by_name("客户").to_python()
        _check(len(back) == len(rows) + 1, f"read back {len(back)} rows, wrote {len(rows) + 1}")
        return {"rows": len(rows), "file": str(target)}

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
