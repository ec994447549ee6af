"""The document as published: its original text with what cleaning removed marked in it, the cleaning
record item by item, and what metadata extraction saw.

Every span in the cleaning record is a span of the original (code points), so the marks are exact:
a researcher can check each removal against the source before citing it. Double-clicking an item of
the record shows it in the original.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.documents.listing import DocumentDetail
from desktop_app.gui.base.positions import PositionMap

# How each step's spans look in the original: removed text greyed and struck out, furniture on amber,
# tidied whitespace on blue-grey, suspected mojibake (left in the text) under a red wave, removed
# control characters (their symbols in the original) struck out on pink.
_MARKS = {
    "pinyin": {"foreground": "#8a8a8a", "strike": True},
    "furniture": {"background": "#fde9b8"},
    "whitespace": {"background": "#dfe6ee"},
    "mojibake": {"underline": "#d0021b"},
    "controls": {"background": "#f4d4d4", "strike": True},
}
_ITEMS_SHOWN = 500  # per step in the record; the marks in the original show every one


def _mark_format(step: str) -> QTextCharFormat:
    style = _MARKS.get(step, {"background": "#eeeeee"})
    mark = QTextCharFormat()
    if "foreground" in style:
        mark.setForeground(QColor(style["foreground"]))
    if "background" in style:
        mark.setBackground(QColor(style["background"]))
    if style.get("strike"):
        mark.setFontStrikeOut(True)
    if "underline" in style:
        mark.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        mark.setUnderlineColor(QColor(style["underline"]))
    mark.setProperty(QTextFormat.Property.UserProperty, step)
    return mark


def _spans_of(step: dict) -> list[tuple[int, int, str]]:
    """(start, end, what) in the original for each item the step recorded."""
    if step.get("step") == "furniture" and step.get("items"):
        return [(item["span"][0], item["span"][1], item.get("text") or "") for item in step["items"]]
    spans = step.get("spans") or []
    shown = step.get("removed") or step.get("flagged") or []
    return [(start, end, shown[index] if index < len(shown) else "") for index, (start, end) in enumerate(spans)]


class SourceDialog(QDialog):
    def __init__(self, parent, document: DocumentDetail) -> None:
        super().__init__(parent)
        self.setObjectName("sourceDialog")
        self.setWindowTitle(self.tr("Source of %1").replace("%1", document.title))
        self._document = document
        self._positions = PositionMap(document.original_text)
        self.tabs = QTabWidget(self)

        original_page = QWidget(self)
        self.legend = QLabel(original_page)
        self.legend.setWordWrap(True)
        self.original = self._text(document.original_text)
        self.original.setParent(original_page)
        page_layout = QVBoxLayout(original_page)
        page_layout.setContentsMargins(0, 0, 0, 0)
        page_layout.addWidget(self.legend)
        page_layout.addWidget(self.original)
        self.tabs.addTab(original_page, self.tr("Original text"))
        self._mark_original()

        self.record = QTreeWidget(self)
        self.record.setHeaderLabels([self.tr("Cleaning step"), self.tr("Where"), self.tr("Text")])
        self.record.setRootIsDecorated(True)
        self.record.itemActivated.connect(self._show_item)
        self.record.itemDoubleClicked.connect(self._show_item)
        self._fill_record()
        self.tabs.addTab(self.record, self.tr("Cleaning record"))

        self.tabs.addTab(self._text(self._metadata_text()), self.tr("Metadata"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self.resize(760, 580)

    # --- labels ---------------------------------------------------------------------------------

    def step_label(self, step: str) -> str:
        labels = {
            "pinyin": self.tr("Pinyin glosses removed"),
            "furniture": self.tr("Web furniture moved out of the text"),
            "whitespace": self.tr("Indentation and blank lines tidied"),
            "mojibake": self.tr("Suspected mojibake (flagged, left in the text)"),
            "controls": self.tr("Control characters removed (shown as ␀)"),
        }
        return labels.get(step, step)

    # --- the original, marked -------------------------------------------------------------------

    def _mark_original(self) -> None:
        selections = []
        counts: dict[str, int] = {}
        for step in self._document.cleaning:
            name = step.get("step", "")
            mark = _mark_format(name)
            for start, end, _ in _spans_of(step):
                if end <= start:
                    continue
                selection = QTextEdit.ExtraSelection()
                selection.cursor = self._cursor(start, end)
                selection.format = mark
                selections.append(selection)
                counts[name] = counts.get(name, 0) + 1
        self.original.setExtraSelections(selections)
        if not counts:
            self.legend.setText(self.tr("Cleaning changed nothing: the text is stored as published."))
            return
        parts = []
        for name, count in counts.items():
            style = _MARKS.get(name, {})
            swatch = style.get("background") or style.get("foreground") or style.get("underline") or "#eeeeee"
            parts.append(f"<span style='background:{swatch}'>&nbsp;&nbsp;&nbsp;</span> "
                         f"{self.step_label(name)} ({count})")
        self.legend.setText(self.tr("Marked in the text as published:") + "&nbsp; " + " &nbsp; ".join(parts))

    def _cursor(self, start: int, end: int) -> QTextCursor:
        cursor = QTextCursor(self.original.document())
        qt_start, qt_end = self._positions.span_to_qt(start, end)
        cursor.setPosition(qt_start)
        cursor.setPosition(qt_end, QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def marked_spans(self) -> list[tuple[str, str]]:
        """(step, marked text) of every mark in the original, in order (what a reader sees marked)."""
        return [(selection.format.property(QTextFormat.Property.UserProperty),
                 selection.cursor.selectedText().replace("\u2029", "\n"))  # Qt's paragraph separator
                for selection in self.original.extraSelections()]

    # --- the record -----------------------------------------------------------------------------

    def _fill_record(self) -> None:
        original = self._document.original_text
        # Line numbers by binary search: counting newlines up to each item is quadratic on long documents.
        newlines = [match.start() for match in re.finditer("\n", original)]
        for step in self._document.cleaning:
            name = step.get("step", "")
            items = _spans_of(step)
            top = QTreeWidgetItem(self.record, [f"{self.step_label(name)} ({step.get('count', len(items))})"])
            for number, (start, end, shown) in enumerate(items):
                if number == _ITEMS_SHOWN:
                    QTreeWidgetItem(top, [self.tr("… %1 more, all marked in the original")
                                          .replace("%1", str(len(items) - _ITEMS_SHOWN))])
                    break
                line = bisect_left(newlines, start) + 1
                label = self._item_label(step, number)
                text = (shown or original[start:end]).replace("\n", "⏎")
                child = QTreeWidgetItem(top, [label, self.tr("line %1").replace("%1", str(line)), text])
                child.setData(0, Qt.ItemDataRole.UserRole, (start, end))
            top.setExpanded(name != "whitespace" and len(items) <= 50)
        if not self._document.cleaning:
            QTreeWidgetItem(self.record, [self.tr("Nothing was cleaned.")])
        self.record.resizeColumnToContents(0)
        self.record.resizeColumnToContents(1)

    def _item_label(self, step: dict, number: int) -> str:
        if step.get("step") == "furniture" and step.get("items"):
            kind = step["items"][number].get("kind", "")
            kinds = {
                "breadcrumb": self.tr("breadcrumb"), "title": self.tr("title line (now the title)"),
                "header": self.tr("date/source header line"), "caption": self.tr("photo caption"),
                "staff": self.tr("reviewer/editor line"), "credit": self.tr("credit line"),
                "source": self.tr("source line"), "stray": self.tr("stray question marks"),
                "widgets": self.tr("report/follow/share widgets"), "headlines": self.tr("list of unrelated headlines"),
            }
            return kinds.get(kind, kind)
        return str(number + 1)

    def _show_item(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        span = item.data(0, Qt.ItemDataRole.UserRole)
        if not span:
            return
        self.tabs.setCurrentIndex(0)
        self.original.setTextCursor(self._cursor(*span))
        self.original.centerCursor()
        self.original.setFocus()

    # --- metadata -------------------------------------------------------------------------------

    def _metadata_text(self) -> str:
        document = self._document
        facts = [
            (self.tr("Title"), document.title), (self.tr("Outlet"), document.source or ""),
            (self.tr("Date"), document.published or ""), (self.tr("Authors"), "、".join(document.authors)),
            (self.tr("Address"), document.url or ""), (self.tr("Script"), document.script),
        ]
        facts += [(key, str(value.get("value"))) for key, value in document.attributes.items()]
        lines = [f"{key}: {value}" for key, value in facts]
        extracted = document.extracted or {}
        dates = extracted.get("dates") or []
        if dates:
            lines += ["", self.tr("Dates seen:")]
            lines += [f"  {found.get('date')}  ({self._where(found.get('where'))}: {found.get('text')})"
                      for found in dates]
            chosen = extracted.get("published_from") or {}
            if chosen:
                lines.append(self.tr("Publication date taken from: %1").replace(
                    "%1", f"{self._where(chosen.get('where'))} ({chosen.get('date')})"))
            if extracted.get("dates_disagree"):
                lines.append(self.tr("The dates disagree: check which is the publication date."))
        if extracted.get("undecodable_bytes"):
            lines += ["", self.tr("Places where the file could not be decoded: %1 (each shown as \ufffd and "
                                  "flagged as mojibake)").replace("%1", str(extracted["undecodable_bytes"]))]
        sources = extracted.get("sources") or []
        if sources:
            lines += ["", self.tr("Outlets seen:")]
            lines += [f"  {found.get('source')}  ({self._where(found.get('where'))})" for found in sources]
        return "\n".join(lines)

    def _where(self, where: str | None) -> str:
        places = {
            "header": self.tr("header line"), "dateline": self.tr("dateline"),
            "inline": self.tr("after the last sentence"), "tail": self.tr("source line at the end"),
            "platform": self.tr("platform account"), "file": self.tr("the file's own fields"),
        }
        return places.get(where or "", where or "")

    def _text(self, text: str) -> QPlainTextEdit:
        box = QPlainTextEdit(self)
        box.setReadOnly(True)
        box.setPlainText(text)
        return box
