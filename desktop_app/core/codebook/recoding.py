"""Moving annotations from some codes to another, as merge and delete-with-reassign do.

An annotation that would become an exact duplicate of one the target already has (same document, same
span, same coder) collapses into it: the duplicate is removed and its memo, if it said something new,
is appended to the kept annotation's memo. Everything removed or changed is returned for undo.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.core.codebook.snapshot import RowState, capture, restore_rows
from desktop_app.core.store.models import Annotation


@dataclass(frozen=True)
class Recoded:
    target_id: int
    moved: list[tuple[int, int, datetime]] = field(default_factory=list)  # (id, old code id, old updated_at)
    collapsed: list[RowState] = field(default_factory=list)  # removed duplicates, as they were
    memo_changes: list[tuple[int, str, datetime]] = field(default_factory=list)  # kept annotation's old memo


def recode_annotations(session: Session, code_ids: list[int], target_id: int) -> Recoded:
    result = Recoded(target_id)
    kept: dict[tuple[int, int, int, int], Annotation] = {
        _key(a): a for a in session.scalars(select(Annotation).where(Annotation.code_id == target_id))
    }
    sources = session.scalars(
        select(Annotation).where(Annotation.code_id.in_(code_ids)).order_by(Annotation.id)
    ).all()
    for annotation in sources:
        twin = kept.get(_key(annotation))
        if twin is None:
            result.moved.append((annotation.id, annotation.code_id, annotation.updated_at))
            annotation.code_id = target_id
            kept[_key(annotation)] = annotation
            continue
        result.collapsed.append(capture(annotation))
        memo = annotation.memo.strip()
        if memo and memo not in twin.memo:
            if all(change[0] != twin.id for change in result.memo_changes):
                result.memo_changes.append((twin.id, twin.memo, twin.updated_at))
            twin.memo = f"{twin.memo}\n{memo}" if twin.memo.strip() else memo
        session.delete(annotation)
    session.flush()
    return result


def undo_recode(session: Session, recoded: Recoded) -> None:
    """Put moved annotations back and restore collapsed duplicates and memos. The codes must exist."""
    for annotation_id, old_code_id, updated_at in recoded.moved:
        annotation = session.get(Annotation, annotation_id)
        if annotation is not None:
            annotation.code_id, annotation.updated_at = old_code_id, updated_at
    for annotation_id, memo, updated_at in recoded.memo_changes:
        annotation = session.get(Annotation, annotation_id)
        if annotation is not None:
            annotation.memo, annotation.updated_at = memo, updated_at
    session.flush()
    restore_rows(session, Annotation, recoded.collapsed)


def _key(annotation: Annotation) -> tuple[int, int, int, int]:
    return (annotation.document_id, annotation.start, annotation.end, annotation.coder_id)
