"""Huitouke entry point: the desktop app by default, headless sub-commands otherwise (see core/cli.py)."""

import sys

from core.cli import COMMANDS


def wants_cli(argv: list[str]) -> bool:
    """True when the arguments name a sub-command (or --version/--help) rather than the desktop app."""
    skip_next = False
    for arg in argv:
        if skip_next:
            skip_next = False
            continue
        if arg == "--book":
            skip_next = True
        elif arg in ("--version", "-h", "--help"):
            return True
        elif not arg.startswith("-"):
            return arg in COMMANDS
    return False


def main(argv: list[str]) -> int:
    from core.book.paths import make_private

    make_private()  # umask 077, a 0700 data folder, temp files out of /tmp (core.book.paths)
    if "--smoke-test" in argv:
        from ui.smoke import run_smoke_test

        return run_smoke_test(argv)
    if wants_cli(argv):
        from core.cli import main as cli_main

        return cli_main(argv)
    from ui.app import run

    return run(argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
