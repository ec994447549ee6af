"""Stages of deletion: positions in the original survive any sequence of deletions."""

from __future__ import annotations

from array import array

from desktop_app.core.text import tracked_deletions as edits
from desktop_app.core.text.tracked_deletions import Stage


def test_a_new_stage_maps_every_character_to_itself_whatever_came_before():
    # Stage.start copies a kept identity array, grown on demand; a shorter text after a longer
    # one, and one too long to keep, must still get exactly 0, 1, 2, ...
    for size in (0, 1, 5, 40_000, 3, edits._IDENTITY_KEPT + 7, 17, 70_000):
        stage = Stage.start("字" * size)
        assert stage.origin == array("I", range(size))
    assert len(edits._identity_array) <= edits._IDENTITY_KEPT


def test_record_and_delete_agree_on_original_positions():
    stage = Stage.start("0123456789").delete([(2, 4)])  # 01456789
    entry = stage.record("step", "what", [(5, 6), (0, 1), (1, 2), (3, 3)])
    assert entry["spans"] == [[0, 2], [7, 8]]
    assert entry["removed"] == ["01", "7"]
    assert stage.delete([(5, 6), (0, 1), (1, 2)]).text == "45689"
    assert stage.delete([(5, 6), (0, 1), (1, 2)]).origin == array("I", [4, 5, 6, 8, 9])
