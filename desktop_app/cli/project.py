"""Project commands: create one, count what it holds, open the window on it."""

from __future__ import annotations

import argparse

from desktop_app.cli.contract import add_command, emit_json, location_of, open_project_of


def cmd_init(args: argparse.Namespace) -> int:
    from desktop_app.core.projects.new_project import init_project
    from desktop_app.core.store.project import default_project_path

    location = location_of(args) or str(default_project_path())
    with init_project(location, sample=args.sample, codebook=not args.empty) as project:
        from desktop_app.core.analysis.stats import project_stats

        with project.session_factory() as session:
            stats = project_stats(session)
        if args.json:
            emit_json({"project": project.label, **stats.to_json()})
        else:
            print(f"created {project.label}: {stats.documents} documents, {stats.codes} codes")
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    from desktop_app.core.analysis.stats import project_stats

    with open_project_of(args) as project, project.session_factory() as session:
        stats = project_stats(session)
    if args.json:
        emit_json(stats.to_json())
    else:
        for key, value in stats.to_json().items():
            print(f"{key:<12}{value}")
    return 0


def cmd_gui(args: argparse.Namespace) -> int:
    from desktop_app.gui.shell.app import run_gui

    return run_gui(location_of(args))


def register(commands) -> None:
    init = add_command(commands, "init", cmd_init,
                       "create a project (the default codebook; --sample adds the sample articles)")
    init.add_argument("--sample", action="store_true", help="also import the five sample articles")
    init.add_argument("--empty", action="store_true",
                      help="no default codebook: for importing another program's project with its own codebook")
    add_command(commands, "stats", cmd_stats, "count documents, codes, annotations and coders")
    add_command(commands, "gui", cmd_gui, "open the main window", json_flag=False)
