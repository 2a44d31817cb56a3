"""The command line's words from the app's own catalogue: its language and translations (QtCore only, no window).

`install()` is called by main.py before a sub-command runs: the language is the app's (the Settings override,
else zh_CN for a Chinese system locale, else English: ui.i18n.chosen_language), the zh_CN .qm is loaded into a
QCoreApplication, and core.cli_text then translates the CLI's "Cli" sources and turns coded errors into the
sentences the app shows (`sentence`).
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSettings

from core import cli_text
from core.errors import CellRejected, HuitoukeError, ServerUnavailable
from ui import settings as keys
from ui.i18n import CHINESE, ENGLISH, chosen_language, install_chinese
from ui.text import aftersales, errors, excel, labels
from ui.text.errors import coded_sentence

# The command line's own sentence where the app's names a button or a list the command line does not have.
COMMAND_LINE = {
    "no_row_imported": QT_TRANSLATE_NOOP(
        "CliErrors", "None of the %rows rows of %file can be imported, so nothing was written. The problem of each "
        "row is listed in “errors”."),
    "no_identity_column": QT_TRANSLATE_NOOP(
        "CliErrors", "No column of %file tells who the customer is (name, phone, WeChat ID or buyer ID). Give that "
        "column one of those headers, or choose the platform with --preset."),
}
# Where a code finds its sentence, first match wins: (translation context, code → English source).
CATALOGUES = (
    ("CliErrors", COMMAND_LINE),
    ("ErrorText", errors.MESSAGES),
    ("ExcelLabels", excel.REFUSALS),
    ("AftersalesLabels", aftersales.ERRORS),
)

_app: QCoreApplication | None = None


def sentence(error: HuitoukeError) -> str:
    """The sentence the app shows for a coded error, in the installed language; its message when no catalogue
    knows the code."""
    if isinstance(error, ServerUnavailable):
        from ui.dialogs.shared_book import describe_connection_error

        return describe_connection_error(error)
    if isinstance(error, CellRejected) and error.code in excel.PROBLEMS:  # a row's problem, as the dialog says it
        return excel.problem_text(error.code, str(error.details.get("value", "")))
    for context, table in CATALOGUES:
        if error.code in table:
            return coded_sentence(context, table, error)
    return error.message


def install() -> str:
    """Give the command line the app's language and words; returns the language ("zh_CN" or "en")."""
    global _app
    _app = QCoreApplication.instance() or QCoreApplication([sys.argv[0] if sys.argv else "huitouke"])
    _app.setOrganizationName(keys.ORGANIZATION)
    _app.setApplicationName(keys.APPLICATION)
    language = chosen_language(QSettings())
    if language == CHINESE and not install_chinese(_app):
        language = ENGLISH
    cli_text.install(QCoreApplication.translate, sentence, language, label)
    return language


LABELS = {"rfm": labels.rfm_label}  # kind of code → the app's word for it (core.cli_text.label)


def label(kind: str, code: str) -> str:
    """The app's word for a code of ``kind`` in the installed language; the code when the kind is unknown."""
    return LABELS[kind](code) if kind in LABELS else code
