"""Pages of the main window: one module per page, listed in ui.pages.registry."""
