"""The Import options dialog: which cleaning steps run, which encoding to read, whether duplicates come in.

The same choices as the command line's `govcoder import` flags. The cleaning steps and the encoding are
kept in the window's settings, so a run of imports from one collection does not have to be set up each
time; importing duplicates is not, being a decision for one import.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QVBoxLayout,
)

from desktop_app.core.text.pipeline import CleaningOptions

CLEANING_STEPS = ("pinyin", "furniture", "whitespace", "mojibake")
# Codec names as Python's codecs know them; "" reads each file's encoding from its bytes.
ENCODINGS = ("", "utf-8", "gb18030", "big5", "utf-16")
_ENCODING_NAMES = {"utf-8": "UTF-8", "gb18030": "GB18030 (GBK, GB2312)", "big5": "Big5", "utf-16": "UTF-16"}
SETTINGS_GROUP = "import"


@dataclass(frozen=True)
class ImportChoices:
    options: CleaningOptions = field(default_factory=CleaningOptions)
    encoding: str | None = None  # None: detect each file's encoding
    force: bool = False

    @classmethod
    def load(cls, settings: QSettings) -> ImportChoices:
        """The choices of the last import, or the defaults; a stored encoding we no longer offer is dropped."""
        settings.beginGroup(SETTINGS_GROUP)
        try:
            steps = {step: settings.value(step, True, type=bool) for step in CLEANING_STEPS}
            encoding = str(settings.value("encoding", "") or "")
        finally:
            settings.endGroup()
        # Importing duplicates is a one-off decision: remembering it would silently double the next import.
        return cls(CleaningOptions(**steps), encoding if encoding and encoding in ENCODINGS else None, False)

    def save(self, settings: QSettings) -> None:
        settings.beginGroup(SETTINGS_GROUP)
        try:
            for step in CLEANING_STEPS:
                settings.setValue(step, getattr(self.options, step))
            settings.setValue("encoding", self.encoding or "")
        finally:
            settings.endGroup()


class ImportOptionsDialog(QDialog):
    def __init__(self, parent, choices: ImportChoices, paths: list[Path] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importOptionsDialog")
        self.setWindowTitle(self.tr("Import options"))
        layout = QVBoxLayout(self)
        if paths:
            self.what = QLabel(self._describe(paths), self)
            self.what.setObjectName("import_what")
            self.what.setWordWrap(True)
            layout.addWidget(self.what)

        cleaning = QGroupBox(self.tr("Cleaning"), self)
        column = QVBoxLayout(cleaning)
        texts = {
            "pinyin": (self.tr("Remove &pinyin glosses"), self.tr("報(bào)訊 becomes 報訊")),
            "furniture": (self.tr("Move web &furniture out of the text"),
                          self.tr("Breadcrumbs, header lines, photo captions, editor and credit lines, share "
                                  "buttons and lists of other headlines; dates, sources and authors found there "
                                  "still become the document's details")),
            "whitespace": (self.tr("Tidy &whitespace"),
                           self.tr("Strip indentation and trailing spaces, collapse runs of blank lines")),
            "mojibake": (self.tr("Flag &mojibake"),
                         self.tr("Mark text that looks garbled by a wrong encoding; the text is left as it is")),
        }
        self.steps: dict[str, QCheckBox] = {}
        for step in CLEANING_STEPS:
            text, hint = texts[step]
            box = QCheckBox(text, cleaning)
            box.setObjectName(f"import_{step}")
            box.setToolTip(hint)
            box.setChecked(getattr(choices.options, step))
            column.addWidget(box)
            self.steps[step] = box
        kept = QLabel(self.tr("Cleaning only removes text; each document keeps its text as it was read."), cleaning)
        kept.setWordWrap(True)
        column.addWidget(kept)
        layout.addWidget(cleaning)

        form = QFormLayout()
        self.encoding = QComboBox(self)
        self.encoding.setObjectName("import_encoding")
        for codec in ENCODINGS:
            self.encoding.addItem(_ENCODING_NAMES.get(codec) or self.tr("Automatic"), codec)
        self.encoding.setCurrentIndex(ENCODINGS.index(choices.encoding or ""))
        self.encoding.setToolTip(self.tr("Automatic tries UTF-8, GB18030 and Big5 for each file; choose one "
                                         "when a file comes out garbled"))
        encoding_label = QLabel(self.tr("&Encoding:"), self)
        encoding_label.setBuddy(self.encoding)
        form.addRow(encoding_label, self.encoding)
        layout.addLayout(form)

        self.force = QCheckBox(self.tr("Import &duplicates anyway"), self)
        self.force.setObjectName("import_force")
        self.force.setToolTip(self.tr("Otherwise an article whose text is already in the project is skipped"))
        self.force.setChecked(choices.force)
        layout.addWidget(self.force)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                   self)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("&Import"))
        self.ok.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.steps["pinyin"].setFocus()
        self.setMinimumWidth(440)

    def _describe(self, paths: list[Path]) -> str:
        if len(paths) == 1 and paths[0].is_dir():
            return self.tr("Every supported file in %1 and its sub-folders").replace("%1", str(paths[0]))
        if len(paths) == 1:
            return self.tr("File: %1").replace("%1", paths[0].name)
        return self.tr("%1 files").replace("%1", str(len(paths)))

    def choices(self) -> ImportChoices:
        options = CleaningOptions(**{step: box.isChecked() for step, box in self.steps.items()})
        return ImportChoices(options, self.encoding.currentData() or None, self.force.isChecked())
