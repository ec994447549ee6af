"""The interval index behind the highlighter, checked against brute force."""

from __future__ import annotations

import random

from desktop_app.core.annotate.span_index import BUCKET, Span, SpanIndex, elementary_segments


def brute(spans, start, end):
    return sorted((s for s in spans if s.start < end and s.end > start), key=lambda s: (s.start, -s.end, s.id))


def test_overlapping_matches_brute_force_with_adds_and_removes():
    rng = random.Random(7)
    spans = []
    for i in range(600):
        start = rng.randrange(5000)
        spans.append(Span(i, start, start + rng.choice([1, 2, 5, 30, 300, 2000]), rng.randrange(5)))
    index = SpanIndex(spans)
    for span in spans[::3]:
        index.remove(span.id)
    alive = [s for s in spans if s.id % 3]
    assert len(index) == len(alive)
    for _ in range(300):
        a = rng.randrange(5200)
        b = a + rng.randrange(1, 700)
        assert index.overlapping(a, b) == brute(alive, a, b)


def test_a_query_only_visits_buckets_it_covers():
    index = SpanIndex(Span(i, i * 10, i * 10 + 3, 1) for i in range(10_000))
    found = index.overlapping(50_000, 50_000 + BUCKET)
    assert 0 < len(found) <= BUCKET // 10 + 1


def test_at_lists_innermost_first():
    index = SpanIndex([Span(1, 0, 10, 1), Span(2, 3, 5, 2), Span(3, 4, 20, 3)])
    assert [s.id for s in index.at(4)] == [2, 1, 3]
    assert [s.id for s in index.at(12)] == [3]
    assert index.at(25) == []


def test_elementary_segments_cut_at_every_edge():
    a, b = Span(1, 0, 6, 1), Span(2, 3, 9, 2)
    pieces = elementary_segments([a, b], 0, 10)
    assert [(left, right, tuple(s.id for s in c)) for left, right, c in pieces] == [(0, 3, (1,)), (3, 6, (1, 2)), (6, 9, (2,))]
