"""Tables for spreadsheets, R, Stata and pandas: one row per annotation, and the code x document matrix.

CSV files are UTF-8 with a BOM (so Excel shows Chinese on the first try) and safe against formula
injection: a text cell that starts with =, +, -, @ (or their full-width forms ＝＋－＠), a tab or a
carriage return is written with a leading apostrophe, which spreadsheets show as text and never execute.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from desktop_app.core.interchange.model import CodeData, DocumentData, Progress, ProjectData
from desktop_app.core.output_files import FORMULA_STARTS, atomic_path

ANNOTATION_COLUMNS = ["annotation_id", "document_id", "document_title", "source", "published", "code_id",
                      "code_path", "code_name", "start", "end", "quote", "context_before", "context_after",
                      "coder", "memo", "created", "updated"]
CONTEXT = 40  # code points of context on each side of a quote
_DANGEROUS = FORMULA_STARTS


def safe_cell(value):
    """A value a spreadsheet will show, never execute."""
    if isinstance(value, str) and value.startswith(_DANGEROUS):
        return "'" + value
    return value


def _iso(value) -> str:
    return value.isoformat() if value is not None else ""


def annotation_rows(data: ProjectData) -> Iterator[list]:
    """The rows of the annotation table (raw values; callers make them safe for their format)."""
    documents = {document.guid: document for document in data.documents}
    codes = {code.guid: code for code in data.codes}
    coders = {coder.guid: coder.name for coder in data.coders}
    paths = data.code_paths()
    for a in data.annotations:
        document = documents[a.document]
        code = codes[a.code]
        text = document.text
        yield [
            a.id if a.id is not None else a.guid, document.id if document.id is not None else document.guid,
            document.title, document.outlet or "", _iso(document.published),
            code.id if code.id is not None else code.guid, paths[a.code], code.name, a.start, a.end, a.quote,
            text[max(0, a.start - CONTEXT):a.start], text[a.end:a.end + CONTEXT], coders.get(a.coder, ""),
            a.memo, _iso(a.created_at), _iso(a.updated_at),
        ]


_TEXT_COLUMNS = [ANNOTATION_COLUMNS.index(name) for name in (
    "document_title", "source", "code_path", "code_name", "quote", "context_before", "context_after", "coder",
    "memo")]
_FIRST = frozenset(_DANGEROUS)


def write_annotations_csv(data: ProjectData, path: str | Path, progress: Progress | None = None, *,
                          protect: Iterable[Path] = ()) -> int:
    rows = 0
    total = len(data.annotations)
    with atomic_path(path, protect) as partial, partial.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(ANNOTATION_COLUMNS)
        for row in annotation_rows(data):
            for index in _TEXT_COLUMNS:  # the other columns are numbers, ids and ISO dates
                value = row[index]
                if value and value[0] in _FIRST:
                    row[index] = "'" + value
            writer.writerow(row)
            rows += 1
            if progress is not None and rows % 5000 == 0:
                progress(rows, total, "annotations")
    return rows


@dataclass
class Matrix:
    codes: list[CodeData]
    paths: dict[str, str]
    documents: list[DocumentData]
    counts: dict[tuple[str, str], int]  # (code guid, document guid) -> annotations
    covered: dict[tuple[str, str], int]  # -> characters covered by the union of the code's spans

    def coverage(self, code: str, document: DocumentData) -> float:
        length = len(document.text)
        return round(self.covered.get((code, document.guid), 0) / length, 4) if length else 0.0


def build_matrix(data: ProjectData) -> Matrix:
    """Counts and coverage of each code (its own annotations, not its sub-codes') in each document."""
    counts: dict[tuple[str, str], int] = {}
    spans: dict[tuple[str, str], list[tuple[int, int]]] = {}
    for a in data.annotations:
        key = (a.code, a.document)
        counts[key] = counts.get(key, 0) + 1
        spans.setdefault(key, []).append((a.start, a.end))
    covered: dict[tuple[str, str], int] = {}
    for key, items in spans.items():
        items.sort()
        total, current_start, current_end = 0, None, None
        for start, end in items:
            if current_end is None or start > current_end:
                if current_end is not None:
                    total += current_end - current_start
                current_start, current_end = start, end
            else:
                current_end = max(current_end, end)
        if current_end is not None:
            total += current_end - current_start
        covered[key] = total
    return Matrix(data.codes, data.code_paths(), data.documents, counts, covered)


def matrix_header(matrix: Matrix) -> list[str]:
    header = ["code_id", "code_path", "code_name", "annotations", "documents"]
    for document in matrix.documents:
        label = f"[{document.id if document.id is not None else document.guid}] {document.title}"
        header += [f"{label} count", f"{label} coverage"]
    return header


def matrix_rows(matrix: Matrix) -> Iterator[list]:
    for code in matrix.codes:
        cells: list = []
        total = documents = 0
        for document in matrix.documents:
            count = matrix.counts.get((code.guid, document.guid), 0)
            total += count
            documents += bool(count)
            cells += [count, matrix.coverage(code.guid, document)]
        yield [code.id if code.id is not None else code.guid, matrix.paths[code.guid], code.name, total,
               documents, *cells]


def write_matrix_csv(data: ProjectData, path: str | Path, *, protect: Iterable[Path] = ()) -> int:
    matrix = build_matrix(data)
    rows = 0
    with atomic_path(path, protect) as partial, partial.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([safe_cell(value) for value in matrix_header(matrix)])
        for row in matrix_rows(matrix):
            writer.writerow([safe_cell(value) for value in row])
            rows += 1
    return rows
