"""Editing a document's details (title, outlet, date, authors, address); the text itself never changes."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QVBoxLayout

from desktop_app.core.documents.listing import DocumentDetail


class DocumentDialog(QDialog):
    def __init__(self, parent, document: DocumentDetail) -> None:
        super().__init__(parent)
        self.setObjectName("documentDialog")
        self.setWindowTitle(self.tr("Document details"))
        self.document = document
        self.fields = {
            "title": QLineEdit(document.title, self),
            "source": QLineEdit(document.source or "", self),
            "published": QLineEdit(document.published or "", self),
            "authors": QLineEdit("，".join(document.authors), self),
            "url": QLineEdit(document.url or "", self),
        }
        self.fields["published"].setPlaceholderText("YYYY-MM-DD")
        form = QFormLayout()
        labels = {"title": self.tr("Title"), "source": self.tr("Outlet"), "published": self.tr("Date"),
                  "authors": self.tr("Authors"), "url": self.tr("Address")}
        for name, box in self.fields.items():
            box.setObjectName(f"document_{name}")
            form.addRow(labels[name], box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(520, 220)

    def changes(self) -> dict[str, Any]:
        """The fields that differ from the document as it was, as the core's edit_document takes them."""
        before = {"title": self.document.title, "source": self.document.source or "",
                  "published": self.document.published or "", "authors": "，".join(self.document.authors),
                  "url": self.document.url or ""}
        changed = {}
        for name, box in self.fields.items():
            text = box.text().strip()
            if text != before[name]:
                if name == "authors":
                    changed[name] = [a.strip() for a in text.replace("，", ",").replace("、", ",").split(",")
                                     if a.strip()]
                else:
                    changed[name] = text or None
        return changed
