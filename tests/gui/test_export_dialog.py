"""File > Export project… as a user works it: pick the program, tick coders and codes, name the file, Export;
the written project.qde has the positions that program counts."""

from __future__ import annotations

import xml.etree.ElementTree as ET
import zipfile

import pytest
from conftest import ASTRAL_TEXT, add_document
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from desktop_app.core.interchange.programs import PROGRAMS

NS = {"q": "urn:QDA-XML:project:1.0"}
START = ASTRAL_TEXT.index("社区")  # after 𠮷 and 😀: two UTF-16 units more than code points
EXPECTED = {"generic": START, "maxqda": START, "nvivo": START + 2}


def coded_window(qtbot, project_path, open_window):
    document = add_document(project_path, ASTRAL_TEXT)
    window = open_window(project_path, document)
    law = next(c.id for c in window.bench.codes if c.path == "五治/法治")
    window.reading.select_span(START, START + 2)
    window.coding.apply_code(law)
    return window


def export_through_dialog(qtbot, window, path, program_name, untick=()):
    window.files.export.trigger()
    dialog = window.files.program_dialog
    qtbot.waitExposed(dialog)
    dialog.program.setCurrentIndex(dialog.program.findText(program_name))
    for widget, text in untick:
        for i in range(widget.count()):
            if widget.item(i).text() != text:
                widget.item(i).setCheckState(Qt.CheckState.Unchecked)
    qtbot.keyClicks(dialog.path, str(path))
    qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    return dialog


def selections(path):
    with zipfile.ZipFile(path) as package:
        root = ET.fromstring(package.read("project.qde"))
    return root, root.findall(".//q:PlainTextSelection", NS)


@pytest.mark.parametrize("entry", PROGRAMS, ids=[p.key for p in PROGRAMS])
def test_each_program_gets_the_positions_it_counts(qtbot, project_path, open_window, tmp_path, entry):
    window = coded_window(qtbot, project_path, open_window)
    out = tmp_path / f"{entry.key}.qdpx"
    dialog = export_through_dialog(qtbot, window, out, entry.name)
    assure = dialog.reason.text()
    assert entry.target in assure
    qtbot.waitUntil(lambda: hasattr(window.files, "last_export"), timeout=30000)
    root, found = selections(out)
    mine = [s for s in found if s.get("name", "").startswith("社区")]
    assert [int(s.get("startPosition")) for s in mine] == [EXPECTED[entry.target]]
    assert (entry.target == "generic") == ("target" not in root.get("origin"))
    assert entry.target in window.statusBar().currentMessage() or entry.target == "generic"
    assert window.settings.value("export/program") == entry.key


def test_the_last_program_is_offered_again(qtbot, project_path, open_window, tmp_path):
    window = coded_window(qtbot, project_path, open_window)
    export_through_dialog(qtbot, window, tmp_path / "m.qdpx", "MAXQDA")
    qtbot.waitUntil(lambda: hasattr(window.files, "last_export"), timeout=30000)
    window.files.export.trigger()
    again = window.files.program_dialog
    assert again.program.currentText() == "MAXQDA" and "maxqda" in again.reason.text()
    again.reject()


def test_one_coder_and_one_code_export_only_their_codings(qtbot, project_path, open_window, tmp_path,
                                                          monkeypatch):
    window = coded_window(qtbot, project_path, open_window)
    shown: list[str] = []
    monkeypatch.setattr(window, "show_error", shown.append)
    out = tmp_path / "subset.qdpx"
    window.files.export.trigger()
    dialog = window.files.program_dialog
    for widget, keep in ((dialog.coders, "tester"), (dialog.codes, "五治/法治")):
        for i in range(widget.count()):
            if widget.item(i).text() != keep:
                widget.item(i).setCheckState(Qt.CheckState.Unchecked)
    qtbot.keyClicks(dialog.path, str(out))
    qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: hasattr(window.files, "last_export") or bool(shown), timeout=30000)
    assert shown == []
    root, found = selections(out)
    names = {code.get("guid"): code.get("name") for code in root.findall(".//q:Code", NS)}
    refs = [ref.get("targetGUID") for ref in root.findall(".//q:CodeRef", NS)]
    assert len(found) == 1 and found[0].get("name").startswith("社区")
    assert [names[ref] for ref in refs] == ["法治"]
    users = root.findall(".//q:User", NS)
    assert [u.get("name") for u in users] == ["tester"]


def test_a_failing_path_shows_a_message_and_no_traceback(qtbot, project_path, open_window, monkeypatch):
    window = coded_window(qtbot, project_path, open_window)
    shown: list[str] = []
    monkeypatch.setattr(window, "show_error", shown.append)
    export_through_dialog(qtbot, window, project_path, "NVivo for Windows")
    qtbot.waitUntil(lambda: bool(shown), timeout=30000)
    assert "is the open project" in shown[0] and "Traceback" not in shown[0]
    assert not hasattr(window.files, "last_export")
