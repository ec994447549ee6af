"""Maintenance commands: check that a project is whole and that its coding still fits its text."""

from __future__ import annotations

import argparse
import sys

from desktop_app.cli.contract import add_command, emit_json, location_of


def cmd_check(args: argparse.Namespace) -> int:
    from desktop_app.core.projects.check import check_location
    from desktop_app.core.store.project import default_project_path

    report = check_location(location_of(args) or default_project_path())
    if args.json:
        emit_json(report.to_json())
    else:
        print(f"checked {report.project}: {', '.join(report.checks)} ({report.annotations} annotations)")
        for problem in report.problems:
            print(f"  {problem.kind}: {problem.describe()}")
        if report.ok:
            print("no problems found")
    if not report.ok:
        print(f"govcoder: error: {report.project} has {len(report.problems)} problem(s)"
              f"{'' if args.json else ' (listed above)'}; restore it from a backup, or export what is "
              "sound and import it into a new project", file=sys.stderr)
        return 1
    return 0


def register(commands) -> None:
    add_command(commands, "check", cmd_check,
                "check the project in full: SQLite's integrity and foreign keys, and every annotation's "
                "quote against its document's text")
