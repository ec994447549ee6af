"""GovCoder's own JSON project format: everything in a project, in one versioned document.

See docs/json-format.md and resources/schemas/govcoder-project.schema.json. References between records
are GUIDs; offsets are Python code points into the document's `text`, half-open.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import UTC, date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from desktop_app import __version__
from desktop_app.core.errors import GovCoderError
from desktop_app.core.interchange.load import load_in_transaction
from desktop_app.core.interchange.model import (
    AnnotationData,
    AttributeData,
    CodeData,
    CoderData,
    DecisionData,
    DocumentData,
    MemoData,
    Progress,
    ProjectData,
    StatusData,
)
from desktop_app.core.interchange.reports import ImportReport
from desktop_app.core.interchange.xmltools import parse_date, parse_datetime
from desktop_app.core.output_files import atomic_path

FORMAT = "govcoder-project"
VERSION = 1


def _dt(value: datetime | None) -> str | None:
    if value is None:
        return None
    return _iso_datetime(value)


@lru_cache(maxsize=65536)
def _iso_datetime(value: datetime) -> str:
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.isoformat()


def _d(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def project_to_json(data: ProjectData) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "version": VERSION,
        "generator": f"GovCoder {__version__}",
        "exported_at": _dt(datetime.now(UTC)),
        "name": data.name,
        "settings": data.settings,
        "coders": [{"guid": c.guid, "name": c.name, "created_at": _dt(c.created_at), "consensus": c.consensus}
                   for c in data.coders],
        "codes": [{
            "guid": c.guid, "parent": c.parent, "name": c.name, "english": c.english,
            "description": c.description, "colour": c.colour, "codable": c.codable, "shortcut": c.shortcut,
            "position": c.position, "keywords": c.keywords, "guidance": c.guidance,
            "created_at": _dt(c.created_at),
        } for c in data.codes],
        "documents": [{
            "guid": d.guid, "title": d.title, "outlet": d.outlet, "published": _d(d.published),
            "authors": d.authors, "url": d.url, "script": d.script, "text": d.text,
            "original_text": d.original_text if d.original_text is not None else d.text,
            "cleaning": d.cleaning, "extracted": d.extracted, "content_hash": d.content_hash,
            "encoding": d.encoding, "source_path": d.source_path, "imported_at": _dt(d.imported_at),
            "attributes": [{"key": a.key, "type": a.type, "value": a.value} for a in d.attributes],
        } for d in data.documents],
        "annotations": [{
            "guid": a.guid, "document": a.document, "code": a.code, "coder": a.coder, "start": a.start,
            "end": a.end, "quote": a.quote, "memo": a.memo, "created_at": _dt(a.created_at),
            "updated_at": _dt(a.updated_at),
        } for a in data.annotations],
        "memos": [{
            "guid": m.guid, "kind": m.kind, "document": m.document, "code": m.code, "coder": m.coder,
            "title": m.title, "text": m.text, "created_at": _dt(m.created_at), "updated_at": _dt(m.updated_at),
        } for m in data.memos],
        "statuses": [{"document": s.document, "coder": s.coder, "status": s.status,
                      "updated_at": _dt(s.updated_at)} for s in data.statuses],
        "adjudication_decisions": [{
            "disagreement": d.disagreement, "document": d.document, "start": d.start, "end": d.end,
            "kind": d.kind, "codes": d.codes, "coder_a": d.coder_a, "coder_b": d.coder_b, "choice": d.choice,
            "span_start": d.span_start, "span_end": d.span_end, "adjudicator": d.adjudicator,
            "consensus": d.consensus, "annotations": d.annotations, "decided_at": _dt(d.decided_at),
            "undone_at": _dt(d.undone_at), "undone_by": d.undone_by,
        } for d in data.decisions],
    }


def write_json(data: ProjectData, path: str | Path, *, protect: Iterable[Path] = ()) -> None:
    text = json.dumps(project_to_json(data), ensure_ascii=False)
    with atomic_path(path, protect) as partial:
        partial.write_text(text, encoding="utf-8")


# --- reading -------------------------------------------------------------------------------------

class _Checker:
    """Just enough validation for clear one-line errors without a schema library at run time."""

    def __init__(self, label: str) -> None:
        self.label = label

    def fail(self, where: str, what: str):
        raise GovCoderError(f"{self.label}: {where}: {what}")

    def get(self, record: dict, key: str, where: str, kinds: tuple, *, required: bool = True, default=None):
        value = record.get(key)
        if value is None:
            if required:
                self.fail(where, f"{key} is missing")
            return default
        if (isinstance(value, bool) and bool not in kinds) or not isinstance(value, kinds):
            self.fail(where, f"{key} must be {kinds[0].__name__}, not {type(value).__name__}")
        return value

    def records(self, document: dict, key: str) -> list[dict]:
        items = document.get(key, [])
        if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
            self.fail(key, "must be a list of objects")
        return items


def project_from_json(document: Any, label: str) -> ProjectData:
    check = _Checker(label)
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise GovCoderError(f"{label} is not a GovCoder project (format {FORMAT!r} expected)")
    version = document.get("version")
    if not isinstance(version, int) or version < 1:
        check.fail("version", "must be a positive integer")
    if version > VERSION:
        raise GovCoderError(f"{label} was written by a newer GovCoder (format version {version}); "
                            f"this one reads up to version {VERSION}")
    data = ProjectData(name=str(document.get("name") or "GovCoder project"))
    settings = document.get("settings") or {}
    data.settings = settings if isinstance(settings, dict) else {}
    s, i, b = (str,), (int,), (bool,)
    for n, r in enumerate(check.records(document, "coders")):
        w = f"coders[{n}]"
        data.coders.append(CoderData(check.get(r, "guid", w, s), check.get(r, "name", w, s),
                                     parse_datetime(check.get(r, "created_at", w, s, required=False)),
                                     bool(check.get(r, "consensus", w, b, required=False, default=False))))
    for n, r in enumerate(check.records(document, "codes")):
        w = f"codes[{n}]"
        data.codes.append(CodeData(
            guid=check.get(r, "guid", w, s), name=check.get(r, "name", w, s),
            parent=check.get(r, "parent", w, s, required=False), description=check.get(r, "description", w, s, required=False, default=""),
            colour=check.get(r, "colour", w, s, required=False, default="#808080"),
            codable=check.get(r, "codable", w, b, required=False, default=True),
            english=check.get(r, "english", w, s, required=False), shortcut=check.get(r, "shortcut", w, s, required=False),
            position=check.get(r, "position", w, i, required=False, default=n),
            keywords=list(check.get(r, "keywords", w, (list,), required=False, default=[])),
            guidance=dict(check.get(r, "guidance", w, (dict,), required=False, default={})),
            created_at=parse_datetime(check.get(r, "created_at", w, s, required=False)),
        ))
    for n, r in enumerate(check.records(document, "documents")):
        w = f"documents[{n}]"
        text = check.get(r, "text", w, s)
        attributes = []
        for m, a in enumerate(check.get(r, "attributes", w, (list,), required=False, default=[])):
            if not isinstance(a, dict):
                check.fail(f"{w}.attributes[{m}]", "must be an object")
            kind = check.get(a, "type", f"{w}.attributes[{m}]", s, required=False, default="text")
            if kind not in ("text", "number", "date", "boolean"):
                check.fail(f"{w}.attributes[{m}]", f"type {kind!r} is not text, number, date or boolean")
            attributes.append(AttributeData(check.get(a, "key", f"{w}.attributes[{m}]", s), kind,
                                            check.get(a, "value", f"{w}.attributes[{m}]", s, required=False)))
        published = check.get(r, "published", w, s, required=False)
        if published and parse_date(published) is None:
            check.fail(w, f"published {published!r} is not a date (YYYY-MM-DD)")
        data.documents.append(DocumentData(
            guid=check.get(r, "guid", w, s), title=check.get(r, "title", w, s, required=False, default=""),
            text=text, outlet=check.get(r, "outlet", w, s, required=False), published=parse_date(published),
            authors=[str(x) for x in check.get(r, "authors", w, (list,), required=False, default=[])],
            url=check.get(r, "url", w, s, required=False),
            original_text=check.get(r, "original_text", w, s, required=False),
            script=check.get(r, "script", w, s, required=False, default="other"),
            cleaning=list(check.get(r, "cleaning", w, (list,), required=False, default=[])),
            extracted=dict(check.get(r, "extracted", w, (dict,), required=False, default={})),
            content_hash=check.get(r, "content_hash", w, s, required=False),
            encoding=check.get(r, "encoding", w, s, required=False),
            source_path=check.get(r, "source_path", w, s, required=False),
            imported_at=parse_datetime(check.get(r, "imported_at", w, s, required=False)),
            attributes=attributes,
        ))
    append = data.annotations.append
    for n, r in enumerate(check.records(document, "annotations")):
        # The common case checked in one expression; anything unusual gets the detailed checks below.
        get = r.get
        guid, doc, code, coder, start, end = get("guid"), get("document"), get("code"), get("coder"), get("start"), get("end")
        quote, memo, created, updated = get("quote") or "", get("memo") or "", get("created_at"), get("updated_at")
        if (type(guid) is str and type(doc) is str and type(code) is str and type(coder) is str
                and type(start) is int and type(end) is int and type(quote) is str and type(memo) is str
                and (created is None or type(created) is str) and (updated is None or type(updated) is str)):
            append(AnnotationData(guid, doc, code, coder, start, end, quote, memo,
                                  parse_datetime(created), parse_datetime(updated)))
            continue
        w = f"annotations[{n}]"
        append(AnnotationData(
            guid=check.get(r, "guid", w, s), document=check.get(r, "document", w, s), code=check.get(r, "code", w, s),
            coder=check.get(r, "coder", w, s), start=check.get(r, "start", w, i), end=check.get(r, "end", w, i),
            quote=check.get(r, "quote", w, s, required=False, default=""),
            memo=check.get(r, "memo", w, s, required=False, default=""),
            created_at=parse_datetime(check.get(r, "created_at", w, s, required=False)),
            updated_at=parse_datetime(check.get(r, "updated_at", w, s, required=False)),
        ))
    for n, r in enumerate(check.records(document, "memos")):
        w = f"memos[{n}]"
        kind = check.get(r, "kind", w, s)
        if kind not in ("project", "document", "code"):
            check.fail(w, f"kind {kind!r} is not project, document or code")
        data.memos.append(MemoData(
            guid=check.get(r, "guid", w, s), kind=kind, text=check.get(r, "text", w, s, required=False, default=""),
            title=check.get(r, "title", w, s, required=False, default=""),
            document=check.get(r, "document", w, s, required=False), code=check.get(r, "code", w, s, required=False),
            coder=check.get(r, "coder", w, s, required=False),
            created_at=parse_datetime(check.get(r, "created_at", w, s, required=False)),
            updated_at=parse_datetime(check.get(r, "updated_at", w, s, required=False)),
        ))
    for n, r in enumerate(check.records(document, "statuses")):
        w = f"statuses[{n}]"
        data.statuses.append(StatusData(check.get(r, "document", w, s), check.get(r, "coder", w, s),
                                        check.get(r, "status", w, s),
                                        parse_datetime(check.get(r, "updated_at", w, s, required=False))))
    for n, r in enumerate(check.records(document, "adjudication_decisions")):
        w = f"adjudication_decisions[{n}]"
        codes, annotations = r.get("codes") or [], r.get("annotations") or []
        if not (isinstance(codes, list) and all(isinstance(c, str) for c in codes)
                and isinstance(annotations, list)
                and all(isinstance(a, dict) and isinstance(a.get("guid"), str) for a in annotations)):
            check.fail(w, "codes must be a list of strings, annotations a list of objects with a guid")
        data.decisions.append(DecisionData(
            disagreement=check.get(r, "disagreement", w, s), document=check.get(r, "document", w, s),
            start=check.get(r, "start", w, i), end=check.get(r, "end", w, i), kind=check.get(r, "kind", w, s),
            codes=codes, coder_a=check.get(r, "coder_a", w, s), coder_b=check.get(r, "coder_b", w, s),
            choice=check.get(r, "choice", w, s), span_start=check.get(r, "span_start", w, i, required=False),
            span_end=check.get(r, "span_end", w, i, required=False), adjudicator=check.get(r, "adjudicator", w, s),
            consensus=check.get(r, "consensus", w, s), annotations=annotations,
            decided_at=parse_datetime(check.get(r, "decided_at", w, s, required=False)),
            undone_at=parse_datetime(check.get(r, "undone_at", w, s, required=False)),
            undone_by=check.get(r, "undone_by", w, s, required=False)))
    return data


def read_json_project(path: str | Path) -> ProjectData:
    source = Path(path)
    try:
        document = json.loads(source.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError) as error:
        raise GovCoderError(f"cannot read {source.name}: {error}") from None
    except json.JSONDecodeError as error:
        raise GovCoderError(f"{source.name} is not valid JSON: {error}") from None
    return project_from_json(document, source.name)


def import_json(session_factory: sessionmaker[Session], path: str | Path, *,
                progress: Progress | None = None, on_conflict: str = "ours", dry_run: bool = False) -> ImportReport:
    data = read_json_project(path)
    report = ImportReport(file=str(path), format="json", origin=f"GovCoder JSON v{VERSION}",
                          position_unit="code points", on_conflict=on_conflict, dry_run=dry_run)
    load_in_transaction(session_factory, data, report, progress, on_conflict=on_conflict, dry_run=dry_run)
    return report
