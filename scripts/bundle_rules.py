"""What the packaged app leaves out, as named groups (used by pyinstaller.spec and bench/packaging/measure.py).

Each group is a module-exclusion list and/or a predicate on a bundle path (forward slashes, relative
to the bundle's _internal folder). The saving of each group is measured in docs/PERFORMANCE.md. The
rules only drop what the app never loads: a group that drops something used breaks the smoke test.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Group:
    """name: short id; why: one line for the docs; modules: Analysis excludes; drops(path): file filter."""

    name: str
    why: str
    modules: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()
    keep: tuple[str, ...] = field(default=())

    def drops(self, path: str) -> bool:
        path = path.replace("\\", "/")
        if any(re.search(pattern, path) for pattern in self.keep):
            return False
        return any(re.search(pattern, path) for pattern in self.patterns)


def wants_postgres() -> bool:
    """The PostgreSQL driver ships only once it is a runtime requirement (shared books)."""
    return "psycopg" in (ROOT / "requirements.txt").read_text(encoding="utf-8")


_QT = r"(^|/)PySide6/Qt/"
GROUPS: tuple[Group, ...] = (
    Group("python_stdlib_unused", "tkinter, pydoc, ensurepip, ssl and OpenSSL (the app is offline)",
          modules=("tkinter", "_tkinter", "pydoc", "pydoc_data", "doctest", "lib2to3", "ensurepip",
                   "idlelib", "xmlrpc", "ssl", "_ssl", "_hashlib", "curses", "readline"),
          patterns=(r"(^|/)lib(ssl|crypto)[^/]*\.so", r"_ssl\.", r"readline\.", r"(^|/)libreadline")),
    Group("dev_tools", "test and build tools in the venv that imports can drag in",
          modules=("pytest", "_pytest", "hypothesis", "pytestqt", "setuptools", "pkg_resources", "pip",
                   "PyInstaller", "IPython", "jedi", "numpy.f2py", "numpy.distutils", "numpy.testing",
                   "cryptography", "msoffcrypto", "psycopg", "psycopg_binary", "psycopg_pool", "pygments")),
    Group("qt_modules_unused", "Qt modules the app never imports (QML, Quick, PDF, OpenGL, web)",
          modules=("PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtQuickWidgets", "PySide6.QtPdf",
                   "PySide6.QtPdfWidgets", "PySide6.QtOpenGL", "PySide6.QtOpenGLWidgets", "PySide6.QtSql",
                   "PySide6.QtTest", "PySide6.QtConcurrent", "PySide6.QtPrintSupport", "PySide6.QtXml",
                   "PySide6.QtDesigner", "PySide6.QtUiTools", "PySide6.QtHelp", "PySide6.QtWebEngineCore"),
          patterns=(_QT + r"lib/libQt6(Qml|Quick|Pdf|OpenGL|Sql|Test|PrintSupport|Designer)",
                    r"(^|/)libQt6(Qml|Quick|Pdf|Sql|Test|PrintSupport|Designer)")),
    Group("qt_translations", "Qt's own translations except Chinese (qtbase_zh_CN: standard buttons)",
          patterns=(_QT + r"translations/",), keep=(_QT + r"translations/qtbase_zh_CN\.qm$",)),
    Group("qt_plugins_unused", "image formats other than SVG/ICO, TLS, network information, EGLFS, "
          "touch/tablet input, the GTK3 theme (drags in GTK, cairo, pango)",
          patterns=(_QT + r"plugins/(tls|networkinformation|egldeviceintegrations|generic|sqldrivers|"
                    r"position|printsupport|qmltooling|designer|multimedia)/",
                    _QT + r"plugins/imageformats/(?!.*(qsvg|qico))",
                    _QT + r"plugins/platformthemes/.*gtk3",
                    _QT + r"lib/libQt6EglF[Ss]", r"(^|/)libQt6EglF[Ss]")),
    Group("gtk_libraries", "GTK, cairo, pango, ATK libraries pulled in only by the GTK3 theme plugin",
          patterns=(r"(^|/)lib(gtk-3|gdk-3|gdk_pixbuf|atk|atk-bridge|atspi|cairo|cairo-gobject|pango|"
                    r"pangocairo|pangoft2|epoxy|pixman|thai|datrie|fribidi|graphite2)[-.]",)),
    Group("matplotlib_unused", "matplotlib backends other than Qt/Agg/SVG, sample data, STIX and "
          "Computer Modern fonts (mathtext is not used)",
          modules=("matplotlib.backends.backend_tkagg", "matplotlib.backends.backend_tkcairo",
                   "matplotlib.backends.backend_gtk3agg", "matplotlib.backends.backend_gtk4agg",
                   "matplotlib.backends.backend_wxagg", "matplotlib.backends.backend_webagg",
                   "matplotlib.backends.backend_nbagg", "matplotlib.backends.backend_macosx",
                   "matplotlib.backends.backend_cairo", "matplotlib.backends.backend_pgf",
                   "matplotlib.backends.backend_ps", "matplotlib.backends.backend_pdf",
                   "matplotlib.backends.backend_template", "matplotlib.pyplot"),
          patterns=(r"matplotlib/mpl-data/sample_data/", r"matplotlib/mpl-data/fonts/(afm|pdfcorefonts)/",
                    r"matplotlib/mpl-data/fonts/ttf/(STIX|cm|DejaVuSerif|DejaVuSansMono)",
                    r"matplotlib/mpl-data/images/", r"matplotlib/backends/web_backend/")),
    Group("pillow_codecs", "Pillow's AVIF, WebP, colour-management and Tk extensions (matplotlib reads PNG only)",
          modules=("PIL._avif", "PIL._webp", "PIL._imagingcms", "PIL._imagingtk", "PIL.ImageTk", "PIL.ImageQt",
                   "PIL.AvifImagePlugin", "PIL.WebPImagePlugin", "PIL.ImageCms"),
          patterns=(r"(^|/)PIL/_(avif|webp|imagingcms|imagingtk)\.", r"lib(avif|webp|webpmux|webpdemux|sharpyuv|"
                    r"lcms2)[-.]")),
    Group("sqlalchemy_dialects", "SQLAlchemy dialects other than SQLite (and PostgreSQL when shared books ship)",
          modules=("sqlalchemy.dialects.mysql", "sqlalchemy.dialects.mssql", "sqlalchemy.dialects.oracle")),
)


def groups(postgres: bool | None = None) -> tuple[Group, ...]:
    """The groups in force; with PostgreSQL wanted, psycopg is not excluded."""
    postgres = wants_postgres() if postgres is None else postgres
    if not postgres:
        return GROUPS
    return tuple(
        Group(g.name, g.why, tuple(m for m in g.modules if not m.startswith("psycopg")), g.patterns, g.keep)
        for g in GROUPS
    )


def excluded_modules(active: tuple[Group, ...]) -> list[str]:
    return [module for group in active for module in group.modules]


def dropping_group(path: str, active: tuple[Group, ...]) -> str | None:
    """The name of the first group that drops this bundle path, or None to keep it."""
    return next((group.name for group in active if group.drops(path)), None)


def filter_toc(toc, active: tuple[Group, ...]):
    """A PyInstaller TOC (dest, source, kind) without the entries some group drops."""
    return [entry for entry in toc if dropping_group(entry[0], active) is None]


def has_debug_info(path: Path) -> bool:
    """An ELF file that carries DWARF debug sections."""
    with path.open("rb") as handle:
        if handle.read(4) != b"\x7fELF":
            return False
        return b".debug_info" in path.read_bytes()


def strip_debug_info(folder: Path, strip_tool: str = "strip") -> int:
    """Remove DWARF debug sections (never symbols) from the ELF files in folder that carry them; bytes saved.

    Not PyInstaller's --strip: that strips every binary, including the auditwheel-patched libraries
    under *.libs/ (numpy's OpenBLAS), and breaks them. Here only files with debug sections are
    touched (on this Linux build: libpython, lib-dynload, Cython and C extensions) and vendored
    *.libs/ folders are skipped. The frozen smoke test proves the result runs.
    """
    import subprocess

    saved = 0
    for path in sorted(folder.rglob("*")):
        if not path.is_file() or path.is_symlink() or any(part.endswith(".libs") for part in path.parts):
            continue
        if not has_debug_info(path):
            continue
        before = path.stat().st_size
        subprocess.run([strip_tool, "--strip-debug", str(path)], check=True)
        saved += before - path.stat().st_size
    return saved
