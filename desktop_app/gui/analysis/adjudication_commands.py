"""Adjudication as undoable commands: deciding a disagreement copies spans into the consensus layer;
undoing takes the decision back (its record stays, marked undone)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from desktop_app.core.analysis.agreement import adjudication
from desktop_app.core.analysis.agreement.adjudication import DecisionInfo
from desktop_app.core.annotate.revisions import get_annotation
from desktop_app.gui.base.undo import WorkbenchCommand

if TYPE_CHECKING:
    from desktop_app.core.analysis.agreement.disagreements import Disagreement
    from desktop_app.gui.base.workbench import Workbench


def command_label(take: str, span: tuple[int, int] | None, coders: list[str], where: str) -> str:
    if span is not None:
        what = QCoreApplication.translate("Commands", "Edited span for %1").replace("%1", where)
    elif take in ("A", "B"):
        what = (QCoreApplication.translate("Commands", "Take %1 at %2")
                .replace("%1", coders[0] if take == "A" else coders[1]).replace("%2", where))
    elif take == "both":
        what = QCoreApplication.translate("Commands", "Take both at %1").replace("%1", where)
    else:
        what = QCoreApplication.translate("Commands", "Take neither at %1").replace("%1", where)
    return what


class AdjudicateCommand(WorkbenchCommand):
    """Decide one disagreement between coders A and B; `report` hears the standing decision (or None)."""

    def __init__(self, bench: Workbench, coders: list[str], disagreement: Disagreement, take: str,
                 span: tuple[int, int] | None, report: Callable[[str, DecisionInfo | None], None]) -> None:
        where = f"{disagreement.document}:{disagreement.start}–{disagreement.end}"
        super().__init__(command_label(take, span, coders, where))
        self.bench, self.coders, self.disagreement_id = bench, list(coders), disagreement.id
        self.take, self.span, self.report = take, span, report
        self.adjudicator = bench.coder  # who decides: the coder at the time of the decision
        self.decision: DecisionInfo | None = None

    def apply(self) -> None:
        with self.bench.transaction() as session:
            decision = adjudication.decide(session, self.coders, self.disagreement_id, self.take,
                                           adjudicator=self.adjudicator, span=self.span)
            made = [get_annotation(session, a.id) for a in decision.annotations]
        self.decision = decision
        for info in made:
            self.bench.annotation_added(info)
        self.report(self.disagreement_id, decision)

    def revert(self) -> None:
        assert self.decision is not None
        with self.bench.transaction() as session:
            gone = [get_annotation(session, a.id) for a in self.decision.annotations]
            adjudication.undo_decision(session, self.decision.id, by=self.adjudicator)
        for info in gone:
            self.bench.annotation_removed(info)
        self.report(self.disagreement_id, None)
