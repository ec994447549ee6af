"""Opening a long article in the reading view, against a bare QPlainTextEdit in the same run.

    QT_QPA_PLATFORM=offscreen python bench/bench_open.py [--chars 300000] [--annotations 5000] [--rounds 5]

The article (about 300,000 characters of seed paragraphs, with some 𠮷 and emoji so positions need
converting) carries 5,000 annotations of random codes, lengths and overlaps, stored in a SQLite project.

- baseline: a bare QPlainTextEdit with a minimal QSyntaxHighlighter that paints the same spans from a
  per-block list prepared in advance (one format, no overlaps, no conversions), until painted;
- view: GovCoder's ReadingView given the text and spans, until painted;
- open: the whole user action in the main window: read the document and its annotations from the
  project, build the span index, show, highlight and paint.

Each is the median of several rounds; the target in issue 5 is at most 1.5x the baseline.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat  # noqa: E402
from PySide6.QtWidgets import QApplication, QPlainTextEdit  # noqa: E402

from desktop_app.core.paths import seed_files  # noqa: E402


def long_article(chars: int, seed: int = 1) -> str:
    rng = random.Random(seed)
    paragraphs = [p for path in seed_files() for p in path.read_text(encoding="utf-8").split("\n") if p.strip()]
    out, total = [], 0
    while total < chars:
        paragraph = rng.choice(paragraphs)
        if rng.random() < 0.05:
            paragraph = "𠮷" + paragraph + "😀"
        out.append(paragraph)
        total += len(paragraph) + 1
    return "\n".join(out)[:chars]


def random_spans(text: str, count: int, seed: int = 2) -> list[tuple[int, int]]:
    rng = random.Random(seed)
    spans = []
    for _ in range(count):
        start = rng.randrange(len(text) - 60)
        spans.append((start, start + rng.choice([2, 3, 4, 6, 10, 20, 40])))
    return spans


def build_project(directory: Path, text: str, spans: list[tuple[int, int]]):
    """A project with the default codebook and one long document carrying the spans; returns
    (project path, document id)."""
    from desktop_app.core.annotate.coders import get_or_create_coder
    from desktop_app.core.codebook.tree import list_codes
    from desktop_app.core.projects.new_project import init_project
    from desktop_app.core.store.models import Annotation, Document

    path = directory / "bench.govcoder"
    with init_project(path, sample=False) as project, project.session_factory.begin() as session:
        document = Document(title="long", original_text=text, text=text, script="simplified",
                            content_hash=hashlib.sha256(text.encode()).hexdigest())
        session.add(document)
        session.flush()
        codes = [c.id for c in list_codes(session) if c.codable]
        coder = get_or_create_coder(session, "bench").id
        rng = random.Random(3)
        session.add_all(Annotation(document_id=document.id, code_id=rng.choice(codes), coder_id=coder,
                                   start=a, end=b, quote=text[a:b]) for a, b in spans)
        return path, document.id


class MinimalHighlighter(QSyntaxHighlighter):
    """The least a highlighter can do: spans already cut per block, in UTF-16, one format."""

    def __init__(self, document, per_block):
        super().__init__(document)
        self.per_block = per_block
        self.format = QTextCharFormat()
        self.format.setBackground(QColor("#ffd8a8"))

    def highlightBlock(self, text):  # noqa: N802
        for start, length in self.per_block.get(self.currentBlock().blockNumber(), ()):
            self.setFormat(start, length, self.format)


def per_block_utf16(text: str, spans):
    """Prepared outside the timing: the baseline gets its spans for free."""
    from bisect import bisect_right

    from desktop_app.gui.base.positions import PositionMap

    positions = PositionMap(text)
    starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    per_block: dict[int, list[tuple[int, int]]] = {}
    for a, b in spans:
        block = bisect_right(starts, a) - 1
        while block < len(starts) and starts[block] < b:
            block_start = starts[block]
            block_end = starts[block + 1] - 1 if block + 1 < len(starts) else len(text)
            left, right = max(a, block_start), min(b, block_end)
            if right > left:
                q0 = positions.to_qt(block_start)
                per_block.setdefault(block, []).append((positions.to_qt(left) - q0,
                                                        positions.to_qt(right) - positions.to_qt(left)))
            block += 1
    return per_block


def painted(app: QApplication, widget) -> None:
    widget.viewport().repaint()
    app.processEvents()


def time_baseline(app, text, per_block) -> float:
    editor = QPlainTextEdit()
    editor.setReadOnly(True)
    editor.resize(1000, 800)
    editor.show()
    app.processEvents()
    MinimalHighlighter(editor.document(), per_block)
    began = time.perf_counter()
    editor.setPlainText(text)
    painted(app, editor)
    elapsed = time.perf_counter() - began
    editor.close()
    editor.deleteLater()
    app.processEvents()
    return elapsed


def time_view(app, text, spans_objects, colours) -> float:
    from desktop_app.gui.reading.view import ReadingView

    view = ReadingView()
    view.resize(1000, 800)
    view.show()
    app.processEvents()
    began = time.perf_counter()
    view.show_document(text, spans_objects, colours)
    painted(app, view)
    elapsed = time.perf_counter() - began
    view.close()
    view.deleteLater()
    app.processEvents()
    return elapsed


def time_window_open(app, window, document_id, other_id) -> float:
    window.open_document(other_id)  # away, so that opening the long one is real work
    app.processEvents()
    began = time.perf_counter()
    window.open_document(document_id)
    painted(app, window.reading)
    return time.perf_counter() - began


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=300_000)
    parser.add_argument("--annotations", type=int, default=5_000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()

    app = QApplication.instance() or QApplication([])
    from desktop_app.core.annotate.span_index import Span
    from desktop_app.core.store.models import Document
    from desktop_app.core.store.project import open_project
    from desktop_app.gui.shell.main_window import MainWindow

    text = long_article(args.chars)
    spans = random_spans(text, args.annotations)
    per_block = per_block_utf16(text, spans)
    rng = random.Random(4)
    span_objects = [Span(i, a, b, rng.randrange(1, 40)) for i, (a, b) in enumerate(spans)]
    colours = {i: QColor.fromHsv(i * 37 % 360, 120, 230) for i in range(1, 40)}

    with tempfile.TemporaryDirectory() as tmp:
        path, document_id = build_project(Path(tmp), text, spans)
        with open_project(path) as project, project.session_factory.begin() as session:
            short = Document(title="short", original_text="短文。", text="短文。", content_hash="short")
            session.add(short)
            session.flush()
            other_id = short.id
        project = open_project(path)
        window = MainWindow(project, coder="bench", settings=QSettings(str(Path(tmp) / "s.ini"),
                                                                       QSettings.Format.IniFormat))
        window.resize(1400, 900)
        window.show()
        app.processEvents()

        baseline, view, opened = [], [], []
        for _ in range(args.rounds):  # interleaved so that drift hits all three alike
            baseline.append(time_baseline(app, text, per_block))
            view.append(time_view(app, text, span_objects, colours))
            opened.append(time_window_open(app, window, document_id, other_id))
        window.close()
        project.close()

    base = statistics.median(baseline)
    print(f"article: {len(text):,} characters in {text.count(chr(10)) + 1:,} paragraphs, "
          f"{len(spans):,} annotations; median of {args.rounds} rounds")
    print(f"baseline  QPlainTextEdit + minimal highlighter: {base * 1000:8.1f} ms")
    print(f"view      ReadingView (span index, overlaps):   {statistics.median(view) * 1000:8.1f} ms"
          f"   {statistics.median(view) / base:5.2f}x")
    print(f"open      main window, from the project file:   {statistics.median(opened) * 1000:8.1f} ms"
          f"   {statistics.median(opened) / base:5.2f}x   (target <= 1.5x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
