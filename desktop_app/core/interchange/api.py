"""The two entry points the CLI and the GUI call: one per direction."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from desktop_app.core.bulk import gc_paused
from desktop_app.core.errors import GovCoderError
from desktop_app.core.interchange.collect import collect_project, resolve_selection
from desktop_app.core.interchange.model import Progress
from desktop_app.core.interchange.package import DEFAULT_LIMITS, Limits
from desktop_app.core.interchange.reports import ExportReport, ImportReport
from desktop_app.core.output_files import atomic_path, check_target, database_files

EXPORT_FORMATS = ("qdpx", "qdc", "csv", "matrix", "json", "xlsx")
# The file name suffix a save dialog should suggest for each format.
EXPORT_SUFFIXES = {"qdpx": ".qdpx", "qdc": ".qdc", "csv": ".csv", "matrix": ".csv", "json": ".json",
                   "xlsx": ".xlsx"}
EXPORT_TARGETS = ("generic", "nvivo", "maxqda")
IMPORT_SUFFIXES = (".qdpx", ".qde", ".json")


def export_project(
    session: Session,
    path: str | Path,
    fmt: str,
    *,
    target: str = "generic",
    coders: Iterable[str] | None = None,
    codes: Iterable[str | int] | None = None,
    docs: Iterable[int | str] | None = None,
    progress: Progress | None = None,
) -> ExportReport:
    """Export the project (or the coders, codes with their sub-codes, and documents chosen) to `path`.

    fmt: qdpx (REFI-QDA project; target generic|nvivo|maxqda), qdc (REFI-QDA codebook), csv (one row
    per annotation), matrix (code x document CSV), json (the whole project), xlsx (workbook).
    The file appears only when complete, and never over the open project, a database, a link or
    anything but an ordinary file (see core/output_files).
    """
    fmt = fmt.lower().lstrip(".")
    if fmt not in EXPORT_FORMATS:
        raise GovCoderError(f"unknown export format {fmt!r} (choose {', '.join(EXPORT_FORMATS)})")
    if target not in EXPORT_TARGETS:
        raise GovCoderError(f"unknown export target {target!r} (choose generic, nvivo, maxqda)")
    out, protect = Path(path), database_files(session)
    check_target(out, protect)  # before the work of collecting the project, not only after it
    with gc_paused():
        return _export(session, out, fmt, target, resolve_selection(session, coders, codes, docs),
                       progress, protect)


def _export(session: Session, out: Path, fmt: str, target: str, selection, progress,
            protect: tuple[Path, ...]) -> ExportReport:
    report = ExportReport(path=str(out), format=fmt, target=target if fmt == "qdpx" else None)
    if fmt == "qdc":
        return _export_codebook(session, out, selection, report, protect)
    data = collect_project(session, selection, with_text=True)
    report.documents, report.codes, report.coders = len(data.documents), len(data.codes), len(data.coders)
    report.annotations, report.memos = len(data.annotations), len(data.memos)
    if fmt == "qdpx":
        from desktop_app.core.interchange.qdpx_export import write_qdpx

        report.bytes = write_qdpx(data, out, target=target, progress=progress, protect=protect)
    elif fmt == "csv":
        from desktop_app.core.interchange.tables import write_annotations_csv

        report.rows = write_annotations_csv(data, out, progress, protect=protect)
    elif fmt == "matrix":
        from desktop_app.core.interchange.tables import write_matrix_csv

        report.rows = write_matrix_csv(data, out, protect=protect)
    elif fmt == "json":
        from desktop_app.core.interchange.json_format import write_json

        write_json(data, out, protect=protect)
    elif fmt == "xlsx":
        from desktop_app.core.interchange.xlsx_export import write_xlsx

        write_xlsx(data, out, progress, protect=protect)
    if not report.bytes and out.exists():
        report.bytes = out.stat().st_size
    return report


def _export_codebook(session: Session, out: Path, selection, report: ExportReport,
                     protect: tuple[Path, ...]) -> ExportReport:
    """The codebook helper's REFI-QDA codebook writer, over the selected codes and their ancestors."""
    from desktop_app.core.codebook.entries import entries_from_project, walk
    from desktop_app.core.codebook.qdc_write import codebook_qdc_bytes
    entries = entries_from_project(session)
    if selection.codes is not None:
        from desktop_app.core.store.models import Code

        keep = {session.get(Code, code_id).guid for code_id in selection.codes}
        entries = _pruned(entries, keep)
    data = codebook_qdc_bytes(entries)
    with atomic_path(out, protect) as partial:
        partial.write_bytes(data)

    report.codes = sum(1 for _ in walk(entries))
    report.bytes = len(data)
    return report


def _pruned(entries, keep: set[str]):
    """The entries that are kept or have kept sub-codes; sub-codes are pruned before their parents
    (walk's order reversed), without recursion."""
    from desktop_app.core.codebook.entries import walk

    for _path, entry, _parent in reversed(list(walk(entries))):
        entry.children = [child for child in entry.children if child.guid in keep or child.children]
    return [entry for entry in entries if entry.guid in keep or entry.children]


def import_project(session_factory: sessionmaker[Session], path: str | Path, progress: Progress | None = None,
                   *, limits: Limits = DEFAULT_LIMITS, on_conflict: str = "ours",
                   dry_run: bool = False) -> ImportReport:
    """Import a REFI-QDA project (.qdpx, or .qde with its sources folder beside it) or a GovCoder JSON
    project into the project, in one transaction: on any refusal nothing is written.

    What the project already holds (documents by text or GUID, annotations by GUID or span, code and
    coder, memos by GUID or text, codes by GUID or path) is not added again; where the two differ,
    `on_conflict` settles it: ours (keep the project's), theirs (take the file's) or both (see
    interchange/reimport.py). With `dry_run` the report says what would happen and nothing is written."""
    from desktop_app.core.interchange.reimport import check_policy

    check_policy(on_conflict)
    source = Path(path)
    suffix = source.suffix.lower()
    if not source.is_file():
        raise GovCoderError(f"no file at {source}")
    with gc_paused():
        return _import(session_factory, source, suffix, progress, limits, on_conflict=on_conflict, dry_run=dry_run)


def _import(session_factory, source: Path, suffix: str, progress, limits: Limits, **how) -> ImportReport:
    if suffix == ".json":
        from desktop_app.core.interchange.json_format import import_json

        return import_json(session_factory, source, progress=progress, **how)
    if suffix in (".qdpx", ".qde", ".zip", ".xml"):
        from desktop_app.core.interchange.refi_import import import_refi

        return import_refi(session_factory, source, progress=progress, limits=limits, **how)
    raise GovCoderError(f"cannot import {source.name}: choose a .qdpx, .qde or GovCoder .json file")
