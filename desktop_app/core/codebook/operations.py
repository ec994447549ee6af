"""Editing single codes: create, rename, describe, recolour, shortcut, category or codable.

Each operation takes the caller's session, changes one thing, and returns what changed as plain data:
a `CodeEdit` holds the old and new values, so applying `old` with `edit_fields` undoes it.
"""

from __future__ import annotations

from collections.abc import Iterable
from copy import deepcopy
from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop_app.core.codebook.colours import PALETTE, check_colour
from desktop_app.core.codebook.names import check_name, claimed_among_siblings, ensure_free_among_siblings
from desktop_app.core.codebook.siblings import get_code, insert_at, sibling_ids
from desktop_app.core.codebook.tree import code_paths
from desktop_app.core.errors import GovCoderError
from desktop_app.core.store.models import Annotation, Code

EDITABLE = ("name", "english", "description", "colour", "shortcut", "codable", "keywords", "guidance")
GUIDANCE_KEYS = ("use_when", "not_when", "examples")
MAX_SHORTCUT_LENGTH = 40


@dataclass(frozen=True)
class CodeCreated:
    code_id: int
    parent_id: int | None
    index: int
    path: str

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class CodeEdit:
    """Fields of one code before and after; `edit_fields(session, code_id, **old)` undoes it."""

    code_id: int
    path: str
    old: dict[str, Any] = field(default_factory=dict)
    new: dict[str, Any] = field(default_factory=dict)

    @property
    def changed(self) -> bool:
        return self.old != self.new

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def create_code(
    session: Session,
    name: str,
    parent_id: int | None = None,
    *,
    index: int | None = None,
    english: str | None = None,
    description: str = "",
    colour: str | None = None,
    codable: bool = True,
    keywords: Iterable[str] = (),
    guidance: dict[str, Any] | None = None,
) -> CodeCreated:
    """A new code under `parent_id` (None: top level) at `index` among its siblings (None: last).
    Without a colour it takes its parent's, or the next palette colour at the top level."""
    name = check_name(name)
    parent = get_code(session, parent_id) if parent_id is not None else None
    ensure_free_among_siblings(session, parent_id, name)
    if colour is not None:
        colour = check_colour(colour)
    elif parent is not None:
        colour = parent.colour
    else:
        colour = PALETTE[len(sibling_ids(session, None)) % len(PALETTE)]
    code = Code(parent_id=parent_id, name=name, english=_optional_text(english), description=description or "",
                colour=colour, codable=codable, keywords=_keywords(keywords), guidance=_guidance(guidance or {}),
                position=len(sibling_ids(session, parent_id)))
    session.add(code)
    with claimed_among_siblings(parent_id, name):
        session.flush()
    placed = insert_at(session, parent_id, code.id, index)
    return CodeCreated(code.id, parent_id, placed, code_paths(session)[code.id])


def edit_fields(session: Session, code_id: int, **changes: Any) -> CodeEdit:
    """Change any of name, english, description, colour, shortcut, codable, keywords, guidance."""
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise TypeError(f"not editable: {', '.join(sorted(unknown))}")
    code = get_code(session, code_id)
    new = {key: _checked(session, code, key, value) for key, value in changes.items()}
    _check_category_rules(session, code, new)
    old = {key: deepcopy(getattr(code, key)) for key in new}
    for key, value in new.items():
        setattr(code, key, value)
    with claimed_among_siblings(code.parent_id, code.name):
        session.flush()
    return CodeEdit(code.id, code_paths(session)[code.id], old, {k: deepcopy(v) for k, v in new.items()})


def rename_code(session: Session, code_id: int, name: str) -> CodeEdit:
    return edit_fields(session, code_id, name=name)


def set_description(session: Session, code_id: int, description: str) -> CodeEdit:
    return edit_fields(session, code_id, description=description)


def set_english(session: Session, code_id: int, english: str | None) -> CodeEdit:
    return edit_fields(session, code_id, english=english)


def recolour_code(session: Session, code_id: int, colour: str) -> CodeEdit:
    return edit_fields(session, code_id, colour=colour)


def set_shortcut(session: Session, code_id: int, shortcut: str | None) -> CodeEdit:
    """Give a code a shortcut key (unique in the project), or clear it with None."""
    return edit_fields(session, code_id, shortcut=shortcut)


def set_codable(session: Session, code_id: int, codable: bool) -> CodeEdit:
    """Make a code a category (codable=False: groups others, cannot be applied) or codable again.
    A code in use cannot become a category; a category loses its shortcut key."""
    code = get_code(session, code_id)
    changes: dict[str, Any] = {"codable": bool(codable)}
    if not codable and code.shortcut:
        changes["shortcut"] = None
    return edit_fields(session, code_id, **changes)


def set_guidance(session: Session, code_id: int, *, keywords: Iterable[str] | None = None,
                 use_when: str | None = None, not_when: str | None = None,
                 examples: list[dict[str, str]] | None = None) -> CodeEdit:
    """Edit the coder's guidance; arguments left None stay as they are."""
    code = get_code(session, code_id)
    guidance = dict(code.guidance or {})
    for key, value in (("use_when", use_when), ("not_when", not_when), ("examples", examples)):
        if value is not None:
            guidance[key] = value
    changes: dict[str, Any] = {"guidance": guidance}
    if keywords is not None:
        changes["keywords"] = keywords
    return edit_fields(session, code_id, **changes)


# --- checks --------------------------------------------------------------------------------------


def _checked(session: Session, code: Code, key: str, value: Any) -> Any:
    if key == "name":
        name = check_name(value)
        ensure_free_among_siblings(session, code.parent_id, name, except_id=code.id)
        return name
    if key == "english":
        return _optional_text(value)
    if key == "description":
        return str(value or "")
    if key == "colour":
        return check_colour(value)
    if key == "shortcut":
        return _checked_shortcut(session, code, value)
    if key == "codable":
        return bool(value)
    if key == "keywords":
        return _keywords(value or ())
    return _guidance(value or {})


def _checked_shortcut(session: Session, code: Code, value: str | None) -> str | None:
    shortcut = (str(value).strip() if value is not None else "") or None
    if shortcut is None:
        return None
    if len(shortcut) > MAX_SHORTCUT_LENGTH:
        raise GovCoderError(f"a shortcut key is at most {MAX_SHORTCUT_LENGTH} characters long")
    holder = session.scalar(select(Code).where(Code.shortcut == shortcut, Code.id != code.id))
    if holder is not None:
        raise GovCoderError(f"shortcut {shortcut!r} already belongs to {code_paths(session)[holder.id]}; "
                            "clear it there first")
    return shortcut


def _check_category_rules(session: Session, code: Code, new: dict[str, Any]) -> None:
    if new.get("codable", code.codable):
        return
    if new.get("shortcut", code.shortcut):
        raise GovCoderError("a category cannot have a shortcut key: it cannot be applied")
    if not code.codable:
        return
    used = session.scalar(select(func.count()).select_from(Annotation).where(Annotation.code_id == code.id))
    if used:
        raise GovCoderError(f"{code_paths(session)[code.id]} is applied {used} times; merge or move those "
                            "annotations before making it a category")


def _optional_text(value: Any) -> str | None:
    text = str(value).strip() if value is not None else ""
    return text or None


def _keywords(values: Iterable[str] | str) -> list[str]:
    if isinstance(values, str):
        values = values.replace("；", ";").replace("，", ",").replace(";", ",").split(",")
    seen: list[str] = []
    for value in values:
        word = str(value).strip()
        if word and word not in seen:
            seen.append(word)
    return seen


def _guidance(value: dict[str, Any]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key in ("use_when", "not_when"):
        if value.get(key):
            result[key] = str(value[key])
    examples = [
        {"quote": str(example.get("quote", "")), "source": str(example.get("source", ""))}
        for example in value.get("examples") or [] if isinstance(example, dict) and example.get("quote")
    ]
    if examples:
        result["examples"] = examples
    for key, extra in value.items():
        if key not in GUIDANCE_KEYS:
            result[key] = extra
    return result
