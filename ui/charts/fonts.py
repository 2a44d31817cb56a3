"""A Chinese font for matplotlib, found at run time and registered once (reuse from any chart).

matplotlib caches its font list, so a CJK font installed after the cache was built stays invisible;
we therefore look for the font files ourselves and register them with `fontManager.addfont`, together with
the app's own font (ui.fonts), which ends the list of families: charts always find a Chinese font, the
system's when it has one. `axes.unicode_minus` is switched off because most CJK fonts have no U+2212 minus glyph.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from ui.fonts import BUNDLED_FAMILY, bundled_font_path

log = logging.getLogger(__name__)

# Preferred families, best first: Windows, macOS, Linux (Noto / Source Han, then WenQuanYi).
CJK_FAMILIES = (
    "Microsoft YaHei", "PingFang SC", "Hiragino Sans GB", "Noto Sans CJK SC", "Noto Sans SC",
    "Source Han Sans SC", "Source Han Sans CN", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei",
    "Heiti SC", "STHeiti", "SimHei", "Droid Sans Fallback", "Arial Unicode MS", BUNDLED_FAMILY,
)
# File names of those families, for machines whose matplotlib cache predates the font.
CJK_FILE_HINTS = (
    "msyh", "pingfang", "hiragino sans gb", "notosanscjk", "notosanssc", "sourcehansans", "wqy-microhei",
    "wqy-zenhei", "stheiti", "simhei", "droidsansfallback", "arial unicode",
)

_chosen: str | None = None
_done = False


def _candidate_files() -> list[str]:
    from matplotlib import font_manager

    extra = []
    if os.name == "nt":
        windir = Path(os.environ.get("WINDIR", "C:/Windows"))
        extra.append(str(windir / "Fonts"))
        local = os.environ.get("LOCALAPPDATA")
        if local:
            extra.append(str(Path(local) / "Microsoft" / "Windows" / "Fonts"))
    files = set(font_manager.findSystemFonts(fontpaths=extra or None))
    files.update(font_manager.findSystemFonts())
    return sorted(f for f in files if any(hint in Path(f).name.lower() for hint in CJK_FILE_HINTS))


def setup_cjk_font() -> str | None:
    """Register the CJK fonts with matplotlib and make the best the first sans-serif; returns its family.

    The bundled font is the chosen family when the machine has no CJK font, else the fallback family (a
    glyph the system's font lacks comes from it). Idempotent and cheap after the first
    call. Returns None (and logs a warning) only if even the bundled font cannot be read: labels would then
    show as boxes.
    """
    global _chosen, _done
    if _done:
        return _chosen
    import matplotlib
    from matplotlib import font_manager

    known = {entry.name for entry in font_manager.fontManager.ttflist}
    for path in [*_candidate_files(), str(bundled_font_path())]:
        try:
            font_manager.fontManager.addfont(path)
        except (OSError, RuntimeError, ValueError) as exc:
            log.debug("cannot register font %s: %s", path, exc)
    known |= {entry.name for entry in font_manager.fontManager.ttflist}
    _chosen = next((family for family in CJK_FAMILIES if family in known), None)
    if _chosen is None:
        log.warning("no Chinese font found; chart labels may show as boxes")
    else:
        current = [f for f in matplotlib.rcParams["font.sans-serif"] if f != _chosen]
        matplotlib.rcParams["font.sans-serif"] = [_chosen, *current]
        # matplotlib takes a glyph the first family lacks from the next one of font.family (not of sans-serif).
        fallback = BUNDLED_FAMILY if _chosen != BUNDLED_FAMILY and BUNDLED_FAMILY in known else "DejaVu Sans"
        matplotlib.rcParams["font.family"] = ["sans-serif", fallback]
    matplotlib.rcParams["axes.unicode_minus"] = False
    _done = True
    return _chosen
