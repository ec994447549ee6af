"""File > Save a copy: a consistent copy of the open project, WAL included, never over the project."""

from __future__ import annotations

import hashlib

from PySide6.QtWidgets import QMessageBox

from desktop_app.core.store.project import open_project
from desktop_app.gui.shell import file_actions
from tests.gui.conftest import ASTRAL_TEXT, add_document


def test_save_a_copy_from_the_menu_gives_an_openable_project_with_everything(
        qtbot, project_path, open_window, tmp_path, monkeypatch):
    document_id = add_document(project_path, ASTRAL_TEXT * 5)
    window = open_window(project_path, document_id)
    law = next(c.id for c in window.bench.codes if c.path == "五治/法治")
    step = len(ASTRAL_TEXT)
    for i in range(5):
        window.reading.select_span(i * step + 8, i * step + 11)
        window.coding.apply_code(law)
    copy = tmp_path / "copies" / "study copy.govcoder"
    copy.parent.mkdir()
    monkeypatch.setattr(file_actions.QFileDialog, "getSaveFileName", lambda *a, **k: (str(copy), ""))
    window.files.save_copy.trigger()
    qtbot.waitUntil(lambda: hasattr(window.files, "last_copy"), timeout=30000)
    assert window.files.last_copy.annotations == 5 and window.files.last_copy.documents == 6
    assert sorted(p.name for p in copy.parent.iterdir()) == ["study copy.govcoder"]  # no leftovers
    with open_project(copy) as opened, opened.session_factory() as session:
        from desktop_app.core.annotate.revisions import list_annotations
        from desktop_app.core.documents.listing import list_documents

        assert len(list_documents(session)) == 6
        assert [(a.start, a.quote) for a in list_annotations(session, document_id)] == [
            (i * step + 8, ASTRAL_TEXT[8:11]) for i in range(5)]


def test_save_a_copy_refuses_to_write_over_the_open_project(qtbot, project_path, open_window, monkeypatch):
    window = open_window(project_path)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *rest: shown.append(text))
    monkeypatch.setattr(file_actions.QFileDialog, "getSaveFileName", lambda *a, **k: (str(project_path), ""))
    before = hashlib.sha256(project_path.read_bytes()).hexdigest()
    window.files.save_copy.trigger()
    qtbot.waitUntil(lambda: bool(shown), timeout=30000)
    assert "open project itself" in shown[0]
    assert hashlib.sha256(project_path.read_bytes()).hexdigest() == before
