"""The Qt desktop application of Huitouke; depends on core, never the other way round."""

from ui.qt_workarounds import immortalise_booleans

immortalise_booleans()
