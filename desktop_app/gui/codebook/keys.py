"""Reorganising the codebook from the keyboard: edit (F2), new sub-code (Ins), delete (Del), and moves
up, down, out and in (Ctrl+arrows). Each is the same undoable command the mouse gives."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

from desktop_app.gui.codebook import actions as codebook_actions

if TYPE_CHECKING:
    from desktop_app.gui.base.workbench import Workbench
    from desktop_app.gui.codebook.panel import CodebookPanel


class CodebookKeys(QObject):
    def __init__(self, panel: CodebookPanel, bench: Workbench) -> None:
        super().__init__(panel)
        self.panel, self.bench = panel, bench
        tree = panel.tree

        def action(name, slot, key):
            act = QAction(tree)
            act.setObjectName(name)
            act.setShortcut(QKeySequence(key))
            act.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)  # only while the tree has focus
            act.triggered.connect(slot)
            tree.addAction(act)
            return act

        self.edit = action("codeEdit", self._edit, "F2")
        self.new_sub = action("codeNewSub", self._new_sub, "Ins")
        self.delete = action("codeDelete", self._delete, "Del")
        self.up = action("codeUp", lambda: self.move("up"), "Ctrl+Up")
        self.down = action("codeDown", lambda: self.move("down"), "Ctrl+Down")
        self.out = action("codeOut", lambda: self.move("out"), "Ctrl+Left")
        self.into = action("codeIn", lambda: self.move("in"), "Ctrl+Right")
        self.all = [self.edit, self.new_sub, self.delete, self.up, self.down, self.out, self.into]

    def retranslate(self) -> None:
        self.edit.setText(self.tr("Edit code…"))
        self.new_sub.setText(self.tr("New sub-code…"))
        self.delete.setText(self.tr("Delete code…"))
        self.up.setText(self.tr("Move code up"))
        self.down.setText(self.tr("Move code down"))
        self.out.setText(self.tr("Move code out of its parent"))
        self.into.setText(self.tr("Move code into the code above"))

    def _current(self) -> int | None:
        return self.panel.current_code()

    def _edit(self) -> None:
        if (code_id := self._current()) is not None:
            codebook_actions.edit_dialog(self.panel.window(), self.bench, code_id)

    def _new_sub(self) -> None:
        codebook_actions.new_code_dialog(self.panel.window(), self.bench, self._current())

    def _delete(self) -> None:
        if (code_id := self._current()) is not None:
            codebook_actions.delete_code(self.panel.window(), self.bench, code_id)

    def move(self, direction: str) -> None:
        """Move the current code among its siblings, out to its grandparent, or under the code above."""
        code_id = self._current()
        model = self.panel.model
        node = model.by_id.get(code_id) if code_id is not None else None
        if node is None:
            return
        row, parent = node.row(), node.parent
        parent_id = parent.info.id if parent is not None and parent.info is not None else None
        if direction == "up" and row > 0:
            target = (parent_id, row - 1)
        elif direction == "down" and row < len(parent.children) - 1:
            target = (parent_id, row + 1)
        elif direction == "out" and parent_id is not None:
            grandparent = parent.parent
            target = (grandparent.info.id if grandparent and grandparent.info else None, parent.row() + 1)
        elif direction == "in" and row > 0:
            target = (parent.children[row - 1].info.id, None)
        else:
            return
        codebook_actions.push_move(self.bench, code_id, target[0], -1 if target[1] is None else target[1])
        tree = self.panel.tree
        index = model.index_of(code_id)
        tree.expand(index.parent())
        tree.setCurrentIndex(index)
