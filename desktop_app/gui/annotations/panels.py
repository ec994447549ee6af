"""The dock widgets around the reading view: documents, codebook, annotations, memo."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.gui.annotations_model import AnnotationsModel
from desktop_app.gui.codebook_model import CodebookModel
from desktop_app.gui.documents_model import DocumentsFilter, DocumentsModel


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
        layout.addWidget(self.table)

    def retranslate(self) -> None:
        self.filter.setPlaceholderText(self.tr("Filter by title, outlet or date"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 6)

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
        from PySide6.QtCore import QEvent

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


class AnnotationsPanel(QWidget):
    annotationActivated = Signal(int)  # noqa: N815

    def __init__(self, colour_of, parent=None) -> None:
        super().__init__(parent)
        self.model = AnnotationsModel(colour_of, self)
        self.table = QTableView(self)
        self.table.setObjectName("annotationsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().resizeSection(0, 240)  # code paths; never ResizeToContents (5,000 rows)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.clicked.connect(self._clicked)
        self.table.activated.connect(self._clicked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.table)

    def _clicked(self, index) -> None:
        self.annotationActivated.emit(self.model.data(index, Qt.ItemDataRole.UserRole))

    def show_selected(self, annotation_id: int | None) -> None:
        row = self.model.row_of(annotation_id) if annotation_id is not None else -1
        blocked = self.table.selectionModel().blockSignals(True)
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
        else:
            self.table.clearSelection()
        self.table.selectionModel().blockSignals(blocked)


class MemoPanel(QWidget):
    """The memo of the selected annotation, or of a document or code; saving is one undoable step."""

    saveRequested = Signal(str, int, str)  # kind ("annotation", "document", "code"), id, text  # noqa: N815

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.target: tuple[str, int] | None = None
        self._loaded = ""  # the memo as last shown or saved: anything else in the editor is unsaved
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.editor = QPlainTextEdit(self)
        self.editor.setObjectName("memoEditor")
        self.editor.installEventFilter(self)
        self.save = QPushButton(self)
        self.save.setObjectName("memoSave")
        self.save.clicked.connect(self._save)
        from PySide6.QtGui import QKeySequence, QShortcut

        for keys in ("Ctrl+Return", "Ctrl+S"):  # save without leaving the keyboard
            QShortcut(QKeySequence(keys), self.editor, self._save, Qt.ShortcutContext.WidgetShortcut)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.label)
        layout.addWidget(self.editor)
        layout.addLayout(buttons)
        self.show_annotation(None)

    def retranslate(self) -> None:
        self.save.setText(self.tr("Save memo"))
        self.save.setToolTip(self.tr("Ctrl+Enter"))
        self.editor.setPlaceholderText(self.tr("Select an annotation to write its memo."))

    def show_annotation(self, info) -> None:
        if info is None:
            self.show_target(None, None, "", "")
        else:
            self.show_target("annotation", info.id, f"{info.code} · “{info.quote[:40]}”", info.memo)

    def show_target(self, kind: str | None, target: int | None, label: str, text: str) -> None:
        self.flush()
        self.target = (kind, target) if kind is not None and target is not None else None
        self._loaded = text
        self.label.setText(label)
        self.editor.setPlainText(text)
        self.editor.setEnabled(self.target is not None)
        self.save.setEnabled(self.target is not None)

    @property
    def annotation_id(self) -> int | None:
        return self.target[1] if self.target and self.target[0] == "annotation" else None

    def _save(self) -> None:
        if self.target is not None:
            self._loaded = self.editor.toPlainText()
            self.saveRequested.emit(self.target[0], self.target[1], self._loaded)

    def flush(self) -> None:
        """Save what was typed but not yet saved. Called whenever the user moves on (another target, the
        editor losing focus, another document, closing the window): no Save click is needed to keep a memo."""
        if self.target is not None and self.editor.toPlainText() != self._loaded:
            self._save()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if watched is self.editor and event.type() == QEvent.Type.FocusOut:
            self.flush()
        return super().eventFilter(watched, event)
