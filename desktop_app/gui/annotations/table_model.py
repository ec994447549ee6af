"""This document's annotations in text order: code path, quote, coder, memo."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QColor

from desktop_app.core.annotate.operations import AnnotationInfo

CODE, QUOTE, CODER, MEMO = range(4)

_ROOT = QModelIndex()  # the invisible root, as a default argument


class AnnotationsModel(QAbstractTableModel):
    def __init__(self, colour_of, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[AnnotationInfo] = []
        self._colour_of = colour_of  # code id -> QColor

    def reset(self, rows: list[AnnotationInfo]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    @staticmethod
    def _key(info: AnnotationInfo) -> tuple[int, int, int]:
        return (info.start, -info.end, info.id)

    def add(self, info: AnnotationInfo) -> None:
        from bisect import bisect_left

        keys = [self._key(r) for r in self.rows]
        row = bisect_left(keys, self._key(info))
        self.beginInsertRows(QModelIndex(), row, row)
        self.rows.insert(row, info)
        self.endInsertRows()

    def remove(self, annotation_id: int) -> None:
        row = self.row_of(annotation_id)
        if row >= 0:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self.rows[row]
            self.endRemoveRows()

    def replace(self, info: AnnotationInfo) -> None:
        self.remove(info.id)
        self.add(info)

    def row_of(self, annotation_id: int) -> int:
        return next((i for i, r in enumerate(self.rows) if r.id == annotation_id), -1)

    def rowCount(self, parent=_ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=_ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else 4

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return [QCoreApplication.translate("AnnotationsModel", "Code"), QCoreApplication.translate("AnnotationsModel", "Quote"),
                    QCoreApplication.translate("AnnotationsModel", "Coder"), QCoreApplication.translate("AnnotationsModel", "Memo")][section]
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        info = self.rows[index.row()]
        if role == Qt.ItemDataRole.UserRole:
            return info.id
        if role == Qt.ItemDataRole.DecorationRole and index.column() == CODE:
            return self._colour_of(info.code_id) or QColor("#808080")
        if role == Qt.ItemDataRole.ToolTipRole:
            return info.quote if index.column() == QUOTE else info.memo or None
        if role == Qt.ItemDataRole.DisplayRole:
            quote = info.quote.replace("\n", " ")
            return [info.code, quote if len(quote) <= 60 else quote[:59] + "…", info.coder,
                    info.memo.replace("\n", " ")][index.column()]
        return None
