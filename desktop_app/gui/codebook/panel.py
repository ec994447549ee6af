"""The codebook dock: the code tree with its filter box."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.gui.codebook.tree_model import CodebookModel


class CodebookPanel(QWidget):
    codeActivated = Signal(int)  # noqa: N815 - double-click or Enter: apply to the selection

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.model = CodebookModel(self)
        self.visible_for = None  # filter text -> ids to show; the window asks the core
        self.visible: frozenset[int] | None = None
        self.filter = QLineEdit(self)
        self.filter.setObjectName("codebookFilter")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._filter)
        self.tree = QTreeView(self)
        self.tree.setObjectName("codebookTree")
        # The tree shows the model itself and filters by hiding rows: a QSortFilterProxyModel in between
        # costs milliseconds per count change, paid on every coding action.
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)  # otherwise every count change re-measures every row
        # DragDrop, not InternalMove: text dragged from the reading view may be dropped on a code too.
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.tree.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.tree.setDragEnabled(True)
        self.tree.setAcceptDrops(True)
        self.tree.setDropIndicatorShown(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):  # fixed: ResizeToContents measures every row on every count change
            self.tree.header().setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            self.tree.header().resizeSection(column, 44)
        self.tree.doubleClicked.connect(self._activated)
        self.tree.installEventFilter(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.filter)
        layout.addWidget(self.tree)

    def retranslate(self) -> None:
        self.filter.setPlaceholderText(self.tr("Filter codes"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 2)

    def _filter(self, text: str) -> None:
        self.visible = self.visible_for(text) if text.strip() and self.visible_for else None
        self._apply_filter()
        if text:
            self.tree.expandAll()

    def _apply_filter(self, parent: QModelIndex | None = None) -> None:
        parent = parent if parent is not None else QModelIndex()
        for row in range(self.model.rowCount(parent)):
            index = self.model.index(row, 0, parent)
            hidden = self.visible is not None and self.model.code_id(index) not in self.visible
            self.tree.setRowHidden(row, parent, hidden)
            self._apply_filter(index)

    def _activated(self, index) -> None:
        code_id = self.model.code_id(index)
        if code_id is not None:
            self.codeActivated.emit(code_id)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802

        if (watched is self.tree and event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):
            self._activated(self.tree.currentIndex())
            return True
        return super().eventFilter(watched, event)

    def current_code(self) -> int | None:
        return self.model.code_id(self.tree.currentIndex())

    def code_at(self, point) -> int | None:
        index = self.tree.indexAt(point)
        return self.model.code_id(index) if index.isValid() else None

    def shown_codes(self) -> list[int]:
        """Codes the tree shows now (for tests and keyboard walks)."""
        return [code_id for code_id, node in self.model.by_id.items()
                if not self.tree.isRowHidden(node.row(), self.model.parent(self.model.index_of(code_id)))]

    def rebuild(self, codes) -> None:
        expanded = {code_id for code_id in self.model.by_id if self.tree.isExpanded(self.model.index_of(code_id))}
        first = not self.model.by_id
        self.model.reset(codes)
        if first:
            self.tree.expandAll()
        else:
            for code_id in expanded:
                self.tree.expand(self.model.index_of(code_id))
        self._apply_filter()
