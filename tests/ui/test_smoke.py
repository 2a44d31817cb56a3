"""`python main.py --smoke-test` passes from source (CI runs the same test on the frozen bundle)."""

import json
import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT


@pytest.mark.slow
def test_smoke_test_from_source_passes_every_step(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "--smoke-test", "--smoke-out", str(tmp_path)],
                            env=env, capture_output=True, text=True, timeout=300)
    report = json.loads((tmp_path / "smoke.json").read_text(encoding="utf-8"))
    failed = {name: step.get("error") for name, step in report["steps"].items() if not step["ok"]}
    assert result.returncode == 0, (failed, result.stderr[-2000:])
    assert report["ok"] and not failed
    assert set(report["steps"]) == {"demo_book", "upgrade_oldest", "start_gui", "refuse_too_new",
                                    "open_book_and_pages", "chart", "export_workbook"}
    assert "customers" in report["steps"]["open_book_and_pages"]["pages"]
    assert report["steps"]["chart"]["font"], "no Chinese font found for the chart"
    assert report["steps"]["export_workbook"]["sheets"]["客户"] > 0
    assert (tmp_path / "smoke-book.xlsx").stat().st_size > 0
    assert (tmp_path / "smoke-chart.png").stat().st_size > 0


@pytest.mark.slow
def test_smoke_test_fails_when_a_step_fails(tmp_path):
    """A broken step turns into exit code 1 and a report naming it (the test can fail)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HUITOUKE_SMOKE_BREAK": "chart"}
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "--smoke-test", "--smoke-out", str(tmp_path)],
                            env=env, capture_output=True, text=True, timeout=300)
    report = json.loads((tmp_path / "smoke.json").read_text(encoding="utf-8"))
    assert result.returncode == 1
    assert report["steps"]["chart"]["ok"] is False
    assert "export_workbook" not in report["steps"]
