"""An Excel workbook (openpyxl, streamed): sheets annotations, codebook, documents and matrix, each with
a frozen, bold header row; code cells filled with the code's colour.

Text is always stored as text: a cell that starts with "=" (or "＝") is written as a string, never as
a formula, so the workbook is safe against formula injection without changing what it shows.
"""

from __future__ import annotations

from collections.abc import Iterable
from copy import copy
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font, PatternFill

from desktop_app.core.interchange.model import Progress, ProjectData
from desktop_app.core.interchange.tables import (
    ANNOTATION_COLUMNS,
    annotation_rows,
    build_matrix,
    matrix_header,
    matrix_rows,
)
from desktop_app.core.interchange.xmltools import normalise_colour
from desktop_app.core.output_files import atomic_path

_MAX_CELL = 32767  # Excel's limit on characters in a cell
_BOLD = Font(bold=True)


class _Sheet:
    def __init__(self, workbook: Workbook, title: str, header: list[str]) -> None:
        self.sheet = workbook.create_sheet(title)
        self.sheet.freeze_panes = "A2"
        self._styles: dict[tuple[int, int], object] = {}
        self.append(header, styles={index: (None, _BOLD) for index in range(len(header))})

    def _style_of(self, fill: PatternFill | None, font: Font | None):
        """The cell style for a fill and font, registered with the workbook once (not per cell)."""
        key = (id(fill), id(font))
        if key not in self._styles:
            prototype = WriteOnlyCell(self.sheet)
            if fill is not None:
                prototype.fill = fill
            if font is not None:
                prototype.font = font
            self._styles[key] = (prototype._style, fill, font)
        return self._styles[key][0]

    def cell(self, value, style=None):
        if isinstance(value, str):
            if ILLEGAL_CHARACTERS_RE.search(value):
                value = ILLEGAL_CHARACTERS_RE.sub("", value)
            if len(value) > _MAX_CELL:
                value = value[:_MAX_CELL - 1] + "…"
            if value.startswith(("=", "\uff1d")) or style is not None:
                cell = WriteOnlyCell(self.sheet, value=value)
                cell.data_type = "s"  # text, never a formula
                if style is not None:
                    cell._style = copy(style)
                return cell
        elif style is not None:
            cell = WriteOnlyCell(self.sheet, value=value)
            cell._style = copy(style)
            return cell
        return value

    def append(self, values: list, *, styles: dict[int, tuple[PatternFill | None, Font | None]] | None = None) -> None:
        if not styles:
            self.sheet.append([self.cell(value) for value in values])
            return
        self.sheet.append([self.cell(value, self._style_of(*styles[index]) if index in styles else None)
                           for index, value in enumerate(values)])


def _styles(colour: str) -> tuple[PatternFill, Font]:
    rgb = normalise_colour(colour)[1:]
    red, green, blue = (int(rgb[i:i + 2], 16) for i in (0, 2, 4))
    dark = 0.299 * red + 0.587 * green + 0.114 * blue < 140
    return (PatternFill(fill_type="solid", start_color="FF" + rgb, end_color="FF" + rgb),
            Font(color="FFFFFFFF" if dark else "FF000000"))


def write_xlsx(data: ProjectData, path: str | Path, progress: Progress | None = None, *,
               protect: Iterable[Path] = ()) -> None:
    workbook = Workbook(write_only=True)
    styles = {code.guid: _styles(code.colour) for code in data.codes}
    paths = data.code_paths()
    by_path = {paths[guid]: style for guid, style in styles.items()}

    annotations = _Sheet(workbook, "annotations", ANNOTATION_COLUMNS)
    path_column = ANNOTATION_COLUMNS.index("code_path")
    name_column = ANNOTATION_COLUMNS.index("code_name")
    total = len(data.annotations)
    for number, row in enumerate(annotation_rows(data), start=1):
        if progress is not None and number % 2000 == 0:
            progress(number, total, "annotations")
        style = by_path.get(row[path_column])
        annotations.append(row, styles={path_column: style, name_column: style} if style else None)

    counts: dict[str, int] = {}
    for annotation in data.annotations:
        counts[annotation.code] = counts.get(annotation.code, 0) + 1
    codebook = _Sheet(workbook, "codebook", ["code_id", "code_path", "code_name", "parent_path", "english",
                                             "description", "colour", "codable", "shortcut", "keywords",
                                             "annotations"])
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
    documents = _Sheet(workbook, "documents", ["document_id", "guid", "title", "source", "published", "authors",
                                               "url", "script", "characters", "annotations", *keys])
    for document in data.documents:
        values = {attribute.key: attribute.value for attribute in document.attributes}
        documents.append([
            document.id if document.id is not None else document.guid, document.guid, document.title,
            document.outlet or "", document.published.isoformat() if document.published else "",
            "; ".join(document.authors), document.url or "", document.script, len(document.text),
            per_document.get(document.guid, 0), *(values.get(key) or "" for key in keys),
        ])

    matrix = build_matrix(data)
    sheet = _Sheet(workbook, "matrix", matrix_header(matrix))
    for row in matrix_rows(matrix):
        style = by_path.get(row[1])
        sheet.append(row, styles={1: style, 2: style} if style else None)

    with atomic_path(path, protect) as partial:
        workbook.save(partial)
