"""Code points <-> Qt UTF-16 positions, with astral characters on both sides of a span."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextCursor, QTextDocument

from desktop_app.gui.base.positions import PositionMap

TEXT = "a𠮷治理😀网格b𠮷"


def test_round_trip_at_every_code_point():
    positions = PositionMap(TEXT)
    assert positions.utf16_length == len(TEXT.encode("utf-16-le")) // 2
    for cp in range(len(TEXT) + 1):
        assert positions.from_qt(positions.to_qt(cp)) == cp


def test_positions_agree_with_a_qt_document():
    document = QTextDocument()
    document.setPlainText(TEXT)
    positions = PositionMap(TEXT)
    start, end = TEXT.index("治理"), TEXT.index("网格") + 2  # spans the emoji, 𠮷 before and after
    cursor = QTextCursor(document)
    cursor.setPosition(positions.to_qt(start))
    cursor.setPosition(positions.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
    assert cursor.selectedText() == TEXT[start:end]
    assert positions.span_from_qt(cursor.selectionStart(), cursor.selectionEnd()) == (start, end)


def test_a_position_inside_a_surrogate_pair_rounds_outward():
    positions = PositionMap(TEXT)
    inside = positions.to_qt(1) + 1  # between the two halves of 𠮷
    assert positions.from_qt(inside) == 1
    assert positions.from_qt(inside, round_up=True) == 2
    assert positions.span_from_qt(inside, inside + 1) == (1, 2)


@pytest.mark.parametrize("text", ["", "plain ascii", "全是中文没有星外字符"])
def test_bmp_text_maps_to_itself(text):
    positions = PositionMap(text)
    assert positions.trivial
    assert [positions.to_qt(i) for i in range(len(text) + 1)] == list(range(len(text) + 1))
