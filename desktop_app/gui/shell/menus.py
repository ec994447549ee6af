"""The main window's actions and menus: created once, named again whenever the language changes."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QActionGroup, QKeySequence

from desktop_app.gui.base import i18n
from desktop_app.gui.reading.view import WORDS_OFF, WORDS_SEPARATORS, WORDS_SHADING


def create_actions(window) -> None:
    stack = window.bench.undo_stack
    K = QKeySequence
    window.undo_action = stack.createUndoAction(window)
    window.undo_action.setShortcuts([K(K.StandardKey.Undo)])
    window.redo_action = stack.createRedoAction(window)
    window.redo_action.setShortcuts([K("Ctrl+Shift+Z"), K("Ctrl+Y")])
    window.quit_action = window._action("quit", window.close, K(K.StandardKey.Quit))
    window.find_action = window._action("find", window.show_find, K(K.StandardKey.Find))
    window.zoom_in_action = window._action("zoomIn", lambda: window.zoom(+1), [K("Ctrl++"), K("Ctrl+=")])
    window.zoom_out_action = window._action("zoomOut", lambda: window.zoom(-1), K("Ctrl+-"))
    window.zoom_reset_action = window._action("zoomReset", lambda: window.zoom(0), K("Ctrl+0"))
    window.others_action = window._action("otherCoders", window.toggle_other_coders, K("F8"), checkable=True)
    window.find_next_action = window._action("findNext", lambda: window.find_step(+1), K(K.StandardKey.FindNext))
    window.find_previous_action = window._action("findPrevious", lambda: window.find_step(-1),
                                             K(K.StandardKey.FindPrevious))
    window.focus_actions = [
        window._action("focusDocuments", lambda: window._focus(window.documents.table, "documents"), K("Ctrl+1")),
        window._action("focusText", lambda: window._focus(window.reading, None), K("Ctrl+2")),
        window._action("focusCodebook", lambda: window._focus(window.codebook.tree, "codebook"), K("Ctrl+3")),
        window._action("focusAnnotations", lambda: window._focus(window.annotations.table, "annotations"),
                     K("Ctrl+4")),
    ]
    window.others_action.setChecked(True)
    window.word_group = QActionGroup(window)
    window.word_actions = {}
    for mode in (WORDS_OFF, WORDS_SEPARATORS, WORDS_SHADING):
        action = window._action(f"words_{mode}", lambda _=False, m=mode: window.set_word_mode(m), checkable=True)
        window.word_group.addAction(action)
        window.word_actions[mode] = action
    window.language_group = QActionGroup(window)
    window.language_actions = {}
    for code, name in i18n.LANGUAGES.items():
        action = window._action(f"language_{code}", lambda _=False, c=code: window.set_language(c),
                              checkable=True)
        action.setText(name)
        window.language_group.addAction(action)
        window.language_actions[code] = action
    window.disagreements_action = window._action("disagreements", window.open_disagreements, K("Ctrl+Shift+J"))
    window.agreement_action = window._action("agreement", window.open_agreement, K("Ctrl+Shift+G"))
    window.about_action = window._action("about", window.about)
    window.coder_action = window._action("coder", window.choose_coder)
    window.coders_action = window._action("coders", window.open_coders)
    window.blind_action = window._action("blind", window.set_blind, checkable=True)
    window.blind_action.setChecked(window.bench.blind())
    window.side_by_side_action = window._action("sideBySide", window.open_side_by_side, K("Ctrl+Shift+B"))
    window.details_action = window._action("documentDetails", window.edit_document_details, K("Ctrl+Shift+D"))
    window.keys_action = window._action("keys", window.show_keys, K(K.StandardKey.HelpContents))
    window.source_action = window._action("showSource", window.show_source, K("Ctrl+I"))
    window.document_memo_action = window._action(
        "documentMemo", lambda: window.bench.document and window.coding.edit_target_memo("document",
                                                                                     window.bench.document.id),
        K("Ctrl+Shift+M"))
    window.status_actions = {
        status: window._action(f"status_{status}", lambda _=False, s=status: window._mark_current(s))
        for status in ("not_started", "in_progress", "done")
    }

    menu_bar = window.menuBar()
    window.file_menu = menu_bar.addMenu("")
    window.files.fill_menu(window.file_menu)
    window.file_menu.addAction(window.quit_action)
    window.edit_menu = menu_bar.addMenu("")
    for action in (window.undo_action, window.redo_action, None, window.find_action, window.find_next_action,
                   window.find_previous_action):
        window.edit_menu.addSeparator() if action is None else window.edit_menu.addAction(action)
    window.edit_menu.addSeparator()
    window.edit_menu.addAction(window.coder_action)
    window.edit_menu.addAction(window.coders_action)
    window.edit_menu.addAction(window.blind_action)
    window.annotation_menu = menu_bar.addMenu("")
    window.coding.fill_menu(window.annotation_menu)
    window.document_menu = menu_bar.addMenu("")
    window.document_menu.addAction(window.source_action)
    window.document_menu.addAction(window.details_action)
    window.document_menu.addAction(window.document_memo_action)
    window.document_menu.addSeparator()
    for action in window.status_actions.values():
        window.document_menu.addAction(action)
    window.view_menu = menu_bar.addMenu("")
    for action in (window.zoom_in_action, window.zoom_out_action, window.zoom_reset_action, None,
                   window.others_action):
        window.view_menu.addSeparator() if action is None else window.view_menu.addAction(action)
    window.coders_menu = window.view_menu.addMenu("")
    window.coders_menu.aboutToShow.connect(window._fill_coders_menu)
    window.view_menu.addAction(window.side_by_side_action)
    window.words_menu = window.view_menu.addMenu("")
    for action in window.word_actions.values():
        window.words_menu.addAction(action)
    window.view_menu.addSeparator()
    for action in window.focus_actions:
        window.view_menu.addAction(action)
    window.docks_menu = window.view_menu.addMenu("")
    for dock in window.docks.values():
        window.docks_menu.addAction(dock.toggleViewAction())
    window.language_menu = window.view_menu.addMenu("")
    for action in window.language_actions.values():
        window.language_menu.addAction(action)
    window.analysis_menu = menu_bar.addMenu("")
    window.analysis_menu.addAction(window.agreement_action)
    window.analysis_menu.addAction(window.disagreements_action)
    window.help_menu = menu_bar.addMenu("")
    window.help_menu.addAction(window.keys_action)
    window.help_menu.addAction(window.about_action)


def retranslate_menus(window) -> None:
    window.setWindowTitle(QCoreApplication.translate("MainWindow", "GovCoder — %1").replace("%1", window.bench.project.label))
    window.file_menu.setTitle(QCoreApplication.translate("MainWindow", "&File"))
    window.edit_menu.setTitle(QCoreApplication.translate("MainWindow", "&Edit"))
    window.annotation_menu.setTitle(QCoreApplication.translate("MainWindow", "&Annotation"))
    window.document_menu.setTitle(QCoreApplication.translate("MainWindow", "&Document"))
    window.source_action.setText(QCoreApplication.translate("MainWindow", "Original text and cleaning record…"))
    window.document_memo_action.setText(QCoreApplication.translate("MainWindow", "Document memo"))
    window.status_actions["not_started"].setText(QCoreApplication.translate("MainWindow", "Mark as not started"))
    window.status_actions["in_progress"].setText(QCoreApplication.translate("MainWindow", "Mark as in progress"))
    window.status_actions["done"].setText(QCoreApplication.translate("MainWindow", "Mark as done"))
    window.view_menu.setTitle(QCoreApplication.translate("MainWindow", "&View"))
    window.words_menu.setTitle(QCoreApplication.translate("MainWindow", "Word boundaries"))
    window.coders_menu.setTitle(QCoreApplication.translate("MainWindow", "Coders shown"))
    window.docks_menu.setTitle(QCoreApplication.translate("MainWindow", "Panels"))
    window.language_menu.setTitle(QCoreApplication.translate("MainWindow", "Language"))
    window.help_menu.setTitle(QCoreApplication.translate("MainWindow", "&Help"))
    window.analysis_menu.setTitle(QCoreApplication.translate("MainWindow", "A&nalysis"))
    window.disagreements_action.setText(QCoreApplication.translate("MainWindow", "Disagreements and adjudication…"))
    window.agreement_action.setText(QCoreApplication.translate("MainWindow", "Inter-coder agreement…"))
    window.undo_action.setText(QCoreApplication.translate("MainWindow", "&Undo"))
    window.redo_action.setText(QCoreApplication.translate("MainWindow", "&Redo"))
    window.quit_action.setText(QCoreApplication.translate("MainWindow", "&Quit"))
    window.find_action.setText(QCoreApplication.translate("MainWindow", "&Find in document…"))
    window.find_next_action.setText(QCoreApplication.translate("MainWindow", "Find next"))
    window.find_previous_action.setText(QCoreApplication.translate("MainWindow", "Find previous"))
    for action, text in zip(window.focus_actions, (QCoreApplication.translate("MainWindow", "Go to documents"), QCoreApplication.translate("MainWindow", "Go to the text"),
                                                 QCoreApplication.translate("MainWindow", "Go to the codebook"), QCoreApplication.translate("MainWindow", "Go to annotations")),
                            strict=True):
        action.setText(text)
    window.zoom_in_action.setText(QCoreApplication.translate("MainWindow", "Zoom in"))
    window.zoom_out_action.setText(QCoreApplication.translate("MainWindow", "Zoom out"))
    window.zoom_reset_action.setText(QCoreApplication.translate("MainWindow", "Actual size"))
    window.others_action.setText(QCoreApplication.translate("MainWindow", "Show other coders’ annotations"))
    window.word_actions[WORDS_OFF].setText(QCoreApplication.translate("MainWindow", "Hidden"))
    window.word_actions[WORDS_SEPARATORS].setText(QCoreApplication.translate("MainWindow", "Subtle separators"))
    window.word_actions[WORDS_SHADING].setText(QCoreApplication.translate("MainWindow", "Alternating shading"))
    window.details_action.setText(QCoreApplication.translate("MainWindow", "Edit details…"))
    window.coder_action.setText(QCoreApplication.translate("MainWindow", "Coder name…"))
    window.coders_action.setText(QCoreApplication.translate("MainWindow", "Coders…"))
    window.blind_action.setText(QCoreApplication.translate(
        "MainWindow", "Blind coding (others’ annotations hidden until a document is done)"))
    window.side_by_side_action.setText(QCoreApplication.translate("MainWindow", "Compare coders side by side…"))
    window.about_action.setText(QCoreApplication.translate("MainWindow", "About GovCoder"))
    window.keys_action.setText(QCoreApplication.translate("MainWindow", "Keyboard shortcuts"))
