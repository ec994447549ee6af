"""The workbench: the open project, the coder, the current document and its annotations, and the undo
stack. Commands change the database through the core and report here; views listen to the signals and
update only what changed."""

from __future__ import annotations

from contextlib import contextmanager

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QColor, QUndoStack

from desktop_app.core.annotate import revisions
from desktop_app.core.annotate.operations import AnnotationInfo
from desktop_app.core.annotate.span_index import Span
from desktop_app.core.codebook.tree import CodeInfo, list_codes
from desktop_app.core.documents.listing import (
    DocumentDetail,
    DocumentSummary,
    get_document,
    list_documents_for,
)
from desktop_app.core.errors import GovCoderError
from desktop_app.core.store.project import Project


def span_of(info: AnnotationInfo) -> Span:
    return Span(info.id, info.start, info.end, info.code_id, info.coder)


class Workbench(QObject):
    annotationAdded = Signal(object)  # AnnotationInfo  # noqa: N815 - Qt naming
    annotationRemoved = Signal(object)  # AnnotationInfo  # noqa: N815
    annotationChanged = Signal(object, object)  # before, after  # noqa: N815
    statusChanged = Signal(int, str)  # noqa: N815
    codesChanged = Signal()  # noqa: N815
    documentOpened = Signal(object)  # DocumentDetail  # noqa: N815
    annotationsReloaded = Signal()  # noqa: N815 - after a codebook edit: paths, codes or rows changed
    errorRaised = Signal(str)  # noqa: N815
    memoChanged = Signal(str, int, str)  # kind, target id, text  # noqa: N815
    documentEdited = Signal(int)  # noqa: N815

    def __init__(self, project: Project, coder: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.coder = coder
        self.undo_stack = QUndoStack(self)
        self.codes: list[CodeInfo] = []
        self.code_by_id: dict[int, CodeInfo] = {}
        self.document: DocumentDetail | None = None
        self.annotations: dict[int, AnnotationInfo] = {}
        self.recent_codes: list[int] = []
        self.reload_codes()

    @contextmanager
    def transaction(self):
        """One committed transaction per user action: when it returns, the work is on disk."""
        with self.project.session_factory.begin() as session:
            yield session

    def report_error(self, error: Exception) -> None:
        self.errorRaised.emit(str(error))

    # --- reading ------------------------------------------------------------------------------

    def reload_codes(self) -> None:
        with self.project.session_factory() as session:
            self.codes = list_codes(session)
        self.code_by_id = {code.id: code for code in self.codes}
        self.codesChanged.emit()

    def colours(self) -> dict[int, QColor]:
        return {code.id: QColor(code.colour) for code in self.codes}

    def documents(self) -> tuple[list[DocumentSummary], dict[int, int], dict[int, str]]:
        """Every document, this coder's annotation counts and statuses."""
        with self.project.session_factory() as session:
            everyone, mine = list_documents_for(session, self.coder)
            statuses = revisions.document_statuses(session, self.coder)
        return everyone, mine, statuses

    def open_document(self, document_id: int) -> DocumentDetail:
        with self.project.session_factory() as session:
            document = get_document(session, document_id)
            annotations = revisions.list_annotations(session, document_id)
        self.document = document
        self.annotations = {a.id: a for a in annotations}
        self.documentOpened.emit(document)
        return document

    def text_of(self, document_id: int, start: int, end: int, limit: int = 0) -> str:
        text = self.document.text[start:end] if self.document and self.document.id == document_id else ""
        return text if not limit or len(text) <= limit else text[: limit - 1] + "…"

    def ordered_annotations(self) -> list[AnnotationInfo]:
        return sorted(self.annotations.values(), key=lambda a: (a.start, -a.end, a.id))

    def note_recent(self, code_id: int) -> None:
        if code_id in self.recent_codes:
            self.recent_codes.remove(code_id)
        self.recent_codes.insert(0, code_id)
        del self.recent_codes[8:]

    def code_label(self, code_id: int) -> str:
        code = self.code_by_id.get(code_id)
        return code.path if code else str(code_id)

    def require_document(self) -> DocumentDetail:
        if self.document is None:
            raise GovCoderError(self.tr("Open a document first."))
        return self.document

    # --- reports from commands ----------------------------------------------------------------

    def _count(self, code_id: int, delta: int) -> None:
        code = self.code_by_id.get(code_id)
        if code is not None:
            from dataclasses import replace

            updated = replace(code, annotations=code.annotations + delta)
            self.code_by_id[code_id] = updated
            self.codes = [updated if c.id == code_id else c for c in self.codes]

    def annotation_added(self, info: AnnotationInfo) -> None:
        self._count(info.code_id, +1)
        if self.document is not None and info.document == self.document.id:
            self.annotations[info.id] = info
        self.annotationAdded.emit(info)

    def annotation_removed(self, info: AnnotationInfo) -> None:
        self._count(info.code_id, -1)
        self.annotations.pop(info.id, None)
        self.annotationRemoved.emit(info)

    def annotation_changed(self, before: AnnotationInfo, after: AnnotationInfo) -> None:
        if before.code_id != after.code_id:
            self._count(before.code_id, -1)
            self._count(after.code_id, +1)
        if self.document is not None and after.document == self.document.id:
            self.annotations[after.id] = after
        self.annotationChanged.emit(before, after)

    def codebook_changed(self, reload_document: bool = True) -> None:
        """After a codebook edit: codes again, and the open document's annotations (their code paths
        change with a rename or move; a delete or merge removes or recodes them)."""
        self.reload_codes()
        if reload_document and self.document is not None:
            with self.project.session_factory() as session:
                annotations = revisions.list_annotations(session, self.document.id)
            self.annotations = {a.id: a for a in annotations}
            self.annotationsReloaded.emit()

    def document_edited(self, document_id: int) -> None:
        if self.document is not None and self.document.id == document_id:
            with self.project.session_factory() as session:
                self.document = get_document(session, document_id)
        self.documentEdited.emit(document_id)

    def memo_changed(self, kind: str, target: int, text: str) -> None:
        self.memoChanged.emit(kind, target, text)

    def status_changed(self, document_id: int, status: str) -> None:
        self.statusChanged.emit(document_id, status)
