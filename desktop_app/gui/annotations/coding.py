"""Coding actions: apply a code to the selection, delete, resize by words, recode, memo, statuses, and
the context menus of the reading view, the documents table and the code tree. Every edit goes through
an undoable command."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QInputDialog, QMenu

from desktop_app.core.annotate import words
from desktop_app.gui.annotations.commands import (
    ChangeAnnotationCommand,
    CreateAnnotationCommand,
    DeleteAnnotationCommand,
    MemoCommand,
)
from desktop_app.gui.codebook import actions as codebook_actions
from desktop_app.gui.documents.commands import DocumentStatusCommand
from desktop_app.gui.documents.list_model import status_label

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStatusBar

    from desktop_app.gui.annotations.panels import MemoPanel
    from desktop_app.gui.annotations.segments_panel import SegmentsPanel
    from desktop_app.gui.base.workbench import Workbench
    from desktop_app.gui.codebook.keys import CodebookKeys
    from desktop_app.gui.codebook.panel import CodebookPanel
    from desktop_app.gui.documents.panel import DocumentsPanel
    from desktop_app.gui.reading.view import ReadingView


class CodingSurface(Protocol):
    """What the coding actions work on: the views they read selections from, the panels they fill,
    and a way to bring a dock forward and say something in the status bar. The main window is one."""

    bench: Workbench
    reading: ReadingView
    codebook: CodebookPanel
    codebook_keys: CodebookKeys
    documents: DocumentsPanel
    memo: MemoPanel
    segments: SegmentsPanel

    def reveal_dock(self, name: str) -> None: ...

    def statusBar(self) -> QStatusBar: ...  # noqa: N802 - Qt naming


class CodingActions(QObject):
    def __init__(self, surface: CodingSurface) -> None:
        super().__init__(surface.reading)
        self.surface = surface
        self.bench = surface.bench
        view = surface.reading

        def action(name, slot, keys):
            act = QAction(view)
            act.setObjectName(name)
            act.setShortcuts([QKeySequence(k) for k in keys])
            # Bound to the reading view: Del in the filter box deletes characters, not annotations.
            act.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            act.triggered.connect(slot)
            view.addAction(act)
            return act

        self.apply_current = action("codeWithCurrent", self.apply_current_code, ["Return", "Enter"])
        self.delete = action("deleteAnnotation", self.delete_selected, ["Del", "Backspace"])
        self.widen_end = action("widenEnd", lambda: self.resize("end", True), ["Ctrl+Alt+Right"])
        self.narrow_end = action("narrowEnd", lambda: self.resize("end", False), ["Ctrl+Alt+Left"])
        self.widen_start = action("widenStart", lambda: self.resize("start", True), ["Ctrl+Alt+Shift+Left"])
        self.narrow_start = action("narrowStart", lambda: self.resize("start", False),
                                   ["Ctrl+Alt+Shift+Right"])
        self.edit_memo = action("editMemo", self.focus_memo, ["Ctrl+M"])
        self.in_vivo = action("inVivo", self.new_code_from_selection, ["Ctrl+Shift+N"])
        self.next_annotation = action("nextAnnotation", lambda: self.step_annotation(+1), ["Alt+Down"])
        self.previous_annotation = action("previousAnnotation", lambda: self.step_annotation(-1), ["Alt+Up"])

    def fill_menu(self, menu: QMenu) -> None:
        for act in (self.apply_current, self.in_vivo, None, self.next_annotation, self.previous_annotation,
                    None, self.delete, self.edit_memo, None,
                    self.widen_start, self.narrow_start, self.widen_end, self.narrow_end):
            menu.addSeparator() if act is None else menu.addAction(act)

    def retranslate(self) -> None:
        self.apply_current.setText(self.tr("Code selection with the current code"))
        self.delete.setText(self.tr("Delete annotation"))
        self.widen_end.setText(self.tr("Widen end by a word"))
        self.narrow_end.setText(self.tr("Narrow end by a word"))
        self.widen_start.setText(self.tr("Widen start by a word"))
        self.narrow_start.setText(self.tr("Narrow start by a word"))
        self.edit_memo.setText(self.tr("Edit memo"))
        self.in_vivo.setText(self.tr("New code from selection…"))
        self.next_annotation.setText(self.tr("Next annotation"))
        self.previous_annotation.setText(self.tr("Previous annotation"))

    # --- edits --------------------------------------------------------------------------------

    def _message(self, text: str) -> None:
        self.surface.statusBar().showMessage(text, 4000)

    def apply_code(self, code_id: int) -> None:
        document = self.bench.document
        span = self.surface.reading.selected_span()
        code = self.bench.code_by_id.get(code_id)
        if document is None or code is None:
            return
        if not code.codable:
            self._message(self.tr("%1 is a category: choose one of its codes.").replace("%1", code.path))
            return
        if span is None:
            selected = self.selected()
            if selected is not None and selected.code_id != code_id:  # a code key on an annotation recodes it
                self.recode(selected.id, code_id)
                self.bench.note_recent(code_id)
            elif selected is None:
                self._message(self.tr("Select some text first, then choose a code."))
            return
        command = CreateAnnotationCommand(self.bench, document.id, span[0], span[1], code_id, code.path)
        self.bench.undo_stack.push(command)
        if command.created is not None:
            self.bench.note_recent(code_id)
            view = self.surface.reading
            cursor = view.textCursor()
            cursor.clearSelection()  # let the new colour show
            view.setTextCursor(cursor)

    def code_dropped_selection(self, code_id: int, document_id: int, start: int, end: int) -> None:
        """The reading view's selection was dragged onto a code."""
        if self.bench.document is not None and self.bench.document.id == document_id:
            self.surface.reading.select_span(start, end)
            self.apply_code(code_id)

    def apply_current_code(self) -> None:
        code_id = self.surface.codebook.current_code()
        if code_id is not None:
            self.apply_code(code_id)

    def selected(self):
        annotation_id = self.surface.reading.selected_annotation
        return self.bench.annotations.get(annotation_id) if annotation_id is not None else None

    def step_annotation(self, step: int) -> None:
        """Select the next or previous annotation in text order (keyboard coding without a mouse)."""
        ordered = self.bench.ordered_annotations()
        if not ordered:
            return
        view = self.surface.reading
        current = self.selected()
        if current is None:
            here = view.layers.positions.from_qt(view.textCursor().position())
            after = [a for a in ordered if a.start >= here] if step > 0 else [a for a in ordered if a.start < here]
            target = (after[0] if step > 0 else after[-1]) if after else ordered[0 if step > 0 else -1]
        else:
            index = next(i for i, a in enumerate(ordered) if a.id == current.id)
            target = ordered[(index + step) % len(ordered)]
        view.select_annotation(target.id, scroll=True)

    def delete_selected(self) -> None:
        info = self.selected()
        if info is not None:
            self.bench.undo_stack.push(DeleteAnnotationCommand(self.bench, info))

    def resize(self, side: str, wider: bool) -> None:
        info = self.selected()
        boundaries = self.surface.reading.boundaries
        if info is None or not boundaries:
            return
        span = (words.widen if wider else words.narrow)(boundaries, info.start, info.end, side)
        if span != (info.start, info.end):
            label = self.tr("Widen annotation") if wider else self.tr("Narrow annotation")
            self.bench.undo_stack.push(ChangeAnnotationCommand(self.bench, label, info.id, span=span))

    def recode(self, annotation_id: int, code_id: int) -> None:
        self.bench.undo_stack.push(ChangeAnnotationCommand(
            self.bench, self.tr("Recode annotation"), annotation_id, code_id=code_id))

    def save_memo(self, kind: str, target: int, memo: str) -> None:
        if kind == "annotation":
            info = self.bench.annotations.get(target)
            if info is not None and info.memo != memo:
                self.bench.undo_stack.push(ChangeAnnotationCommand(
                    self.bench, self.tr("Edit memo"), target, memo=memo))
        else:
            label = self.tr("Edit document memo") if kind == "document" else self.tr("Edit code memo")
            self.bench.undo_stack.push(MemoCommand(self.bench, kind, target, memo, label))

    def edit_target_memo(self, kind: str, target: int) -> None:
        """Show a document's or code's memo in the memo panel, ready to write."""
        from desktop_app.core.annotate.memos import get_memo

        with self.bench.project.session_factory() as session:
            text = get_memo(session, kind, target) or ""
        if kind == "document":
            title = self.bench.document.title if self.bench.document and self.bench.document.id == target else ""
            label = self.tr("Memo on the document %1").replace("%1", title)
        else:
            label = self.tr("Memo on the code %1").replace("%1", self.bench.code_label(target))
        self.surface.memo.show_target(kind, target, label, text)
        self.surface.reveal_dock("memo")
        self.surface.memo.editor.setFocus()

    def focus_memo(self) -> None:
        if self.selected() is not None:
            self.surface.reveal_dock("memo")
            self.surface.memo.editor.setFocus()

    def set_status(self, document_id: int, status: str) -> None:
        self.bench.undo_stack.push(DocumentStatusCommand(
            self.bench, document_id, status, self.tr("Mark document %1").replace("%1", status_label(status))))

    def set_hidden(self, code_ids: set[int]) -> None:
        """Show only chosen codes: the others' highlights are left out (their annotations stay)."""
        self.surface.reading.layers.hidden_codes = set(code_ids)
        self.surface.reading.highlighter.rehighlight()

    def show_segments(self, code_id: int) -> None:
        self.surface.segments.show_code(code_id)  # read once, when the dock comes on screen
        self.surface.reveal_dock("segments")

    def move_code(self, code_id: int, parent_id: int | None, row: int) -> None:
        codebook_actions.push_move(self.bench, code_id, parent_id, row)

    def new_code_from_selection(self) -> None:
        """In-vivo coding: the selected words become a new code, applied at once."""
        span = self.surface.reading.selected_span()
        document = self.bench.document
        if span is None or document is None:
            self._message(self.tr("Select some text first, then choose a code."))
            return
        parent_id = self.surface.codebook.current_code()
        name, ok = QInputDialog.getText(self.surface.reading.window(), self.tr("New code from selection"), self.tr("Code name:"),
                                        text=document.text[span[0]:span[1]].strip().replace("/", "／")[:60])
        if ok and name.strip():
            code_id = codebook_actions.push_create(self.bench, name.strip(), parent_id)
            if code_id is not None:
                self.surface.reading.select_span(*span)
                self.apply_code(code_id)

    # --- context menus ------------------------------------------------------------------------

    def _code_menu(self, menu: QMenu, slot) -> None:
        """Recent codes first, then the whole tree as submenus."""
        recent = [c for c in self.bench.recent_codes if c in self.bench.code_by_id]
        for code_id in recent:
            menu.addAction(self.bench.code_by_id[code_id].path, lambda c=code_id: slot(c))
        if recent:
            menu.addSeparator()
        menus = {None: menu}
        for code in self.bench.codes:
            parent_menu = menus.get(code.parent, menu)
            has_children = any(c.parent == code.path for c in self.bench.codes)
            if has_children:
                sub = parent_menu.addMenu(code.name)
                menus[code.path] = sub
                if code.codable:
                    sub.addAction(code.name, lambda c=code.id: slot(c))
                    sub.addSeparator()
            elif code.codable:
                parent_menu.addAction(code.name, lambda c=code.id: slot(c))

    def reading_menu(self, point) -> None:
        view = self.surface.reading
        menu = QMenu(view)
        if view.selected_span() is not None:
            self._code_menu(menu.addMenu(self.tr("Code selection as")), self.apply_code)
            menu.addAction(self.in_vivo)
        char = view.char_at(point)
        spans = view.spans_at(char) if char is not None else []
        for span in spans:
            info = self.bench.annotations.get(span.id)
            if info is None:
                continue
            sub = menu.addMenu(f"{info.code} — “{info.quote[:16]}”")
            sub.addAction(self.tr("Select"), lambda i=info.id: view.select_annotation(i))
            sub.addAction(self.tr("Delete"), lambda i=info: self.bench.undo_stack.push(
                DeleteAnnotationCommand(self.bench, i)))
            self._code_menu(sub.addMenu(self.tr("Recode as")), lambda c, i=info.id: self.recode(i, c))
        if not menu.isEmpty():
            menu.exec(view.viewport().mapToGlobal(point))

    def documents_menu(self, point) -> None:
        document_id = self.surface.documents.document_at(point)
        if document_id is None:
            return
        menu = QMenu(self.surface.documents.table)
        for status in ("not_started", "in_progress", "done"):
            menu.addAction(self.tr("Mark as %1").replace("%1", status_label(status)),
                           lambda s=status: self.set_status(document_id, s))
        menu.exec(self.surface.documents.table.viewport().mapToGlobal(point))

    def codebook_menu(self, point) -> None:
        code_id = self.surface.codebook.code_at(point)
        tree = self.surface.codebook.tree
        menu = QMenu(tree)
        if code_id is not None:
            menu.addAction(self.tr("Code selection with this code"), lambda: self.apply_code(code_id))
            menu.addAction(self.tr("Show coded segments"), lambda: self.show_segments(code_id))
            menu.addAction(self.tr("Code memo…"), lambda: self.edit_target_memo("code", code_id))
            layers = self.surface.reading.layers
            hidden = code_id in layers.hidden_codes
            menu.addAction(self.tr("Show highlights of this code") if hidden
                           else self.tr("Hide highlights of this code"),
                           lambda: self.set_hidden({code_id} ^ layers.hidden_codes))
            menu.addAction(self.tr("Highlight only this code"),
                           lambda: self.set_hidden({c.id for c in self.bench.codes} - {code_id}))
            if layers.hidden_codes:
                menu.addAction(self.tr("Highlight all codes"), lambda: self.set_hidden(set()))
            menu.addSeparator()
            self.surface.codebook.tree.setCurrentIndex(self.surface.codebook.model.index_of(code_id))
            keys = self.surface.codebook_keys
            for act in (keys.edit, keys.new_sub):
                menu.addAction(act)
            menu.addAction(self.tr("Merge into…"), lambda: codebook_actions.merge_code(self.surface.reading.window(), self.bench, code_id))
            menu.addAction(keys.delete)
            moves = menu.addMenu(self.tr("Move"))
            for act in (keys.up, keys.down, keys.out, keys.into):
                moves.addAction(act)
            menu.addSeparator()
        menu.addAction(self.tr("New top-level code…"), lambda: codebook_actions.new_code_dialog(self.surface.reading.window(), self.bench, None))
        menu.exec(tree.viewport().mapToGlobal(point))
