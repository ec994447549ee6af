"""Coding by keyboard alone: move, extend by words, code, step between annotations, recode, delete."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.gui.conftest import ASTRAL_TEXT, add_document, set_shortcut

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier


def test_a_whole_coding_round_without_the_mouse(qtbot, project_path, open_window):
    grid = set_shortcut(project_path, "平台与机制/网格化管理", "G")
    law = set_shortcut(project_path, "五治/法治", "L")
    document_id = add_document(project_path, ASTRAL_TEXT)
    window = open_window(project_path, document_id)
    view = window.reading
    qtbot.keyClick(window, Qt.Key.Key_2, CTRL)  # go to the text
    assert view.hasFocus()
    cursor = view.textCursor()
    cursor.setPosition(view.layers.positions.to_qt(ASTRAL_TEXT.index("社区")))  # caret placed by arrows
    view.setTextCursor(cursor)
    qtbot.keyClick(view, Qt.Key.Key_Right, SHIFT)  # 社区
    qtbot.keyClick(view, Qt.Key.Key_Right, SHIFT)  # 社区网格员
    start = ASTRAL_TEXT.index("社区")
    assert view.selected_span() == (start, start + 5)
    qtbot.keyClick(view, Qt.Key.Key_G)
    (info,) = window.bench.annotations.values()
    assert (info.start, info.end, info.code_id) == (start, start + 5, grid)

    qtbot.keyClick(view, Qt.Key.Key_Down, ALT)  # select the next annotation (the only one)
    assert view.selected_annotation == info.id
    qtbot.keyClick(view, Qt.Key.Key_L)  # a code key on a selected annotation recodes it
    assert window.bench.annotations[info.id].code_id == law
    qtbot.keyClick(view, Qt.Key.Key_Right, CTRL | ALT)  # widen by a word: 社区网格员开展
    assert window.bench.annotations[info.id].end == start + 7
    qtbot.keyClick(view, Qt.Key.Key_Left, CTRL | ALT | SHIFT)  # widen the start: 😀，社区...
    assert window.bench.annotations[info.id].start < start
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert window.bench.annotations == {}
    for _ in range(4):
        qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)
    assert window.bench.annotations[info.id].code_id == grid
    assert (window.bench.annotations[info.id].start, window.bench.annotations[info.id].end) == (start, start + 5)


def test_find_next_and_previous(qtbot, project_path, open_window):
    document_id = add_document(project_path, "网格一。網格二。网格三。")
    window = open_window(project_path, document_id)
    window.show_find()
    window.find_box.setText("網格")
    assert window.reading.selected_span() == (0, 2)
    qtbot.keyClick(window.reading, Qt.Key.Key_F3)
    assert window.reading.selected_span() == (4, 6)
    qtbot.keyClick(window.reading, Qt.Key.Key_F3)
    qtbot.keyClick(window.reading, Qt.Key.Key_F3)
    assert window.reading.selected_span() == (0, 2)
    qtbot.keyClick(window.reading, Qt.Key.Key_F3, SHIFT)
    assert window.reading.selected_span() == (8, 10)


def test_the_shortcut_list_names_coding_keys(qtbot, project_path, open_window):
    set_shortcut(project_path, "五治/法治", "L")
    window = open_window(project_path)
    rows = dict(window.shortcut_rows())
    assert rows["Code with 五治/法治"] == "L"
    assert "Next annotation" in rows and "Widen end by a word" in rows
