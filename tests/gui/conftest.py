"""GUI fixtures: a real sample project on disk per test, isolated settings, the real main window."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, QSettings, Qt
from PySide6.QtGui import QMouseEvent, QTextCursor
from PySide6.QtWidgets import QApplication

# A line with an astral CJK character and an emoji before the words we code, so that Qt's UTF-16
# positions and the stored code points differ by two at the coded span.
ASTRAL_TEXT = "𠮷野家门前😀，社区网格员开展矛盾纠纷调解工作。\n居民议事会推进协商议事。"


@pytest.fixture
def project_path(sample_project_template, tmp_path) -> Path:
    """A copy of the sample project built once per run by tests/conftest.py."""
    target = tmp_path / "p.govcoder"
    shutil.copy(sample_project_template, target)
    return target


def add_document(project_path: Path, text: str, title: str = "Astral") -> int:
    from desktop_app.core.store.models import Document
    from desktop_app.core.store.project import open_project

    with open_project(project_path) as project, project.session_factory.begin() as session:
        document = Document(title=title, original_text=text, text=text, script="simplified",
                            content_hash=hashlib.sha256(text.encode()).hexdigest())
        session.add(document)
        session.flush()
        return document.id


def set_shortcut(project_path: Path, code_path: str, key: str) -> int:
    from desktop_app.core.codebook.tree import find_code
    from desktop_app.core.store.project import open_project

    with open_project(project_path) as project, project.session_factory.begin() as session:
        code = find_code(session, code_path)
        code.shortcut = key
        return code.id


@pytest.fixture
def settings(tmp_path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def open_window(qtbot, settings):
    """Open the main window on a project file as the user would, and close it at the end."""
    from desktop_app.core.store.project import open_project
    from desktop_app.gui.shell.main_window import MainWindow

    opened = []

    def opener(path: Path, document_id: int | None = None):
        project = open_project(path)
        window = MainWindow(project, coder="tester", settings=settings)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        qtbot.waitUntil(lambda: window.bench.document is not None)
        if document_id is not None:
            window.open_document(document_id)
        qtbot.waitUntil(lambda: window.reading.boundaries is not None, timeout=30000)
        opened.append((window, project))
        return window

    yield opener
    from PySide6.QtCore import QThreadPool

    QThreadPool.globalInstance().waitForDone(30_000)  # no segmentation outlives its window
    QApplication.processEvents()
    for window, project in opened:
        window.close()
        project.close()


def point_of(view, char: int, *, right: bool = False) -> QPoint:
    """A viewport point inside the character at code point `char` (its left or right half)."""
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.layers.positions.to_qt(char))
    left = view.cursorRect(cursor)
    cursor.setPosition(view.layers.positions.to_qt(char + 1))
    after = view.cursorRect(cursor)
    width = max(after.x() - left.x(), 4) if after.top() == left.top() else 8
    x = left.x() + (width * 3 // 4 if right else width // 4)
    return QPoint(x, left.center().y())


def _mouse(widget, kind, point: QPoint, button, buttons, modifiers=Qt.KeyboardModifier.NoModifier):
    local = QPointF(point)
    event = QMouseEvent(kind, local, QPointF(widget.mapToGlobal(point)), button, buttons, modifiers)
    QApplication.sendEvent(widget, event)


def drag(view, first: int, last: int, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    """Press on character `first`, move and release on character `last` (inclusive)."""
    viewport = view.viewport()
    left, right = Qt.MouseButton.LeftButton, Qt.MouseButton.LeftButton
    start, end = point_of(view, first), point_of(view, last, right=True)
    _mouse(viewport, QEvent.Type.MouseButtonPress, start, left, right, modifiers)
    _mouse(viewport, QEvent.Type.MouseMove, end, Qt.MouseButton.NoButton, right, modifiers)
    _mouse(viewport, QEvent.Type.MouseButtonRelease, end, left, Qt.MouseButton.NoButton, modifiers)


def click(view, char: int) -> None:
    point = point_of(view, char)
    viewport = view.viewport()
    _mouse(viewport, QEvent.Type.MouseButtonPress, point, Qt.MouseButton.LeftButton, Qt.MouseButton.LeftButton)
    _mouse(viewport, QEvent.Type.MouseButtonRelease, point, Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton)


def double_click(view, char: int) -> None:
    point = point_of(view, char)
    viewport = view.viewport()
    _mouse(viewport, QEvent.Type.MouseButtonPress, point, Qt.MouseButton.LeftButton, Qt.MouseButton.LeftButton)
    _mouse(viewport, QEvent.Type.MouseButtonRelease, point, Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton)
    _mouse(viewport, QEvent.Type.MouseButtonDblClick, point, Qt.MouseButton.LeftButton,
           Qt.MouseButton.LeftButton)
    _mouse(viewport, QEvent.Type.MouseButtonRelease, point, Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton)
