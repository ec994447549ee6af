"""Two coders' annotations of the open document side by side: two read-only reading views, each
showing one coder's layer, scrolling together. What the working coder may not see under blind coding
stays hidden here too (the annotations come from the core's blind rule)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog, QGridLayout, QLabel

from desktop_app.core.annotate import revisions
from desktop_app.gui.base.workbench import span_of
from desktop_app.gui.reading.view import ReadingView


class SideBySide(QDialog):
    def __init__(self, bench, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("sideBySide")
        self.bench = bench
        self.setWindowTitle(self.tr("Coders side by side"))
        self.views = (ReadingView(self), ReadingView(self))
        self.choosers = (QComboBox(self), QComboBox(self))
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        layout = QGridLayout(self)
        for column, (chooser, view) in enumerate(zip(self.choosers, self.views, strict=True)):
            chooser.setObjectName(f"sideCoder{column}")
            view.setObjectName(f"sideView{column}")
            view.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
            layout.addWidget(chooser, 0, column)
            layout.addWidget(view, 1, column)
            chooser.currentIndexChanged.connect(lambda _i, c=column: self._show_coder(c))
        layout.addWidget(self.note, 2, 0, 1, 2)
        self._syncing = False
        for this, other in ((0, 1), (1, 0)):
            bar = self.views[this].verticalScrollBar()
            bar.valueChanged.connect(lambda value, o=other: self._follow(o, value))
        self.resize(1200, 800)
        self.load()

    def load(self) -> None:
        """Read the open document again with the annotations the working coder may see."""
        document = self.bench.document
        if document is None:
            self.note.setText(self.tr("Open a document first."))
            return
        with self.bench.project.session_factory() as session:
            annotations = revisions.list_annotations(session, document.id, viewer=self.bench.coder)
        spans = [span_of(a) for a in annotations]
        coders = sorted({a.coder for a in annotations} | {self.bench.coder})
        for view in self.views:
            view.show_document(document.text, spans, self.bench.colours(), document.id)
        for column, chooser in enumerate(self.choosers):
            previous = chooser.currentText()
            blocked = chooser.blockSignals(True)
            chooser.clear()
            chooser.addItems(coders)
            wanted = previous if previous in coders else coders[min(column, len(coders) - 1)]
            chooser.setCurrentText(wanted)
            chooser.blockSignals(blocked)
            self._show_coder(column)
        blinded = len(coders) == 1 and self.bench.blind()
        self.note.setText(self.tr("Blind coding: the other coders' annotations appear once you mark this "
                                  "document done.") if blinded else "")

    def choose(self, left: str, right: str) -> None:
        for chooser, name in zip(self.choosers, (left, right), strict=True):
            chooser.setCurrentText(name)

    def _show_coder(self, column: int) -> None:
        view = self.views[column]
        view.layers.shown_coders = {self.choosers[column].currentText()}
        view.highlighter.rehighlight()

    def _follow(self, other: int, value: int) -> None:
        # The two texts are the same, laid out in views of the same width: the same scroll position
        # shows the same passage.
        if self._syncing:
            return
        self._syncing = True
        try:
            self.views[other].verticalScrollBar().setValue(value)
        finally:
            self._syncing = False
