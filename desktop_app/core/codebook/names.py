"""Code names: what a name may be, and keeping names unique among siblings.

A path joins names with "/", so a name never contains "/". A name arriving from another program with a
"/" in it is kept readable by writing the full-width solidus "／" instead.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from desktop_app.core.codebook.tree import PATH_SEPARATOR, siblings_of
from desktop_app.core.errors import GovCoderError
from desktop_app.core.store.models import SIBLING_NAME_INDEX, Code

FULL_WIDTH_SOLIDUS = "／"
MAX_NAME_LENGTH = 300
UNNAMED = "未命名"


def check_name(name: str) -> str:
    """The name as it will be stored, or a refusal a user can act on."""
    cleaned = " ".join(str(name).split())
    if not cleaned:
        raise GovCoderError("a code needs a name")
    if PATH_SEPARATOR in cleaned:
        raise GovCoderError(f"a code name may not contain {PATH_SEPARATOR!r}: {cleaned!r} "
                            f"(use {FULL_WIDTH_SOLIDUS!r} instead)")
    if len(cleaned) > MAX_NAME_LENGTH:
        raise GovCoderError(f"a code name is at most {MAX_NAME_LENGTH} characters long")
    return cleaned


def readable_name(name: str | None) -> tuple[str, bool]:
    """An imported name made storable: "/" becomes "／", blanks collapse, empty becomes 未命名.
    Returns the name and whether it had to change (other than surrounding white space)."""
    raw = " ".join(str(name or "").split())
    fixed = raw.replace(PATH_SEPARATOR, FULL_WIDTH_SOLIDUS)[:MAX_NAME_LENGTH] or UNNAMED
    return fixed, fixed != raw


def free_name(name: str, taken: Iterable[str]) -> str:
    """`name`, or `name (2)`, `name (3)`, ... whichever is not taken."""
    used = set(taken)
    if name not in used:
        return name
    number = 2
    while f"{name} ({number})" in used:
        number += 1
    return f"{name} ({number})"


def ensure_free_among_siblings(session: Session, parent_id: int | None, name: str,
                               except_id: int | None = None) -> None:
    query = select(Code.id).where(siblings_of(parent_id), Code.name == name)
    if except_id is not None:
        query = query.where(Code.id != except_id)
    if session.scalar(query) is not None:
        raise GovCoderError(_taken(parent_id, name))


@contextmanager
def claimed_among_siblings(parent_id: int | None, name: str) -> Iterator[None]:
    """Around the flush that gives a code its name or parent. The check above can pass in two windows
    at once; the database's unique index then refuses the later one, which is told as the check would."""
    try:
        yield
    except IntegrityError as error:
        if SIBLING_NAME_INDEX in str(error.orig):
            raise GovCoderError(_taken(parent_id, name)) from None
        raise


def _taken(parent_id: int | None, name: str) -> str:
    where = "at the top level" if parent_id is None else "under the same parent"
    return f"there is already a code named {name!r} {where}"
