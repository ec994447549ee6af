"""Cleaning as a chain of deletions that never loses track of where each character came from.

Every cleaning step only removes characters, so a stage is its text plus where each of its
characters stood in the decoded original. That is what lets the cleaning record give its spans in
the original (to show and cite the source as published) while the stored text stays a plain string.

Where a character came from is kept as runs, not per character: after deletions the text is a few
stretches of the original kept whole, so a stage holds two arrays with one entry per stretch (a
per-character array cost four bytes a character, twice the text itself, for every stage).
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from dataclasses import dataclass, field

_BLOCK = 1 << 20  # characters of a new stage's text joined at a time
_SHARED_FROM = 64  # records of more spans than this hold each removed text once


@dataclass
class Stage:
    text: str
    # Run i starts at run_starts[i] in this stage's text and at run_origins[i] in the original, and
    # lasts until the next run starts (or the text ends). run_starts[0] is 0.
    run_starts: array = field(repr=False)
    run_origins: array = field(repr=False)

    @classmethod
    def start(cls, original: str) -> Stage:
        return cls(original, array("q", [0]), array("q", [0]))

    def position(self, index: int) -> int:
        """Where this stage's character `index` stands in the original."""
        run = bisect_right(self.run_starts, index) - 1
        return self.run_origins[run] + index - self.run_starts[run]

    @property
    def origin(self) -> list[int]:
        """Every character's position in the original (for tests and inspection; costly on long texts)."""
        return [self.position(index) for index in range(len(self.text))]

    def original_span(self, start: int, end: int) -> list[int]:
        """[start, end) of this stage as a span of the original (covering what lies between)."""
        if start >= end:
            size = len(self.text)
            at = self.position(start) if start < size else (self.position(size - 1) + 1 if size else 0)
            return [at, at]
        return [self.position(start), self.position(end - 1) + 1]

    def delete(self, spans: list[tuple[int, int]], *, release: bool = False) -> Stage:
        """A new stage without the given [start, end) spans (in this stage's coordinates).

        With `release`, this stage gives up its text as soon as the new one's pieces are cut, so that
        the old text can be freed before the new one is joined (the pipeline never looks at an old
        stage again); the old stage's text is then empty.
        """
        merged = merge_spans(spans)
        if not merged:
            return self
        text = self.text
        size = len(text)
        kept = _kept_pieces(merged, size)
        new_starts, new_origins = self._runs_of(kept)
        if size <= _BLOCK:
            blocks = ["".join([text[a:b] for a, b in kept])]
        else:
            # Pieces joined a block at a time: a long text of many short pieces (a line's indentation
            # removed from every line) would hold far more in a list of pieces than in text.
            blocks, pieces, in_block = [], [], 0
            for a, b in kept:
                pieces.append(text[a:b])
                in_block += b - a
                if in_block >= _BLOCK:
                    blocks.append("".join(pieces))
                    pieces, in_block = [], 0
            blocks.append("".join(pieces))
            del pieces
        if not new_starts:  # everything deleted
            new_starts.append(0)
            new_origins.append(self.position(len(text) - 1) + 1 if text else 0)
        if release:
            self.text = ""
            del text
        return Stage(blocks[0] if len(blocks) == 1 else "".join(blocks), new_starts, new_origins)

    def record(self, step: str, description: str, spans: list[tuple[int, int]], **extra) -> dict:
        """The cleaning record of deleting `spans` from this stage: spans in the original, text removed."""
        merged = merge_spans(spans)
        text = self.text
        if len(self.run_starts) == 1:
            origin = self.run_origins[0]
            original = [[start + origin, end + origin] for start, end in merged]
        else:
            positions = self._positions_sorted([point for start, end in merged for point in (start, end - 1)])
            original = [[positions[2 * k], positions[2 * k + 1] + 1] for k in range(len(merged))]
        removed = [text[start:end] for start, end in merged]
        if len(removed) > _SHARED_FROM:  # blank lines and indentation repeat: each text held once
            shared: dict[str, str] = {}
            removed = list(map(shared.setdefault, removed, removed))
        entry = {"step": step, "description": description, "count": len(merged), "spans": original,
                 "removed": removed}
        entry.update(extra)
        return entry

    def _runs_of(self, kept: list[tuple[int, int]]) -> tuple[array, array]:
        """The runs of the stage made of the kept pieces [a, b) of this one, in order."""
        starts, origins = self.run_starts, self.run_origins
        new_starts, new_origins = array("q"), array("q")
        length = 0
        if len(starts) == 1:  # one run (nothing deleted before, or only the head and tail): a run a piece
            origin = origins[0]
            for a, b in kept:
                new_starts.append(length)
                new_origins.append(a + origin)
                length += b - a
            return new_starts, new_origins
        count = len(starts)
        run = 0
        for a, b in kept:
            run = bisect_right(starts, a, run) - 1
            new_starts.append(length)
            new_origins.append(origins[run] + a - starts[run])
            run += 1
            while run < count and starts[run] < b:  # an old run starting inside the piece
                new_starts.append(length + starts[run] - a)
                new_origins.append(origins[run])
                run += 1
            run -= 1
            length += b - a
        return new_starts, new_origins

    def _positions_sorted(self, indexes: list[int]) -> list[int]:
        """position() of indexes in ascending order, walking the runs once."""
        starts, origins = self.run_starts, self.run_origins
        found: list[int] = []
        run = 0
        for index in indexes:
            while run + 1 < len(starts) and starts[run + 1] <= index:
                run += 1
            found.append(origins[run] + index - starts[run])
        return found


def _kept_pieces(merged: list[tuple[int, int]], size: int) -> list[tuple[int, int]]:
    kept, position = [], 0
    for start, end in merged:
        if start > position:
            kept.append((position, start))
        position = max(position, end)
    if position < size:
        kept.append((position, size))
    return kept


def merge_spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans sorted, overlapping and touching ones joined, empty ones dropped; spans that already
    are so (as every cleaning step returns them) are returned as they are, not copied."""
    if all(start < end for start, end in spans) and all(
            spans[k][1] < spans[k + 1][0] for k in range(len(spans) - 1)):
        return spans
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if start >= end:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
