"""Coder commands: list the project's coders, add one, rename one."""

from __future__ import annotations

import argparse

from desktop_app.cli.contract import add_command, emit_json, open_project_of


def _print(coders) -> None:
    for coder in coders:
        print(f"{coder.name}\t{coder.annotations} annotations\t{coder.documents_done} documents done")


def cmd_coders_list(args: argparse.Namespace) -> int:
    from desktop_app.core.annotate.coders import list_coders

    with open_project_of(args) as project, project.session_factory() as session:
        coders = list_coders(session)
    if args.json:
        emit_json([coder.to_json() for coder in coders])
    else:
        _print(coders)
    return 0


def cmd_coders_add(args: argparse.Namespace) -> int:
    from desktop_app.core.annotate.coders import add_coder

    with open_project_of(args) as project, project.session_factory.begin() as session:
        coder = add_coder(session, args.name)
    if args.json:
        emit_json(coder.to_json())
    else:
        print(f"added coder {coder.name}")
    return 0


def cmd_coders_rename(args: argparse.Namespace) -> int:
    from desktop_app.core.annotate.coders import rename_coder

    with open_project_of(args) as project, project.session_factory.begin() as session:
        coder = rename_coder(session, args.old, args.new)
    if args.json:
        emit_json(coder.to_json())
    else:
        print(f"renamed coder {args.old} to {coder.name}")
    return 0


def register(commands) -> None:
    coders = commands.add_parser("coders", help="list, add and rename coders", description="Coders.")
    group = coders.add_subparsers(title="coder commands", metavar="ACTION", required=True)
    add_command(group, "list", cmd_coders_list, "list coders with their annotation counts")
    add = add_command(group, "add", cmd_coders_add, "add a coder")
    add.add_argument("name", metavar="NAME")
    rename = add_command(group, "rename", cmd_coders_rename,
                         "rename a coder (their annotations, memos and statuses follow)")
    rename.add_argument("old", metavar="OLD")
    rename.add_argument("new", metavar="NEW")
