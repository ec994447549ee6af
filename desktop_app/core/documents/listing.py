"""Reading documents out of a project as plain data for the CLI and the GUI."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop_app.core.errors import GovCoderError
from desktop_app.core.store.models import Annotation, Coder, Document


@dataclass(frozen=True)
class DocumentSummary:
    id: int
    title: str
    source: str | None
    published: str | None  # ISO date
    chars: int
    script: str
    annotations: int

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class DocumentDetail:
    id: int
    title: str
    source: str | None
    published: str | None
    authors: list[str]
    url: str | None
    text: str
    script: str
    attributes: dict[str, dict[str, str | None]]
    original_text: str
    cleaning: list[dict[str, Any]]
    extracted: dict[str, Any]

    def to_json(self, *, original: bool = False) -> dict[str, Any]:
        data = {
            "id": self.id, "title": self.title, "source": self.source, "published": self.published,
            "authors": self.authors, "url": self.url, "script": self.script, "text": self.text,
            "attributes": self.attributes,
        }
        if original:
            data.update(original_text=self.original_text, cleaning=self.cleaning, extracted=self.extracted)
        return data


def list_documents(session: Session, coder: str | None = None) -> list[DocumentSummary]:
    """Every document in import order, with its annotation count (by `coder` only, if given)."""
    counted = select(Annotation.document_id, func.count().label("n")).group_by(Annotation.document_id)
    if coder is not None:
        counted = counted.join(Coder).where(Coder.name == coder)
    counts = counted.subquery()
    rows = session.execute(
        select(
            Document.id, Document.title, Document.outlet, Document.published, Document.script,
            func.length(Document.text).label("chars"), func.coalesce(counts.c.n, 0).label("annotations"),
        )
        .outerjoin(counts, counts.c.document_id == Document.id)
        .order_by(Document.id)
    ).all()
    return [
        DocumentSummary(
            id=row.id, title=row.title, source=row.outlet,
            published=row.published.isoformat() if row.published else None,
            chars=row.chars, script=row.script, annotations=row.annotations,
        )
        for row in rows
    ]


def get_document(session: Session, document_id: int) -> DocumentDetail:
    document = session.get(Document, document_id)
    if document is None:
        raise GovCoderError(f"no document with id {document_id} in this project")
    return DocumentDetail(
        id=document.id, title=document.title, source=document.outlet,
        published=document.published.isoformat() if document.published else None,
        authors=list(document.authors), url=document.url, text=document.text, script=document.script,
        attributes={a.key: {"type": a.type, "value": a.value} for a in document.attributes},
        original_text=document.original_text, cleaning=list(document.cleaning),
        extracted=dict(document.extracted),
    )
