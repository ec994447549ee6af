"""Reading documents out of a project as plain data for the CLI and the GUI."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import case, func, select
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
        # Spelled out: dataclasses.asdict deep-copies every field, 40 µs a row.
        return {"id": self.id, "title": self.title, "source": self.source, "published": self.published,
                "chars": self.chars, "script": self.script, "annotations": self.annotations}


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
    summaries, mine = list_documents_for(session, coder)
    if coder is None:
        return summaries
    return [replace(summary, annotations=mine.get(summary.id, 0)) for summary in summaries]


def list_documents_for(session: Session, coder: str | None) -> tuple[list[DocumentSummary], dict[int, int]]:
    """Every document with everyone's annotation count, and `coder`'s counts, in one query.

    The columns come from the covering index ix_documents_listing, so no text is read; the counts are
    one pass over the annotations, grouped by document.
    """
    coder_id = session.scalar(select(Coder.id).where(Coder.name == coder)) if coder is not None else None
    counted = select(
        Annotation.document_id,
        func.count().label("n"),
        func.coalesce(func.sum(case((Annotation.coder_id == coder_id, 1), else_=0)), 0).label("mine"),
    ).group_by(Annotation.document_id).subquery()
    rows = session.execute(
        select(
            Document.id, Document.title, Document.outlet, Document.published, Document.script, Document.chars,
            func.coalesce(counted.c.n, 0).label("annotations"), func.coalesce(counted.c.mine, 0).label("mine"),
        )
        .outerjoin(counted, counted.c.document_id == Document.id)
        .order_by(Document.id)
    ).all()
    summaries = [
        DocumentSummary(
            id=row.id, title=row.title, source=row.outlet,
            published=row.published.isoformat() if row.published else None,
            chars=row.chars, script=row.script, annotations=row.annotations,
        )
        for row in rows
    ]
    return summaries, {row.id: row.mine for row in rows}


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
