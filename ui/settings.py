"""QSettings keys for UI state only (window geometry, column widths, last page, language, last book)."""

from PySide6.QtCore import QSettings

ORGANIZATION = "Huitouke"
APPLICATION = "Huitouke"

GEOMETRY = "main_window/geometry"
WINDOW_STATE = "main_window/state"
LAST_PAGE = "main_window/last_page"
LAST_BOOK = "book/last_path"


def header_state_key(table: str) -> str:
    """Key under which a table's column widths, order and hidden columns are kept."""
    return f"tables/{table}/header"


def app_settings() -> QSettings:
    """The user's settings store (the organisation/application names are set by ui.app)."""
    return QSettings(ORGANIZATION, APPLICATION)
