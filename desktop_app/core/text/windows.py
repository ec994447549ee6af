"""Long texts in windows that end at a line break, so that no step ever holds a copy of all of it.

Converting to the simplified shadow, flagging mojibake and segmenting give the same result window by
window as on the whole text, offsets added, because none of them looks across a newline: no OpenCC
phrase, no mojibake run and no jieba token contains one (jieba cuts a newline as a token of its own).
A text shorter than LONG_TEXT is one window; a line longer than a window stays whole in one.
"""

from __future__ import annotations

from collections.abc import Iterator

LONG_TEXT = 1 << 20  # characters; shorter texts are handled whole, as they always were
WINDOW = 1 << 18  # characters a window holds, about


def windows(text: str, size: int | None = None, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """[start, stop) of consecutive windows covering text[start:end], each ending just after a
    newline (or at `end`) and holding `size` (WINDOW) characters or more unless it is the last."""
    size = size or WINDOW
    end = len(text) if end is None else min(end, len(text))
    while start < end:
        if start + size >= end:
            yield start, end
            return
        newline = text.find("\n", start + size - 1, end)
        stop = end if newline == -1 else newline + 1
        yield start, stop
        start = stop
