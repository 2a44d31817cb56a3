"""core/ must never load Qt or matplotlib: import every core module in a fresh interpreter and look."""

import subprocess
import sys

import pytest

from tests.conftest import ROOT

SCRIPT = """
import importlib, pkgutil, sys
import core
for mod in pkgutil.walk_packages(core.__path__, "core."):
    importlib.import_module(mod.name)
loaded = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6", "matplotlib"))
print("LOADED:" + ",".join(loaded))
print("COUNT:" + str(sum(1 for m in sys.modules if m.startswith("core."))))
"""


@pytest.mark.slow
def test_importing_all_of_core_loads_no_qt_and_no_matplotlib():
    out = subprocess.run([sys.executable, "-c", SCRIPT], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert "LOADED:\n" in out, out
    count = int(out.split("COUNT:")[1])
    assert count >= 10, "the walk should have imported the core modules"
