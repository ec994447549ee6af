"""Coders: the people whose annotations a project keeps apart."""

from __future__ import annotations

import getpass
import os
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop_app.core.errors import GovCoderError
from desktop_app.core.store.models import Annotation, Coder, DocumentStatus, new_guid, utcnow

ENV_CODER = "GOVCODER_CODER"


def default_coder_name() -> str:
    name = os.environ.get(ENV_CODER)
    if name:
        return name
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "coder"


def get_or_create_coder(session: Session, name: str) -> Coder:
    """The coder called `name`, made if new. Several processes may meet a new coder at the same moment
    (a team starting together, or one coder's window and CLI): the row is inserted with "on conflict do
    nothing", so each of them gets the one row and none fails on the unique name."""
    name = _clean_name(name)
    coder = session.scalar(select(Coder).where(Coder.name == name))
    if coder is None:
        session.execute(_insert_if_absent(session).values(guid=new_guid(), name=name, created_at=utcnow()))
        coder = session.scalar(select(Coder).where(Coder.name == name))
    return coder


def _insert_if_absent(session: Session):
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    elif dialect == "sqlite":
        from sqlalchemy.dialects.sqlite import insert
    else:
        raise GovCoderError(f"GovCoder projects live in SQLite or PostgreSQL, not {dialect}")
    return insert(Coder).on_conflict_do_nothing(index_elements=[Coder.name])


@dataclass(frozen=True)
class CoderInfo:
    id: int
    name: str
    annotations: int
    documents_done: int
    created_at: datetime
    consensus: bool = False  # the consensus layer of adjudication, not a person

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "annotations": self.annotations,
                "documents_done": self.documents_done, "created_at": self.created_at.isoformat(),
                "consensus": self.consensus}


def _clean_name(name: str) -> str:
    name = name.strip()
    if not name:
        raise GovCoderError("a coder needs a name")
    if len(name) > 200:
        raise GovCoderError("a coder's name is at most 200 characters")
    return name


def find_coder(session: Session, name: str) -> Coder:
    coder = session.scalar(select(Coder).where(Coder.name == name.strip()))
    if coder is None:
        known = ", ".join(session.scalars(select(Coder.name).order_by(Coder.name))) or "none yet"
        raise GovCoderError(f"no coder named {name.strip()!r} in this project (coders: {known})")
    return coder


def coder_info(session: Session, coder: Coder) -> CoderInfo:
    annotations = session.scalar(select(func.count()).select_from(Annotation)
                                 .where(Annotation.coder_id == coder.id)) or 0
    done = session.scalar(select(func.count()).select_from(DocumentStatus)
                          .where(DocumentStatus.coder_id == coder.id, DocumentStatus.status == "done")) or 0
    return CoderInfo(coder.id, coder.name, annotations, done, coder.created_at, coder.consensus)


def list_coders(session: Session) -> list[CoderInfo]:
    """Every coder by name, with how many annotations they made and documents they marked done."""
    annotations = dict(session.execute(
        select(Annotation.coder_id, func.count()).group_by(Annotation.coder_id)).all())
    done = dict(session.execute(
        select(DocumentStatus.coder_id, func.count()).where(DocumentStatus.status == "done")
        .group_by(DocumentStatus.coder_id)).all())
    return [CoderInfo(c.id, c.name, annotations.get(c.id, 0), done.get(c.id, 0), c.created_at, c.consensus)
            for c in session.scalars(select(Coder).order_by(Coder.name))]


def add_coder(session: Session, name: str) -> CoderInfo:
    name = _clean_name(name)
    if session.scalar(select(Coder.id).where(Coder.name == name)) is not None:
        raise GovCoderError(f"a coder named {name!r} already exists")
    coder = Coder(name=name)
    session.add(coder)
    session.flush()
    return coder_info(session, coder)


def rename_coder(session: Session, old: str, new: str) -> CoderInfo:
    """Rename a coder; their annotations, memos and statuses follow (they refer to the coder's id)."""
    coder = find_coder(session, old)
    new = _clean_name(new)
    if new != coder.name and session.scalar(select(Coder.id).where(Coder.name == new)) is not None:
        raise GovCoderError(f"a coder named {new!r} already exists: choose another name")
    coder.name = new
    session.flush()
    return coder_info(session, coder)


def remove_coder(session: Session, name: str) -> None:
    """Remove a coder who has done nothing yet (the undo of adding one); anyone with annotations,
    memos, statuses or assigned documents stays, so that no work loses its author."""
    from desktop_app.core.store.models import DocumentAssignment, Memo

    coder = find_coder(session, name)
    for table in (Annotation, DocumentStatus, Memo, DocumentAssignment):
        if session.scalar(select(func.count()).select_from(table).where(table.coder_id == coder.id)):
            raise GovCoderError(f"{coder.name} has work in this project (annotations, memos, statuses or "
                                "assigned documents): a coder with work is kept")
    session.delete(coder)
    session.flush()
