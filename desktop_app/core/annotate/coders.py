"""Coders: the people whose annotations a project keeps apart."""

from __future__ import annotations

import getpass
import os

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.core.errors import GovCoderError
from desktop_app.core.store.models import Coder, new_guid, utcnow

ENV_CODER = "GOVCODER_CODER"


def default_coder_name() -> str:
    name = os.environ.get(ENV_CODER)
    if name:
        return name
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "coder"


def get_or_create_coder(session: Session, name: str) -> Coder:
    """The coder called `name`, made if new. Several processes may meet a new coder at the same moment
    (a team starting together, or one coder's window and CLI): the row is inserted with "on conflict do
    nothing", so each of them gets the one row and none fails on the unique name."""
    name = name.strip()
    if not name:
        raise GovCoderError("a coder needs a name")
    coder = session.scalar(select(Coder).where(Coder.name == name))
    if coder is None:
        session.execute(_insert_if_absent(session).values(guid=new_guid(), name=name, created_at=utcnow()))
        coder = session.scalar(select(Coder).where(Coder.name == name))
    return coder


def _insert_if_absent(session: Session):
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    elif dialect == "sqlite":
        from sqlalchemy.dialects.sqlite import insert
    else:
        raise GovCoderError(f"GovCoder projects live in SQLite or PostgreSQL, not {dialect}")
    return insert(Coder).on_conflict_do_nothing(index_elements=[Coder.name])
