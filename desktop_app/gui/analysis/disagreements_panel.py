"""The disagreement browser: where two chosen coders disagree, in a sortable table; a row opens the
passage in the reading view with both coders' spans shown, and the buttons (or keys 1, 2, 3, 0, E)
decide it into the consensus layer: take A, take B, both, neither, or the reading view's selection as
an edited span. Each decision is one undoable command; the browser then moves to the next row.

Like coded segments, the panel does no work while it is not on screen (the dock's visibilityChanged
tells it): changes only mark it stale, and it reads the database again when it is shown.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.analysis.agreement import list_disagreements
from desktop_app.core.analysis.agreement.adjudication import DecisionInfo, active_decisions
from desktop_app.core.annotate.coders import list_coders
from desktop_app.core.errors import GovCoderError
from desktop_app.gui.analysis.adjudication_commands import AdjudicateCommand
from desktop_app.gui.analysis.disagreements_model import DisagreementsModel, Row

# (choice, key, object name); "edit" is take-both-or-the-one-coder on the selected span.
CHOICES = (("A", "1", "takeA"), ("B", "2", "takeB"), ("both", "3", "takeBoth"), ("neither", "0", "takeNeither"),
           ("edit", "E", "editSpan"))

Selection = Callable[[], tuple[int, int, int] | None]  # (document id, start, end) in code points


class DisagreementsPanel(QWidget):
    passageRequested = Signal(int, int, int, object)  # document, start, end, [coder A, coder B]  # noqa: N815

    def __init__(self, bench, selection: Selection, parent=None) -> None:
        super().__init__(parent)
        self.bench = bench
        self.selection = selection
        self.on_screen = False
        self.stale = True
        self.refreshes = 0  # reads of the database, for the tests that keep hidden panels idle
        self.pair: list[str] = []
        self.coder_a = QComboBox(self)
        self.coder_a.setObjectName("disagreementsCoderA")
        self.coder_b = QComboBox(self)
        self.coder_b.setObjectName("disagreementsCoderB")
        self.versus = QLabel(self)
        self.summary = QLabel(self)
        self.summary.setObjectName("disagreementsSummary")
        self.model = DisagreementsModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("disagreementsTable")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.activated.connect(self._activated)
        self.table.doubleClicked.connect(self._activated)
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for choice, key, name in CHOICES:
            button = QPushButton(self)
            button.setObjectName(name)
            button.clicked.connect(lambda _=False, c=choice: self.decide(c))
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda c=choice: self.decide(c))
            self.buttons[choice] = button
            row.addWidget(button)
        row.addStretch(1)
        choose = QHBoxLayout()
        choose.addWidget(self.coder_a, 1)
        choose.addWidget(self.versus)
        choose.addWidget(self.coder_b, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(choose)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.summary)
        self.problem = ""
        self.coder_a.currentIndexChanged.connect(self._pair_chosen)
        self.coder_b.currentIndexChanged.connect(self._pair_chosen)
        self.retranslate()

    def retranslate(self) -> None:
        self.versus.setText(self.tr("and"))
        texts = {"A": self.tr("Take A"), "B": self.tr("Take B"), "both": self.tr("Both"),
                 "neither": self.tr("Neither"), "edit": self.tr("Edited span")}
        tips = {"A": self.tr("Copy the first coder’s spans into the consensus layer (1)"),
                "B": self.tr("Copy the second coder’s spans into the consensus layer (2)"),
                "both": self.tr("Copy both coders’ spans into the consensus layer (3)"),
                "neither": self.tr("Leave the passage uncoded in the consensus layer (0)"),
                "edit": self.tr("Apply the passage’s codes to the span selected in the text (E)")}
        for choice, button in self.buttons.items():
            button.setText(texts[choice])
            button.setToolTip(tips[choice])
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.model.columnCount() - 1)
        self._summarise()

    # --- being on screen ------------------------------------------------------------------------

    def set_on_screen(self, shown: bool) -> None:
        """Follows the dock's visibilityChanged: off screen, the panel only remembers that it is stale."""
        self.on_screen = shown
        if shown and self.stale:
            self.refresh()

    def _fill_coders(self) -> None:
        with self.bench.project.session_factory() as session:
            names = [c.name for c in list_coders(session)]
        people = [n for n in names if n != self.bench.coder] + [n for n in names if n == self.bench.coder]
        for combo, fallback in ((self.coder_a, 0), (self.coder_b, 1)):
            current = combo.currentText()
            blocked = combo.blockSignals(True)
            combo.clear()
            combo.addItems(names)
            if current in names:
                combo.setCurrentText(current)
            elif len(people) > fallback:
                combo.setCurrentText(people[fallback])
            combo.blockSignals(blocked)

    def choose_coders(self, a: str, b: str) -> None:
        for combo, name in ((self.coder_a, a), (self.coder_b, b)):
            blocked = combo.blockSignals(True)
            if combo.findText(name) < 0:
                combo.addItem(name)
            combo.setCurrentText(name)
            combo.blockSignals(blocked)
        self._pair_chosen()

    def refresh(self) -> None:
        """Read the coders and the disagreements again (when on screen)."""
        if not self.on_screen:
            self.stale = True
            return
        self._fill_coders()
        self._load()

    def _pair_chosen(self, *_) -> None:
        if not self.on_screen:
            self.stale = True
            return
        self._load()

    def _load(self) -> None:
        self.stale = False
        self.refreshes += 1
        current = self.current_row()
        keep = current.disagreement.id if current else None
        self.pair = [self.coder_a.currentText(), self.coder_b.currentText()]
        self.problem = ""
        rows: list[Row] = []
        if not all(self.pair) or self.pair[0] == self.pair[1]:
            self.problem = self.tr("Choose two different coders.")
        else:
            try:
                with self.bench.project.session_factory() as session:
                    found = list_disagreements(session, self.pair)
                    decided = active_decisions(session, self.pair)
                rows = [Row(d, decided.get(d.id)) for d in found]
            except GovCoderError as error:
                self.problem = str(error)
        self.model.reset(rows)
        if keep is not None and (n := self.model.row_of(keep)) is not None:
            self.table.selectRow(n)
        elif rows:
            self.table.selectRow(0)
        self._summarise()

    def _decision_reported(self, disagreement_id: str, decision: DecisionInfo | None) -> None:
        self.model.set_decision(disagreement_id, decision)
        self._summarise()

    def _summarise(self) -> None:
        if self.problem:
            self.summary.setText(self.problem)
            return
        decided = sum(1 for row in self.model.rows if row.decision is not None)
        self.summary.setText(self.tr("%1 disagreements, %2 decided into the consensus layer")
                             .replace("%1", str(len(self.model.rows))).replace("%2", str(decided)))

    # --- changes the workbench reports ----------------------------------------------------------

    def annotation_touched(self, *infos) -> None:
        """An annotation of one of the compared coders changed: the disagreements may have."""
        if any(info.coder in self.pair for info in infos):
            if self.on_screen:
                self.refresh()
            else:
                self.stale = True

    # --- walking and deciding -------------------------------------------------------------------

    def current_row(self) -> Row | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row(), index.parent()):
            return None
        return self.model.rows[index.row()]

    def _activated(self, index) -> None:
        if index.isValid():
            self.show_row(index.row())

    def show_row(self, n: int) -> None:
        """Select row n and open its passage in the reading view."""
        self.table.selectRow(n)
        self.table.scrollTo(self.model.index(n, 0))
        d = self.model.rows[n].disagreement
        self.passageRequested.emit(d.document, d.start, d.end, list(self.pair))

    def decide(self, choice: str) -> None:
        row = self.current_row()
        if row is None:
            self.bench.report_error(GovCoderError(self.tr("Choose a disagreement in the list first.")))
            return
        d = row.disagreement
        span = None
        take = choice
        if choice == "edit":
            selected = self.selection()
            if selected is None or selected[0] != d.document:
                self.bench.report_error(GovCoderError(self.tr(
                    "Select the consensus span in the text of this passage’s document first.")))
                return
            span = (selected[1], selected[2])
            coders_here = {s.coder for s in d.spans}
            take = "both" if len(coders_here) > 1 else ("A" if self.pair[0] in coders_here else "B")
        if row.decision is not None:
            self.bench.report_error(GovCoderError(self.tr(
                "This disagreement is decided already: undo that decision first (Edit > Undo).")))
            return
        command = AdjudicateCommand(self.bench, list(self.pair), d, take, span, self._decision_reported)
        self.bench.undo_stack.push(command)
        if command.decision is not None:
            n = self.model.row_of(d.id)
            if n is not None and n + 1 < len(self.model.rows):
                self.show_row(n + 1)

    def decision_of(self, disagreement_id: str) -> DecisionInfo | None:
        n = self.model.row_of(disagreement_id)
        return self.model.rows[n].decision if n is not None else None
