"""Undoable codebook edits, each wrapping a core codebook operation and the record it returns.

Redo after undo restores exactly (same ids) rather than repeating the operation, so that later steps on
the stack that refer to a code by id (an annotation coded with a new code) stay valid.
"""

from __future__ import annotations

from typing import Any

from desktop_app.core.codebook import operations, structure
from desktop_app.gui.base.undo import WorkbenchCommand


class CodebookCommand(WorkbenchCommand):
    def _changed(self) -> None:
        # Codes and the open document's annotations: a rename or move changes their code paths, a
        # delete or merge removes or recodes them.
        self.bench.codebook_changed()


class CreateCodeCommand(WorkbenchCommand):
    def __init__(self, bench, label: str, name: str, parent_id: int | None, **fields: Any) -> None:
        super().__init__(label)
        self.bench, self.name, self.parent_id, self.fields = bench, name, parent_id, fields
        self.created: operations.CodeCreated | None = None
        self.deleted: structure.CodeDeleted | None = None

    def apply(self) -> None:
        with self.bench.transaction() as session:
            if self.deleted is None:
                created = operations.create_code(session, self.name, self.parent_id, **self.fields)
            else:
                structure.undo_delete(session, self.deleted)
        if self.deleted is None:
            self.created = created  # only once committed: the caller reads it to know the code exists
        self.bench.codebook_changed()

    def revert(self) -> None:
        assert self.created is not None
        with self.bench.transaction() as session:
            self.deleted = structure.delete_code(session, self.created.code_id)
        self.bench.codebook_changed()


class EditCodeCommand(CodebookCommand):
    def __init__(self, bench, label: str, code_id: int, changes: dict[str, Any]) -> None:
        super().__init__(label)
        self.bench, self.code_id, self.changes = bench, code_id, changes
        self.edit: operations.CodeEdit | None = None

    def apply(self) -> None:
        with self.bench.transaction() as session:
            edit = operations.edit_fields(session, self.code_id, **self.changes)
        self.edit = self.edit or edit
        self._changed()

    def revert(self) -> None:
        assert self.edit is not None
        with self.bench.transaction() as session:
            operations.edit_fields(session, self.code_id, **self.edit.old)
        self._changed()


class MoveCodeCommand(CodebookCommand):
    def __init__(self, bench, label: str, code_id: int, parent_id: int | None, index: int | None) -> None:
        super().__init__(label)
        self.bench, self.code_id, self.parent_id, self.index = bench, code_id, parent_id, index
        self.moved: structure.CodeMoved | None = None

    def apply(self) -> None:
        with self.bench.transaction() as session:
            self.moved = structure.move_code(session, self.code_id, self.parent_id, self.index)
        self._changed()

    def revert(self) -> None:
        assert self.moved is not None
        with self.bench.transaction() as session:
            structure.undo_move(session, self.moved)
        self._changed()


class DeleteCodeCommand(CodebookCommand):
    def __init__(self, bench, label: str, code_id: int, annotations: str = "refuse",
                 reassign_to: int | None = None) -> None:
        super().__init__(label)
        self.bench, self.code_id, self.annotations, self.reassign_to = bench, code_id, annotations, reassign_to
        self.deleted: structure.CodeDeleted | None = None

    def apply(self) -> None:
        with self.bench.transaction() as session:
            self.deleted = structure.delete_code(session, self.code_id, self.annotations, self.reassign_to)
        self._changed()

    def revert(self) -> None:
        assert self.deleted is not None
        with self.bench.transaction() as session:
            structure.undo_delete(session, self.deleted)
        self._changed()


class MergeCodeCommand(CodebookCommand):
    def __init__(self, bench, label: str, source_id: int, target_id: int) -> None:
        super().__init__(label)
        self.bench, self.source_id, self.target_id = bench, source_id, target_id
        self.merged: structure.CodesMerged | None = None

    def apply(self) -> None:
        with self.bench.transaction() as session:
            self.merged = structure.merge_codes(session, self.source_id, self.target_id)
        self._changed()

    def revert(self) -> None:
        assert self.merged is not None
        with self.bench.transaction() as session:
            structure.undo_merge(session, self.merged)
        self._changed()
