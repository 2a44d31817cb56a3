"""Start Huitouke at login, minimised to the tray: a Windows Run key, a macOS LaunchAgent, a Linux autostart file.

Qt-free and side-effect free until enable()/disable(); the home folder, environment and registry are
injectable so tests can check every platform's entry from any machine.
"""

from __future__ import annotations

import os
import plistlib
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from core import APP_NAME
from core.book.paths import bundle_root, is_frozen

START_MINIMIZED = "--minimized"
LAUNCH_AGENT_LABEL = "app.huitouke.desktop"
RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"
DESKTOP_FILE_NAME = "huitouke.desktop"


def launch_command() -> list[str]:
    """How to start this installation minimised: the packaged executable, or python main.py from source."""
    if is_frozen():
        return [sys.executable, START_MINIMIZED]
    return [sys.executable, str(bundle_root() / "main.py"), START_MINIMIZED]


def desktop_exec_quote(argument: str) -> str:
    """Quote one argument for the Exec key of a .desktop file (Desktop Entry Specification)."""
    if argument and not any(c in argument for c in " \t\n\"'\\><~|&;$*?#()`="):
        return argument
    escaped = "".join("\\" + c if c in '"`$\\' else c for c in argument)
    return f'"{escaped}"'


@dataclass
class LinuxAutostart:
    """~/.config/autostart/huitouke.desktop (XDG_CONFIG_HOME respected)."""

    command: list[str]
    home: Path = field(default_factory=Path.home)
    env: dict[str, str] = field(default_factory=lambda: dict(os.environ))
    icon: str = ""

    @property
    def path(self) -> Path:
        config = self.env.get("XDG_CONFIG_HOME") or str(self.home / ".config")
        return Path(config) / "autostart" / DESKTOP_FILE_NAME

    def contents(self) -> str:
        icon = self.icon or str(bundle_root() / "resources" / "icons" / "app.svg")
        return "\n".join([
            "[Desktop Entry]", "Type=Application", f"Name={APP_NAME}", "Name[zh_CN]=回头客",
            "Comment=Customer book: today's follow-ups", "Comment[zh_CN]=客户本：今日回访",
            "Exec=" + " ".join(desktop_exec_quote(arg) for arg in self.command), f"Icon={icon}",
            "Terminal=false", "X-GNOME-Autostart-enabled=true", "",
        ])

    def is_enabled(self) -> bool:
        return self.path.exists()

    def enable(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.path.write_text(self.contents(), encoding="utf-8")

    def disable(self) -> None:
        self.path.unlink(missing_ok=True)


@dataclass
class MacAutostart:
    """~/Library/LaunchAgents/app.huitouke.desktop.plist, loaded by launchd at the next login."""

    command: list[str]
    home: Path = field(default_factory=Path.home)

    @property
    def path(self) -> Path:
        return self.home / "Library" / "LaunchAgents" / f"{LAUNCH_AGENT_LABEL}.plist"

    def contents(self) -> bytes:
        return plistlib.dumps({
            "Label": LAUNCH_AGENT_LABEL, "ProgramArguments": self.command, "RunAtLoad": True,
            "ProcessType": "Interactive", "LimitLoadToSessionType": "Aqua",
        })

    def is_enabled(self) -> bool:
        return self.path.exists()

    def enable(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.path.write_bytes(self.contents())

    def disable(self) -> None:
        self.path.unlink(missing_ok=True)


@dataclass
class WindowsAutostart:
    """The value "Huitouke" under HKEY_CURRENT_USER\\...\\Run. `registry` is winreg or a stand-in for tests."""

    command: list[str]
    registry: Any = None

    @property
    def value(self) -> str:
        return subprocess.list2cmdline(self.command)

    def _winreg(self):
        if self.registry is None:
            import winreg

            self.registry = winreg
        return self.registry

    def is_enabled(self) -> bool:
        reg = self._winreg()
        try:
            with reg.OpenKey(reg.HKEY_CURRENT_USER, RUN_KEY) as key:
                reg.QueryValueEx(key, APP_NAME)
        except OSError:
            return False
        return True

    def enable(self) -> None:
        reg = self._winreg()
        with reg.CreateKey(reg.HKEY_CURRENT_USER, RUN_KEY) as key:
            reg.SetValueEx(key, APP_NAME, 0, reg.REG_SZ, self.value)

    def disable(self) -> None:
        reg = self._winreg()
        try:
            with reg.OpenKey(reg.HKEY_CURRENT_USER, RUN_KEY, 0, reg.KEY_SET_VALUE) as key:
                reg.DeleteValue(key, APP_NAME)
        except OSError:
            pass


def for_platform(platform: str = sys.platform, command: list[str] | None = None,
                 home: Path | None = None) -> LinuxAutostart | MacAutostart | WindowsAutostart:
    """The autostart entry of this (or the named) platform for this installation."""
    command = command or launch_command()
    if platform == "win32":
        return WindowsAutostart(command)
    if platform == "darwin":
        return MacAutostart(command, home or Path.home())
    icon = bundle_root() / "resources" / "icons" / "huitouke.png"
    return LinuxAutostart(command, home or Path.home(), icon=str(icon) if icon.exists() else "")

