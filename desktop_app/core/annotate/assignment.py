"""Documents assigned to coders, with an overlap sample coded by two or more of them.

A draw is reproducible: the seed is stored with it (the "assignment" setting, beside the inputs), and
the same seed, coders, overlap and documents give the same assignment. The overlap documents are
either a share of all documents, sampled with the seed, or an explicit list; each goes to
`overlap_coders` coders (all of them by default). The other documents are shuffled with the seed and
dealt one each to the coder with the fewest documents so far, so every document is assigned at least
once and the loads differ by one at most among the single-coded documents.
"""

from __future__ import annotations

import random
import secrets
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from desktop_app.core.annotate.coders import find_coder, get_or_create_coder
from desktop_app.core.errors import GovCoderError
from desktop_app.core.store.models import Coder, Document, DocumentAssignment, Setting

ASSIGNMENT_SETTING = "assignment"


@dataclass(frozen=True)
class Assignment:
    seed: int
    coders: list[str]
    overlap: float | None  # the share asked for, or None for an explicit list
    overlap_coders: int
    overlap_documents: list[int]
    documents: dict[str, list[int]] = field(default_factory=dict)  # coder -> document ids

    def to_json(self) -> dict[str, Any]:
        return {"seed": self.seed, "coders": self.coders, "overlap": self.overlap,
                "overlap_coders": self.overlap_coders, "overlap_documents": self.overlap_documents,
                "documents": self.documents}


def _check(coders: list[str], overlap: float | None, explicit: list[int] | None,
           overlap_coders: int | None) -> int:
    if not coders:
        raise GovCoderError("name at least one coder to assign documents to")
    if len(set(coders)) != len(coders):
        raise GovCoderError("a coder is named twice: name each coder once")
    if overlap is not None and explicit is not None:
        raise GovCoderError("give either an overlap share or a list of overlap documents, not both")
    if overlap is not None and not 0 <= overlap <= 1:
        raise GovCoderError(f"the overlap is a share between 0 and 1 (e.g. 0.2), not {overlap}")
    wanted = len(coders) if overlap_coders is None else overlap_coders
    if (overlap or explicit) and not 2 <= wanted <= len(coders):
        raise GovCoderError(f"overlap documents go to 2 to {len(coders)} coders here, not {wanted}"
                            if len(coders) >= 2 else "an overlap needs at least two coders")
    return wanted


def draw(document_ids: list[int], coders: list[str], *, seed: int, overlap: float | None = None,
         overlap_documents: list[int] | None = None, overlap_coders: int | None = None) -> Assignment:
    """The assignment itself, a pure function of its inputs (no database)."""
    wanted = _check(coders, overlap, overlap_documents, overlap_coders)
    ids = sorted(set(document_ids))
    rng = random.Random(seed)
    if overlap_documents is not None:
        missing = sorted(set(overlap_documents) - set(ids))
        if missing:
            raise GovCoderError(f"no document with id {missing[0]} in this project")
        shared = sorted(set(overlap_documents))
    else:
        shared = sorted(rng.sample(ids, round((overlap or 0) * len(ids))))
    load = {coder: [] for coder in coders}
    order = {coder: n for n, coder in enumerate(coders)}

    def least_loaded(k: int) -> list[str]:
        return sorted(coders, key=lambda c: (len(load[c]), order[c]))[:k]

    for document in shared:
        for coder in least_loaded(wanted):
            load[coder].append(document)
    rest = [document for document in ids if document not in set(shared)]
    rng.shuffle(rest)
    for document in rest:
        load[least_loaded(1)[0]].append(document)
    return Assignment(seed, list(coders), overlap if overlap_documents is None else None, wanted, shared,
                      {coder: sorted(documents) for coder, documents in load.items()})


def assign_documents(session: Session, coders: list[str], *, overlap: float | None = None,
                     overlap_documents: list[int] | None = None, seed: int | None = None,
                     overlap_coders: int | None = None) -> Assignment:
    """Draw an assignment of every document and store it, replacing the previous one."""
    coders = [name.strip() for name in coders if name.strip()]
    seed = secrets.randbelow(2**31) if seed is None else seed
    ids = list(session.scalars(select(Document.id).order_by(Document.id)))
    if not ids:
        raise GovCoderError("this project has no documents to assign: import some first")
    plan = draw(ids, coders, seed=seed, overlap=overlap, overlap_documents=overlap_documents,
                overlap_coders=overlap_coders)
    session.execute(delete(DocumentAssignment))
    coder_ids = {name: get_or_create_coder(session, name).id for name in coders}
    session.add_all(DocumentAssignment(document_id=document, coder_id=coder_ids[name])
                    for name, documents in plan.documents.items() for document in documents)
    setting = session.get(Setting, ASSIGNMENT_SETTING)
    stored = {key: value for key, value in plan.to_json().items() if key != "documents"}
    if setting is None:
        session.add(Setting(key=ASSIGNMENT_SETTING, value=stored))
    else:
        setting.value = stored
    session.flush()
    return plan


@dataclass(frozen=True)
class AssignedDocument:
    document: int
    title: str
    coders: list[str]

    def to_json(self) -> dict[str, Any]:
        return {"document": self.document, "title": self.title, "coders": self.coders}


def list_assignments(session: Session, coder: str | None = None) -> list[AssignedDocument]:
    """The assigned documents in id order with their coders (only `coder`'s documents, if given)."""
    rows = session.execute(
        select(Document.id, Document.title, Coder.name)
        .join(DocumentAssignment, DocumentAssignment.document_id == Document.id)
        .join(Coder, Coder.id == DocumentAssignment.coder_id)
        .order_by(Document.id, Coder.name)).all()
    documents: dict[int, AssignedDocument] = {}
    for document, title, name in rows:
        documents.setdefault(document, AssignedDocument(document, title, [])).coders.append(name)
    if coder is not None:
        find_coder(session, coder)
        return [row for row in documents.values() if coder.strip() in row.coders]
    return list(documents.values())


def assigned_documents(session: Session, coder: str) -> set[int]:
    """The documents assigned to `coder` (none if they are not a coder yet)."""
    return set(session.scalars(
        select(DocumentAssignment.document_id).join(Coder, Coder.id == DocumentAssignment.coder_id)
        .where(Coder.name == coder)))


def stored_assignment(session: Session) -> dict[str, Any] | None:
    """The last draw's seed and inputs, as stored."""
    setting = session.get(Setting, ASSIGNMENT_SETTING)
    return None if setting is None else dict(setting.value)
