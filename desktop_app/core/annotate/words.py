"""Word-aware selection on segmented text: snapping, the word under a point, widening and narrowing.

`boundaries` are the sorted end offsets of the segmentation's tokens (code points), the last one being
len(text). Word starts are 0 and every boundary but the last.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right


def _starts(boundaries: list[int]) -> list[int]:
    return [0, *boundaries[:-1]] if boundaries else [0]


def word_at(boundaries: list[int], position: int) -> tuple[int, int]:
    """The token containing the code point at `position` (the last token for the end of the text)."""
    if not boundaries:
        return position, position + 1
    position = max(0, min(position, boundaries[-1] - 1))
    index = bisect_right(boundaries, position)
    start = boundaries[index - 1] if index > 0 else 0
    return start, boundaries[index]


def snap_outward(boundaries: list[int], start: int, end: int) -> tuple[int, int]:
    """Widen [start, end) to whole tokens: start moves back to a word start, end forward to a word end."""
    if not boundaries or end <= start:
        return start, end
    snapped_start = word_at(boundaries, start)[0]
    snapped_end = word_at(boundaries, end - 1)[1]
    return snapped_start, snapped_end


def next_boundary(boundaries: list[int], position: int) -> int:
    """The first word edge strictly after `position` (or `position` at the end of the text)."""
    index = bisect_right(boundaries, position)
    return boundaries[index] if index < len(boundaries) else position


def previous_boundary(boundaries: list[int], position: int) -> int:
    """The last word edge strictly before `position` (0 at the start)."""
    edges = _starts(boundaries)
    index = bisect_left(edges, position)
    return edges[index - 1] if index > 0 else 0


def widen(boundaries: list[int], start: int, end: int, side: str) -> tuple[int, int]:
    """Grow [start, end) by one word on `side` ("start" or "end")."""
    if side == "start":
        return previous_boundary(boundaries, start), end
    return start, next_boundary(boundaries, end)


def narrow(boundaries: list[int], start: int, end: int, side: str) -> tuple[int, int]:
    """Shrink [start, end) by one word on `side`, never to nothing (the span keeps at least one word)."""
    if side == "start":
        moved = next_boundary(boundaries, start)
        return (moved, end) if moved < end else (start, end)
    moved = previous_boundary(boundaries, end)
    return (start, moved) if moved > start else (start, end)
