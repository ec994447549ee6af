"""The File menu: import documents and export the project on a worker, open another project, recent projects."""

from __future__ import annotations

import zipfile

import pytest
from PySide6.QtCore import Qt

from desktop_app.gui.shell import file_actions


def test_import_documents_with_progress_then_they_are_listed(qtbot, project_path, open_window, tmp_path):
    window = open_window(project_path)
    article = tmp_path / "新闻.txt"
    article.write_text("社区网格员开展矛盾纠纷调解工作。\n居民议事会推进协商议事。\n" * 5, encoding="utf-8")
    before = window.documents.model.rowCount()
    window.files.import_paths([article])
    qtbot.waitUntil(lambda: window.documents.model.rowCount() == before + 1, timeout=30000)
    assert [r.status for r in window.files.last_import] == ["imported"]


def test_export_the_project_as_qdpx(qtbot, project_path, open_window, tmp_path):
    window = open_window(project_path)
    law = next(c.id for c in window.bench.codes if c.path == "五治/法治")
    window.reading.select_span(0, 4)
    window.coding.apply_code(law)
    target = tmp_path / "out"
    window.files.export_to(str(target), "qdpx")
    qtbot.waitUntil(lambda: hasattr(window.files, "last_export"), timeout=30000)
    report = window.files.last_export
    assert report.path.endswith("out.qdpx") and report.annotations == 1 and report.documents == 5
    with zipfile.ZipFile(report.path) as package:
        project_xml = package.read("project.qde").decode("utf-8")
    assert "五治" in project_xml and project_xml.count("<Coding ") == 1


def test_open_another_project_replaces_the_window(qtbot, project_path, open_window, tmp_path, monkeypatch):
    import shutil

    window = open_window(project_path)
    other = tmp_path / "other.govcoder"
    shutil.copy(project_path, other)
    monkeypatch.setattr(file_actions.QFileDialog, "getOpenFileName", lambda *a, **k: (str(other), ""))
    window.files.open.trigger()
    qtbot.waitUntil(lambda: bool(file_actions._open_windows), timeout=30000)
    opened = file_actions._open_windows.pop()
    qtbot.addWidget(opened)
    assert opened.bench.project.label == str(other)
    assert not window.isVisible()
    opened.files._fill_recent()
    recent = [a.text() for a in opened.files.recent.actions()]
    assert str(project_path) in recent
    opened.close()
    opened.bench.project.close()


def test_the_import_report_names_each_problem_file_without_blocking(qtbot, project_path, open_window, tmp_path):
    from PySide6.QtWidgets import QMessageBox

    window = open_window(project_path)
    article = "社区网格员开展矛盾纠纷调解工作。\n居民议事会推进协商议事。\n"
    for folder in ("甲", "乙"):  # the same article under the same name in two folders
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "新闻.txt").write_text(article, encoding="utf-8")
    for number in range(10):
        (tmp_path / f"空{number}.txt").write_bytes(b"")
    window.files.import_paths([tmp_path])
    qtbot.waitUntil(lambda: hasattr(window.files, "import_report"), timeout=30000)
    report = window.files.import_report
    assert report.isVisible() and report.icon() == QMessageBox.Icon.Warning
    text = report.text()
    assert text.startswith("Imported 1, skipped 1, failed 10.")
    assert "空0.txt: the file is empty" in text and "… and 3 more" in text
    details = report.detailedText().splitlines()
    assert len(details) == 11 and details[-1].startswith("甲/新闻.txt: same text as ")  # 乙 sorts first
    assert "空9.txt: the file is empty; nothing was imported" in details
    assert str(tmp_path) not in report.detailedText()  # each file named once, below the common folder
    report.accept()


def test_cancelling_a_long_import_in_its_progress_dialog_keeps_what_was_stored(qtbot, project_path, open_window,
                                                                              tmp_path):
    from PySide6.QtWidgets import QPushButton

    window = open_window(project_path)
    table = tmp_path / "两万行.csv"  # reading it takes a few seconds: long enough to be cancelled
    body = "网格员入户走访，调解矛盾纠纷，推进基层治理现代化。" * 10
    table.write_text("标题,正文\n" + "".join(f"第{n}篇,第{n}篇：{body}\n" for n in range(20000)), encoding="utf-8")
    article = tmp_path / "先到.txt"  # given before the table: stored before the cancel
    article.write_text("吹哨报到机制运行良好。", encoding="utf-8")
    before = window.documents.model.rowCount()
    window.files.import_paths([article, table])
    dialog = window.files.dialog
    qtbot.waitUntil(lambda: dialog.isVisible() and "两万行.csv (" in dialog.labelText(), timeout=30000)
    cancel = next(button for button in dialog.findChildren(QPushButton) if button.isVisible())
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: hasattr(window.files, "last_import"), timeout=30000)
    results = window.files.last_import
    kept = sum(r.status == "imported" for r in results) - 1  # the table's rows stored before the cancel
    assert [r.status for r in results] == ["imported"] * (kept + 1) + ["skipped"]
    assert kept % 1000 == 0 and kept < 20000  # whole parts of the table only
    assert results[-1].reason.startswith("import cancelled while reading this file")
    assert window.documents.model.rowCount() == before + 1 + kept
    window.files.import_report.accept()


def test_export_over_the_open_project_is_refused_and_the_project_kept(qtbot, project_path, open_window,
                                                                      monkeypatch):
    window = open_window(project_path)
    shown: list[str] = []
    monkeypatch.setattr(window, "show_error", shown.append)
    window.files.export_to(str(project_path), "csv")
    qtbot.waitUntil(lambda: bool(shown), timeout=30000)
    assert shown == [f"{project_path} is the open project; exporting there would destroy it: choose another name"]
    assert not hasattr(window.files, "last_export")
    with open(project_path, "rb") as handle:
        assert handle.read(16) == b"SQLite format 3\x00"
    assert window.documents.model.rowCount() == 5


@pytest.mark.parametrize("entries", [0, 1, 2])
def test_recent_projects_read_back_from_the_settings_file_list_whole_paths(qtbot, project_path, open_window,
                                                                          tmp_path, entries):
    import shutil
    import subprocess
    import sys

    from PySide6.QtCore import QSettings

    others = []
    for number in range(entries):
        other = tmp_path / f"研究{number}.govcoder"
        shutil.copy(project_path, other)
        others.append(str(other))
    gone = tmp_path / "removed.govcoder"
    remembered = others[:1] if entries == 1 else [*others, str(gone)]
    written = tmp_path / "previous-session.ini"
    # Written by another process, as the last session left it: read back in this one from the file, a
    # one-entry list comes back as a plain string (in one process Qt's cache would hide that).
    subprocess.run([sys.executable, "-c", "import sys; from PySide6.QtCore import QSettings; "
                    "s = QSettings(sys.argv[1], QSettings.Format.IniFormat); "
                    f"s.setValue({file_actions.RECENT_KEY!r}, sys.argv[2:]); s.sync()",
                    str(written), *remembered], check=True)
    window = open_window(project_path)
    window.settings = QSettings(str(written), QSettings.Format.IniFormat)
    window.files.recent.aboutToShow.emit()
    shown = [action.text() for action in window.files.recent.actions()]
    assert shown == (others if entries else ["(none)"])  # whole paths, the removed file left out
    if entries:
        opened = []
        window.files.open_project = opened.append
        window.files._fill_recent()
        window.files.recent.actions()[0].trigger()
        assert opened == [others[0]]
