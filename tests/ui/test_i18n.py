"""Translations: every ui string has a finished zh_CN translation; the language choice; the .qm build."""

import importlib.util
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QTranslator

from ui.i18n import CHINESE, ENGLISH, LANGUAGE_KEY, chosen_language, ensure_qm, save_language

ROOT = Path(__file__).resolve().parents[2]


def _i18n_script():
    spec = importlib.util.spec_from_file_location("i18n_script", ROOT / "scripts" / "i18n.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_every_ui_string_has_a_finished_translation():
    problems = _i18n_script().check()
    assert problems == [], "\n".join(map(str, problems)) + "\nrun: python scripts/i18n.py update, then translate"


def test_check_reports_a_string_missing_from_the_committed_ts(tmp_path, monkeypatch):
    script = _i18n_script()
    ui_dir = tmp_path / "ui"
    ui_dir.mkdir()
    (ui_dir / "thing.py").write_text('class Thing:\n    def f(self):\n        return self.tr("Brand new words")\n')
    monkeypatch.setattr(script, "ROOT", tmp_path)
    monkeypatch.setattr(script, "UI_DIR", ui_dir)
    monkeypatch.setattr(script, "TRANSLATIONS_DIR", tmp_path / "translations")
    problems = script.check()
    assert [(p.context, p.source, p.reason) for p in problems] == [("Thing", "Brand new words", "missing")]


def test_language_follows_the_system_locale(settings):
    assert chosen_language(settings, QLocale(QLocale.Language.Chinese, QLocale.Country.China)) == CHINESE
    assert chosen_language(settings, QLocale(QLocale.Language.Chinese, QLocale.Country.Taiwan)) == CHINESE
    assert chosen_language(settings, QLocale(QLocale.Language.German, QLocale.Country.Germany)) == ENGLISH


def test_language_override_wins_over_the_locale(settings):
    save_language(settings, ENGLISH)
    assert settings.value(LANGUAGE_KEY) == ENGLISH
    assert chosen_language(settings, QLocale(QLocale.Language.Chinese, QLocale.Country.China)) == ENGLISH


def test_missing_qm_is_built_from_the_ts_files(tmp_path):
    for ts_file in (ROOT / "resources" / "translations").glob("*.zh_CN.ts"):
        shutil.copy(ts_file, tmp_path)
    qm_file = ensure_qm(tmp_path)
    assert qm_file is not None and qm_file.exists()
    translator = QTranslator()
    assert translator.load(str(qm_file))
    assert translator.translate("Navigation", "Customers") == "客户"


def test_no_ts_files_means_english(tmp_path):
    assert ensure_qm(tmp_path) is None
