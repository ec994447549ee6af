"""One code's every editable field as plain data, for the GUI's code dialog."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from desktop_app.core.codebook.tree import code_paths
from desktop_app.core.errors import GovCoderError
from desktop_app.core.store.models import Code


@dataclass(frozen=True)
class CodeDetails:
    id: int
    path: str
    name: str
    english: str | None
    description: str
    colour: str
    shortcut: str | None
    codable: bool
    keywords: list[str] = field(default_factory=list)
    guidance: dict[str, Any] = field(default_factory=dict)


def code_details(session: Session, code_id: int) -> CodeDetails:
    code = session.get(Code, code_id)
    if code is None:
        raise GovCoderError(f"no code with id {code_id} in this project's codebook")
    return CodeDetails(
        id=code.id, path=code_paths(session)[code.id], name=code.name, english=code.english,
        description=code.description, colour=code.colour, shortcut=code.shortcut, codable=code.codable,
        keywords=list(code.keywords or []), guidance=dict(code.guidance or {}),
    )
