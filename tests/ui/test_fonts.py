"""The app's own Chinese font (ui.fonts, resources/fonts/): it covers every app text, and on a machine with no
Chinese font (scripts/without_cjk_fonts.sh hides the system's) Qt and matplotlib draw Chinese with it, not
boxes; where the system has one, the system's stays first."""

import json
import os
import shutil
import subprocess
import sys

import pytest
from fontTools.ttLib import TTFont

from scripts.subset_font import app_text_characters
from tests.conftest import ROOT
from ui.fonts import BUNDLED_FAMILY, bundled_font_path, license_text

HIDE = ROOT / "scripts" / "without_cjk_fonts.sh"
needs_fontconfig = pytest.mark.skipif(not sys.platform.startswith("linux") or shutil.which("fc-list") is None,
                                      reason="hiding the system's fonts needs Linux and fontconfig")

# Run in a subprocess (a fresh QApplication and matplotlib): what Qt and matplotlib draw for Chinese text,
# before and after the app's start-up font set-up. Prints one JSON object.
PROBE = r'''
import json, os, sys, warnings
import numpy as np
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QTextLayout
from PySide6.QtWidgets import QApplication, QLabel

app = QApplication([sys.argv[0]])
from ui.fonts import missing_glyphs

TEXT = "回头客：老客户回购提醒（３位）¥68.00，“好评”…"

def label_pixels(text):
    label = QLabel(text)
    label.resize(80, 40)
    return label.grab().toImage().constBits().tobytes()

def families(text, font):
    layout = QTextLayout(text, font)
    layout.beginLayout(); layout.createLine(); layout.endLayout()
    return sorted({run.rawFont().familyName() for run in layout.glyphRuns()})

out = {"hidden": os.environ.get("HUITOUKE_CJK_HIDDEN"), "qt_missing_before": missing_glyphs(TEXT),
       "qt_box_before": label_pixels("回") == label_pixels("\ue000")}
from ui.app import create_application
from ui.fonts import install_app_font
from ui.i18n import install_chinese
create_application([sys.argv[0]])
install_chinese(app)
setup = install_app_font(app)
label = QLabel(QCoreApplication.translate("AboutDialog", "About Huitouke") + TEXT)
out.update(label=label.text(), qt_missing_after=missing_glyphs(label.text(), label.font()),
           qt_box_after=label_pixels("回") == label_pixels("\ue000"), qt_families=families("回头客", label.font()),
           system_cjk=list(setup.system_cjk), fallback_in_use=setup.fallback_in_use)

import matplotlib
from matplotlib import font_manager
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

def chart(text):
    figure = Figure(figsize=(2, 1), dpi=100)
    FigureCanvasAgg(figure)
    figure.text(0.05, 0.3, text, fontsize=20)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        figure.canvas.draw()
    return np.asarray(figure.canvas.buffer_rgba()).copy(), [str(w.message) for w in caught if "missing" in str(w.message)]

plain, plain_missing = chart("回头客")
from ui.charts.fonts import setup_cjk_font
family = setup_cjk_font()
chinese, chinese_missing = chart("回头客")
boxes, boxes_missing = chart("\ue000\ue001\ue002")
out.update(mpl_missing_before=plain_missing, mpl_family=family, mpl_families=list(matplotlib.rcParams["font.family"]),
           mpl_file=font_manager.findfont(font_manager.FontProperties()),
           mpl_missing_after=chinese_missing, mpl_box_warnings=len(boxes_missing),
           mpl_differs_from_boxes=bool((chinese != boxes).any()),
           mpl_unicode_minus=matplotlib.rcParams["axes.unicode_minus"])
print(json.dumps(out, ensure_ascii=False))
'''


def _probe(hide: bool, tmp_path) -> dict:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT), "HUITOUKE_DATA_DIR": str(tmp_path),
           "XDG_CONFIG_HOME": str(tmp_path / "config")}
    command = [sys.executable, "-c", PROBE]
    if hide:
        command = ["bash", str(HIDE), *command]
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120, cwd=str(ROOT))
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_the_bundled_font_covers_every_app_text():
    """A new translation with a character the font lacks fails here: run scripts/subset_font.py again."""
    covered = {chr(code) for code in TTFont(str(bundled_font_path()), lazy=True).getBestCmap()}
    lacking = sorted(app_text_characters() - covered)
    assert not lacking, f"run scripts/subset_font.py: the bundled font lacks {''.join(lacking)}"
    assert {"回", "头", "客", "，", "。", "（", "）", "￥", "¥", "…", "—", "A", "7"} <= covered
    # GB2312 hanzi from its first and last rows, and a name character outside it
    assert {"啊", "阿", "齄", "鼾", "喆", "镕"} <= covered


def test_the_bundled_font_is_a_small_renamed_subset_with_its_licence():
    font = TTFont(str(bundled_font_path()), lazy=True)
    assert font["name"].getDebugName(1) == BUNDLED_FAMILY  # never shadows a full Noto Sans CJK SC
    assert "Open Font License" in font["name"].getDebugName(13)
    assert 6_763 < len(font.getBestCmap()) < 12_000
    assert bundled_font_path().stat().st_size < 4_000_000
    text = license_text()
    assert "SIL OPEN FONT LICENSE Version 1.1" in text and "Noto Sans CJK" in text and "Adobe" in text


@needs_fontconfig
@pytest.mark.slow
def test_without_any_system_chinese_font_qt_and_charts_draw_with_the_bundled_font(tmp_path):
    found = _probe(hide=True, tmp_path=tmp_path)
    # The system's Chinese fonts are really hidden: before the app's set-up, Chinese is boxes.
    assert "回" in found["qt_missing_before"] and found["qt_box_before"]
    assert any("missing from font" in message for message in found["mpl_missing_before"])
    # After it: Qt draws every character of a translated label, with the bundled family.
    assert found["system_cjk"] == [] and found["fallback_in_use"]
    assert found["label"].startswith("关于回头客")
    assert found["qt_missing_after"] == [] and not found["qt_box_after"]
    assert BUNDLED_FAMILY in found["qt_families"]
    # Charts: no missing-glyph warning for Chinese, while unknown characters still warn (the check can fail).
    assert found["mpl_missing_after"] == [] and found["mpl_box_warnings"] == 3 and found["mpl_differs_from_boxes"]
    assert found["mpl_unicode_minus"] is False
    if found["hidden"] != "all":
        pytest.skip("no mount namespace here: matplotlib still sees the system's fonts (fontconfig only hidden)")
    assert found["mpl_family"] == BUNDLED_FAMILY
    assert found["mpl_file"] == str(bundled_font_path())


@needs_fontconfig
@pytest.mark.slow
def test_a_system_chinese_font_stays_first_and_the_bundled_one_fills_in(tmp_path):
    if not subprocess.run(["fc-list", ":lang=zh"], capture_output=True, text=True).stdout.strip():
        pytest.skip("this machine has no Chinese font (the test above covers that case)")
    found = _probe(hide=False, tmp_path=tmp_path)
    assert found["system_cjk"] and not found["fallback_in_use"]
    assert found["qt_missing_after"] == [] and BUNDLED_FAMILY not in found["qt_families"]
    assert found["mpl_family"] != BUNDLED_FAMILY and found["mpl_families"] == ["sans-serif", BUNDLED_FAMILY]
    assert found["mpl_file"] != str(bundled_font_path()) and found["mpl_missing_after"] == []


@needs_fontconfig
@pytest.mark.slow
def test_the_normal_start_without_a_chinese_font_uses_the_bundled_one(tmp_path):
    """`run.sh` ends in `python main.py`: the first window paints, and the log says the bundled font is used."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HUITOUKE_DATA_DIR": str(tmp_path / "data"),
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "LANG": "zh_CN.UTF-8", "LC_ALL": "zh_CN.UTF-8"}
    result = subprocess.run(["bash", str(HIDE), sys.executable, str(ROOT / "main.py"), "--quit-after-paint"],
                            env=env, capture_output=True, text=True, timeout=120, cwd=str(ROOT))
    assert result.returncode == 0, result.stderr[-3000:]
    log = (tmp_path / "data" / "logs" / "huitouke.log").read_text(encoding="utf-8")
    assert f"no Chinese font on this system; using the bundled {BUNDLED_FAMILY}" in log
