"""The documents dock: the filterable list of the project's documents."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHeaderView,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.gui.documents.list_model import DocumentsFilter, DocumentsModel


class DocumentsPanel(QWidget):
    documentActivated = Signal(int)  # noqa: N815

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.model = DocumentsModel(self)
        self.proxy = DocumentsFilter(self)
        self.proxy.setSourceModel(self.model)
        self.filter = QLineEdit(self)
        self.filter.setObjectName("documentsFilter")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.assigned_only = QCheckBox(self)
        self.assigned_only.setObjectName("assignedOnly")
        self.assigned_only.toggled.connect(self._apply_assigned)
        self.assigned: set[int] = set()  # this coder's assigned documents, as the window last read them
        self.table = QTableView(self)
        self.table.setObjectName("documentsTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.filter)
        layout.addWidget(self.assigned_only)
        layout.addWidget(self.table)

    def retranslate(self) -> None:
        self.filter.setPlaceholderText(self.tr("Filter by title, outlet or date"))
        self.assigned_only.setText(self.tr("Only my assigned documents"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 6)

    def set_assigned(self, documents: set[int]) -> None:
        self.assigned = set(documents)
        self._apply_assigned()

    def _apply_assigned(self) -> None:
        self.proxy.set_only(self.assigned if self.assigned_only.isChecked() else None)

    def _current_changed(self, current, _previous) -> None:
        if current.isValid():
            self.documentActivated.emit(self.proxy.data(current, Qt.ItemDataRole.UserRole))

    def document_at(self, point) -> int | None:
        index = self.table.indexAt(point)
        return self.proxy.data(index, Qt.ItemDataRole.UserRole) if index.isValid() else None

    def select_document(self, document_id: int) -> None:
        row = self.model.row_of(document_id)
        if row >= 0:
            index = self.proxy.mapFromSource(self.model.index(row, 0))
            blocked = self.table.selectionModel().blockSignals(True)
            self.table.setCurrentIndex(index)
            self.table.selectionModel().blockSignals(blocked)
