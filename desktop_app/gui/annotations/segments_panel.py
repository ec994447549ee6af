"""Coded segments: every passage coded with a chosen code across the corpus, grouped by document, with
context; a double-click opens the passage in the reading view.

The panel does no work while it is not on screen (a dock tabbed away or closed is still "visible" to
Qt, so the dock's visibilityChanged tells it): changes only mark it stale, and it reads the database
again when it is shown. On screen, a coding inserts or removes one row; the list is read a page at a
time as it scrolls, with one query per page.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QTreeView, QVBoxLayout, QWidget

from desktop_app.core.analysis.retrieval import coded_segments, segment_counts, segment_in_text
from desktop_app.core.codebook.siblings import descendant_ids
from desktop_app.gui.annotations.segments_model import ANNOTATION_ROLE, DOCUMENT_ROLE, SegmentsModel

__all__ = ["ANNOTATION_ROLE", "DOCUMENT_ROLE", "SegmentsPanel"]


class SegmentsPanel(QWidget):
    segmentActivated = Signal(int, int)  # document id, annotation id  # noqa: N815

    def __init__(self, bench, parent=None) -> None:
        super().__init__(parent)
        self.bench = bench
        self.on_screen = False
        self.stale = True
        self.refreshes = 0  # reads of the database, for the tests that keep hidden panels idle
        self._codes: frozenset[int] = frozenset()
        self.code = QComboBox(self)
        self.code.setObjectName("segmentsCode")
        self.subcodes = QCheckBox(self)
        self.subcodes.setChecked(True)
        self.mine = QCheckBox(self)
        self.model = SegmentsModel(self)
        self.tree = QTreeView(self)
        self.tree.setObjectName("segmentsTree")
        self.tree.setHeaderHidden(True)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setModel(self.model)
        self.tree.activated.connect(self._activated)
        self.tree.doubleClicked.connect(self._activated)
        self.model.rowsInserted.connect(self._expand_new)
        self.model.modelReset.connect(self.tree.expandAll)
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
        self.model.layoutChanged.emit()  # the document rows' "%1 (%2)" is translated

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
            blocked = self.code.blockSignals(True)
            self.code.setCurrentIndex(index)
            self.code.blockSignals(blocked)
        self.refresh()

    def set_on_screen(self, shown: bool) -> None:
        """Follows the dock's visibilityChanged: off screen, the panel only remembers that it is stale."""
        self.on_screen = shown
        if shown and self.stale:
            self.refresh()

    def refresh(self) -> None:
        if not self.on_screen:
            self.stale = True
            return
        self.stale = False
        self.refreshes += 1
        code_id = self.code.currentData()
        if code_id is None:
            self._codes = frozenset()
            self.model.load(None, None)
            return
        subcodes, coder = self.subcodes.isChecked(), (self.bench.coder if self.mine.isChecked() else None)
        viewer = self.bench.coder  # blind coding: what this coder may see
        factory = self.bench.project.session_factory
        with factory() as session:
            self._codes = frozenset(descendant_ids(session, code_id) if subcodes else [code_id])

        def fetch(offset: int, limit: int):
            with factory() as session:
                return coded_segments(session, code_id, with_subcodes=subcodes, coder=coder, offset=offset, limit=limit,
                                      viewer=viewer)

        def count(documents):
            with factory() as session:
                return segment_counts(session, code_id, with_subcodes=subcodes, coder=coder, documents=documents,
                                      viewer=viewer)

        self.model.load(fetch, count)

    # --- changes the workbench reports ----------------------------------------------------------

    def _relevant(self, info) -> bool:
        return info.code_id in self._codes and (not self.mine.isChecked() or info.coder == self.bench.coder)

    def annotation_added(self, info) -> None:
        if not self.on_screen:
            self.stale = True
            return
        if not self._relevant(info):
            return
        document = self.bench.document
        if document is None or document.id != info.document:
            self.refresh()  # not coded here (an import, an undo elsewhere): read again
            return
        self.model.add(segment_in_text(info, document.title, info.code, document.text))

    def annotation_removed(self, info) -> None:
        if not self.on_screen:
            self.stale = True
        elif self._relevant(info):
            self.model.remove(info.id, info.document)

    def annotation_changed(self, before, after) -> None:
        if not self.on_screen:
            self.stale = True
            return
        self.annotation_removed(before)
        self.annotation_added(after)

    # --- the view -------------------------------------------------------------------------------

    def _expand_new(self, parent, first: int, last: int) -> None:
        if not parent.isValid():
            for row in range(first, last + 1):
                self.tree.expand(self.model.index(row, 0))

    def _activated(self, index) -> None:
        annotation = index.data(ANNOTATION_ROLE)
        if annotation is not None:
            self.segmentActivated.emit(index.data(DOCUMENT_ROLE), annotation)
