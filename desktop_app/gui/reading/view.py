"""The reading view: a read-only QPlainTextEdit that selects by jieba words and shows annotations.

QPlainTextEdit lays out only what is visible, which is what lets a 300,000-character article open at
once. Stored annotations are drawn by the highlighter; the current annotation and search hits are
short-lived layers drawn as ExtraSelections. All offsets leaving this widget are code points.
"""

from __future__ import annotations

from bisect import bisect_left

from PySide6.QtCore import QEvent, QPoint, Qt, Signal
from PySide6.QtGui import QColor, QFont, QMouseEvent, QPainter, QPen, QTextCursor, QTextFormat
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QToolTip

from desktop_app.core.annotate import words
from desktop_app.core.annotate.span_index import Span, SpanIndex
from desktop_app.gui.base.positions import PositionMap
from desktop_app.gui.reading.highlighter import AnnotationHighlighter, Layers

WORDS_OFF, WORDS_SEPARATORS, WORDS_SHADING = "off", "separators", "shading"


class ReadingView(QPlainTextEdit):
    annotationSelected = Signal(object)  # annotation id or None  # noqa: N815 - Qt naming
    deleteRequested = Signal()  # noqa: N815

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("readingView")
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.setMouseTracking(True)
        self.layers = Layers()
        self.highlighter = AnnotationHighlighter(self.document(), self.layers)
        self.text = ""
        self.document_id: int | None = None
        self.boundaries: list[int] | None = None  # None until the segmentation arrives
        self.selected_annotation: int | None = None
        self.describe = lambda span: str(span.id)  # the window supplies code path, coder and memo
        self.word_mode = WORDS_OFF
        self.search_hits: list[tuple[int, int]] = []
        self._press: QPoint | None = None
        self._press_alt = False
        self._last_click: tuple[int, list[int]] | None = None  # (char, candidate ids) for cycling
        self.updateRequest.connect(self._on_update_request)
        from desktop_app.gui.reading.code_margin import CodeMargin

        self.margin = CodeMargin(self)
        self.setViewportMargins(self.margin.sizeHint().width(), 0, 0, 0)
        self._font_size = 14.0
        font = QFont(self.font())
        font.setPointSizeF(self._font_size)
        self.setFont(font)

    # --- content ------------------------------------------------------------------------------

    def show_document(self, text: str, spans: list[Span], colours: dict[int, QColor],
                      document_id: int | None = None) -> None:
        """Show a text with its annotations; the index is in place before the text so each block is
        highlighted once, as it is laid out."""
        self.text = text
        self.document_id = document_id
        self.boundaries = None
        self.selected_annotation = None
        self.search_hits = []
        self._last_click = None
        self.layers.index = SpanIndex(spans)
        self.layers.positions = PositionMap(text)
        self.layers.colours = colours
        self.highlighter.forget_formats()
        self.highlighter.pending.clear()
        self.highlighter.lazy = True
        self.highlighter.window = (0, self._blocks_per_screen() * 2)  # the top of the text is shown first
        self.setPlainText(text)
        self._refresh_extra()
        self._highlight_visible()

    # --- lazy highlighting -------------------------------------------------------------------

    def _blocks_per_screen(self) -> int:
        line = max(self.fontMetrics().lineSpacing(), 1)
        return max(self.viewport().height() // line, 10) + 10

    def _on_update_request(self, rect, dy: int) -> None:
        self._highlight_visible()
        if dy:
            self.margin.scroll(0, dy)
        else:
            self.margin.update(0, rect.y(), self.margin.width(), rect.height())

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        contents = self.contentsRect()
        self.margin.setGeometry(contents.left(), contents.top(), self.margin.sizeHint().width(), contents.height())

    def _highlight_visible(self) -> None:
        """Format what is on screen, plus a screenful either side so that scrolling finds it ready."""
        first = self.firstVisibleBlock().blockNumber()
        margin = self._blocks_per_screen()
        self.highlighter.highlight_pending(max(0, first - margin), first + 2 * margin)

    def highlight_everything(self) -> None:
        """Format every block now (tests and exports of the rendering look at blocks off screen)."""
        self.highlighter.highlight_pending(0, self.document().blockCount())
        self.highlighter.lazy = False
        self.highlighter.window = None

    def set_boundaries(self, boundaries: list[int]) -> None:
        self.boundaries = boundaries
        if self.word_mode != WORDS_OFF:  # only the word display changes; snapping just uses them
            self.viewport().update()

    def set_colours(self, colours: dict[int, QColor]) -> None:
        self.layers.colours = colours
        self.highlighter.forget_formats()
        self.highlighter.rehighlight()

    def rehighlight_span(self, start: int, end: int) -> None:
        """Redraw just the blocks a span touches (coding must not rehighlight a long article)."""
        document = self.document()
        positions = self.layers.positions
        block = document.findBlock(positions.to_qt(start))
        last = document.findBlock(max(positions.to_qt(end) - 1, 0))
        while block.isValid():
            self.highlighter.rehighlightBlock(block)
            if block == last:
                break
            block = block.next()

    def add_span(self, span: Span) -> None:
        self.layers.index.add(span)
        self.rehighlight_span(span.start, span.end)
        self.margin.update()

    def remove_span(self, span_id: int) -> None:
        span = self.layers.index.remove(span_id)
        if span is not None:
            self.rehighlight_span(span.start, span.end)
            self.margin.update()
        if self.selected_annotation == span_id:
            self.select_annotation(None)

    # --- selection in code points -------------------------------------------------------------

    def selected_span(self) -> tuple[int, int] | None:
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        start, end = self.layers.positions.span_from_qt(cursor.selectionStart(), cursor.selectionEnd())
        return (start, end) if end > start else None

    def select_span(self, start: int, end: int) -> None:
        positions = self.layers.positions
        cursor = self.textCursor()
        cursor.setPosition(positions.to_qt(start))
        cursor.setPosition(positions.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def show_passage(self, start: int, end: int) -> None:
        """Bring [start, end) to the middle of the view, the caret at its start, nothing selected (a
        selection would hide the layers drawn there)."""
        cursor = self.textCursor()
        cursor.setPosition(self.layers.positions.to_qt(min(start, end)))
        self.setTextCursor(cursor)
        self.centerCursor()

    def select_annotation(self, annotation_id: int | None, *, scroll: bool = False) -> None:
        self.selected_annotation = annotation_id
        span = self.layers.index.get(annotation_id) if annotation_id is not None else None
        if span is not None and scroll:
            cursor = self.textCursor()
            cursor.setPosition(self.layers.positions.to_qt(span.start))
            self.setTextCursor(cursor)
            self.centerCursor()
        self._refresh_extra()
        self.margin.update()
        self.annotationSelected.emit(annotation_id)

    def set_search_hits(self, hits: list[tuple[int, int]]) -> None:
        self.search_hits = hits
        self._refresh_extra()

    def _refresh_extra(self) -> None:
        extras = []
        positions = self.layers.positions
        for start, end in self.search_hits:
            extra = QTextEdit.ExtraSelection()
            extra.format.setBackground(QColor("#ffe000"))
            extra.cursor = self._cursor(positions.to_qt(start), positions.to_qt(end))
            extras.append(extra)
        span = self.layers.index.get(self.selected_annotation) if self.selected_annotation else None
        if span is not None:
            colour = self.layers.colours.get(span.code_id, QColor("#808080"))
            extra = QTextEdit.ExtraSelection()
            extra.format.setBackground(colour)
            extra.format.setForeground(QColor("white") if colour.lightnessF() < 0.6 else QColor("black"))
            extra.format.setProperty(QTextFormat.Property.FontUnderline, True)
            extra.cursor = self._cursor(positions.to_qt(span.start), positions.to_qt(span.end))
            extras.append(extra)
        self.setExtraSelections(extras)

    def _cursor(self, start: int, end: int) -> QTextCursor:
        cursor = QTextCursor(self.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def createMimeDataFromSelection(self):  # noqa: N802
        """Dragging the selection carries its code-point span, so that dropping it on a code codes it."""
        from PySide6.QtCore import QMimeData

        from desktop_app.gui.base.drag import MIME_SELECTION

        # Qt's own text mime data lists a fixed set of formats, so the span travels in a plain QMimeData.
        data = QMimeData()
        data.setText(self.textCursor().selectedText().replace("\u2029", "\n"))
        span = self.selected_span()
        if span is not None and self.document_id is not None:
            data.setData(MIME_SELECTION, f"{self.document_id}:{span[0]}:{span[1]}".encode())
        return data

    # --- hit testing --------------------------------------------------------------------------

    def char_at(self, point: QPoint) -> int | None:
        """The code point under a viewport point, or None past the end of the text."""
        if not self.text:
            return None
        cursor = self.cursorForPosition(point)
        position = cursor.position()
        rect = self.cursorRect(cursor)
        if point.x() < rect.x() and position > cursor.block().position():
            position -= 1
        char = self.layers.positions.from_qt(position)
        return min(char, len(self.text) - 1)

    def spans_at(self, char: int) -> list[Span]:
        return [span for span in self.layers.index.at(char) if self.layers.visible(span)]

    # --- mouse --------------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position().toPoint()
            self._press_alt = bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        super().mouseReleaseEvent(event)
        if event.button() != Qt.MouseButton.LeftButton or self._press is None:
            return
        press, self._press = self._press, None
        alt = self._press_alt or bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
        span = self.selected_span()
        if span is not None:
            if not alt and self.boundaries:
                self.select_span(*words.snap_outward(self.boundaries, *span))
            self._last_click = None
            return
        if (event.position().toPoint() - press).manhattanLength() <= 3:
            self._click_annotation(event.position().toPoint())

    def _click_annotation(self, point: QPoint) -> None:
        char = self.char_at(point)
        candidates = [span.id for span in self.spans_at(char)] if char is not None else []
        if not candidates:
            self._last_click = None
            if self.selected_annotation is not None:
                self.select_annotation(None)
            return
        # A repeated click on the same spot cycles through the overlapping annotations there.
        if self._last_click and self._last_click[1] == candidates and self.selected_annotation in candidates:
            chosen = candidates[(candidates.index(self.selected_annotation) + 1) % len(candidates)]
        else:
            chosen = candidates[0]
        self._last_click = (char, candidates)
        self.select_annotation(chosen)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        # jieba's word, not Qt's notion of one (Qt treats a run of Chinese as a single word).
        char = self.char_at(event.position().toPoint())
        if char is None or event.button() != Qt.MouseButton.LeftButton:
            return
        self._press = None
        start, end = words.word_at(self.boundaries, char) if self.boundaries else (char, char + 1)
        self.select_span(start, end)

    # --- keyboard -----------------------------------------------------------------------------

    def keyPressEvent(self, event) -> None:  # noqa: N802
        key, modifiers = event.key(), event.modifiers()
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.selected_annotation is not None:
            self.deleteRequested.emit()
            return
        shift_only = modifiers == Qt.KeyboardModifier.ShiftModifier
        if shift_only and key in (Qt.Key.Key_Left, Qt.Key.Key_Right) and self.boundaries:
            self._extend_by_word(forward=key == Qt.Key.Key_Right)
            return
        if key == Qt.Key.Key_Escape and self.selected_annotation is not None:
            self.select_annotation(None)
            return
        super().keyPressEvent(event)

    def _extend_by_word(self, *, forward: bool) -> None:
        positions = self.layers.positions
        cursor = self.textCursor()
        here = positions.from_qt(cursor.position())
        target = (words.next_boundary if forward else words.previous_boundary)(self.boundaries, here)
        cursor.setPosition(positions.to_qt(target), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    # --- hover --------------------------------------------------------------------------------

    def viewportEvent(self, event) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.ToolTip:
            char = self.char_at(event.pos())
            spans = self.spans_at(char) if char is not None else []
            if spans:
                QToolTip.showText(event.globalPos(), "\n".join(self.describe(s) for s in spans), self)
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    # --- zoom, spacing, word display ----------------------------------------------------------

    @property
    def font_size(self) -> float:
        return self._font_size

    def set_font_size(self, size: float) -> None:
        self._font_size = max(8.0, min(40.0, size))
        font = QFont(self.font())
        font.setPointSizeF(self._font_size)
        self.setFont(font)

    def set_word_mode(self, mode: str) -> None:
        self.word_mode = mode
        self.viewport().update()

    def paintEvent(self, event) -> None:  # noqa: N802
        super().paintEvent(event)
        if self.word_mode == WORDS_OFF or not self.boundaries or not self.text:
            return
        # Only the visible words: a cursor at the top-left and bottom-right of the viewport bound them.
        positions = self.layers.positions
        first = positions.from_qt(self.cursorForPosition(QPoint(0, 0)).position())
        last = positions.from_qt(
            self.cursorForPosition(QPoint(self.viewport().width(), self.viewport().height())).position()
        )
        painter = QPainter(self.viewport())
        index = bisect_left(self.boundaries, first)
        start = self.boundaries[index - 1] if index > 0 else 0
        shade = QColor(40, 90, 200, 30)
        painter.setPen(QPen(QColor(120, 120, 120, 200), 1))
        while index < len(self.boundaries) and start <= last:
            end = self.boundaries[index]
            left = self._caret_rect(start)
            right = self._caret_rect(end)
            if self.word_mode == WORDS_SEPARATORS:
                painter.drawLine(right.x(), right.top() + 3, right.x(), right.bottom() - 3)
            elif index % 2 and left.top() == right.top():
                painter.fillRect(left.x(), left.top(), right.x() - left.x(), left.height(), shade)
            start = end
            index += 1
        painter.end()

    def _caret_rect(self, char: int):
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.layers.positions.to_qt(char))
        return self.cursorRect(cursor)
