"""argparse in the user's language: the command line's parsers, their help and their refusals.

argparse words its own refusals in English (a missing argument, an unknown option, a value not among the
choices, "usage:", "error:"). `Parser.error` says them in the user's language through core.cli_text: each
argparse template (Python 3.11's wording, matched whole) has a `translate("Cli", …)` source; a message no
template matches (a later Python's new wording) is printed as argparse wrote it. The exit code stays 2, the
usage line is printed first as argparse does.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable
from typing import NoReturn

from core.cli_text import fill, translate


class _Formatter(argparse.HelpFormatter):
    """argparse's help with its own words ("usage:") in the user's language."""

    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, translate("Cli", "usage: ") if prefix is None else prefix)


def _choices(value: str, choices: str) -> str:
    return fill(translate("Cli", "invalid choice: %1 (choose from %2)"), value, choices)


def _typed(kind: str, value: str) -> str:
    if kind == "int":
        return fill(translate("Cli", "not a whole number: %1"), value)
    return fill(translate("Cli", "invalid %1 value: %2"), kind, value)


# argparse's templates (Python 3.11) → the same words in the user's language, from the matched parts.
_TEMPLATES: tuple[tuple[re.Pattern[str], Callable[..., str]], ...] = (
    (re.compile(r"argument (.+?): (.+)", re.S), lambda name, inner: fill(
        translate("Cli", "argument %1: %2"), name, argparse_words(inner))),
    (re.compile(r"the following arguments are required: (.+)", re.S), lambda names: fill(
        translate("Cli", "the following arguments are required: %1"), names)),
    (re.compile(r"unrecognized arguments: (.*)", re.S), lambda words: fill(
        translate("Cli", "unrecognized arguments: %1"), words)),
    (re.compile(r"invalid choice: (.+?) \(choose from (.+)\)", re.S), _choices),
    (re.compile(r"invalid (\S+) value: (.+)", re.S), _typed),
    (re.compile(r"expected one argument"), lambda: translate("Cli", "expected one argument")),
    (re.compile(r"expected at most one argument"), lambda: translate("Cli", "expected at most one argument")),
    (re.compile(r"expected at least one argument"), lambda: translate("Cli", "expected at least one argument")),
    (re.compile(r"ambiguous option: (.+?) could match (.+)", re.S), lambda option, matches: fill(
        translate("Cli", "ambiguous option: %1 could match %2"), option, matches)),
    (re.compile(r"ignored explicit argument (.+)", re.S), lambda value: fill(
        translate("Cli", "ignored explicit argument %1"), value)),
)


def argparse_words(message: str) -> str:
    """One of argparse's refusals in the user's language; the message as it is when no template matches."""
    for pattern, words in _TEMPLATES:
        match = pattern.fullmatch(message)
        if match:
            return words(*match.groups())
    return message


class Parser(argparse.ArgumentParser):
    """An ArgumentParser whose refusals are in the user's language (its sub-parsers are of this class too:
    add_subparsers takes the parent's class)."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, fill(translate("Cli", "%1: error: %2"), self.prog, argparse_words(message)) + "\n")


def new_parser(prog: str, description: str, **kwargs) -> argparse.ArgumentParser:
    """A parser whose help, section titles, -h line and refusals are in the user's language."""
    p = Parser(prog=prog, description=description, formatter_class=_Formatter, add_help=False, **kwargs)
    p._positionals.title = translate("Cli", "arguments")
    p._optionals.title = translate("Cli", "options")
    p.add_argument("-h", "--help", action="help", help=translate("Cli", "show this help and exit"))
    return p


def add_command(sub: argparse._SubParsersAction, name: str, help_line: str) -> argparse.ArgumentParser:
    """A sub-command's parser, with the parent's section titles and the -h line in the user's language."""
    c = sub.add_parser(name, help=help_line, description=help_line, formatter_class=_Formatter, add_help=False)
    c._positionals.title = translate("Cli", "arguments")
    c._optionals.title = translate("Cli", "options")
    c.add_argument("-h", "--help", action="help", help=translate("Cli", "show this help and exit"))
    return c
