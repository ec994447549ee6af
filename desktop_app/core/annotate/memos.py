"""Memos on the project, a document or a code (an annotation's memo lives on the annotation itself).

The project, a document or a code has one memo as far as the interface is concerned: the earliest one kept for it.
`set_memo` returns the text before and after, so that setting the old text back undoes it (None: there
was no memo, and undoing removes the one created).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.core.annotate.coders import get_or_create_coder
from desktop_app.core.errors import GovCoderError
from desktop_app.core.store.models import Code, Document, Memo

KINDS = ("document", "code", "project")


@dataclass(frozen=True)
class MemoChange:
    kind: str
    target: int | None  # None for the project
    before: str | None
    after: str | None


def _where(kind: str, target: int | None):
    if kind not in KINDS:
        raise GovCoderError(f"memos are kept on the project, a document or a code, not on a {kind!r}")
    if kind == "project":
        return select(Memo).where(Memo.kind == "project").order_by(Memo.id).limit(1)
    column = Memo.document_id if kind == "document" else Memo.code_id
    return select(Memo).where(Memo.kind == kind, column == target).order_by(Memo.id).limit(1)


def get_memo(session: Session, kind: str, target: int | None = None) -> str | None:
    memo = session.scalar(_where(kind, target))
    return memo.text if memo is not None else None


def set_memo(session: Session, kind: str, target: int | None, text: str | None,
             coder: str | None = None) -> MemoChange:
    """Write the project's (target None), a document's or a code's memo; None removes it."""
    model = Document if kind == "document" else Code
    if kind in ("document", "code") and (target is None or session.get(model, target) is None):
        raise GovCoderError(f"no {kind} with id {target} in this project")
    memo = session.scalar(_where(kind, target))
    before = memo.text if memo is not None else None
    if text is None:
        if memo is not None:
            session.delete(memo)
    elif memo is None:
        session.add(Memo(kind=kind, document_id=target if kind == "document" else None,
                         code_id=target if kind == "code" else None, text=text,
                         coder_id=get_or_create_coder(session, coder).id if coder else None))
    else:
        memo.text = text
    session.flush()
    return MemoChange(kind, target, before, text)
