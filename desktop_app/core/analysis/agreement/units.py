"""The units agreement is measured on, as code-point spans of a document's text.

- character: every code point that is not whitespace;
- word: every token of the document's stored segmentation (jieba's tokens, as the reading view shows
  them), except tokens that are only whitespace;
- sentence: the text cut after each run of 。！？；!?; (with any closing quotes or brackets that follow)
  and at each line end, each piece trimmed of surrounding whitespace;
- document: the whole text.

A unit that is only whitespace is layout, not text, and is never a unit: otherwise the blank lines
between paragraphs would count as words and sentences on which every coder "agrees".
"""

from __future__ import annotations

import re
from functools import cache

import numpy as np

UNITS = ("char", "word", "sentence", "doc")

_SENTENCE_END = re.compile(r"[。！？；!?;]+[”’」』）》〉】\"')\]]*|\n")


@cache
def _whitespace_table() -> np.ndarray:
    # str.isspace's characters all lie below U+3001.
    table = np.zeros(0x3001, dtype=bool)
    for point in range(0x3001):
        table[point] = chr(point).isspace()
    return table


def code_points(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)


def whitespace_mask(text: str) -> np.ndarray:
    points = code_points(text)
    table = _whitespace_table()
    mask = np.zeros(len(points), dtype=bool)
    low = points < len(table)
    mask[low] = table[points[low]]
    return mask


def character_units(text: str) -> tuple[np.ndarray, np.ndarray]:
    starts = np.flatnonzero(~whitespace_mask(text)).astype(np.int64)
    return starts, starts + 1


def word_units(text: str, boundaries: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Tokens from the segmentation's end offsets, without whitespace-only tokens."""
    ends = np.asarray(boundaries, dtype=np.int64)
    if len(ends) == 0 or ends[-1] != len(text):
        raise ValueError("the segmentation does not cover the text")
    starts = np.concatenate(([0], ends[:-1]))
    solid = np.concatenate(([0], np.cumsum(~whitespace_mask(text))))
    keep = solid[ends] > solid[starts]
    return starts[keep], ends[keep]


def sentence_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        spans.append((start, match.end()))
        start = match.end()
    spans.append((start, len(text)))
    trimmed = []
    for a, b in spans:
        piece = text[a:b]
        stripped = piece.strip()
        if stripped:
            lead = len(piece) - len(piece.lstrip())
            trimmed.append((a + lead, a + lead + len(stripped)))
    return trimmed


def sentence_units(text: str) -> tuple[np.ndarray, np.ndarray]:
    spans = np.array(sentence_spans(text), dtype=np.int64).reshape(-1, 2)
    return spans[:, 0], spans[:, 1]


def document_units(text: str) -> tuple[np.ndarray, np.ndarray]:
    if not text.strip():
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    return np.array([0], np.int64), np.array([len(text)], np.int64)


def unit_spans(unit: str, text: str, boundaries: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """The (starts, ends) of the document's units, in text order."""
    if unit == "char":
        return character_units(text)
    if unit == "word":
        if boundaries is None:
            raise ValueError("word units need the document's segmentation")
        return word_units(text, boundaries)
    if unit == "sentence":
        return sentence_units(text)
    if unit == "doc":
        return document_units(text)
    raise ValueError(f"unknown unit {unit!r}")
