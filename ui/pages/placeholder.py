"""A clearly labelled stand-in for a page that a later version fills in."""

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout

from ui.icons import icon
from ui.pages.base import Page


class PlaceholderPage(Page):
    """Shows the page's title, the words "coming in a later version" and what the page will do.

    title and description arrive untranslated (marked with QT_TRANSLATE_NOOP in the registry under the
    context "PageDescriptions") and are translated here.
    """

    def __init__(self, title: str, description: str, icon_name: str, parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        picture = QLabel()
        picture.setPixmap(icon(icon_name).pixmap(64, 64))
        picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(picture)
        heading = QLabel(QCoreApplication.translate("Navigation", title))
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        heading.setFont(font)
        layout.addWidget(heading)
        status = QLabel(self.tr("This page arrives in a later version. It will:"))
        status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(status)
        self.description_label = QLabel(QCoreApplication.translate("PageDescriptions", description))
        self.description_label.setWordWrap(True)
        self.description_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.description_label.setFixedWidth(560)
        layout.addWidget(self.description_label, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
