"""Filtering the tree by name, English name or keyword, as the code tree's filter box does."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.core.store.models import Code


@dataclass(frozen=True)
class CodeFilter:
    text: str
    matches: frozenset[int]  # codes whose name, English name or a keyword contains the text
    visible: frozenset[int]  # the matches and their ancestors: what a filtered tree shows


def filter_codes(session: Session, text: str) -> CodeFilter:
    """Case-insensitive substring match; an empty filter matches every code."""
    needle = text.strip().casefold()
    rows = session.execute(select(Code.id, Code.parent_id, Code.name, Code.english, Code.keywords)).all()
    parents = {row.id: row.parent_id for row in rows}
    matches = {
        row.id for row in rows
        if not needle or any(needle in (value or "").casefold()
                             for value in (row.name, row.english, *(row.keywords or [])))
    }
    visible = set()
    for code_id in matches:
        current: int | None = code_id
        while current is not None and current not in visible:
            visible.add(current)
            current = parents[current]
    return CodeFilter(text, frozenset(matches), frozenset(visible))
