"""The govcoder command: the parser, built from the command groups, and the entry point.

The order of GROUPS is the order of `govcoder --help`. A new command group is one module here with a
`register(commands)` function, added to GROUPS.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from desktop_app import __version__
from desktop_app.cli import (
    agreement,
    annotations,
    assignment,
    backup,
    codebook,
    coders,
    documents,
    interchange,
    maintenance,
    project,
)
from desktop_app.cli.contract import run

GROUPS = (project, documents, annotations, coders, assignment, codebook, interchange, agreement, backup, maintenance)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="govcoder",
        description="Qualitative coding of Chinese governance texts. Without a command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"govcoder {__version__}")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--project", metavar="PATH", help="a project file (SQLite)")
    where.add_argument("--db", metavar="URL", help="a database URL, e.g. postgresql+psycopg://user@host/db")
    parser.set_defaults(handler=project.cmd_gui)
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")
    for group in GROUPS:
        group.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return run(args.handler, args)


if __name__ == "__main__":
    sys.exit(main())
