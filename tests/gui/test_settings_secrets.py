"""The window's settings never hold a password, and only their owner can read them."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

PASSWORD = "Zq7-s3cret-pw"


def files_under(*folders: Path) -> list[Path]:
    return [path for folder in folders if folder.exists() for path in folder.rglob("*") if path.is_file()]


def open_and_close(qtbot, url: str, settings: QSettings, document: int | None = None):
    from desktop_app.core.store.project import open_project
    from desktop_app.gui.shell.main_window import MainWindow

    project = open_project(url)
    window = MainWindow(project, coder="tester", settings=settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.bench.document is not None)
    if document is not None:
        window.open_document(document)
    qtbot.waitUntil(lambda: window.reading.boundaries is not None, timeout=30000)
    window.reading.select_span(0, 2)  # a coding, through the window's own write path on this database
    window.coding.apply_code(next(code.id for code in window.bench.codes if code.codable))
    assert window.bench.undo_stack.count() == 1
    seen = [window.windowTitle(), window.status_project.text(), window.statusBar().currentMessage()]
    opened = window.bench.document.id
    from PySide6.QtCore import QThreadPool

    QThreadPool.globalInstance().waitForDone(30_000)
    QApplication.processEvents()
    window.close()
    project.close()
    return opened, seen


@pytest.mark.postgres
def test_a_team_database_password_is_in_no_settings_key_title_or_file(qtbot, postgres_url, isolated_user,
                                                                        tmp_path):
    from desktop_app.core.documents.listing import list_documents
    from desktop_app.core.projects.new_project import init_project

    # The test server trusts local connections: the password is ignored by it, but it is in the URL.
    url = postgres_url.replace("://govcoder@", f"://govcoder:{PASSWORD}@")
    assert PASSWORD in url
    with init_project(url, sample=True) as project, project.session_factory() as session:
        second = list_documents(session)[1].id
    path = Path(os.environ["XDG_CONFIG_HOME"]) / "GovCoder" / "GovCoder.conf"
    settings = QSettings(str(path), QSettings.Format.IniFormat)
    settings.setValue(f"lastDocument/{url}", 1)  # as an older GovCoder wrote it
    settings.sync()

    opened, seen = open_and_close(qtbot, url, settings, document=second)
    settings.sync()
    assert opened == second
    assert not any(PASSWORD in text for text in seen)
    for file in files_under(isolated_user, tmp_path):
        assert PASSWORD.encode() not in file.read_bytes(), file
    assert stat.S_IMODE(path.stat().st_mode) == 0o600

    # Keyed by the URL without its password: the window opens the same document again, whatever the
    # password (it may change), and still writes none.
    other = url.replace(PASSWORD, "another-pw")
    again, _ = open_and_close(qtbot, other, QSettings(str(path), QSettings.Format.IniFormat))
    assert again == second
    assert b"another-pw" not in path.read_bytes()


def test_the_settings_file_is_readable_by_its_owner_only(qtbot, project_path, open_window, settings):
    window = open_window(project_path)
    window.close()
    assert stat.S_IMODE(os.stat(settings.fileName()).st_mode) == 0o600


def test_locations_lose_their_passwords():
    from desktop_app.core.store.project import hide_password, redacted_location

    url = f"postgresql+psycopg://coder:{PASSWORD}@db.example.org:5432/study?sslmode=require"
    assert redacted_location(url) == "postgresql+psycopg://coder@db.example.org:5432/study?sslmode=require"
    assert PASSWORD not in redacted_location(f"postgresql://coder@host/db?password={PASSWORD}")
    assert PASSWORD not in redacted_location(f"not a url://coder:{PASSWORD}@host")
    assert redacted_location("/home/me/study.govcoder") == "/home/me/study.govcoder"
    message = f'connection to "{url}" failed; password {PASSWORD}'
    assert PASSWORD not in hide_password(message, url)
