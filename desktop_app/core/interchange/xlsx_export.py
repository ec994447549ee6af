"""An Excel workbook, streamed (xlsx_writer): sheets annotations, codebook, documents and matrix, each
with a frozen, bold header row; code cells filled with the code's colour.

Text is always stored as text (shared strings): a cell that starts with "=" is a string, never a
formula, so the workbook is safe against formula injection without changing what it shows.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from desktop_app.core.interchange.model import Progress, ProjectData
from desktop_app.core.interchange.tables import (
    ANNOTATION_COLUMNS,
    annotation_rows,
    build_matrix,
    matrix_header,
    matrix_rows,
)
from desktop_app.core.interchange.xlsx_writer import Workbook
from desktop_app.core.interchange.xmltools import normalise_colour
from desktop_app.core.output_files import atomic_path


def _code_style(workbook: Workbook, colour: str) -> int:
    """The code's colour as the cell's fill, with black or white text, whichever reads on it."""
    rgb = normalise_colour(colour)[1:]
    red, green, blue = (int(rgb[i:i + 2], 16) for i in (0, 2, 4))
    dark = 0.299 * red + 0.587 * green + 0.114 * blue < 140
    return workbook.style(fill=rgb, font_colour="FFFFFF" if dark else "000000")


def _sheet(workbook: Workbook, title: str, header: list[str], bold: int):
    sheet = workbook.add_sheet(title)
    sheet.append(header, styles=dict.fromkeys(range(len(header)), bold))
    return sheet


def write_xlsx(data: ProjectData, path: str | Path, progress: Progress | None = None, *,
               protect: Iterable[Path] = ()) -> None:
    with atomic_path(path, protect) as partial:
        workbook = Workbook(partial)
        _write_sheets(workbook, data, progress)
        workbook.close()


def _write_sheets(workbook: Workbook, data: ProjectData, progress: Progress | None) -> None:
    bold = workbook.style(bold=True)
    styles = {code.guid: _code_style(workbook, code.colour) for code in data.codes}
    paths = data.code_paths()
    by_path = {paths[guid]: style for guid, style in styles.items()}

    annotations = _sheet(workbook, "annotations", ANNOTATION_COLUMNS, bold)
    path_column = ANNOTATION_COLUMNS.index("code_path")
    name_column = ANNOTATION_COLUMNS.index("code_name")
    total = len(data.annotations)
    for number, row in enumerate(annotation_rows(data), start=1):
        if progress is not None and number % 2000 == 0:
            progress(number, total, "annotations")
        style = by_path.get(row[path_column])
        annotations.append(row, styles={path_column: style, name_column: style} if style is not None else None)

    counts: dict[str, int] = {}
    for annotation in data.annotations:
        counts[annotation.code] = counts.get(annotation.code, 0) + 1
    codebook = _sheet(workbook, "codebook", ["code_id", "code_path", "code_name", "parent_path", "english",
                                             "description", "colour", "codable", "shortcut", "keywords",
                                             "annotations"], bold)
    for code in data.codes:
        style = styles[code.guid]
        codebook.append([
            code.id if code.id is not None else code.guid, paths[code.guid], code.name,
            paths.get(code.parent, "") if code.parent else "", code.english or "", code.description,
            normalise_colour(code.colour), code.codable, code.shortcut or "", "; ".join(code.keywords),
            counts.get(code.guid, 0),
        ], styles={1: style, 2: style, 6: style})

    keys = sorted({attribute.key for document in data.documents for attribute in document.attributes})
    per_document: dict[str, int] = {}
    for annotation in data.annotations:
        per_document[annotation.document] = per_document.get(annotation.document, 0) + 1
    documents = _sheet(workbook, "documents", ["document_id", "guid", "title", "source", "published", "authors",
                                               "url", "script", "characters", "annotations", *keys], bold)
    for document in data.documents:
        values = {attribute.key: attribute.value for attribute in document.attributes}
        documents.append([
            document.id if document.id is not None else document.guid, document.guid, document.title,
            document.outlet or "", document.published.isoformat() if document.published else "",
            "; ".join(document.authors), document.url or "", document.script, len(document.text),
            per_document.get(document.guid, 0), *(values.get(key) or "" for key in keys),
        ])

    matrix = build_matrix(data)
    sheet = _sheet(workbook, "matrix", matrix_header(matrix), bold)
    for row in matrix_rows(matrix):
        style = by_path.get(row[1])
        sheet.append(row, styles={1: style, 2: style} if style is not None else None)
