"""Start at login: the Linux autostart file is written and removed; the macOS and Windows entries are right."""

import plistlib
import subprocess
import sys

from ui import autostart
from ui.autostart import LinuxAutostart, MacAutostart, WindowsAutostart, desktop_exec_quote

COMMAND = ["/opt/Hui Tou Ke/Huitouke", "--minimized"]


def test_linux_enable_writes_the_desktop_file_and_disable_removes_it(tmp_path):
    entry = LinuxAutostart(COMMAND, home=tmp_path, env={}, icon="/opt/Hui Tou Ke/huitouke.png")
    assert entry.path == tmp_path / ".config" / "autostart" / "huitouke.desktop"
    assert not entry.is_enabled()
    entry.enable()
    assert entry.is_enabled()
    lines = entry.path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "[Desktop Entry]"
    assert 'Exec="/opt/Hui Tou Ke/Huitouke" --minimized' in lines
    assert "Type=Application" in lines and "Name[zh_CN]=回头客" in lines
    assert "Icon=/opt/Hui Tou Ke/huitouke.png" in lines
    entry.disable()
    assert not entry.path.exists() and not entry.is_enabled()
    entry.disable()  # removing twice is fine


def test_linux_respects_xdg_config_home(tmp_path):
    entry = LinuxAutostart(COMMAND, home=tmp_path / "home", env={"XDG_CONFIG_HOME": str(tmp_path / "cfg")})
    entry.enable()
    assert (tmp_path / "cfg" / "autostart" / "huitouke.desktop").exists()


def test_desktop_exec_quoting_follows_the_spec():
    assert desktop_exec_quote("--minimized") == "--minimized"
    assert desktop_exec_quote("/a b/c") == '"/a b/c"'
    assert desktop_exec_quote('/a"$`\\b') == '"/a\\"\\$\\`\\\\b"'


def test_macos_launch_agent_runs_the_app_at_login(tmp_path):
    entry = MacAutostart(["/Applications/Huitouke.app/Contents/MacOS/Huitouke", "--minimized"], home=tmp_path)
    entry.enable()
    assert entry.path == tmp_path / "Library" / "LaunchAgents" / "app.huitouke.desktop.plist"
    plist = plistlib.loads(entry.path.read_bytes())
    assert plist["ProgramArguments"] == ["/Applications/Huitouke.app/Contents/MacOS/Huitouke", "--minimized"]
    assert plist["RunAtLoad"] is True and plist["Label"] == "app.huitouke.desktop"
    entry.disable()
    assert not entry.is_enabled()


class FakeRegistry:
    """The part of winreg the Run key needs, over a dict."""

    HKEY_CURRENT_USER = "HKCU"
    REG_SZ = 1
    KEY_SET_VALUE = 2

    def __init__(self):
        self.keys: dict[str, dict[str, tuple[int, str]]] = {}

    class _Key:
        def __init__(self, values):
            self.values = values

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

    def CreateKey(self, root, path):
        return self._Key(self.keys.setdefault(f"{root}\\{path}", {}))

    def OpenKey(self, root, path, reserved=0, access=0):
        if f"{root}\\{path}" not in self.keys:
            raise FileNotFoundError(path)
        return self._Key(self.keys[f"{root}\\{path}"])

    def SetValueEx(self, key, name, reserved, kind, value):
        key.values[name] = (kind, value)

    def QueryValueEx(self, key, name):
        if name not in key.values:
            raise FileNotFoundError(name)
        return key.values[name]

    def DeleteValue(self, key, name):
        if name not in key.values:
            raise FileNotFoundError(name)
        del key.values[name]


def test_windows_run_key_holds_the_quoted_command():
    registry = FakeRegistry()
    entry = WindowsAutostart([r"C:\Program Files\Huitouke\Huitouke.exe", "--minimized"], registry)
    assert not entry.is_enabled()
    entry.enable()
    values = registry.keys[r"HKCU\Software\Microsoft\Windows\CurrentVersion\Run"]
    assert values["Huitouke"] == (1, r'"C:\Program Files\Huitouke\Huitouke.exe" --minimized')
    assert entry.is_enabled()
    entry.disable()
    assert not entry.is_enabled()
    entry.disable()


def test_from_source_the_command_runs_main_py_minimised():
    command = autostart.launch_command()
    assert command[0] == sys.executable and command[1].endswith("main.py") and command[-1] == "--minimized"
    assert subprocess.list2cmdline(command)


def test_for_platform_picks_the_entry_kind(tmp_path):
    assert isinstance(autostart.for_platform("linux", COMMAND, tmp_path), LinuxAutostart)
    assert isinstance(autostart.for_platform("darwin", COMMAND, tmp_path), MacAutostart)
    assert isinstance(autostart.for_platform("win32", COMMAND, tmp_path), WindowsAutostart)
