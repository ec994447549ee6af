"""The Coders dialog: the project's coders with what each has done; add one, rename one (through the
core, so their work follows), and code as the chosen one. Adding and renaming are undoable edits."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

from desktop_app.core.annotate.coders import list_coders
from desktop_app.gui.annotations.coder_commands import AddCoderCommand, RenameCoderCommand


class CodersDialog(QDialog):
    switchRequested = Signal(str)  # code as this coder from now on  # noqa: N815

    def __init__(self, bench, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("codersDialog")
        self.bench = bench
        self.setWindowTitle(self.tr("Coders"))
        self.list = QListWidget(self)
        self.list.setObjectName("codersList")
        self.name = QLineEdit(self)
        self.name.setObjectName("coderName")
        self.name.setPlaceholderText(self.tr("A name or initials"))
        self.add_button = QPushButton(self.tr("Add"), self)
        self.add_button.setObjectName("addCoder")
        self.rename_button = QPushButton(self.tr("Rename selected"), self)
        self.rename_button.setObjectName("renameCoder")
        self.switch_button = QPushButton(self.tr("Code as selected"), self)
        self.switch_button.setObjectName("switchCoder")
        self.current = QLabel(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.name)
        row.addWidget(self.add_button)
        row.addWidget(self.rename_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.current)
        layout.addWidget(self.list)
        layout.addLayout(row)
        layout.addWidget(self.switch_button)
        layout.addWidget(buttons)
        self.add_button.clicked.connect(self.add)
        self.rename_button.clicked.connect(self.rename)
        self.switch_button.clicked.connect(self.switch)
        self.name.returnPressed.connect(self.add)
        self.list.itemDoubleClicked.connect(lambda _item: self.switch())
        self.list.currentItemChanged.connect(self._selected)
        bench.codersChanged.connect(lambda _old, new: self.refresh(new or None))
        self.refresh()

    def refresh(self, select: str | None = None) -> None:
        select = select or self.selected() or self.bench.coder
        with self.bench.project.session_factory() as session:
            coders = list_coders(session)
        self.list.clear()
        names = {coder.name for coder in coders}
        rows = [(coder.name, coder.annotations, coder.documents_done) for coder in coders]
        if self.bench.coder not in names:  # coding as someone who has not saved anything yet
            rows = sorted([*rows, (self.bench.coder, 0, 0)])
        for name, made, done in rows:
            text = self.tr("%1 — %2 annotations, %3 documents done").replace("%1", name) \
                .replace("%2", str(made)).replace("%3", str(done))
            if name == self.bench.coder:
                text += " " + self.tr("(coding now)")
            item = QListWidgetItem(text, self.list)
            item.setData(Qt.ItemDataRole.UserRole, name)
            if name == select:
                self.list.setCurrentItem(item)
        self.current.setText(self.tr("Coding as: %1").replace("%1", self.bench.coder))

    def selected(self) -> str | None:
        item = self.list.currentItem() if hasattr(self, "list") else None
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _selected(self, current, _previous) -> None:
        enabled = current is not None
        self.rename_button.setEnabled(enabled)
        self.switch_button.setEnabled(enabled)

    def add(self) -> None:
        name = self.name.text().strip()
        if not name:
            return
        self.bench.undo_stack.push(AddCoderCommand(self.bench, name, self.tr("Add coder %1").replace("%1", name)))
        self.name.clear()

    def rename(self) -> None:
        old, new = self.selected(), self.name.text().strip()
        if old is None or not new or new == old:
            return
        self.bench.undo_stack.push(RenameCoderCommand(
            self.bench, old, new, self.tr("Rename coder %1 to %2").replace("%1", old).replace("%2", new)))
        self.name.clear()

    def switch(self) -> None:
        name = self.selected()
        if name is not None and name != self.bench.coder:
            self.switchRequested.emit(name)
            self.refresh(name)
