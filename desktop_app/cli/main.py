"""The headless face of GovCoder. Every command calls core services and nothing else.

Exit status: 0 success, 2 usage error, 1 any other failure (one line on stderr, the project unchanged).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any

from desktop_app import __version__
from desktop_app.core.errors import GovCoderError

DEBUG_ENV = "GOVCODER_DEBUG"


def _emit_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _open(args: argparse.Namespace):
    from desktop_app.core.sample import open_default_project
    from desktop_app.core.store.project import open_project

    location = _location(args)
    return open_project(location) if location else open_default_project()


def _location(args: argparse.Namespace) -> str | None:
    from desktop_app.core.store.project import resolve_location

    return resolve_location(args.project, args.db)


# --- commands ------------------------------------------------------------------------------------


def cmd_init(args: argparse.Namespace) -> int:
    from desktop_app.core.sample import init_project
    from desktop_app.core.store.project import default_project_path

    location = _location(args) or str(default_project_path())
    with init_project(location, sample=args.sample) as project:
        from desktop_app.core.analysis.stats import project_stats

        with project.session_factory() as session:
            stats = project_stats(session)
        if args.json:
            _emit_json({"project": project.label, **stats.to_json()})
        else:
            print(f"created {project.label}: {stats.documents} documents, {stats.codes} codes")
    return 0


def cmd_docs(args: argparse.Namespace) -> int:
    from desktop_app.core.documents import list_documents

    with _open(args) as project, project.session_factory() as session:
        documents = list_documents(session, coder=args.coder)
    if args.json:
        _emit_json([d.to_json() for d in documents])
    else:
        for d in documents:
            print(f"{d.id:>5}  {d.published or '----------'}  {d.script:<11} {d.chars:>7}  "
                  f"{d.annotations:>5}  {d.title}")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from desktop_app.core.documents import get_document

    with _open(args) as project, project.session_factory() as session:
        detail = get_document(session, args.doc_id)
        data = detail.to_json(original=args.original)
        if args.tokens:
            from desktop_app.core.text.importer import ensure_segmentation, segmenter_for

            boundaries = ensure_segmentation(session, args.doc_id, segmenter_for(session))
            session.commit()
            data["tokens"] = [[s, e] for s, e in zip([0, *boundaries[:-1]], boundaries, strict=True)]
    if args.json:
        _emit_json(data)
    else:
        print(detail.title)
        print(" · ".join(x for x in (detail.source, detail.published, " ".join(detail.authors)) if x))
        print()
        print(detail.text)
    return 0


def cmd_edit(args: argparse.Namespace) -> int:
    from desktop_app.core.document_edits import edit_document, remove_attribute, set_attribute
    from desktop_app.core.documents import get_document

    fields = {name: getattr(args, name) for name in ("title", "source", "published", "authors", "url")
              if getattr(args, name) is not None}
    if "published" in fields and fields["published"].lower() in {"", "none"}:
        fields["published"] = None
    if not fields and not args.attr and not args.remove_attr:
        raise GovCoderError("nothing to change: give --title, --source, --published, --authors, --url, "
                            "--attr or --remove-attr")
    with _open(args) as project, project.session_factory.begin() as session:
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
        _emit_json(data)
    else:
        print(f"document {detail.id} updated: {detail.title}")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from pathlib import Path

    from desktop_app.core.text.importer import import_paths

    def progress(done: int, total: int, name: str) -> None:
        if not args.json and sys.stderr.isatty():
            print(f"\r[{done}/{total}] {name[:60]:<60}", end="", file=sys.stderr, flush=True)

    with _open(args) as project:
        results = import_paths(
            project.session_factory, [Path(p) for p in args.paths], encoding=args.encoding,
            options=_cleaning_options(args), force=args.force, progress=progress,
        )
    if not args.json and sys.stderr.isatty():
        print(file=sys.stderr)
    failed = [r for r in results if r.status == "failed"]
    if args.json:
        _emit_json([r.to_json() for r in results])
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


def cmd_annotate(args: argparse.Namespace) -> int:
    from desktop_app.core.annotate.coders import default_coder_name
    from desktop_app.core.annotate.operations import create_annotation

    with _open(args) as project, project.session_factory.begin() as session:
        info = create_annotation(
            session, args.doc_id, args.start, args.end, args.code,
            coder=args.coder or default_coder_name(), memo=args.memo or "",
        )
    if args.json:
        data = info.to_json()
        _emit_json({k: data[k] for k in ("id", "document", "code", "start", "end", "quote", "coder")})
    else:
        print(f"annotation {info.id}: {info.code} [{info.start}, {info.end}) {info.quote}")
    return 0


def cmd_codebook_list(args: argparse.Namespace) -> int:
    from desktop_app.core.codebook.tree import list_codes

    with _open(args) as project, project.session_factory() as session:
        codes = list_codes(session)
    if args.json:
        _emit_json([c.to_json() for c in codes])
    else:
        for c in codes:
            depth = c.path.count("/")
            marker = "" if c.codable else "  (category)"
            print(f"{c.id:>5}  {'  ' * depth}{c.name}{marker}  [{c.annotations}]")
    return 0


def cmd_codebook_export(args: argparse.Namespace) -> int:
    from desktop_app.core.codebook.exchange import export_codebook

    with _open(args) as project, project.session_factory() as session:
        report = export_codebook(session, args.file)
    if args.json:
        _emit_json(report.to_json())
    else:
        print(f"wrote {report.codes} codes to {report.file} ({report.format})")
    return 0


def cmd_codebook_import(args: argparse.Namespace) -> int:
    from desktop_app.core.codebook.exchange import import_codebook

    with _open(args) as project, project.session_factory.begin() as session:
        report = import_codebook(session, args.file, replace=args.replace)
    if args.json:
        _emit_json(report.to_json())
    else:
        print(f"{report.file}: {len(report.added)} added, {len(report.updated)} updated, "
              f"{report.unchanged} unchanged, {len(report.removed)} removed")
        for note in report.notes:
            print(f"  note: {note}")
    return 0


def _comma_list(text: str | None) -> list[str] | None:
    return [part.strip() for part in text.split(",") if part.strip()] if text else None


def cmd_export(args: argparse.Namespace) -> int:
    from desktop_app.core.interchange import export_project

    with _open(args) as project, project.session_factory() as session:
        report = export_project(
            session, args.output, args.format, target=args.target, coders=_comma_list(args.coders),
            codes=_comma_list(args.codes), docs=_comma_list(args.docs),
        )
    if args.json:
        _emit_json(report.to_json())
    else:
        print(report.summary())
    return 0


def cmd_import_project(args: argparse.Namespace) -> int:
    from desktop_app.core.interchange import import_project

    with _open(args) as project:
        report = import_project(project.session_factory, args.file)
    if args.json:
        _emit_json(report.to_json())
    else:
        print("\n".join(report.summary_lines()))
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    from desktop_app.core.analysis.stats import project_stats

    with _open(args) as project, project.session_factory() as session:
        stats = project_stats(session)
    if args.json:
        _emit_json(stats.to_json())
    else:
        for key, value in stats.to_json().items():
            print(f"{key:<12}{value}")
    return 0


def cmd_gui(args: argparse.Namespace) -> int:
    from desktop_app.gui.app import run_gui

    return run_gui(_location(args))


# --- parser --------------------------------------------------------------------------------------


def _non_negative(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError(f"{text} is negative")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="govcoder",
        description="Qualitative coding of Chinese governance texts. Without a command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"govcoder {__version__}")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--project", metavar="PATH", help="a project file (SQLite)")
    where.add_argument("--db", metavar="URL", help="a database URL, e.g. postgresql+psycopg://user@host/db")
    parser.set_defaults(handler=cmd_gui)
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    def command(name: str, handler: Callable[[argparse.Namespace], int], help_: str,
                json_flag: bool = True, parent=commands) -> argparse.ArgumentParser:
        sub = parent.add_parser(name, help=help_, description=help_)
        sub.set_defaults(handler=handler)
        if json_flag:
            sub.add_argument("--json", action="store_true", help="print one JSON document on stdout")
        return sub

    init = command("init", cmd_init, "create a project (the default codebook; --sample adds the sample articles)")
    init.add_argument("--sample", action="store_true", help="also import the five sample articles")

    docs = command("docs", cmd_docs, "list the project's documents")
    docs.add_argument("--coder", help="count only this coder's annotations")

    show = command("show", cmd_show, "show one document")
    show.add_argument("doc_id", type=int, metavar="DOC_ID")
    show.add_argument("--tokens", action="store_true", help="add the word segmentation as [start, end] pairs")
    show.add_argument("--original", action="store_true", help="add the text as decoded and the cleaning record")

    imports = command("import", cmd_import, "import articles (.txt .md .html .docx .csv .xlsx, or folders)")
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

    edit = command("edit", cmd_edit, "change a document's metadata and attributes (never its text)")
    edit.add_argument("doc_id", type=int, metavar="DOC_ID")
    edit.add_argument("--title")
    edit.add_argument("--source", help="the outlet that published it")
    edit.add_argument("--published", metavar="YYYY-MM-DD", help="publication date, or 'none'")
    edit.add_argument("--authors", metavar="A,B", help="comma-separated names")
    edit.add_argument("--url")
    edit.add_argument("--attr", action="append", default=[], metavar="KEY[:TYPE]=VALUE",
                      help="set an attribute; TYPE is text (default), number, date or boolean")
    edit.add_argument("--remove-attr", action="append", default=[], metavar="KEY")

    annotate = command("annotate", cmd_annotate, "code the characters [START, END) of a document")
    annotate.add_argument("doc_id", type=int, metavar="DOC_ID")
    annotate.add_argument("start", type=_non_negative, metavar="START", help="first code point (from 0)")
    annotate.add_argument("end", type=_non_negative, metavar="END", help="code point after the last")
    annotate.add_argument("code", metavar="CODE_PATH", help="e.g. 五治/法治")
    annotate.add_argument("--coder", help="the coder's name (default: $GOVCODER_CODER or your login)")
    annotate.add_argument("--memo", help="a memo on the annotation")

    codebook = commands.add_parser("codebook", help="list, export and import the codebook")
    codebook_commands = codebook.add_subparsers(title="codebook commands", metavar="COMMAND", required=True)
    command("list", cmd_codebook_list, "list every code with its path", parent=codebook_commands)
    export = command("export", cmd_codebook_export, "write the codebook to FILE (.qdc, .json or .csv)",
                     parent=codebook_commands)
    export.add_argument("file", metavar="FILE")
    imported = command("import", cmd_codebook_import,
                       "merge a codebook file (.qdc, .json, .csv, or a .qdpx/.qde project's) into the project",
                       parent=codebook_commands)
    imported.add_argument("file", metavar="FILE")
    imported.add_argument("--replace", action="store_true",
                          help="make the project's codebook the imported one (refused if it would drop codes in use)")

    # Literal choices: the CLI must not import the interchange package just to build its parser.
    export = command("export", cmd_export,
                     "export the project: REFI-QDA .qdpx/.qdc, annotations CSV, code x document matrix, JSON or XLSX")
    export.add_argument("--format", required=True, choices=("qdpx", "qdc", "csv", "matrix", "json", "xlsx"))
    export.add_argument("-o", "--output", required=True, metavar="OUT")
    export.add_argument("--target", choices=("generic", "nvivo", "maxqda"), default="generic",
                        help="REFI-QDA dialect: code points (generic), UTF-16 units (nvivo), CRLF (maxqda)")
    export.add_argument("--coders", metavar="A,B", help="only these coders' annotations")
    export.add_argument("--codes", metavar="PATH,...", help="only these codes and their sub-codes")
    export.add_argument("--docs", metavar="ID,...", help="only these documents")
    project_import = command("import-project", cmd_import_project,
                             "import a .qdpx, a .qde with its sources folder, or a GovCoder .json project")
    project_import.add_argument("file", metavar="FILE")

    command("stats", cmd_stats, "count documents, codes, annotations and coders")
    command("gui", cmd_gui, "open the main window", json_flag=False)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if os.environ.get(DEBUG_ENV):
        # GovCoder's own records only: the root logger at DEBUG would make SQLAlchemy echo every query.
        log = logging.getLogger("desktop_app")
        log.setLevel(logging.DEBUG)
        log.addHandler(logging.StreamHandler(sys.stderr))
    try:
        return args.handler(args)
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
        if os.environ.get(DEBUG_ENV):
            raise
        print(f"govcoder: error: {type(error).__name__}: {error} (set {DEBUG_ENV}=1 for details)",
              file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
