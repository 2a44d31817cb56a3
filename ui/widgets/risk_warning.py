"""The risk-buyer banner: shown on a customer's record and when entering an order for them."""

from PySide6.QtWidgets import QLabel

from core.aftersales.dto import RISK_SIGNS, RiskWarningDTO
from ui.text.aftersales import RISK_SIGNS as SIGN_WORDS
from ui.text.aftersales import word


class RiskWarningBanner(QLabel):
    """Hidden until `show_warning` gets a warning; then a red-bordered sentence with the signs and evidence."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("riskWarningBanner")
        self.setWordWrap(True)
        self.setStyleSheet("#riskWarningBanner { background: #fdecea; color: #8e1b10; border: 1px solid #e57373;"
                           " border-radius: 4px; padding: 6px; }")
        self.hide()

    def show_warning(self, warning: RiskWarningDTO | None) -> None:
        """Show why the customer is a risk buyer, or hide the banner for None."""
        if warning is None:
            self.clear()
            self.hide()
            return
        text = self.tr("⚠ Risk buyer: %1 is flagged as a suspected professional bad-reviewer. "
                       "Keep records and be careful with promises.").replace("%1", warning.customer_name)
        if warning.signs:
            signs = "、".join(word(SIGN_WORDS, s) for s in warning.signs)
            text += "\n" + self.tr("Signs (%1 of %2): %3").replace("%1", str(warning.best_score)) \
                .replace("%2", str(len(RISK_SIGNS))).replace("%3", signs)
        if warning.evidence:
            text += "\n" + self.tr("Evidence: %1").replace("%1", "；".join(warning.evidence))
        self.setText(text)
        self.show()
