"""Reading documents out of a project as plain data for the CLI and the GUI."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import String, cast, func, select
from sqlalchemy.orm import Session

from desktop_app.core.annotate.blind import blind_for
from desktop_app.core.errors import GovCoderError
from desktop_app.core.store.models import Annotation, Coder, Document


# Not frozen: a frozen dataclass costs several times as much to build, and a list of 50,000 documents
# builds 50,000 of these. Treat instances as values all the same.
@dataclass(slots=True)
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
    """Every document with everyone's annotation count, and `coder`'s counts. Under blind coding
    "everyone" is what `coder` may see: their own count where they have not marked the document done.

    The columns come from the covering index ix_documents_listing, so no text is read; each count is
    one pass over an index of the annotations.
    """
    rows = session.execute(
        # The date as the database writes it (YYYY-MM-DD on both backends), not parsed and printed again.
        select(Document.id, Document.title, Document.outlet, cast(Document.published, String), Document.chars,
               Document.script)
        .order_by(Document.id)
    ).all()
    # Each count reads one index alone: (document_id, ...) for everyone's, (coder_id, document_id) for one
    # coder's. Joined in SQL, the one coder's count made SQLite read every annotation row.
    everyone = dict(session.execute(select(Annotation.document_id, func.count()).group_by(Annotation.document_id)).all())
    mine: dict[int, int] = {}
    if coder is not None:
        mine = dict(session.execute(
            select(Annotation.document_id, func.count())
            .join(Coder, Coder.id == Annotation.coder_id).where(Coder.name == coder)
            .group_by(Annotation.document_id)).all())
    blind = blind_for(session, coder)
    if blind is not None:
        everyone = {id_: (n if blind.sees_everyone(id_) else mine.get(id_, 0)) for id_, n in everyone.items()}
    summary = DocumentSummary
    count = everyone.get
    summaries = [summary(id_, title, outlet, published, chars, script, count(id_, 0))
                 for id_, title, outlet, published, chars, script in rows]
    return summaries, {summary.id: mine.get(summary.id, 0) for summary in summaries}


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
