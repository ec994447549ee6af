"""The main window: the reading view in the centre, docks around it, menus, status bar, settings."""

from __future__ import annotations

import gc

from PySide6.QtCore import QEvent, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QMessageBox,
    QUndoView,
)

from desktop_app.core.annotate.coders import default_coder_name
from desktop_app.core.store.project import Project, redacted_location
from desktop_app.gui.analysis.disagreements_panel import DisagreementsPanel
from desktop_app.gui.annotations.coding import CodingActions
from desktop_app.gui.annotations.panels import AnnotationsPanel, MemoPanel
from desktop_app.gui.annotations.segments_panel import SegmentsPanel
from desktop_app.gui.base import i18n, workers
from desktop_app.gui.base.workbench import Workbench, span_of
from desktop_app.gui.codebook.keys import CodebookKeys
from desktop_app.gui.codebook.panel import CodebookPanel
from desktop_app.gui.documents.panel import DocumentsPanel
from desktop_app.gui.reading.find_bar import FindBar
from desktop_app.gui.reading.segmentation import document_boundaries
from desktop_app.gui.reading.view import ReadingView
from desktop_app.gui.shell import help_dialogs, menus, settings_file, window_state
from desktop_app.gui.shell.file_actions import FileActions


class MainWindow(QMainWindow):
    def __init__(self, project: Project, coder: str | None = None, settings: QSettings | None = None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.settings = settings or QSettings()
        settings_file.protect(self.settings)
        settings_file.forget_secrets(self.settings)
        # Keyed by the location without its password: the settings file is no place for one.
        self._last_document_key = f"lastDocument/{redacted_location(project.url)}"
        self.bench = Workbench(project, coder or self._remembered_coder(), self)
        self.reading = ReadingView(self)
        self.reading.describe = self._describe_span
        self.setCentralWidget(self.reading)
        self._segmenting: set[int] = set()
        self._code_shortcuts: list[QShortcut] = []

        self.documents = DocumentsPanel(self)
        self.codebook = CodebookPanel(self)
        self.annotations = AnnotationsPanel(lambda code_id: self.reading.layers.colours.get(code_id), self)
        self.memo = MemoPanel(self)
        self.history = QUndoView(self.bench.undo_stack, self)
        self.segments = SegmentsPanel(self.bench, self)
        self.disagreements = DisagreementsPanel(self.bench, self._selection_here, self)
        self.docks: dict[str, QDockWidget] = {}
        area = Qt.DockWidgetArea
        for name, widget, where in (("documents", self.documents, area.LeftDockWidgetArea),
                                    ("codebook", self.codebook, area.RightDockWidgetArea),
                                    ("annotations", self.annotations, area.BottomDockWidgetArea),
                                    ("memo", self.memo, area.RightDockWidgetArea),
                                    ("history", self.history, area.LeftDockWidgetArea),
                                    ("segments", self.segments, area.BottomDockWidgetArea),
                                    ("disagreements", self.disagreements, area.BottomDockWidgetArea)):
            dock = QDockWidget(self)
            dock.setObjectName(f"{name}Dock")
            dock.setWidget(widget)
            self.addDockWidget(where, dock)
            self.docks[name] = dock
        self.tabifyDockWidget(self.docks["documents"], self.docks["history"])
        self.tabifyDockWidget(self.docks["annotations"], self.docks["segments"])
        self.tabifyDockWidget(self.docks["segments"], self.docks["disagreements"])
        self.docks["disagreements"].hide()  # Analysis > Disagreements… opens it
        self.docks["documents"].raise_()
        self.docks["annotations"].raise_()

        self.find_bar = FindBar(self)
        self.find_box = self.find_bar.box
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.find_bar)
        self.find_bar.hide()

        self.status_project = QLabel(self)
        self.status_coder = QLabel(self)
        self.status_counts = QLabel(self)
        for label in (self.status_project, self.status_coder, self.status_counts):
            self.statusBar().addPermanentWidget(label)

        self._counts_timer = QTimer(self)
        self._counts_timer.setSingleShot(True)
        self._counts_timer.setInterval(0)
        self._counts_timer.timeout.connect(self._apply_here_counts)
        self.codebook_keys = CodebookKeys(self.codebook, self.bench)
        self.coding = CodingActions(self)
        self.files = FileActions(self)
        self._create_actions()
        self._connect()
        self.retranslate()
        self._restore_settings()
        self.refresh_documents()
        self.refresh_codes()
        QTimer.singleShot(0, self._open_first_document)

    def _remembered_coder(self) -> str:
        """$GOVCODER_CODER, else the name chosen last time in Edit > Coder, else the login name."""
        import os

        from desktop_app.core.annotate.coders import ENV_CODER

        remembered = self.settings.value("coder")
        return os.environ.get(ENV_CODER) or (str(remembered) if remembered else default_coder_name())

    def choose_coder(self) -> None:
        from PySide6.QtWidgets import QInputDialog

        name, ok = QInputDialog.getText(self, self.tr("Coder"), self.tr("Code as (your name or initials):"),
                                        text=self.bench.coder)
        if ok and name.strip():
            self.set_coder(name.strip())

    def open_coders(self):
        """Edit > Coders…: the coders of the project; add, rename, switch (not modal: coding goes on)."""
        from desktop_app.gui.annotations.coders_dialog import CodersDialog

        if getattr(self, "coders_dialog", None) is None:
            self.coders_dialog = CodersDialog(self.bench, self)
            self.coders_dialog.switchRequested.connect(self.set_coder)
        self.coders_dialog.refresh()
        self.coders_dialog.show()
        self.coders_dialog.raise_()
        self.coders_dialog.activateWindow()
        self.coders_dialog.name.setFocus()
        return self.coders_dialog

    def open_side_by_side(self):
        """View > Compare coders side by side: the open document in two synchronised columns."""
        from desktop_app.gui.analysis.side_by_side import SideBySide

        if self.bench.document is None:
            return None
        if getattr(self, "side_by_side", None) is None:
            self.side_by_side = SideBySide(self.bench, self)
        else:
            self.side_by_side.load()
        self.side_by_side.show()
        self.side_by_side.raise_()
        return self.side_by_side

    def set_blind(self, on: bool) -> None:
        from desktop_app.gui.annotations.coder_commands import SetBlindCommand

        if on != self.bench.blind():
            label = self.tr("Turn blind coding on") if on else self.tr("Turn blind coding off")
            self.bench.undo_stack.push(SetBlindCommand(self.bench, on, label))
        self.blind_action.setChecked(self.bench.blind())

    def _blind_changed(self, on: bool) -> None:
        self.blind_action.setChecked(on)
        self.segments.refresh()
        self.refresh_documents()
        if getattr(self, "side_by_side", None) is not None:
            self.side_by_side.load()

    def _coders_changed(self, old: str, new: str) -> None:
        if old and new and self.settings.value("coder") == old and self.bench.coder == new:
            self.settings.setValue("coder", new)
        shown = self.reading.layers.shown_coders
        if old and new and shown is not None and old in shown:
            self.reading.layers.shown_coders = (shown - {old}) | {new}
        self.segments.refresh()
        self.refresh_status()

    def set_coder(self, name: str) -> None:
        """Code as someone else from now on: counts, statuses and 'my' layers follow the new name."""
        self.bench.coder = name
        self.settings.setValue("coder", name)
        if self.reading.layers.shown_coders is not None:
            self.reading.layers.shown_coders = {name}
            self.reading.highlighter.rehighlight()
        if self.bench.document is not None:
            self.bench.reload_annotations()  # blind coding: the new coder may see less, or more
        self.segments.refresh()
        self.refresh_documents()
        self.refresh_status()

    def _status_changed(self, document_id: int, status: str) -> None:
        self.documents.model.set_status(document_id, status)
        # Blind coding: marking a document done shows the other coders' annotations (and reopening it
        # hides them again), in the text, the counts and coded segments.
        if self.bench.blind():
            self.bench.reload_annotations()  # the documents list follows (annotationsReloaded)
            self.segments.refresh()
            if self.bench.document is None:
                self.refresh_documents()
            if getattr(self, "side_by_side", None) is not None:
                self.side_by_side.load()

    # --- construction -------------------------------------------------------------------------

    def _action(self, name: str, slot, shortcut=None, checkable: bool = False) -> QAction:
        action = QAction(self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcuts(shortcut if isinstance(shortcut, list) else [shortcut])
        action.setCheckable(checkable)
        action.triggered.connect(slot)
        return action

    def _create_actions(self) -> None:
        menus.create_actions(self)

    def _connect(self) -> None:
        bench = self.bench
        bench.annotationAdded.connect(self._annotation_added)
        bench.annotationRemoved.connect(self._annotation_removed)
        bench.annotationChanged.connect(self._annotation_changed)
        bench.statusChanged.connect(self._status_changed)
        bench.errorRaised.connect(self.show_error)
        bench.waiting.connect(self._waiting)
        bench.projectLost.connect(lambda _why: self.refresh_status())
        bench.memoChanged.connect(self._memo_changed)
        bench.documentEdited.connect(lambda _id: (self.refresh_documents(), self.refresh_status()))
        bench.codesChanged.connect(self.refresh_codes)
        bench.codersChanged.connect(self._coders_changed)
        bench.blindChanged.connect(self._blind_changed)
        bench.annotationsReloaded.connect(self._annotations_reloaded)
        bench.annotationAdded.connect(self.segments.annotation_added)
        bench.annotationRemoved.connect(self.segments.annotation_removed)
        bench.annotationChanged.connect(self.segments.annotation_changed)
        bench.annotationsReloaded.connect(self.segments.refresh)
        self.docks["segments"].visibilityChanged.connect(self.segments.set_on_screen)
        for signal in (bench.annotationAdded, bench.annotationRemoved, bench.annotationChanged):
            signal.connect(self.disagreements.annotation_touched)
        self.docks["disagreements"].visibilityChanged.connect(self.disagreements.set_on_screen)
        self.disagreements.passageRequested.connect(self.show_passage)
        self.documents.documentActivated.connect(self.open_document)
        self.documents.table.customContextMenuRequested.connect(self.coding.documents_menu)
        self.codebook.codeActivated.connect(self.coding.apply_code)
        self.codebook.tree.customContextMenuRequested.connect(self.coding.codebook_menu)
        self.codebook.model.move_requested = self.coding.move_code
        self.codebook.model.selection_dropped = self.coding.code_dropped_selection
        self.codebook.visible_for = self._codes_matching
        self.annotations.annotationActivated.connect(lambda i: self.reading.select_annotation(i, scroll=True))
        self.reading.annotationSelected.connect(self._annotation_selected)
        self.reading.deleteRequested.connect(self.coding.delete_selected)
        self.reading.customContextMenuRequested.connect(self.coding.reading_menu)
        self.memo.saveRequested.connect(self.coding.save_memo)
        self.segments.segmentActivated.connect(self.show_annotation)

    def retranslate(self) -> None:
        menus.retranslate_menus(self)
        titles = {"documents": self.tr("Documents"), "codebook": self.tr("Codebook"),
                  "annotations": self.tr("Annotations"), "memo": self.tr("Memo"),
                  "history": self.tr("Undo history"), "segments": self.tr("Coded segments"),
                  "disagreements": self.tr("Disagreements")}
        for name, dock in self.docks.items():
            dock.setWindowTitle(titles[name])
        self.find_bar.retranslate()
        self.history.setEmptyLabel(self.tr("<opened>"))
        self.documents.retranslate()
        self.codebook.retranslate()
        self.memo.retranslate()
        self.segments.retranslate()
        self.disagreements.retranslate()
        self.coding.retranslate()
        self.files.retranslate()
        self.codebook_keys.retranslate()
        self.annotations.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 3)
        self.refresh_status()

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            model = self.documents.model
            if model.rowCount():  # statuses and scripts are shown translated
                model.dataChanged.emit(model.index(0, 0), model.index(model.rowCount() - 1, model.columnCount() - 1))
        super().changeEvent(event)

    # --- documents ----------------------------------------------------------------------------

    def refresh_documents(self) -> None:
        self.documents.model.reset(*self.bench.documents())
        self.documents.set_assigned(self.bench.assigned())
        if self.bench.document is not None:
            self.documents.select_document(self.bench.document.id)

    def _open_first_document(self) -> None:
        if self.bench.document is not None or not self.documents.model.rows:
            return
        last = self.settings.value(self._last_document_key)
        ids = [row.id for row in self.documents.model.rows]
        self.open_document(int(last) if last is not None and int(last) in ids else ids[0])

    def open_document(self, document_id: int) -> None:
        if self.bench.document is not None and self.bench.document.id == document_id:
            return
        self.memo.flush()  # while the memo's annotation still belongs to the open document
        document = self.bench.open_document(document_id)
        annotations = self.bench.ordered_annotations()
        self.reading.show_document(document.text, [span_of(a) for a in annotations], self.bench.colours(),
                                   document.id)
        self.annotations.model.reset(annotations)
        self.memo.show_annotation(None)
        self.documents.select_document(document_id)
        self._update_here_counts()
        self.settings.setValue(self._last_document_key, document_id)
        if self.find_bar.isVisible() and self.find_box.text():
            self.find_in_document(self.find_box.text())
        self._segment(document_id)
        self.refresh_status()
        # The document's thousands of annotation records live until another document opens; leaving them
        # to the cyclic garbage collector makes every full collection (one per few dozen codings) scan
        # them all, a 60-80 ms pause in the middle of coding. Frozen, they are skipped; they are still
        # freed by reference counting when the next document replaces them.
        gc.freeze()

    def _segment(self, document_id: int) -> None:
        """jieba runs on a worker thread; until it answers, selections snap to characters."""
        text = self.bench.document.text if self.bench.document else None
        task = workers.Task(lambda: document_boundaries(self.bench.project, document_id, text))
        task.signals.finished.connect(lambda boundaries: self._segmented(document_id, boundaries))
        task.signals.failed.connect(self._segmentation_failed)
        self._segmenting.add(document_id)
        workers.start(task)

    def _segmentation_failed(self, error: Exception) -> None:
        from desktop_app.core.store.db_errors import describe_database_error, is_database_error
        from desktop_app.core.store.file_guard import ProjectFileGone

        if isinstance(error, ProjectFileGone) or self.bench.lost is not None:
            self.bench.checkpoint_now()  # notes the loss; the next edit is refused and says so
            return
        self.bench.report_error(RuntimeError(describe_database_error(error)) if is_database_error(error) else error)

    def _segmented(self, document_id: int, boundaries: list[int]) -> None:
        self._segmenting.discard(document_id)
        if self.bench.document is not None and self.bench.document.id == document_id:
            self.reading.set_boundaries(boundaries)

    # --- codes --------------------------------------------------------------------------------

    def show_annotation(self, document_id: int, annotation_id: int) -> None:
        """Open a document at one of its annotations (from coded segments)."""
        self.open_document(document_id)
        self.reading.select_annotation(annotation_id, scroll=True)
        self.reading.setFocus()

    def show_passage(self, document_id: int, start: int, end: int, coders: list[str]) -> None:
        """Open a document at a passage with these coders' layers (and the consensus layer) shown:
        the disagreement browser's rows."""
        from desktop_app.core.analysis.agreement.adjudication import CONSENSUS_NAME

        self.open_document(document_id)
        self.reading.layers.shown_coders = {*coders, CONSENSUS_NAME}
        self.others_action.setChecked(False)
        self.reading.highlighter.rehighlight()
        self.reading.show_passage(start, end)

    def open_agreement(self) -> None:
        from desktop_app.gui.analysis.agreement_dialog import AgreementDialog

        self.agreement_dialog = AgreementDialog(self.bench, self)
        self.agreement_dialog.show()

    def open_disagreements(self) -> None:
        self.reveal_dock("disagreements")

    def _selection_here(self) -> tuple[int, int, int] | None:
        span = self.reading.selected_span()
        if self.bench.document is None or span is None:
            return None
        return (self.bench.document.id, *span)

    def show_source(self) -> None:
        if self.bench.document is not None:
            from desktop_app.gui.documents.source_dialog import SourceDialog

            SourceDialog(self, self.bench.document).exec()

    def edit_document_details(self) -> None:
        from desktop_app.gui.documents.commands import EditDocumentCommand
        from desktop_app.gui.documents.details_dialog import DocumentDialog

        document = self.bench.document
        if document is None:
            return
        dialog = DocumentDialog(self, document)
        if dialog.exec() == DocumentDialog.DialogCode.Accepted and (changes := dialog.changes()):
            self.bench.undo_stack.push(EditDocumentCommand(self.bench, document.id, changes,
                                                           self.tr("Edit details of %1").replace("%1", document.title)))

    def _mark_current(self, status: str) -> None:
        if self.bench.document is not None:
            self.coding.set_status(self.bench.document.id, status)

    def refresh_codes(self) -> None:
        self.codebook.rebuild(self.bench.codes)
        self.segments.set_codes(self.bench.codes)
        self._update_here_counts()
        if self.bench.document is not None:
            self.reading.set_colours(self.bench.colours())
            # Code names and keywords are words of the segmenter: a new code (an in-vivo one above all)
            # must come out as one word. Unchanged words read the cached boundaries again, cheaply.
            self._segment(self.bench.document.id)
        for shortcut in self._code_shortcuts:
            shortcut.setEnabled(False)
            shortcut.deleteLater()
        self._code_shortcuts = []
        # A code's key codes the reading view's selection; limited to the reading view so that typing
        # in a filter box or the memo never codes anything.
        for code in self.bench.codes:
            if code.shortcut and code.codable:
                shortcut = QShortcut(QKeySequence(code.shortcut), self.reading)
                shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
                shortcut.activated.connect(lambda c=code.id: self.coding.apply_code(c))
                self._code_shortcuts.append(shortcut)

    def _codes_matching(self, text: str) -> frozenset[int]:
        from desktop_app.core.codebook.filtering import filter_codes

        with self.bench.project.session_factory() as session:
            return filter_codes(session, text).visible

    def _update_here_counts(self) -> None:
        # Coalesced and run after the text is painted: the code tree's counts are not what a coder
        # waits for, and a burst of edits needs one update, not one each.
        self._counts_timer.start()

    def _apply_here_counts(self) -> None:
        here: dict[int, int] = {}
        for info in self.bench.annotations.values():
            here[info.code_id] = here.get(info.code_id, 0) + 1
        self.codebook.model.update_counts(self.bench.codes, here)

    # --- reports from the workbench -----------------------------------------------------------

    def _annotation_added(self, info) -> None:
        if self.bench.document is not None and info.document == self.bench.document.id:
            self.reading.add_span(span_of(info))
            self.annotations.model.add(info)
        self.documents.model.adjust_counts(info.document, +1, info.coder == self.bench.coder)
        self._after_annotation_change()

    def _annotation_removed(self, info) -> None:
        self.reading.remove_span(info.id)
        self.annotations.model.remove(info.id)
        self.documents.model.adjust_counts(info.document, -1, info.coder == self.bench.coder)
        self._after_annotation_change()

    def _annotation_changed(self, before, after) -> None:
        # Replace the span in place (remove_span would also drop the selection of that annotation).
        old = self.reading.layers.index.remove(before.id)
        if old is not None:
            self.reading.rehighlight_span(old.start, old.end)
        if self.bench.document is not None and after.document == self.bench.document.id:
            self.reading.add_span(span_of(after))
        self.annotations.model.replace(after)
        if self.reading.selected_annotation == after.id:
            self.reading.select_annotation(after.id)
        self._after_annotation_change()

    def _annotations_reloaded(self) -> None:
        from desktop_app.core.annotate.span_index import SpanIndex

        annotations = self.bench.ordered_annotations()
        selected = self.reading.selected_annotation
        self.reading.layers.index = SpanIndex(span_of(a) for a in annotations)
        self.reading.highlighter.rehighlight()
        self.annotations.model.reset(annotations)
        self.reading.select_annotation(selected if selected in self.bench.annotations else None)
        self.refresh_documents()
        self._after_annotation_change()

    def _after_annotation_change(self) -> None:
        self._update_here_counts()
        self.refresh_status()

    def _annotation_selected(self, annotation_id) -> None:
        info = self.bench.annotations.get(annotation_id) if annotation_id is not None else None
        if info is not None or self.memo.annotation_id is not None:  # keep a document or code memo open
            self.memo.show_annotation(info)
        self.annotations.show_selected(annotation_id)

    def _memo_changed(self, kind: str, target: int, text: str) -> None:
        if self.memo.target == (kind, target) and self.memo.editor.toPlainText() != text:
            self.memo.editor.setPlainText(text)

    def _describe_span(self, span) -> str:
        info = self.bench.annotations.get(span.id)
        if info is None:
            return str(span.id)
        line = f"{info.code} — {info.coder}"
        return f"{line}\n    {info.memo}" if info.memo else line

    def show_error(self, message: str) -> None:
        QMessageBox.warning(self, self.tr("GovCoder"), message)

    def _waiting(self, message: str) -> None:
        # The window is inside a write and cannot run its event loop: paint the message now.
        if message:
            self.statusBar().showMessage(message)
        else:
            self.statusBar().clearMessage()
        self.statusBar().repaint()

    def refresh_status(self) -> None:
        if self.bench.lost is not None:
            self.status_project.setText(self.tr("Project: %1 (moved or deleted: nothing more is saved)")
                                        .replace("%1", self.bench.project.label))
        else:
            self.status_project.setText(self.tr("Project: %1").replace("%1", self.bench.project.label))
        self.status_coder.setText(self.tr("Coder: %1").replace("%1", self.bench.coder))
        if self.bench.document is not None:
            mine = sum(1 for a in self.bench.annotations.values() if a.coder == self.bench.coder)
            self.status_counts.setText(
                self.tr("%1 characters · %2 annotations (%3 mine)")
                .replace("%1", str(len(self.bench.document.text)))
                .replace("%2", str(len(self.bench.annotations))).replace("%3", str(mine)))
        else:
            self.status_counts.setText(self.tr("No document open"))

    # --- view ---------------------------------------------------------------------------------

    def show_find(self) -> None:
        self.find_bar.open_bar()

    def hide_find(self) -> None:
        self.find_bar.close_bar()

    def find_in_document(self, query: str) -> None:
        self.find_bar.find(query)

    def find_step(self, step: int) -> None:
        self.find_bar.step(step)

    def reveal_dock(self, name: str) -> None:
        self.docks[name].show()
        self.docks[name].raise_()

    def _focus(self, widget, dock: str | None) -> None:
        if dock is not None:
            self.reveal_dock(dock)
        widget.setFocus()

    def zoom(self, step: int) -> None:
        size = 14.0 if step == 0 else self.reading.font_size + step
        self.reading.set_font_size(size)
        self.settings.setValue("view/fontSize", self.reading.font_size)

    def set_word_mode(self, mode: str) -> None:
        self.reading.set_word_mode(mode)
        self.word_actions[mode].setChecked(True)
        self.settings.setValue("view/words", mode)

    def toggle_other_coders(self, shown: bool) -> None:
        self.reading.layers.shown_coders = None if shown else {self.bench.coder}
        self.reading.highlighter.rehighlight()

    def _fill_coders_menu(self) -> None:
        """Every coder with annotations in this document, each shown or hidden."""
        self.coders_menu.clear()
        coders = sorted({a.coder for a in self.bench.annotations.values()} | {self.bench.coder})
        shown = self.reading.layers.shown_coders
        for coder in coders:
            action = self.coders_menu.addAction(coder)
            action.setCheckable(True)
            action.setChecked(shown is None or coder in shown)
            action.toggled.connect(lambda on, c=coder, everyone=coders: self.show_coder(c, on, everyone))

    def show_coder(self, coder: str, shown: bool, everyone: list[str]) -> None:
        current = set(everyone) if self.reading.layers.shown_coders is None else set(self.reading.layers.shown_coders)
        current = current | {coder} if shown else current - {coder}
        self.reading.layers.shown_coders = None if current >= set(everyone) else current
        self.others_action.setChecked(self.reading.layers.shown_coders is None)
        self.reading.highlighter.rehighlight()

    def set_language(self, code: str) -> None:
        if i18n.install_language(code):
            self.language_actions[code].setChecked(True)
            self.settings.setValue("view/language", code)

    def shortcut_rows(self) -> list[tuple[str, str]]:
        return help_dialogs.shortcut_rows(self)

    def show_keys(self) -> None:
        help_dialogs.show_keys(self)

    def about(self) -> None:
        help_dialogs.about(self)

    # --- settings -----------------------------------------------------------------------------

    def _restore_settings(self) -> None:
        window_state.restore(self)

    def closeEvent(self, event) -> None:  # noqa: N802
        self.memo.flush()
        window_state.save(self)
        super().closeEvent(event)
