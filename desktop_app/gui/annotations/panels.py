"""The annotations docks: the current document's annotations table and the memo panel."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.gui.annotations.table_model import AnnotationsModel


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
