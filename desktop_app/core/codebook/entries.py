"""A codebook in memory, independent of any file format or project: the common ground of every
import and export. `carries` names the fields a format can express; the others are left untouched
when an import updates existing codes."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.core.codebook.colours import parse_colour
from desktop_app.core.codebook.names import free_name, readable_name
from desktop_app.core.store.models import Code

ALL_FIELDS = frozenset({"english", "description", "colour", "shortcut", "codable", "keywords", "guidance"})
GUIDANCE_KEYS = ("use_when", "not_when", "examples")


@dataclass
class CodeEntry:
    name: str
    english: str | None = None
    description: str = ""
    colour: str | None = None
    shortcut: str | None = None
    codable: bool = True
    keywords: list[str] = field(default_factory=list)
    guidance: dict[str, Any] = field(default_factory=dict)
    guid: str | None = None
    children: list[CodeEntry] = field(default_factory=list)


def walk(entries: list[CodeEntry], prefix: str = ""):
    """(path, entry, parent path) for every entry, parents first, in order (depth first, without
    recursion: a tree of any depth walks)."""
    stack = [(entry, prefix) for entry in reversed(entries)]
    while stack:
        entry, parent = stack.pop()
        path = f"{parent}/{entry.name}" if parent else entry.name
        yield path, entry, parent or None
        stack.extend((child, path) for child in reversed(entry.children))


def depth_of(entries: list[CodeEntry]) -> int:
    """The tree's depth in levels (1: top-level codes only; 0: no codes)."""
    deepest = 0
    stack = [(entry, 1) for entry in entries]
    while stack:
        entry, level = stack.pop()
        deepest = max(deepest, level)
        stack.extend((child, level + 1) for child in entry.children)
    return deepest


def sanitise(entries: list[CodeEntry], notes: list[str], prefix: str = "") -> None:
    """Make imported entries storable, saying what changed: names without "/" (written "／"), unique
    among siblings, colours "#RRGGBB" or none, each shortcut used once."""
    # Depth first without recursion (notes come in the tree's order); siblings share one set of names.
    stack: list[tuple[CodeEntry, str, set[str]]] = []
    top: set[str] = set()
    stack.extend((entry, prefix, top) for entry in reversed(entries))
    while stack:
        entry, parent, taken = stack.pop()
        name, changed = readable_name(entry.name)
        unique = free_name(name, taken)
        where = f" under {parent}" if parent else ""
        if changed:
            notes.append(f"code name {entry.name!r}{where} contains '/' or is empty: kept as {name!r}")
        if unique != name:
            notes.append(f"a second code named {name!r}{where} was renamed {unique!r}")
        entry.name = unique
        taken.add(unique)
        if entry.colour is not None:
            colour = parse_colour(entry.colour)
            if colour is None:
                notes.append(f"{_join(parent, unique)}: colour {entry.colour!r} is not a colour; left out")
            entry.colour = colour
        below: set[str] = set()
        stack.extend((child, _join(parent, unique), below) for child in reversed(entry.children))
    if not prefix:
        seen: set[str] = set()
        for path, entry, _parent in walk(entries):
            if entry.shortcut:
                entry.shortcut = str(entry.shortcut).strip() or None
            if entry.shortcut in seen:
                notes.append(f"{path}: shortcut {entry.shortcut!r} is used by an earlier code; left out")
                entry.shortcut = None
            elif entry.shortcut:
                seen.add(entry.shortcut)


def entries_from_json(items: list[Any]) -> list[CodeEntry]:
    """Entries from the "codes" list of a GovCoder codebook JSON file (docs/codebook-format.md)."""
    entries: list[CodeEntry] = []
    pending = [(items, entries)]  # (items of the file, the list their entries go into)
    while pending:
        level, into = pending.pop()
        for item in level or []:
            if not isinstance(item, dict):
                continue
            keywords = item.get("keywords") or []
            entry = CodeEntry(
                name=str(item.get("name") or ""),
                english=_text_or_none(item.get("english")),
                description=str(item.get("description") or ""),
                colour=_text_or_none(item.get("colour")),
                shortcut=_text_or_none(item.get("shortcut")),
                codable=bool(item.get("codable", True)),
                keywords=[str(k) for k in keywords] if isinstance(keywords, list) else [str(keywords)],
                guidance={key: item[key] for key in GUIDANCE_KEYS if item.get(key)},
                guid=_text_or_none(item.get("guid")),
            )
            into.append(entry)
            children = item.get("children")
            if isinstance(children, list) and children:
                pending.append((children, entry.children))
    return entries


def entry_to_json(entry: CodeEntry) -> dict[str, Any]:
    """The entry and its sub-codes as the codebook JSON format writes them (built without recursion)."""
    top = _entry_fields(entry)
    pending = [(entry, top)]
    while pending:
        current, data = pending.pop()
        if current.children:
            data["children"] = [_entry_fields(child) for child in current.children]
            pending.extend(zip(current.children, data["children"], strict=True))
    return top


def _entry_fields(entry: CodeEntry) -> dict[str, Any]:
    data: dict[str, Any] = {"name": entry.name, "english": entry.english, "description": entry.description}
    for key in ("use_when", "not_when"):
        if entry.guidance.get(key):
            data[key] = entry.guidance[key]
    data.update({"keywords": list(entry.keywords), "colour": entry.colour, "shortcut": entry.shortcut,
                 "codable": entry.codable})
    if entry.guidance.get("examples"):
        data["examples"] = [dict(example) for example in entry.guidance["examples"]]
    return data


def entries_from_project(session: Session) -> list[CodeEntry]:
    codes = session.scalars(select(Code).order_by(Code.position, Code.id)).all()
    by_parent: dict[int | None, list[Code]] = {}
    for code in codes:
        by_parent.setdefault(code.parent_id, []).append(code)

    def entry(code: Code) -> CodeEntry:
        return CodeEntry(name=code.name, english=code.english, description=code.description or "",
                         colour=code.colour, shortcut=code.shortcut, codable=code.codable,
                         keywords=list(code.keywords or []), guidance=dict(code.guidance or {}), guid=code.guid)

    roots = [entry(code) for code in by_parent.get(None, [])]
    pending = list(zip([code.id for code in by_parent.get(None, [])], roots, strict=True))
    while pending:  # level by level without recursion: a tree of any depth exports
        code_id, parent = pending.pop()
        for code in by_parent.get(code_id, []):
            child = entry(code)
            parent.children.append(child)
            pending.append((code.id, child))
    return roots


def _join(prefix: str, name: str) -> str:
    return f"{prefix}/{name}" if prefix else name


def _text_or_none(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None
