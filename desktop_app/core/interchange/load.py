"""Writing imported plain data into a project, in the caller's transaction.

Merging rules when the project is not empty: a coder with the same name is the same coder; a code
whose GUID or path already exists is that code (its annotations join it); documents, annotations and
memos already present are recognised and not added again, and what differs is reported and settled
by the conflict policy (reimport.py); any GUID the project already uses for something else is replaced
by a new one.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.core.interchange.consistency import check_project_data, code_label
from desktop_app.core.interchange.decisions import load_decisions
from desktop_app.core.interchange.model import CodeData, Progress, ProjectData
from desktop_app.core.interchange.reimport import Difference, merged_text, single_action, text_action
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
                      progress: Progress | None = None, *, on_conflict: str = "ours") -> None:
    """Add what is new in `data` to the project; counts, what was already there, differences and
    problems go into `report`. What is inconsistent in the data is repaired or refused first
    (consistency.py), before anything is written."""
    check_project_data(data, report, Path(report.file).name)
    now = utcnow()
    policy = on_conflict

    def differ(kind: str, subject: str, ours, theirs, action: str) -> None:
        report.differences.append(Difference(kind, subject, str(ours), str(theirs), action))

    def guids(model) -> _Guids:
        return _Guids(set(session.scalars(select(model.guid))))

    # Coders: one per name.
    coder_guids = guids(Coder)
    coder_ids: dict[str, int] = dict(session.execute(select(Coder.name, Coder.id)).all())
    coder_of: dict[str, int] = {}
    for coder in data.coders:
        name = (coder.name or "").strip()[:200] or "coder"
        if name not in coder_ids:
            row = Coder(guid=coder_guids.take(coder.guid), name=name, created_at=coder.created_at or now,
                        consensus=coder.consensus)
            session.add(row)
            session.flush()
            coder_ids[name] = row.id
            report.coders += 1
        coder_of[coder.guid] = coder_ids[name]

    # Codes, merged by path with the codes the project had before.
    code_guids = guids(Code)
    existing = {(row.parent_id, row.name): row.id for row in session.execute(select(Code.id, Code.parent_id, Code.name))}
    code_by_guid = {row.guid: row.id for row in session.execute(select(Code.guid, Code.id))}
    file_paths = data.code_paths()
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
        present = code_by_guid.get(code.guid) or existing.get((parent_id, name))
        if present is not None:
            code_of[code.guid] = present
            report.codes_merged += 1
            _merge_code(session, session.get(Code, present), code, name, parent_id, file_paths.get(code.guid, name),
                        policy, differ)
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
    by_hash: dict[str, list[int]] = {}
    for row_id, digest in session.execute(select(Document.id, Document.content_hash)):
        by_hash.setdefault(digest, []).append(row_id)
    doc_by_guid = dict(session.execute(select(Document.guid, Document.id)).all())
    present_documents: dict[str, tuple[int, str]] = {}  # file GUID -> (id, text) of the project's document
    for number, document in enumerate(data.documents, start=1):
        match = _present_document(session, document, doc_by_guid, by_hash)
        if match is not None:
            present_documents[document.guid] = (match.id, match.text)
            report.documents_present += 1
            _merge_document(match, document, policy, differ, report)
            continue
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
    document_of.update(present_documents)
    report.documents += len(added)

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
    known = _known_annotations(session, {row_id for row_id, _ in present_documents.values()})
    path_of = {code_id: path for code_id, path in _code_paths(session).items()}
    for number, annotation in enumerate(data.annotations, start=1):
        target = document_of.get(annotation.document)
        code_id = code_of.get(annotation.code)
        if target is not None and code_id is not None and annotation.document in present_documents:
            if _merge_annotation(session, known, target, code_id, coder_id(annotation.coder), annotation,
                                 titles.get(annotation.document, ""), path_of, policy, differ, report):
                continue
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
    memo_rows = {row.guid: row for row in session.scalars(select(Memo))}
    memo_texts = {(row.kind, row.document_id, row.code_id, row.text.strip()) for row in memo_rows.values()}
    for memo in data.memos:
        kind = memo.kind if memo.kind in MEMO_KINDS else "project"
        document_id = document_of[memo.document][0] if kind == "document" and memo.document in document_of else None
        code_id = code_of.get(memo.code) if kind == "code" and memo.code else None
        if (kind == "document" and document_id is None) or (kind == "code" and code_id is None):
            kind, document_id, code_id = "project", None, None
        text = (memo.text or "").strip()
        if (kind, document_id, code_id, text) in memo_texts:
            report.memos_present += 1
            continue
        same = memo_rows.get(memo.guid)
        if same is not None and (same.kind, same.document_id, same.code_id) == (kind, document_id, code_id):
            report.memos_present += 1
            if policy != "both":
                differ("memo", f"{kind} memo {same.title or same.guid!r}", same.text, memo.text, text_action(policy))
                same.text = merged_text(same.text, memo.text or "", policy)
                continue
            differ("memo", f"{kind} memo {same.title or same.guid!r}", same.text, memo.text,
                   "kept both (theirs added as a memo of its own)")
        memo_texts.add((kind, document_id, code_id, text))
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
    if data.decisions:
        session.flush()
        added, already = load_decisions(session, data.decisions,
                                        {guid: ids[0] for guid, ids in document_of.items()}, coder_of)
        report.decisions, report.decisions_present = added, already
    present = set(session.scalars(select(Setting.key)))
    for key, value in data.settings.items():
        if key not in present:
            session.add(Setting(key=key, value=value))
    session.flush()


def load_in_transaction(session_factory, data: ProjectData, report: ImportReport, progress: Progress | None = None,
                        *, on_conflict: str = "ours", dry_run: bool = False) -> None:
    """load_project_data in a transaction of its own, committed, or with `dry_run` rolled back: the
    report then says what an import would do, and the project is untouched."""
    with session_factory() as session:
        try:
            load_project_data(session, data, report, progress, on_conflict=on_conflict)
        except BaseException:
            session.rollback()
            raise
        if dry_run:
            session.rollback()
        else:
            session.commit()


def _code_paths(session: Session) -> dict[int, str]:
    from desktop_app.core.codebook.tree import tree_paths

    return tree_paths({row.id: (row.parent_id, row.name) for row in session.execute(
        select(Code.id, Code.parent_id, Code.name))})


def _merge_code(session: Session, row: Code, code: CodeData, name: str, parent_id: int | None, path: str,
                policy: str, differ) -> None:
    """A code of the file that the project has (same GUID or path): what they say differently."""
    description = (code.description or "").strip()
    if description and description != (row.description or "").strip():
        differ("code description", path, row.description, description, text_action(policy))
        row.description = merged_text(row.description or "", description, policy)
    # A file that gives no colour reads as the neutral grey: only a colour the file chose is a difference.
    colour = normalise_colour(code.colour)
    if colour != "#808080" and colour.lower() != (row.colour or "").lower():
        differ("code colour", path, row.colour, colour, single_action(policy))
        if policy == "theirs":
            row.colour = colour
    if row.guid != code.guid:
        return  # matched by path: the name and the parent are the same by construction
    if name != row.name:
        clash = session.scalar(select(Code.id).where(
            Code.parent_id.is_(None) if row.parent_id is None else Code.parent_id == row.parent_id, Code.name == name))
        action = single_action(policy)
        if policy == "theirs" and clash is not None:
            action = "kept ours (a sibling already has that name)"
        differ("code name", path, row.name, name, action)
        if action == "took theirs":
            row.name = name
    if parent_id != row.parent_id:
        action = single_action(policy)
        if policy == "theirs" and _is_under(session, parent_id, row.id):
            action = "kept ours (the new parent is under the code)"
        differ("code parent", path, _parent_name(session, row.parent_id), _parent_name(session, parent_id), action)
        if action == "took theirs":
            row.parent_id = parent_id
    session.flush()


def _parent_name(session: Session, code_id: int | None) -> str:
    return "(top level)" if code_id is None else session.get(Code, code_id).name


def _is_under(session: Session, candidate: int | None, code_id: int) -> bool:
    seen = set()
    while candidate is not None and candidate not in seen:
        if candidate == code_id:
            return True
        seen.add(candidate)
        candidate = session.get(Code, candidate).parent_id
    return False


def _present_document(session: Session, document, doc_by_guid: dict[str, int],
                      by_hash: dict[str, list[int]]) -> Document | None:
    """The project's document with this text: the one with the same GUID if its text is the same, else
    any with the same text. A GUID shared by another text is a different document (its GUID replaced)."""
    same_guid = doc_by_guid.get(document.guid)
    if same_guid is not None:
        row = session.get(Document, same_guid)
        if row.text == document.text:
            return row
    for row_id in by_hash.get(document.content_hash or _hash(document.text), []):
        row = session.get(Document, row_id)
        if row.text == document.text:
            return row
    return None


def _merge_document(row: Document, document, policy: str, differ, report: ImportReport) -> None:
    title = (document.title or "").strip()
    if title and title != row.title:
        differ("document title", row.title or row.guid, row.title, title, single_action(policy))
        if policy == "theirs":
            row.title = title[:500]
    have = {attribute.key: attribute for attribute in row.attributes}
    for attribute in document.attributes:
        key = attribute.key.strip()[:200]
        if not key:
            continue
        if key not in have:
            row.attributes.append(DocumentAttribute(
                key=key, type=attribute.type if attribute.type in ATTRIBUTE_TYPES else "text", value=attribute.value))
            have[key] = row.attributes[-1]
            report.attributes += 1
        elif (have[key].value or "") != (attribute.value or ""):
            differ("document attribute", f"{row.title or row.guid}: {key}", have[key].value, attribute.value,
                   single_action(policy))
            if policy == "theirs":
                have[key].value = attribute.value


@dataclass
class _Known:
    by_guid: dict[str, Annotation]
    by_key: dict[tuple[int, int, int, int, int], Annotation]


def _known_annotations(session: Session, document_ids: set[int]) -> _Known:
    known = _Known({}, {})
    if not document_ids:
        return known
    ids = sorted(document_ids)
    for start in range(0, len(ids), 500):
        for row in session.scalars(select(Annotation).where(Annotation.document_id.in_(ids[start:start + 500]))):
            known.by_guid[row.guid] = row
            known.by_key[(row.document_id, row.start, row.end, row.code_id, row.coder_id)] = row
    return known


def _merge_annotation(session: Session, known: _Known, target: tuple[int, str], code_id: int, coder_id: int,
                      annotation, title: str, path_of: dict[int, str], policy: str, differ,
                      report: ImportReport) -> bool:
    """True if the annotation is already in the project (settled here); False to add it as new."""
    document_id, text = target
    key = (document_id, annotation.start, annotation.end, code_id, coder_id)
    row = known.by_key.get(key)
    subject = f"{title or document_id} [{annotation.start}, {annotation.end}) {path_of.get(code_id, code_id)}"
    if row is None:
        same = known.by_guid.get(annotation.guid)
        if same is None or same.document_id != document_id:
            return False
        # The same annotation, moved or recoded in the other program.
        report.annotations_present += 1
        ours = f"[{same.start}, {same.end}) {path_of.get(same.code_id, same.code_id)}"
        theirs = f"[{annotation.start}, {annotation.end}) {path_of.get(code_id, code_id)}"
        if policy == "both":
            differ("moved span", subject, ours, theirs, "kept both (theirs added as a new annotation)")
            return False
        differ("moved span", subject, ours, theirs, single_action(policy))
        if policy == "theirs" and 0 <= annotation.start < annotation.end <= len(text):
            del known.by_key[(same.document_id, same.start, same.end, same.code_id, same.coder_id)]
            same.start, same.end, same.code_id = annotation.start, annotation.end, code_id
            same.quote = text[annotation.start:annotation.end]
            known.by_key[(same.document_id, same.start, same.end, same.code_id, same.coder_id)] = same
        row = same
    else:
        report.annotations_present += 1
    theirs_memo = (annotation.memo or "").strip()
    if theirs_memo and theirs_memo != (row.memo or "").strip():
        differ("annotation memo", subject, row.memo, annotation.memo, text_action(policy))
        row.memo = merged_text(row.memo or "", annotation.memo, policy)
    return True


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
