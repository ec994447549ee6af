"""The File menu: open another project, recent projects, save a copy of the project, import documents or
a folder, export the project.

Opening (which may migrate), importing and exporting run on a worker thread behind a progress dialog;
an import can be cancelled between files. The menu's imports ask for the import options first
(import_options.py); `import_paths` takes them directly, for tests and other callers.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QFileDialog, QMenu, QMessageBox, QProgressDialog

from desktop_app.gui.base import workers

if TYPE_CHECKING:
    from desktop_app.core.text.pipeline import CleaningOptions
    from desktop_app.gui.shell.main_window import MainWindow

RECENT_KEY = "recentProjects"


def recent_projects(settings) -> list[str]:
    """The recent project files, newest first. QSettings' INI files read a one-entry list back as a plain
    string (which, iterated, made one menu entry per character), and no entry as None."""
    value = settings.value(RECENT_KEY)
    if value is None:
        return []
    if isinstance(value, str):
        return [value] if value else []
    return [str(item) for item in value if item]
_open_windows: list = []  # windows opened from File > Open stay alive here


class FileActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.open = QAction(window)
        self.open.setShortcut(QKeySequence(QKeySequence.StandardKey.Open))
        self.open.triggered.connect(self.choose_project)
        self.recent = QMenu(window)
        self.recent.aboutToShow.connect(self._fill_recent)
        self.import_documents = QAction(window)
        self.import_documents.setShortcut(QKeySequence("Ctrl+Shift+I"))
        self.import_documents.triggered.connect(self.choose_documents)
        self.import_folder = QAction(window)
        self.import_folder.triggered.connect(self.choose_folder)
        self.export = QAction(window)
        self.export.setShortcut(QKeySequence("Ctrl+E"))
        self.export.triggered.connect(self.choose_program_export)
        self.export_other = QAction(window)
        self.export_other.triggered.connect(self.choose_export)
        self.save_copy = QAction(window)
        self.save_copy.triggered.connect(self.choose_copy)
        from desktop_app.core.store.engine import sqlite_path

        self.save_copy.setEnabled(sqlite_path(window.bench.project.url) is not None)  # a file, not a server
        self._remember(window.bench.project.label)
        from desktop_app.gui.shell.project_import import ProjectImport

        self.project_files = ProjectImport(self)

    def fill_menu(self, menu: QMenu) -> None:
        menu.addAction(self.project_files.new_from_file)
        menu.addAction(self.open)
        menu.addMenu(self.recent)
        menu.addAction(self.save_copy)
        menu.addSeparator()
        menu.addAction(self.import_documents)
        menu.addAction(self.import_folder)
        menu.addAction(self.project_files.import_file)
        menu.addAction(self.export)
        menu.addAction(self.export_other)
        menu.addSeparator()

    def retranslate(self) -> None:
        self.open.setText(self.tr("&Open project…"))
        self.recent.setTitle(self.tr("Recent projects"))
        self.save_copy.setText(self.tr("Save a &copy…"))
        self.import_documents.setText(self.tr("&Import documents…"))
        self.import_folder.setText(self.tr("Import &folder…"))
        self.export.setText(self.tr("&Export project…"))
        self.export_other.setText(self.tr("Export in another &format…"))
        self.project_files.retranslate()

    # --- long work ----------------------------------------------------------------------------

    def run(self, label: str, work, done, *, cancellable: bool = False) -> workers.Task:
        """Run `work(progress, cancelled)` on a worker with a progress dialog; `done(result)` after."""
        dialog = QProgressDialog(label, self.tr("Cancel") if cancellable else "", 0, 0, self.window)
        if not cancellable:
            dialog.setCancelButton(None)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        task = workers.Task(work, with_progress=True)

        def progress(number: int, total: int, name: str) -> None:
            dialog.setMaximum(total)
            dialog.setValue(number)
            if name:
                dialog.setLabelText(f"{label}\n{Path(name).name}")

        def finish(result) -> None:
            dialog.close()
            done(result)

        def fail(error) -> None:
            dialog.close()
            self.window.show_error(str(error))

        dialog.canceled.connect(lambda: setattr(task, "cancelled", True))
        task.signals.progress.connect(progress)
        task.signals.finished.connect(finish)
        task.signals.failed.connect(fail)
        self.dialog = dialog
        return workers.start(task)

    # --- projects -----------------------------------------------------------------------------

    def _remember(self, label: str) -> None:
        if "://" in label:
            return  # a team database URL is not a file to list
        settings = self.window.settings
        recent = [p for p in recent_projects(settings) if p != label]
        settings.setValue(RECENT_KEY, [label, *recent][:8])

    def _fill_recent(self) -> None:
        self.recent.clear()
        for path in recent_projects(self.window.settings):
            if Path(path).exists() and path != self.window.bench.project.label:
                self.recent.addAction(path, lambda p=path: self.open_project(p))
        if self.recent.isEmpty():
            self.recent.addAction(self.tr("(none)")).setEnabled(False)

    def choose_project(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.window, self.tr("Open project"), "",
                                              self.tr("GovCoder projects (*.govcoder);;All files (*)"))
        if path:
            self.open_project(path)

    def open_project(self, path: str) -> None:
        from desktop_app.core.store.project import open_project

        self.run(self.tr("Opening the project…"), lambda _progress, _cancelled: open_project(path),
                 self._opened)

    def _opened(self, project) -> None:
        from desktop_app.gui.shell.main_window import MainWindow

        window = MainWindow(project, coder=self.window.bench.coder, settings=self.window.settings)
        _open_windows.append(window)
        window.show()
        self.window.close()

    def choose_copy(self) -> None:
        current = Path(self.window.bench.project.label)
        suggested = str(current.with_name(f"{current.stem} copy{current.suffix or '.govcoder'}"))
        path, _ = QFileDialog.getSaveFileName(self.window, self.tr("Save a copy of the project"), suggested,
                                              self.tr("GovCoder projects (*.govcoder);;All files (*)"))
        if path:
            self.copy_to(path)

    def copy_to(self, path: str) -> workers.Task:
        """A consistent copy through SQLite's backup API; the file dialog has asked before replacing a file."""
        from desktop_app.core.projects.copy import save_copy

        project = self.window.bench.project
        return self.run(self.tr("Saving a copy…"),
                        lambda _progress, _cancelled: save_copy(project, path, overwrite=True), self._copied)

    def _copied(self, report) -> None:
        self.last_copy = report
        self.window.statusBar().showMessage(
            self.tr("Saved a copy with %1 documents and %2 annotations to %3").replace("%1", str(report.documents))
            .replace("%2", str(report.annotations)).replace("%3", report.path), 8000)

    # --- import and export --------------------------------------------------------------------

    def document_filters(self) -> str:
        """File dialog filters built from what the importer reads, so a new format shows up by itself."""
        from desktop_app.core.text.readers import SUPPORTED_SUFFIXES, TABLE_SUFFIXES

        def patterns(suffixes) -> str:
            return " ".join(f"*{suffix}" for suffix in sorted(suffixes))

        # tr() outside the f-strings: lupdate does not look inside them.
        filters = {
            self.tr("All supported files"): patterns(SUPPORTED_SUFFIXES),
            self.tr("Articles"): patterns(SUPPORTED_SUFFIXES - TABLE_SUFFIXES),
            self.tr("Tables, one article per row"): patterns(TABLE_SUFFIXES),
            self.tr("All files"): "*",
        }
        return ";;".join(f"{name} ({pattern})" for name, pattern in filters.items())

    def choose_documents(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self.window, self.tr("Import documents"), "",
                                                self.document_filters())
        if paths:
            self.import_with_options([Path(p) for p in paths])

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.window, self.tr("Import folder"), "")
        if folder:
            self.import_with_options([Path(folder)])

    def import_with_options(self, paths: list[Path]) -> workers.Task | None:
        """Ask for the import options (starting from the last ones chosen), then import; Cancel imports nothing."""
        from desktop_app.gui.documents.import_dialog import ImportChoices, ImportOptionsDialog

        dialog = ImportOptionsDialog(self.window, ImportChoices.load(self.window.settings), paths)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        choices = dialog.choices()
        choices.save(self.window.settings)
        return self.import_paths(paths, options=choices.options, encoding=choices.encoding, force=choices.force)

    def import_paths(self, paths: list[Path], *, options: CleaningOptions | None = None,
                     encoding: str | None = None, force: bool = False) -> workers.Task:
        from desktop_app.core.text.importer import import_paths
        from desktop_app.gui.reading.segmentation import project_segmenter

        project = self.window.bench.project

        def work(progress, cancelled):
            # The window's segmenter has its dictionary loaded already (a second or so for a new one).
            return import_paths(project.session_factory, paths, encoding=encoding, options=options, force=force,
                                segmenter=project_segmenter(project), progress=progress, cancelled=cancelled)

        return self.run(self.tr("Importing…"), work, self._imported, cancellable=True)

    def _imported(self, results) -> None:
        self.window.refresh_documents()
        counts = {status: sum(1 for r in results if r.status == status)
                  for status in ("imported", "skipped", "failed")}
        summary = (self.tr("Imported %1, skipped %2, failed %3.").replace("%1", str(counts["imported"]))
                   .replace("%2", str(counts["skipped"])).replace("%3", str(counts["failed"])))
        self.last_import = results
        self.window.statusBar().showMessage(summary, 8000)
        if not results:  # only a folder can give nothing: a file given by name always has a result
            self._report(QMessageBox.Icon.Information,
                         self.tr("Nothing was imported: the folder holds no supported files."))
        elif counts["failed"] or counts["skipped"]:
            names, folder = _display_names([r.file for r in results])
            lines = [f"{name}: {_shortened(r.reason or r.status, r.file, folder)}"
                     for name, r in zip(names, results, strict=True) if r.status != "imported"]
            shown = "\n".join(lines[:_PROBLEMS_SHOWN])
            if len(lines) > _PROBLEMS_SHOWN:
                shown += "\n" + self.tr("… and %1 more (Show Details lists them all)").replace(
                    "%1", str(len(lines) - _PROBLEMS_SHOWN))
            self._report(QMessageBox.Icon.Warning if counts["failed"] else QMessageBox.Icon.Information,
                         f"{summary}\n\n{shown}", "\n".join(lines))

    def _report(self, icon: QMessageBox.Icon, text: str, details: str = "") -> None:
        # Opened, not exec'd: the window stays usable, and tests can read what it says.
        box = QMessageBox(icon, self.tr("Import"), text, QMessageBox.StandardButton.Ok, self.window)
        if details:
            box.setDetailedText(details)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.import_report = box
        box.open()

    def export_filters(self) -> dict[str, str]:
        return {
            self.tr("REFI-QDA project (*.qdpx)"): "qdpx", self.tr("REFI-QDA codebook (*.qdc)"): "qdc",
            self.tr("Annotations table (*.csv)"): "csv", self.tr("Excel workbook (*.xlsx)"): "xlsx",
            self.tr("GovCoder JSON (*.json)"): "json",
        }

    def choose_export(self) -> None:
        filters = self.export_filters()
        path, chosen = QFileDialog.getSaveFileName(self.window, self.tr("Export project"), "",
                                                   ";;".join(filters))
        if path:
            self.export_to(path, filters.get(chosen) or Path(path).suffix.lstrip(".") or "qdpx")

    def export_dialog(self):
        """The export dialog over the project's coders and codes (File > Export project…)."""
        from desktop_app.core.annotate.coders import list_coders
        from desktop_app.gui.shell.export_dialog import ExportDialog

        with self.window.bench.project.session_factory() as session:
            coders = [coder.name for coder in list_coders(session)]
        codes = [(code.id, code.path) for code in self.window.bench.codes]
        return ExportDialog(self.window, self.window.settings, coders, codes)

    def choose_program_export(self) -> None:
        dialog = self.export_dialog()
        self.program_dialog = dialog
        dialog.accepted.connect(lambda: self.export_chosen(dialog))
        dialog.open()

    def export_chosen(self, dialog) -> None:
        path = dialog.path.text().strip()
        if not path:
            self.window.show_error(self.tr("Choose a file to export to."))
            return
        self.export_to(path, "qdpx", target=dialog.target(), coders=dialog.chosen_coders(),
                       codes=dialog.chosen_codes())

    def export_to(self, path: str, fmt: str, *, target: str = "generic", coders=None, codes=None) -> None:
        from desktop_app.core.interchange.api import EXPORT_SUFFIXES, export_project

        if not Path(path).suffix:
            path += EXPORT_SUFFIXES.get(fmt, "")
        factory = self.window.bench.project.session_factory

        def work(progress, _cancelled):
            with factory() as session:
                return export_project(session, path, fmt, target=target, coders=coders, codes=codes,
                                      progress=progress)

        self.run(self.tr("Exporting…"), work, self._exported)

    def _exported(self, report) -> None:
        self.last_export = report
        self.window.statusBar().showMessage(
            self.tr("Exported %1 documents and %2 annotations to %3 (target %4)").replace("%1", str(report.documents))
            .replace("%2", str(report.annotations)).replace("%3", report.path)
            .replace("%4", report.target or report.format), 8000)


_PROBLEMS_SHOWN = 8  # lines in the import report before "… and N more"


def _display_names(files: list[str]) -> tuple[list[str], str]:
    """File names, or paths below the files' common folder where two files share a name; and that folder."""
    common = os.path.commonpath([str(Path(file).parent) for file in files])
    names = [Path(file).name for file in files]
    if len(set(names)) < len(names):
        names = [os.path.relpath(file, common) for file in files]
    return names, common


def _shortened(reason: str, file: str, folder: str) -> str:
    """The importer's reasons start with the file's path, which the report gives already, and may name
    other files by their full paths: those are given below the common folder too."""
    reason = reason.removeprefix(f"{file}: ")
    return reason if folder == Path(folder).anchor else reason.replace(folder + os.sep, "")
