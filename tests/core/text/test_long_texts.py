"""A long article is cleaned, converted, flagged and segmented window by window (windows.py), never
whole; the result must be exactly what the whole-text path gives. Tested by making the seeds "long":
the thresholds are lowered so that every seed goes through the window path."""

from __future__ import annotations

from dataclasses import asdict

import pytest

from desktop_app.core.text import furniture, importer, pipeline, segment, windows
from desktop_app.core.text.pipeline import CleaningOptions, prepare_article
from desktop_app.core.text.segment import pack_boundaries
from desktop_app.core.text.whitespace import whitespace_spans


@pytest.fixture
def all_long(monkeypatch):
    """Every text above 40 characters is long, and a window holds about 25."""
    for module in (pipeline, furniture, segment, importer):
        monkeypatch.setattr(module, "LONG_TEXT", 40)
    monkeypatch.setattr(windows, "WINDOW", 25)


def article(text: str) -> dict:
    prepared = asdict(prepare_article(text, encoding="utf-8", options=CleaningOptions(), fallback_title="x"))
    prepared.pop("shadow")  # made whole only for short texts
    return prepared


def corpus(seed_texts: dict[str, str]) -> list[str]:
    """Each seed (traditional with pinyin and mojibake, web furniture, indentation), and all of them
    joined with blank lines and indented paragraphs between."""
    texts = list(seed_texts.values())
    joined = "\n\n\n".join(texts) + "\n\n\u3000\u3000最后一段。  \n\n"
    return [*texts, joined, "一行没有换行" * 30]


def test_cleaning_and_metadata_by_windows_equal_the_whole_text(seed_texts, monkeypatch, all_long):
    texts = corpus(seed_texts)
    by_windows = [article(text) for text in texts]
    monkeypatch.undo()
    whole = [article(text) for text in texts]
    assert by_windows == whole


def test_whitespace_by_windows_equals_the_whole_text(seed_texts, monkeypatch):
    texts = corpus(seed_texts) + ["", "\n", "a\n", "\n\n甲\n\n乙\n\n丙\n\n", "  \n\t\n"]
    whole = [whitespace_spans(text) for text in texts]
    monkeypatch.setattr(windows, "WINDOW", 3)
    assert [whitespace_spans(text) for text in texts] == whole


def test_segmentation_by_windows_equals_the_whole_text(seed_texts, segmenter, monkeypatch, all_long):
    for text in corpus(seed_texts):
        assert segmenter.packed_boundaries(text) == pack_boundaries(segmenter.boundaries(text))


def test_windows_end_after_a_newline_and_cover_the_text():
    text = "甲乙\n丙\n\n丁戊己庚\n" + "辛" * 10
    spans = list(windows.windows(text, 3))
    assert "".join(text[a:b] for a, b in spans) == text
    assert all(text[b - 1] == "\n" for a, b in spans[:-1])
    assert list(windows.windows(text, 3, start=3, end=8)) == [(3, 6), (6, 8)]
