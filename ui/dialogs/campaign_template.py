"""Campaign template dialog: edit one theme's text of the campaign library with a live preview, saved in
the book (core.marketing.texts.save_campaign_template) for the language of the messages."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout

from core.marketing.texts import CampaignTemplate
from ui.widgets.template_editor import TemplateEditor


class CampaignTemplateDialog(QDialog):
    """Edits `template` (titled `title`); after Save, `saved` holds the stored CampaignTemplate."""

    def __init__(self, marketing, template: CampaignTemplate, title: str, parent=None):
        super().__init__(parent)
        self._marketing, self._template = marketing, template
        self.saved: CampaignTemplate | None = None
        self.setWindowTitle(self.tr("Campaign template"))
        self.resize(560, 340)
        layout = QVBoxLayout(self)
        heading = QLabel(self.tr("Template “%1”: used for every campaign started with this theme.")
                         .replace("%1", title))
        heading.setWordWrap(True)
        layout.addWidget(heading)
        self.editor = TemplateEditor(template.language)
        self.editor.set_text(template.body)
        layout.addWidget(self.editor)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def save(self) -> None:
        self.saved = self._marketing.save_campaign_template(self._template.theme, self._template.language,
                                                            self.editor.text())
        self.accept()
