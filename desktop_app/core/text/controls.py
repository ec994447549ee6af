"""Control characters out of the text: NUL and the other C0 controls except tab and newline, and DEL;
and out of titles, also line breaks, tabs and bidirectional controls (`one_line`).

They are invisible, no article means them, and PostgreSQL cannot store NUL at all: a text holding
one imported into a SQLite project could never move to a team database. They are removed from the
text always (not a cleaning choice), as a recorded deletion like every cleaning step. In the original
each becomes its visible Control Pictures symbol (NUL -> U+2400 ␀, ESC -> U+241B ␛, DEL -> U+2421 ␡),
one character for one, so the original can be stored anywhere and every recorded span still points at
the place where the control stood.
"""

from __future__ import annotations

import re

_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f]")  # not \t (09) or \n (0a); \r is a newline by now
_PICTURES = {code: chr(0x2400 + code) for code in (*range(0x09), *range(0x0B, 0x20))} | {0x7F: "\u2421"}


def control_pictures(text: str) -> tuple[str, list[tuple[int, int]]]:
    """`text` with each control as its picture, and the [start, end) spans where they stand."""
    spans = [(found.start(), found.end()) for found in _CONTROLS.finditer(text)]
    if not spans:
        return text, []
    return text.translate(_PICTURES), spans


def without_controls(text: str) -> str:
    """For metadata (a table's cells, a Word file's properties): the controls simply dropped."""
    return _CONTROLS.sub("", text)


# Bidirectional embeddings, overrides and isolates, marks, and zero-width characters: in a title they
# can make it read backwards (U+202E) or hide text.
INVISIBLE = re.compile("[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")
_C1 = re.compile("[\x80-\x84\x86-\x9f]")  # U+0085 is a line break, a space in one line
_SPACES = re.compile(r"\s+")


def one_line(text: str) -> str:
    """A title or a name as one plain line: tabs and line breaks as one space each run; other control
    characters, bidirectional controls and zero-width characters removed."""
    return _SPACES.sub(" ", _C1.sub("", INVISIBLE.sub("", without_controls(text)))).strip()
