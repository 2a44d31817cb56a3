"""A Chinese font for matplotlib, found at run time and registered once (reuse from any chart).

matplotlib caches its font list, so a CJK font installed after the cache was built stays invisible;
we therefore look for the font files ourselves and register them with `fontManager.addfont`.
`axes.unicode_minus` is switched off because most CJK fonts have no U+2212 minus glyph.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

log = logging.getLogger(__name__)

# Preferred families, best first: Windows, macOS, Linux (Noto / Source Han, then WenQuanYi).
CJK_FAMILIES = (
    "Microsoft YaHei", "PingFang SC", "Hiragino Sans GB", "Noto Sans CJK SC", "Noto Sans SC",
    "Source Han Sans SC", "Source Han Sans CN", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei",
    "Heiti SC", "STHeiti", "SimHei", "Droid Sans Fallback", "Arial Unicode MS",
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


def _first_present(font_manager) -> str | None:
    """The best CJK family whose file is still there (a cached font list may name removed fonts)."""
    known = {entry.name for entry in font_manager.fontManager.ttflist if os.path.exists(entry.fname)}
    return next((family for family in CJK_FAMILIES if family in known), None)


def setup_cjk_font() -> str | None:
    """Register a CJK font with matplotlib and make it the first sans-serif; returns its family.

    Idempotent and cheap after the first call. Without an installed CJK font the bundled one is used
    (ui.cjk_font); None (and a warning) only if even that cannot be loaded.
    """
    global _chosen, _done
    if _done:
        return _chosen
    import matplotlib
    from matplotlib import font_manager

    for path in _candidate_files():
        try:
            font_manager.fontManager.addfont(path)
        except (OSError, RuntimeError, ValueError) as exc:
            log.debug("cannot register font %s: %s", path, exc)
    _chosen = _first_present(font_manager)
    if _chosen is None:  # no installed Chinese font: the one the app ships (ui.cjk_font)
        from ui.cjk_font import bundled_font_path

        try:
            font_manager.fontManager.addfont(str(bundled_font_path()))
        except (OSError, RuntimeError, ValueError) as exc:
            log.warning("cannot register the bundled Chinese font: %s", exc)
        _chosen = _first_present(font_manager)
    if _chosen is None:
        log.warning("no Chinese font found; chart labels may show as boxes")
    else:
        current = [f for f in matplotlib.rcParams["font.sans-serif"] if f != _chosen]
        matplotlib.rcParams["font.sans-serif"] = [_chosen, *current]
        matplotlib.rcParams["font.family"] = "sans-serif"
    matplotlib.rcParams["axes.unicode_minus"] = False
    _done = True
    return _chosen
