"""Find in the document (Ctrl+F): every hit highlighted, across traditional and simplified script."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QLineEdit, QToolBar

from desktop_app.core.analysis.find import find_all, simplified_shadow


class FindBar(QToolBar):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.setObjectName("findBar")
        self.window_ = window
        self.box = QLineEdit(self)
        self.box.setObjectName("findBox")
        self.box.setClearButtonEnabled(True)
        self.box.textChanged.connect(self.find)
        self.addWidget(self.box)
        self.count = QLabel(self)
        self.addWidget(self.count)
        self._shadow: tuple[int, str] | None = None  # (document id, its simplified shadow)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.box)
        escape.activated.connect(self.close_bar)

    def retranslate(self) -> None:
        self.box.setPlaceholderText(self.tr("Find (simplified or traditional)"))

    def open_bar(self) -> None:
        self.show()
        self.box.setFocus()
        self.box.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.window_.reading.set_search_hits([])
        self.window_.reading.setFocus()

    def find(self, query: str) -> None:
        document = self.window_.bench.document
        reading = self.window_.reading
        if document is None:
            return
        if self._shadow is None or self._shadow[0] != document.id:
            self._shadow = (document.id, simplified_shadow(document.text))
        hits = find_all(document.text, query, self._shadow[1])
        reading.set_search_hits(hits)
        self.count.setText(self.tr("%1 found").replace("%1", str(len(hits))) if query else "")
        if hits:
            reading.select_span(*hits[0])
            reading.ensureCursorVisible()

    def step(self, step: int) -> None:
        reading = self.window_.reading
        hits = reading.search_hits
        if not hits:
            self.open_bar()
            return
        here = reading.selected_span() or (-1, -1)
        if step > 0:
            target = next((h for h in hits if h[0] > here[0]), hits[0])
        else:
            target = next((h for h in reversed(hits) if h[0] < here[0]), hits[-1])
        reading.select_span(*target)
        reading.ensureCursorVisible()
