"""Reshaping the tree: move (reparent or reorder), merge one code into another, delete.

Each returns what changed as plain data; `undo_move`, `undo_merge` and `undo_delete` reverse them
exactly (same ids, GUIDs, positions, annotations and memos). No operation leaves an annotation without
its code: delete refuses while annotations use the code unless the caller chooses what happens to them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop_app.core.codebook.names import claimed_among_siblings, ensure_free_among_siblings
from desktop_app.core.codebook.recoding import Recoded, recode_annotations, undo_recode
from desktop_app.core.codebook.siblings import (
    descendant_ids,
    get_code,
    insert_at,
    renumber,
    sibling_ids,
)
from desktop_app.core.codebook.snapshot import RowState, capture, restore_codes, restore_rows
from desktop_app.core.codebook.tree import code_paths
from desktop_app.core.errors import GovCoderError
from desktop_app.core.store.models import Annotation, Code, Memo

AnnotationChoice = Literal["refuse", "delete", "reassign"]


@dataclass(frozen=True)
class CodeMoved:
    code_id: int
    old_parent_id: int | None
    old_index: int
    new_parent_id: int | None
    new_index: int
    old_path: str
    new_path: str


@dataclass(frozen=True)
class CodesMerged:
    source: RowState  # the merged code as it was
    source_index: int
    target_id: int
    target_path: str
    target_children_before: list[int]
    moved_children: list[int]  # the source's children, in their old order, now under the target
    moved_memos: list[tuple[int, int, datetime]]  # (memo id, old code id, old updated_at)
    recoded: Recoded

    @property
    def annotations_moved(self) -> int:
        return len(self.recoded.moved)

    @property
    def duplicates_collapsed(self) -> int:
        return len(self.recoded.collapsed)


@dataclass(frozen=True)
class CodeDeleted:
    code_id: int
    path: str
    parent_id: int | None
    index: int
    codes: list[RowState]  # the code and everything under it, parents first
    annotations_deleted: list[RowState] = field(default_factory=list)
    memos: list[RowState] = field(default_factory=list)  # memos on the deleted codes (removed)
    moved_memos: list[tuple[int, int, datetime]] = field(default_factory=list)  # to the reassignment target
    recoded: Recoded | None = None  # annotations reassigned to another code


# --- move ----------------------------------------------------------------------------------------


def move_code(session: Session, code_id: int, new_parent_id: int | None, index: int | None = None) -> CodeMoved:
    """Put a code under `new_parent_id` (None: top level) at `index` among its new siblings (None: last).
    Moving within the same parent reorders."""
    code = get_code(session, code_id)
    paths = code_paths(session)
    if new_parent_id is not None:
        get_code(session, new_parent_id)
        if new_parent_id in descendant_ids(session, code_id):
            raise GovCoderError(f"cannot move {paths[code_id]} under itself or one of its own codes")
    old_parent_id = code.parent_id
    old_index = sibling_ids(session, old_parent_id).index(code_id)
    if new_parent_id != old_parent_id:
        ensure_free_among_siblings(session, new_parent_id, code.name)
        code.parent_id = new_parent_id
        with claimed_among_siblings(new_parent_id, code.name):
            session.flush()
        renumber(session, sibling_ids(session, old_parent_id))
    new_index = insert_at(session, new_parent_id, code_id, index)
    return CodeMoved(code_id, old_parent_id, old_index, new_parent_id, new_index, paths[code_id],
                     code_paths(session)[code_id])


def undo_move(session: Session, moved: CodeMoved) -> CodeMoved:
    return move_code(session, moved.code_id, moved.old_parent_id, moved.old_index)


# --- merge ---------------------------------------------------------------------------------------


def merge_codes(session: Session, source_id: int, target_id: int) -> CodesMerged:
    """Merge `source` into `target`: its annotations, memos and sub-codes move to the target, exact
    duplicate annotations collapse into one, and the source code disappears."""
    source, target = get_code(session, source_id), get_code(session, target_id)
    paths = code_paths(session)
    if source_id == target_id:
        raise GovCoderError("a code cannot be merged into itself")
    if target_id in descendant_ids(session, source_id):
        raise GovCoderError(f"cannot merge {paths[source_id]} into one of its own codes")
    used = _annotation_count(session, [source_id])
    if used and not target.codable:
        raise GovCoderError(f"{paths[target_id]} is a category and cannot take {paths[source_id]}'s {used} "
                            "annotations; make it codable first")
    children = sibling_ids(session, source_id)
    target_names = {c.name for c in session.scalars(select(Code).where(Code.parent_id == target_id))}
    clash = [session.get(Code, c).name for c in children if session.get(Code, c).name in target_names]
    if clash:
        raise GovCoderError(f"both codes have a sub-code named {clash[0]!r}; merge or rename those first")
    state = capture(source)
    source_index = sibling_ids(session, source.parent_id).index(source_id)
    target_children_before = sibling_ids(session, target_id)

    recoded = recode_annotations(session, [source_id], target_id)
    moved_memos = _move_memos(session, [source_id], target_id)
    for child_id in children:
        session.get(Code, child_id).parent_id = target_id
    session.flush()
    renumber(session, target_children_before + children)
    parent_id = source.parent_id
    session.delete(source)
    session.flush()
    renumber(session, sibling_ids(session, parent_id))
    return CodesMerged(state, source_index, target_id, code_paths(session)[target_id], target_children_before,
                       children, moved_memos, recoded)


def undo_merge(session: Session, merged: CodesMerged) -> None:
    restore_codes(session, [merged.source])
    source_id = merged.source.id
    insert_at(session, merged.source.values["parent_id"], source_id, merged.source_index)
    for child_id in merged.moved_children:
        session.get(Code, child_id).parent_id = source_id
    session.flush()
    renumber(session, merged.moved_children)
    renumber(session, merged.target_children_before)
    _put_memos_back(session, merged.moved_memos)
    undo_recode(session, merged.recoded)


# --- delete --------------------------------------------------------------------------------------


def delete_code(
    session: Session,
    code_id: int,
    annotations: AnnotationChoice = "refuse",
    reassign_to: int | None = None,
) -> CodeDeleted:
    """Delete a code and its sub-codes. While annotations use them this is refused, unless the caller
    chooses `annotations="delete"` (they go too) or `"reassign"` (they move to `reassign_to`, exact
    duplicates collapsing, and the codes' memos move with them)."""
    code = get_code(session, code_id)
    paths = code_paths(session)
    subtree = descendant_ids(session, code_id)
    used = _annotation_count(session, subtree)
    if annotations not in ("refuse", "delete", "reassign"):
        raise GovCoderError(f"unknown choice for annotations: {annotations!r}")
    if annotations == "reassign":
        if reassign_to is None:
            raise GovCoderError("choose the code that should receive the annotations")
        target = get_code(session, reassign_to)
        if reassign_to in subtree:
            raise GovCoderError(f"cannot reassign annotations to {paths[reassign_to]}: it is being deleted")
        if used and not target.codable:
            raise GovCoderError(f"{paths[reassign_to]} is a category and cannot receive annotations")
    elif used and annotations == "refuse":
        what = paths[code_id] if len(subtree) == 1 else f"{paths[code_id]} (with its sub-codes)"
        raise GovCoderError(f"{what} is applied {used} times: choose to delete those annotations or "
                            "reassign them to another code")
    states = [capture(session.get(Code, i)) for i in subtree]
    parent_id, index = code.parent_id, sibling_ids(session, code.parent_id).index(code_id)

    recoded, moved_memos, deleted, memos = None, [], [], []
    if annotations == "reassign" and reassign_to is not None:
        recoded = recode_annotations(session, subtree, reassign_to)
        moved_memos = _move_memos(session, subtree, reassign_to)
    else:
        for annotation in session.scalars(select(Annotation).where(Annotation.code_id.in_(subtree))
                                          .order_by(Annotation.id)):
            deleted.append(capture(annotation))
            session.delete(annotation)
    for memo in session.scalars(select(Memo).where(Memo.code_id.in_(subtree)).order_by(Memo.id)):
        memos.append(capture(memo))
        session.delete(memo)
    session.flush()
    for member in reversed(subtree):
        session.delete(session.get(Code, member))
        session.flush()
    renumber(session, sibling_ids(session, parent_id))
    return CodeDeleted(code_id, paths[code_id], parent_id, index, states, deleted, memos, moved_memos, recoded)


def undo_delete(session: Session, deleted: CodeDeleted) -> None:
    restore_codes(session, deleted.codes)
    insert_at(session, deleted.parent_id, deleted.code_id, deleted.index)
    restore_rows(session, Annotation, deleted.annotations_deleted)
    restore_rows(session, Memo, deleted.memos)
    if deleted.recoded is not None:
        _put_memos_back(session, deleted.moved_memos)
        undo_recode(session, deleted.recoded)


# --- helpers -------------------------------------------------------------------------------------


def _annotation_count(session: Session, code_ids: list[int]) -> int:
    return session.scalar(select(func.count()).select_from(Annotation).where(Annotation.code_id.in_(code_ids))) or 0


def _move_memos(session: Session, code_ids: list[int], target_id: int) -> list[tuple[int, int, datetime]]:
    moved = []
    for memo in session.scalars(select(Memo).where(Memo.code_id.in_(code_ids)).order_by(Memo.id)):
        moved.append((memo.id, memo.code_id, memo.updated_at))
        memo.code_id = target_id
    session.flush()
    return moved


def _put_memos_back(session: Session, moved: list[tuple[int, int, datetime]]) -> None:
    for memo_id, old_code_id, updated_at in moved:
        memo = session.get(Memo, memo_id)
        memo.code_id, memo.updated_at = old_code_id, updated_at
    session.flush()
