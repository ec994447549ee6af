"""Coded segments: every passage coded with a code (optionally its sub-codes too), with context,
grouped by document in reading order. The researcher's main way of reading across a corpus."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from desktop_app.core.annotate.blind import visible_clause
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


def trim_context(before: str, after: str) -> tuple[str, str]:
    """Context stops at the paragraph: what precedes the last newline before, or follows the first after."""
    newline = before.rfind("\n")
    if newline >= 0:
        before = before[newline + 1:]
    newline = after.find("\n")
    if newline >= 0:
        after = after[:newline]
    return before, after


def segment_in_text(info, title: str, code_path: str, text: str, context: int = 40) -> CodedSegment:
    """The coded segment of an annotation whose document text is at hand (the open document)."""
    before, after = trim_context(text[max(0, info.start - context):info.start], text[info.end:info.end + context])
    return CodedSegment(annotation=info.id, document=info.document, title=title, code=code_path, start=info.start,
                        end=info.end, before=before, quote=info.quote, after=after, coder=info.coder, memo=info.memo)


def _segments_query(session: Session, code_id: int, with_subcodes: bool, coder: str | None,
                    viewer: str | None = None):
    codes = descendant_ids(session, code_id) if with_subcodes else [code_id]
    query = (
        select(Annotation.id)
        .join(Coder, Coder.id == Annotation.coder_id)
        .where(Annotation.code_id.in_(codes))
    )
    if coder is not None:
        query = query.where(Coder.name == coder)
    visible = visible_clause(session, viewer)
    if visible is not None:
        query = query.where(visible)
    return query


def coded_segments(session: Session, code_id: int, *, with_subcodes: bool = True, coder: str | None = None,
                   context: int = 40, offset: int = 0, limit: int | None = None,
                   viewer: str | None = None) -> list[CodedSegment]:
    """The segments in reading order, `limit` of them from `offset` (all when limit is None); `coder`
    keeps one coder's, `viewer` what that coder may see under blind coding (`blind.visible_clause`).

    One query: the context is cut out of the text by the database (substr counts characters, that is
    code points, on SQLite and PostgreSQL alike), so no document's whole text travels to Python.
    """
    paths = code_paths(session)
    left = case((Annotation.start > context, Annotation.start - context), else_=0)
    query = (
        _segments_query(session, code_id, with_subcodes, coder, viewer)
        .add_columns(
            Annotation.document_id, Annotation.code_id, Annotation.start, Annotation.end, Annotation.memo,
            Annotation.quote, Coder.name, Document.title,
            func.substr(Document.text, left + 1, Annotation.start - left).label("before"),
            func.substr(Document.text, Annotation.end + 1, context).label("after"),
        )
        .join(Document, Document.id == Annotation.document_id)
        .order_by(Annotation.document_id, Annotation.start, Annotation.end.desc(), Annotation.id)
        .offset(offset)
    )
    if limit is not None:
        query = query.limit(limit)
    segments = []
    for row in session.execute(query):
        before, after = trim_context(row.before or "", row.after or "")
        segments.append(CodedSegment(
            annotation=row.id, document=row.document_id, title=row.title, code=paths[row.code_id],
            start=row.start, end=row.end, before=before, quote=row.quote, after=after,
            coder=row.name, memo=row.memo,
        ))
    return segments


def segment_counts(session: Session, code_id: int, *, with_subcodes: bool = True, coder: str | None = None,
                   documents: list[int] | None = None, viewer: str | None = None) -> dict[int, int]:
    """How many segments each document holds (only `documents`, if given): one aggregate."""
    query = _segments_query(session, code_id, with_subcodes, coder, viewer).subquery()
    counted = (select(Annotation.document_id, func.count())
               .where(Annotation.id.in_(select(query.c.id)))
               .group_by(Annotation.document_id))
    if documents is not None:
        counted = counted.where(Annotation.document_id.in_(documents))
    return dict(session.execute(counted).all())
