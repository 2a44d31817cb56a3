"""The bundled Chinese font (resources/fonts/NotoSansCJKsc-Huitouke.otf: Noto Sans CJK SC, subset to GB2312 and
punctuation by scripts/make_cjk_font.py, SIL Open Font License — resources/fonts/OFL.txt, shown in About).

Sellers' Windows and macOS machines have Chinese fonts, but the app must never depend on it: on a machine
without one every character would be a box. ``install(app)`` registers the font with Qt at start-up and,
only when no installed font covers Simplified Chinese, puts it behind the application font so Qt falls
back to it; the charts do the same with matplotlib (ui.charts.fonts).
"""

from __future__ import annotations

import logging
from pathlib import Path

from core.book.paths import bundle_root

log = logging.getLogger(__name__)

FONT_FILE = "NotoSansCJKsc-Huitouke.otf"
FAMILY = "Noto Sans CJK SC"


def bundled_font_path() -> Path:
    return bundle_root() / "resources" / "fonts" / FONT_FILE


def install(app) -> str | None:
    """Register the bundled font with Qt; returns the family Chinese text is drawn with (the system's
    first Chinese family, else the bundled one; None if even that could not be loaded)."""
    from PySide6.QtGui import QFontDatabase

    system = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    font_id = QFontDatabase.addApplicationFont(str(bundled_font_path()))
    bundled = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if font_id < 0:
        log.warning("the bundled Chinese font could not be loaded from %s", bundled_font_path())
    if system:
        return system[0]
    if not bundled:
        log.warning("no Chinese font at all: Chinese text will show as boxes")
        return None
    font = app.font()
    font.setFamilies([font.family(), *bundled])
    app.setFont(font)
    log.info("no installed Chinese font: using the bundled %s", bundled[0])
    return bundled[0]
