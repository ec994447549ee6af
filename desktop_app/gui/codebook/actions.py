"""Codebook edits from the GUI: dialogs and drops turned into undoable commands. Each takes the
widget its dialogs belong to and the workbench whose undo stack receives the command."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QInputDialog, QMessageBox

from desktop_app.core.codebook.details import code_details
from desktop_app.gui.codebook.code_dialog import CodeDialog
from desktop_app.gui.codebook.commands import (
    CreateCodeCommand,
    DeleteCodeCommand,
    EditCodeCommand,
    MergeCodeCommand,
    MoveCodeCommand,
)

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from desktop_app.gui.base.workbench import Workbench


def push_create(bench: Workbench, name: str, parent_id: int | None, **fields) -> int | None:
    if parent_id is not None and parent_id not in bench.code_by_id:
        parent_id = None
    command = CreateCodeCommand(bench, QCoreApplication.translate("CodebookOps", "New code %1").replace("%1", name), name, parent_id, **fields)
    bench.undo_stack.push(command)
    return command.created.code_id if command.created is not None else None


def push_move(bench: Workbench, code_id: int, parent_id: int | None, row: int) -> None:
    label = QCoreApplication.translate("CodebookOps", "Move code %1").replace("%1", bench.code_label(code_id))
    bench.undo_stack.push(MoveCodeCommand(bench, label, code_id, parent_id, row if row >= 0 else None))


def edit_dialog(window: QWidget, bench: Workbench, code_id: int) -> None:
    with bench.project.session_factory() as session:
        details = code_details(session, code_id)
    dialog = CodeDialog(window, details, QCoreApplication.translate("CodebookOps", "Edit code %1").replace("%1", details.path))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    changes = dialog.changes()
    if changes:
        bench.undo_stack.push(EditCodeCommand(bench, QCoreApplication.translate("CodebookOps", "Edit code %1").replace("%1", details.path),
                                              code_id, changes))


def new_code_dialog(window: QWidget, bench: Workbench, parent_id: int | None) -> None:
    dialog = CodeDialog(window, None, QCoreApplication.translate("CodebookOps", "New code"))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    values = dialog.values()
    name = values.pop("name")
    values.pop("shortcut")  # the core's create takes no shortcut; set it with an edit afterwards
    guidance = values.pop("guidance")
    push_create(bench, name, parent_id, guidance=guidance, **values)


def delete_code(window: QWidget, bench: Workbench, code_id: int) -> None:
    code = bench.code_by_id[code_id]
    label = QCoreApplication.translate("CodebookOps", "Delete code %1").replace("%1", code.path)
    used = code.annotations
    if not used:
        bench.undo_stack.push(DeleteCodeCommand(bench, label, code_id))
        return
    box = QMessageBox(QMessageBox.Icon.Question, QCoreApplication.translate("CodebookOps", "Delete code"),
                      QCoreApplication.translate("CodebookOps", "%1 is applied %2 times. What should happen to those annotations?")
                      .replace("%1", code.path).replace("%2", str(used)), parent=window)
    delete = box.addButton(QCoreApplication.translate("CodebookOps", "Delete them too"), QMessageBox.ButtonRole.DestructiveRole)
    reassign = box.addButton(QCoreApplication.translate("CodebookOps", "Reassign them…"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    if box.clickedButton() is delete:
        bench.undo_stack.push(DeleteCodeCommand(bench, label, code_id, "delete"))
    elif box.clickedButton() is reassign:
        target = choose_code(window, bench, QCoreApplication.translate("CodebookOps", "Reassign annotations to"), exclude=code_id)
        if target is not None:
            bench.undo_stack.push(DeleteCodeCommand(bench, label, code_id, "reassign", target))


def merge_code(window: QWidget, bench: Workbench, source_id: int) -> None:
    target = choose_code(window, bench, QCoreApplication.translate("CodebookOps", "Merge %1 into").replace("%1", bench.code_label(source_id)), exclude=source_id)
    if target is not None:
        label = QCoreApplication.translate("CodebookOps", "Merge %1 into %2").replace("%1", bench.code_label(source_id)).replace(
            "%2", bench.code_label(target))
        bench.undo_stack.push(MergeCodeCommand(bench, label, source_id, target))


def choose_code(window: QWidget, bench: Workbench, title: str, exclude: int | None = None) -> int | None:
    codes = [c for c in bench.codes if c.id != exclude and c.codable]
    paths = [c.path for c in codes]
    chosen, ok = QInputDialog.getItem(window, title, QCoreApplication.translate("CodebookOps", "Code:"), paths, 0, False)
    return codes[paths.index(chosen)].id if ok and chosen in paths else None
