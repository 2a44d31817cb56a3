"""A message template editor with a live preview: the text filled with sample values, unknown placeholders
named in red (never printed). Used by the reminder settings and the campaign template dialog."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from core.templates import render, sample_values


class TemplateEditor(QWidget):
    """Edits one template body in `language` ("zh_CN" or "en", the language of the sample values)."""

    def __init__(self, language: str = "zh_CN", parent: QWidget | None = None):
        super().__init__(parent)
        self._language = language
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.template_edit = QPlainTextEdit()
        self.template_edit.setObjectName("template_editor")
        self.template_edit.setMaximumHeight(90)
        self.template_edit.textChanged.connect(self._on_template_edit_text_changed)
        self.preview_label = QLabel()
        self.preview_label.setObjectName("template_preview")
        self.preview_label.setWordWrap(True)
        self.preview_label.setFrameShape(QLabel.Shape.StyledPanel)
        self.unknown_label = QLabel()
        self.unknown_label.setStyleSheet("color: #c62828;")
        layout.addWidget(QLabel(self.tr("Message template — placeholders: {name} {product} {shop} {days} {coupon} "
                                        "{date} {level} (or {昵称} {商品} {店铺} {等级})")))
        layout.addWidget(self.template_edit)
        layout.addWidget(QLabel(self.tr("Preview:")))
        layout.addWidget(self.preview_label)
        layout.addWidget(self.unknown_label)

    def text(self) -> str:
        return self.template_edit.toPlainText()

    def set_text(self, body: str) -> None:
        self.template_edit.setPlainText(body)

    def set_language(self, language: str) -> None:
        self._language = language
        self._on_template_edit_text_changed()

    def _on_template_edit_text_changed(self) -> None:
        """Live preview with sample values; unknown placeholders are named, not printed."""
        rendered = render(self.template_edit.toPlainText(), sample_values(self._language))
        self.preview_label.setText(rendered.text)
        self.unknown_label.setText(self.tr("Unknown placeholders (left out): %1").replace(
            "%1", ", ".join("{" + u + "}" for u in rendered.unknown)) if rendered.unknown else "")
