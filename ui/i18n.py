"""Installs the app's translator: the language follows the system locale unless overridden in Settings.

Decision on a missing .qm: when running from a source checkout the .qm is compiled from the committed
.ts files at start-up (lrelease, about 0.1 s, only when missing or older than a .ts); if that is not
possible the app falls back to English silently and logs a warning. The packaged app ships the .qm.
"""

import logging
import subprocess
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from ui.paths import translations_dir

log = logging.getLogger(__name__)

LANGUAGE_KEY = "ui/language"
SYSTEM = "system"
ENGLISH = "en"
CHINESE = "zh_CN"
LANGUAGES = (SYSTEM, CHINESE, ENGLISH)
QM_NAME = f"huitouke_{CHINESE}.qm"


def chosen_language(settings: QSettings, system_locale: QLocale | None = None) -> str:
    """The language to show: the override saved in Settings, else zh_CN for any Chinese locale, else en."""
    override = settings.value(LANGUAGE_KEY, SYSTEM)
    if override in (CHINESE, ENGLISH):
        return override
    locale = system_locale or QLocale.system()
    return CHINESE if locale.language() == QLocale.Language.Chinese else ENGLISH


def save_language(settings: QSettings, language: str) -> None:
    """Store the override (takes effect at the next start); SYSTEM removes it."""
    if language not in LANGUAGES:
        raise ValueError(language)
    settings.setValue(LANGUAGE_KEY, language)


def ensure_qm(folder: Path | None = None) -> Path | None:
    """The compiled .qm, built from the .ts files when missing or stale; None if it cannot be had."""
    folder = folder or translations_dir()
    qm_file = folder / QM_NAME
    ts_files = list(folder.glob(f"*.{CHINESE}.ts"))
    stale = ts_files and (not qm_file.exists() or qm_file.stat().st_mtime < max(p.stat().st_mtime for p in ts_files))
    if stale:
        try:
            import PySide6

            lrelease = Path(PySide6.__file__).parent / "lrelease"
            # its words go to our log, never to the terminal: a command's stderr carries one JSON line
            done = subprocess.run([str(lrelease), "-silent", *map(str, sorted(ts_files)), "-qm", str(qm_file)],
                                  check=True, timeout=30, capture_output=True, text=True)
            if done.stderr.strip():
                log.info("lrelease: %s", done.stderr.strip()[:500])
        except (OSError, subprocess.SubprocessError) as exc:
            log.warning("could not build %s (%s); falling back to English", qm_file, exc)
    return qm_file if qm_file.exists() else None


def install_chinese(app: QCoreApplication) -> list[QTranslator]:
    """Install the app's zh_CN translation and Qt's own (standard buttons); [] if the .qm is unusable."""
    qm_file = ensure_qm()
    translator = QTranslator(app)
    if qm_file is None or not translator.load(str(qm_file)):
        return []
    installed = [translator]
    app.installTranslator(translator)
    qt_translator = QTranslator(app)
    if qt_translator.load(f"qtbase_{CHINESE}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_translator)
        installed.append(qt_translator)
    return installed


def install_translator(app: QCoreApplication, settings: QSettings) -> str:
    """Load the app and Qt translations for the chosen language into app; returns the language used."""
    language = chosen_language(settings)
    if language == ENGLISH:
        return ENGLISH
    if not install_chinese(app):
        log.warning("no usable translation for %s; showing English", language)
        return ENGLISH
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    return language
