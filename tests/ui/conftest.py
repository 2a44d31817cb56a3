"""Fixtures for ui tests: isolated QSettings per test."""

import pytest
from PySide6.QtCore import QSettings


@pytest.fixture
def settings(tmp_path, qapp):
    """A QSettings stored in an ini file under tmp_path, never the user's real settings."""
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
