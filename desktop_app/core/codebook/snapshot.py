"""Rows captured as plain values, so an operation that removes codes, annotations or memos can be undone
exactly (same ids, same GUIDs, same timestamps)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session

from desktop_app.core.store.models import Annotation, Code, Memo


@dataclass(frozen=True)
class RowState:
    """Every column of one row, by attribute name."""

    values: dict[str, Any]

    @property
    def id(self) -> int:
        return self.values["id"]


def capture(row: Code | Annotation | Memo) -> RowState:
    return RowState({attr.key: getattr(row, attr.key) for attr in inspect(type(row)).column_attrs})


def restore_codes(session: Session, states: list[RowState]) -> None:
    """Re-insert codes (parents before children, as captured). A shortcut taken since is left off."""
    for state in states:
        values = dict(state.values)
        if values.get("shortcut") and session.scalar(select(Code.id).where(Code.shortcut == values["shortcut"])):
            values["shortcut"] = None
        session.add(Code(**values))
        session.flush()


def restore_rows(session: Session, model: type[Annotation] | type[Memo], states: list[RowState]) -> None:
    for state in states:
        session.add(model(**state.values))
    session.flush()
