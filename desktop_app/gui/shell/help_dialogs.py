"""Help: the list of keyboard shortcuts (generated from the actions themselves) and About."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QMessageBox, QTableWidget, QTableWidgetItem, QVBoxLayout


def shortcut_rows(window) -> list[tuple[str, str]]:
    """Every action with a key, as the menus name it, and every code's key."""
    rows = []
    for action in window.findChildren(QAction):
        keys = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts())
        if keys and action.text():
            rows.append((action.text().replace("&", ""), keys))
    rows += [(window.tr("Code with %1").replace("%1", c.path), c.shortcut) for c in window.bench.codes
             if c.shortcut and c.codable]
    return sorted(set(rows))


def show_keys(window) -> None:
    dialog = QDialog(window)
    dialog.setWindowTitle(window.tr("Keyboard shortcuts"))
    rows = shortcut_rows(window)
    table = QTableWidget(len(rows), 2, dialog)
    table.setHorizontalHeaderLabels([window.tr("Action"), window.tr("Keys")])
    for row, (name, keys) in enumerate(rows):
        table.setItem(row, 0, QTableWidgetItem(name))
        table.setItem(row, 1, QTableWidgetItem(keys))
    table.resizeColumnsToContents()
    layout = QVBoxLayout(dialog)
    layout.addWidget(table)
    dialog.resize(560, 640)
    dialog.exec()


def about(window) -> None:
    QMessageBox.about(window, window.tr("About GovCoder"),
                      window.tr("GovCoder: qualitative coding of Chinese texts on grassroots governance."))
