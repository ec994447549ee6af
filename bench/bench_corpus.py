"""A corpus of many articles: what a researcher feels at 1,000, 10,000 and 50,000 articles (three
annotations each), each figure beside a baseline measured in the same run.

    QT_QPA_PLATFORM=offscreen python bench/bench_corpus.py [--sizes 1000,10000,50000] [--repeats 100]

- code: select a span in the open article and press a code's shortcut key, timed until the row is
  committed, the view repainted and every deferred update (zero-interval timers, posted events) has
  run, so that work a hidden panel does after the key press is counted. Baseline: the same key press
  in a bare QPlainTextEdit whose shortcut inserts one row into SQLite with a commit.
- start: a main window built on the project until it has painted the first article, with the
  documents list filled. Baseline: a bare QPlainTextEdit window showing the same article, read from
  the same file with sqlite3.
- docs / stats: what `govcoder docs --json` and `govcoder stats --json` do once the project is open
  (the core's query, the records, the JSON text), against the bare SQL answering the same question
  through sqlite3 and the same JSON; and, for context, the whole commands as typed against a process
  that only imports what they import (the interpreter and SQLAlchemy's start-up are a floor no query
  can move).

Targets (issue 18): code median <= 16 ms and p99 <= 50 ms at every size; start within 1.5x; docs and
stats within 2x; interactive figures flat from 1,000 to 50,000 (within 1.5x).
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_code import percentile, settle  # noqa: E402
from corpus import corpus_project  # noqa: E402
from PySide6.QtCore import QSettings, Qt  # noqa: E402
from PySide6.QtGui import QKeySequence, QShortcut, QTextCursor  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QPlainTextEdit  # noqa: E402

GOVCODER = Path(sys.executable).with_name("govcoder")


def first_text(path: Path) -> str:
    connection = sqlite3.connect(path)
    try:
        return connection.execute("SELECT text FROM documents ORDER BY id LIMIT 1").fetchone()[0]
    finally:
        connection.close()


def code_baseline(app: QApplication, text: str, selections, database: Path) -> list[float]:
    editor = QPlainTextEdit()
    editor.setReadOnly(True)
    editor.setPlainText(text)
    editor.resize(1000, 800)
    editor.show()
    connection = sqlite3.connect(database, isolation_level=None)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("CREATE TABLE IF NOT EXISTS spans (id INTEGER PRIMARY KEY, start INTEGER, end INTEGER)")

    def insert():
        cursor = editor.textCursor()
        connection.execute("BEGIN")
        connection.execute("INSERT INTO spans (start, end) VALUES (?, ?)", (cursor.selectionStart(), cursor.selectionEnd()))
        connection.execute("COMMIT")

    shortcut = QShortcut(QKeySequence("G"), editor)
    shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
    shortcut.activated.connect(insert)
    editor.setFocus()
    settle(app)
    timings = []
    for start, end in selections:
        cursor = editor.textCursor()
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        editor.setTextCursor(cursor)
        settle(app)
        began = time.perf_counter()
        QTest.keyClick(editor, Qt.Key.Key_G)
        editor.viewport().repaint()
        settle(app)
        timings.append(time.perf_counter() - began)
    connection.close()
    editor.close()
    editor.deleteLater()
    settle(app)
    return timings


def open_window(app: QApplication, path: Path, settings: Path):
    from desktop_app.core.store.project import open_project
    from desktop_app.gui.shell.main_window import MainWindow

    project = open_project(path)
    window = MainWindow(project, coder="bench", settings=QSettings(str(settings), QSettings.Format.IniFormat))
    window.resize(1400, 900)
    window.show()
    deadline = time.time() + 120
    while window.bench.document is None and time.time() < deadline:
        app.processEvents()
    window.reading.viewport().repaint()
    return project, window


def start_baseline(app: QApplication, path: Path) -> float:
    began = time.perf_counter()
    editor = QPlainTextEdit()
    editor.setReadOnly(True)
    editor.setPlainText(first_text(path))
    editor.resize(1000, 800)
    editor.show()
    app.processEvents()
    editor.viewport().repaint()
    elapsed = time.perf_counter() - began
    editor.close()
    editor.deleteLater()
    settle(app)
    return elapsed


def start_window(app: QApplication, path: Path, settings: Path) -> float:
    began = time.perf_counter()
    project, window = open_window(app, path, settings)
    elapsed = time.perf_counter() - began
    window.close()
    window.deleteLater()
    project.close()
    settle(app)
    return elapsed


def code_window(app: QApplication, path: Path, selections, settings: Path) -> list[float]:
    from desktop_app.core.annotate import words
    from desktop_app.core.codebook.tree import find_code
    from desktop_app.core.store.project import open_project

    with open_project(path) as project, project.session_factory.begin() as session:
        find_code(session, "平台与机制/网格化管理").shortcut = "G"
    project, window = open_window(app, path, settings)
    deadline = time.time() + 60
    while window.reading.boundaries is None and time.time() < deadline:
        app.processEvents()
        time.sleep(0.005)
    view = window.reading
    view.setFocus()
    settle(app)
    timings = []
    for start, end in selections:
        view.select_span(*words.snap_outward(view.boundaries, start, end))
        settle(app)
        began = time.perf_counter()
        QTest.keyClick(view, Qt.Key.Key_G)
        view.viewport().repaint()
        settle(app)
        timings.append(time.perf_counter() - began)
    window.bench.undo_stack.setIndex(0)  # leave the corpus as it was for the next run
    window.close()
    window.deleteLater()
    project.close()
    settle(app)
    return timings


BARE_DOCS = (
    "SELECT d.id, d.title, d.outlet, d.published, d.script, d.chars, coalesce(c.n, 0) FROM documents d"
    " LEFT JOIN (SELECT document_id, count(*) AS n FROM annotations GROUP BY document_id) c"
    " ON c.document_id = d.id ORDER BY d.id"
)
DOCS_KEYS = ("id", "title", "source", "published", "script", "chars", "annotations")
STATS_TABLES = ("documents", "codes", "annotations", "coders")


def best_time(work, runs: int = 5) -> float:
    best = float("inf")
    for _ in range(runs):
        began = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - began)
    return best


def listing_times(path: Path) -> dict[str, float]:
    import json

    from desktop_app.core.analysis.stats import project_stats
    from desktop_app.core.documents.listing import list_documents
    from desktop_app.core.store.project import open_project

    connection = sqlite3.connect(path)

    def bare_docs():
        json.dumps([dict(zip(DOCS_KEYS, row, strict=True)) for row in connection.execute(BARE_DOCS)], ensure_ascii=False)

    def bare_stats():
        json.dumps({t: connection.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in STATS_TABLES})

    with open_project(path) as project:
        def docs():
            with project.session_factory() as session:
                json.dumps([d.to_json() for d in list_documents(session)], ensure_ascii=False)

        def stats():
            with project.session_factory() as session:
                json.dumps(project_stats(session).to_json())

        times = {"docs": best_time(docs), "bare_docs": best_time(bare_docs),
                 "stats": best_time(stats), "bare_stats": best_time(bare_stats)}
    connection.close()
    return times


IMPORT_FLOOR = "import sqlalchemy.orm, desktop_app.core.store.models, desktop_app.core.store.project"


def best_of(command: list[str], runs: int = 3) -> float:
    best = float("inf")
    for _ in range(runs):
        began = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        best = min(best, time.perf_counter() - began)
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,50000")
    parser.add_argument("--repeats", type=int, default=100)
    parser.add_argument("--rebuild", action="store_true", help="write the corpus projects anew")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    rows = []
    for size in (int(s) for s in args.sizes.split(",")):
        path = corpus_project(size, rebuild=args.rebuild)
        text = first_text(path)
        rng = random.Random(size)
        selections = [(s, s + rng.randrange(2, 8)) for s in (rng.randrange(len(text) - 20) for _ in range(args.repeats))]
        with tempfile.TemporaryDirectory() as tmp:
            settings = Path(tmp) / "s.ini"
            base_code = code_baseline(app, text, selections, Path(tmp) / "base.sqlite")
            ours_code = code_window(app, path, selections, settings)
            base_start = min(start_baseline(app, path) for _ in range(3))
            ours_start = min(start_window(app, path, settings) for _ in range(3))
        inside = listing_times(path)
        cli_docs = best_of([str(GOVCODER), "--project", str(path), "docs", "--json"])
        cli_stats = best_of([str(GOVCODER), "--project", str(path), "stats", "--json"])
        floor = best_of([sys.executable, "-c", IMPORT_FLOOR])
        row = {
            "size": size, "code_median": statistics.median(ours_code) * 1000, "code_p99": percentile(ours_code, 0.99) * 1000,
            "base_median": statistics.median(base_code) * 1000, "base_p99": percentile(base_code, 0.99) * 1000,
            "start": ours_start * 1000, "base_start": base_start * 1000,
            **inside, "cli_docs": cli_docs, "cli_stats": cli_stats, "floor": floor,
        }
        rows.append(row)
        print(f"{size:>7,} articles ({path.stat().st_size / 1e6:,.0f} MB)", flush=True)
        print(f"  code by shortcut, deferred work included: median {row['code_median']:6.1f} ms  p99 {row['code_p99']:6.1f} ms"
              f"   (bare {row['base_median']:.1f} / {row['base_p99']:.1f} ms; targets 16 / 50 ms)")
        print(f"  window built -> first article painted:    {row['start']:7.0f} ms   bare {row['base_start']:5.0f} ms"
              f"   {row['start'] / row['base_start']:5.2f}x (target <= 1.5x)")
        print(f"  docs: list, records, JSON:                {row['docs'] * 1000:7.1f} ms   bare SQL {row['bare_docs'] * 1000:5.1f} ms"
              f"   {row['docs'] / row['bare_docs']:5.2f}x (target <= 2x)")
        print(f"  stats: counts, JSON:                       {row['stats'] * 1000:7.1f} ms   bare SQL {row['bare_stats'] * 1000:5.1f} ms"
              f"   {row['stats'] / row['bare_stats']:5.2f}x (target <= 2x)")
        print(f"  as typed: govcoder docs --json {cli_docs * 1000:.0f} ms, stats --json {cli_stats * 1000:.0f} ms;"
              f" the interpreter with SQLAlchemy and the models imported: {floor * 1000:.0f} ms", flush=True)
    if len(rows) > 1:
        first, last = rows[0], rows[-1]
        print(f"growth {first['size']:,} -> {last['size']:,} articles: code median {last['code_median'] / first['code_median']:.2f}x,"
              f" p99 {last['code_p99'] / first['code_p99']:.2f}x, start {last['start'] / first['start']:.2f}x,"
              f" docs {last['docs'] / first['docs']:.2f}x (linear: {last['size'] / first['size']:.0f}x the articles),"
              f" stats {last['stats'] / first['stats']:.2f}x"
              " (interactive figures flat within 1.5x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
