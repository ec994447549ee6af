"""Starting the application: QApplication, the project (the sample one built off the GUI thread on first
use), the main window, the event loop. Errors at opening are shown as a message, never a traceback."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QSettings, Qt, QThreadPool
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog

from desktop_app.core.errors import GovCoderError
from desktop_app.core.store.project import Project, open_project
from desktop_app.gui.base import i18n, workers

ORGANISATION, APPLICATION = "GovCoder", "GovCoder"


def application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    QCoreApplication.setOrganizationName(ORGANISATION)
    QCoreApplication.setApplicationName(APPLICATION)
    return app  # type: ignore[return-value]


def _open_in_background(location: str | None) -> Project:
    """Open the project on a worker thread with a progress dialog (building the sample project imports
    and segments five articles; a migration can take a while too)."""
    from desktop_app.core.projects.new_project import open_default_project

    def work(progress, _cancelled):
        if location is None:
            return open_default_project(progress=progress)
        return open_project(location)

    dialog = QProgressDialog(QCoreApplication.translate("App", "Opening the project…"), "", 0, 0)
    dialog.setCancelButton(None)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(400)
    outcome: dict[str, object] = {}
    loop = QEventLoop()
    task = workers.Task(work, with_progress=True)

    def on_progress(done: int, total: int, name: str) -> None:
        dialog.setMaximum(total)
        dialog.setValue(done)
        dialog.setLabelText(QCoreApplication.translate("App", "Preparing the sample project: %1")
                            .replace("%1", name))

    task.signals.progress.connect(on_progress)
    task.signals.finished.connect(lambda project: (outcome.update(project=project), loop.quit()))
    task.signals.failed.connect(lambda error: (outcome.update(error=error), loop.quit()))
    workers.start(task)
    loop.exec()
    dialog.close()
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["project"]  # type: ignore[return-value]


def _benches() -> list:
    from desktop_app.gui.shell.main_window import MainWindow

    return [w.bench for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]


def _scrubbed(text: str) -> str:
    from desktop_app.core.store.project import hide_password

    for bench in _benches():
        text = hide_password(text, bench.project.url)
    return text


def uncaught_message(error: BaseException) -> str:
    """What an unexpected failure tells the user, in words: "saved" only when it is (no database error
    in this failure, no write that failed since the last one that succeeded, no project file gone)."""
    from desktop_app.core.store.db_errors import describe_database_error, is_database_error

    if is_database_error(error):
        return (QCoreApplication.translate("App", "Something went wrong with the project: %1\n"
                                           "The last change may not have been saved.")
                .replace("%1", _scrubbed(describe_database_error(error))))
    what = QCoreApplication.translate("App", "Something went wrong: %1").replace(
        "%1", _scrubbed(str(error) or type(error).__name__))
    if any(bench.lost or bench.last_write_failed for bench in _benches()):
        return what + "\n" + QCoreApplication.translate("App", "The last change was not saved.")
    return what + "\n" + QCoreApplication.translate("App", "Your coding so far is saved.")


def _report_uncaught(kind, error, trace) -> None:
    """A refused action (GovCoderError) or an unexpected failure in a slot becomes a message, never a
    traceback on a terminal the researcher cannot see; the details stay available to copy."""
    import traceback

    if issubclass(kind, KeyboardInterrupt):
        QApplication.quit()
        return
    parent = QApplication.activeWindow()
    if issubclass(kind, GovCoderError):
        QMessageBox.warning(parent, QCoreApplication.translate("App", "GovCoder"), _scrubbed(str(error)))
        return
    box = QMessageBox(QMessageBox.Icon.Critical, QCoreApplication.translate("App", "GovCoder"),
                      uncaught_message(error), parent=parent)
    box.setDetailedText(_scrubbed("".join(traceback.format_exception(kind, error, trace))))
    box.exec()


def last_project(settings: QSettings) -> str | None:
    """The project file the user had open last, if it is still there."""
    from desktop_app.gui.shell.file_actions import recent_projects

    recent = recent_projects(settings)
    return recent[0] if recent and Path(recent[0]).is_file() else None


def run_gui(location: str | None) -> int:
    """Open the window on `location`; with none, on the project used last, else the sample project."""
    app = application()
    settings = QSettings()
    language = settings.value("view/language") or i18n.system_language()
    i18n.install_language(str(language))
    try:
        project = _open_in_background(location or last_project(settings))
    except Exception as error:  # noqa: BLE001 - whatever stops the project opening is told, not dumped
        from desktop_app.core.store.db_errors import describe_database_error, is_database_error
        from desktop_app.core.store.project import hide_password

        reason = str(error) if isinstance(error, GovCoderError) else f"{type(error).__name__}: {error}"
        if is_database_error(error):
            reason = describe_database_error(error)
        reason = hide_password(reason, location)
        QMessageBox.critical(None, QCoreApplication.translate("App", "GovCoder"),
                             QCoreApplication.translate("App", "Cannot open the project:\n%1")
                             .replace("%1", reason))
        return 1
    from desktop_app.gui.shell.main_window import MainWindow

    window = MainWindow(project, settings=settings)
    window.show()
    previous_hook = sys.excepthook
    sys.excepthook = _report_uncaught
    try:
        return app.exec()
    finally:
        sys.excepthook = previous_hook
        QThreadPool.globalInstance().waitForDone(10_000)  # a segmentation still writing its cache
        project.close()
