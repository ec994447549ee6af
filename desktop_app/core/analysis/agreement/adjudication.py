"""Adjudication: deciding two coders' disagreements into a consensus layer.

The consensus layer is a coder of its own (named "consensus", flagged `Coder.consensus`) that nobody
codes as: its annotations are made only here, as copies of the chosen coder's spans (or an edited
span), so the two coders' own annotations are never touched. Each decision is a row saying which
disagreement, between which coders, who decided, when, which choice and which consensus annotations
it made; undoing one removes those annotations and keeps the row, marked with who undid it and when.

Choices, with A and B the two coders in the order given: "A" or "B" copies that coder's spans of the
passage (overlapping spans of one code merged, as agreement merges them); "both" copies both
coders' spans, merged per code; "neither" records that the passage stays uncoded in the consensus.
With an edited span, the chosen coder's codes (of both coders for "both") are applied to that span
instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.core.analysis.agreement.disagreements import Disagreement, list_disagreements
from desktop_app.core.analysis.agreement.study import merge_overlapping
from desktop_app.core.annotate.coders import find_coder, get_or_create_coder
from desktop_app.core.annotate.operations import check_span
from desktop_app.core.codebook.tree import find_code
from desktop_app.core.errors import GovCoderError
from desktop_app.core.store.models import (
    ADJUDICATION_CHOICES,
    AdjudicationDecision,
    Annotation,
    Coder,
    Document,
    utcnow,
)

CONSENSUS_NAME = "consensus"
CHOICES = ADJUDICATION_CHOICES


@dataclass(frozen=True)
class ConsensusSpan:
    id: int
    code: str
    start: int
    end: int

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "code": self.code, "start": self.start, "end": self.end}


@dataclass(frozen=True)
class DecisionInfo:
    id: int
    disagreement: str
    document: int
    start: int
    end: int
    kind: str
    codes: list[str]
    coders: list[str]  # A, B
    choice: str
    span: tuple[int, int] | None  # the edited span, if the decision edited one
    adjudicator: str
    consensus: str
    annotations: list[ConsensusSpan]  # what the decision put in the consensus layer
    decided_at: datetime | None
    undone_at: datetime | None
    undone_by: str | None

    @property
    def active(self) -> bool:
        return self.undone_at is None

    @property
    def taken(self) -> str:
        """The choice as a person says it: take A, take B, both, neither, edited span."""
        if self.span is not None:
            return "edited span"
        return {"A": "take A", "B": "take B"}.get(self.choice, self.choice)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "disagreement": self.disagreement, "document": self.document,
            "start": self.start, "end": self.end, "kind": self.kind, "codes": self.codes,
            "coders": self.coders, "choice": self.choice, "taken": self.taken,
            "span": list(self.span) if self.span else None, "adjudicator": self.adjudicator,
            "consensus": self.consensus, "annotations": [a.to_json() for a in self.annotations],
            "decided_at": self.decided_at.isoformat() if self.decided_at else None,
            "undone_at": self.undone_at.isoformat() if self.undone_at else None, "undone_by": self.undone_by,
        }


@dataclass(frozen=True)
class UndoneDecision:
    decision: DecisionInfo
    removed: list[ConsensusSpan]  # the consensus annotations the undo deleted


def consensus_coder(session: Session, name: str = CONSENSUS_NAME) -> Coder:
    """The consensus layer's coder, made on first use."""
    coder = session.scalar(select(Coder).where(Coder.name == name))
    if coder is None:
        coder = Coder(name=name, consensus=True)
        session.add(coder)
        session.flush()
    elif not coder.consensus:
        raise GovCoderError(f"a coder named {name!r} codes in this project, so the consensus layer cannot "
                            f"take that name: rename them (govcoder coders rename {name} NEW)")
    return coder


def is_consensus_coder(session: Session, name: str) -> bool:
    return bool(session.scalar(select(Coder.consensus).where(Coder.name == name.strip())))


def _names(session: Session) -> dict[int, str]:
    return dict(session.execute(select(Coder.id, Coder.name)).all())


def _utc(moment: datetime | None) -> datetime | None:
    # SQLite hands back the stored UTC time without its zone.
    return moment.replace(tzinfo=UTC) if moment is not None and moment.tzinfo is None else moment


def _info(row: AdjudicationDecision, names: dict[int, str]) -> DecisionInfo:
    span = (row.span_start, row.span_end) if row.span_start is not None and row.span_end is not None else None
    return DecisionInfo(
        id=row.id, disagreement=row.disagreement, document=row.document_id, start=row.start, end=row.end,
        kind=row.kind, codes=list(row.codes), coders=[names[row.coder_a_id], names[row.coder_b_id]],
        choice=row.choice, span=span, adjudicator=names[row.adjudicator_id], consensus=names[row.consensus_id],
        annotations=[ConsensusSpan(a["id"], a["code"], a["start"], a["end"]) for a in row.annotations],
        decided_at=_utc(row.decided_at), undone_at=_utc(row.undone_at),
        undone_by=names.get(row.undone_by_id) if row.undone_by_id is not None else None,
    )


def _document_of(disagreement_id: str) -> int:
    head = disagreement_id.strip().split("-", 1)[0]
    if not (head.startswith("D") and head[1:].isdigit()):
        raise GovCoderError(f"{disagreement_id!r} is not a disagreement id (they look like D3-120-168-1a2b3c4d: "
                            "list them with govcoder adjudicate --coders A,B --list)")
    return int(head[1:])


def find_disagreement(session: Session, coders: Sequence[str], disagreement_id: str) -> Disagreement:
    """The disagreement of that id between the two coders, as it stands now."""
    document = _document_of(disagreement_id)
    if session.get(Document, document) is None:
        raise GovCoderError(f"no document with id {document} in this project (from {disagreement_id!r})")
    try:
        rows = list_disagreements(session, coders, documents=[document])
    except GovCoderError as error:
        if "no document has been coded" not in str(error):
            raise
        rows = []
    for row in rows:
        if row.id == disagreement_id.strip():
            return row
    raise GovCoderError(f"no disagreement {disagreement_id.strip()!r} between {' and '.join(coders)} now: the "
                        "coders' spans there may have changed; list them again with --list")


def _pair(session: Session, coders: Sequence[str]) -> tuple[Coder, Coder]:
    names = [name.strip() for name in coders if name.strip()]
    if len(names) != 2:
        raise GovCoderError("adjudication decides between exactly two coders: give them as --coders A,B")
    return find_coder(session, names[0]), find_coder(session, names[1])


def _active(session: Session, disagreement_id: str, a: Coder, b: Coder) -> AdjudicationDecision | None:
    for row in session.scalars(select(AdjudicationDecision).where(
            AdjudicationDecision.disagreement == disagreement_id, AdjudicationDecision.undone_at.is_(None))):
        if {row.coder_a_id, row.coder_b_id} == {a.id, b.id}:
            return row
    return None


def _chosen(disagreement: Disagreement, take: str, a: Coder, b: Coder,
            span: tuple[int, int] | None) -> list[tuple[str, int, int]]:
    wanted = {"A": {a.name}, "B": {b.name}, "both": {a.name, b.name}, "neither": set()}[take]
    spans = [s for s in disagreement.spans if s.coder in wanted]
    if span is not None:
        if take == "neither":
            raise GovCoderError("an edited span needs codes to apply: take A, B or both with it, not neither")
        if not spans:
            who = a.name if take == "A" else b.name
            raise GovCoderError(f"{who} coded nothing in this passage, so there is no code to apply to the "
                                "edited span: take the other coder or both")
        return [(code, span[0], span[1]) for code in sorted({s.code for s in spans})]
    chosen = []
    for code in sorted({s.code for s in spans}):
        starts, ends = merge_overlapping([s.start for s in spans if s.code == code],
                                         [s.end for s in spans if s.code == code])
        chosen.extend((code, start, end) for start, end in zip(starts, ends, strict=True))
    return chosen


def decide(session: Session, coders: Sequence[str], disagreement_id: str, take: str, *, adjudicator: str,
           span: tuple[int, int] | None = None, consensus: str = CONSENSUS_NAME) -> DecisionInfo:
    """Decide one disagreement between coders A and B (in that order) into the consensus layer."""
    if take not in CHOICES:
        raise GovCoderError(f"unknown choice {take!r}: take A, B, both or neither")
    a, b = _pair(session, coders)
    disagreement = find_disagreement(session, [a.name, b.name], disagreement_id)
    layer = consensus_coder(session, consensus)
    judge = get_or_create_coder(session, adjudicator)
    if judge.consensus:
        raise GovCoderError("the consensus layer cannot adjudicate itself: decide as a person (--as NAME)")
    earlier = _active(session, disagreement.id, a, b)
    if earlier is not None:
        raise GovCoderError(f"disagreement {disagreement.id} was decided already (decision {earlier.id}): "
                            "undo that decision first to decide it again")
    document = session.get(Document, disagreement.document)
    assert document is not None
    if span is not None:
        check_span(document.text, span[0], span[1])
    made = []
    for code, start, end in _chosen(disagreement, take, a, b, span):
        annotation = Annotation(document=document, code=find_code(session, code), coder=layer,
                                start=start, end=end, quote=document.text[start:end])
        session.add(annotation)
        session.flush()
        made.append({"id": annotation.id, "code": code, "start": start, "end": end})
    row = AdjudicationDecision(
        disagreement=disagreement.id, document_id=disagreement.document, start=disagreement.start,
        end=disagreement.end, kind=disagreement.kind, codes=disagreement.codes, coder_a_id=a.id, coder_b_id=b.id,
        choice=take, span_start=span[0] if span else None, span_end=span[1] if span else None,
        adjudicator_id=judge.id, consensus_id=layer.id, annotations=made,
    )
    session.add(row)
    session.flush()
    return _info(row, _names(session))


def undo_decision(session: Session, decision_id: int, *, by: str) -> UndoneDecision:
    """Take a decision back: its consensus annotations go; its row stays, marked undone by `by`."""
    row = session.get(AdjudicationDecision, decision_id)
    if row is None:
        raise GovCoderError(f"no adjudication decision with id {decision_id} in this project")
    if row.undone_at is not None:
        raise GovCoderError(f"decision {decision_id} was undone already")
    removed = []
    for made in row.annotations:
        annotation = session.get(Annotation, made["id"])
        if annotation is not None and annotation.coder_id == row.consensus_id:
            session.delete(annotation)
            removed.append(ConsensusSpan(made["id"], made["code"], made["start"], made["end"]))
    row.undone_at = utcnow()
    row.undone_by_id = get_or_create_coder(session, by).id
    session.flush()
    return UndoneDecision(_info(row, _names(session)), removed)


def list_decisions(session: Session, *, include_undone: bool = False) -> list[DecisionInfo]:
    """Who decided what and when, oldest first; undone decisions only when asked for."""
    query = select(AdjudicationDecision).order_by(AdjudicationDecision.id)
    if not include_undone:
        query = query.where(AdjudicationDecision.undone_at.is_(None))
    names = _names(session)
    return [_info(row, names) for row in session.scalars(query)]


def active_decisions(session: Session, coders: Sequence[str]) -> dict[str, DecisionInfo]:
    """The standing decisions between these two coders, by disagreement id."""
    a, b = _pair(session, coders)
    names = _names(session)
    rows = session.scalars(select(AdjudicationDecision).where(AdjudicationDecision.undone_at.is_(None)))
    return {row.disagreement: _info(row, names) for row in rows if {row.coder_a_id, row.coder_b_id} == {a.id, b.id}}
