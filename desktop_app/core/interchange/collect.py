"""Reading a project (or the part an export's filters select) out of the store as plain data."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.core.codebook.tree import find_code
from desktop_app.core.errors import GovCoderError
from desktop_app.core.interchange.decisions import collect_decisions
from desktop_app.core.interchange.model import (
    AnnotationData,
    AttributeData,
    CodeData,
    CoderData,
    DocumentData,
    MemoData,
    ProjectData,
    StatusData,
)
from desktop_app.core.store.models import (
    Annotation,
    Code,
    Coder,
    Document,
    DocumentAttribute,
    DocumentStatus,
    Memo,
    Setting,
)


@dataclass(frozen=True)
class Selection:
    """What an export keeps: None means everything. Codes include their sub-codes."""

    coders: frozenset[int] | None = None
    codes: frozenset[int] | None = None
    documents: frozenset[int] | None = None

    @property
    def filtered(self) -> bool:
        return not (self.coders is None and self.codes is None and self.documents is None)


def resolve_selection(
    session: Session,
    coders: Iterable[str] | None = None,
    codes: Iterable[str | int] | None = None,
    docs: Iterable[int | str] | None = None,
) -> Selection:
    """Turn coder names, code paths (or ids) and document ids into id sets; unknown names are errors."""
    coder_ids = None
    if coders is not None:
        names = [name.strip() for name in coders if name.strip()]
        found = dict(session.execute(select(Coder.name, Coder.id).where(Coder.name.in_(names))).all())
        missing = [name for name in names if name not in found]
        if missing:
            raise GovCoderError(f"no coder named {missing[0]!r} in this project")
        coder_ids = frozenset(found.values())
    code_ids = None
    if codes is not None:
        children: dict[int | None, list[int]] = {}
        for code_id, parent_id in session.execute(select(Code.id, Code.parent_id)).all():
            children.setdefault(parent_id, []).append(code_id)
        chosen: set[int] = set()
        for item in codes:
            if isinstance(item, int) or (isinstance(item, str) and item.strip().isdigit()
                                         and session.get(Code, int(item)) is not None):
                root = session.get(Code, int(item))
                if root is None:
                    raise GovCoderError(f"no code with id {item} in this project's codebook")
            else:
                root = find_code(session, str(item))
            stack = [root.id]
            while stack:
                current = stack.pop()
                if current not in chosen:
                    chosen.add(current)
                    stack.extend(children.get(current, []))
        code_ids = frozenset(chosen)
    doc_ids = None
    if docs is not None:
        wanted: set[int] = set()
        for item in docs:
            try:
                wanted.add(int(item))
            except (TypeError, ValueError):
                raise GovCoderError(f"not a document id: {item!r}") from None
        present = set(session.scalars(select(Document.id).where(Document.id.in_(wanted))))
        missing_docs = sorted(wanted - present)
        if missing_docs:
            raise GovCoderError(f"no document with id {missing_docs[0]} in this project")
        doc_ids = frozenset(wanted)
    return Selection(coder_ids, code_ids, doc_ids)


def _in(column, ids: frozenset[int] | None):
    return True if ids is None else column.in_(ids)


def collect_project(session: Session, selection: Selection | None = None, *,
                    with_text: bool = True) -> ProjectData:
    """The selected part of the project: documents, the codebook (selected codes and their ancestors),
    the coders, annotations and memos that belong to them."""
    sel = selection or Selection()
    data = ProjectData()
    settings = dict(session.execute(select(Setting.key, Setting.value)).all())
    data.settings = settings
    if isinstance(settings.get("name"), str) and settings["name"].strip():
        data.name = settings["name"].strip()

    # Codes: the selected ones plus their ancestors, so the tree stays a tree.
    code_rows = session.execute(select(Code).order_by(Code.position, Code.id)).scalars().all()
    by_id = {code.id: code for code in code_rows}
    keep: set[int] = set(by_id) if sel.codes is None else set()
    if sel.codes is not None:
        for code_id in sel.codes:
            current = by_id.get(code_id)
            while current is not None and current.id not in keep:
                keep.add(current.id)
                current = by_id.get(current.parent_id) if current.parent_id is not None else None
    children: dict[int | None, list[Code]] = {}
    for code in code_rows:
        if code.id in keep:
            children.setdefault(code.parent_id if code.parent_id in keep else None, []).append(code)
    guid_of_code: dict[int, str] = {}

    stack: list[tuple[Code, str | None]] = [(code, None) for code in reversed(children.get(None, []))]
    while stack:  # parents before children, depth first, without recursion: any depth exports
        code, parent_guid = stack.pop()
        guid_of_code[code.id] = code.guid
        data.codes.append(CodeData(
            guid=code.guid, name=code.name, parent=parent_guid, description=code.description or "",
            colour=code.colour, codable=code.codable, english=code.english, shortcut=code.shortcut,
            position=code.position, keywords=list(code.keywords or []),
            guidance=dict(code.guidance or {}), created_at=code.created_at, id=code.id,
        ))
        stack.extend((child, code.guid) for child in reversed(children.get(code.id, [])))

    # Documents.
    doc_columns = [Document.id, Document.guid, Document.title, Document.outlet, Document.published,
                   Document.authors, Document.url, Document.script, Document.content_hash,
                   Document.encoding, Document.source_path, Document.imported_at,
                   Document.cleaning, Document.extracted]
    if with_text:
        doc_columns += [Document.text, Document.original_text]
    guid_of_doc: dict[int, str] = {}
    documents_by_id: dict[int, DocumentData] = {}
    for row in session.execute(select(*doc_columns).where(_in(Document.id, sel.documents))
                               .order_by(Document.id)):
        document = DocumentData(
            guid=row.guid, title=row.title or "", text=row.text if with_text else "",
            outlet=row.outlet, published=row.published, authors=list(row.authors or []), url=row.url,
            original_text=row.original_text if with_text else None, script=row.script,
            cleaning=list(row.cleaning or []), extracted=dict(row.extracted or {}),
            content_hash=row.content_hash, encoding=row.encoding, source_path=row.source_path,
            imported_at=row.imported_at, id=row.id,
        )
        guid_of_doc[row.id] = row.guid
        documents_by_id[row.id] = document
        data.documents.append(document)
    for row in session.execute(
        select(DocumentAttribute.document_id, DocumentAttribute.key, DocumentAttribute.type,
               DocumentAttribute.value)
        .where(_in(DocumentAttribute.document_id, sel.documents))
        .order_by(DocumentAttribute.document_id, DocumentAttribute.key)
    ):
        if row.document_id in documents_by_id:
            documents_by_id[row.document_id].attributes.append(AttributeData(row.key, row.type, row.value))

    # Coders, annotations.
    coder_rows = session.execute(select(Coder.id, Coder.guid, Coder.name, Coder.created_at, Coder.consensus)
                                 .where(_in(Coder.id, sel.coders)).order_by(Coder.id)).all()
    guid_of_coder = {row.id: row.guid for row in coder_rows}
    used_coders: set[int] = set()
    query = (
        select(Annotation.id, Annotation.guid, Annotation.document_id, Annotation.code_id,
               Annotation.coder_id, Annotation.start, Annotation.end, Annotation.quote, Annotation.memo,
               Annotation.created_at, Annotation.updated_at)
        .where(_in(Annotation.document_id, sel.documents), _in(Annotation.code_id, sel.codes),
               _in(Annotation.coder_id, sel.coders))
        .order_by(Annotation.document_id, Annotation.start, Annotation.end, Annotation.id)
    )
    append = data.annotations.append
    for (annotation_id, guid, document_id, code_id, coder_id, start, end, quote, memo, created,
         updated) in session.connection().execute(query).all():
        used_coders.add(coder_id)
        append(AnnotationData(guid, guid_of_doc[document_id], guid_of_code[code_id], guid_of_coder[coder_id],
                              start, end, quote, memo or "", created, updated, annotation_id))

    # Memos on what is exported; with a coder filter, only those coders' memos (and unsigned ones).
    for memo in session.execute(select(Memo).order_by(Memo.id)).scalars():
        if memo.kind == "document" and memo.document_id not in guid_of_doc:
            continue
        if memo.kind == "code" and memo.code_id not in guid_of_code:
            continue
        if sel.coders is not None and memo.coder_id is not None and memo.coder_id not in sel.coders:
            continue
        if memo.coder_id is not None:
            used_coders.add(memo.coder_id)
        data.memos.append(MemoData(
            guid=memo.guid, kind=memo.kind, text=memo.text or "", title=memo.title or "",
            document=guid_of_doc.get(memo.document_id) if memo.document_id else None,
            code=guid_of_code.get(memo.code_id) if memo.code_id else None,
            coder=guid_of_coder.get(memo.coder_id) if memo.coder_id else None,
            created_at=memo.created_at, updated_at=memo.updated_at,
        ))
    for row in session.execute(select(DocumentStatus).where(
            _in(DocumentStatus.document_id, sel.documents), _in(DocumentStatus.coder_id, sel.coders))
    ).scalars():
        if row.document_id in guid_of_doc and row.coder_id in guid_of_coder:
            used_coders.add(row.coder_id)
            data.statuses.append(StatusData(guid_of_doc[row.document_id], guid_of_coder[row.coder_id],
                                            row.status, row.updated_at))

    data.decisions = collect_decisions(session, guid_of_doc, guid_of_coder)
    coder_of_guid = {guid: id_ for id_, guid in guid_of_coder.items()}
    for decision in data.decisions:
        used_coders.update(coder_of_guid[g] for g in (decision.coder_a, decision.coder_b, decision.adjudicator,
                                                      decision.consensus, decision.undone_by) if g)
    # Every coder when nothing is filtered; otherwise the ones the exported records name.
    data.coders = [CoderData(row.guid, row.name, row.created_at, bool(row.consensus)) for row in coder_rows
                   if not sel.filtered or row.id in used_coders or sel.coders is not None]
    return data
