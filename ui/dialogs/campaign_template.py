"""Campaign template dialog: edit one theme's text of the campaign library with a live preview, saved in
the book (core.marketing.texts.save_campaign_template) for the language of the messages."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout

from core.marketing.texts import CampaignTemplate
from ui.dialogs.lane_save import save_form
from ui.widgets.error_label import error_label
from ui.widgets.template_editor import TemplateEditor


class CampaignTemplateDialog(QDialog):
    """Edits `template` (titled `title`); after Save, `saved` holds the stored CampaignTemplate. With a `lane`
    (ui.book_lane.BookLane) Save runs there, disabled meanwhile, a refusal said in the dialog."""

    def __init__(self, marketing, template: CampaignTemplate, title: str, parent=None, lane=None):
        super().__init__(parent)
        self._marketing, self._template, self._lane = marketing, template, lane
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
        self.error_label = error_label(self)
        layout.addWidget(self.error_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def save(self) -> bool:
        """Store the text; True when stored already, False on the lane (accepted later) or when refused."""
        theme, language, text = self._template.theme, self._template.language, self.editor.text()
        return save_form(self._lane, self, self.save_button, self.error_label,
                         lambda: self._marketing.save_campaign_template(theme, language, text), self._stored)

    def _stored(self, template: CampaignTemplate) -> None:
        self.saved = template
