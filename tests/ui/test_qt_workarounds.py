"""The PySide6 emit() refcount bug crashes a process, and importing ui prevents the crash."""

import subprocess
import sys

import PySide6
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


@pytest.mark.skipif(sys.version_info >= (3, 12) or PySide6.__version__ != "6.12.0",
                    reason="only PySide6 6.12.0 on Python < 3.12 has the bug")
def test_without_the_workaround_many_emits_abort_the_process_on_6_12_0():
    result = _run("")
    assert result.returncode != 0 and "bool_dealloc" in result.stderr


def test_importing_ui_makes_many_emits_safe():
    result = _run("import ui")
    assert result.returncode == 0, result.stderr
    assert "survived" in result.stdout
