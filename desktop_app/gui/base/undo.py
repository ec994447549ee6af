"""The undo stack's command base: every edit in the window is one of these, wrapping one core
operation run in its own committed transaction.

A core operation that refuses (GovCoderError) leaves the database untouched, and so does a write that
fails (the workbench turns a database error into SaveFailed, a GovCoderError); the command then marks
itself obsolete so that the undo stack does not record a step that never happened.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from desktop_app.core.errors import GovCoderError

if TYPE_CHECKING:
    from desktop_app.gui.base.workbench import Workbench


class WorkbenchCommand(QUndoCommand):
    """Runs its step through the workbench (which waits out another writer's lock and words a failed
    write); a refused or failed step is marked obsolete (QUndoStack then drops it) and the error is
    handed to the workbench to show."""

    bench: Workbench

    def redo(self) -> None:
        self._attempt(self.apply)

    def undo(self) -> None:
        self._attempt(self.revert)

    def _attempt(self, step) -> None:
        try:
            self.bench.run_write(step)
        except GovCoderError as error:
            self.setObsolete(True)
            self.bench.report_error(error)

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError
