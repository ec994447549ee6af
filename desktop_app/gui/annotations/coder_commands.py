"""Undoable edits of the project's coders and of blind coding: add a coder, rename one, turn blind
double-coding on or off. Switching coder is a choice of the window, not an edit, and is not undone."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop_app.core.annotate import blind, coders
from desktop_app.gui.base.undo import WorkbenchCommand

if TYPE_CHECKING:
    from desktop_app.gui.base.workbench import Workbench


class AddCoderCommand(WorkbenchCommand):
    def __init__(self, bench: Workbench, name: str, label: str) -> None:
        super().__init__(label)
        self.bench, self.name = bench, name.strip()

    def apply(self) -> None:
        with self.bench.transaction() as session:
            coders.add_coder(session, self.name)
        self.bench.coders_changed("", self.name)

    def revert(self) -> None:
        with self.bench.transaction() as session:
            coders.remove_coder(session, self.name)
        self.bench.coders_changed(self.name, "")


class RenameCoderCommand(WorkbenchCommand):
    """A rename through the core: the coder's annotations, memos and statuses follow (they refer to the
    coder's id); undo renames back."""

    def __init__(self, bench: Workbench, old: str, new: str, label: str) -> None:
        super().__init__(label)
        self.bench, self.old, self.new = bench, old, new.strip()

    def apply(self) -> None:
        self._rename(self.old, self.new)

    def revert(self) -> None:
        self._rename(self.new, self.old)

    def _rename(self, old: str, new: str) -> None:
        with self.bench.transaction() as session:
            coders.rename_coder(session, old, new)
        self.bench.coders_changed(old, new)


class SetBlindCommand(WorkbenchCommand):
    def __init__(self, bench: Workbench, on: bool, label: str) -> None:
        super().__init__(label)
        self.bench, self.on = bench, on
        self.previous: bool | None = None

    def apply(self) -> None:
        with self.bench.transaction() as session:
            previous = blind.set_blind_mode(session, self.on)
        if self.previous is None:
            self.previous = previous
        self.bench.blind_changed(self.on)

    def revert(self) -> None:
        assert self.previous is not None
        with self.bench.transaction() as session:
            blind.set_blind_mode(session, self.previous)
        self.bench.blind_changed(self.previous)
