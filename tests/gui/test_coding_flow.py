"""Coding as a user does it: drag, snap, shortcut, database, undo, redo, overlaps, widening, memo."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCharFormat
from sqlalchemy import select

from desktop_app.core.store.models import Annotation
from desktop_app.core.store.project import open_project
from tests.gui.conftest import ASTRAL_TEXT, add_document, click, double_click, drag, set_shortcut


def stored(project_path):
    with open_project(project_path) as project, project.session_factory() as session:
        rows = session.execute(select(Annotation.start, Annotation.end, Annotation.quote, Annotation.memo,
                                      Annotation.code_id).order_by(Annotation.id)).all()
    return [tuple(row) for row in rows]


def test_drag_snaps_to_words_and_a_shortcut_codes_with_code_point_offsets(qtbot, project_path, open_window):
    code_id = set_shortcut(project_path, "平台与机制/网格化管理", "G")
    document_id = add_document(project_path, ASTRAL_TEXT)
    window = open_window(project_path, document_id)
    view = window.reading
    boundaries = view.boundaries
    start = ASTRAL_TEXT.index("网格员")
    assert start in [0, *boundaries] and start + 3 in boundaries  # jieba: 网格员 is one word
    drag(view, start + 1, start + 4)  # 格员开: half a word on each side
    assert view.selected_span() == (start, start + 5)  # snapped out to 网格员开展
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_G)
    assert stored(project_path) == [(start, start + 5, "网格员开展", "", code_id)]
    assert len(view.layers.index) == 1
    assert window.annotations.model.rowCount() == 1

    window.undo_action.trigger()
    assert stored(project_path) == []
    assert len(view.layers.index) == 0
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert stored(project_path) == [(start, start + 5, "网格员开展", "", code_id)]
    assert window.bench.undo_stack.count() == 1
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored(project_path) == []
    qtbot.keyClick(view, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert len(stored(project_path)) == 1


def test_alt_drag_selects_by_character(qtbot, project_path, open_window):
    document_id = add_document(project_path, ASTRAL_TEXT)
    window = open_window(project_path, document_id)
    start = ASTRAL_TEXT.index("网格员")
    drag(window.reading, start + 1, start + 2, Qt.KeyboardModifier.AltModifier)
    assert window.reading.selected_span() == (start + 1, start + 3)


def test_double_click_selects_the_jieba_word_after_an_emoji(qtbot, project_path, open_window):
    document_id = add_document(project_path, ASTRAL_TEXT)
    window = open_window(project_path, document_id)
    start = ASTRAL_TEXT.index("网格员")  # one word in the governance dictionary
    double_click(window.reading, start + 1)
    assert window.reading.selected_span() == (start, start + 3)


def test_code_from_the_tree_and_overlaps_render_and_cycle(qtbot, project_path, open_window):
    document_id = add_document(project_path, ASTRAL_TEXT)
    window = open_window(project_path, document_id)
    view = window.reading
    bench = window.bench
    law = next(c.id for c in bench.codes if c.path == "五治/法治")
    grid = next(c.id for c in bench.codes if c.path == "平台与机制/网格化管理")
    a = ASTRAL_TEXT.index("矛盾")
    view.select_span(a, a + 6)  # 矛盾纠纷调解
    window.coding.apply_code(law)
    view.select_span(a + 2, a + 8)  # 纠纷调解工作
    tree = window.codebook.tree
    index = window.codebook.model.index_of(grid)
    tree.scrollTo(index)
    where = tree.visualRect(index).center()
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=where)  # QTest's double-click lacks
    qtbot.mouseDClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=where)  # the first press
    assert sorted((s[0], s[1]) for s in stored(project_path)) == [(a, a + 6), (a + 2, a + 8)]

    # Both render: the overlap has its own format (blend + underline), distinct from either alone.
    block = view.document().findBlock(view.layers.positions.to_qt(a))
    ranges = block.layout().formats()  # keep the ranges alive while their formats are read
    formats = {(r.start, r.length): QTextCharFormat(r.format) for r in ranges}
    q = view.layers.positions.to_qt
    base = block.position()
    assert set(formats) == {(q(a) - base, 2), (q(a + 2) - base, 4), (q(a + 6) - base, 2)}
    overlap = formats[(q(a + 2) - base, 4)]
    assert overlap.underlineStyle() != overlap.UnderlineStyle.NoUnderline
    assert len({f.background().color().name() for f in formats.values()}) == 3

    # The margin gives each of the two a bar of its own, side by side.
    bars = view.margin.bars()
    assert sorted(lane for _id, lane, _top, _bottom in bars) == [0, 1]
    assert {span_id for span_id, *_ in bars} == set(bench.annotations)
    inner_id, lane, top, bottom = next(bar for bar in bars if bar[1] == 1)
    qtbot.mouseClick(view.margin, Qt.MouseButton.LeftButton, pos=QPoint(2 + lane * 5 + 2, (top + bottom) // 2))
    assert view.selected_annotation == inner_id

    # Clicking in the overlap selects one, clicking again the other.
    click(view, a + 3)
    first = view.selected_annotation
    click(view, a + 3)
    second = view.selected_annotation
    assert {first, second} == set(bench.annotations)
    click(view, a + 3)
    assert view.selected_annotation == first


def test_widen_by_a_word_then_delete_and_undo(qtbot, project_path, open_window):
    document_id = add_document(project_path, ASTRAL_TEXT)
    window = open_window(project_path, document_id)
    view = window.reading
    law = next(c.id for c in window.bench.codes if c.path == "五治/法治")
    a = ASTRAL_TEXT.index("网格员")  # 社区/网格员/开展/...
    view.select_span(a, a + 3)
    window.coding.apply_code(law)
    click(view, a)
    assert view.selected_annotation is not None
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
    assert [(s[0], s[1], s[2]) for s in stored(project_path)] == [(a, a + 5, "网格员开展")]
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert stored(project_path) == []
    window.undo_action.trigger()
    assert [(s[0], s[1]) for s in stored(project_path)] == [(a, a + 5)]
    window.undo_action.trigger()
    assert [(s[0], s[1]) for s in stored(project_path)] == [(a, a + 3)]


def test_a_memo_survives_reopening_the_project(qtbot, project_path, open_window, settings):
    document_id = add_document(project_path, ASTRAL_TEXT)
    window = open_window(project_path, document_id)
    law = next(c.id for c in window.bench.codes if c.path == "五治/法治")
    a = ASTRAL_TEXT.index("协商议事")
    window.reading.select_span(a, a + 4)
    window.coding.apply_code(law)
    click(window.reading, a + 1)
    window.memo.editor.setPlainText("居民自治的典型表述")
    qtbot.mouseClick(window.memo.save, Qt.MouseButton.LeftButton)
    window.close()
    window.bench.project.close()

    again = open_window(project_path, document_id)
    (annotation,) = again.bench.annotations.values()
    assert annotation.memo == "居民自治的典型表述"
    assert annotation.quote == "协商议事"
    click(again.reading, a + 1)
    assert again.memo.editor.toPlainText() == "居民自治的典型表述"


def test_document_and_code_memos_are_undoable_and_kept(qtbot, project_path, open_window):
    from desktop_app.core.annotate.memos import get_memo

    window = open_window(project_path)
    document_id = window.bench.document.id
    law = next(c.id for c in window.bench.codes if c.path == "五治/法治")
    window.document_memo_action.trigger()
    assert window.memo.target == ("document", document_id)
    window.memo.editor.setPlainText("本文以枫桥经验为主线")
    qtbot.mouseClick(window.memo.save, Qt.MouseButton.LeftButton)
    window.coding.edit_target_memo("code", law)
    window.memo.editor.setPlainText("调解与诉源治理归入此码")
    qtbot.keyClick(window.memo.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    window.undo_action.trigger()
    assert window.memo.editor.toPlainText() == ""
    window.redo_action.trigger()
    window.close()
    window.bench.project.close()
    with open_project(project_path) as project, project.session_factory() as session:
        assert get_memo(session, "document", document_id) == "本文以枫桥经验为主线"
        assert get_memo(session, "code", law) == "调解与诉源治理归入此码"


def test_a_memo_typed_without_saving_is_kept_when_the_user_moves_on(qtbot, project_path, open_window):
    document_id = add_document(project_path, ASTRAL_TEXT)
    window = open_window(project_path, document_id)
    law = next(c.id for c in window.bench.codes if c.path == "五治/法治")
    a = ASTRAL_TEXT.index("协商议事")
    b = ASTRAL_TEXT.index("矛盾纠纷")
    for start in (a, b):
        window.reading.select_span(start, start + 4)
        window.coding.apply_code(law)
    # Typed, never saved; then another annotation is clicked.
    click(window.reading, a + 1)
    window.memo.editor.setFocus()
    qtbot.keyClicks(window.memo.editor, "first")
    click(window.reading, b + 1)
    # Typed again, never saved; then the window is closed.
    window.memo.editor.setFocus()
    qtbot.keyClicks(window.memo.editor, "second")
    window.close()
    window.bench.project.close()
    with open_project(project_path) as project, project.session_factory() as session:
        from desktop_app.core.annotate.revisions import list_annotations

        memos = {info.quote: info.memo for info in list_annotations(session, document_id)}
    assert memos == {"协商议事": "first", "矛盾纠纷": "second"}
