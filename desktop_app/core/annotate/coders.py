"""Coders: the people whose annotations a project keeps apart."""

from __future__ import annotations

import getpass
import os

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.core.errors import GovCoderError
from desktop_app.core.store.models import Coder

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
    name = name.strip()
    if not name:
        raise GovCoderError("a coder needs a name")
    coder = session.scalar(select(Coder).where(Coder.name == name))
    if coder is None:
        coder = Coder(name=name)
        session.add(coder)
        session.flush()
    return coder
