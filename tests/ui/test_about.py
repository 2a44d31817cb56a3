"""About: version, book, data and log folders, and the licence of every bundled library."""

from pathlib import Path

from core import __version__
from core.book import paths
from tests.conftest import ROOT
from ui.dialogs.about import AboutDialog, FontLicenseDialog
from ui.licenses import collect, requirement_names


def test_about_shows_version_folders_and_licences(qtbot, tmp_path):
    dialog = AboutDialog(str(tmp_path / "shop.book"), tmp_path / "logs" / "huitouke.log")
    qtbot.addWidget(dialog)
    assert dialog.version_label.text() == __version__
    texts = " ".join(label.text() for label in dialog.findChildren(type(dialog.version_label)))
    assert "shop.book" in texts and str(paths.data_dir()) in texts and str(tmp_path / "logs") in texts
    names = {dialog.table.item(row, 0).text() for row in range(dialog.table.rowCount())}
    assert {"SQLAlchemy", "openpyxl", "matplotlib", "Qt", "Python"} <= names
    assert all(dialog.table.item(row, 2).text() for row in range(dialog.table.rowCount()))


def test_every_runtime_requirement_has_a_licence_name():
    found = {item.name.lower().replace("_", "-"): item.license for item in collect(ROOT / "requirements.txt")}
    for name in requirement_names(ROOT / "requirements.txt"):
        assert found.get(name.lower().replace("_", "-")), f"no licence found for {name}"
    assert "packaging" in found or "pyparsing" in found  # dependencies of dependencies are listed too


def test_requirement_names_skip_comments_and_options(tmp_path):
    file = tmp_path / "req.txt"
    file.write_text("# comment\n-r other.txt\nSQLAlchemy==2.1.9\npsycopg[binary]==3.3.9  # server books\n\n")
    assert requirement_names(Path(file)) == ["SQLAlchemy", "psycopg"]


def test_about_lists_the_bundled_font_and_shows_its_licence(qtbot, tmp_path):
    dialog = AboutDialog(str(tmp_path / "shop.book"), None)
    qtbot.addWidget(dialog)
    rows = {dialog.table.item(row, 0).text(): dialog.table.item(row, 2).text() for row in range(dialog.table.rowCount())}
    assert rows["Noto Sans CJK SC (subset: Huitouke Sans SC)"] == "OFL-1.1"
    assert "Open Font License" in dialog.font_license_link.text()
    dialog.font_license_link.linkActivated.emit("#font")  # what a click on the link does
    shown = dialog.findChild(FontLicenseDialog)
    assert shown is not None and shown.isVisible()
    text = shown.text.toPlainText()
    assert "SIL OPEN FONT LICENSE Version 1.1" in text and "Huitouke Sans SC" in text and shown.text.isReadOnly()
