"""The app's own Chinese font, so no text is ever drawn as boxes on a machine without one.

resources/fonts/HuitoukeSansSC-Regular.otf is a subset of Noto Sans CJK SC (SIL Open Font License 1.1, the
licence beside it in OFL.txt, shown in About) made by scripts/subset_font.py: ASCII, punctuation, full-width
forms, the GB2312 hanzi, common name characters and every character of the app's own texts. Its family is
"Huitouke Sans SC", so it never shadows a full Noto Sans CJK SC of the system.

`install_app_font` registers it with Qt at start. The system's Chinese fonts stay first (they cover rare
characters in customers' names); only when the system has none does the application font's family list end
with the bundled family, so Qt takes every glyph the default font lacks from it. matplotlib gets the same
font in ui.charts.fonts.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase, QTextLayout
from PySide6.QtWidgets import QApplication

from core.book.paths import bundle_root

log = logging.getLogger(__name__)

BUNDLED_FAMILY = "Huitouke Sans SC"
BUNDLED_FONT_PARTS = ("resources", "fonts", "HuitoukeSansSC-Regular.otf")
LICENSE_PARTS = ("resources", "fonts", "OFL.txt")  # also listed in ui.licenses.EXTRA for About


def bundled_font_path() -> Path:
    return bundle_root().joinpath(*BUNDLED_FONT_PARTS)


def license_text() -> str:
    """The font's copyright notice and the SIL Open Font License 1.1, as shipped."""
    return bundle_root().joinpath(*LICENSE_PARTS).read_text(encoding="utf-8")


@dataclass(frozen=True)
class FontSetup:
    """What `install_app_font` did: the bundled font's family if Qt loaded it (else None), the system's
    Chinese families (empty on a machine without one) and whether the bundled font now fills in for them."""

    bundled: str | None
    system_cjk: tuple[str, ...]
    fallback_in_use: bool


_setup: FontSetup | None = None


def system_cjk_families() -> tuple[str, ...]:
    """Families of the system (not the app's own) that Qt lists for Simplified Chinese."""
    families = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    return tuple(family for family in families if family != BUNDLED_FAMILY)


def install_app_font(app: QApplication) -> FontSetup:
    """Register the bundled font with Qt (once per process) and, where the system has no Chinese font, make
    it the last family of the application font. Logs a warning if the font file cannot be loaded."""
    global _setup
    if _setup is not None:
        return _setup
    system = system_cjk_families()
    font_id = QFontDatabase.addApplicationFont(str(bundled_font_path()))
    loaded = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    bundled = BUNDLED_FAMILY if BUNDLED_FAMILY in loaded else None
    fallback = bundled is not None and not system
    if bundled is None:
        log.warning("the bundled Chinese font %s could not be loaded", bundled_font_path())
    if fallback:
        font = app.font()
        font.setFamilies([*[f for f in font.families() if f != BUNDLED_FAMILY], BUNDLED_FAMILY])
        app.setFont(font)
        log.info("no Chinese font on this system; using the bundled %s", BUNDLED_FAMILY)
    _setup = FontSetup(bundled, system, fallback)
    return _setup


def missing_glyphs(text: str, font: QFont | None = None) -> list[str]:
    """The characters of text (spaces aside) that Qt would draw as a missing-glyph box in font (default: the
    application font), font fallback included."""
    font = font if font is not None else QFont()
    missing = []
    for char in dict.fromkeys(text):
        if char.isspace():
            continue
        layout = QTextLayout(char, font)
        layout.beginLayout()
        layout.createLine()
        layout.endLayout()
        if any(glyph == 0 for run in layout.glyphRuns() for glyph in run.glyphIndexes()):
            missing.append(char)
    return missing
