"""The code tree as paths: listing, finding by path, and loading a codebook JSON file into a project.

A path joins code names from the root with "/" (五治/法治); names may not contain "/" themselves.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop_app.core.errors import GovCoderError
from desktop_app.core.store.models import Annotation, Code

PATH_SEPARATOR = "/"
# The deepest code tree an import accepts (levels, 1 at the top). Real codebooks have a handful of
# levels; a deeper tree in a file is damage or an attack. 200 also keeps a .qdpx of the tree within
# the XML nesting that libxml2 parses without its "huge" option (256 elements deep).
MAX_CODE_DEPTH = 200
CODEBOOK_FORMAT = "govcoder-codebook"


@dataclass(frozen=True)
class CodeInfo:
    id: int
    path: str
    parent: str | None
    name: str
    english: str | None
    description: str
    colour: str
    shortcut: str | None
    codable: bool
    annotations: int

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def split_path(path: str) -> list[str]:
    parts = [part.strip() for part in path.strip().strip(PATH_SEPARATOR).split(PATH_SEPARATOR)]
    if not path.strip() or any(not part for part in parts):
        raise GovCoderError(f"not a code path: {path!r} (write names from the root joined by /)")
    return parts


def code_paths(session: Session) -> dict[int, str]:
    """Every code's path, by id, computed in one query."""
    rows = session.execute(select(Code.id, Code.parent_id, Code.name)).all()
    return tree_paths({row.id: (row.parent_id, row.name) for row in rows})


def tree_paths(nodes: dict[Any, tuple[Any, str]]) -> dict[Any, str]:
    """Each node's path from {key: (parent key or None, name)}, walking up without recursion, so any
    depth is fine; a parent that is missing, or a cycle (a damaged tree), ends a path there."""
    paths: dict[Any, str] = {}
    for key in nodes:
        chain: list[Any] = []
        on_chain: set[Any] = set()
        current = key
        while current is not None and current not in paths and current in nodes and current not in on_chain:
            chain.append(current)
            on_chain.add(current)
            current = nodes[current][0]
        prefix = paths.get(current, "") if current is not None else ""
        for node in reversed(chain):
            prefix = f"{prefix}{PATH_SEPARATOR}{nodes[node][1]}" if prefix else nodes[node][1]
            paths[node] = prefix
    return paths


def list_codes(session: Session) -> list[CodeInfo]:
    """The whole tree in display order (depth first, siblings by position)."""
    paths = code_paths(session)
    counts = dict(session.execute(select(Annotation.code_id, func.count()).group_by(Annotation.code_id)).all())
    codes = session.scalars(select(Code).order_by(Code.position, Code.id)).all()
    children: dict[int | None, list[Code]] = {}
    for code in codes:
        children.setdefault(code.parent_id, []).append(code)
    ordered: list[CodeInfo] = []
    stack = list(reversed(children.get(None, [])))  # depth first without recursion: any depth lists
    while stack:
        code = stack.pop()
        ordered.append(
            CodeInfo(
                id=code.id,
                path=paths[code.id],
                parent=paths[code.parent_id] if code.parent_id is not None else None,
                name=code.name,
                english=code.english,
                description=code.description,
                colour=code.colour,
                shortcut=code.shortcut,
                codable=code.codable,
                annotations=counts.get(code.id, 0),
            )
        )
        stack.extend(reversed(children.get(code.id, [])))
    return ordered


def siblings_of(parent_id: int | None):
    """The SQL condition selecting the children of a parent (NULL for top-level codes)."""
    return Code.parent_id.is_(None) if parent_id is None else Code.parent_id == parent_id


def find_code(session: Session, path: str) -> Code:
    parent_id: int | None = None
    code: Code | None = None
    for name in split_path(path):
        code = session.scalar(select(Code).where(siblings_of(parent_id), Code.name == name))
        if code is None:
            raise GovCoderError(f"no code {path!r} in this project's codebook")
        parent_id = code.id
    assert code is not None
    return code


def read_codebook_json(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise GovCoderError(f"cannot read codebook {path}: {error}") from None
    if not isinstance(data, dict) or data.get("format") != CODEBOOK_FORMAT:
        raise GovCoderError(f"{path} is not a GovCoder codebook (format {CODEBOOK_FORMAT!r} expected)")
    return data
