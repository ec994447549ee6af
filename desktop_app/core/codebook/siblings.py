"""Sibling order: positions are kept contiguous (0, 1, 2, ...) among the children of one parent."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.core.codebook.tree import siblings_of
from desktop_app.core.errors import GovCoderError
from desktop_app.core.store.models import Code


def sibling_ids(session: Session, parent_id: int | None) -> list[int]:
    return list(session.scalars(select(Code.id).where(siblings_of(parent_id)).order_by(Code.position, Code.id)))


def renumber(session: Session, ordered_ids: list[int]) -> None:
    for position, code_id in enumerate(ordered_ids):
        code = session.get(Code, code_id)
        if code is not None and code.position != position:
            code.position = position
    session.flush()


def insert_at(session: Session, parent_id: int | None, code_id: int, index: int | None) -> int:
    """Place `code_id` among the children of `parent_id` at `index` (None: last); returns the index used."""
    ids = [i for i in sibling_ids(session, parent_id) if i != code_id]
    index = len(ids) if index is None else max(0, min(index, len(ids)))
    ids.insert(index, code_id)
    renumber(session, ids)
    return index


def get_code(session: Session, code_id: int) -> Code:
    code = session.get(Code, code_id)
    if code is None:
        raise GovCoderError(f"no code with id {code_id} in this project's codebook")
    return code


def descendant_ids(session: Session, code_id: int) -> list[int]:
    """The code and everything under it, parents before children."""
    rows = session.execute(select(Code.id, Code.parent_id).order_by(Code.position, Code.id)).all()
    children: dict[int | None, list[int]] = {}
    for row in rows:
        children.setdefault(row.parent_id, []).append(row.id)
    found, queue = [], [code_id]
    while queue:
        current = queue.pop(0)
        found.append(current)
        queue.extend(children.get(current, []))
    return found
