"""The code tree: a QAbstractItemModel adapter over the core codebook's flat, ordered list.

The model never changes the codebook itself. A drop asks `move_requested(code_id, parent_id, row)`
and the window turns that into an undoable core move; the model is then rebuilt from the core.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from desktop_app.core.codebook.tree import CodeInfo
from desktop_app.gui.base.drag import MIME_CODE, MIME_SELECTION

NAME, HERE, TOTAL = range(3)

_ROOT = QModelIndex()  # the invisible root, as a default argument


class Node:
    __slots__ = ("info", "parent", "children")

    def __init__(self, info: CodeInfo | None, parent: Node | None) -> None:
        self.info = info
        self.parent = parent
        self.children: list[Node] = []

    def row(self) -> int:
        return self.parent.children.index(self) if self.parent else 0


class CodebookModel(QAbstractItemModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.root = Node(None, None)
        self.by_id: dict[int, Node] = {}
        self.here: dict[int, int] = {}  # annotations per code in the open document
        self.move_requested: Callable[[int, int | None, int], None] | None = None
        self.selection_dropped: Callable[[int, int, int, int], None] | None = None  # code, doc, start, end

    # --- building -----------------------------------------------------------------------------

    def reset(self, codes: list[CodeInfo]) -> None:
        self.beginResetModel()
        self.root = Node(None, None)
        self.by_id = {}
        by_path: dict[str, Node] = {}
        for info in codes:  # the core lists parents before children
            parent = by_path.get(info.parent, self.root) if info.parent else self.root
            node = Node(info, parent)
            parent.children.append(node)
            by_path[info.path] = node
            self.by_id[info.id] = node
        self.endResetModel()

    def update_counts(self, codes: list[CodeInfo], here: dict[int, int]) -> None:
        """New totals and per-document counts without resetting (keeps expansion and selection).
        Changed rows are announced once per parent, as one range, so that opening a document costs a
        handful of signals rather than one per code."""
        previous = self.here
        self.here = dict(here)
        changed: dict[int, tuple[Node, int, int]] = {}  # parent -> (parent node, first row, last row)
        for info in codes:
            node = self.by_id.get(info.id)
            if node is None or node.info is None:
                continue
            if node.info.annotations != info.annotations or previous.get(info.id, 0) != here.get(info.id, 0):
                row = node.row()
                parent = node.parent
                _, first, last = changed.get(id(parent), (parent, row, row))
                changed[id(parent)] = (parent, min(first, row), max(last, row))
            node.info = info
        for parent, first, last in changed.values():
            self.dataChanged.emit(self.createIndex(first, HERE, parent.children[first]),
                                  self.createIndex(last, TOTAL, parent.children[last]),
                                  [Qt.ItemDataRole.DisplayRole])

    def index_of(self, code_id: int, column: int = NAME) -> QModelIndex:
        node = self.by_id.get(code_id)
        return self.createIndex(node.row(), column, node) if node else QModelIndex()

    def code_id(self, index: QModelIndex) -> int | None:
        node = self._node(index)
        return node.info.id if node is not None and node.info else None

    # --- QAbstractItemModel -------------------------------------------------------------------

    def _node(self, index: QModelIndex) -> Node | None:
        return index.internalPointer() if index.isValid() else None

    def index(self, row: int, column: int, parent=_ROOT) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        node = self._node(parent) or self.root
        return self.createIndex(row, column, node.children[row])

    def parent(self, index=_ROOT) -> QModelIndex:  # type: ignore[override]
        node = self._node(index)
        if node is None or node.parent is None or node.parent is self.root:
            return QModelIndex()
        return self.createIndex(node.parent.row(), 0, node.parent)

    def rowCount(self, parent=_ROOT) -> int:  # noqa: N802
        if parent.isValid() and parent.column() != 0:
            return 0
        node = self._node(parent) or self.root
        return len(node.children)

    def columnCount(self, parent=_ROOT) -> int:  # noqa: N802
        return 3

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return [QCoreApplication.translate("CodebookModel", "Code"), QCoreApplication.translate("CodebookModel", "Here"),
                    QCoreApplication.translate("CodebookModel", "All")][section]
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        node = self._node(index)
        if node is None or node.info is None:
            return None
        info, column = node.info, index.column()
        if role == Qt.ItemDataRole.UserRole:
            return info.id
        if column == NAME:
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{info.name}  [{info.shortcut}]" if info.shortcut else info.name
            if role == Qt.ItemDataRole.EditRole:
                return info.name
            if role == Qt.ItemDataRole.DecorationRole:
                return QColor(info.colour)
            if role == Qt.ItemDataRole.ToolTipRole:
                lines = [info.path]
                if info.english:
                    lines.append(info.english)
                if info.description:
                    lines.append(info.description)
                return "\n".join(lines)
            if role == Qt.ItemDataRole.FontRole and not info.codable:
                font = QFont()
                font.setItalic(True)
                return font
        elif role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self.here.get(info.id, 0) if column == HERE else info.annotations
        elif role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
                | Qt.ItemFlag.ItemIsDropEnabled)

    # --- drag and drop ------------------------------------------------------------------------

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [MIME_CODE, MIME_SELECTION]

    def mimeData(self, indexes) -> QMimeData:  # noqa: N802
        data = QMimeData()
        ids = {self.code_id(i) for i in indexes if i.isValid()}
        ids.discard(None)
        data.setData(MIME_CODE, ",".join(str(i) for i in sorted(ids)).encode())
        return data

    def canDropMimeData(self, data, action, row, column, parent) -> bool:  # noqa: N802
        if data.hasFormat(MIME_SELECTION):  # text dragged from the reading view onto a code codes it
            node = self._node(parent)
            return node is not None and node.info is not None and node.info.codable
        if not data.hasFormat(MIME_CODE):
            return False
        moving = [int(x) for x in bytes(data.data(MIME_CODE)).decode().split(",") if x]
        target = self._node(parent)
        while target is not None and target.info is not None:  # no code into its own subtree
            if target.info.id in moving:
                return False
            target = target.parent
        return True

    def dropMimeData(self, data, action, row, column, parent) -> bool:  # noqa: N802
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        if data.hasFormat(MIME_SELECTION):
            document, start, end = (int(x) for x in bytes(data.data(MIME_SELECTION)).decode().split(":"))
            if self.selection_dropped is not None:
                self.selection_dropped(self.code_id(parent), document, start, end)
            return False
        if self.move_requested is None:
            return False
        moving = [int(x) for x in bytes(data.data(MIME_CODE)).decode().split(",") if x]
        parent_id = self.code_id(parent)
        for code_id in moving:
            self.move_requested(code_id, parent_id, row)
        # The window rebuilds the model from the core; returning False stops the view removing rows.
        return False
