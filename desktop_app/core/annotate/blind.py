"""Blind double-coding: while the project's "blind" setting is on, a coder sees only their own
annotations in a document until they have marked it done; then everyone's.

This module is the one place that decides it. The window (the open document, the documents list's
"All" count, coded segments) and the CLI's reads that name a --coder ask it. Exports and agreement are
the project lead's and are never blinded: they take no viewer.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from desktop_app.core.store.models import Annotation, Coder, DocumentStatus, Setting

BLIND_SETTING = "blind"


def blind_mode(session: Session) -> bool:
    setting = session.get(Setting, BLIND_SETTING)
    return bool(setting is not None and setting.value)


def set_blind_mode(session: Session, on: bool) -> bool:
    """Turn blind coding on or off for the whole project; returns the previous value."""
    previous = blind_mode(session)
    setting = session.get(Setting, BLIND_SETTING)
    if setting is None:
        session.add(Setting(key=BLIND_SETTING, value=bool(on)))
    else:
        setting.value = bool(on)
    session.flush()
    return previous


@dataclass(frozen=True)
class Blind:
    """What a blinded viewer may see: their own annotations everywhere, everyone's in `done`."""

    viewer: str
    done: frozenset[int]  # the documents the viewer has marked done

    def sees_everyone(self, document_id: int) -> bool:
        return document_id in self.done

    def may_see(self, document_id: int, coder: str) -> bool:
        return coder == self.viewer or document_id in self.done


def blind_for(session: Session, viewer: str | None) -> Blind | None:
    """The viewer's blinds, or None where they see everything (blind mode off, or no viewer: a lead)."""
    if viewer is None or not blind_mode(session):
        return None
    done = session.scalars(
        select(DocumentStatus.document_id).join(Coder, Coder.id == DocumentStatus.coder_id)
        .where(Coder.name == viewer, DocumentStatus.status == "done"))
    return Blind(viewer, frozenset(done))


def visible_coders(session: Session, document_id: int, viewer: str | None) -> frozenset[str] | None:
    """Whose annotations `viewer` may see in a document: None for everyone's, else just their own."""
    blind = blind_for(session, viewer)
    if blind is None or blind.sees_everyone(document_id):
        return None
    return frozenset({viewer})


def visible_clause(session: Session, viewer: str | None):
    """A filter for a query over annotations joined to their coder: the rows `viewer` may see, or None
    for no filter."""
    if blind_for(session, viewer) is None:
        return None
    done = (select(DocumentStatus.document_id).join(Coder, Coder.id == DocumentStatus.coder_id)
            .where(Coder.name == viewer, DocumentStatus.status == "done"))
    return or_(Coder.name == viewer, and_(Annotation.document_id.in_(done)))
