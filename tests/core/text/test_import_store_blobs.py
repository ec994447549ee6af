"""A long article's texts go into SQLite through incremental blob I/O (text_blobs.py): what is read
back must be the same TEXT values as a plain insert would store, and nothing may watch the columns."""

from __future__ import annotations

import sqlite3

from desktop_app.core.store.project import create_project
from desktop_app.core.text import text_blobs
from desktop_app.core.text.importer import import_paths


def test_a_long_article_is_stored_exactly_as_text(tmp_path, segmenter):
    lines = [f"\u3000\u3000第{n}段：党建引领基层治理，𠮷祥社区網格化管理。" for n in range(40_000)]
    source = tmp_path / "long.txt"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    path = tmp_path / "study.govcoder"
    with create_project(path) as project:
        (result,) = import_paths(project.session_factory, [source], segmenter=segmenter)
    assert result.status == "imported"
    with sqlite3.connect(path) as connection:
        original, text, kinds, chars = connection.execute(
            "SELECT original_text, text, typeof(original_text) || typeof(text), chars FROM documents").fetchone()
    assert text_blobs.is_long(original, text)
    assert kinds == "texttext"
    assert original == "\n".join(lines) + "\n"
    assert text == "\n".join(line.strip() for line in lines)
    assert chars == len(text)  # the stored length is the text's, not the empty placeholder's


def test_no_trigger_watches_the_documents_table(tmp_path):
    """Blob writes fire no trigger: one on documents would miss every long article's text."""
    path = tmp_path / "study.govcoder"
    create_project(path).close()
    with sqlite3.connect(path) as connection:
        triggers = connection.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' "
                                      "AND tbl_name = 'documents'").fetchall()
    assert triggers == []
