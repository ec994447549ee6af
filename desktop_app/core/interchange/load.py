"""Writing imported plain data into a project, in the caller's transaction.

Merging rules when the project is not empty: a coder with the same name is the same coder; a code
whose path already exists is that code (its annotations join it); documents, annotations and memos
are always added; any GUID the project already uses is replaced by a new one.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.core.interchange.consistency import check_project_data, code_label
from desktop_app.core.interchange.model import CodeData, Progress, ProjectData
from desktop_app.core.interchange.reports import ImportReport, UnplacedCoding
from desktop_app.core.interchange.xmltools import normalise_colour
from desktop_app.core.store.bulk_insert import insert_rows
from desktop_app.core.store.models import (
    ATTRIBUTE_TYPES,
    DOCUMENT_STATUSES,
    MEMO_KINDS,
    SCRIPTS,
    Annotation,
    Code,
    Coder,
    Document,
    DocumentAttribute,
    DocumentStatus,
    Memo,
    Setting,
    new_guid,
    utcnow,
)

_BATCH = 5000
_ANNOTATIONS = Annotation.__table__


@dataclass
class _Guids:
    used: set[str]

    def take(self, guid: str | None) -> str:
        if not guid or guid in self.used or len(guid) > 36:
            guid = new_guid()
        self.used.add(guid)
        return guid


def _ordered_codes(codes: list[CodeData]) -> list[CodeData]:
    """Parents before children, whatever order the file listed them in."""
    known = {code.guid for code in codes}
    children: dict[str | None, list[CodeData]] = {}
    for code in codes:
        children.setdefault(code.parent if code.parent in known else None, []).append(code)
    ordered: list[CodeData] = []
    stack = list(reversed(children.get(None, [])))
    seen: set[str] = set()
    while stack:
        code = stack.pop()
        if code.guid in seen:
            continue
        seen.add(code.guid)
        ordered.append(code)
        stack.extend(reversed(children.get(code.guid, [])))
    return ordered


def load_project_data(session: Session, data: ProjectData, report: ImportReport,
                      progress: Progress | None = None) -> None:
    """Add `data` to the project; counts and problems go into `report`. What is inconsistent in the
    data is repaired or refused first (consistency.py), before anything is written."""
    check_project_data(data, report, Path(report.file).name)
    now = utcnow()

    def guids(model) -> _Guids:
        return _Guids(set(session.scalars(select(model.guid))))

    # Coders: one per name.
    coder_guids = guids(Coder)
    coder_ids: dict[str, int] = dict(session.execute(select(Coder.name, Coder.id)).all())
    coder_of: dict[str, int] = {}
    for coder in data.coders:
        name = (coder.name or "").strip()[:200] or "coder"
        if name not in coder_ids:
            row = Coder(guid=coder_guids.take(coder.guid), name=name, created_at=coder.created_at or now)
            session.add(row)
            session.flush()
            coder_ids[name] = row.id
            report.coders += 1
        coder_of[coder.guid] = coder_ids[name]

    # Codes, merged by path with the codes the project had before.
    code_guids = guids(Code)
    existing = {(row.parent_id, row.name): row.id for row in session.execute(select(Code.id, Code.parent_id, Code.name))}
    siblings: dict[int | None, int] = {}
    for parent_id, _ in existing:
        siblings[parent_id] = siblings.get(parent_id, 0) + 1
    shortcuts = set(filter(None, session.scalars(select(Code.shortcut))))
    code_of: dict[str, int] = {}
    from_file: set[tuple[int | None, str]] = set()  # places the file's codes went to, merged or new
    for code in _ordered_codes(data.codes):
        parent_id = code_of.get(code.parent) if code.parent else None
        name = code.name.replace("/", "／").strip()[:300] or "(unnamed)"
        if (parent_id, name) in from_file:
            # Two of the file's codes under one parent with one name would be one path for two codes.
            clash, number = name, 2
            while (parent_id, name) in from_file:  # a project code of that name is the same code
                name, number = f"{clash} ({number})", number + 1
            report.repair("two codes with one path", f"{code_label(code)} has the name and parent of an "
                          "earlier code in the file", f"imported as {name!r}")
        from_file.add((parent_id, name))
        if (parent_id, name) in existing:
            code_of[code.guid] = existing[(parent_id, name)]
            report.codes_merged += 1
            continue
        shortcut = code.shortcut
        if shortcut and shortcut in shortcuts:
            report.warnings.append(f"shortcut {shortcut} of code {name!r} is already taken; left out")
            shortcut = None
        if shortcut:
            shortcuts.add(shortcut)
        row = Code(guid=code_guids.take(code.guid), parent_id=parent_id, name=name, english=code.english,
                   description=code.description or "", colour=normalise_colour(code.colour),
                   shortcut=shortcut, position=siblings.get(parent_id, 0) + code.position,
                   codable=code.codable, keywords=list(code.keywords), guidance=dict(code.guidance),
                   created_at=code.created_at or now)
        session.add(row)
        session.flush()
        code_of[code.guid] = row.id
        report.codes += 1

    # Documents and their attributes.
    document_guids = guids(Document)
    added: list[tuple[str, Document, str]] = []
    total = len(data.documents)
    for number, document in enumerate(data.documents, start=1):
        script = document.script if document.script in SCRIPTS else "other"
        row = Document(
            guid=document_guids.take(document.guid), title=(document.title or "")[:500],
            outlet=(document.outlet or None) and document.outlet[:300], published=document.published,
            authors=list(document.authors), url=(document.url or None) and document.url[:2000],
            original_text=document.original_text if document.original_text is not None else document.text,
            text=document.text, script=script, cleaning=list(document.cleaning),
            extracted=dict(document.extracted), content_hash=document.content_hash or _hash(document.text),
            encoding=(document.encoding or None) and document.encoding[:40],
            source_path=(document.source_path or None) and document.source_path[:2000],
            imported_at=document.imported_at or now,
        )
        seen: set[str] = set()
        for attribute in document.attributes:
            key = attribute.key.strip()[:200]
            if not key or key in seen:
                continue
            seen.add(key)
            row.attributes.append(DocumentAttribute(
                key=key, type=attribute.type if attribute.type in ATTRIBUTE_TYPES else "text",
                value=attribute.value))
            report.attributes += 1
        session.add(row)
        if number % 200 == 0 or number == total:
            session.flush()
            if progress is not None:
                progress(number, total, "documents")
        added.append((document.guid, row, document.text))
    session.flush()
    document_of = {guid: (row.id, text) for guid, row, text in added}
    report.documents += total

    # Annotations, in batches of plain rows.
    titles = {document.guid: document.title for document in data.documents}
    annotation_guids = guids(Annotation)
    fallback: list[int] = []

    def coder_id(guid: str | None) -> int:
        if guid in coder_of:
            return coder_of[guid]
        if not fallback:
            fallback.append(coder_ids.get("imported") or _new_coder(session, "imported", coder_guids, coder_ids, report))
        return fallback[0]

    rows: list[dict] = []
    total = len(data.annotations)
    for number, annotation in enumerate(data.annotations, start=1):
        target = document_of.get(annotation.document)
        code_id = code_of.get(annotation.code)
        problem = None
        if target is None:
            problem = "its document is not in the file"
        elif code_id is None:
            problem = "its code is not in the file's codebook"
        elif not (0 <= annotation.start < annotation.end <= len(target[1])):
            problem = f"the span lies outside the text ({len(target[1])} characters)"
        if problem:
            report.unplaced.append(UnplacedCoding(
                document=titles.get(annotation.document, annotation.document), code=annotation.code,
                start=annotation.start, end=annotation.end, reason=problem, selection=annotation.guid))
            continue
        quote = annotation.quote if annotation.quote else target[1][annotation.start:annotation.end]
        rows.append({
            "guid": annotation_guids.take(annotation.guid), "document_id": target[0], "code_id": code_id,
            "coder_id": coder_id(annotation.coder), "start_offset": annotation.start, "end_offset": annotation.end,
            "quote": quote, "memo": annotation.memo or "", "created_at": annotation.created_at or now,
            "updated_at": annotation.updated_at or annotation.created_at or now,
        })
        if len(rows) >= _BATCH:
            insert_rows(session, _ANNOTATIONS, rows)
            report.annotations += len(rows)
            rows = []
            if progress is not None:
                progress(number, total, "annotations")
    if rows:
        insert_rows(session, _ANNOTATIONS, rows)
        report.annotations += len(rows)

    # Memos.
    memo_guids = guids(Memo)
    for memo in data.memos:
        kind = memo.kind if memo.kind in MEMO_KINDS else "project"
        document_id = document_of[memo.document][0] if kind == "document" and memo.document in document_of else None
        code_id = code_of.get(memo.code) if kind == "code" and memo.code else None
        if (kind == "document" and document_id is None) or (kind == "code" and code_id is None):
            kind, document_id, code_id = "project", None, None
        session.add(Memo(guid=memo_guids.take(memo.guid), kind=kind, document_id=document_id, code_id=code_id,
                         coder_id=coder_of.get(memo.coder) if memo.coder else None, title=(memo.title or "")[:500],
                         text=memo.text or "", created_at=memo.created_at or now,
                         updated_at=memo.updated_at or memo.created_at or now))
        report.memos += 1

    for status in data.statuses:
        if status.document in document_of and status.coder in coder_of and status.status in DOCUMENT_STATUSES:
            session.merge(DocumentStatus(document_id=document_of[status.document][0],
                                         coder_id=coder_of[status.coder], status=status.status,
                                         updated_at=status.updated_at or now))
    present = set(session.scalars(select(Setting.key)))
    for key, value in data.settings.items():
        if key not in present:
            session.add(Setting(key=key, value=value))
    session.flush()


def _new_coder(session: Session, name: str, coder_guids: _Guids, coder_ids: dict[str, int],
               report: ImportReport) -> int:
    row = Coder(guid=coder_guids.take(None), name=name)
    session.add(row)
    session.flush()
    coder_ids[name] = row.id
    report.coders += 1
    return row.id


def _hash(text: str) -> str:
    from desktop_app.core.text.pipeline import content_hash

    return content_hash(text)
