"""A project as plain data: what every exporter reads and every importer produces.

Every cross-reference is by GUID, so the same records can come from the database, a `.qdpx` or a
JSON file. Offsets are Python code points into `DocumentData.text`, half-open, as in the store.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

# progress(done, total, what); it may raise to cancel (the export or import then leaves nothing behind).
Progress = Callable[[int, int, str], None]


@dataclass(slots=True)
class CoderData:
    guid: str
    name: str
    created_at: datetime | None = None
    consensus: bool = False  # the consensus layer of adjudication


@dataclass(slots=True)
class DecisionData:
    """One adjudication decision; documents, coders and annotations by GUID."""

    disagreement: str
    document: str
    start: int
    end: int
    kind: str
    codes: list[str]
    coder_a: str
    coder_b: str
    choice: str
    span_start: int | None
    span_end: int | None
    adjudicator: str
    consensus: str
    annotations: list[dict[str, Any]] = field(default_factory=list)  # {guid, code, start, end}
    decided_at: datetime | None = None
    undone_at: datetime | None = None
    undone_by: str | None = None


@dataclass(slots=True)
class CodeData:
    guid: str
    name: str
    parent: str | None = None  # the parent's GUID
    description: str = ""
    colour: str = "#808080"
    codable: bool = True
    english: str | None = None
    shortcut: str | None = None
    position: int = 0
    keywords: list[str] = field(default_factory=list)
    guidance: dict[str, Any] = field(default_factory=dict)
    created_at: datetime | None = None
    id: int | None = None


@dataclass(slots=True)
class AttributeData:
    key: str
    type: str  # text | number | date | boolean
    value: str | None


@dataclass(slots=True)
class DocumentData:
    guid: str
    title: str
    text: str
    outlet: str | None = None
    published: date | None = None
    authors: list[str] = field(default_factory=list)
    url: str | None = None
    original_text: str | None = None  # None: the same as text
    script: str = "other"
    cleaning: list[Any] = field(default_factory=list)
    extracted: dict[str, Any] = field(default_factory=dict)
    content_hash: str | None = None
    encoding: str | None = None
    source_path: str | None = None
    imported_at: datetime | None = None
    attributes: list[AttributeData] = field(default_factory=list)
    id: int | None = None  # the id in the project it was read from, if any


@dataclass(slots=True)
class AnnotationData:
    guid: str
    document: str  # GUIDs
    code: str
    coder: str
    start: int
    end: int
    quote: str
    memo: str = ""
    created_at: datetime | None = None
    updated_at: datetime | None = None
    id: int | None = None


@dataclass(slots=True)
class MemoData:
    guid: str
    kind: str  # project | document | code
    text: str
    title: str = ""
    document: str | None = None
    code: str | None = None
    coder: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None


@dataclass(slots=True)
class StatusData:
    document: str
    coder: str
    status: str
    updated_at: datetime | None = None


@dataclass
class ProjectData:
    name: str = "GovCoder project"
    coders: list[CoderData] = field(default_factory=list)
    codes: list[CodeData] = field(default_factory=list)  # parents before children, siblings by position
    documents: list[DocumentData] = field(default_factory=list)
    annotations: list[AnnotationData] = field(default_factory=list)
    memos: list[MemoData] = field(default_factory=list)
    statuses: list[StatusData] = field(default_factory=list)
    settings: dict[str, Any] = field(default_factory=dict)
    decisions: list[DecisionData] = field(default_factory=list)

    def code_paths(self) -> dict[str, str]:
        """Each code's path (names from the root joined by /), by GUID; any depth."""
        from desktop_app.core.codebook.tree import tree_paths

        return tree_paths({code.guid: (code.parent, code.name) for code in self.codes})
