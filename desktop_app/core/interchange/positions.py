"""Position units: how other programs count characters, and the exact conversions to and from ours.

GovCoder counts Python code points in a text whose line ends are LF. A file written for another
program may use CRLF line ends and count positions in UTF-16 code units (NVivo for Windows), in code
points with CRLF as two (the specification, MAXQDA) or with CRLF as one (ATLAS.ti).

A reading is a pair (utf16, crlf_as_two). Under a reading each character of our text takes one unit,
plus one for a character outside the BMP (utf16), plus one for a newline written as CRLF
(crlf_as_two). A position that falls between the surrogates of 𠮷 has no exact place in our text:
`to_index` returns None for it, never a neighbour.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass


@dataclass(frozen=True)
class Reading:
    utf16: bool
    crlf_as_two: bool

    @property
    def label(self) -> str:
        unit = "UTF-16 code units" if self.utf16 else "code points"
        return f"{unit}, CRLF counted as {'two' if self.crlf_as_two else 'one'}"


CODE_POINTS = Reading(utf16=False, crlf_as_two=False)
CODE_POINTS_CRLF2 = Reading(utf16=False, crlf_as_two=True)
UTF16 = Reading(utf16=True, crlf_as_two=False)
UTF16_CRLF2 = Reading(utf16=True, crlf_as_two=True)
READINGS = (CODE_POINTS_CRLF2, CODE_POINTS, UTF16_CRLF2, UTF16)


def normalise_newlines(raw: str) -> tuple[str, list[int]]:
    """LF line ends for a text as read from a file; also the indexes (in the result) of the newlines
    that were CRLF. A lone CR becomes LF (same length)."""
    if "\r" not in raw:
        return raw, []
    crlf: list[int] = []
    parts: list[str] = []
    removed = 0
    start = 0
    position = raw.find("\r\n")
    while position != -1:
        crlf.append(position - removed)
        parts.append(raw[start:position])
        start = position + 1  # keep the LF
        removed += 1
        position = raw.find("\r\n", start)
    parts.append(raw[start:])
    return "".join(parts).replace("\r", "\n"), crlf


def astral_indexes(text: str) -> list[int]:
    """Indexes of the characters outside the BMP (two UTF-16 code units each)."""
    if text.isascii():
        return []
    return [match.start() for match in _ASTRAL.finditer(text)]


class UnitMap:
    """Exact conversion between code-point indexes of an LF text and positions under a reading.

    A position between the CR and the LF of a CRLF newline maps to the newline itself: the CR does not
    exist in our text, so the span keeps exactly the same characters. A position between the two
    UTF-16 units of a character outside the BMP has no exact place and maps to None.
    """

    def __init__(self, text: str, reading: Reading, crlf: list[int] | None = None,
                 astral: list[int] | None = None) -> None:
        self.length = len(text)
        wide: list[tuple[int, bool]] = []  # (index, splittable)
        if reading.crlf_as_two:
            wide.extend((i, True) for i in (crlf if crlf is not None else crlf_newlines(text)))
        if reading.utf16:
            wide.extend((i, False) for i in (astral if astral is not None else astral_indexes(text)))
        wide.sort()
        self.wide = [index for index, _ in wide]
        self.newline = [splittable for _, splittable in wide]
        # The second unit of the k-th wide character sits at wide[k] + k + 1.
        self.inner = [index + k + 1 for k, index in enumerate(self.wide)]

    def to_units(self, index: int) -> int:
        return index + bisect_left(self.wide, index)

    def to_index(self, position: int) -> int | None:
        if position < 0:
            return None
        n = bisect_left(self.inner, position)
        if n < len(self.inner) and self.inner[n] == position:
            return self.wide[n] if self.newline[n] else None
        index = position - n
        return index if index <= self.length else None

    @property
    def total_units(self) -> int:
        return self.length + len(self.wide)


_BARE_LF = re.compile(r"(?<!\r)\n")
_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


def with_crlf(text: str) -> str:
    """A text written with CRLF line ends (LFs already preceded by CR stay as they are)."""
    return _BARE_LF.sub("\r\n", text)


def crlf_newlines(text: str) -> list[int]:
    """Indexes of the LFs that `with_crlf` writes as CRLF."""
    return [match.start() for match in _BARE_LF.finditer(text)]


def boundary_score(text: str, start: int, end: int) -> int:
    """How many of a span's two ends sit where a person would start or end a selection: the text's
    edges, line ends, spaces and punctuation."""
    score = 0
    if start == 0 or not text[start - 1].isalnum() or not text[start].isalnum():
        score += 1
    if end >= len(text) or not text[end].isalnum() or not text[end - 1].isalnum():
        score += 1
    return score


__all__ = ["Reading", "UnitMap", "READINGS", "CODE_POINTS", "CODE_POINTS_CRLF2", "UTF16", "UTF16_CRLF2",
           "normalise_newlines", "astral_indexes", "with_crlf", "crlf_newlines", "boundary_score"]
