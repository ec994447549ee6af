"""File > Import documents… / Import folder…: the import options dialog, its remembered choices, real imports."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLabel

from desktop_app.core.store.models import Document
from desktop_app.core.text.pipeline import CleaningOptions
from desktop_app.core.text.readers import SUPPORTED_SUFFIXES
from desktop_app.gui.documents.import_dialog import ImportChoices, ImportOptionsDialog
from desktop_app.gui.shell import file_actions

GLOSSED = "香港新聞報(bào)訊，轄區(qū)經(jīng)濟發展良好，{}開展矛盾糾紛調解工作。\n居民議事會推進協商議事。\n"


def stored_text(window, document_id: int) -> str:
    with window.bench.project.session_factory() as session:
        return session.get(Document, document_id).text


def answer_options(monkeypatch, choose=lambda dialog: None, *, accept: bool = True) -> list[ImportOptionsDialog]:
    """Stand in for the user at the options dialog: look at it, change what `choose` changes, press OK or Cancel."""
    shown: list[ImportOptionsDialog] = []

    def execute(dialog: ImportOptionsDialog) -> int:
        shown.append(dialog)
        choose(dialog)
        return QDialog.DialogCode.Accepted if accept else QDialog.DialogCode.Rejected

    monkeypatch.setattr(ImportOptionsDialog, "exec", execute)
    return shown


def wait_for_import(qtbot, window, before=None):
    qtbot.waitUntil(lambda: getattr(window.files, "last_import", None) not in (None, before), timeout=60000)
    return window.files.last_import


def test_the_options_start_with_every_cleaning_step_and_can_be_driven_from_the_keyboard(qtbot, settings):
    dialog = ImportOptionsDialog(None, ImportChoices.load(settings), [Path("/tmp/新闻.txt")])
    qtbot.addWidget(dialog)
    assert all(box.isChecked() for box in dialog.steps.values())
    assert dialog.encoding.currentData() == "" and dialog.encoding.currentText() == "Automatic"
    assert [dialog.encoding.itemData(i) for i in range(dialog.encoding.count())] == [
        "", "utf-8", "gb18030", "big5", "utf-16"]
    assert not dialog.force.isChecked()
    assert dialog.choices() == ImportChoices(CleaningOptions(), None, False)
    assert dialog.what.text() == "File: 新闻.txt"

    # Every control has its own mnemonic, the encoding's label leads to the list, OK is the default.
    texts = [box.text() for box in dialog.steps.values()] + [dialog.force.text(), dialog.ok.text()]
    label = next(w for w in dialog.findChildren(QLabel) if w.buddy() is dialog.encoding)
    keys = [text[text.index("&") + 1].lower() for text in [*texts, label.text()]]
    assert len(set(keys)) == len(keys)
    assert dialog.ok.isDefault()
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    qtbot.keyClick(dialog, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: not dialog.steps["pinyin"].isChecked())  # a mnemonic clicks after a short animation
    qtbot.keyClick(dialog.steps["pinyin"], Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.choices().options == CleaningOptions(pinyin=False)


def test_the_file_filter_offers_every_format_the_importer_reads(qtbot, project_path, open_window, monkeypatch):
    window = open_window(project_path)
    asked = []
    monkeypatch.setattr(file_actions.QFileDialog, "getOpenFileNames",
                        lambda *args: asked.append(args[3]) or ([], ""))
    window.files.import_documents.trigger()
    supported, articles, tables, everything = asked[0].split(";;")
    assert all(f"*{suffix}" in supported.split("(")[1] for suffix in SUPPORTED_SUFFIXES)
    assert "*.markdown" in articles and "*.xhtml" in articles and "*.csv" not in articles
    assert tables.endswith("(*.csv *.xlsx)")
    assert everything.endswith("(*)")
    assert window.files.import_folder in window.file_menu.actions()


def test_import_folder_brings_in_every_article_of_the_folder_and_its_sub_folders(
        qtbot, project_path, open_window, tmp_path, monkeypatch):
    window = open_window(project_path)
    before = {row.id for row in window.documents.model.rows}
    folder = tmp_path / "收集"
    (folder / "二月").mkdir(parents=True)
    (folder / "街道.txt").write_text("街道办事处召开居民议事会。\n推进协商议事工作。\n" * 3, encoding="utf-8")
    (folder / "表格.csv").write_text(
        "标题,日期,正文\n"
        "网格化管理,2024-03-01,社区网格员走访居民，开展矛盾纠纷调解工作。\n"
        "志愿服务,2024-03-02,志愿者参与社区治理，服务老年居民。\n", encoding="utf-8")
    (folder / "二月" / "深层.md").write_text("基层治理新探索\n\n村民自治章程修订完成。\n", encoding="utf-8")
    (folder / "照片.jpg").write_bytes(b"\xff\xd8\xff\xe0 not an article")
    monkeypatch.setattr(file_actions.QFileDialog, "getExistingDirectory", lambda *args: str(folder))
    shown = answer_options(monkeypatch)

    window.files.import_folder.trigger()
    results = wait_for_import(qtbot, window)

    assert "收集" in shown[0].what.text()
    assert [r.status for r in results] == ["imported"] * 4
    from_file = {name: sum(str(folder / name) in r.file for r in results)
                 for name in ("街道.txt", "表格.csv", "二月/深层.md")}
    assert from_file == {"街道.txt": 1, "表格.csv": 2, "二月/深层.md": 1}  # a table gives an article a row
    new = [row for row in window.documents.model.rows if row.id not in before]
    assert {row.title for row in new} >= {"网格化管理", "志愿服务"}
    assert len(new) == 4


def test_unticking_pinyin_glosses_keeps_them_and_the_next_import_starts_from_that_choice(
        qtbot, project_path, open_window, settings, tmp_path, monkeypatch):
    window = open_window(project_path)
    cleaned, kept = tmp_path / "清理.txt", tmp_path / "保留.txt"
    cleaned.write_text(GLOSSED.format("社區網格員"), encoding="utf-8")
    kept.write_text(GLOSSED.format("街道辦事處"), encoding="utf-8")
    chosen = [[cleaned]]
    monkeypatch.setattr(file_actions.QFileDialog, "getOpenFileNames",
                        lambda *args: ([str(p) for p in chosen[0]], ""))

    answer_options(monkeypatch)  # OK with the defaults
    window.files.import_documents.trigger()
    (first,) = wait_for_import(qtbot, window)
    assert "報訊" in stored_text(window, first.id) and "(bào)" not in stored_text(window, first.id)

    def keep_pinyin_and_read_as_utf8(dialog):
        dialog.steps["pinyin"].setChecked(False)
        dialog.encoding.setCurrentIndex(dialog.encoding.findData("utf-8"))
        dialog.force.setChecked(True)

    chosen[0] = [kept]
    answer_options(monkeypatch, keep_pinyin_and_read_as_utf8)
    window.files.import_documents.trigger()
    (second,) = wait_for_import(qtbot, window, window.files.last_import)
    assert second.status == "imported" and second.encoding == "utf-8"
    assert "報(bào)訊" in stored_text(window, second.id)

    remembered = ImportChoices.load(settings)
    assert remembered == ImportChoices(CleaningOptions(pinyin=False), "utf-8", False)
    shown = answer_options(monkeypatch, accept=False)
    window.files.import_documents.trigger()
    assert not shown[0].steps["pinyin"].isChecked() and shown[0].steps["furniture"].isChecked()
    assert shown[0].encoding.currentText() == "UTF-8"
    assert not shown[0].force.isChecked()  # duplicates are let in once, never by a remembered default


def test_cancel_in_the_options_dialog_imports_nothing(qtbot, project_path, open_window, settings, tmp_path,
                                                      monkeypatch):
    window = open_window(project_path)
    before = window.documents.model.rowCount()
    folder = tmp_path / "新闻"
    folder.mkdir()
    (folder / "一篇.txt").write_text("社区网格员开展矛盾纠纷调解工作。\n", encoding="utf-8")
    monkeypatch.setattr(file_actions.QFileDialog, "getExistingDirectory", lambda *args: str(folder))
    started = []
    monkeypatch.setattr(file_actions.workers, "start", lambda task: started.append(task) or task)

    def change_everything(dialog):
        dialog.steps["whitespace"].setChecked(False)
        dialog.force.setChecked(True)

    shown = answer_options(monkeypatch, change_everything, accept=False)
    window.files.import_folder.trigger()

    assert len(shown) == 1 and not started
    assert not hasattr(window.files, "last_import")
    assert window.documents.model.rowCount() == before
    assert ImportChoices.load(settings) == ImportChoices()  # what was changed before Cancel is not kept
