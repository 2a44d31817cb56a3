"""Huitouke core: the customer book — storage, services, import/export, reminders, analytics (Qt-free)."""

APP_NAME = "Huitouke"
APP_DISPLAY_NAME = "回头客 Huitouke"
__version__ = "0.1.0"
