"""File > Export project…: a REFI-QDA project for a named program, with the target that program needs,
and the CLI's subset choices (coders, codes). The program chosen last is kept in the settings."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

from desktop_app.core.interchange.programs import DEFAULT_PROGRAM, PROGRAMS, program

PROGRAM_KEY = "export/program"


class ExportDialog(QDialog):
    def __init__(self, parent, settings, coders: list[str], codes: list[tuple[int, str]]) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Export project"))
        self.program = QComboBox()
        for entry in PROGRAMS:
            self.program.addItem(entry.name, entry.key)
        last = program(str(settings.value(PROGRAM_KEY, DEFAULT_PROGRAM) or DEFAULT_PROGRAM))
        self.program.setCurrentIndex(self.program.findData(last.key))
        self.reason = QLabel()
        self.reason.setWordWrap(True)
        self.program.currentIndexChanged.connect(self._show_reason)
        self.coders = _checklist([(name, name) for name in coders])
        self.codes = _checklist([(path, code_id) for code_id, path in codes])
        self.path = QLineEdit()
        browse = QPushButton(self.tr("&Browse…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path)
        row.addWidget(browse)
        form = QFormLayout()
        label = QLabel(self.tr("&Program:"))
        label.setBuddy(self.program)
        form.addRow(label, self.program)
        form.addRow("", self.reason)
        for text, widget in ((self.tr("&Coders:"), self.coders), (self.tr("C&odes:"), self.codes)):
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
        label = QLabel(self.tr("&File:"))
        label.setBuddy(self.path)
        form.addRow(label, row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Export"))
        ok.setDefault(True)  # Enter in the file field exports, Browse is only a helper
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self._show_reason()

    def _show_reason(self) -> None:
        entry = program(self.program.currentData())
        # The reasons live in core (no Qt); translated here under the dialog's context.
        self.reason.setText(self.tr("Target: %1. %2").replace("%1", entry.target)
                            .replace("%2", _reason(entry.key)))

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export project"), self.path.text(),
                                              self.tr("REFI-QDA project (*.qdpx)"))
        if path:
            self.path.setText(path)

    def accept(self) -> None:
        self.settings.setValue(PROGRAM_KEY, self.program.currentData())
        super().accept()

    def target(self) -> str:
        return program(self.program.currentData()).target

    def chosen_coders(self) -> list[str] | None:
        return _checked(self.coders)

    def chosen_codes(self) -> list[int] | None:
        return _checked(self.codes)


def _reason(key: str) -> str:
    reasons = {
        "nvivo-windows": QCoreApplication.translate("ExportDialog", "NVivo counts positions in UTF-16 code units over CRLF text: a generic file "
                                   "puts every coding after a character outside the BMP (𠮷, emoji) one place "
                                   "off per such character."),
        "nvivo-mac": QCoreApplication.translate("ExportDialog", "NVivo counts positions in UTF-16 code units over CRLF text: a generic file "
                               "puts every coding after a character outside the BMP (𠮷, emoji) one place "
                               "off per such character."),
        "maxqda": QCoreApplication.translate("ExportDialog", "MAXQDA reads CRLF text counting code points with CRLF as two, and keeps document "
                            "variables on one Case per document: the maxqda target writes both that way."),
        "atlasti": QCoreApplication.translate("ExportDialog", "ATLAS.ti counts code points with a line end as one, as the generic LF text gives."),
        "qualcoder": QCoreApplication.translate("ExportDialog", "QualCoder counts code points over LF text, as the specification does."),
        "generic": QCoreApplication.translate("ExportDialog", "The specification: code points over UTF-8 text with LF line ends."),
    }
    return reasons.get(key, program(key).reason)


def _checklist(items) -> QListWidget:
    """Every item checked: an export of everything unless the user unticks some."""
    widget = QListWidget()
    widget.setMaximumHeight(110)
    for text, value in items:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, value)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked)
        widget.addItem(item)
    return widget


def _checked(widget: QListWidget) -> list | None:
    """The checked values, or None when all are checked (no filter, as the CLI without the option)."""
    items = [widget.item(i) for i in range(widget.count())]
    chosen = [i.data(Qt.ItemDataRole.UserRole) for i in items if i.checkState() == Qt.CheckState.Checked]
    return None if len(chosen) == len(items) else chosen
