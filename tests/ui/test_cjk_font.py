"""The app on a machine without any Chinese font: the bundled font draws the window's text and the charts.

The system's Chinese fonts are hidden from one subprocess (a private mount namespace binds an empty folder
over each folder fontconfig lists Chinese fonts in; matplotlib gets an empty cache folder), which then
starts the application the way main.py does and draws Chinese text in Qt and in a chart."""

import json
import os
import shutil
import subprocess
import sys

import pytest

from tests.conftest import ROOT

PROBE = r"""
import json, os, sys, warnings
from PySide6.QtGui import QFont, QFontDatabase, QRawFont
from ui.app import create_application
from ui.charts.fonts import setup_cjk_font

app = create_application([sys.argv[0]])
text = "回头客已复制，客户：张伟（VIP）¥68.00"
chinese = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
raw = QRawFont.fromFont(QFont(chinese[0])) if chinese else None
import matplotlib
matplotlib.use("Agg")
from matplotlib.figure import Figure
chart_family = setup_cjk_font()
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    figure = Figure()
    figure.add_subplot().set_title("复购率 回头客")
    figure.canvas.draw()
print(json.dumps({"qt": chinese, "app_font": app.font().families(),
                  "missing_qt": [c for c in text if raw is None or 0 in raw.glyphIndexesForString(c)],
                  "chart": chart_family, "missing_chart": [str(w.message) for w in caught if "missing" in str(w.message)]},
                 ensure_ascii=False))
"""


def _chinese_font_folders() -> list[str]:
    listed = subprocess.run(["fc-list", ":lang=zh", "file"], capture_output=True, text=True).stdout.splitlines()
    return sorted({os.path.dirname(line.split(":")[0]) for line in listed if line.strip()})


@pytest.mark.skipif(os.geteuid() != 0 or not shutil.which("unshare") or not shutil.which("fc-list"),
                    reason="needs root, unshare and fc-list to hide the system's fonts")
def test_without_any_chinese_font_installed_the_bundled_one_draws_the_window_and_the_charts(tmp_path):
    folders = _chinese_font_folders()
    empty = tmp_path / "empty"
    empty.mkdir()
    hide = "".join(f"mount --bind {empty} '{folder}' && " for folder in folders)
    script = tmp_path / "probe.py"
    script.write_text(PROBE, encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "MPLCONFIGDIR": str(tmp_path / "mpl"),
           "XDG_CACHE_HOME": str(tmp_path / "cache"), "PYTHONPATH": str(ROOT)}
    out = subprocess.run(["unshare", "--mount", "sh", "-c",
                          f"{hide}fc-list :lang=zh | wc -l && exec {sys.executable} {script}"],
                         cwd=ROOT, env=env, capture_output=True, text=True, timeout=180)
    assert out.returncode == 0, out.stderr[-2000:]
    hidden_count, report = out.stdout.splitlines()[0], json.loads(out.stdout.splitlines()[-1])
    assert hidden_count.strip() == "0"  # no Chinese font left for this process
    assert report["qt"] == ["Noto Sans CJK SC"] and "Noto Sans CJK SC" in report["app_font"]
    assert report["missing_qt"] == []
    assert report["chart"] == "Noto Sans CJK SC" and report["missing_chart"] == []
