"""An interval index of one document's annotation spans, for drawing and hit-testing.

The highlighter asks "which spans touch code points [a, b)?" once per text block. Answering by scanning
every span makes opening an article with thousands of annotations quadratic (the mistake DESIGN.md warns
about), so spans are filed in fixed-size buckets of the text: a query visits only the buckets it covers
and the spans filed there, i.e. work proportional to the spans that touch the range.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import NamedTuple

BUCKET = 256  # code points per bucket: a paragraph of Chinese news text touches one to a few buckets


class Span(NamedTuple):
    """One annotation as the index sees it: half-open code-point offsets and what it is coded with.
    A named tuple: thousands are made each time an article opens, and tuples are cheap to make."""

    id: int
    start: int
    end: int
    code_id: int
    coder: str = ""


class SpanIndex:
    def __init__(self, spans: Iterable[Span] = ()) -> None:
        self._spans: dict[int, Span] = {}
        self._buckets: dict[int, list[Span]] = {}
        for span in spans:
            self.add(span)

    def __len__(self) -> int:
        return len(self._spans)

    def __contains__(self, span_id: int) -> bool:
        return span_id in self._spans

    def __iter__(self) -> Iterator[Span]:
        return iter(self._spans.values())

    def get(self, span_id: int) -> Span | None:
        return self._spans.get(span_id)

    @staticmethod
    def _bucket_range(start: int, end: int) -> range:
        return range(start // BUCKET, max(start, end - 1) // BUCKET + 1)

    def add(self, span: Span) -> None:
        if span.id in self._spans:
            self.remove(span.id)
        self._spans[span.id] = span
        for bucket in self._bucket_range(span.start, span.end):
            self._buckets.setdefault(bucket, []).append(span)

    def remove(self, span_id: int) -> Span | None:
        span = self._spans.pop(span_id, None)
        if span is None:
            return None
        for bucket in self._bucket_range(span.start, span.end):
            filed = self._buckets[bucket]
            filed.remove(span)
            if not filed:
                del self._buckets[bucket]
        return span

    def overlapping(self, start: int, end: int) -> list[Span]:
        """Spans sharing at least one code point with [start, end), ordered by (start, -end, id)."""
        if end <= start:
            return []
        found: dict[int, Span] = {}
        for bucket in self._bucket_range(start, end):
            for span in self._buckets.get(bucket, ()):
                if span.start < end and span.end > start:
                    found[span.id] = span
        return sorted(found.values(), key=lambda s: (s.start, -s.end, s.id))

    def at(self, position: int) -> list[Span]:
        """Spans containing the code point at `position`, innermost (shortest) first."""
        return sorted(self.overlapping(position, position + 1), key=lambda s: (s.end - s.start, s.start, s.id))


def elementary_segments(spans: list[Span], start: int, end: int) -> list[tuple[int, int, tuple[Span, ...]]]:
    """Cut [start, end) at every span edge; return (seg_start, seg_end, covering spans) for covered pieces.

    Work is O(k log k) in the k spans given, which is what makes overlaps drawable per block.
    """
    edges = {start, end}
    for span in spans:
        if start < span.start < end:
            edges.add(span.start)
        if start < span.end < end:
            edges.add(span.end)
    cuts = sorted(edges)
    pieces: list[tuple[int, int, tuple[Span, ...]]] = []
    # Sweep: spans sorted by start enter, a small active list leaves as they end.
    pending = sorted(spans, key=lambda s: (s.start, -s.end, s.id))
    active: list[Span] = []
    index = 0
    for left, right in zip(cuts, cuts[1:], strict=False):
        while index < len(pending) and pending[index].start <= left:
            active.append(pending[index])
            index += 1
        active = [span for span in active if span.end > left]
        if active:  # in start order: for nested spans, outermost first and innermost last
            pieces.append((left, right, tuple(active)))
    return pieces
