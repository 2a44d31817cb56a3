"""The words of the command line in the user's language, without Qt in core.

Every sentence the CLI prints is an English source marked `translate("Cli", "…")` (the marker pyside6-lupdate
reads; scripts/i18n.py extracts core/cli*.py into resources/translations/core.cli.zh_CN.ts). Until `install` is
called the sources are printed as they are and a coded error is its English `message`. The entry point (main.py)
installs the translator of ui.text.cli — the app's own translations and language choice (the Settings override,
else the system locale) — so the CLI, the app and the coded errors' sentences share one catalogue.
"""

from __future__ import annotations

from collections.abc import Callable

from core.errors import CellRejected, HuitoukeError

_translate: Callable[[str, str], str] | None = None
_describe: Callable[[HuitoukeError], str] | None = None
_label: Callable[[str, str], str] | None = None
_language = "en"


def install(translate: Callable[[str, str], str], describe: Callable[[HuitoukeError], str], language: str,
            label: Callable[[str, str], str] | None = None) -> None:
    """Route `translate`, `sentence` and `label` through the given functions from now on (language: "en" or
    "zh_CN")."""
    global _translate, _describe, _label, _language
    _translate, _describe, _label, _language = translate, describe, label, language


def uninstall() -> None:
    """Back to the English sources (tests)."""
    global _translate, _describe, _label, _language
    _translate, _describe, _label, _language = None, None, None, "en"


def language() -> str:
    """The language the CLI speaks: "zh_CN" or "en"."""
    return _language


def translate(context: str, source: str) -> str:
    """`source` in the user's language; the source itself when no translator is installed or it has none."""
    return _translate(context, source) if _translate is not None else source


def label(kind: str, code: str) -> str:
    """The app's word for a code core stores (``kind``: "rfm" — a segment's Chinese name), in the user's
    language: the app's own table (ui.text.labels), so the CLI never keeps a copy. The code itself without one."""
    return _label(kind, code) if _label is not None else code


def sentence(error: HuitoukeError) -> str:
    """The sentence for a coded error in the user's language (its English message without a translator)."""
    return _describe(error) if _describe is not None else error.message


def fill(text: str, *values: object) -> str:
    """Replace %1, %2, … in a translated text (Qt's placeholders, kept so translators can reorder them)."""
    for number in range(len(values), 0, -1):
        text = text.replace(f"%{number}", str(values[number - 1]))
    return text


def say_row_problems(errors: list[dict]) -> None:
    """Give each row problem (a dict with `code` and `value`: an import's, or a refusal's `errors`) its
    `message` in the user's language: the app's words for its code under Chinese; under English the importer's
    own sentence, or the code's when it has none."""
    for error in errors:
        if not isinstance(error, dict) or "code" not in error:
            continue
        if language() != "en" or not error.get("message"):
            error["message"] = sentence(CellRejected(error["code"], value=error.get("value") or ""))
