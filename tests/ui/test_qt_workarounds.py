"""The PySide6 emit() refcount bug crashes a process, and importing ui prevents the crash."""

import subprocess
import sys

import pytest

EMIT_MANY = """
import sys
{prelude}
from PySide6.QtCore import QCoreApplication, QObject, Signal
app = QCoreApplication([])
class Sender(QObject):
    ping = Signal()
sender = Sender()
for _ in range(20_000):
    sender.ping.emit()
print("survived")
"""


def _run(prelude: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", EMIT_MANY.format(prelude=prelude)], capture_output=True, text=True,
                          timeout=120)


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="True is immortal from Python 3.12 on")
def test_without_the_workaround_many_emits_abort_the_process():
    result = _run("")
    if result.returncode == 0:
        pytest.fail("PySide6 no longer corrupts the refcount of True: ui/qt_workarounds.py can be removed")
    assert "bool_dealloc" in result.stderr


def test_importing_ui_makes_many_emits_safe():
    result = _run("import ui")
    assert result.returncode == 0, result.stderr
    assert "survived" in result.stdout
