"""Global command-line options accepted before or after the subcommand.

`inspector-app demo --lang en` and `inspector-office serve --db PATH` are how people type them,
so each program declares its global options once and repeats them on every subcommand with
`default=SUPPRESS`: given after the subcommand they override the value given before it (or the
default); not given there, they leave it alone.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

DefaultOf = Callable[[str], object]
AddOptions = Callable[[argparse.ArgumentParser, DefaultOf], None]


def add_everywhere(parser: argparse.ArgumentParser, sub: argparse._SubParsersAction,
                   add_options: AddOptions, defaults: dict[str, object]) -> None:
    """Add the global options to `parser` with `defaults`, and to each subcommand suppressed.

    `add_options(p, default_of)` adds the options to `p`; `default_of(name)` is the default to
    use for the option whose destination is `name`."""
    add_options(parser, lambda name: defaults[name])
    _suppressed_everywhere(sub, add_options)


def _suppressed_everywhere(sub: argparse._SubParsersAction, add_options: AddOptions) -> None:
    for subparser in dict.fromkeys(sub.choices.values()):   # aliases share one parser
        add_options(subparser, lambda _name: argparse.SUPPRESS)
        for action in subparser._actions:                   # `profile confirm ...`: one deeper
            if isinstance(action, argparse._SubParsersAction):
                _suppressed_everywhere(action, add_options)
