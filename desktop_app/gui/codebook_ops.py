"""Undoable codebook edits from the GUI, wrapping the core codebook operations.

This adapter is the only GUI module that calls desktop_app.core.codebook.operations, so that its
interface is matched in one place.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from desktop_app.core.errors import GovCoderError

if TYPE_CHECKING:
    from desktop_app.gui.main_window import MainWindow
    from desktop_app.gui.workbench import Workbench


def tr(text: str) -> str:
    return QCoreApplication.translate("CodebookOps", text)


def _operations():
    try:
        from desktop_app.core.codebook import operations
    except ImportError:
        raise GovCoderError(tr("Editing the codebook is not available in this build.")) from None
    return operations


def push_create(bench: Workbench, name: str, parent_id: int | None) -> int | None:
    try:
        _operations()
    except GovCoderError as error:
        bench.report_error(error)
        return None
    return None


def push_move(bench: Workbench, code_id: int, parent_id: int | None, row: int) -> None:
    try:
        _operations()
    except GovCoderError as error:
        bench.report_error(error)


def edit_dialog(window: MainWindow, code_id: int) -> None:
    try:
        _operations()
    except GovCoderError as error:
        window.bench.report_error(error)


def new_code_dialog(window: MainWindow, parent_id: int | None) -> None:
    try:
        _operations()
    except GovCoderError as error:
        window.bench.report_error(error)
