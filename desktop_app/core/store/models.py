"""The project schema: SQLAlchemy 2 typed models.

Offsets (`Annotation.start`, `Annotation.end`) are Python code points into `Document.text`,
half-open. `Document.text` never changes after import; everything else may.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    false,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

# A fixed naming convention keeps constraint names identical on SQLite and PostgreSQL, which
# batch migrations on SQLite need to find and alter them.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

SCRIPTS = ("simplified", "traditional", "mixed", "other")
ATTRIBUTE_TYPES = ("text", "number", "date", "boolean")
MEMO_KINDS = ("project", "document", "code")
DOCUMENT_STATUSES = ("not_started", "in_progress", "done")
SIBLING_NAME_INDEX = "uq_codes_sibling_name"


def utcnow() -> datetime:
    return datetime.now(UTC)


def new_guid() -> str:
    return str(uuid.uuid4())


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON, list[str]: JSON}


class Setting(Base):
    """Project-wide settings as JSON values (name, language, default coder, ...)."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)


class Coder(Base):
    __tablename__ = "coders"

    id: Mapped[int] = mapped_column(primary_key=True)
    guid: Mapped[str] = mapped_column(String(36), unique=True, default=new_guid)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    # The consensus layer of adjudication: a coder nobody codes as; only adjudication writes it.
    consensus: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


def _text_length(context) -> int:
    return len(context.get_current_parameters()["text"])


class Document(Base):
    __tablename__ = "documents"
    __table_args__ = (
        CheckConstraint(f"script IN {SCRIPTS!r}", name="script_known"),
        # What the documents list shows, in one index it can be read from alone (a covering index),
        # without touching the rows that hold the texts.
        Index("ix_documents_listing", "id", "title", "outlet", "published", "script", "chars"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    guid: Mapped[str] = mapped_column(String(36), unique=True, default=new_guid)
    title: Mapped[str] = mapped_column(String(500), default="")
    outlet: Mapped[str | None] = mapped_column(String(300))
    published: Mapped[date | None] = mapped_column(Date)
    authors: Mapped[list[str]] = mapped_column(default=list)
    url: Mapped[str | None] = mapped_column(String(2000))
    # The text as decoded from the source file (newlines normalised), before any cleaning:
    # what a researcher cites as published.
    original_text: Mapped[str] = mapped_column(Text)
    # The cleaned text every offset in the project refers to. Immutable after import.
    text: Mapped[str] = mapped_column(Text)
    # len(text), stored so that listing documents never reads the texts (in SQLite a column stored
    # after the texts, or length(text), walks every overflow page of both).
    chars: Mapped[int] = mapped_column(Integer, default=_text_length)
    script: Mapped[str] = mapped_column(String(20), default="other")
    # What cleaning did: a list of {step, description, count, spans: [[start, end], ...], removed: [...]}
    # with spans in original_text code points.
    cleaning: Mapped[list[Any]] = mapped_column(default=list)
    # Everything extraction found that has no column of its own (editors, every date seen, ...).
    extracted: Mapped[dict[str, Any]] = mapped_column(default=dict)
    content_hash: Mapped[str] = mapped_column(String(64), index=True)
    encoding: Mapped[str | None] = mapped_column(String(40))
    source_path: Mapped[str | None] = mapped_column(String(2000))
    imported_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    attributes: Mapped[list[DocumentAttribute]] = relationship(
        back_populates="document", cascade="all, delete-orphan", passive_deletes=True,
        order_by="DocumentAttribute.key",
    )


class DocumentAttribute(Base):
    """A typed variable of a document (the "cases" and "variables" of qualitative research)."""

    __tablename__ = "document_attributes"
    __table_args__ = (
        UniqueConstraint("document_id", "key", name="uq_document_attributes_document_key"),
        CheckConstraint(f"type IN {ATTRIBUTE_TYPES!r}", name="type_known"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    key: Mapped[str] = mapped_column(String(200))
    type: Mapped[str] = mapped_column(String(20), default="text")
    # Stored as text in a canonical form (ISO date, repr of the number, "true"/"false").
    value: Mapped[str | None] = mapped_column(Text)

    document: Mapped[Document] = relationship(back_populates="attributes")


class Code(Base):
    __tablename__ = "codes"
    __table_args__ = (
        # Paths such as 五治/法治 name codes in the CLI and in exports.
        CheckConstraint("name NOT LIKE '%/%'", name="name_has_no_slash"),
        CheckConstraint("name <> ''", name="name_not_empty"),
        Index("ix_codes_parent_position", "parent_id", "position"),
        # Names are unique among siblings; NULL (top level) would never collide, hence the coalesce
        # (no code has the id -1). Migration 0003 made it; a rebuild of this table must make it again.
        Index(SIBLING_NAME_INDEX, text("coalesce(parent_id, -1)"), "name", unique=True),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    guid: Mapped[str] = mapped_column(String(36), unique=True, default=new_guid)
    # RESTRICT: a code with children is deleted only by an operation that decided what to do with them.
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("codes.id", ondelete="RESTRICT"))
    name: Mapped[str] = mapped_column(String(300))
    english: Mapped[str | None] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")
    colour: Mapped[str] = mapped_column(String(7), default="#808080")
    shortcut: Mapped[str | None] = mapped_column(String(40), unique=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    codable: Mapped[bool] = mapped_column(Boolean, default=True)
    keywords: Mapped[list[str]] = mapped_column(default=list)
    # Free-form guidance for coders: {"use_when": ..., "not_when": ..., "examples": [{quote, source}]}
    guidance: Mapped[dict[str, Any]] = mapped_column(default=dict)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    parent: Mapped[Code | None] = relationship(remote_side=[id], back_populates="children")
    children: Mapped[list[Code]] = relationship(back_populates="parent", order_by="Code.position")


class Annotation(Base):
    __tablename__ = "annotations"
    __table_args__ = (
        CheckConstraint("start_offset >= 0 AND end_offset > start_offset", name="span_valid"),
        Index("ix_annotations_document_span", "document_id", "start_offset", "end_offset"),
        # One coder's counts per document (the documents list's "Mine") read from this index alone.
        Index("ix_annotations_coder_document", "coder_id", "document_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    guid: Mapped[str] = mapped_column(String(36), unique=True, default=new_guid)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    # RESTRICT: deleting a code in use must be an explicit decision (delete or reassign its annotations).
    code_id: Mapped[int] = mapped_column(ForeignKey("codes.id", ondelete="RESTRICT"), index=True)
    coder_id: Mapped[int] = mapped_column(ForeignKey("coders.id", ondelete="RESTRICT"), index=True)
    start: Mapped[int] = mapped_column("start_offset", Integer)
    end: Mapped[int] = mapped_column("end_offset", Integer)
    # The text of [start, end) at creation, so that any drift can always be detected.
    quote: Mapped[str] = mapped_column(Text)
    memo: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)

    document: Mapped[Document] = relationship()
    code: Mapped[Code] = relationship()
    coder: Mapped[Coder] = relationship()


class Memo(Base):
    """A memo on the project, a document or a code (annotation memos live on the annotation)."""

    __tablename__ = "memos"
    __table_args__ = (
        CheckConstraint(f"kind IN {MEMO_KINDS!r}", name="kind_known"),
        CheckConstraint(
            "(kind = 'project' AND document_id IS NULL AND code_id IS NULL)"
            " OR (kind = 'document' AND document_id IS NOT NULL AND code_id IS NULL)"
            " OR (kind = 'code' AND code_id IS NOT NULL AND document_id IS NULL)",
            name="target_matches_kind",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    guid: Mapped[str] = mapped_column(String(36), unique=True, default=new_guid)
    kind: Mapped[str] = mapped_column(String(20))
    document_id: Mapped[int | None] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True
    )
    code_id: Mapped[int | None] = mapped_column(ForeignKey("codes.id", ondelete="CASCADE"), index=True)
    coder_id: Mapped[int | None] = mapped_column(ForeignKey("coders.id", ondelete="SET NULL"))
    title: Mapped[str] = mapped_column(String(500), default="")
    text: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)


class Segmentation(Base):
    """jieba's word boundaries for one document, cached compactly (not a row per token).

    `boundaries` is an array of little-endian uint32 end offsets (code points into Document.text);
    `dictionary_hash` identifies the dictionary and user words it was computed with, so a changed
    dictionary makes the cache stale.
    """

    __tablename__ = "segmentations"

    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True
    )
    dictionary_hash: Mapped[str] = mapped_column(String(64))
    boundaries: Mapped[bytes] = mapped_column(LargeBinary)
    computed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class DocumentStatus(Base):
    """How far a coder has got with a document."""

    __tablename__ = "document_statuses"
    __table_args__ = (CheckConstraint(f"status IN {DOCUMENT_STATUSES!r}", name="status_known"),)

    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True
    )
    coder_id: Mapped[int] = mapped_column(ForeignKey("coders.id", ondelete="CASCADE"), primary_key=True)
    status: Mapped[str] = mapped_column(String(20), default="not_started")
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)


class DocumentAssignment(Base):
    """Which coder is to code which document (drawn by `annotate/assignment`; its seed is the
    "assignment" setting)."""

    __tablename__ = "document_assignments"

    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True
    )
    coder_id: Mapped[int] = mapped_column(ForeignKey("coders.id", ondelete="CASCADE"), primary_key=True)


ADJUDICATION_CHOICES = ("A", "B", "both", "neither")


class AdjudicationDecision(Base):
    """One disagreement between two coders decided into the consensus layer: by whom, when, how.

    `annotations` holds the ids of the consensus annotations the decision made (copies: the two
    coders' own annotations are never touched). An undone decision keeps its row, with who undid it
    and when, so that the record of who decided what stays whole.
    """

    __tablename__ = "adjudication_decisions"
    __table_args__ = (
        CheckConstraint(f"choice IN {ADJUDICATION_CHOICES!r}", name="choice_known"),
        CheckConstraint("(span_start IS NULL AND span_end IS NULL) OR span_end > span_start",
                        name="span_valid"),
        Index("ix_adjudication_decisions_disagreement", "disagreement"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    disagreement: Mapped[str] = mapped_column(String(100))
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    start: Mapped[int] = mapped_column("start_offset", Integer)
    end: Mapped[int] = mapped_column("end_offset", Integer)
    kind: Mapped[str] = mapped_column(String(40))
    codes: Mapped[list[str]] = mapped_column(default=list)
    coder_a_id: Mapped[int] = mapped_column(ForeignKey("coders.id", ondelete="RESTRICT"))
    coder_b_id: Mapped[int] = mapped_column(ForeignKey("coders.id", ondelete="RESTRICT"))
    choice: Mapped[str] = mapped_column(String(20))
    span_start: Mapped[int | None] = mapped_column(Integer)
    span_end: Mapped[int | None] = mapped_column(Integer)
    adjudicator_id: Mapped[int] = mapped_column(ForeignKey("coders.id", ondelete="RESTRICT"))
    consensus_id: Mapped[int] = mapped_column(ForeignKey("coders.id", ondelete="RESTRICT"))
    annotations: Mapped[list[Any]] = mapped_column(default=list)
    decided_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    undone_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    undone_by_id: Mapped[int | None] = mapped_column(ForeignKey("coders.id", ondelete="RESTRICT"))
