"""Screenshots of every page in zh_CN on a demo book, for the README and for looking at the app.

Usage: QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py [OUT_DIR] [--customers N]
       [--book BOOK --today YYYY-MM-DD] [--size 1366x768]
Writes OUT_DIR/page_<key>.png (default docs/screenshots/) and OUT_DIR/main_window.png (the Today page).
``--book`` shoots a copy of an existing book (e.g. one built by importing platform exports and a hand sheet, as a
seller's first week makes it) instead of a fresh demo book; the book itself is not touched.
"""

import argparse
import datetime as dt
import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TODAY = dt.date(2026, 11, 23)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", nargs="?", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("--customers", type=int, default=3000)
    parser.add_argument("--book", help="shoot a copy of this book instead of a demo book")
    parser.add_argument("--today", type=dt.date.fromisoformat, default=TODAY)
    parser.add_argument("--size", default="1280x800", help="window size, WIDTHxHEIGHT")
    args = parser.parse_args()
    width, height = (int(part) for part in args.size.lower().split("x"))
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="huitouke-shots-"))
    os.environ["HUITOUKE_DATA_DIR"] = str(tmp / "data")

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from core.book.db import Book
    from core.customers import book_counts
    from core.demo.build import build_demo
    from core.reminders.service import ReminderService
    from ui.app import create_application
    from ui.i18n import install_chinese
    from ui.main_window import MainWindow
    from ui.pages.registry import PAGES
    from ui.session import Session

    if args.book:
        shutil.copyfile(args.book, tmp / "demo.book")
    else:
        build_demo(tmp / "demo.book", customers=args.customers, seed=7, today=args.today)
    app = create_application([])
    install_chinese(app)
    settings = QSettings(str(tmp / "ui.ini"), QSettings.Format.IniFormat)
    book = Book.open(tmp / "demo.book", backup_root=tmp / "backups", daily_backup=False)
    ReminderService(book).regenerate(args.today)
    session = Session(book=book, book_path=str(book.path), settings=settings, today=lambda: args.today)
    window = MainWindow(session, counts=lambda: book_counts(book))
    window.resize(width, height)
    window.show()

    def settle(ms: int = 1500) -> None:
        deadline = dt.datetime.now() + dt.timedelta(milliseconds=ms)
        while dt.datetime.now() < deadline:
            app.processEvents()
        session.tasks.wait(10_000)  # background loads finished …
        app.processEvents()  # … and their results delivered to the page

    for spec in PAGES:
        window.show_page(spec.key)
        settle(4000 if spec.key in ("analytics", "aftersales") else 1500)
        window.grab().save(str(out / f"page_{spec.key}.png"))
        print("saved", out / f"page_{spec.key}.png")
    window.show_page("today")
    settle()
    window.grab().save(str(out / "main_window.png"))
    window.close()
    book.close()
    QApplication.processEvents()
    shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
