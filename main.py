"""Huitouke entry point: the desktop app by default, headless sub-commands otherwise (see core/cli.py).

`python main.py [--book PATH|URL]` opens the app; so does `python main.py FILE.book` (that book) and
`python main.py FILE.xlsx|.csv|…` (the book as usual, then that spreadsheet's import). A first word that is a
sub-command runs it; any other first word is told as an unknown command (exit 2): nothing opens.
"""

import gc
import sys
from collections.abc import Callable

from core.cli import wants_cli


def install_cli_words(argv: list[str]) -> None:
    """The app's translations and language for the command line's words (not needed for --version)."""
    if argv == ["--version"]:
        return
    try:
        from ui.text.cli import install
    except ImportError:  # Qt unavailable: the command line speaks its English sources
        return
    install()


def start_command(argv: list[str]) -> Callable[[list[str]], int]:
    """A sub-command's start-up (the file of `import` read on a thread, the modules imported, the words installed)
    with the cyclic garbage collector paused, and what it made frozen out of the collector (gc.freeze): modules,
    classes and tables that live to the end, which each collection the imports' allocations set off walked again
    (≈ 0.08 s CPU of the imports of `main.py import`: 0.43 s paused against 0.52 s, min of 6). Returns core.cli's
    main."""
    from core.gc_pause import garbage_collector_paused

    with garbage_collector_paused():
        from core.cli import main as cli_main
        from core.cli import start_early

        start_early(argv)  # before the words: PySide6 slows every import after it
        install_cli_words(argv)
        gc.freeze()
    return cli_main


def main(argv: list[str]) -> int:
    from core.book.paths import make_private

    if "--smoke-test" in argv:
        from ui.smoke import run_smoke_test

        make_private()
        return run_smoke_test(argv)
    if wants_cli(argv):
        cli_main = start_command(argv)
        return cli_main(argv)  # private like the app once the command is known (an unknown one writes nothing)
    make_private()  # umask 077, a 0700 data folder, temp files out of /tmp (core.book.paths)
    from ui.app import run

    return run(argv)


def end_command(code: int) -> int:
    """A sub-command's process ends here: its objects are frozen out of the cyclic collector first. Without
    that the interpreter's teardown spends about 0.45 s CPU after a 50,000-row import (0.05 s with it:
    measured), collecting over every object still alive (modules, the pinyin tables, SQLAlchemy's
    registries) only to free memory the process is about to give back. Files and the book are closed by
    then; logging's flush at exit runs as before. Not for the desktop app, whose Qt objects go their own way."""
    gc.freeze()
    return code


if __name__ == "__main__":
    arguments = sys.argv[1:]
    exit_code = main(arguments)
    sys.exit(end_command(exit_code) if wants_cli(arguments) else exit_code)
