"""Codebook commands: list, export and import the codebook."""

from __future__ import annotations

import argparse

from desktop_app.cli.contract import add_command, emit_json, open_project_of


def cmd_codebook_list(args: argparse.Namespace) -> int:
    from desktop_app.core.codebook.tree import list_codes

    with open_project_of(args) as project, project.session_factory() as session:
        codes = list_codes(session)
    if args.json:
        emit_json([c.to_json() for c in codes])
    else:
        for c in codes:
            depth = c.path.count("/")
            marker = "" if c.codable else "  (category)"
            print(f"{c.id:>5}  {'  ' * depth}{c.name}{marker}  [{c.annotations}]")
    return 0


def cmd_codebook_export(args: argparse.Namespace) -> int:
    from desktop_app.core.codebook.exchange import export_codebook

    with open_project_of(args) as project, project.session_factory() as session:
        report = export_codebook(session, args.file)
    if args.json:
        emit_json(report.to_json())
    else:
        print(f"wrote {report.codes} codes to {report.file} ({report.format})")
    return 0


def cmd_codebook_import(args: argparse.Namespace) -> int:
    from desktop_app.core.codebook.exchange import import_codebook

    with open_project_of(args) as project, project.session_factory.begin() as session:
        report = import_codebook(session, args.file, replace=args.replace)
    if args.json:
        emit_json(report.to_json())
    else:
        print(f"{report.file}: {len(report.added)} added, {len(report.updated)} updated, "
              f"{report.unchanged} unchanged, {len(report.removed)} removed")
        for note in report.notes:
            print(f"  note: {note}")
    return 0


def register(commands) -> None:
    codebook = commands.add_parser("codebook", help="list, export and import the codebook")
    group = codebook.add_subparsers(title="codebook commands", metavar="COMMAND", required=True)
    add_command(group, "list", cmd_codebook_list, "list every code with its path")
    export = add_command(group, "export", cmd_codebook_export, "write the codebook to FILE (.qdc, .json or .csv)")
    export.add_argument("file", metavar="FILE")
    imported = add_command(group, "import", cmd_codebook_import,
                           "merge a codebook file (.qdc, .json, .csv, or a .qdpx/.qde project's) into the project")
    imported.add_argument("file", metavar="FILE")
    imported.add_argument("--replace", action="store_true",
                          help="make the project's codebook the imported one (refused if it would drop codes in use)")
