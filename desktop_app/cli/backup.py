"""`govcoder backup DEST`: a consistent copy of the project file, safe to take while the window has it
open (SQLite's backup API, not a file copy that could miss the write-ahead log)."""

from __future__ import annotations

import argparse

from desktop_app.cli.contract import add_command, emit_json, open_project_of


def cmd_backup(args: argparse.Namespace) -> int:
    from desktop_app.core.projects.copy import save_copy

    with open_project_of(args) as project:
        report = save_copy(project, args.dest, overwrite=args.force)
        label = project.label
    if args.json:
        emit_json(report.to_json())
    else:
        print(f"saved a copy of {label} to {report.path}: {report.documents} documents, "
              f"{report.codes} codes, {report.annotations} annotations")
    return 0


def register(commands) -> None:
    backup = add_command(commands, "backup", cmd_backup,
                         "save a consistent copy of the project file to DEST (safe while it is open)")
    backup.add_argument("dest", metavar="DEST", help="the new project file")
    backup.add_argument("--force", action="store_true",
                        help="replace DEST if it exists (never the project itself)")
