"""A CJK font for matplotlib, found at run time and registered once (Chinese must not render as boxes).

matplotlib caches its font list, so a font installed after the cache was built stays invisible: known font
files are registered with `font_manager.fontManager.addfont` before looking the families up.
"""

from __future__ import annotations

import logging
from functools import cache
from pathlib import Path

CJK_FAMILIES = (
    "Microsoft YaHei", "PingFang SC", "Hiragino Sans GB", "Noto Sans CJK SC", "Noto Sans SC",
    "Source Han Sans SC", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "SimHei",
)
_FONT_FILES = (
    "C:/Windows/Fonts/msyh.ttc", "C:/Windows/Fonts/msyh.ttf", "C:/Windows/Fonts/simhei.ttf",
    "/System/Library/Fonts/PingFang.ttc", "/System/Library/Fonts/Hiragino Sans GB.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", "/usr/share/fonts/wqy-microhei/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
)


@cache
def ensure_cjk_font() -> str | None:
    """Make matplotlib draw Chinese: returns the family put first in `font.sans-serif`, or None if the
    machine has no CJK font at all (text then falls back to boxes, which the screenshot tests catch)."""
    from matplotlib import font_manager, rcParams

    for path in _FONT_FILES:
        if Path(path).exists():
            try:
                font_manager.fontManager.addfont(path)
            except (OSError, RuntimeError):  # an unreadable font file is skipped, not fatal
                continue
    known = {entry.name for entry in font_manager.fontManager.ttflist}
    family = next((name for name in CJK_FAMILIES if name in known), None)
    if family is not None:
        rcParams["font.sans-serif"] = [family, *[f for f in rcParams["font.sans-serif"] if f != family]]
        rcParams["font.family"] = "sans-serif"
    rcParams["axes.unicode_minus"] = False
    if family is None:
        logging.getLogger(__name__).warning("No CJK font found for charts")
    return family
