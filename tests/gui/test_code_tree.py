"""The code tree: a sound item model, counts, filter, drag-and-drop moves, in-vivo coding, editing; all
undoable."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import select

from desktop_app.core.codebook.tree import code_paths, list_codes
from desktop_app.core.store.models import Annotation
from desktop_app.core.store.project import open_project
from tests.gui.conftest import ASTRAL_TEXT, add_document


def paths(project_path) -> set[str]:
    with open_project(project_path) as project, project.session_factory() as session:
        return set(code_paths(session).values())


def test_the_model_passes_qtmodeltester(qtmodeltester, project_path):
    from desktop_app.gui.codebook.tree_model import CodebookModel

    with open_project(project_path) as project, project.session_factory() as session:
        codes = list_codes(session)
    model = CodebookModel()
    model.reset(codes)
    qtmodeltester.check(model)
    assert model.rowCount() == len([c for c in codes if c.parent is None])


def test_filter_by_keyword_english_and_name_keeps_ancestors(qtbot, project_path, open_window):
    window = open_window(project_path)
    panel = window.codebook
    panel.filter.setText("Grid")
    shown = {window.bench.code_label(code_id) for code_id in panel.shown_codes()}
    assert "平台与机制/网格化管理" in shown
    assert "平台与机制" in shown
    assert len(shown) < len(window.bench.codes)
    panel.filter.clear()
    assert len(panel.shown_codes()) == len(window.bench.codes)


def test_drop_moves_a_code_through_the_core_and_undo_puts_it_back(qtbot, project_path, open_window):
    window = open_window(project_path)
    model = window.codebook.model
    grid = next(c.id for c in window.bench.codes if c.path == "平台与机制/网格化管理")
    five = next(c.id for c in window.bench.codes if c.path == "五治")
    data = model.mimeData([model.index_of(grid)])
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, model.index_of(five)) is False
    assert "五治/网格化管理" in paths(project_path)
    assert window.bench.code_label(grid) == "五治/网格化管理"
    assert model.index_of(grid).parent().data(Qt.ItemDataRole.UserRole) == five
    window.undo_action.trigger()
    assert "平台与机制/网格化管理" in paths(project_path)
    # A code cannot be dropped into its own subtree.
    law = next(c.id for c in window.bench.codes if c.path == "五治/法治")
    assert not model.canDropMimeData(model.mimeData([model.index_of(five)]), Qt.DropAction.MoveAction,
                                     0, 0, model.index_of(law))


def test_in_vivo_code_from_selection_then_undo_both_steps(qtbot, project_path, open_window, monkeypatch):
    from desktop_app.gui.annotations import coding

    document_id = add_document(project_path, ASTRAL_TEXT)
    window = open_window(project_path, document_id)
    start = ASTRAL_TEXT.index("协商议事")
    window.reading.select_span(start, start + 4)
    monkeypatch.setattr(coding.QInputDialog, "getText", lambda *a, **k: (k.get("text", ""), True))
    window.coding.in_vivo.trigger()
    with open_project(project_path) as project, project.session_factory() as session:
        (row,) = session.execute(select(Annotation.start, Annotation.end, Annotation.code_id)).all()
        assert code_paths(session)[row.code_id] == "协商议事"  # a new top-level code
    assert (row.start, row.end) == (start, start + 4)
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert "协商议事" not in paths(project_path)
    window.redo_action.trigger()
    window.redo_action.trigger()
    assert len(window.bench.annotations) == 1


def test_edit_dialog_renames_and_recolours_and_the_view_follows(qtbot, project_path, open_window, monkeypatch):
    from desktop_app.gui.codebook import actions as codebook_ops
    from desktop_app.gui.codebook.code_dialog import CodeDialog

    document_id = add_document(project_path, ASTRAL_TEXT)
    window = open_window(project_path, document_id)
    law = next(c.id for c in window.bench.codes if c.path == "五治/法治")
    start = ASTRAL_TEXT.index("矛盾")
    window.reading.select_span(start, start + 2)
    window.coding.apply_code(law)

    def accept(dialog):
        dialog.name.setText("法治化")
        dialog.colour = dialog.colour.fromString("#123456")
        return CodeDialog.DialogCode.Accepted

    monkeypatch.setattr(CodeDialog, "exec", accept)
    codebook_ops.edit_dialog(window, window.bench, law)
    assert "五治/法治化" in paths(project_path)
    (info,) = window.bench.annotations.values()
    assert info.code == "五治/法治化"
    assert window.reading.layers.colours[law].name() == "#123456"
    assert window.annotations.model.index(0, 0).data() == "五治/法治化"
    window.undo_action.trigger()
    assert "五治/法治" in paths(project_path)
    assert window.bench.code_label(law) == "五治/法治"


def test_dragging_the_selection_onto_a_code_codes_it(qtbot, project_path, open_window):
    document_id = add_document(project_path, ASTRAL_TEXT)
    window = open_window(project_path, document_id)
    start = ASTRAL_TEXT.index("网格员")
    window.reading.select_span(start, start + 3)
    data = window.reading.createMimeDataFromSelection()
    model = window.codebook.model
    law = next(c.id for c in window.bench.codes if c.path == "五治/法治")
    five = next(c.id for c in window.bench.codes if c.path == "五治")
    assert not model.canDropMimeData(data, Qt.DropAction.CopyAction, -1, 0, model.index_of(five))  # a category
    model.dropMimeData(data, Qt.DropAction.CopyAction, -1, 0, model.index_of(law))
    (info,) = window.bench.annotations.values()
    assert (info.start, info.end, info.code_id, info.quote) == (start, start + 3, law, "网格员")


def test_reorganise_the_codebook_from_the_keyboard_and_undo(qtbot, project_path, open_window):
    window = open_window(project_path)
    tree = window.codebook.tree
    law = next(c.id for c in window.bench.codes if c.path == "五治/法治")
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert tree.hasFocus()
    tree.setCurrentIndex(window.codebook.model.index_of(law))
    before = [c.path for c in window.bench.codes]
    siblings = [c.name for c in window.bench.codes if c.parent == "五治"]
    position = siblings.index("法治")

    qtbot.keyClick(tree, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    names = [c.name for c in window.bench.codes if c.parent == "五治"]
    assert names.index("法治") == position - 1
    above = names[names.index("法治") - 1]
    qtbot.keyClick(tree, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)  # into the code above
    assert f"五治/{above}/法治" in paths(project_path)
    qtbot.keyClick(tree, Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier)  # and out again
    assert "五治/法治" in paths(project_path)
    for _ in range(3):
        qtbot.keyClick(tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [c.path for c in window.bench.codes] == before


def test_the_code_dialog_edits_guidance_and_examples(qtbot, project_path, open_window, monkeypatch):
    from desktop_app.core.codebook.details import code_details
    from desktop_app.gui.codebook import actions as codebook_ops
    from desktop_app.gui.codebook.code_dialog import CodeDialog

    window = open_window(project_path)
    law = next(c.id for c in window.bench.codes if c.path == "五治/法治")

    def accept(dialog):
        assert dialog.changes() == {}  # opening and closing changes nothing
        dialog.use_when.setPlainText("依法调处矛盾")
        dialog.examples.setPlainText("坚持和发展新时代“枫桥经验” | 000.txt\n法律顾问进社区 | 001.txt")
        return CodeDialog.DialogCode.Accepted

    monkeypatch.setattr(CodeDialog, "exec", accept)
    codebook_ops.edit_dialog(window, window.bench, law)
    with open_project(project_path) as project, project.session_factory() as session:
        guidance = code_details(session, law).guidance
    assert guidance["use_when"] == "依法调处矛盾"
    assert guidance["examples"] == [{"quote": "坚持和发展新时代“枫桥经验”", "source": "000.txt"},
                                    {"quote": "法律顾问进社区", "source": "001.txt"}]
    window.undo_action.trigger()
    with open_project(project_path) as project, project.session_factory() as session:
        assert code_details(session, law).guidance.get("use_when") != "依法调处矛盾"


def test_an_in_vivo_code_becomes_one_word_of_the_reading_view(qtbot, project_path, open_window, monkeypatch):
    from desktop_app.gui.annotations import coding

    window = open_window(project_path)
    document_id = next(r.id for r in window.documents.model.rows if r.title.startswith("000"))
    window.open_document(document_id)
    qtbot.waitUntil(lambda: window.reading.boundaries is not None, timeout=30000)
    text = window.bench.document.text
    start = text.index("金岭先行示范社区")
    assert start + 2 in window.reading.boundaries  # 金岭/先行/示范/社区 before it is a code
    window.reading.select_span(start, start + 8)
    monkeypatch.setattr(coding.QInputDialog, "getText", lambda *a, **k: (k.get("text", ""), True))
    window.coding.in_vivo.trigger()
    qtbot.waitUntil(lambda: start + 2 not in (window.reading.boundaries or [start + 2]), timeout=30000)
    assert start in window.reading.boundaries and start + 8 in window.reading.boundaries
