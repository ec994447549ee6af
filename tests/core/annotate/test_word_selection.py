"""Word-aware selection on a segmentation's boundaries."""

from desktop_app.core.annotate import words

# 社区/网格员/开展/矛盾/纠纷/调解
BOUNDARIES = [2, 5, 7, 9, 11, 13]


def test_snap_outward_to_whole_words():
    assert words.snap_outward(BOUNDARIES, 3, 6) == (2, 7)  # 格员开 -> 网格员开展
    assert words.snap_outward(BOUNDARIES, 2, 5) == (2, 5)  # already whole
    assert words.snap_outward(BOUNDARIES, 12, 13) == (11, 13)


def test_word_at():
    assert words.word_at(BOUNDARIES, 0) == (0, 2)
    assert words.word_at(BOUNDARIES, 4) == (2, 5)
    assert words.word_at(BOUNDARIES, 13) == (11, 13)


def test_widen_and_narrow_by_a_word():
    assert words.widen(BOUNDARIES, 2, 5, "end") == (2, 7)
    assert words.widen(BOUNDARIES, 2, 5, "start") == (0, 5)
    assert words.narrow(BOUNDARIES, 2, 9, "end") == (2, 7)
    assert words.narrow(BOUNDARIES, 2, 9, "start") == (5, 9)
    assert words.narrow(BOUNDARIES, 2, 5, "end") == (2, 5)  # never to nothing
    assert words.widen(BOUNDARIES, 0, 13, "end") == (0, 13)
