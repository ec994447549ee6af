"""Find across scripts, layout and zoom restored, document status, coded segments, the source view."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop_app.core.store.project import open_project
from tests.gui.conftest import ASTRAL_TEXT, add_document

TRADITIONAL = "本著統籌之治，推進網格化管理。\n网格员巡查网格。"


def test_find_matches_simplified_and_traditional_script(qtbot, project_path, open_window):
    document_id = add_document(project_path, TRADITIONAL)
    window = open_window(project_path, document_id)
    qtbot.keyClick(window.reading, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.find_bar.isVisible() and window.find_box.hasFocus()
    window.find_box.setText("网格")  # QTest cannot type CJK
    hits = window.reading.search_hits
    assert hits == [(9, 11), (16, 18), (21, 23)]
    assert [TRADITIONAL[a:b] for a, b in hits] == ["網格", "网格", "网格"]
    assert len(window.reading.extraSelections()) == 3
    assert window.reading.selected_span() == (9, 11)
    qtbot.keyClick(window.find_box, Qt.Key.Key_Escape)
    assert not window.find_bar.isVisible()
    assert window.reading.extraSelections() == []


def test_zoom_layout_and_last_document_are_restored(qtbot, project_path, open_window, settings):
    document_id = add_document(project_path, ASTRAL_TEXT)
    window = open_window(project_path, document_id)
    size = window.reading.font_size
    qtbot.keyClick(window.reading, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.reading, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert window.reading.font_size == size + 2
    window.docks["memo"].hide()
    window.set_word_mode("shading")
    window.close()
    window.bench.project.close()

    again = open_window(project_path)
    assert again.bench.document.id == document_id
    assert again.reading.font_size == size + 2
    assert not again.docks["memo"].isVisible()
    assert again.reading.word_mode == "shading"


def test_document_status_is_set_and_undone(qtbot, project_path, open_window):
    window = open_window(project_path)
    document_id = window.bench.document.id
    window.status_actions["done"].trigger()
    model = window.documents.model
    assert model.statuses[document_id] == "done"
    with open_project(project_path) as project, project.session_factory() as session:
        from desktop_app.core.annotate.revisions import document_statuses

        assert document_statuses(session, "tester") == {document_id: "done"}
    window.undo_action.trigger()
    assert model.statuses[document_id] == "not_started"


def test_coded_segments_open_in_the_reading_view(qtbot, project_path, open_window):
    document_id = add_document(project_path, ASTRAL_TEXT)
    window = open_window(project_path, document_id)
    law = next(c.id for c in window.bench.codes if c.path == "五治/法治")
    five = next(c.id for c in window.bench.codes if c.path == "五治")
    a = ASTRAL_TEXT.index("协商议事")
    window.reading.select_span(a, a + 4)
    window.coding.apply_code(law)
    first = next(iter(window.documents.model.rows)).id
    window.open_document(first)
    window.coding.show_segments(five)
    tree, model = window.segments.tree, window.segments.model
    assert model.rowCount() == 1
    item = model.index(0, 0, model.index(0, 0))
    assert "【协商议事】" in item.data()
    tree.setCurrentIndex(item)  # the passage chosen, then Return opens it (what a double-click does)
    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert window.bench.document.id == document_id
    assert window.reading.selected_annotation == next(iter(window.bench.annotations))


def open_source(window, monkeypatch):
    from desktop_app.gui.documents.source_dialog import SourceDialog

    shown = []
    monkeypatch.setattr(SourceDialog, "exec", lambda dialog: shown.append(dialog) or 0)
    window.source_action.trigger()
    (dialog,) = shown
    return dialog


def test_the_original_text_shows_what_cleaning_removed_and_the_record_leads_to_it(qtbot, project_path,
                                                                                 open_window, monkeypatch):
    import re

    window = open_window(project_path)
    traditional = next(r.id for r in window.documents.model.rows if r.script == "traditional")
    window.open_document(traditional)
    dialog = open_source(window, monkeypatch)
    assert dialog.original.toPlainText() == window.bench.document.original_text
    marks = dialog.marked_spans()
    glosses = [text for step, text in marks if step == "pinyin"]
    assert len(glosses) == 288 and all(re.fullmatch(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)", g) for g in glosses)
    assert ("furniture", "責(zé)編:王亞東\n") in marks  # the editor line as published, gloss and all
    assert "Pinyin glosses removed (288)" in dialog.legend.text()

    record = dialog.record
    pinyin = next(record.topLevelItem(i) for i in range(record.topLevelItemCount())
                  if record.topLevelItem(i).text(0).startswith("Pinyin glosses removed"))
    assert pinyin.childCount() == 288
    fifth = pinyin.child(4)
    lines = {(pinyin.child(i).text(2), pinyin.child(i).text(1)) for i in range(pinyin.childCount())}
    assert fifth.text(1) == "line 1" and ("(zé)", "line 12") in lines  # 責(zé)編:王亞東 is line 12
    record.itemDoubleClicked.emit(fifth, 0)
    assert dialog.tabs.currentIndex() == 0
    assert dialog.original.textCursor().selectedText() == fifth.text(2) == glosses[4]


def test_marks_stay_on_their_characters_next_to_astral_ones(qtbot, project_path, open_window, monkeypatch,
                                                           tmp_path):
    from desktop_app.core.store.project import open_project
    from desktop_app.core.text.importer import import_paths

    article = tmp_path / "astral.txt"
    article.write_text("𠮷報(bào)訊😀網(wǎng)格員走訪。\n責編:王營波\n", encoding="utf-8")
    with open_project(project_path) as project:
        [result] = import_paths(project.session_factory, [article])
    window = open_window(project_path, result.id)
    dialog = open_source(window, monkeypatch)
    assert dialog.marked_spans() == [("pinyin", "(bào)"), ("pinyin", "(wǎng)"), ("furniture", "責編:王營波\n"),
                                     ("whitespace", "\n")]


def test_hiding_a_code_and_other_coders(qtbot, project_path, open_window):
    document_id = add_document(project_path, ASTRAL_TEXT)
    window = open_window(project_path, document_id)
    law = next(c.id for c in window.bench.codes if c.path == "五治/法治")
    a = ASTRAL_TEXT.index("协商议事")
    window.reading.select_span(a, a + 4)
    window.coding.apply_code(law)
    block = window.reading.document().findBlock(window.reading.layers.positions.to_qt(a))
    assert block.layout().formats()
    window.coding.set_hidden({law})
    assert not block.layout().formats()
    window.coding.set_hidden(set())
    window.bench.coder = "someone-else"
    window.others_action.trigger()  # off: only my (someone-else's) annotations
    assert not block.layout().formats()
    window.others_action.trigger()
    assert block.layout().formats()


def test_choosing_which_coders_are_shown(qtbot, project_path, open_window):
    from desktop_app.core.annotate.operations import create_annotation

    document_id = add_document(project_path, ASTRAL_TEXT)
    a = ASTRAL_TEXT.index("协商议事")
    with open_project(project_path) as project, project.session_factory.begin() as session:
        create_annotation(session, document_id, a, a + 4, "五治/自治", "colleague")
    window = open_window(project_path, document_id)
    window._fill_coders_menu()
    names = [action.text() for action in window.coders_menu.actions()]
    assert names == ["colleague", "tester"]
    block = window.reading.document().findBlock(window.reading.layers.positions.to_qt(a))
    assert block.layout().formats()
    window.coders_menu.actions()[0].setChecked(False)  # hide the colleague's layer
    assert window.reading.layers.shown_coders == {"tester"}
    assert not block.layout().formats()
    assert not window.others_action.isChecked()
    window.coders_menu.actions()[0].setChecked(True)
    assert window.reading.layers.shown_coders is None
    assert block.layout().formats()
    # Hovering names the code and the coder.
    (span,) = window.reading.spans_at(a)
    assert "五治/自治 — colleague" in window._describe_span(span)


def test_annotations_dock_lists_in_text_order_and_a_click_selects(qtbot, project_path, open_window):
    document_id = add_document(project_path, ASTRAL_TEXT)
    window = open_window(project_path, document_id)
    law = next(c.id for c in window.bench.codes if c.path == "五治/法治")
    late, early = ASTRAL_TEXT.index("协商议事"), ASTRAL_TEXT.index("网格员")
    for start, length in ((late, 4), (early, 3)):
        window.reading.select_span(start, start + length)
        window.coding.apply_code(law)
    table = window.annotations.table
    assert [table.model().index(r, 1).data() for r in range(2)] == ["网格员", "协商议事"]
    rect = table.visualRect(table.model().index(1, 1))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    selected = window.bench.annotations[window.reading.selected_annotation]
    assert selected.quote == "协商议事"
    assert window.memo.annotation_id == selected.id
    # The code tree counts this document's annotations and the project's (updated after the paint).
    index = window.codebook.model.index_of(law)
    qtbot.waitUntil(lambda: index.siblingAtColumn(1).data() == 2)
    assert index.siblingAtColumn(2).data() == 2


def test_switching_the_coder_keeps_each_coders_work_apart(qtbot, project_path, open_window, settings):
    document_id = add_document(project_path, ASTRAL_TEXT)
    window = open_window(project_path, document_id)
    law = next(c.id for c in window.bench.codes if c.path == "五治/法治")
    a = ASTRAL_TEXT.index("协商议事")
    window.reading.select_span(a, a + 4)
    window.coding.apply_code(law)
    window.set_coder("李老师")
    assert "李老师" in window.status_coder.text()
    assert settings.value("coder") == "李老师"
    row = window.documents.model.row_of(document_id)
    assert window.documents.model.mine[document_id] == 0 and window.documents.model.rows[row].annotations == 1
    window.reading.select_span(a, a + 2)
    window.coding.apply_code(law)
    window.undo_action.trigger()
    window.undo_action.trigger()
    window.set_coder("tester")
    window.redo_action.trigger()  # redone as the coder who made it, not as whoever is coding now
    (info,) = window.bench.annotations.values()
    assert info.coder == "tester"


def test_editing_document_details_is_undoable(qtbot, project_path, open_window, monkeypatch):
    from desktop_app.gui.documents.details_dialog import DocumentDialog

    window = open_window(project_path)
    document_id = window.bench.document.id
    old_title = window.bench.document.title

    def accept(dialog):
        dialog.fields["title"].setText("东湖街道枫桥经验")
        dialog.fields["published"].setText("2022-06-01")
        dialog.fields["authors"].setText("任琪琪、石佳茵")
        return DocumentDialog.DialogCode.Accepted

    monkeypatch.setattr(DocumentDialog, "exec", accept)
    window.details_action.trigger()
    row = window.documents.model.row_of(document_id)
    assert window.documents.model.rows[row].title == "东湖街道枫桥经验"
    assert window.bench.document.authors == ["任琪琪", "石佳茵"]
    assert window.bench.document.published == "2022-06-01"
    window.undo_action.trigger()
    assert window.documents.model.rows[window.documents.model.row_of(document_id)].title == old_title


def test_coded_segments_follow_new_coding(qtbot, project_path, open_window):
    document_id = add_document(project_path, ASTRAL_TEXT)
    window = open_window(project_path, document_id)
    law = next(c.id for c in window.bench.codes if c.path == "五治/法治")
    window.coding.show_segments(law)
    model = window.segments.model
    assert model.rowCount() == 0
    a = ASTRAL_TEXT.index("网格员")
    window.reading.select_span(a, a + 3)
    window.coding.apply_code(law)
    assert model.rowCount() == 1 and model.rowCount(model.index(0, 0)) == 1
    assert "【网格员】" in model.index(0, 0, model.index(0, 0)).data()
    window.undo_action.trigger()
    assert model.rowCount() == 0


def test_a_hidden_coded_segments_panel_does_no_work_until_shown(qtbot, project_path, open_window):
    document_id = add_document(project_path, ASTRAL_TEXT)
    window = open_window(project_path, document_id)
    law = next(c.id for c in window.bench.codes if c.path == "五治/法治")
    panel = window.segments
    assert not panel.on_screen  # tabbed behind the annotations dock, though Qt calls it visible
    before = panel.refreshes
    for word in ("网格员", "协商议事"):
        a = ASTRAL_TEXT.index(word)
        window.reading.select_span(a, a + len(word))
        window.coding.apply_code(law)
    qtbot.wait(50)  # every deferred update has run
    assert panel.refreshes == before and panel.stale
    window.coding.show_segments(law)
    assert panel.on_screen and panel.refreshes == before + 1
    assert panel.model.rowCount(panel.model.index(0, 0)) == 2
    window.docks["annotations"].raise_()
    qtbot.waitUntil(lambda: not panel.on_screen)
    a = ASTRAL_TEXT.index("居民")
    window.reading.select_span(a, a + 2)
    window.coding.apply_code(law)
    assert panel.refreshes == before + 1 and panel.model.rowCount(panel.model.index(0, 0)) == 2


def test_coded_segments_are_read_a_page_at_a_time_and_keep_their_order(qtbot, project_path, open_window):
    from desktop_app.core.annotate.operations import create_annotation
    from desktop_app.core.store.project import open_project
    from desktop_app.gui.annotations.segments_model import PAGE

    document_id = add_document(project_path, ASTRAL_TEXT * 40)
    with open_project(project_path) as project, project.session_factory.begin() as session:
        for start in range(0, len(ASTRAL_TEXT) * 40 - 4, 3):
            create_annotation(session, document_id, start, start + 2, "五治/法治", "tester")
    window = open_window(project_path, document_id)
    law = next(c.id for c in window.bench.codes if c.path == "五治/法治")
    window.coding.show_segments(law)
    model = window.segments.model
    assert model.loaded == PAGE < model.total
    window.segments.tree.scrollToBottom()
    qtbot.waitUntil(lambda: model.loaded > PAGE)
    while model.canFetchMore():
        model.fetchMore()
    group = model.index(0, 0)
    starts = [model.segment_at(model.index(r, 0, group)).start for r in range(model.rowCount(group))]
    assert starts == sorted(starts) and len(starts) == model.total


def test_hovering_a_coded_span_shows_its_codes_coders_and_memos(qtbot, project_path, open_window, monkeypatch):
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication, QToolTip

    from tests.gui.conftest import point_of

    document_id = add_document(project_path, ASTRAL_TEXT)
    window = open_window(project_path, document_id)
    law = next(c.id for c in window.bench.codes if c.path == "五治/法治")
    a = ASTRAL_TEXT.index("网格员")
    window.reading.select_span(a, a + 3)
    window.coding.apply_code(law)
    window.reading.select_span(a, a + 5)
    window.coding.apply_code(next(c.id for c in window.bench.codes if c.path == "五治/自治"))
    info = next(i for i in window.bench.annotations.values() if i.code_id == law)
    window.coding.save_memo("annotation", info.id, "网格员是治理末梢")
    shown = []
    monkeypatch.setattr(QToolTip, "showText", lambda pos, text, *rest: shown.append(text))
    point = point_of(window.reading, a + 1)
    event = QHelpEvent(QEvent.Type.ToolTip, point, window.reading.viewport().mapToGlobal(point))
    QApplication.sendEvent(window.reading.viewport(), event)
    assert shown and "五治/法治 — tester" in shown[0] and "五治/自治 — tester" in shown[0]
    assert "网格员是治理末梢" in shown[0]


def test_the_source_says_which_date_became_the_publication_date(qtbot, project_path, open_window, monkeypatch):
    window = open_window(project_path)
    reposted = next(r.id for r in window.documents.model.rows if r.source == "深圳新闻网")
    window.open_document(reposted)
    dialog = open_source(window, monkeypatch)
    metadata = dialog.tabs.widget(2).toPlainText()
    assert "2023-01-20  (header line: 2023-01-20 01:43:41)" in metadata
    assert "Publication date taken from: dateline (2022-01-13)" in metadata
    assert "The dates disagree" in metadata


def test_the_source_tells_of_bytes_that_could_not_be_decoded(qtbot, project_path, open_window, monkeypatch,
                                                              tmp_path):
    import re

    from desktop_app.core.paths import seed_files
    from desktop_app.core.store.project import open_project
    from desktop_app.core.text.importer import import_paths

    data = seed_files()[3].read_text(encoding="utf-8").encode("gb18030")
    scraped = tmp_path / "scraped.txt"
    scraped.write_bytes(data[:300] + b"\xff" + data[300:] + "\n责任编辑:李四".encode("gb18030"))
    with open_project(project_path) as project:
        [result] = import_paths(project.session_factory, [scraped], force=True)
    window = open_window(project_path, result.id)
    dialog = open_source(window, monkeypatch)
    assert re.search(r"Places where the file could not be decoded: \d+ \(each shown as \ufffd",
                     dialog.tabs.widget(2).toPlainText())
    assert ("mojibake", "\ufffd") in [(step, text[:1]) for step, text in dialog.marked_spans()]


def test_removed_control_characters_are_marked_where_they_stood(qtbot, project_path, open_window, monkeypatch,
                                                              tmp_path):
    article = tmp_path / "nul.txt"
    article.write_bytes(("社区网格员开展矛盾纠纷调解工作。\n" * 200 + "居民\x00议事会协商议事。\n").encode("utf-8"))
    window = open_window(project_path)
    window.files.import_paths([article])
    qtbot.waitUntil(lambda: hasattr(window.files, "last_import"), timeout=30000)
    (result,) = window.files.last_import
    window.open_document(result.id)
    dialog = open_source(window, monkeypatch)
    assert ("controls", "␀") in dialog.marked_spans()
    assert "Control characters removed (shown as ␀) (1)" in dialog.legend.text()
    assert "居民议事会" in window.bench.document.text
