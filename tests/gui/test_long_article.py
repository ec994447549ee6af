"""A long article with thousands of highlights renders, and keeps rendering.

PySide6 6.12.0 on Python 3.11 loses a reference to None in every QSyntaxHighlighter.setFormat call and
the process dies after enough of them (DESIGN.md); this test makes tens of thousands of calls.
"""

from __future__ import annotations

import random
import sys

from PySide6.QtGui import QTextCharFormat

from desktop_app.core.annotate.coders import get_or_create_coder
from desktop_app.core.codebook.tree import list_codes
from desktop_app.core.store.models import Annotation
from desktop_app.core.store.project import open_project
from tests.gui.conftest import add_document

PARAGRAPH = "坚持党建引领，社区网格员开展矛盾纠纷调解工作，居民议事会推进协商议事𠮷，打造平安东湖😀。"


def long_article(paragraphs: int) -> str:
    return "\n".join(f"{i}、{PARAGRAPH}" for i in range(paragraphs))


def test_thousands_of_overlapping_highlights_render(qtbot, project_path, open_window):
    text = long_article(1500)  # about 75,000 characters in 1,500 blocks
    document_id = add_document(project_path, text, "long")
    rng = random.Random(5)
    with open_project(project_path) as project, project.session_factory.begin() as session:
        codes = [c.id for c in list_codes(session) if c.codable]
        coders = [get_or_create_coder(session, name).id for name in ("tester", "other")]
        rows = []
        for _ in range(4000):
            start = rng.randrange(len(text) - 40)
            end = start + rng.randrange(1, 40)
            rows.append(Annotation(document_id=document_id, code_id=rng.choice(codes), coder_id=rng.choice(coders),
                                   start=start, end=end, quote=text[start:end]))
        session.add_all(rows)
    none_refs = sys.getrefcount(None)
    window = open_window(project_path, document_id)
    view = window.reading
    highlighter = view.highlighter
    document = view.document()
    assert len(view.layers.index) == 4000
    assert highlighter.blocks_highlighted >= document.blockCount()

    # Blocks far below the screen wait until they are scrolled to.
    block = document.findBlockByNumber(1234)
    assert not block.layout().formats() and 1234 in highlighter.pending
    cursor = view.textCursor()
    cursor.setPosition(block.position())
    view.setTextCursor(cursor)
    view.centerCursor()
    qtbot.waitUntil(lambda: bool(document.findBlockByNumber(1234).layout().formats()))
    assert 1234 not in highlighter.pending

    view.highlight_everything()
    for _ in range(6):  # rehighlight repeatedly: enough setFormat calls to kill a broken binding
        highlighter.rehighlight()
    assert highlighter.formats_set > 40_000
    assert sys.getrefcount(None) > none_refs - 10_000

    # A block deep in the article carries the formats of its spans, at UTF-16 positions.
    block = document.findBlockByNumber(1234)
    start = view.layers.positions.from_qt(block.position())
    end = view.layers.positions.from_qt(block.position() + block.length() - 1)
    covered = {i for s in view.layers.index.overlapping(start, end) for i in range(max(s.start, start), min(s.end, end))}
    ranges = block.layout().formats()
    painted = set()
    for r in ranges:
        fmt = QTextCharFormat(r.format)
        assert fmt.background().style() != fmt.background().style().NoBrush
        first = view.layers.positions.from_qt(block.position() + r.start)
        last = view.layers.positions.from_qt(block.position() + r.start + r.length)
        painted.update(range(first, last))
    assert painted == covered
