"""What an export wrote and what an import brought in, as plain data for the CLI and the GUI."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class ExportReport:
    path: str
    format: str
    target: str | None = None
    documents: int = 0
    codes: int = 0
    coders: int = 0
    annotations: int = 0
    memos: int = 0
    rows: int = 0  # CSV / matrix rows
    bytes: int = 0

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    def summary(self) -> str:
        what = f"{self.rows} rows" if self.format in ("csv", "matrix") else (
            f"{self.documents} documents, {self.codes} codes, {self.annotations} annotations")
        target = f" for {self.target}" if self.target and self.target != "generic" else ""
        return f"exported {what} to {self.path} ({self.format}{target}, {self.bytes} bytes)"


@dataclass
class UnplacedCoding:
    """A coding that was not imported, and why. Positions are as written in the file."""

    document: str
    code: str | None
    start: int | None
    end: int | None
    reason: str
    selection: str | None = None  # the selection's GUID in the file

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    def describe(self) -> str:
        span = f" [{self.start}, {self.end})" if self.start is not None or self.end is not None else ""
        return f"{self.document}{span} {self.code or '(no code)'}: {self.reason}"


@dataclass
class Repair:
    """Something inconsistent in an imported file that was put right, named so it can be checked."""

    problem: str  # what was wrong: "parent cycle", "duplicate code GUID", "quote differs from the text", ...
    subject: str  # which records: code names and GUIDs, an annotation's GUID, document and span
    action: str  # what GovCoder did about it

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    def describe(self) -> str:
        return f"{self.problem}: {self.subject}: {self.action}"


# Repairs listed one by one in the text summary; --json lists every one.
_REPAIRS_SHOWN = 50


@dataclass
class ImportReport:
    file: str
    format: str  # qdpx | qde | json
    origin: str = ""
    position_unit: str = ""
    position_note: str = ""
    on_conflict: str = "ours"
    dry_run: bool = False
    documents: int = 0  # documents added
    documents_present: int = 0  # documents the project already had (same text or GUID): not added again
    annotations_present: int = 0
    memos_present: int = 0
    codes: int = 0  # codes created
    codes_merged: int = 0  # codes that already existed under the same path
    coders: int = 0  # coders created
    decisions: int = 0  # adjudication decisions added
    decisions_present: int = 0
    annotations: int = 0
    memos: int = 0
    attributes: int = 0
    unplaced: list[UnplacedCoding] = field(default_factory=list)
    skipped: dict[str, int] = field(default_factory=dict)
    skipped_names: dict[str, list[str]] = field(default_factory=dict)  # what -> names, for each skipped kind
    span_notes: int = 0  # notes on a span, imported as annotations under the Notes code
    warnings: list[str] = field(default_factory=list)
    repairs: list[Repair] = field(default_factory=list)
    differences: list[Any] = field(default_factory=list)  # reimport.Difference: present in both, said differently

    def repair(self, problem: str, subject: str, action: str) -> None:
        self.repairs.append(Repair(problem, subject, action))

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["unplaced"] = [item.to_json() for item in self.unplaced]
        data["repairs"] = [item.to_json() for item in self.repairs]
        data["differences"] = [item.to_json() for item in self.differences]
        return data

    def summary_lines(self) -> list[str]:
        verb = "would import (dry run, nothing written)" if self.dry_run else "imported"
        lines = [f"{verb} {self.file}: {self.documents} documents, {self.codes} new codes"
                 + (f" ({self.codes_merged} merged with existing codes)" if self.codes_merged else "")
                 + f", {self.coders} new coders, {self.annotations} annotations, {self.memos} memos, "
                 f"{self.attributes} attribute values"]
        if self.documents_present or self.annotations_present or self.memos_present:
            lines.append(f"already in the project, not added again: {self.documents_present} documents, "
                         f"{self.annotations_present} annotations, {self.memos_present} memos")
        if self.differences:
            lines.append(f"{len(self.differences)} differences between the project and the file "
                         f"(--on-conflict {self.on_conflict}):")
            lines.extend(f"  {item.describe()}" for item in self.differences[:_REPAIRS_SHOWN])
            if len(self.differences) > _REPAIRS_SHOWN:
                lines.append(f"  ... and {len(self.differences) - _REPAIRS_SHOWN} more (--json lists them all)")
        if self.origin:
            lines.append(f"written by {self.origin}")
        if self.position_unit:
            lines.append(f"positions read as {self.position_unit}" + (f" ({self.position_note})" if self.position_note else ""))
        for what, count in sorted(self.skipped.items()):
            names = self.skipped_names.get(what)
            shown = (": " + ", ".join(names[:20]) + (f", ... ({len(names) - 20} more)" if len(names) > 20 else "")
                     if names else "")
            lines.append(f"not imported: {count} {what}{shown}")
        if self.span_notes:
            lines.append(f"{self.span_notes} notes on a span imported as annotations under the code Notes")
        lines.extend(f"warning: {warning}" for warning in self.warnings)
        if self.repairs:
            lines.append(f"{len(self.repairs)} inconsistencies in the file were repaired:")
            lines.extend(f"  {item.describe()}" for item in self.repairs[:_REPAIRS_SHOWN])
            if len(self.repairs) > _REPAIRS_SHOWN:
                lines.append(f"  ... and {len(self.repairs) - _REPAIRS_SHOWN} more (--json lists them all)")
        if self.unplaced:
            lines.append(f"{len(self.unplaced)} codings could not be placed exactly and were not imported:")
            lines.extend(f"  {item.describe()}" for item in self.unplaced)
        return lines
