"""Huitouke entry point: the desktop app by default, headless sub-commands otherwise (see core/cli.py).

`python main.py [--book PATH|URL]` opens the app; so does `python main.py FILE.book` (that book) and
`python main.py FILE.xlsx|.csv|…` (the book as usual, then that spreadsheet's import). A first word that is a
sub-command runs it; any other first word is told as an unknown command (exit 2): nothing opens.
"""

import sys

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


def main(argv: list[str]) -> int:
    from core.book.paths import make_private

    if "--smoke-test" in argv:
        from ui.smoke import run_smoke_test

        make_private()
        return run_smoke_test(argv)
    if wants_cli(argv):
        from core.cli import main as cli_main

        install_cli_words(argv)
        return cli_main(argv)  # private like the app once the command is known (an unknown one writes nothing)
    make_private()  # umask 077, a 0700 data folder, temp files out of /tmp (core.book.paths)
    from ui.app import run

    return run(argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
