"""Adjudication decisions in the project file (each with the consensus annotations it made, by GUID): who decided which disagreement how, and when, so that
a JSON export carries the consensus layer's record and an import restores it (once: a decision
already present, same disagreement, adjudicator and time, is not added again)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.core.interchange.model import DecisionData
from desktop_app.core.store.models import AdjudicationDecision, Annotation

FIELDS = ("disagreement", "start", "end", "kind", "codes", "choice", "span_start", "span_end")


def collect_decisions(session: Session, guid_of_doc: dict[int, str], guid_of_coder: dict[int, str]) -> list[DecisionData]:
    """The decisions about exported documents whose coders are all exported."""
    rows = session.scalars(select(AdjudicationDecision).order_by(AdjudicationDecision.id)).all()
    ids = {a["id"] for row in rows for a in (row.annotations or [])}
    guid_of_annotation = dict(session.execute(select(Annotation.id, Annotation.guid)
                                              .where(Annotation.id.in_(ids))).all()) if ids else {}
    out = []
    for row in rows:
        coders = (row.coder_a_id, row.coder_b_id, row.adjudicator_id, row.consensus_id)
        if row.document_id not in guid_of_doc or any(c not in guid_of_coder for c in coders):
            continue
        out.append(DecisionData(
            **{name: getattr(row, name) for name in FIELDS}, document=guid_of_doc[row.document_id],
            coder_a=guid_of_coder[row.coder_a_id], coder_b=guid_of_coder[row.coder_b_id],
            adjudicator=guid_of_coder[row.adjudicator_id], consensus=guid_of_coder[row.consensus_id],
            annotations=[{**{k: v for k, v in a.items() if k != "id"}, "guid": guid_of_annotation[a["id"]]}
                         for a in row.annotations or [] if a["id"] in guid_of_annotation],
            decided_at=row.decided_at, undone_at=row.undone_at,
            undone_by=guid_of_coder.get(row.undone_by_id) if row.undone_by_id else None))
    return out


def load_decisions(session: Session, decisions: list[DecisionData], document_id_of: dict[str, int],
                   coder_id_of: dict[str, int]) -> tuple[int, int]:
    """Add the decisions not yet in the project; returns (added, already present)."""
    present = {(row.disagreement, row.adjudicator_id, row.decided_at.replace(tzinfo=None) if row.decided_at else None)
               for row in session.scalars(select(AdjudicationDecision))}
    wanted = {a["guid"] for decision in decisions for a in decision.annotations}
    annotation_id = dict(session.execute(select(Annotation.guid, Annotation.id)
                                         .where(Annotation.guid.in_(wanted))).all()) if wanted else {}
    added = already = 0
    for d in decisions:
        coders = (d.coder_a, d.coder_b, d.adjudicator, d.consensus)
        if d.document not in document_id_of or any(c not in coder_id_of for c in coders):
            continue
        key = (d.disagreement, coder_id_of[d.adjudicator], d.decided_at.replace(tzinfo=None) if d.decided_at else None)
        if key in present:
            already += 1
            continue
        present.add(key)
        session.add(AdjudicationDecision(
            **{name: getattr(d, name) for name in FIELDS}, document_id=document_id_of[d.document],
            coder_a_id=coder_id_of[d.coder_a], coder_b_id=coder_id_of[d.coder_b],
            adjudicator_id=coder_id_of[d.adjudicator], consensus_id=coder_id_of[d.consensus],
            annotations=[{**{k: v for k, v in a.items() if k != "guid"}, "id": annotation_id[a["guid"]]}
                         for a in d.annotations if a["guid"] in annotation_id],
            decided_at=d.decided_at, undone_at=d.undone_at,
            undone_by_id=coder_id_of.get(d.undone_by) if d.undone_by else None))
        added += 1
    return added, already
