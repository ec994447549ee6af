"""Codebook files in and out, the format chosen by the extension: .json (GovCoder), .csv (a table),
.qdc (REFI-QDA codebook); import also reads the codebook of a .qdpx or .qde REFI-QDA project."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from desktop_app.core.codebook.entries import ALL_FIELDS, CodeEntry, depth_of, entries_from_project, walk
from desktop_app.core.codebook.jsonbook import codebook_json_text, read_json_codebook
from desktop_app.core.codebook.merge import ImportReport, apply_entries
from desktop_app.core.codebook.qdc_read import read_qdc_codebook
from desktop_app.core.codebook.qdc_write import codebook_qdc_bytes
from desktop_app.core.codebook.table import CARRIES as CSV_CARRIES
from desktop_app.core.codebook.table import codebook_csv_text, read_csv_codebook
from desktop_app.core.codebook.tree import MAX_CODE_DEPTH
from desktop_app.core.errors import GovCoderError
from desktop_app.core.output_files import atomic_path, check_target, database_files

EXPORT_FORMATS = (".json", ".csv", ".qdc")
IMPORT_FORMATS = (".json", ".csv", ".qdc", ".qdpx", ".qde")
QDC_CARRIES = frozenset({"english", "description", "colour", "codable", "keywords", "guidance"})


@dataclass(frozen=True)
class ExportReport:
    file: str
    format: str
    codes: int

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def export_codebook(session: Session, path: str | Path, name: str | None = None) -> ExportReport:
    """Write the project's codebook to `path`; the extension chooses the format. The file is replaced
    only once it has been written completely, and never if it is the project or another database."""
    path = Path(path)
    suffix = _suffix(path, EXPORT_FORMATS, "export")
    check_target(path, database_files(session))
    entries = entries_from_project(session)
    if suffix == ".json":
        data = codebook_json_text(entries, name or path.stem).encode("utf-8")
    elif suffix == ".csv":
        data = codebook_csv_text(entries).encode("utf-8")
    else:
        data = codebook_qdc_bytes(entries)
    with atomic_path(path, database_files(session)) as partial:
        partial.write_bytes(data)
    return ExportReport(str(path), suffix[1:], sum(1 for _ in walk(entries)))


def read_codebook_file(path: str | Path, notes: list[str]) -> tuple[list[CodeEntry], frozenset[str]]:
    """The entries of a codebook file and the fields its format carries."""
    path = Path(path)
    suffix = _suffix(path, IMPORT_FORMATS, "import")
    if not path.is_file():
        raise GovCoderError(f"no file {path}")
    if suffix == ".json":
        return read_json_codebook(path)[0], ALL_FIELDS
    if suffix == ".csv":
        return read_csv_codebook(path, notes), CSV_CARRIES
    return read_qdc_codebook(path, notes), QDC_CARRIES


def import_codebook(session: Session, path: str | Path, replace: bool = False) -> ImportReport:
    """Import a codebook file into the project: merge by path, or with `replace` make it the codebook."""
    report = ImportReport(file=str(path), format=Path(path).suffix.lower().lstrip("."))
    entries, carries = read_codebook_file(path, report.notes)
    depth = depth_of(entries)
    if depth > MAX_CODE_DEPTH:
        raise GovCoderError(f"{Path(path).name}: refused: its code tree is {depth} levels deep; GovCoder keeps "
                            f"code trees of at most {MAX_CODE_DEPTH} levels")
    return apply_entries(session, entries, replace=replace, carries=carries, report=report)


def _suffix(path: Path, allowed: tuple[str, ...], verb: str) -> str:
    suffix = path.suffix.lower()
    if suffix not in allowed:
        raise GovCoderError(f"cannot {verb} {path.name}: the file name must end in {', '.join(allowed)}")
    return suffix
