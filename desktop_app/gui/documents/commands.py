"""Undoable edits of a document: its coding status and its details (the text itself never changes)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop_app.core.annotate import revisions
from desktop_app.core.documents import attributes
from desktop_app.gui.base.undo import WorkbenchCommand

if TYPE_CHECKING:
    from desktop_app.gui.base.workbench import Workbench


class DocumentStatusCommand(WorkbenchCommand):
    def __init__(self, bench: Workbench, document_id: int, status: str, label: str) -> None:
        super().__init__(label)
        self.bench, self.document_id, self.status = bench, document_id, status
        self.coder = bench.coder
        self.previous: str | None = None

    def apply(self) -> None:
        with self.bench.transaction() as session:
            previous = revisions.set_document_status(session, self.document_id, self.coder, self.status)
        if self.previous is None:
            self.previous = previous
        self.bench.status_changed(self.document_id, self.status)

    def revert(self) -> None:
        assert self.previous is not None
        with self.bench.transaction() as session:
            revisions.set_document_status(session, self.document_id, self.coder, self.previous)
        self.bench.status_changed(self.document_id, self.previous)


class EditDocumentCommand(WorkbenchCommand):
    """A document's details (title, outlet, date, authors, address); undo writes the old values back."""

    def __init__(self, bench: Workbench, document_id: int, changes: dict, label: str) -> None:
        super().__init__(label)
        self.bench, self.document_id, self.changes = bench, document_id, changes
        self.old: dict | None = None

    def apply(self) -> None:
        with self.bench.transaction() as session:
            edit = attributes.edit_document(session, self.document_id, **self.changes)
        if self.old is None:
            self.old = edit.old
        self.bench.document_edited(self.document_id)

    def revert(self) -> None:
        assert self.old is not None
        with self.bench.transaction() as session:
            attributes.edit_document(session, self.document_id, **self.old)
        self.bench.document_edited(self.document_id)
