"""Hello-world PySide6 + matplotlib + SQLAlchemy app: the floor a naive PyInstaller bundle is compared with."""

import sys

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget
from sqlalchemy import create_engine, text


def main() -> int:
    app = QApplication(sys.argv)
    with create_engine("sqlite://").connect() as conn:
        answer = conn.execute(text("SELECT 6 * 7")).scalar()
    window = QWidget()
    layout = QVBoxLayout(window)
    layout.addWidget(QLabel(f"Hello, SQLite says {answer}"))
    figure = Figure(figsize=(3, 2))
    figure.add_subplot().plot([1, 2, 3], [1, 4, 9])
    layout.addWidget(FigureCanvasQTAgg(figure))
    window.show()
    if "--quit-after-paint" in sys.argv:
        QTimer.singleShot(0, app.quit)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
