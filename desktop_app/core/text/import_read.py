"""Reading one file for an import: its articles prepared, in parts a table of any size can flow through.

A file is read into one part, stored as one unit: a failure leaves nothing of it behind. A table of
more than PART_ROWS rows is read into parts of PART_ROWS rows, each stored as a unit, so that memory
stays flat however long the table is; if storing stops part-way, the rows already stored stay, and
importing the table again imports the rest (the stored rows are skipped as duplicates).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from pathlib import Path

from desktop_app.core.errors import GovCoderError
from desktop_app.core.text.import_store import FileResult, ReadFile
from desktop_app.core.text.pipeline import CleaningOptions, PreparedArticle, prepare_source
from desktop_app.core.text.readers import read_sources

logger = logging.getLogger(__name__)
Progress = Callable[[int, int, str], None]
PART_ROWS = 1000
# A table's rows between two progress reports: often enough to look alive, rarely enough to cost nothing.
ROWS_PER_REPORT = 25


class Cancelled(Exception):
    """The user cancelled while a file with many articles was being read."""

    def __init__(self) -> None:
        super().__init__()
        self.kept = 0  # articles handed on before it in complete parts (a long table's)


def row_reporter(path: Path, number: int, total: int, progress: Progress | None,
                 cancelled: Callable[[], bool] | None) -> Callable[[int, int], None]:
    """Called before each article of a file: reports a table's progress and stops when cancelled."""
    def before_row(index: int, count: int) -> None:
        if count < 2 or index % ROWS_PER_REPORT or index == 0:
            return
        if cancelled is not None and cancelled():
            raise Cancelled
        if progress is not None:
            progress(number, total, f"{path} ({index + 1:,} of {count:,})")

    return before_row


def read_parts(path: Path, encoding: str | None, options: CleaningOptions | None,
               before_each: Callable[[int, int], None] | None = None) -> Iterator[ReadFile]:
    """The file's articles in parts (one part unless it is a long table); a failure is a part of its own."""
    if not path.exists():
        yield failed(path, f"{path}: no such file or folder")
        return
    options = options or CleaningOptions()
    parts_given = 0
    source = None
    try:
        sources: list = read_sources(path, encoding=encoding)
        part = ReadFile(path)
        for index in range(len(sources)):
            if before_each is not None:
                before_each(index, len(sources))
            source, sources[index] = sources[index], None  # what is read need not stay in memory
            _add(part, prepare_source(source, options))
            if len(part.reported) == PART_ROWS and index + 1 < len(sources):
                yield _as_part(part)
                parts_given += 1
                part = ReadFile(path)
    except GovCoderError as error:
        yield failed(path, str(error))
        return
    except Cancelled as stop:
        stop.kept = parts_given * PART_ROWS
        raise
    except MemoryError:
        raise
    except Exception as error:  # a reader's or library's bug on one odd file must not end the import
        logger.debug("reading %s failed", path, exc_info=True)  # shown with GOVCODER_DEBUG=1
        lost = "nothing was imported"
        if parts_given and source is not None:
            lost = f"the rows from row {source.extracted.get('row', '?')} on were not imported"
        yield failed(path, f"{path}: could not be read ({type(error).__name__}: {error}); {lost}")
        return
    yield _as_part(part) if parts_given else part


def _as_part(part: ReadFile) -> ReadFile:
    rows = [result.file.rsplit("(row ", 1)[-1].rstrip(")") for result in part.reported]
    part.unit = f"rows {rows[0]}-{rows[-1]} of this table"
    return part


def _add(part: ReadFile, article: PreparedArticle) -> None:
    path = part.path
    result = FileResult(f"{path} (row {article.extracted['row']})" if "row" in article.extracted else str(path),
                        "imported", encoding=article.encoding, script=article.script,
                        cleaning=[{"step": entry["step"], "description": entry["description"],
                                   "count": entry["count"]} for entry in article.cleaning])
    part.reported.append(result)
    if article.text.strip():
        part.articles.append(article)
        part.results.append(result)
    else:  # nothing to read or code: say so rather than store an empty document
        result.status, result.reason = "skipped", (
            "nothing is left of the text once cleaned (it was all furniture or blank); import it with "
            "--no-furniture or --no-clean to keep it")


def failed(path: Path, reason: str) -> ReadFile:
    return ReadFile(path, reported=[FileResult(str(path), "failed", reason=reason)])
