"""Bringing an imported codebook into a project.

Merge (the default) matches codes by path: codes the project lacks are added after their existing
siblings; a code both have keeps the project's values and only gains what it was missing (English
name, description, keywords, guidance, a free shortcut). Replace makes the project's codebook the
imported one: matched codes take the imported values and order, other codes are removed. Replace is
refused if a code it would remove is applied anywhere: no import ever loses an annotation.
"""

from __future__ import annotations

import re
from copy import deepcopy
from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop_app.core.codebook.colours import DEFAULT_COLOUR, PALETTE
from desktop_app.core.codebook.entries import ALL_FIELDS, CodeEntry, sanitise, walk
from desktop_app.core.codebook.siblings import renumber, sibling_ids
from desktop_app.core.codebook.tree import code_paths
from desktop_app.core.errors import GovCoderError
from desktop_app.core.store.models import Annotation, Code, Memo

GUID = re.compile(r"\{?([0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12})\}?")


@dataclass
class ImportReport:
    file: str = ""
    format: str = ""
    replace: bool = False
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: int = 0
    removed: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def apply_entries(session: Session, entries: list[CodeEntry], *, replace: bool = False,
                  carries: frozenset[str] = ALL_FIELDS, report: ImportReport | None = None) -> ImportReport:
    report = report or ImportReport()
    report.replace = replace
    sanitise(entries, report.notes)
    by_path = {path: session.get(Code, code_id) for code_id, path in code_paths(session).items()}
    imported = list(walk(entries))
    wanted = {path for path, _entry, _parent in imported}
    doomed = [code for path, code in by_path.items() if path not in wanted] if replace else []
    _refuse_if_applied(session, doomed, by_path)
    if replace and "shortcut" in carries:
        for path, entry, _parent in imported:
            code = by_path.get(path)
            if code is not None and code.shortcut and code.shortcut != entry.shortcut:
                code.shortcut = None
        for code in doomed:
            code.shortcut = None
        session.flush()

    order: dict[int | None, list[int]] = {}
    for path, entry, parent_path in imported:
        parent = by_path[parent_path] if parent_path else None
        code = by_path.get(path)
        if code is None:
            code = _create(session, entry, parent, carries, report, path)
            by_path[path] = code
            report.added.append(path)
        elif _update(session, code, entry, carries, replace, report, path):
            report.updated.append(path)
        else:
            report.unchanged += 1
        order.setdefault(parent.id if parent else None, []).append(code.id)

    if replace:  # merged codes were appended after their existing siblings as they were created
        for ids in order.values():
            renumber(session, ids)
    if doomed:
        _remove(session, doomed, by_path, report)
    return report


def _refuse_if_applied(session: Session, doomed: list[Code], by_path: dict[str, Code]) -> None:
    if not doomed:
        return
    ids = [code.id for code in doomed]
    used = session.execute(select(Annotation.code_id, func.count()).where(Annotation.code_id.in_(ids))
                           .group_by(Annotation.code_id)).all()
    if used:
        paths = {code.id: path for path, code in by_path.items()}
        total = sum(count for _id, count in used)
        raise GovCoderError(f"replacing the codebook would remove {len(used)} code(s) applied {total} times "
                            f"(e.g. {paths[used[0][0]]}); import without --replace to merge, or move those "
                            "annotations first")


def _create(session: Session, entry: CodeEntry, parent: Code | None, carries: frozenset[str],
            report: ImportReport, path: str) -> Code:
    colour = entry.colour or (parent.colour if parent is not None else
                              PALETTE[len(sibling_ids(session, None)) % len(PALETTE)]) or DEFAULT_COLOUR
    code = Code(parent_id=parent.id if parent else None, name=entry.name, english=entry.english,
                description=entry.description, colour=colour, codable=entry.codable,
                keywords=list(entry.keywords), guidance=dict(entry.guidance),
                position=len(sibling_ids(session, parent.id if parent else None)))
    guid = _usable_guid(session, entry.guid)
    if guid:
        code.guid = guid
    code.shortcut = _free_shortcut(session, entry.shortcut, None, report, path)
    session.add(code)
    session.flush()
    return code


def _update(session: Session, code: Code, entry: CodeEntry, carries: frozenset[str], replace: bool,
            report: ImportReport, path: str) -> bool:
    before = {key: getattr(code, key) for key in ALL_FIELDS}
    if replace:
        for key in ("english", "description", "keywords", "guidance"):
            if key in carries:
                setattr(code, key, deepcopy(getattr(entry, key)))
        if "colour" in carries and entry.colour:
            code.colour = entry.colour
        if "codable" in carries and entry.codable != code.codable:
            if entry.codable or not _applied(session, code):
                code.codable = entry.codable
            else:
                report.notes.append(f"{path} is applied, so it stays codable")
        if "shortcut" in carries:
            code.shortcut = _free_shortcut(session, entry.shortcut, code, report, path)
    else:
        if "english" in carries and not code.english and entry.english:
            code.english = entry.english
        if "description" in carries and not code.description and entry.description:
            code.description = entry.description
        if "keywords" in carries and not code.keywords and entry.keywords:
            code.keywords = list(entry.keywords)
        if "guidance" in carries:
            missing = {k: v for k, v in entry.guidance.items() if v and not (code.guidance or {}).get(k)}
            if missing:
                code.guidance = {**(code.guidance or {}), **deepcopy(missing)}
        if "shortcut" in carries and not code.shortcut and entry.shortcut:
            code.shortcut = _free_shortcut(session, entry.shortcut, code, report, path)
    session.flush()
    return before != {key: getattr(code, key) for key in ALL_FIELDS}


def _remove(session: Session, doomed: list[Code], by_path: dict[str, Code], report: ImportReport) -> None:
    paths = {code.id: path for path, code in by_path.items()}
    ids = [code.id for code in doomed]
    memos = session.scalars(select(Memo).where(Memo.code_id.in_(ids))).all()
    if memos:
        report.notes.append(f"{len(memos)} memo(s) on removed codes were deleted with them")
        for memo in memos:
            session.delete(memo)
    # children before parents: longest paths first
    for code in sorted(doomed, key=lambda c: paths[c.id].count("/"), reverse=True):
        report.removed.append(paths[code.id])
        session.delete(code)
        session.flush()
    report.removed.reverse()


def _free_shortcut(session: Session, shortcut: str | None, code: Code | None, report: ImportReport,
                   path: str) -> str | None:
    if not shortcut:
        return None
    holder = session.scalar(select(Code).where(Code.shortcut == shortcut))
    if holder is not None and holder is not code:
        report.notes.append(f"{path}: shortcut {shortcut!r} already belongs to another code; left out")
        return None
    return shortcut


def _usable_guid(session: Session, guid: str | None) -> str | None:
    match = GUID.fullmatch(guid.strip()) if guid else None
    if not match:
        return None
    value = match.group(1)
    return None if session.scalar(select(Code.id).where(Code.guid == value)) else value


def _applied(session: Session, code: Code) -> bool:
    return bool(session.scalar(select(func.count()).select_from(Annotation).where(Annotation.code_id == code.id)))
