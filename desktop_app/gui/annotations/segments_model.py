"""The coded segments of one code as a two-level model (documents, then their segments), fetched from
the database a page at a time as the view scrolls, and kept current by single inserts and removals
when the researcher codes, instead of being rebuilt."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from desktop_app.core.analysis.retrieval import CodedSegment

ANNOTATION_ROLE = Qt.ItemDataRole.UserRole
DOCUMENT_ROLE = Qt.ItemDataRole.UserRole + 1
PAGE = 200
_ROOT = QModelIndex()  # the invisible root, as a default argument

# fetch(offset, limit) -> segments in reading order; count(documents) -> segments per document
Fetch = Callable[[int, int], list[CodedSegment]]
Count = Callable[[list[int] | None], dict[int, int]]


def _key(segment: CodedSegment) -> tuple[int, int, int]:
    return segment.start, -segment.end, segment.annotation


@dataclass
class _Group:
    document: int
    title: str
    total: int  # segments of this document in the database, loaded or not
    segments: list[CodedSegment] = field(default_factory=list)


class SegmentsModel(QAbstractItemModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._groups: list[_Group] = []
        self._fetch: Fetch | None = None
        self._count: Count | None = None
        self._loaded = 0  # segments fetched so far, in reading order
        self._total = 0

    # --- loading ------------------------------------------------------------------------------

    def load(self, fetch: Fetch | None, count: Count | None) -> None:
        """Start over with a new query (None: empty); only the first page is read now."""
        self.beginResetModel()
        self._groups, self._fetch, self._count, self._loaded = [], fetch, count, 0
        self._total = sum(count(None).values()) if count is not None else 0
        self.endResetModel()
        if self.canFetchMore(QModelIndex()):
            self.fetchMore(QModelIndex())

    def canFetchMore(self, parent=_ROOT) -> bool:  # noqa: N802 - Qt naming
        return not parent.isValid() and self._fetch is not None and self._loaded < self._total

    def fetchMore(self, parent=_ROOT) -> None:  # noqa: N802
        if not self.canFetchMore(parent):
            return
        page = self._fetch(self._loaded, PAGE)
        if not page:
            self._total = self._loaded
            return
        self._loaded += len(page)
        new_documents = sorted({s.document for s in page} - {g.document for g in self._groups})
        totals = self._count(new_documents) if new_documents else {}
        for segment in page:
            last = self._groups[-1] if self._groups else None
            if last is not None and last.document == segment.document:
                row = len(self._groups) - 1
                parent_index = self.index(row, 0)
                self.beginInsertRows(parent_index, len(last.segments), len(last.segments))
                last.segments.append(segment)
                self.endInsertRows()
            else:
                self.beginInsertRows(QModelIndex(), len(self._groups), len(self._groups))
                self._groups.append(_Group(segment.document, segment.title, totals.get(segment.document, 1),
                                           [segment]))
                self.endInsertRows()

    # --- changes from coding --------------------------------------------------------------------

    def add(self, segment: CodedSegment) -> None:
        """A segment was just coded: shown in place if that place is loaded, counted either way."""
        self._total += 1
        documents = [g.document for g in self._groups]
        row = bisect_left(documents, segment.document)
        if row < len(self._groups) and self._groups[row].document == segment.document:
            group = self._groups[row]
            group.total += 1
            keys = [_key(s) for s in group.segments]
            at = bisect_left(keys, _key(segment))
            complete = len(group.segments) == group.total - 1
            if at < len(group.segments) or complete or row < len(self._groups) - 1:
                self.beginInsertRows(self.index(row, 0), at, at)
                group.segments.insert(at, segment)
                self.endInsertRows()
                self._loaded += 1
            self._changed_group(row)
            return
        if row < len(self._groups) or self._loaded == self._total - 1:  # its place is among what is loaded
            self.beginInsertRows(QModelIndex(), row, row)
            self._groups.insert(row, _Group(segment.document, segment.title, 1, [segment]))
            self.endInsertRows()
            self._loaded += 1

    def remove(self, annotation_id: int, document_id: int) -> None:
        documents = [g.document for g in self._groups]
        row = bisect_left(documents, document_id)
        if row >= len(self._groups) or self._groups[row].document != document_id:
            self._total = max(0, self._total - 1)  # in a page not fetched yet
            return
        group = self._groups[row]
        at = next((i for i, s in enumerate(group.segments) if s.annotation == annotation_id), None)
        self._total -= 1
        group.total -= 1
        if at is not None:
            self.beginRemoveRows(self.index(row, 0), at, at)
            del group.segments[at]
            self.endRemoveRows()
            self._loaded -= 1
        if group.total <= 0 and not group.segments:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._groups[row]
            self.endRemoveRows()
        else:
            self._changed_group(row)

    def _changed_group(self, row: int) -> None:
        index = self.index(row, 0)
        self.dataChanged.emit(index, index)

    # --- the model ------------------------------------------------------------------------------

    def index(self, row: int, column: int = 0, parent=_ROOT) -> QModelIndex:
        if column != 0 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, 0, 0) if row < len(self._groups) else QModelIndex()
        if parent.internalId() != 0:
            return QModelIndex()
        group = self._groups[parent.row()]
        return self.createIndex(row, 0, parent.row() + 1) if row < len(group.segments) else QModelIndex()

    def parent(self, index=_ROOT) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent=_ROOT) -> int:  # noqa: N802
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == 0:
            return len(self._groups[parent.row()].segments)
        return 0

    def columnCount(self, parent=_ROOT) -> int:  # noqa: N802
        return 1

    def hasChildren(self, parent=_ROOT) -> bool:  # noqa: N802
        return self.rowCount(parent) > 0

    def segment_at(self, index: QModelIndex | QPersistentModelIndex) -> CodedSegment | None:
        if not index.isValid() or index.internalId() == 0:
            return None
        return self._groups[index.internalId() - 1].segments[index.row()]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if index.internalId() == 0:
            group = self._groups[index.row()]
            if role == Qt.ItemDataRole.DisplayRole:
                return (QCoreApplication.translate("SegmentsPanel", "%1 (%2)")
                        .replace("%1", group.title).replace("%2", str(group.total)))
            if role == DOCUMENT_ROLE:
                return group.document
            return None
        segment = self.segment_at(index)
        if role == Qt.ItemDataRole.DisplayRole:
            return f"…{segment.before}【{segment.quote}】{segment.after}…"
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(filter(None, [segment.code, segment.coder, segment.memo]))
        if role == ANNOTATION_ROLE:
            return segment.annotation
        if role == DOCUMENT_ROLE:
            return segment.document
        return None

    def flags(self, index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    @property
    def total(self) -> int:
        return self._total

    @property
    def loaded(self) -> int:
        return self._loaded
