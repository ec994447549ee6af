"""Coded segments: every passage coded with a code (optionally its sub-codes too), with context,
grouped by document in reading order. The researcher's main way of reading across a corpus."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.core.codebook.siblings import descendant_ids
from desktop_app.core.codebook.tree import code_paths
from desktop_app.core.store.models import Annotation, Coder, Document


@dataclass(frozen=True)
class CodedSegment:
    annotation: int
    document: int
    title: str
    code: str  # path
    start: int
    end: int
    before: str  # context preceding the quote, within its paragraph
    quote: str
    after: str
    coder: str
    memo: str

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def _context(text: str, start: int, end: int, width: int) -> tuple[str, str]:
    left = max(0, start - width)
    newline = text.rfind("\n", left, start)
    left = newline + 1 if newline >= 0 else left
    right = min(len(text), end + width)
    newline = text.find("\n", end, right)
    right = newline if newline >= 0 else right
    return text[left:start], text[end:right]


def coded_segments(session: Session, code_id: int, *, with_subcodes: bool = True, coder: str | None = None,
                   context: int = 40) -> list[CodedSegment]:
    codes = descendant_ids(session, code_id) if with_subcodes else [code_id]
    paths = code_paths(session)
    query = (
        select(Annotation.id, Annotation.document_id, Annotation.code_id, Annotation.start, Annotation.end,
               Annotation.memo, Coder.name, Document.title)
        .join(Coder, Coder.id == Annotation.coder_id)
        .join(Document, Document.id == Annotation.document_id)
        .where(Annotation.code_id.in_(codes))
        .order_by(Annotation.document_id, Annotation.start, Annotation.end.desc(), Annotation.id)
    )
    if coder is not None:
        query = query.where(Coder.name == coder)
    rows = session.execute(query).all()
    texts: dict[int, str] = {}
    segments = []
    for row in rows:
        if row.document_id not in texts:
            texts[row.document_id] = session.scalar(select(Document.text).where(Document.id == row.document_id))
        text = texts[row.document_id]
        before, after = _context(text, row.start, row.end, context)
        segments.append(CodedSegment(
            annotation=row.id, document=row.document_id, title=row.title, code=paths[row.code_id],
            start=row.start, end=row.end, before=before, quote=text[row.start:row.end], after=after,
            coder=row.name, memo=row.memo,
        ))
    return segments
