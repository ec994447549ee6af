"""Editing what import found out about a document: its metadata and typed attributes.

The text itself is never edited (every offset refers to it). Each edit returns the old and new
values, so that the GUI can undo it by applying the old values.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.core.errors import GovCoderError
from desktop_app.core.store.models import ATTRIBUTE_TYPES, Document, DocumentAttribute

# Field name as users see it (CLI, exports) -> column.
EDITABLE_FIELDS = {"title": "title", "source": "outlet", "published": "published", "authors": "authors",
                   "url": "url"}
_TRUE = {"true", "yes", "1", "是", "真"}
_FALSE = {"false", "no", "0", "否", "假"}


@dataclass(frozen=True)
class DocumentEdit:
    document_id: int
    old: dict[str, Any]
    new: dict[str, Any]


@dataclass(frozen=True)
class AttributeEdit:
    document_id: int
    key: str
    old: tuple[str, str | None] | None  # (type, value), None if the attribute did not exist
    new: tuple[str, str | None] | None  # None when removed


def _document(session: Session, document_id: int) -> Document:
    document = session.get(Document, document_id)
    if document is None:
        raise GovCoderError(f"no document with id {document_id} in this project")
    return document


def _clean(field: str, value: Any) -> Any:
    if field == "title":
        value = str(value).strip()
        if not value or len(value) > 500:
            raise GovCoderError("a title has 1 to 500 characters")
        return value
    if field == "published":
        if value is None or isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value).strip())
        except ValueError:
            raise GovCoderError(f"not a date: {value!r} (write it as YYYY-MM-DD)") from None
    if field == "authors":
        names = value.split(",") if isinstance(value, str) else list(value or [])
        return [name.strip() for name in names if name.strip()]
    return (str(value).strip() or None) if value is not None else None


def edit_document(session: Session, document_id: int, **changes: Any) -> DocumentEdit:
    """Change any of title, source, published, authors and url; unknown fields are refused."""
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise GovCoderError(f"cannot edit {', '.join(sorted(unknown))}: editable are "
                            f"{', '.join(EDITABLE_FIELDS)}")
    document = _document(session, document_id)
    old, new = {}, {}
    for field, value in changes.items():
        column = EDITABLE_FIELDS[field]
        old[field] = getattr(document, column)
        new[field] = _clean(field, value)
        setattr(document, column, new[field])
    session.flush()
    return DocumentEdit(document_id, old, new)


def canonical_attribute(kind: str, value: str | None) -> str | None:
    """The stored form of an attribute value of type `kind`, or a GovCoderError saying why not."""
    if kind not in ATTRIBUTE_TYPES:
        raise GovCoderError(f"unknown attribute type {kind!r}: one of {', '.join(ATTRIBUTE_TYPES)}")
    if value is None or kind == "text":
        return value
    text = value.strip()
    try:
        if kind == "number":
            number = float(text)
            return str(int(number)) if number.is_integer() and "." not in text else repr(number)
        if kind == "date":
            return date.fromisoformat(text).isoformat()
    except ValueError:
        raise GovCoderError(f"{value!r} is not a {kind} (numbers like 3.5, dates as YYYY-MM-DD)") from None
    if text.lower() in _TRUE:
        return "true"
    if text.lower() in _FALSE:
        return "false"
    raise GovCoderError(f"{value!r} is not a boolean (true/false, yes/no, 是/否)")


def set_attribute(session: Session, document_id: int, key: str, value: str | None,
                  kind: str = "text") -> AttributeEdit:
    key = key.strip()
    if not key or len(key) > 200:
        raise GovCoderError("an attribute name has 1 to 200 characters")
    _document(session, document_id)
    stored = canonical_attribute(kind, value)
    attribute = session.scalar(select(DocumentAttribute).where(
        DocumentAttribute.document_id == document_id, DocumentAttribute.key == key))
    old = (attribute.type, attribute.value) if attribute is not None else None
    if attribute is None:
        attribute = DocumentAttribute(document_id=document_id, key=key)
        session.add(attribute)
    attribute.type, attribute.value = kind, stored
    session.flush()
    return AttributeEdit(document_id, key, old, (kind, stored))


def remove_attribute(session: Session, document_id: int, key: str) -> AttributeEdit:
    _document(session, document_id)
    attribute = session.scalar(select(DocumentAttribute).where(
        DocumentAttribute.document_id == document_id, DocumentAttribute.key == key))
    if attribute is None:
        raise GovCoderError(f"document {document_id} has no attribute {key!r}")
    old = (attribute.type, attribute.value)
    session.delete(attribute)
    session.flush()
    return AttributeEdit(document_id, key, old, None)
