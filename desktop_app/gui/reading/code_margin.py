"""A margin beside the reading view with one coloured bar per annotation, stacked side by side where
annotations overlap: with the blended fills it keeps nested and overlapping codings distinguishable.

Only the visible blocks are measured, and per block only the spans that touch it (the span index).
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QWidget

LANE = 5  # pixels per bar, gap included
LANES = 6  # bars beyond this many at one place share the last lane


class CodeMargin(QWidget):
    def __init__(self, view) -> None:
        super().__init__(view)
        self.view = view
        self.setObjectName("codeMargin")
        self.bars_drawn = 0  # for tests
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(LANE * LANES + 4, 0)

    def bars(self) -> list[tuple[int, int, int, int]]:
        """(span id, lane, top, bottom) for every bar on screen, in viewport coordinates."""
        view = self.view
        layers = view.layers
        if not len(layers.index):
            return []
        positions = layers.positions
        bars = []
        block = view.firstVisibleBlock()
        offset = view.contentOffset()
        height = view.viewport().height()
        while block.isValid():
            geometry = view.blockBoundingGeometry(block).translated(offset)
            if geometry.top() > height:
                break
            layout = block.layout()
            base = block.position()
            start = positions.from_qt(base)
            end = positions.from_qt(base + block.length() - 1, round_up=True)
            spans = [s for s in layers.index.overlapping(start, end) if layers.visible(s)]
            lanes_end: list[int] = []  # per lane, where its last span ends (greedy interval colouring)
            for span in spans:  # in start order
                lane = next((i for i, edge in enumerate(lanes_end) if edge <= span.start), len(lanes_end))
                if lane == len(lanes_end):
                    lanes_end.append(span.end)
                else:
                    lanes_end[lane] = span.end
                first = layout.lineForTextPosition(max(positions.to_qt(max(span.start, start)) - base, 0))
                last = layout.lineForTextPosition(max(positions.to_qt(min(span.end, end)) - base - 1, 0))
                if not first.isValid() or not last.isValid():
                    continue
                top = int(geometry.top() + first.y())
                bottom = int(geometry.top() + last.y() + last.height())
                bars.append((span.id, min(lane, LANES - 1), top, bottom))
            block = block.next()
        return bars

    def bar_at(self, x: int, y: int) -> int | None:
        """The annotation whose bar is under a point of the margin."""
        for span_id, lane, top, bottom in self.bars():
            if 2 + lane * LANE <= x < 2 + (lane + 1) * LANE and top <= y <= bottom:
                return span_id
        return None

    def mousePressEvent(self, event) -> None:  # noqa: N802
        point = event.position().toPoint()
        span_id = self.bar_at(point.x(), point.y())
        if span_id is not None:  # a click on a bar selects that annotation, however deeply nested
            self.view.select_annotation(span_id)
            self.view.setFocus()

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.fillRect(event.rect(), self.palette().window())
        colours = self.view.layers.colours
        index = self.view.layers.index
        grey = QColor("#808080")
        self.bars_drawn = 0
        for span_id, lane, top, bottom in self.bars():
            span = index.get(span_id)
            colour = QColor(colours.get(span.code_id, grey))
            if span_id == self.view.selected_annotation:
                colour = colour.darker(140)
            painter.fillRect(QRect(2 + lane * LANE, top + 1, LANE - 1, bottom - top - 2), colour)
            self.bars_drawn += 1
        painter.end()
