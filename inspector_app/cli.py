"""`inspector-app`: the command line. With no subcommand it opens the desktop app.

Each subcommand lives in its own module under `inspector_app/commands/` with `register(sub)`,
so features arrive without touching this file. Errors the user can act on are printed in the
chosen language (Chinese by default) and give a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import sqlite3
import sys

from inspector_app import __version__, commands
from inspector_app.cli_options import DefaultOf, add_everywhere
from inspector_app.core.errors import InspectionError


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="inspector-app",
        description="室温检测（供热）— indoor heating temperature inspection",
    )
    parser.add_argument("--version", action="version", version=version_text())
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{commands.__name__}.{info.name}")
        module.register(sub)
    add_everywhere(parser, sub, _global_options,
                   {"data_dir": None, "lang": os.environ.get("INSPECTOR_LANG", "zh")})
    return parser


def version_text() -> str:
    """The program's release, the sealed-record format it writes and the data folder's schema
    version: the three numbers support needs to tell whether a laptop can open a given folder."""
    from inspector_app.seal.record import FORMAT
    from inspector_app.store.database import latest_version

    return (f"inspector-app {__version__} (record format {FORMAT}, data schema "
            f"{latest_version()})")


def _global_options(p: argparse.ArgumentParser, default_of: DefaultOf) -> None:
    """`--data-dir` and `--lang`, before or after the subcommand."""
    p.add_argument("--data-dir", default=default_of("data_dir"),
                   help="data folder (default: INSPECTOR_DATA_DIR or the platform's user data "
                        "folder)")
    p.add_argument("--lang", choices=["zh", "en"], default=default_of("lang"),
                   help="language of messages and documents (default zh)")


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:  # plain `inspector-app` opens the app, as `inspector-app gui` would
        args = parser.parse_args([*(argv if argv is not None else sys.argv[1:]), "gui"])
    try:
        return int(args.run(args) or 0)
    except InspectionError as exc:
        print(exc.message(args.lang), file=sys.stderr)
        return 2
    except (OSError, sqlite3.Error) as exc:  # a disk, a permission, a damaged file: in words
        from inspector_app.store.health import describe_error

        zh, en = describe_error(exc)
        print(zh if args.lang == "zh" else en, file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
