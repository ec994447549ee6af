"""Drawing stored annotations: a QSyntaxHighlighter reading the document's span index.

Per block the work is proportional to the spans touching it (SpanIndex.overlapping) and formats are
cached per combination of codes, so thousands of annotations cost little more than plain text. Formats
are only ever set through setFormat: editing the document's own formats (mergeCharFormat) would be
slow, would enter the undo history of the document, and would drift from the database.

Overlaps stay distinguishable: the fill blends the colours of every code present and deepens with each
layer, and wherever two or more annotations overlap the innermost code's colour is drawn as an
underline (wavy from three layers on).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from desktop_app.core.annotate.span_index import Span, SpanIndex, elementary_segments
from desktop_app.gui.base.positions import PositionMap


@dataclass
class Layers:
    """What the highlighter draws; the reading view owns it and asks for a rehighlight on change."""

    index: SpanIndex = field(default_factory=SpanIndex)
    positions: PositionMap = field(default_factory=lambda: PositionMap(""))
    colours: dict[int, QColor] = field(default_factory=dict)
    hidden_codes: set[int] = field(default_factory=set)
    shown_coders: set[str] | None = None  # None: everyone's annotations

    def visible(self, span: Span) -> bool:
        if span.code_id in self.hidden_codes:
            return False
        return self.shown_coders is None or span.coder in self.shown_coders


def _mix(colour: QColor, weight: float) -> QColor:
    """`colour` laid over white at `weight` (0..1): a readable solid fill for dark text."""
    return QColor(
        round(255 + (colour.red() - 255) * weight),
        round(255 + (colour.green() - 255) * weight),
        round(255 + (colour.blue() - 255) * weight),
    )


class AnnotationHighlighter(QSyntaxHighlighter):
    def __init__(self, document: QTextDocument, layers: Layers) -> None:
        super().__init__(document)
        self.layers = layers
        self._formats: dict[tuple[int, ...], QTextCharFormat] = {}
        self.blocks_highlighted = 0  # for tests and benchmarks
        self.formats_set = 0
        # Lazy highlighting: Qt runs highlightBlock over the whole document when the text is set, but
        # only blocks in `window` (block numbers around what is on screen) are worth formatting then.
        # The others are remembered as pending and formatted when they scroll into view.
        self.window: tuple[int, int] | None = None  # None: highlight every block
        self.pending: set[int] = set()
        self.lazy = True

    def highlight_pending(self, first: int, last: int) -> None:
        """Format the pending blocks among block numbers [first, last]; called as the view scrolls."""
        if not self.lazy:
            return
        self.window = (first, last)
        todo = sorted(n for n in self.pending if first <= n <= last) if self.pending else []
        document = self.document()
        for number in todo:
            self.pending.discard(number)
            self.rehighlightBlock(document.findBlockByNumber(number))

    def forget_formats(self) -> None:
        """Drop cached formats (after a code's colour changed)."""
        self._formats.clear()

    def _format(self, code_ids: tuple[int, ...]) -> QTextCharFormat:
        cached = self._formats.get(code_ids)
        if cached is not None:
            return cached
        grey = QColor("#808080")
        colours = [self.layers.colours.get(code_id, grey) for code_id in code_ids]
        red = sum(c.red() for c in colours) / len(colours)
        green = sum(c.green() for c in colours) / len(colours)
        blue = sum(c.blue() for c in colours) / len(colours)
        depth = len(code_ids)
        fmt = QTextCharFormat()
        fmt.setBackground(_mix(QColor(round(red), round(green), round(blue)), min(0.3 + 0.15 * (depth - 1), 0.65)))
        if depth >= 2:
            fmt.setUnderlineColor(colours[-1].darker(120))
            fmt.setUnderlineStyle(
                QTextCharFormat.UnderlineStyle.WaveUnderline if depth >= 3
                else QTextCharFormat.UnderlineStyle.SingleUnderline
            )
        self._formats[code_ids] = fmt
        return fmt

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt's name
        self.blocks_highlighted += 1
        layers = self.layers
        if not len(layers.index) or not text:
            return
        block = self.currentBlock()
        window = self.window
        if window is not None:
            number = block.blockNumber()
            if not window[0] <= number <= window[1]:
                self.pending.add(number)
                return
            self.pending.discard(number)
        block_start = block.position()
        positions = layers.positions
        start = positions.from_qt(block_start)
        # block.length() counts UTF-16 units (plus the separator); len(text) counts code points.
        end = positions.from_qt(block_start + block.length() - 1, round_up=True)
        spans = [span for span in layers.index.overlapping(start, end) if layers.visible(span)]
        if not spans:
            return
        to_qt = positions.to_qt
        for left, right, covering in elementary_segments(spans, start, end):
            # Covering spans come outermost first, so the innermost gives the underline colour.
            q_left = to_qt(left)
            self.setFormat(q_left - block_start, to_qt(right) - q_left,
                           self._format(tuple(s.code_id for s in covering)))
            self.formats_set += 1
