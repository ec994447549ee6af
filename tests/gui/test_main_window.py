"""The main window as a user meets it: documents, reading view, status bar."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop_app.core.documents.listing import get_document


def test_clicking_a_document_shows_its_text(qtbot, project_path, open_window):
    window = open_window(project_path)
    table = window.documents.table
    assert window.documents.model.rowCount() == 5
    row = 2
    rect = table.visualRect(table.model().index(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    document_id = table.model().index(row, 0).data(Qt.ItemDataRole.UserRole)
    with window.bench.project.session_factory() as session:
        text = get_document(session, document_id).text
    assert window.bench.document.id == document_id
    assert window.reading.toPlainText() == text
    assert "tester" in window.status_coder.text()


def test_documents_filter_and_sort(qtbot, project_path, open_window):
    window = open_window(project_path)
    panel = window.documents
    title = panel.model.rows[0].title
    panel.filter.setText(title[:6])  # QTest cannot type CJK characters (it aborts)
    assert 1 <= panel.proxy.rowCount() < 5
    panel.filter.clear()
    panel.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    titles = [panel.proxy.index(r, 0).data() for r in range(panel.proxy.rowCount())]
    assert titles == sorted(titles, reverse=True)
