"""Document commands: list, show, import and edit documents."""

from __future__ import annotations

import argparse
import sys

from desktop_app.cli.contract import add_command, emit_json, open_project_of
from desktop_app.core.errors import GovCoderError


def cmd_docs(args: argparse.Namespace) -> int:
    from desktop_app.core.documents.listing import list_documents

    with open_project_of(args) as project, project.session_factory() as session:
        documents = list_documents(session, coder=args.coder)
    if args.json:
        emit_json([d.to_json() for d in documents])
    else:
        for d in documents:
            print(f"{d.id:>5}  {d.published or '----------'}  {d.script:<11} {d.chars:>7}  "
                  f"{d.annotations:>5}  {d.title}")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from desktop_app.core.documents.listing import get_document

    with open_project_of(args) as project, project.session_factory() as session:
        detail = get_document(session, args.doc_id)
        data = detail.to_json(original=args.original)
        if args.tokens:
            from desktop_app.core.text.importer import ensure_segmentation, segmenter_for

            boundaries = ensure_segmentation(session, args.doc_id, segmenter_for(session),
                                             store=not project.read_only)
            session.commit()
            data["tokens"] = [[s, e] for s, e in zip([0, *boundaries[:-1]], boundaries, strict=True)]
        annotations = None
        if args.annotations or args.coder:
            from desktop_app.core.annotate.revisions import list_annotations

            # With --coder, what that coder may see: blind coding hides the others until they are done.
            annotations = list_annotations(session, args.doc_id, viewer=args.coder)
            data["annotations"] = [a.to_json() for a in annotations]
    if args.json:
        emit_json(data)
    else:
        print(detail.title)
        print(" · ".join(x for x in (detail.source, detail.published, " ".join(detail.authors)) if x))
        print()
        print(detail.text)
        if annotations is not None:
            print()
            for a in annotations:
                print(f"[{a.start}, {a.end})  {a.code}  {a.coder}  {a.quote}")
    return 0


def cmd_edit(args: argparse.Namespace) -> int:
    from desktop_app.core.documents.attributes import edit_document, remove_attribute, set_attribute
    from desktop_app.core.documents.listing import get_document

    fields = {name: getattr(args, name) for name in ("title", "source", "published", "authors", "url")
              if getattr(args, name) is not None}
    if "published" in fields and fields["published"].lower() in {"", "none"}:
        fields["published"] = None
    if not fields and not args.attr and not args.remove_attr:
        raise GovCoderError("nothing to change: give --title, --source, --published, --authors, --url, "
                            "--attr or --remove-attr")
    with open_project_of(args) as project, project.session_factory.begin() as session:
        if fields:
            edit_document(session, args.doc_id, **fields)
        for assignment in args.attr:
            name, separator, value = assignment.partition("=")
            if not separator:
                raise GovCoderError(f"--attr {assignment!r}: write KEY=VALUE or KEY:TYPE=VALUE")
            key, _, kind = name.partition(":")
            set_attribute(session, args.doc_id, key, value, kind or "text")
        for key in args.remove_attr:
            remove_attribute(session, args.doc_id, key)
        detail = get_document(session, args.doc_id)
    if args.json:
        data = detail.to_json()
        data.pop("text")
        emit_json(data)
    else:
        print(f"document {detail.id} updated: {detail.title}")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from pathlib import Path

    from desktop_app.core.text.importer import import_paths

    def progress(done: int, total: int, name: str) -> None:
        if not args.json and sys.stderr.isatty():
            print(f"\r[{done}/{total}] {name[:60]:<60}", end="", file=sys.stderr, flush=True)

    with open_project_of(args) as project:
        results = import_paths(
            project.session_factory, [Path(p) for p in args.paths], encoding=args.encoding,
            options=_cleaning_options(args), force=args.force, progress=progress,
        )
    if not args.json and sys.stderr.isatty():
        print(file=sys.stderr)
    failed = [r for r in results if r.status == "failed"]
    if args.json:
        emit_json([r.to_json() for r in results])
    else:
        for r in results:
            detail = f"document {r.id}" if r.status == "imported" else r.reason
            print(f"{r.status:<9} {r.file}: {detail}")
    for r in failed:
        print(f"govcoder: error: {r.reason}", file=sys.stderr)
    return 1 if failed else 0


def _cleaning_options(args: argparse.Namespace):
    from desktop_app.core.text.pipeline import CleaningOptions

    if args.no_clean:
        return CleaningOptions.none()
    return CleaningOptions(pinyin=not args.no_pinyin, furniture=not args.no_furniture,
                           whitespace=not args.no_whitespace, mojibake=not args.no_mojibake)


def register(commands) -> None:
    docs = add_command(commands, "docs", cmd_docs, "list the project's documents")
    docs.add_argument("--coder", help="count only this coder's annotations")

    show = add_command(commands, "show", cmd_show, "show one document")
    show.add_argument("doc_id", type=int, metavar="DOC_ID")
    show.add_argument("--tokens", action="store_true", help="add the word segmentation as [start, end] pairs")
    show.add_argument("--original", action="store_true", help="add the text as decoded and the cleaning record")
    show.add_argument("--annotations", action="store_true", help="add the document's annotations")
    show.add_argument("--coder", help="add the annotations this coder may see (blind coding hides other "
                                      "coders' until this coder marks the document done)")

    imports = add_command(commands, "import", cmd_import,
                          "import articles (.txt .md .html .docx .csv .xlsx, or folders)")
    imports.add_argument("paths", nargs="+", metavar="PATH")
    imports.add_argument("--encoding", help="the files' encoding, instead of detecting it (e.g. gb18030, big5)")
    imports.add_argument("--no-clean", action="store_true",
                         help="keep the text exactly as decoded: no pinyin, furniture or whitespace cleaning")
    for step, what in (("pinyin", "keep pinyin glosses (報(bào)訊)"),
                       ("furniture", "keep web furniture (header lines, editor lines, share widgets) in the text"),
                       ("whitespace", "keep indentation and blank lines as they are"),
                       ("mojibake", "do not look for mojibake")):
        imports.add_argument(f"--no-{step}", action="store_true", help=what)
    imports.add_argument("--force", action="store_true", help="import duplicates of documents already here")

    edit = add_command(commands, "edit", cmd_edit, "change a document's metadata and attributes (never its text)")
    edit.add_argument("doc_id", type=int, metavar="DOC_ID")
    edit.add_argument("--title")
    edit.add_argument("--source", help="the outlet that published it")
    edit.add_argument("--published", metavar="YYYY-MM-DD", help="publication date, or 'none'")
    edit.add_argument("--authors", metavar="A,B", help="comma-separated names")
    edit.add_argument("--url")
    edit.add_argument("--attr", action="append", default=[], metavar="KEY[:TYPE]=VALUE",
                      help="set an attribute; TYPE is text (default), number, date or boolean")
    edit.add_argument("--remove-attr", action="append", default=[], metavar="KEY")
