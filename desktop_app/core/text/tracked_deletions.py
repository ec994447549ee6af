"""Cleaning as a chain of deletions that never loses track of where each character came from.

Every cleaning step only removes characters, so a stage is its text plus, for each character, its
position in the decoded original. That is what lets the cleaning record give its spans in the
original (to show and cite the source as published) while the stored text stays a plain string.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass, field


@dataclass
class Stage:
    text: str
    origin: array = field(repr=False)  # origin[i] = position in the original of text[i]

    @classmethod
    def start(cls, original: str) -> Stage:
        return cls(original, _identity(len(original)))

    def original_span(self, start: int, end: int) -> list[int]:
        """[start, end) of this stage as a span of the original (covering what lies between)."""
        if start >= end:
            at = self.origin[start] if start < len(self.origin) else (self.origin[-1] + 1 if self.origin else 0)
            return [at, at]
        return [self.origin[start], self.origin[end - 1] + 1]

    def delete(self, spans: list[tuple[int, int]]) -> Stage:
        """A new stage without the given [start, end) spans (in this stage's coordinates)."""
        if not spans:
            return self
        merged = merge_spans(spans)
        pieces: list[str] = []
        origin = array("I")
        position = 0
        for start, end in merged:
            pieces.append(self.text[position:start])
            origin.extend(self.origin[position:start])
            position = end
        pieces.append(self.text[position:])
        origin.extend(self.origin[position:])
        return Stage("".join(pieces), origin)

    def record(self, step: str, description: str, spans: list[tuple[int, int]], **extra) -> dict:
        """The cleaning record of deleting `spans` from this stage: spans in the original, text removed."""
        merged = merge_spans(spans)
        origin, text = self.origin, self.text
        entry = {
            "step": step,
            "description": description,
            "count": len(merged),
            # original_span inlined (merged spans are never empty): a gloss-ridden page has a hundred
            "spans": [[origin[start], origin[end - 1] + 1] for start, end in merged],
            "removed": [text[start:end] for start, end in merged],
        }
        entry.update(extra)
        return entry


_IDENTITY_KEPT = 1 << 20  # texts up to this length share one identity array (4 MB at most)
_identity_array = array("I")


def _identity(size: int) -> array:
    """array("I", range(size)), copied from a kept one: building it from a range costs 20 µs for an
    article, copying a slice of it a fiftieth of that."""
    global _identity_array
    kept = _identity_array
    if size > len(kept):
        if size > _IDENTITY_KEPT:
            return array("I", range(size))
        # Replaced, never changed in place, so another thread's slice of the old one stays right.
        kept = _identity_array = array("I", range(min(max(size, 2 * len(kept), 1 << 14), _IDENTITY_KEPT)))
    return kept[:size]


def merge_spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if start >= end:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
