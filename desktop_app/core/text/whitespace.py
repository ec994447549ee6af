"""Tidying layout whitespace: indentation (full-width or not), trailing spaces, runs of blank lines.

Spaces inside a line are left alone (党建引领“融进去” 基层治理“活起来” keeps its space). A document
whose paragraphs are all separated by exactly one blank line, as pages copied from a browser often
are, gets single line breaks like every other document; otherwise runs of blank lines become one.
"""

from __future__ import annotations

from array import array

from desktop_app.core.text import windows as windowing
from desktop_app.core.text.tracked_deletions import merge_spans

_EDGE_SPACE = " \t\u3000\xa0\u2002\u2003\u2009\u200b\ufeff"


def _lines(text: str):
    """text.split("\n"), a window at a time (a long text's lines are never all held at once)."""
    if len(text) <= windowing.WINDOW:
        return text.split("\n")
    return _lines_by_window(text)


def _lines_by_window(text: str):
    for start, stop in windowing.windows(text):
        lines = text[start:stop].split("\n")
        if stop < len(text):
            lines.pop()  # the window ends just after a newline: the empty piece after it is not a line
        yield from lines


def whitespace_spans(text: str) -> list[tuple[int, int]]:
    """[start, end) spans whose deletion tidies `text` as described above."""
    # Line by line with str.strip: a regex for trailing spaces is tried at every character.
    spans: list[tuple[int, int]] = []  # indentation and trailing spaces, whole blank lines' spaces
    content = array("q")  # lines left with something once their edges go
    starts = array("q")
    position = 0
    for index, raw in enumerate(_lines(text)):
        starts.append(position)
        end = position + len(raw)
        kept = raw.strip(_EDGE_SPACE)
        if kept:
            content.append(index)
            if len(kept) != len(raw):
                indent = len(raw) - len(raw.lstrip(_EDGE_SPACE))
                trailing = len(raw) - indent - len(kept)
                if indent:
                    spans.append((position, position + indent))
                if trailing:
                    spans.append((end - trailing, end))
        elif raw:
            spans.append((position, end))
        position = end + 1
    if not content:
        return merge_spans(spans)
    first, last = content[0], content[-1]
    if first:  # blank lines at the top
        spans.append((0, starts[first]))
    if last + 1 < len(starts):  # the newline ending the last paragraph, and blank lines after it
        spans.append((starts[last + 1] - 1, len(text)))
    double_spaced = len(content) >= 3 and all(content[k + 1] - content[k] == 2 for k in range(len(content) - 1))
    keep = 0 if double_spaced else 1
    for k in range(len(content) - 1):
        gap = content[k + 1] - content[k] - 1
        if gap > keep:  # the blank lines of a run beyond the one kept, newlines included
            spans.append((starts[content[k] + 1 + keep], starts[content[k + 1]]))
    return merge_spans(spans)
