"""The document as published: its original text, what cleaning removed, and its metadata."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPlainTextEdit, QTabWidget, QVBoxLayout

from desktop_app.core.documents import DocumentDetail


class SourceDialog(QDialog):
    def __init__(self, parent, document: DocumentDetail) -> None:
        super().__init__(parent)
        self.setObjectName("sourceDialog")
        self.setWindowTitle(self.tr("Source of %1").replace("%1", document.title))
        tabs = QTabWidget(self)
        self.original = self._text(document.original_text)
        tabs.addTab(self.original, self.tr("Original text"))
        steps = []
        for step in document.cleaning:
            line = f"• {step.get('description') or step.get('step', '')}"
            if step.get("count") is not None:
                line += self.tr(" (%1 times)").replace("%1", str(step["count"]))
            steps.append(line)
            for removed in (step.get("removed") or [])[:50]:
                steps.append(f"    − {removed}")
        self.cleaning = self._text("\n".join(steps) or self.tr("Nothing was cleaned."))
        tabs.addTab(self.cleaning, self.tr("Cleaning record"))
        facts = [
            (self.tr("Title"), document.title), (self.tr("Outlet"), document.source or ""),
            (self.tr("Date"), document.published or ""), (self.tr("Authors"), "、".join(document.authors)),
            (self.tr("Address"), document.url or ""), (self.tr("Script"), document.script),
        ]
        facts += [(key, str(value.get("value"))) for key, value in document.attributes.items()]
        tabs.addTab(self._text("\n".join(f"{k}: {v}" for k, v in facts)), self.tr("Metadata"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(buttons)
        self.resize(720, 560)

    def _text(self, text: str) -> QPlainTextEdit:
        box = QPlainTextEdit(self)
        box.setReadOnly(True)
        box.setPlainText(text)
        return box
