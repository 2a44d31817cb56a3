"""Where the ui finds its bundled resources (icons, translations), from source or a frozen bundle."""

import sys
from pathlib import Path


def resources_dir() -> Path:
    """The folder holding icons/ and translations/ (next to the code, or inside the PyInstaller bundle)."""
    bundle = getattr(sys, "_MEIPASS", None)
    root = Path(bundle) if bundle else Path(__file__).resolve().parent.parent
    return root / "resources"


def icons_dir() -> Path:
    return resources_dir() / "icons"


def translations_dir() -> Path:
    return resources_dir() / "translations"
