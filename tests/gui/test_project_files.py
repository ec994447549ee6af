"""File > New project from a REFI-QDA or JSON project file, and File > Import a project file into this
project: as a user picks them from the menu (file dialogs answered), on real project files."""

from __future__ import annotations

from sqlalchemy import func, select

from desktop_app.core.interchange.api import export_project
from desktop_app.core.store.models import Annotation, Code, Document
from desktop_app.core.store.project import open_project
from desktop_app.gui.shell import file_actions, project_import
from tests.gui.conftest import ASTRAL_TEXT, add_document


def counts(path):
    with open_project(path) as project, project.session_factory() as session:
        return tuple(session.scalar(select(func.count()).select_from(model)) for model in (Document, Code, Annotation))


def coded_export(project_path, tmp_path):
    from desktop_app.core.annotate.operations import create_annotation

    document = add_document(project_path, ASTRAL_TEXT)
    start = ASTRAL_TEXT.index("矛盾纠纷")
    with open_project(project_path) as project, project.session_factory.begin() as session:
        create_annotation(session, document, start, start + 4, "五治/法治", "甲")
    out = tmp_path / "from elsewhere.qdpx"
    with open_project(project_path) as project, project.session_factory() as session:
        export_project(session, out, "qdpx")
    return out


def test_new_project_from_a_qdpx_takes_its_codebook_as_it_is(qtbot, project_path, open_window, tmp_path,
                                                            monkeypatch):
    source = coded_export(project_path, tmp_path)
    target = tmp_path / "新项目.govcoder"
    monkeypatch.setattr(project_import.QFileDialog, "getOpenFileName", lambda *a, **k: (str(source), ""))
    monkeypatch.setattr(project_import.QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window = open_window(project_path)
    window.files.project_files.new_from_file.trigger()
    qtbot.waitUntil(lambda: window.files.project_files.last_report is not None, timeout=30_000)
    opened = file_actions._open_windows[-1]
    assert opened is not window and opened.bench.project.label == str(target)
    assert counts(target) == counts(project_path)  # same documents, the same codes (not 53 + theirs), annotations
    box = opened.files.import_report
    assert "imported" in box.text() and "1 annotations" in box.text()
    opened.close()


def test_importing_a_project_file_again_adds_nothing_and_says_so(qtbot, project_path, open_window, tmp_path,
                                                                 monkeypatch):
    source = coded_export(project_path, tmp_path)
    before = counts(project_path)
    monkeypatch.setattr(project_import.QFileDialog, "getOpenFileName", lambda *a, **k: (str(source), ""))
    monkeypatch.setattr(project_import.QInputDialog, "getItem", lambda *a, **k: (a[3][0], True))
    window = open_window(project_path)
    window.files.project_files.import_file.trigger()
    qtbot.waitUntil(lambda: window.files.project_files.last_report is not None, timeout=30_000)
    assert counts(project_path) == before
    report = window.files.project_files.last_report
    assert report.annotations == 0 and report.annotations_present == 1 and report.on_conflict == "ours"
    assert "already in the project" in window.files.import_report.text()


def test_a_broken_file_is_a_message_and_no_project_is_left_behind(qtbot, project_path, open_window, tmp_path):
    broken = tmp_path / "broken.qdpx"
    broken.write_bytes(b"not a zip at all")
    target = tmp_path / "new.govcoder"
    window = open_window(project_path)
    shown = []
    window.show_error = shown.append
    task = window.files.project_files.new_project_from(str(broken), str(target))
    qtbot.waitUntil(lambda: bool(shown), timeout=30_000)
    assert task is not None and "broken.qdpx" in shown[0] and "Traceback" not in shown[0]
    assert not target.exists()
