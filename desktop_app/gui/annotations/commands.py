"""Undoable annotation and memo revisions. Each command tells the workbench what changed so the
views update only what is affected."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from desktop_app.core.annotate import memos, revisions
from desktop_app.core.annotate.operations import AnnotationInfo, create_annotation
from desktop_app.gui.base.undo import WorkbenchCommand

if TYPE_CHECKING:
    from desktop_app.gui.base.workbench import Workbench


class CreateAnnotationCommand(WorkbenchCommand):
    def __init__(self, bench: Workbench, document_id: int, start: int, end: int, code_id: int,
                 code_label: str, memo: str = "") -> None:
        super().__init__(QCoreApplication.translate("Commands", "Code “%1” as %2").replace("%1", bench.text_of(document_id, start, end, 20))
                         .replace("%2", code_label))
        self.bench, self.document_id, self.start, self.end = bench, document_id, start, end
        self.code_id, self.memo = code_id, memo
        self.coder = bench.coder  # the coder at the time of the edit, whoever is coding when it is redone
        self.created: AnnotationInfo | None = None
        self.deleted: revisions.DeletedAnnotation | None = None

    def apply(self) -> None:
        with self.bench.transaction() as session:
            if self.deleted is None:
                created = create_annotation(session, self.document_id, self.start, self.end,
                                            self.code_id, self.coder, self.memo)
            else:  # redo after undo: the same annotation (same id) comes back
                created = revisions.restore_annotation(session, self.deleted)
        self.created = created  # only once committed: the caller reads it to know the coding happened
        self.bench.annotation_added(created)

    def revert(self) -> None:
        assert self.created is not None
        with self.bench.transaction() as session:
            self.deleted = revisions.delete_annotation(session, self.created.id)
        self.bench.annotation_removed(self.deleted.info)


class DeleteAnnotationCommand(WorkbenchCommand):
    def __init__(self, bench: Workbench, annotation: AnnotationInfo) -> None:
        super().__init__(QCoreApplication.translate("Commands", "Delete annotation %1").replace("%1", annotation.code))
        self.bench, self.annotation_id = bench, annotation.id
        self.deleted: revisions.DeletedAnnotation | None = None

    def apply(self) -> None:
        with self.bench.transaction() as session:
            self.deleted = revisions.delete_annotation(session, self.annotation_id)
        self.bench.annotation_removed(self.deleted.info)

    def revert(self) -> None:
        assert self.deleted is not None
        with self.bench.transaction() as session:
            restored = revisions.restore_annotation(session, self.deleted)
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
                change = revisions.resize_annotation(session, self.annotation_id, *span)
            if code_id is not None:
                change = revisions.recode_annotation(session, self.annotation_id, code_id)
            if memo is not None:
                change = revisions.set_annotation_memo(session, self.annotation_id, memo)
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
