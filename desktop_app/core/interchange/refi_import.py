"""REFI-QDA project import: a `.qdpx` package or a bare `.qde` with its sources folder, into a project,
in one transaction. Everything is read, checked and placed before the first row is written."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from desktop_app.core.interchange.load import load_in_transaction
from desktop_app.core.interchange.model import Progress, ProjectData
from desktop_app.core.interchange.package import DEFAULT_LIMITS, Limits, open_package, parse_xml
from desktop_app.core.interchange.placement import build_project_data
from desktop_app.core.interchange.qde_read import parse_project
from desktop_app.core.interchange.reports import ImportReport


def read_refi_project(path: str | Path, report: ImportReport, limits: Limits = DEFAULT_LIMITS) -> ProjectData:
    """Read and place everything in a REFI-QDA file; writes nothing."""
    with open_package(path, limits) as package:
        root = parse_xml(package.qde, f"{package.label}: {package.qde_name}")
        parsed = parse_project(root, package)
    report.origin = parsed.origin
    return build_project_data(parsed, report)


def import_refi(session_factory: sessionmaker[Session], path: str | Path, *, progress: Progress | None = None,
                limits: Limits = DEFAULT_LIMITS, on_conflict: str = "ours", dry_run: bool = False) -> ImportReport:
    source = Path(path)
    report = ImportReport(file=str(source), format="qdpx" if source.suffix.lower() == ".qdpx" else "qde",
                          on_conflict=on_conflict, dry_run=dry_run)
    data = read_refi_project(source, report, limits)
    load_in_transaction(session_factory, data, report, progress, on_conflict=on_conflict, dry_run=dry_run)
    return report
