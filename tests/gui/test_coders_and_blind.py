"""Coders in the window (the Coders dialog: add, rename, switch, with undo), blind double-coding (another
coder's annotations not drawn until the document is marked done), my assigned documents, and two
coders side by side."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop_app.core.annotate.assignment import assign_documents
from desktop_app.core.annotate.blind import blind_mode, set_blind_mode
from desktop_app.core.annotate.coders import list_coders
from desktop_app.core.annotate.operations import create_annotation
from desktop_app.core.store.project import open_project
from desktop_app.gui.documents.list_model import ALL, MINE
from tests.gui.conftest import ASTRAL_TEXT, add_document

MINE_AT = ASTRAL_TEXT.index("矛盾")  # first line: the tester's
THEIRS_AT = ASTRAL_TEXT.index("协商议事")  # second line: the colleague's


def coder_names(project_path):
    with open_project(project_path) as project, project.session_factory() as session:
        return [coder.name for coder in list_coders(session)]


def two_coders(project_path, *, blind: bool) -> int:
    document_id = add_document(project_path, ASTRAL_TEXT)
    with open_project(project_path) as project, project.session_factory.begin() as session:
        create_annotation(session, document_id, MINE_AT, MINE_AT + 2, "五治/法治", "tester")
        create_annotation(session, document_id, THEIRS_AT, THEIRS_AT + 4, "五治/自治", "colleague")
        set_blind_mode(session, blind)
    return document_id


def drawn(view, char: int) -> bool:
    block = view.document().findBlock(view.layers.positions.to_qt(char))
    view.highlighter.rehighlightBlock(block)
    return bool(block.layout().formats())


def item_named(dialog, name):
    for row in range(dialog.list.count()):
        item = dialog.list.item(row)
        if item.data(Qt.ItemDataRole.UserRole) == name:
            return item
    raise AssertionError(f"{name} not listed")


def click_item(qtbot, dialog, name):
    item = item_named(dialog, name)
    rect = dialog.list.visualItemRect(item)
    qtbot.mouseClick(dialog.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_the_coders_dialog_adds_renames_and_switches_with_undo(qtbot, project_path, open_window):
    window = open_window(project_path)
    window.coders_action.trigger()
    dialog = window.coders_dialog
    assert dialog.isVisible()
    # The keys go to the dialog (not to the window's coding keys) once it is the active window.
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog and dialog.name.hasFocus())
    qtbot.keyClicks(dialog.name, "Ann")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert "Ann" in coder_names(project_path)
    assert item_named(dialog, "Ann")
    window.undo_action.trigger()
    assert "Ann" not in coder_names(project_path)
    window.redo_action.trigger()
    assert "Ann" in coder_names(project_path)

    click_item(qtbot, dialog, "Ann")
    qtbot.keyClicks(dialog.name, "Bea")
    qtbot.mouseClick(dialog.rename_button, Qt.MouseButton.LeftButton)
    names = coder_names(project_path)
    assert "Bea" in names and "Ann" not in names
    window.undo_action.trigger()
    assert "Ann" in coder_names(project_path) and "Bea" not in coder_names(project_path)
    window.redo_action.trigger()

    click_item(qtbot, dialog, "Bea")
    qtbot.mouseClick(dialog.switch_button, Qt.MouseButton.LeftButton)
    assert window.bench.coder == "Bea"
    assert "Bea" in window.status_coder.text()
    assert "Bea" in dialog.current.text()


def test_renaming_the_coder_at_work_keeps_their_work_theirs(qtbot, project_path, open_window):
    document_id = two_coders(project_path, blind=False)
    window = open_window(project_path, document_id)
    dialog = window.open_coders()
    click_item(qtbot, dialog, "tester")
    qtbot.keyClicks(dialog.name, "Tess")
    qtbot.mouseClick(dialog.rename_button, Qt.MouseButton.LeftButton)
    assert window.bench.coder == "Tess"
    assert {a.coder for a in window.bench.annotations.values()} == {"Tess", "colleague"}
    assert window.documents.model.mine[document_id] == 1


def test_blind_coding_hides_the_colleague_until_the_document_is_done(qtbot, project_path, open_window):
    document_id = two_coders(project_path, blind=True)
    window = open_window(project_path, document_id)
    view, model = window.reading, window.documents.model
    row = model.row_of(document_id)
    assert window.blind_action.isChecked()
    assert drawn(view, MINE_AT) and not drawn(view, THEIRS_AT)
    assert {a.coder for a in window.bench.annotations.values()} == {"tester"}
    assert model.index(row, ALL).data() == 1 and model.index(row, MINE).data() == 1

    window.status_actions["done"].trigger()
    assert drawn(view, THEIRS_AT)
    assert model.index(model.row_of(document_id), ALL).data() == 2
    window.undo_action.trigger()  # back to not started: hidden again
    assert not drawn(view, THEIRS_AT)

    window.blind_action.trigger()  # off, as an undoable edit
    with open_project(project_path) as project, project.session_factory() as session:
        assert not blind_mode(session)
    assert drawn(view, THEIRS_AT)
    window.undo_action.trigger()
    assert window.blind_action.isChecked() and not drawn(view, THEIRS_AT)


def test_only_my_assigned_documents(qtbot, project_path, open_window):
    with open_project(project_path) as project, project.session_factory.begin() as session:
        plan = assign_documents(session, ["tester", "colleague"], seed=3)
    window = open_window(project_path)
    panel = window.documents
    everything = panel.proxy.rowCount()
    qtbot.mouseClick(panel.assigned_only, Qt.MouseButton.LeftButton)
    assert panel.assigned_only.isChecked()
    shown = {panel.proxy.index(r, 0).data(Qt.ItemDataRole.UserRole) for r in range(panel.proxy.rowCount())}
    assert shown == set(plan.documents["tester"]) and len(shown) < everything
    qtbot.mouseClick(panel.assigned_only, Qt.MouseButton.LeftButton)
    assert panel.proxy.rowCount() == everything


def test_side_by_side_shows_each_coders_spans_in_its_column_and_scrolls_together(qtbot, project_path,
                                                                                 open_window):
    long_text = ASTRAL_TEXT + "\n" + "\n".join(f"第{n}段，社区治理。" for n in range(300))
    document_id = add_document(project_path, long_text, title="Long")
    with open_project(project_path) as project, project.session_factory.begin() as session:
        create_annotation(session, document_id, MINE_AT, MINE_AT + 2, "五治/法治", "tester")
        create_annotation(session, document_id, THEIRS_AT, THEIRS_AT + 4, "五治/自治", "colleague")
    window = open_window(project_path, document_id)
    window.side_by_side_action.trigger()
    side = window.side_by_side
    qtbot.waitExposed(side)
    side.choose("colleague", "tester")
    left, right = side.views
    assert drawn(left, THEIRS_AT) and not drawn(left, MINE_AT)
    assert drawn(right, MINE_AT) and not drawn(right, THEIRS_AT)
    assert left.isReadOnly() and right.isReadOnly()
    bar = left.verticalScrollBar()
    assert bar.maximum() > 0
    bar.setValue(bar.maximum() // 2)
    assert right.verticalScrollBar().value() == bar.maximum() // 2
    right.verticalScrollBar().setValue(3)
    assert bar.value() == 3
