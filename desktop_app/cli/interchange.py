"""Interchange commands: export the project in every format, import another program's project."""

from __future__ import annotations

import argparse

from desktop_app.cli.contract import add_command, comma_list, emit_json, open_project_of


def cmd_export(args: argparse.Namespace) -> int:
    from desktop_app.core.interchange import export_project

    with open_project_of(args) as project, project.session_factory() as session:
        report = export_project(
            session, args.output, args.format, target=args.target, coders=comma_list(args.coders),
            codes=comma_list(args.codes), docs=comma_list(args.docs),
        )
    if args.json:
        emit_json(report.to_json())
    else:
        print(report.summary())
    return 0


def cmd_import_project(args: argparse.Namespace) -> int:
    from desktop_app.core.interchange import import_project

    with open_project_of(args) as project:
        report = import_project(project.session_factory, args.file, on_conflict=args.on_conflict,
                                dry_run=args.dry_run)
    if args.json:
        emit_json(report.to_json())
    else:
        print("\n".join(report.summary_lines()))
    return 0


def register(commands) -> None:
    # Literal choices: the CLI must not import the interchange package just to build its parser.
    export = add_command(commands, "export", cmd_export,
                         "export the project: REFI-QDA .qdpx/.qdc, annotations CSV, code x document matrix, JSON or XLSX")
    export.add_argument("--format", required=True, choices=("qdpx", "qdc", "csv", "matrix", "json", "xlsx"))
    export.add_argument("-o", "--output", required=True, metavar="OUT")
    export.add_argument("--target", choices=("generic", "nvivo", "maxqda"), default="generic",
                        help="REFI-QDA dialect: code points (generic), UTF-16 units (nvivo), CRLF (maxqda)")
    export.add_argument("--coders", metavar="A,B", help="only these coders' annotations")
    export.add_argument("--codes", metavar="PATH,...", help="only these codes and their sub-codes")
    export.add_argument("--docs", metavar="ID,...", help="only these documents")
    project_import = add_command(commands, "import-project", cmd_import_project,
                                 "import a .qdpx, a .qde with its sources folder, or a GovCoder .json project")
    project_import.add_argument("file", metavar="FILE")
    project_import.add_argument("--on-conflict", choices=("ours", "theirs", "both"), default="ours",
                                help="where the project and the file differ (a memo, a span, a code's description, "
                                     "colour, name or parent): keep ours, take theirs, or keep both")
    project_import.add_argument("--dry-run", action="store_true", help="print the report and write nothing")
