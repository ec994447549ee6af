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
    by_id = {row.id: row for row in rows}
    paths: dict[int, str] = {}

    def path_of(code_id: int) -> str:
        if code_id not in paths:
            row = by_id[code_id]
            prefix = path_of(row.parent_id) + PATH_SEPARATOR if row.parent_id is not None else ""
            paths[code_id] = prefix + row.name
        return paths[code_id]

    for code_id in by_id:
        path_of(code_id)
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

    def visit(parent_id: int | None) -> None:
        for code in children.get(parent_id, []):
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
            visit(code.id)

    visit(None)
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
