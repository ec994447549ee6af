"""The disagreement browser's table: one row per disagreement between two coders, sortable by any
column, with the standing decision of each."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt

from desktop_app.core.analysis.agreement.adjudication import DecisionInfo
from desktop_app.core.analysis.agreement.disagreements import Disagreement

COLUMNS = ("document", "where", "codes", "coders", "kind", "decision")


def kind_label(kind: str) -> str:
    return {
        "missing": QCoreApplication.translate("Disagreements", "missing"),
        "different code": QCoreApplication.translate("Disagreements", "different code"),
        "different extent": QCoreApplication.translate("Disagreements", "different extent"),
    }.get(kind, kind)


def taken_label(decision: DecisionInfo | None) -> str:
    if decision is None:
        return ""
    what = {
        "take A": QCoreApplication.translate("Disagreements", "took %1").replace("%1", decision.coders[0]),
        "take B": QCoreApplication.translate("Disagreements", "took %1").replace("%1", decision.coders[1]),
        "both": QCoreApplication.translate("Disagreements", "both"),
        "neither": QCoreApplication.translate("Disagreements", "neither"),
        "edited span": QCoreApplication.translate("Disagreements", "edited span"),
    }[decision.taken]
    return QCoreApplication.translate("Disagreements", "%1 (by %2)").replace("%1", what).replace(
        "%2", decision.adjudicator)


@dataclass
class Row:
    disagreement: Disagreement
    decision: DecisionInfo | None


class DisagreementsModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[Row] = []
        self._sort: tuple[int, Qt.SortOrder] = (0, Qt.SortOrder.AscendingOrder)

    def reset(self, rows: list[Row]) -> None:
        self.beginResetModel()
        self.rows = rows
        self._apply_sort()
        self.endResetModel()

    def row_of(self, disagreement_id: str) -> int | None:
        for n, row in enumerate(self.rows):
            if row.disagreement.id == disagreement_id:
                return n
        return None

    def set_decision(self, disagreement_id: str, decision: DecisionInfo | None) -> None:
        n = self.row_of(disagreement_id)
        if n is not None:
            self.rows[n].decision = decision
            self.dataChanged.emit(self.index(n, 0), self.index(n, len(COLUMNS) - 1))

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (QCoreApplication.translate("Disagreements", "Document"),
                QCoreApplication.translate("Disagreements", "Where"),
                QCoreApplication.translate("Disagreements", "Codes"),
                QCoreApplication.translate("Disagreements", "Coders"),
                QCoreApplication.translate("Disagreements", "Kind"),
                QCoreApplication.translate("Disagreements", "Decision"))[section]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        d = row.disagreement
        if role == Qt.ItemDataRole.DisplayRole:
            column = COLUMNS[index.column()]
            if column == "document":
                return f"{d.document} {d.title}"
            if column == "where":
                return f"{d.start}–{d.end}"
            if column == "codes":
                return ", ".join(d.codes)
            if column == "coders":
                return ", ".join(d.coders)
            if column == "kind":
                return kind_label(d.kind)
            return taken_label(row.decision)
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(f"{s.coder}: {s.code} [{s.start}, {s.end})" for s in d.spans)
        return None

    def _key(self, column: int):
        name = COLUMNS[column]
        keys = {
            "document": lambda r: (r.disagreement.document, r.disagreement.start, r.disagreement.end),
            "where": lambda r: (r.disagreement.start, r.disagreement.end, r.disagreement.document),
            "codes": lambda r: (r.disagreement.codes, r.disagreement.document, r.disagreement.start),
            "coders": lambda r: (r.disagreement.coders, r.disagreement.document, r.disagreement.start),
            "kind": lambda r: (r.disagreement.kind, r.disagreement.document, r.disagreement.start),
            "decision": lambda r: (r.decision is not None, r.decision.taken if r.decision else "",
                                   r.disagreement.document, r.disagreement.start),
        }
        return keys[name]

    def _apply_sort(self) -> None:
        column, order = self._sort
        self.rows.sort(key=self._key(column), reverse=order == Qt.SortOrder.DescendingOrder)

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        ids = [self.rows[i.row()].disagreement.id for i in old]
        self._sort = (column, order)
        self._apply_sort()
        places = {row.disagreement.id: n for n, row in enumerate(self.rows)}
        self.changePersistentIndexList(old, [self.index(places[d], i.column()) for d, i in zip(ids, old, strict=True)])
        self.layoutChanged.emit()
