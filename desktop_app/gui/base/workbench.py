"""The workbench: the open project, the coder, the current document and its annotations, and the undo
stack. Commands change the database through the core and report here; views listen to the signals and
update only what changed.

Every write of the window goes through `run_write` and `transaction`: a change is acknowledged only
once committed to the file the window opened (checked before the transaction and again before the
commit), then checkpointed into the main file (just after the window has repainted: a checkpoint
syncs the disk, several milliseconds) so that a copy of the main file alone is complete. A failed write
becomes a `SaveFailed` in words; while another program holds the write lock, the window waits in short
steps with a message instead of freezing for SQLite's ten seconds.
"""

from __future__ import annotations

import contextlib
import time
from contextlib import contextmanager

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QColor, QUndoStack
from sqlalchemy import text

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
from desktop_app.core.store import db_errors
from desktop_app.core.store.engine import SQLITE_BUSY_TIMEOUT_MS, is_sqlite
from desktop_app.core.store.file_guard import DELETED, MOVED, REPLACED, ProjectFileGone
from desktop_app.core.store.project import Project, hide_password
from desktop_app.core.store.wal import checkpoint

# How long one attempt of the window's own writes waits for another writer's lock; between attempts
# the window says that it is waiting. WRITE_PATIENCE_S is how long it waits in all before giving up.
LOCK_WAIT_MS = 250
WRITE_PATIENCE_S = 5.0


class SaveFailed(GovCoderError):
    """A change that was not saved, said in words (translated)."""


class _Busy(SaveFailed):
    """Another connection holds the write lock: the change rolled back and may be tried again."""


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
    waiting = Signal(str)  # a write waits for another program ("" when it no longer does)
    projectLost = Signal(str)  # the project file was moved, deleted or replaced: nothing more is saved
    codersChanged = Signal(str, str)  # old name, new name ("" old: added; "" new: removed)  # noqa: N815
    blindChanged = Signal(bool)  # noqa: N815

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
        self.last_write_failed = False  # the most recent write was not saved
        self.lost: str | None = None  # why nothing more can be saved, once the project file is gone
        self.write_patience = WRITE_PATIENCE_S
        self._checkpoint_timer = QTimer(self)
        self._checkpoint_timer.setSingleShot(True)
        self._checkpoint_timer.setInterval(0)  # after what the commit repaints; a burst shares one
        self._checkpoint_timer.timeout.connect(self.checkpoint_now)
        self.reload_codes()

    # --- writing ------------------------------------------------------------------------------

    def run_write(self, step) -> None:
        """Run one step of a command (its transaction and the reports after it). While another program
        holds the write lock the step is tried again, the window saying so, for up to write_patience
        seconds; then, or on any other failure, SaveFailed."""
        give_up = None
        try:
            while True:
                try:
                    step()
                    return
                except _Busy as busy:
                    now = time.monotonic()
                    if give_up is None:
                        give_up = now + self.write_patience
                        self.waiting.emit(self.tr("Waiting for another program to finish writing to the "
                                                  "project…"))
                    if now >= give_up:
                        raise SaveFailed(str(busy)) from None
                    time.sleep(0.02)  # a snapshot conflict fails at once: do not spin
        finally:
            if give_up is not None:
                self.waiting.emit("")

    @contextmanager
    def transaction(self):
        """One committed transaction per user action: when it returns, the work is in the project file
        the window opened. Any failure is raised as SaveFailed, in words, and nothing was saved."""
        self._check_in_place()
        sqlite = is_sqlite(self.project.url)
        try:
            with self.project.session_factory() as session, session.begin():
                connection = session.connection()
                if sqlite:
                    # Set on the connection, not the transaction: put back before the connection goes
                    # back to the pool, where imports and other long work expect the long wait.
                    driver = connection.connection.driver_connection
                    driver.execute(f"PRAGMA busy_timeout={LOCK_WAIT_MS}")
                else:
                    session.execute(text(f"SET LOCAL lock_timeout = {LOCK_WAIT_MS}"))
                try:
                    yield session
                    session.flush()  # take the write lock (or fail) while the short wait holds
                finally:
                    if sqlite:
                        with contextlib.suppress(Exception):
                            driver.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
                self._check_in_place()  # a rename during the transaction: roll back, say so
        except GovCoderError:
            raise
        except Exception as error:
            if not db_errors.is_database_error(error) and not isinstance(error, OSError):
                raise
            self.last_write_failed = True
            if db_errors.database_error_kind(error) == db_errors.LOCKED:
                raise _Busy(self._not_saved(error)) from None
            raise SaveFailed(self._not_saved(error)) from None
        self.last_write_failed = False
        if sqlite:
            self._checkpoint_timer.start()

    @property
    def checkpoint_pending(self) -> bool:
        return self._checkpoint_timer.isActive()

    def checkpoint_now(self) -> None:
        """Copy the committed work into the main project file (best effort: it is committed anyway)."""
        self._checkpoint_timer.stop()
        try:
            self.project.check_in_place()
        except ProjectFileGone as gone:
            self._note_gone(gone)  # said at the next edit, which is refused
            return
        with contextlib.suppress(Exception):
            checkpoint(self.project.engine)

    def _check_in_place(self) -> None:
        try:
            self.project.check_in_place()
        except ProjectFileGone as gone:
            self.last_write_failed = True
            raise SaveFailed(self._note_gone(gone)) from None

    def _note_gone(self, gone: ProjectFileGone) -> str:
        if self.lost is None:
            self._checkpoint_timer.stop()
            if gone.how == MOVED:
                self._rescue_into_moved_file()
            self.lost = self._gone_message(gone)
            self.projectLost.emit(self.lost)
        return self.lost

    def _rescue_into_moved_file(self) -> None:
        """A connection opened before the move still writes to the moved file: checkpoint through it,
        so that the moved file holds the last changes too (SQLite itself never checkpoints a moved file
        on close). Only through an idle pooled connection: a new one would create a file at the old path."""
        if getattr(self.project.engine.pool, "checkedin", lambda: 0)() > 0:
            with contextlib.suppress(Exception):
                checkpoint(self.project.engine)

    def _gone_message(self, gone: ProjectFileGone) -> str:
        path = str(gone.path)
        if gone.how == MOVED and gone.now is not None:
            what = self.tr("The project file was moved while it was open.\nIt was at: %1\nIt is now at: %2"
                           ).replace("%1", path).replace("%2", str(gone.now))
        elif gone.how == MOVED:
            what = self.tr("The project file was moved or renamed while it was open.\nIt was at: %1"
                           ).replace("%1", path)
        elif gone.how == DELETED:
            what = self.tr("The project file was deleted while it was open.\nIt was at: %1").replace("%1", path)
        elif gone.how == REPLACED:
            what = self.tr("The project file was replaced by another file while it was open.\nIt is at: %1"
                           ).replace("%1", path)
        else:
            what = self.tr("The project file cannot be reached.\nIt is at: %1").replace("%1", path)
        if gone.how == DELETED:
            then = self.tr("This change was not saved, and no further change will be. Restore the file (from "
                           "the wastebasket or a backup) and open it again.")
        else:
            then = self.tr("This change was not saved, and no further change will be until you open the "
                           "project again from where it is now; the changes made before are in it.")
        return f"{what}\n\n{then}"

    def _not_saved(self, error: BaseException) -> str:
        kind = db_errors.database_error_kind(error)
        words = {
            db_errors.LOCKED: self.tr("Another program (another GovCoder window or a govcoder command) is "
                                      "writing to the project. Try again when it has finished."),
            db_errors.FULL: self.tr("The disk holding the project is full. Free some space and try again."),
            db_errors.READ_ONLY: self.tr("The project cannot be written (a read-only file or folder)."),
            db_errors.DAMAGED: self.tr("The project file is damaged. Work on a copy and restore it from a "
                                       "backup."),
            db_errors.UNREACHABLE: self.tr("The project cannot be reached (a disconnected drive, or a "
                                           "database server that is down)."),
        }.get(kind)
        if words is None:
            words = hide_password(db_errors.describe_database_error(error), self.project.url)
        return self.tr("This change was not saved: %1").replace("%1", words)

    def report_error(self, error: Exception) -> None:
        self.errorRaised.emit(hide_password(str(error), self.project.url))

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

    def assigned(self) -> set[int]:
        """The documents assigned to this coder."""
        from desktop_app.core.annotate.assignment import assigned_documents

        with self.project.session_factory() as session:
            return assigned_documents(session, self.coder)

    def open_document(self, document_id: int) -> DocumentDetail:
        with self.project.session_factory() as session:
            document = get_document(session, document_id)
            annotations = revisions.list_annotations(session, document_id, viewer=self.coder)
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
        if reload_document:
            self.reload_annotations()

    def reload_annotations(self) -> None:
        """The open document's annotations again, as this coder may see them (blind coding: after a
        status or a coder changes, or the blind setting itself)."""
        if self.document is not None:
            with self.project.session_factory() as session:
                annotations = revisions.list_annotations(session, self.document.id, viewer=self.coder)
            self.annotations = {a.id: a for a in annotations}
            self.annotationsReloaded.emit()

    def blind(self) -> bool:
        from desktop_app.core.annotate.blind import blind_mode

        with self.project.session_factory() as session:
            return blind_mode(session)

    def document_edited(self, document_id: int) -> None:
        if self.document is not None and self.document.id == document_id:
            with self.project.session_factory() as session:
                self.document = get_document(session, document_id)
        self.documentEdited.emit(document_id)

    def memo_changed(self, kind: str, target: int, text: str) -> None:
        self.memoChanged.emit(kind, target, text)

    def coders_changed(self, old: str, new: str) -> None:
        """A coder added, removed or renamed; renaming the coder at work renames who codes from now on,
        and the open document's annotations carry the new name."""
        if old and new and self.coder == old:
            self.coder = new
        if old and new:
            self.reload_annotations()
        self.codersChanged.emit(old, new)

    def blind_changed(self, on: bool) -> None:
        self.reload_annotations()
        self.blindChanged.emit(on)

    def status_changed(self, document_id: int, status: str) -> None:
        self.statusChanged.emit(document_id, status)
