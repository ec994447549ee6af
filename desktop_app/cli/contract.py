"""The CLI's contract, in one place: how a command opens its project, prints (`--json`: one JSON
document on stdout), and fails (exit 0 success, 2 usage error, 1 any other failure with one line
`govcoder: error: ...` on stderr; a traceback only with GOVCODER_DEBUG=1). A database error is told
in words (core/store/db_errors.py), never as SQL with its parameters.

Command groups register their sub-commands with `add_command`; `run` calls the chosen handler under
the error rules.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import traceback
from collections.abc import Callable
from typing import Any

from desktop_app.core.errors import GovCoderError

DEBUG_ENV = "GOVCODER_DEBUG"

Handler = Callable[[argparse.Namespace], int]


def emit_json(data: Any) -> None:
    """One JSON document: indented for a person at a terminal; for a pipe or file, written by the C
    encoder in one piece (the indenting encoder is pure Python: 0.4 s for 10,000 documents)."""
    if sys.stdout.isatty():
        text = json.dumps(data, ensure_ascii=False, indent=2)
    else:
        text = json.dumps(data, ensure_ascii=False)
    sys.stdout.write(text + "\n")


def location_of(args: argparse.Namespace) -> str | None:
    from desktop_app.core.store.project import resolve_location

    return resolve_location(args.project, args.db)


def open_project_of(args: argparse.Namespace):
    """The project named by --project / --db / $GOVCODER_DB, or the user's default project."""
    from desktop_app.core.projects.new_project import open_default_project
    from desktop_app.core.store.project import open_project

    location = location_of(args)
    project = open_project(location) if location else open_default_project()
    # Said on stderr when the command has succeeded (run prints them), so that --json output stays one
    # document and a failure stays one line.
    if project.read_only:
        _notes.append(f"the project is read-only here ({project.read_only}): it can be read, "
                      "and commands that change it are refused")
    for note in project.migration.notes if project.migration else ():
        _notes.append(f"upgrading {project.label}: {note}")
    return project


_notes: list[str] = []


def _say_notes() -> None:
    for note in _notes:
        print(f"govcoder: note: {note}", file=sys.stderr)
    _notes.clear()


def add_command(parent, name: str, handler: Handler, help_: str, json_flag: bool = True) -> argparse.ArgumentParser:
    sub = parent.add_parser(name, help=help_, description=help_)
    sub.set_defaults(handler=handler)
    if json_flag:
        sub.add_argument("--json", action="store_true", help="print one JSON document on stdout")
    return sub


def comma_list(text: str | None) -> list[str] | None:
    return [part.strip() for part in text.split(",") if part.strip()] if text else None


def non_negative(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError(f"{text} is negative")
    return value


def _database_file(args: argparse.Namespace):
    """The project's SQLite file, if the command names one: it helps tell what a database error means."""
    from desktop_app.core.store.engine import sqlite_path

    try:
        location = location_of(args)
    except GovCoderError:
        return None
    return sqlite_path(location) if location else None


def run(handler: Handler, args: argparse.Namespace) -> int:
    """Run one command under the exit-code and one-line-error rules."""
    if os.environ.get(DEBUG_ENV):
        # GovCoder's own records only: the root logger at DEBUG would make SQLAlchemy echo every query.
        log = logging.getLogger("desktop_app")
        log.setLevel(logging.DEBUG)
        log.addHandler(logging.StreamHandler(sys.stderr))
    _notes.clear()
    try:
        code = handler(args)
        _say_notes()
        return code
    except GovCoderError as error:
        print(f"govcoder: error: {error}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        # The reader went away (`govcoder docs | head`): not a failure, and nothing left to say.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        print("govcoder: interrupted", file=sys.stderr)
        return 130
    except Exception as error:  # a bug, not bad input: still one line unless asked for more
        from desktop_app.core.store.db_errors import describe, is_database_error

        if is_database_error(error):  # SQLAlchemy's own text holds the SQL and its parameters
            if os.environ.get(DEBUG_ENV):
                traceback.print_exc()
            print(f"govcoder: error: {describe(error, _database_file(args))}", file=sys.stderr)
            return 1
        if os.environ.get(DEBUG_ENV):
            raise
        print(f"govcoder: error: {type(error).__name__}: {error} (set {DEBUG_ENV}=1 for details)",
              file=sys.stderr)
        return 1
