"""First-run welcome screen: start an empty book, open the demo book, or import an Excel file."""

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QCommandLinkButton,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.icons import app_icon, icon


class WelcomeWindow(QWidget):
    """Shown when there is no book yet. Emits what the seller chose; ui.launcher does the work.

    While a long step runs (building the demo book) ``show_progress`` disables the choices and shows a
    progress bar with a Cancel button that emits ``cancel_requested``.
    """

    empty_book_requested = Signal()
    demo_book_requested = Signal()
    import_requested = Signal()
    open_book_requested = Signal()
    connect_shared_book_requested = Signal()
    cancel_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Welcome to Huitouke"))
        self.setWindowIcon(app_icon())
        outer = QVBoxLayout(self)
        outer.setContentsMargins(48, 36, 48, 36)
        logo = QLabel()
        logo.setPixmap(app_icon().pixmap(72, 72))
        logo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        outer.addWidget(logo)
        title = QLabel(self.tr("Welcome to Huitouke (回头客)"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        title.setFont(font)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        outer.addWidget(title)
        subtitle = QLabel(self.tr("Keep every customer in one book, and know who to contact today. "
                                  "Everything stays on this computer. How would you like to start?"))
        subtitle.setWordWrap(True)
        subtitle.setAlignment(Qt.AlignmentFlag.AlignCenter)
        outer.addWidget(subtitle)
        outer.addSpacing(16)

        self.empty_button = self._choice("customers", self.tr("Start an empty book"),
                                         self.tr("Add customers and orders by hand as they come."))
        self.demo_button = self._choice("analytics", self.tr("Open the demo book"),
                                        self.tr("Look around with 300 made-up customers and their orders first."))
        self.import_button = self._choice("import", self.tr("Import an Excel file"),
                                          self.tr("Bring in your customer sheet or a Taobao, Pinduoduo or "
                                                  "Douyin order export."))
        self.empty_button.clicked.connect(self.empty_book_requested)
        self.demo_button.clicked.connect(self.demo_book_requested)
        self.import_button.clicked.connect(self.import_requested)
        for button in (self.empty_button, self.demo_button, self.import_button):
            outer.addWidget(button)

        self.open_button = QPushButton(self.tr("Open an existing book…"))
        self.open_button.setFlat(True)
        self.open_button.clicked.connect(self.open_book_requested)
        outer.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignHCenter)
        self.connect_button = QPushButton(self.tr("Connect to a shared book on your office server…"))
        self.connect_button.setFlat(True)
        self.connect_button.clicked.connect(self.connect_shared_book_requested)
        outer.addWidget(self.connect_button, 0, Qt.AlignmentFlag.AlignHCenter)

        self.progress_row = QWidget()
        row = QHBoxLayout(self.progress_row)
        row.setContentsMargins(0, 0, 0, 0)
        self.progress_label = QLabel()
        self.progress_bar = QProgressBar()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel_requested)
        row.addWidget(self.progress_label)
        row.addWidget(self.progress_bar, 1)
        row.addWidget(self.cancel_button)
        self.progress_row.setVisible(False)
        outer.addWidget(self.progress_row)
        outer.addStretch(1)
        self.resize(640, 560)

    def _choice(self, icon_name: str, title: str, description: str) -> QCommandLinkButton:
        button = QCommandLinkButton(title, description)
        button.setIcon(icon(icon_name))
        button.setIconSize(QSize(32, 32))
        return button

    def show_progress(self, message: str, done: int = 0, total: int = 0) -> None:
        """Disable the choices and show progress (total 0 = busy indicator)."""
        for button in (self.empty_button, self.demo_button, self.import_button, self.open_button):
            button.setEnabled(False)
        self.progress_row.setVisible(True)
        self.progress_label.setText(message)
        self.progress_bar.setRange(0, total)
        self.progress_bar.setValue(done)

    def hide_progress(self) -> None:
        for button in (self.empty_button, self.demo_button, self.import_button, self.open_button):
            button.setEnabled(True)
        self.progress_row.setVisible(False)
