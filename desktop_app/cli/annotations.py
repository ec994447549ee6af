"""Annotation commands: code a span of a document, mark how far a coder has got with one."""

from __future__ import annotations

import argparse

from desktop_app.cli.contract import add_command, emit_json, non_negative, open_project_of


def cmd_annotate(args: argparse.Namespace) -> int:
    from desktop_app.core.annotate.coders import default_coder_name
    from desktop_app.core.annotate.operations import create_annotation

    with open_project_of(args) as project, project.session_factory.begin() as session:
        info = create_annotation(
            session, args.doc_id, args.start, args.end, args.code,
            coder=args.coder or default_coder_name(), memo=args.memo or "",
        )
    if args.json:
        data = info.to_json()
        emit_json({k: data[k] for k in ("id", "document", "code", "start", "end", "quote", "coder")})
    else:
        print(f"annotation {info.id}: {info.code} [{info.start}, {info.end}) {info.quote}")
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    from desktop_app.core.annotate.coders import default_coder_name
    from desktop_app.core.annotate.revisions import set_document_status

    coder = args.coder or default_coder_name()
    with open_project_of(args) as project, project.session_factory.begin() as session:
        previous = set_document_status(session, args.doc_id, coder, args.status)
    if args.json:
        emit_json({"document": args.doc_id, "coder": coder, "status": args.status, "previous": previous})
    else:
        print(f"document {args.doc_id}: {args.status} for {coder} (was {previous})")
    return 0


def cmd_memo(args: argparse.Namespace) -> int:
    from desktop_app.core.errors import GovCoderError

    if args.kind == "project":
        if len(args.rest) != 1:
            raise GovCoderError("usage: govcoder memo project TEXT")
        target, text = None, args.rest[0]
    else:
        if len(args.rest) != 2 or not args.rest[0].isdigit():
            raise GovCoderError(f"usage: govcoder memo {args.kind} ID TEXT (ID a number)")
        target, text = int(args.rest[0]), args.rest[1]
    with open_project_of(args) as project, project.session_factory.begin() as session:
        if args.kind == "annotation":
            from desktop_app.core.annotate.revisions import set_annotation_memo

            change = set_annotation_memo(session, target, text)
            before = change.before.memo if change.before else None
        else:
            from desktop_app.core.annotate.coders import default_coder_name
            from desktop_app.core.annotate.memos import set_memo

            before = set_memo(session, args.kind, target, text, coder=args.coder or default_coder_name()).before
    if args.json:
        emit_json({"kind": args.kind, "id": target, "memo": text, "before": before})
    else:
        print(f"memo on {args.kind}{'' if target is None else f' {target}'} written" +
              (" (it replaces the earlier memo)" if before else ""))
    return 0


def register(commands) -> None:
    annotate = add_command(commands, "annotate", cmd_annotate, "code the characters [START, END) of a document")
    annotate.add_argument("doc_id", type=int, metavar="DOC_ID")
    annotate.add_argument("start", type=non_negative, metavar="START", help="first code point (from 0)")
    annotate.add_argument("end", type=non_negative, metavar="END", help="code point after the last")
    annotate.add_argument("code", metavar="CODE_PATH", help="e.g. 五治/法治")
    annotate.add_argument("--coder", help="the coder's name (default: $GOVCODER_CODER or your login)")
    annotate.add_argument("--memo", help="a memo on the annotation")

    status = add_command(commands, "status", cmd_status,
                         "mark how far a coder has got with a document (done lifts blind coding there)")
    status.add_argument("doc_id", type=int, metavar="DOC_ID")
    status.add_argument("status", choices=("not_started", "in_progress", "done"))
    status.add_argument("--coder", help="the coder's name (default: $GOVCODER_CODER or your login)")

    memo = add_command(commands, "memo", cmd_memo,
                       "write the memo of the project, a document, a code or an annotation")
    memo.add_argument("kind", choices=("project", "document", "code", "annotation"))
    memo.add_argument("rest", nargs="+", metavar="[ID] TEXT", help="the id (not for project), then the memo")
    memo.add_argument("--coder", help="who writes it (default: $GOVCODER_CODER or your login)")
