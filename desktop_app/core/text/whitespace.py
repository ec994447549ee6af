"""Tidying layout whitespace: indentation (full-width or not), trailing spaces, runs of blank lines.

Spaces inside a line are left alone (党建引领“融进去” 基层治理“活起来” keeps its space). A document
whose paragraphs are all separated by exactly one blank line, as pages copied from a browser often
are, gets single line breaks like every other document; otherwise runs of blank lines become one.
"""

from __future__ import annotations

import re

from desktop_app.core.text.edits import merge_spans

_EDGE_SPACE = " \t\u3000\xa0\u2002\u2003\u2009\u200b\ufeff"
_INDENT = re.compile(rf"^[{_EDGE_SPACE}]+", re.MULTILINE)
_TRAILING = re.compile(rf"[{_EDGE_SPACE}]+$", re.MULTILINE)


def whitespace_spans(text: str) -> list[tuple[int, int]]:
    """[start, end) spans whose deletion tidies `text` as described above."""
    spans = [m.span() for m in _INDENT.finditer(text)] + [m.span() for m in _TRAILING.finditer(text)]
    deleted = _mask(len(text), spans)
    # Where each line's content starts and whether it is blank once its spaces are gone.
    lines: list[tuple[int, int, bool]] = []  # (start, end incl. newline, blank)
    position = 0
    for raw in text.split("\n"):
        end = position + len(raw)
        blank = all(deleted[i] for i in range(position, end))
        lines.append((position, min(end + 1, len(text)), blank))
        position = end + 1
    content = [i for i, line in enumerate(lines) if not line[2]]
    if not content:
        return merge_spans(spans)
    first, last = content[0], content[-1]
    spans += [(lines[i][0], lines[i][1]) for i in range(first)]  # blank lines at the top
    if last + 1 < len(lines):  # the newline ending the last paragraph, and blank lines after it
        spans.append((lines[last][1] - 1 if text[lines[last][1] - 1] == "\n" else lines[last][1], len(text)))
    gaps = [content[k + 1] - content[k] - 1 for k in range(len(content) - 1)]
    double_spaced = len(gaps) >= 2 and all(gap == 1 for gap in gaps)
    for k, gap in enumerate(gaps):
        keep = 0 if double_spaced else min(gap, 1)
        for i in range(content[k] + 1 + keep, content[k + 1]):
            spans.append((lines[i][0], lines[i][1]))
    return merge_spans(spans)


def _mask(size: int, spans: list[tuple[int, int]]) -> bytearray:
    mask = bytearray(size)
    for start, end in spans:
        mask[start:end] = b"\x01" * (end - start)
    return mask
