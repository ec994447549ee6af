"""Project files from other programs in the File menu: a new project made from a REFI-QDA (.qdpx) or
GovCoder JSON project, with the file's codebook as it is (no default codebook), and importing such a
file into the open project as an update (what is already there is recognised; where the two differ,
the user chooses: keep ours, take theirs, or keep both). The report names everything not kept."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

POLICIES = ("ours", "theirs", "both")


class ProjectImport(QObject):
    def __init__(self, files) -> None:
        super().__init__(files)
        self.files = files
        window = files.window
        self.new_from_file = QAction(window)
        self.new_from_file.setObjectName("newProjectFromFile")
        self.new_from_file.triggered.connect(self.choose_new_from_file)
        self.import_file = QAction(window)
        self.import_file.setObjectName("importProjectFile")
        self.import_file.triggered.connect(self.choose_import_file)
        self.last_report = None

    def retranslate(self) -> None:
        self.new_from_file.setText(self.tr("&New project from a REFI-QDA or JSON project file…"))
        self.import_file.setText(self.tr("Import a project file into &this project…"))

    def _filters(self) -> str:
        return self.tr("Project files (*.qdpx *.qde *.json);;All files (*)")

    def choose_new_from_file(self) -> None:
        source, _ = QFileDialog.getOpenFileName(self.files.window, self.tr("Project file to start from"), "",
                                                self._filters())
        if not source:
            return
        suggested = str(Path(source).with_suffix(".govcoder"))
        target, _ = QFileDialog.getSaveFileName(self.files.window, self.tr("Save the new project as"), suggested,
                                                self.tr("GovCoder projects (*.govcoder)"))
        if target:
            self.new_project_from(source, target)

    def new_project_from(self, source: str, target: str):
        from desktop_app.core.interchange.api import import_project
        from desktop_app.core.projects.new_project import init_project

        def work(progress, _cancelled):
            if Path(target).exists():
                from desktop_app.core.errors import GovCoderError

                raise GovCoderError(self.tr("%1 already exists: choose a new file for the new project.")
                                    .replace("%1", target))
            project = init_project(target, sample=False, codebook=False)
            try:
                report = import_project(project.session_factory, source, progress)
            except BaseException:
                project.close()
                Path(target).unlink(missing_ok=True)
                raise
            return project, report

        def done(result) -> None:
            from desktop_app.gui.shell import file_actions

            project, report = result
            self.last_report = report
            self.files._opened(project)
            self.opened = file_actions._open_windows[-1]
            self.opened.files.project_files._show(report)  # on the new window: this one has closed

        return self.files.run(self.tr("Making a project from %1…").replace("%1", Path(source).name), work, done)

    def choose_import_file(self) -> None:
        source, _ = QFileDialog.getOpenFileName(self.files.window, self.tr("Project file to import"), "",
                                                self._filters())
        if not source:
            return
        names = [self.tr("Keep ours (the project's values)"), self.tr("Take theirs (the file's values)"),
                 self.tr("Keep both")]
        chosen, ok = QInputDialog.getItem(
            self.files.window, self.tr("Import a project file"),
            self.tr("Documents, codes, annotations and memos already in the project are not added again.\n"
                    "Where the project and the file differ (a memo, a description, a moved span):"),
            names, 0, False)
        if ok:
            self.import_into(source, POLICIES[names.index(chosen)])

    def import_into(self, source: str, policy: str = "ours"):
        from desktop_app.core.interchange.api import import_project

        factory = self.files.window.bench.project.session_factory

        def done(report) -> None:
            self.last_report = report
            self.files.window.refresh_documents()
            self._show(report)

        return self.files.run(self.tr("Importing %1…").replace("%1", Path(source).name),
                              lambda progress, _cancelled: import_project(factory, source, progress,
                                                                          on_conflict=policy), done)

    def _show(self, report) -> None:
        lines = report.summary_lines()
        icon = QMessageBox.Icon.Warning if len(lines) > 1 else QMessageBox.Icon.Information
        self.files._report(icon, "\n".join(lines[:12]), "\n".join(lines))
