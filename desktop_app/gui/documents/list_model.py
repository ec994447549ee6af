"""The documents table: a QAbstractTableModel over the core's document summaries."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QSortFilterProxyModel, Qt

from desktop_app.core.documents.listing import DocumentSummary

TITLE, OUTLET, DATE, SCRIPT, MINE, ALL, STATUS = range(7)

_ROOT = QModelIndex()  # the invisible root, as a default argument


def status_label(status: str) -> str:
    return {
        "not_started": QCoreApplication.translate("DocumentsModel", "not started"),
        "in_progress": QCoreApplication.translate("DocumentsModel", "in progress"),
        "done": QCoreApplication.translate("DocumentsModel", "done"),
    }.get(status, status)


def script_label(script: str) -> str:
    return {
        "simplified": QCoreApplication.translate("DocumentsModel", "simplified"),
        "traditional": QCoreApplication.translate("DocumentsModel", "traditional"),
        "mixed": QCoreApplication.translate("DocumentsModel", "mixed"),
        "other": QCoreApplication.translate("DocumentsModel", "other"),
    }.get(script, script)


class DocumentsModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[DocumentSummary] = []
        self.mine: dict[int, int] = {}
        self.statuses: dict[int, str] = {}
        self._row_of: dict[int, int] = {}  # a coding adjusts one row: found by id, not by a scan of 50,000

    def reset(self, rows: list[DocumentSummary], mine: dict[int, int], statuses: dict[int, str]) -> None:
        self.beginResetModel()
        self.rows, self.mine, self.statuses = list(rows), dict(mine), dict(statuses)
        self._row_of = {row.id: number for number, row in enumerate(self.rows)}
        self.endResetModel()

    def headers(self) -> list[str]:
        return [QCoreApplication.translate("DocumentsModel", "Title"), QCoreApplication.translate("DocumentsModel", "Outlet"), QCoreApplication.translate("DocumentsModel", "Date"),
                QCoreApplication.translate("DocumentsModel", "Script"), QCoreApplication.translate("DocumentsModel", "Mine"), QCoreApplication.translate("DocumentsModel", "All"),
                QCoreApplication.translate("DocumentsModel", "Status")]

    def rowCount(self, parent=_ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=_ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else 7

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        if role == Qt.ItemDataRole.ToolTipRole and column == TITLE:
            return row.title
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (MINE, ALL):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return None
        status = self.statuses.get(row.id, "not_started")
        values = [row.title, row.source or "", row.published or "", script_label(row.script),
                  self.mine.get(row.id, 0), row.annotations, status_label(status)]
        return values[column]

    def row_of(self, document_id: int) -> int:
        return self._row_of.get(document_id, -1)

    def adjust_counts(self, document_id: int, delta: int, mine: bool) -> None:
        row = self.row_of(document_id)
        if row < 0:
            return
        self.rows[row] = replace(self.rows[row], annotations=self.rows[row].annotations + delta)
        if mine:
            self.mine[document_id] = self.mine.get(document_id, 0) + delta
        self.dataChanged.emit(self.index(row, MINE), self.index(row, ALL))

    def set_status(self, document_id: int, status: str) -> None:
        row = self.row_of(document_id)
        if row >= 0:
            self.statuses[document_id] = status
            self.dataChanged.emit(self.index(row, STATUS), self.index(row, STATUS))


class DocumentsFilter(QSortFilterProxyModel):
    """Filters on title, outlet and date together, and to a set of documents (the coder's assigned
    ones) if given; sorts numbers as numbers."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(-1)
        self.setSortRole(Qt.ItemDataRole.EditRole)
        self.only: set[int] | None = None

    def set_only(self, documents: set[int] | None) -> None:
        self.beginFilterChange()
        self.only = documents
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:  # noqa: N802
        if self.only is not None:
            model = self.sourceModel()
            if model.rows[source_row].id not in self.only:
                return False
        return super().filterAcceptsRow(source_row, source_parent)
