"""Helpers for the codebook tests: find codes, add annotations, and capture the whole coding state."""

from __future__ import annotations

from lxml import etree
from shared_files import require_shared
from sqlalchemy import select

from desktop_app.core.codebook.snapshot import capture
from desktop_app.core.codebook.tree import find_code
from desktop_app.core.store.models import Annotation, Code, Coder, Document, Memo


def code_id(session, path: str) -> int:
    return find_code(session, path).id


def annotate(session, path: str, start: int, end: int, coder: str = "甲", memo: str = "") -> int:
    document = session.scalars(select(Document)).one()
    annotation = Annotation(document_id=document.id, code_id=code_id(session, path),
                            coder_id=session.scalar(select(Coder.id).where(Coder.name == coder)),
                            start=start, end=end, quote=document.text[start:end], memo=memo)
    session.add(annotation)
    session.flush()
    return annotation.id


def state(session) -> dict:
    """Every code, annotation and memo, column by column: equal before an operation and after its undo."""
    return {
        model.__name__: sorted((capture(row).values for row in session.scalars(select(model))),
                               key=lambda values: values["id"])
        for model in (Code, Annotation, Memo)
    }


def codebook_schema() -> etree.XMLSchema:
    """The REFI-QDA codebook schema from ../shared (the test is skipped where that folder is absent)."""
    return etree.XMLSchema(etree.parse(str(require_shared("refi-qda", "Codebook-mrt2019.xsd"))))
