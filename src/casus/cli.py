"""The `casus` command line: a thin layer over the library.

Each command lives in a module of `casus.commands` (or of the package it belongs to) exposing
`register(subparsers)`, which adds its sub-parser and sets `func(args) -> int` as the handler.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys

from casus import __version__
from casus.errors import CasusError

COMMAND_MODULES: list[str] = [
    "casus.commands.core",  # ingest, extract, clean, demo, explain
    "casus.commands.watch",  # watch
    "casus.commands.evaluate",  # evaluate (scores against gold files, floors)
    "casus.commands.explain",  # explain (why each event of a document was coded)
    "casus.commands.analyst",  # export, series, alerts
    "casus.commands.serve",  # serve (API and dashboard; needs the api extra)
    "casus.commands.stories",  # stories, claims (needs the stories extra)
    "casus.commands.actors",  # actors lookup / add / check
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="casus", description="Political event data from news in many languages."
    )
    parser.add_argument("--version", action="version", version=f"casus {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress and details to stderr")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except CasusError as err:
        print(f"casus: {err}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
