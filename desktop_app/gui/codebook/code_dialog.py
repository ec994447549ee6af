"""The dialog to create or edit a code: names, definition, guidance, colour, shortcut, category."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QColor, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QColorDialog,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QKeySequenceEdit,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)

from desktop_app.core.codebook.details import CodeDetails


class CodeDialog(QDialog):
    def __init__(self, parent, details: CodeDetails | None, title: str) -> None:
        super().__init__(parent)
        self.setObjectName("codeDialog")
        self.setWindowTitle(title)
        self.details = details
        self.name = QLineEdit(details.name if details else "", self)
        self.name.setObjectName("codeName")
        self.english = QLineEdit((details.english or "") if details else "", self)
        self.description = QPlainTextEdit(details.description if details else "", self)
        guidance = details.guidance if details else {}
        self.use_when = QPlainTextEdit(str(guidance.get("use_when", "")), self)
        self.not_when = QPlainTextEdit(str(guidance.get("not_when", "")), self)
        self.keywords = QLineEdit("，".join(details.keywords) if details else "", self)
        examples = guidance.get("examples") or []
        # One example a line, "quote | source", so that examples can be written and corrected here.
        self.examples = QPlainTextEdit("\n".join(
            f"{e.get('quote', '')} | {e.get('source', '')}" if isinstance(e, dict) else str(e)
            for e in examples), self)
        self.examples.setPlaceholderText(self.tr("one example a line: quote | source document"))
        self.colour = QColor(details.colour if details else "#808080")
        self.colour_button = QPushButton(self)
        self.colour_button.clicked.connect(self._choose_colour)
        self.shortcut = QKeySequenceEdit(QKeySequence(details.shortcut or "") if details else QKeySequence(), self)
        self.shortcut.setMaximumSequenceLength(1)
        self.codable = QCheckBox(self.tr("Can be applied to text (not just a category)"), self)
        self.codable.setChecked(details.codable if details else True)
        for box in (self.description, self.use_when, self.not_when, self.examples):
            box.setMaximumHeight(80)
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("English name"), self.english)
        form.addRow(self.tr("Definition"), self.description)
        form.addRow(self.tr("Use when"), self.use_when)
        form.addRow(self.tr("Do not use when"), self.not_when)
        form.addRow(self.tr("Keywords"), self.keywords)
        form.addRow(self.tr("Examples"), self.examples)
        form.addRow(self.tr("Colour"), self.colour_button)
        form.addRow(self.tr("Shortcut key"), self.shortcut)
        form.addRow("", self.codable)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self._show_colour()
        self.resize(520, 600)

    def _show_colour(self) -> None:
        self.colour_button.setText(self.colour.name())
        self.colour_button.setStyleSheet(f"background-color: {self.colour.name()};")

    def _choose_colour(self) -> None:
        chosen = QColorDialog.getColor(self.colour, self, self.tr("Code colour"))
        if chosen.isValid():
            self.colour = chosen
            self._show_colour()

    def values(self) -> dict[str, Any]:
        """Every field as the core's edit_fields takes them."""
        shortcut = self.shortcut.keySequence().toString()
        keywords = [k.strip() for k in self.keywords.text().replace(",", "，").split("，") if k.strip()]
        guidance = dict(self.details.guidance) if self.details else {}
        for key, box in (("use_when", self.use_when), ("not_when", self.not_when)):
            text = box.toPlainText().strip()
            if text:
                guidance[key] = text
            else:
                guidance.pop(key, None)
        examples = []
        for line in self.examples.toPlainText().splitlines():
            quote, _bar, source = line.partition("|")
            if quote.strip():
                examples.append({"quote": quote.strip(), "source": source.strip()})
        if examples:
            guidance["examples"] = examples
        else:
            guidance.pop("examples", None)
        return {
            "name": self.name.text().strip(), "english": self.english.text().strip() or None,
            "description": self.description.toPlainText().strip(), "colour": self.colour.name(),
            "shortcut": shortcut or None, "codable": self.codable.isChecked(), "keywords": keywords,
            "guidance": guidance,
        }

    def changes(self) -> dict[str, Any]:
        """Only the fields that differ from the code as it was."""
        values = self.values()
        if self.details is None:
            return values
        before = {"name": self.details.name, "english": self.details.english,
                  "description": self.details.description, "colour": self.details.colour.lower(),
                  "shortcut": self.details.shortcut, "codable": self.details.codable,
                  "keywords": self.details.keywords, "guidance": self.details.guidance}
        return {key: value for key, value in values.items() if before[key] != value}
