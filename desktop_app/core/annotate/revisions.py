"""Revising annotations: list, delete and restore, resize, recode, memo, and a document's status.

Each function takes the caller's session and returns what changed as plain data, so that the GUI can
wrap it in an undoable command (the undo of a delete is `restore_annotation` with the returned record).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import cache

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from desktop_app.core.annotate.blind import visible_coders
from desktop_app.core.annotate.coders import get_or_create_coder
from desktop_app.core.annotate.operations import (
    CONSENSUS_REFUSAL,
    AnnotationInfo,
    annotation_info,
    check_span,
)
from desktop_app.core.codebook.tree import code_paths
from desktop_app.core.errors import GovCoderError
from desktop_app.core.store.models import (
    DOCUMENT_STATUSES,
    Annotation,
    Code,
    Coder,
    Document,
    DocumentStatus,
)


@dataclass(frozen=True)
class DeletedAnnotation:
    """Everything needed to put a deleted annotation back exactly as it was (same id and guid)."""

    info: AnnotationInfo
    guid: str
    created_at: datetime


@dataclass(frozen=True)
class AnnotationChange:
    before: AnnotationInfo
    after: AnnotationInfo


def _annotation(session: Session, annotation_id: int) -> Annotation:
    annotation = session.get(Annotation, annotation_id)
    if annotation is None:
        raise GovCoderError(f"no annotation with id {annotation_id} in this project")
    return annotation


def _writable(session: Session, annotation_id: int) -> Annotation:
    annotation = _annotation(session, annotation_id)
    if annotation.coder.consensus:
        raise GovCoderError(CONSENSUS_REFUSAL)
    return annotation


@cache
def _annotations_query(dialect) -> tuple[str, str | None]:
    """The SQL for one document's annotation rows in this dialect's parameter style, compiled once:
    (sql, None) for positional parameters, (sql, name) for named ones."""
    table = Annotation.__table__
    compiled = (
        select(table.c.id, table.c.code_id, table.c.start_offset, table.c.end_offset, table.c.quote,
               table.c.memo, table.c.coder_id)
        .where(table.c.document_id == bindparam("document"))
        .compile(dialect=dialect)
    )
    return str(compiled), None if compiled.positional else "document"


def list_annotations(session: Session, document_id: int, viewer: str | None = None) -> list[AnnotationInfo]:
    """A document's annotations in text order (those `viewer` may see, under blind coding: see
    `blind.visible_coders`; all of them without a viewer). Opening an article with thousands of them waits on
    this, so it is three flat queries (no join, no SQL sort), the big one read as plain driver tuples
    (SQLAlchemy's row objects cost as much again as SQLite's own fetch), and a sort in Python."""
    paths = code_paths(session)
    coders = dict(session.execute(select(Coder.id, Coder.name)).all())
    sql, parameter = _annotations_query(session.get_bind().dialect)
    cursor = session.connection().connection.driver_connection.cursor()
    cursor.execute(sql, [document_id] if parameter is None else {parameter: document_id})
    rows = cursor.fetchall()
    cursor.close()
    visible = visible_coders(session, document_id, viewer)
    if visible is not None:
        rows = [row for row in rows if coders[row[6]] in visible]
    rows.sort(key=lambda row: (row[2], -row[3], row[0]))
    return [
        AnnotationInfo(row[0], document_id, paths[row[1]], row[1], row[2], row[3], row[4], coders[row[6]],
                       row[5])
        for row in rows
    ]


def get_annotation(session: Session, annotation_id: int) -> AnnotationInfo:
    return annotation_info(session, _annotation(session, annotation_id))


def delete_annotation(session: Session, annotation_id: int) -> DeletedAnnotation:
    annotation = _writable(session, annotation_id)
    record = DeletedAnnotation(annotation_info(session, annotation), annotation.guid, annotation.created_at)
    session.delete(annotation)
    session.flush()
    return record


def restore_annotation(session: Session, record: DeletedAnnotation) -> AnnotationInfo:
    """Undo a delete: the same row comes back, so references to its id stay valid."""
    info = record.info
    document = session.get(Document, info.document)
    if document is None:
        raise GovCoderError(f"cannot restore the annotation: document {info.document} no longer exists")
    if session.get(Code, info.code_id) is None:
        raise GovCoderError(f"cannot restore the annotation: its code {info.code} no longer exists")
    check_span(document.text, info.start, info.end)
    annotation = Annotation(
        id=info.id, guid=record.guid, document_id=info.document, code_id=info.code_id,
        coder=get_or_create_coder(session, info.coder), start=info.start, end=info.end,
        quote=document.text[info.start:info.end], memo=info.memo, created_at=record.created_at,
    )
    session.add(annotation)
    session.flush()
    return annotation_info(session, annotation)


def resize_annotation(session: Session, annotation_id: int, start: int, end: int) -> AnnotationChange:
    """Move an annotation's edges; its quote follows the immutable document text."""
    annotation = _writable(session, annotation_id)
    before = annotation_info(session, annotation)
    text = annotation.document.text
    check_span(text, start, end)
    annotation.start, annotation.end, annotation.quote = start, end, text[start:end]
    session.flush()
    return AnnotationChange(before, annotation_info(session, annotation))


def recode_annotation(session: Session, annotation_id: int, code_id: int) -> AnnotationChange:
    annotation = _writable(session, annotation_id)
    code = session.get(Code, code_id)
    if code is None:
        raise GovCoderError(f"no code with id {code_id} in this project's codebook")
    if not code.codable:
        raise GovCoderError(f"{code_paths(session)[code.id]} is a category: choose one of its codes")
    before = annotation_info(session, annotation)
    annotation.code_id = code_id
    session.flush()
    session.refresh(annotation)
    return AnnotationChange(before, annotation_info(session, annotation))


def set_annotation_memo(session: Session, annotation_id: int, memo: str) -> AnnotationChange:
    annotation = _writable(session, annotation_id)
    before = annotation_info(session, annotation)
    annotation.memo = memo
    session.flush()
    return AnnotationChange(before, annotation_info(session, annotation))


def document_statuses(session: Session, coder: str) -> dict[int, str]:
    """Each document's status for `coder`; documents never touched are absent (not started)."""
    rows = session.execute(
        select(DocumentStatus.document_id, DocumentStatus.status)
        .join(Coder, Coder.id == DocumentStatus.coder_id).where(Coder.name == coder)
    ).all()
    return {row[0]: row[1] for row in rows}


def set_document_status(session: Session, document_id: int, coder: str, status: str) -> str:
    """Set how far `coder` has got with a document; returns the previous status."""
    if status not in DOCUMENT_STATUSES:
        raise GovCoderError(f"unknown status {status!r} (one of {', '.join(DOCUMENT_STATUSES)})")
    if session.get(Document, document_id) is None:
        raise GovCoderError(f"no document with id {document_id} in this project")
    coder_row = get_or_create_coder(session, coder)
    row = session.get(DocumentStatus, (document_id, coder_row.id))
    if row is None:
        session.add(DocumentStatus(document_id=document_id, coder_id=coder_row.id, status=status))
        session.flush()
        return "not_started"
    previous, row.status = row.status, status
    session.flush()
    return previous
