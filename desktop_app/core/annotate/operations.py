"""Annotation operations. Each takes the caller's session and returns what changed as plain data."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy.orm import Session

from desktop_app.core.annotate.coders import get_or_create_coder
from desktop_app.core.codebook.tree import code_paths, find_code
from desktop_app.core.errors import GovCoderError
from desktop_app.core.store.models import Annotation, Code, Document


# Not frozen: a frozen dataclass costs seven times as much to build, and opening an article builds
# thousands of these. Treat instances as values all the same; edits return new ones.
@dataclass(slots=True)
class AnnotationInfo:
    id: int
    document: int
    code: str  # the code's path
    code_id: int
    start: int
    end: int
    quote: str
    coder: str
    memo: str

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


CONSENSUS_REFUSAL = ("the consensus layer is written only by adjudication (govcoder adjudicate, or "
                     "Analysis > Disagreements): code as yourself")


def annotation_info(session: Session, annotation: Annotation) -> AnnotationInfo:
    return AnnotationInfo(
        id=annotation.id, document=annotation.document_id,
        code=code_paths(session)[annotation.code_id], code_id=annotation.code_id,
        start=annotation.start, end=annotation.end, quote=annotation.quote,
        coder=annotation.coder.name, memo=annotation.memo,
    )


def check_span(text: str, start: int, end: int) -> None:
    if start < 0 or end > len(text):
        raise GovCoderError(f"span [{start}, {end}) lies outside the document (0 to {len(text)} characters)")
    if end <= start:
        raise GovCoderError(f"span [{start}, {end}) is empty: the end must come after the start")


def create_annotation(
    session: Session,
    document_id: int,
    start: int,
    end: int,
    code: str | int,
    coder: str,
    memo: str = "",
) -> AnnotationInfo:
    """Code the code points [start, end) of a document; `code` is a path or an id."""
    document = session.get(Document, document_id)
    if document is None:
        raise GovCoderError(f"no document with id {document_id} in this project")
    target = session.get(Code, code) if isinstance(code, int) else find_code(session, code)
    if target is None:
        raise GovCoderError(f"no code with id {code} in this project's codebook")
    if not target.codable:
        raise GovCoderError(f"{code_paths(session)[target.id]} is a category: choose one of its codes")
    check_span(document.text, start, end)
    author = get_or_create_coder(session, coder)
    if author.consensus:
        raise GovCoderError(CONSENSUS_REFUSAL)
    annotation = Annotation(
        document=document, code=target, coder=author,
        start=start, end=end, quote=document.text[start:end], memo=memo,
    )
    session.add(annotation)
    session.flush()
    return annotation_info(session, annotation)
