"""Coded segments: every passage coded with a chosen code across the corpus, grouped by document, with
context; a double-click opens the passage in the reading view."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.analysis.retrieval import coded_segments

ANNOTATION_ROLE = Qt.ItemDataRole.UserRole
DOCUMENT_ROLE = Qt.ItemDataRole.UserRole + 1


class SegmentsPanel(QWidget):
    segmentActivated = Signal(int, int)  # document id, annotation id  # noqa: N815

    def __init__(self, bench, parent=None) -> None:
        super().__init__(parent)
        self.bench = bench
        self.code = QComboBox(self)
        self.code.setObjectName("segmentsCode")
        self.subcodes = QCheckBox(self)
        self.subcodes.setChecked(True)
        self.mine = QCheckBox(self)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("segmentsTree")
        self.tree.setHeaderHidden(True)
        self.tree.setWordWrap(True)
        self.tree.itemActivated.connect(self._activated)
        self.tree.itemDoubleClicked.connect(self._activated)
        for signal in (self.code.currentIndexChanged, self.subcodes.toggled, self.mine.toggled):
            signal.connect(self.refresh)
        options = QHBoxLayout()
        options.addWidget(self.code, 1)
        options.addWidget(self.subcodes)
        options.addWidget(self.mine)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(options)
        layout.addWidget(self.tree)

    def retranslate(self) -> None:
        self.subcodes.setText(self.tr("with sub-codes"))
        self.mine.setText(self.tr("mine only"))
        self.refresh()

    def set_codes(self, codes) -> None:
        current = self.code.currentData()
        blocked = self.code.blockSignals(True)
        self.code.clear()
        for code in codes:
            self.code.addItem(code.path, code.id)
        index = self.code.findData(current)
        self.code.setCurrentIndex(max(index, 0))
        self.code.blockSignals(blocked)
        self.refresh()

    def show_code(self, code_id: int) -> None:
        index = self.code.findData(code_id)
        if index >= 0:
            self.code.setCurrentIndex(index)
        self.refresh()

    def refresh(self) -> None:
        self.tree.clear()
        code_id = self.code.currentData()
        if code_id is None or not self.isVisible():
            return
        with self.bench.project.session_factory() as session:
            segments = coded_segments(session, code_id, with_subcodes=self.subcodes.isChecked(),
                                      coder=self.bench.coder if self.mine.isChecked() else None)
        groups: dict[int, QTreeWidgetItem] = {}
        for segment in segments:
            group = groups.get(segment.document)
            if group is None:
                group = groups[segment.document] = QTreeWidgetItem(self.tree)
                group.setData(0, DOCUMENT_ROLE, segment.document)
                group.setExpanded(True)
            item = QTreeWidgetItem(group)
            item.setText(0, f"…{segment.before}【{segment.quote}】{segment.after}…")
            item.setToolTip(0, "\n".join(filter(None, [segment.code, segment.coder, segment.memo])))
            item.setData(0, ANNOTATION_ROLE, segment.annotation)
            item.setData(0, DOCUMENT_ROLE, segment.document)
        titles = {s.document: s.title for s in segments}
        for document_id, group in groups.items():
            group.setText(0, self.tr("%1 (%2)").replace("%1", titles[document_id])
                          .replace("%2", str(group.childCount())))

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self.refresh()

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        annotation = item.data(0, ANNOTATION_ROLE)
        if annotation is not None:
            self.segmentActivated.emit(item.data(0, DOCUMENT_ROLE), annotation)
