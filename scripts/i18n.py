"""Translation workflow: one zh_CN .ts per ui module (and per core module of the command line's words,
core.cli_text), merged into one .qm.

    python scripts/i18n.py update   extract strings of every such module into
                                    resources/translations/<dotted.module>.zh_CN.ts (keeps translations)
    python scripts/i18n.py build    lrelease every .ts into resources/translations/huitouke_zh_CN.qm
    python scripts/i18n.py check    list unfinished and missing translations; exit 1 if any
"""

import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI_DIR = ROOT / "ui"
TRANSLATIONS_DIR = ROOT / "resources" / "translations"
LANGUAGE = "zh_CN"
QM_NAME = f"huitouke_{LANGUAGE}.qm"
_TRANSLATABLE = re.compile(r"\.tr\(|\btranslate\(|QT_TRANSLATE_NOOP|QT_TR_NOOP")
_CLI_WORDS = re.compile(r"^from core\.cli_text import .*\btranslate\b", re.M)


def _qt_tool(name: str) -> str:
    """Path of lupdate/lrelease shipped inside the PySide6 wheel."""
    import PySide6

    tool = Path(PySide6.__file__).parent / name
    if not tool.exists():
        tool = tool.with_suffix(".exe")
    return str(tool)


def translatable_modules() -> list[Path]:
    """Every ui source file that contains a translatable string, and every core module that prints words of
    the command line (it imports `translate` from core.cli_text)."""
    ui = [p for p in UI_DIR.rglob("*.py") if _TRANSLATABLE.search(p.read_text(encoding="utf-8"))]
    core = [p for p in (ROOT / "core").rglob("*.py") if _CLI_WORDS.search(p.read_text(encoding="utf-8"))]
    return sorted(ui + core)


def ts_path_for(module: Path, translations_dir: Path | None = None) -> Path:
    dotted = ".".join(module.relative_to(ROOT).with_suffix("").parts)
    return (translations_dir or TRANSLATIONS_DIR) / f"{dotted}.{LANGUAGE}.ts"


def run_lupdate(module: Path, ts_file: Path) -> None:
    """Merge the strings of one module into ts_file (created if missing; vanished strings dropped)."""
    subprocess.run(
        [_qt_tool("lupdate"), "-silent", "-no-obsolete", "-locations", "none", "-target-language", LANGUAGE,
         str(module), "-ts", str(ts_file)],
        check=True,
    )


def update() -> list[Path]:
    TRANSLATIONS_DIR.mkdir(parents=True, exist_ok=True)
    written = []
    for module in translatable_modules():
        ts_file = ts_path_for(module)
        run_lupdate(module, ts_file)
        written.append(ts_file)
    return written


def build(translations_dir: Path | None = None, qm_file: Path | None = None) -> Path:
    """Compile every .ts into one .qm; returns its path."""
    translations_dir = translations_dir or TRANSLATIONS_DIR
    qm_file = qm_file or translations_dir / QM_NAME
    ts_files = sorted(translations_dir.glob(f"*.{LANGUAGE}.ts"))
    subprocess.run([_qt_tool("lrelease"), "-silent", *map(str, ts_files), "-qm", str(qm_file)], check=True)
    return qm_file


@dataclass(frozen=True)
class Problem:
    ts_file: str
    context: str
    source: str
    reason: str  # "unfinished" or "missing"

    def __str__(self) -> str:
        return f"{self.ts_file}: [{self.context}] {self.source!r}: {self.reason}"


def unfinished_entries(ts_file: Path) -> list[Problem]:
    """Messages of ts_file with no finished translation (vanished/obsolete ones are ignored)."""
    problems = []
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type") if translation is not None else "unfinished"
            if kind in ("vanished", "obsolete"):
                continue
            text = "".join(translation.itertext()).strip() if translation is not None else ""
            if kind == "unfinished" or not text:
                problems.append(Problem(ts_file.name, name, message.findtext("source", ""), "unfinished"))
    return problems


def check() -> list[Problem]:
    """Re-extract every module into a scratch copy of its committed .ts and report what is not translated.

    A string present in the code but absent from the committed .ts comes back as "missing"; a string in
    the committed .ts without a finished translation as "unfinished".
    """
    problems = []
    with tempfile.TemporaryDirectory() as scratch:
        for module in translatable_modules():
            committed = ts_path_for(module)
            fresh = ts_path_for(module, Path(scratch))
            if committed.exists():
                shutil.copyfile(committed, fresh)
            run_lupdate(module, fresh)
            before = {(p.context, p.source) for p in unfinished_entries(committed)} if committed.exists() else set()
            for problem in unfinished_entries(fresh):
                key = (problem.context, problem.source)
                reason = "unfinished" if key in before else "missing"
                problems.append(Problem(committed.name, problem.context, problem.source, reason))
    return problems


def main(argv: list[str]) -> int:
    command = argv[0] if argv else ""
    if command == "update":
        for ts_file in update():
            print(ts_file.relative_to(ROOT))
        return 0
    if command == "build":
        print(build().relative_to(ROOT))
        return 0
    if command == "check":
        problems = check()
        for problem in problems:
            print(problem)
        print(f"{len(problems)} problem(s)")
        return 1 if problems else 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
