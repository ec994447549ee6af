"""The full check of a project (`govcoder check`): is the file whole, do its references hold, and does
every annotation still quote the text it points into.

On SQLite: `PRAGMA integrity_check` (every page, index and constraint; slower than the quick check on
open) and `PRAGMA foreign_key_check`. On PostgreSQL the server keeps pages and references whole, so
only the annotation check applies. The annotation check reads each document's text once and compares
every stored quote with text[start:end], its span with the text's length: it finds text or quotes
changed behind GovCoder's back, which no database check can.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select

from desktop_app.core.errors import GovCoderError
from desktop_app.core.store.engine import read_only_uri, sqlite_path
from desktop_app.core.store.models import Annotation, Document
from desktop_app.core.store.project import Project, open_project, to_url
from desktop_app.core.store.sqlite_file import ProjectDamaged, sqlite_problem

# Enough to see what is wrong; a file that is damaged throughout would otherwise list every page.
MAX_INTEGRITY_PROBLEMS = 100
_QUOTE_SHOWN = 30


@dataclass(frozen=True)
class Problem:
    kind: str  # "integrity", "foreign_key", "span" or "quote"
    detail: str
    table: str | None = None
    id: int | None = None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    def describe(self) -> str:
        where = f"{_singular(self.table)} {self.id}: " if self.table and self.id is not None else ""
        return f"{where}{self.detail}"


@dataclass
class CheckReport:
    project: str
    checks: list[str] = field(default_factory=list)
    annotations: int = 0
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def to_json(self) -> dict[str, Any]:
        return {"project": self.project, "ok": self.ok, "checks": self.checks,
                "annotations_checked": self.annotations, "problems": [p.to_json() for p in self.problems]}


def check_location(location: str | Path) -> CheckReport:
    """Open the project without the quick check on open (it would refuse a damaged one) and check it."""
    path = sqlite_path(to_url(location))
    try:
        project = open_project(location, check=False)
    except ProjectDamaged as refused:
        if path is None:
            raise
        # Too damaged to open at all: say what SQLite finds in the file.
        report = CheckReport(str(path), ["integrity", "foreign_keys"])
        try:
            connection = sqlite3.connect(read_only_uri(path, immutable=False), uri=True)
        except sqlite3.Error:
            report.problems.append(Problem("integrity", str(refused)))
            return report
        try:
            report.problems += _sqlite_problems(connection) or [Problem("integrity", str(refused))]
        finally:
            connection.close()
        return report
    with project:
        return check_project(project)


def check_project(project: Project) -> CheckReport:
    report = CheckReport(project.label)
    if sqlite_path(project.url) is not None:
        report.checks += ["integrity", "foreign_keys"]
        # The driver's own connection: the engine would turn the first "malformed" into a refusal.
        raw = project.engine.raw_connection()
        try:
            report.problems += _sqlite_problems(raw.driver_connection)
        finally:
            raw.close()
    report.checks.append("annotations")
    try:
        with project.session_factory() as session:
            report.problems.extend(_annotation_problems(session, report))
    except GovCoderError as error:  # the file is too damaged to read them all
        report.problems.append(Problem("integrity", f"the annotations could not all be read: {error}"))
    return report


def _sqlite_problems(connection: sqlite3.Connection) -> list[Problem]:
    problems: list[Problem] = []
    # integrity_check gives up with "malformed" on some damage that quick_check(1) can still name.
    for pragma in (f"integrity_check({MAX_INTEGRITY_PROBLEMS})", "quick_check(1)"):
        try:
            rows = [row for (row,) in connection.execute(f"PRAGMA {pragma}")]
        except sqlite3.DatabaseError as error:
            failure = error
            continue
        problems += [Problem("integrity", sqlite_problem(row)) for row in rows if row != "ok"]
        break
    else:
        problems.append(Problem("integrity", f"SQLite cannot read the file: {failure}"))
    try:
        for table, rowid, parent, _key in connection.execute("PRAGMA foreign_key_check"):
            problems.append(Problem("foreign_key", f"refers to a row of {parent} that does not exist", table, rowid))
    except sqlite3.DatabaseError as error:
        problems.append(Problem("foreign_key", f"the references could not be checked: {error}"))
    return problems


def _annotation_problems(session, report: CheckReport) -> Iterator[Problem]:
    rows = session.execute(select(Annotation.id, Annotation.document_id, Annotation.start, Annotation.end,
                                  Annotation.quote).order_by(Annotation.document_id, Annotation.id))
    document_id, text = None, None
    for row in rows:
        report.annotations += 1
        if row.document_id != document_id:
            document_id = row.document_id
            text = session.scalar(select(Document.text).where(Document.id == document_id))
        if text is None:
            yield Problem("foreign_key", f"belongs to document {row.document_id}, which does not exist",
                          "annotations", row.id)
            continue
        if not 0 <= row.start < row.end <= len(text):
            yield Problem("span", f"[{row.start}, {row.end}) does not lie within document {row.document_id}, "
                          f"which has {len(text)} characters", "annotations", row.id)
        elif text[row.start:row.end] != row.quote:
            yield Problem("quote", f"its quote {_shown(row.quote)} differs from document {row.document_id}'s "
                          f"text at [{row.start}, {row.end}): {_shown(text[row.start:row.end])}",
                          "annotations", row.id)


def _shown(text: str) -> str:
    return repr(text if len(text) <= _QUOTE_SHOWN else text[:_QUOTE_SHOWN] + "…")


def _singular(table: str) -> str:
    return {"annotations": "annotation", "codes": "code", "documents": "document", "coders": "coder",
            "memos": "memo"}.get(table, f"{table} row")
