"""Stages of deletion: positions in the original survive any sequence of deletions."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from desktop_app.core.text import tracked_deletions as edits
from desktop_app.core.text.tracked_deletions import Stage


def test_a_new_stage_maps_every_character_to_itself():
    for size in (0, 1, 5, 40_000):
        stage = Stage.start("字" * size)
        assert stage.origin == list(range(size))


def test_record_and_delete_agree_on_original_positions():
    stage = Stage.start("0123456789").delete([(2, 4)])  # 01456789
    entry = stage.record("step", "what", [(5, 6), (0, 1), (1, 2), (3, 3)])
    assert entry["spans"] == [[0, 2], [7, 8]]
    assert entry["removed"] == ["01", "7"]
    assert stage.delete([(5, 6), (0, 1), (1, 2)]).text == "45689"
    assert stage.delete([(5, 6), (0, 1), (1, 2)]).origin == [4, 5, 6, 8, 9]


def test_a_released_stage_gives_up_its_text_and_the_new_one_is_whole():
    stage = Stage.start("甲乙丙丁戊")
    after = stage.delete([(1, 2)], release=True)
    assert after.text == "甲丙丁戊" and after.origin == [0, 2, 3, 4] and stage.text == ""


def test_texts_longer_than_a_block_are_joined_whole(monkeypatch):
    monkeypatch.setattr(edits, "_BLOCK", 3)
    text = "".join(chr(0x4E00 + n) for n in range(40))
    stage = Stage.start(text).delete([(n, n + 1) for n in range(0, 40, 4)])
    assert stage.text == "".join(ch for n, ch in enumerate(text) if n % 4)
    assert stage.origin == [n for n in range(40) if n % 4]


spans = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60)), max_size=8)


@given(size=st.integers(0, 50), steps=st.lists(spans, max_size=4))
def test_any_deletions_keep_every_position_as_a_per_character_map_would(size, steps):
    text = "".join(chr(0x4E00 + n) for n in range(size))
    stage = Stage.start(text)
    origin = list(range(size))  # the reference: one position per character, deleted alongside
    for step in steps:
        step = [(min(a, b), min(max(a, b), len(origin))) for a, b in step if min(a, b) < len(origin)]
        entry = stage.record("step", "what", step)
        merged = edits.merge_spans(step)
        assert entry["spans"] == [[origin[a], origin[b - 1] + 1] for a, b in merged]
        for a, b in merged:
            assert stage.original_span(a, b) == [origin[a], origin[b - 1] + 1]
        stage = stage.delete(merged)
        dropped = {n for a, b in merged for n in range(a, b)}
        origin = [position for n, position in enumerate(origin) if n not in dropped]
        assert stage.text == "".join(text[position] for position in origin)
        assert stage.origin == origin
        assert stage.original_span(len(origin), len(origin)) == ([origin[-1] + 1] * 2 if origin else [0, 0])
