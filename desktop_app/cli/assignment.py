"""Blind double-coding commands: assign documents to coders with an overlap sample, list the
assignments, and turn blind coding on or off."""

from __future__ import annotations

import argparse

from desktop_app.cli.contract import add_command, comma_list, emit_json, open_project_of


def _doc_ids(text: str) -> list[int]:
    try:
        return [int(part) for part in comma_list(text) or []]
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a list of document ids such as 1,2,3") from None


def _share(text: str) -> float:
    try:
        value = float(text.rstrip("%")) / (100 if text.endswith("%") else 1)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a share such as 0.2 or 20%") from None
    if not 0 <= value <= 1:
        raise argparse.ArgumentTypeError(f"{text} is not a share between 0 and 1 (such as 0.2 or 20%)")
    return value


def cmd_assign(args: argparse.Namespace) -> int:
    from desktop_app.core.annotate.assignment import assign_documents

    with open_project_of(args) as project, project.session_factory.begin() as session:
        plan = assign_documents(session, comma_list(args.coders) or [], overlap=args.overlap,
                                overlap_documents=args.docs, seed=args.seed, overlap_coders=args.overlap_coders)
    if args.json:
        emit_json(plan.to_json())
    else:
        for coder, documents in plan.documents.items():
            print(f"{coder}\t{len(documents)} documents")
        print(f"{len(plan.overlap_documents)} overlap documents, each to {plan.overlap_coders} coders "
              f"(seed {plan.seed}: the same seed and inputs draw the same assignment)")
    return 0


def cmd_assignments(args: argparse.Namespace) -> int:
    from desktop_app.core.annotate.assignment import list_assignments, stored_assignment

    with open_project_of(args) as project, project.session_factory() as session:
        rows = list_assignments(session, args.coder)
        stored = stored_assignment(session)
    if args.json:
        emit_json({"assignment": stored, "documents": [row.to_json() for row in rows]})
    else:
        for row in rows:
            print(f"{row.document}\t{row.title}\t{', '.join(row.coders)}")
        if stored is None:
            print("no documents are assigned yet: see govcoder assign --help")
        else:
            print(f"{len(rows)} documents (seed {stored['seed']})")
    return 0


def cmd_blind(args: argparse.Namespace) -> int:
    from desktop_app.core.annotate.blind import set_blind_mode

    on = args.state == "on"
    with open_project_of(args) as project, project.session_factory.begin() as session:
        previous = set_blind_mode(session, on)
    if args.json:
        emit_json({"blind": on, "previous": previous})
    else:
        print("blind coding is on: each coder sees only their own annotations in a document until they "
              "mark it done" if on else "blind coding is off: every coder sees everyone's annotations")
    return 0


def register(commands) -> None:
    assign = add_command(commands, "assign", cmd_assign,
                         "assign every document to coders, with an overlap sample coded by several")
    assign.add_argument("--coders", required=True, metavar="A,B[,C...]", help="the coders to assign to")
    overlap = assign.add_mutually_exclusive_group()
    overlap.add_argument("--overlap", type=_share, metavar="SHARE",
                         help="the share of documents coded by several coders, drawn with the seed (0.2 or 20%%)")
    overlap.add_argument("--docs", type=_doc_ids, metavar="ID,...", help="these documents as the overlap")
    assign.add_argument("--overlap-coders", type=int, metavar="K",
                        help="how many coders code each overlap document (default: all of them)")
    assign.add_argument("--seed", type=int, help="the draw's seed (default: a new one, printed and stored)")

    assignments = add_command(commands, "assignments", cmd_assignments,
                              "list which coders are assigned which documents")
    assignments.add_argument("--coder", help="only this coder's documents")

    blind = add_command(commands, "blind", cmd_blind,
                        "turn blind double-coding on or off (hide other coders' annotations until done)")
    blind.add_argument("state", choices=("on", "off"))
