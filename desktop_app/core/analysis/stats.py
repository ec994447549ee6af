"""Project-wide counts."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop_app.core.store.models import Annotation, Code, Coder, Document


@dataclass(frozen=True)
class ProjectStats:
    documents: int
    codes: int
    annotations: int
    coders: int

    def to_json(self) -> dict[str, int]:
        return asdict(self)


def project_stats(session: Session) -> ProjectStats:
    def count(model) -> int:
        return session.scalar(select(func.count()).select_from(model)) or 0

    return ProjectStats(count(Document), count(Code), count(Annotation), count(Coder))
