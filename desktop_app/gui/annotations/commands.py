"""Undoable edits. Each command wraps one core operation run in its own committed transaction, and
tells the workbench what changed so the views update only what is affected.

A core operation that refuses (GovCoderError) leaves the database untouched; the command then marks
itself obsolete so that the undo stack does not record a step that never happened.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from desktop_app.core import document_edits, memos
from desktop_app.core.annotate import edits
from desktop_app.core.annotate.operations import AnnotationInfo, create_annotation
from desktop_app.core.errors import GovCoderError

if TYPE_CHECKING:
    from desktop_app.gui.workbench import Workbench



class WorkbenchCommand(QUndoCommand):
    """Catches a refusal from the core: the failed step is marked obsolete (QUndoStack then drops it)
    and the error is handed to the workbench to show."""

    bench: Workbench

    def redo(self) -> None:
        try:
            self.apply()
        except GovCoderError as error:
            self.setObsolete(True)
            self.bench.report_error(error)

    def undo(self) -> None:
        try:
            self.revert()
        except GovCoderError as error:
            self.setObsolete(True)
            self.bench.report_error(error)

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError


class CreateAnnotationCommand(WorkbenchCommand):
    def __init__(self, bench: Workbench, document_id: int, start: int, end: int, code_id: int,
                 code_label: str, memo: str = "") -> None:
        super().__init__(QCoreApplication.translate("Commands", "Code “%1” as %2").replace("%1", bench.text_of(document_id, start, end, 20))
                         .replace("%2", code_label))
        self.bench, self.document_id, self.start, self.end = bench, document_id, start, end
        self.code_id, self.memo = code_id, memo
        self.coder = bench.coder  # the coder at the time of the edit, whoever is coding when it is redone
        self.created: AnnotationInfo | None = None
        self.deleted: edits.DeletedAnnotation | None = None

    def apply(self) -> None:
        with self.bench.transaction() as session:
            if self.deleted is None:
                self.created = create_annotation(session, self.document_id, self.start, self.end,
                                                 self.code_id, self.coder, self.memo)
            else:  # redo after undo: the same annotation (same id) comes back
                self.created = edits.restore_annotation(session, self.deleted)
        self.bench.annotation_added(self.created)

    def revert(self) -> None:
        assert self.created is not None
        with self.bench.transaction() as session:
            self.deleted = edits.delete_annotation(session, self.created.id)
        self.bench.annotation_removed(self.deleted.info)


class DeleteAnnotationCommand(WorkbenchCommand):
    def __init__(self, bench: Workbench, annotation: AnnotationInfo) -> None:
        super().__init__(QCoreApplication.translate("Commands", "Delete annotation %1").replace("%1", annotation.code))
        self.bench, self.annotation_id = bench, annotation.id
        self.deleted: edits.DeletedAnnotation | None = None

    def apply(self) -> None:
        with self.bench.transaction() as session:
            self.deleted = edits.delete_annotation(session, self.annotation_id)
        self.bench.annotation_removed(self.deleted.info)

    def revert(self) -> None:
        assert self.deleted is not None
        with self.bench.transaction() as session:
            restored = edits.restore_annotation(session, self.deleted)
        self.bench.annotation_added(restored)


class ChangeAnnotationCommand(WorkbenchCommand):
    """Resize, recode or memo: the operation returns before/after, undo applies `before` back."""

    def __init__(self, bench: Workbench, label: str, annotation_id: int, *, span: tuple[int, int] | None = None,
                 code_id: int | None = None, memo: str | None = None) -> None:
        super().__init__(label)
        self.bench, self.annotation_id = bench, annotation_id
        self.span, self.code_id, self.memo = span, code_id, memo
        self.before: AnnotationInfo | None = None

    def _apply(self, span, code_id, memo) -> AnnotationInfo:
        with self.bench.transaction() as session:
            change = None
            if span is not None:
                change = edits.resize_annotation(session, self.annotation_id, *span)
            if code_id is not None:
                change = edits.recode_annotation(session, self.annotation_id, code_id)
            if memo is not None:
                change = edits.set_annotation_memo(session, self.annotation_id, memo)
            assert change is not None
        return change.before, change.after

    def apply(self) -> None:
        before, after = self._apply(self.span, self.code_id, self.memo)
        if self.before is None:
            self.before = before
        self.bench.annotation_changed(before, after)

    def revert(self) -> None:
        b = self.before
        assert b is not None
        before, after = self._apply(
            (b.start, b.end) if self.span is not None else None,
            b.code_id if self.code_id is not None else None,
            b.memo if self.memo is not None else None,
        )
        self.bench.annotation_changed(before, after)


class DocumentStatusCommand(WorkbenchCommand):
    def __init__(self, bench: Workbench, document_id: int, status: str, label: str) -> None:
        super().__init__(label)
        self.bench, self.document_id, self.status = bench, document_id, status
        self.coder = bench.coder
        self.previous: str | None = None

    def apply(self) -> None:
        with self.bench.transaction() as session:
            previous = edits.set_document_status(session, self.document_id, self.coder, self.status)
        if self.previous is None:
            self.previous = previous
        self.bench.status_changed(self.document_id, self.status)

    def revert(self) -> None:
        assert self.previous is not None
        with self.bench.transaction() as session:
            edits.set_document_status(session, self.document_id, self.coder, self.previous)
        self.bench.status_changed(self.document_id, self.previous)


class MemoCommand(WorkbenchCommand):
    """A document's or code's memo (an annotation's memo is a ChangeAnnotationCommand)."""

    def __init__(self, bench: Workbench, kind: str, target: int, text: str, label: str) -> None:
        super().__init__(label)
        self.bench, self.kind, self.target, self.text = bench, kind, target, text
        self.coder = bench.coder
        self.before: str | None = None

    def apply(self) -> None:
        with self.bench.transaction() as session:
            change = memos.set_memo(session, self.kind, self.target, self.text, self.coder)
        self.before = change.before
        self.bench.memo_changed(self.kind, self.target, self.text)

    def revert(self) -> None:
        with self.bench.transaction() as session:
            memos.set_memo(session, self.kind, self.target, self.before, self.coder)
        self.bench.memo_changed(self.kind, self.target, self.before or "")


class EditDocumentCommand(WorkbenchCommand):
    """A document's details (title, outlet, date, authors, address); undo writes the old values back."""

    def __init__(self, bench: Workbench, document_id: int, changes: dict, label: str) -> None:
        super().__init__(label)
        self.bench, self.document_id, self.changes = bench, document_id, changes
        self.old: dict | None = None

    def apply(self) -> None:
        with self.bench.transaction() as session:
            edit = document_edits.edit_document(session, self.document_id, **self.changes)
        if self.old is None:
            self.old = edit.old
        self.bench.document_edited(self.document_id)

    def revert(self) -> None:
        assert self.old is not None
        with self.bench.transaction() as session:
            document_edits.edit_document(session, self.document_id, **self.old)
        self.bench.document_edited(self.document_id)
