"""The one place where Python code points meet Qt's UTF-16 positions.

Every offset GovCoder stores counts code points; QTextCursor, QTextBlock.position() and
QSyntaxHighlighter.setFormat count UTF-16 code units, in which a character outside the BMP (𠮷 U+20BB7,
emoji) takes two. Precomputing where those characters sit makes each conversion a binary search.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


class PositionMap:
    def __init__(self, text: str) -> None:
        self.length = len(text)
        # Code-point indices of astral characters, and where each starts in UTF-16.
        self._astral = [match.start() for match in _ASTRAL.finditer(text)]
        self._astral_utf16 = [cp + n for n, cp in enumerate(self._astral)]
        self.utf16_length = self.length + len(self._astral)

    @property
    def trivial(self) -> bool:
        """True when code points and UTF-16 units coincide (no astral characters)."""
        return not self._astral

    def to_qt(self, position: int) -> int:
        """Code point offset -> UTF-16 offset."""
        if not self._astral:
            return position
        return position + bisect_left(self._astral, position)

    def from_qt(self, position: int, *, round_up: bool = False) -> int:
        """UTF-16 offset -> code point offset. A position inside a surrogate pair (which Qt never
        produces for cursor moves, but mouse hit-testing can) goes to the character's start, or past
        it with `round_up`."""
        if not self._astral:
            return position
        before = bisect_right(self._astral_utf16, position - 2)  # astral chars wholly before `position`
        inside = before < len(self._astral_utf16) and self._astral_utf16[before] == position - 1
        cp = position - before
        if inside:
            return cp if round_up else cp - 1
        return cp

    def span_to_qt(self, start: int, end: int) -> tuple[int, int]:
        return self.to_qt(start), self.to_qt(end)

    def span_from_qt(self, start: int, end: int) -> tuple[int, int]:
        """A UTF-16 selection -> the code-point span covering it (edges inside a pair widen outward)."""
        return self.from_qt(start), self.from_qt(end, round_up=True)
