"""The one helper for the app's bundled read-only files (icons, translations, templates), from source or
the packaged app. User data (books, backups, logs) lives in core.book.paths.data_dir(), never here."""

from pathlib import Path

from core.book.paths import bundle_root


def resources_dir() -> Path:
    """The folder holding icons/, translations/ and templates/ (next to the code, or inside the bundle)."""
    return bundle_root() / "resources"


def resource_path(*parts: str) -> Path:
    """A file or folder under resources/, e.g. resource_path("icons", "app.svg")."""
    return resources_dir().joinpath(*parts)


def icons_dir() -> Path:
    return resource_path("icons")


def translations_dir() -> Path:
    return resource_path("translations")


def templates_dir() -> Path:
    return resource_path("templates")
