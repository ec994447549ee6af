"""Opening and creating projects: one SQLite file by default, any SQLAlchemy URL for a team."""

from __future__ import annotations

import logging
import os
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from platformdirs import user_data_dir
from sqlalchemy import Engine, func, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from desktop_app.core.errors import GovCoderError
from desktop_app.core.store.db_errors import describe
from desktop_app.core.store.engine import make_engine, make_session_factory, sqlite_path, sqlite_url
from desktop_app.core.store.migrate import MigrationReport, upgrade_project
from desktop_app.core.store.models import Code, Document

logger = logging.getLogger(__name__)
ENV_DB = "GOVCODER_DB"
PROJECT_SUFFIX = ".govcoder"


@dataclass
class Project:
    url: str
    engine: Engine
    session_factory: sessionmaker[Session]
    migration: MigrationReport | None = field(default=None)

    @property
    def label(self) -> str:
        path = sqlite_path(self.url)
        return str(path) if path else make_url(self.url).render_as_string(hide_password=True)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def default_project_path() -> Path:
    return Path(user_data_dir("GovCoder", appauthor=False)) / f"sample-project{PROJECT_SUFFIX}"


def to_url(location: str | Path) -> str:
    """A SQLAlchemy URL for a location that is either a URL or a path to a SQLite file."""
    text = str(location)
    if "://" in text:
        try:
            make_url(text)
        except Exception as error:
            raise GovCoderError(f"not a database URL: {text} ({error})") from None
        return text
    return sqlite_url(text)


def resolve_location(project: str | None, db: str | None) -> str | None:
    """--db wins over --project, which wins over $GOVCODER_DB; None means the default sample project."""
    if db:
        return to_url(db)
    if project:
        return to_url(project)
    if os.environ.get(ENV_DB):
        return to_url(os.environ[ENV_DB])
    return None


def _check_sqlite_file(path: Path) -> None:
    if path.is_dir():
        raise GovCoderError(f"{path} is a folder, not a project file")
    if path.exists() and path.stat().st_size > 0:
        with path.open("rb") as handle:
            if handle.read(16) != b"SQLite format 3\x00":
                raise GovCoderError(f"{path} is not a GovCoder project (not a SQLite database)")


def _connect(url: str, label: str) -> Project:
    try:
        engine = make_engine(url)
    except (SQLAlchemyError, ImportError) as error:
        raise GovCoderError(f"cannot open {label}: {error}") from None
    try:
        report = upgrade_project(engine, label)
    except GovCoderError:
        engine.dispose()
        raise
    except (SQLAlchemyError, sqlite3.Error) as error:
        engine.dispose()
        logger.debug("opening %s failed", label, exc_info=True)  # shown with GOVCODER_DEBUG=1
        raise GovCoderError(f"cannot open {label}: {describe(error, sqlite_path(url))}") from None
    return Project(url, engine, make_session_factory(engine), report)


def open_project(location: str | Path) -> Project:
    """Open an existing project, migrating it if it was made by an older GovCoder."""
    url = to_url(location)
    path = sqlite_path(url)
    if path is not None:
        if not path.exists():
            raise GovCoderError(f"no project at {path} (create one with: govcoder --project {path} init)")
        _check_sqlite_file(path)
        if path.is_file() and path.stat().st_size == 0:
            # SQLite would quietly make an empty file a database: only `init` may make a project.
            raise GovCoderError(f"{path} is an empty file, not a project (make it one with: "
                                f"govcoder --project {path} init)")
    return _connect(url, str(path) if path else make_url(url).render_as_string(hide_password=True))


def create_project(location: str | Path) -> Project:
    """Create a new, empty project; refuse to touch one that already holds documents or codes."""
    url = to_url(location)
    path = sqlite_path(url)
    if path is not None:
        _check_sqlite_file(path)
        if not path.parent.exists():
            path.parent.mkdir(parents=True)
    label = str(path) if path else make_url(url).render_as_string(hide_password=True)
    project = _connect(url, label)
    if not project_is_empty(project):
        project.close()
        raise GovCoderError(f"{label} already holds a project; open it instead of initialising it")
    return project


def project_is_empty(project: Project) -> bool:
    with project.session_factory() as session:
        documents = session.scalar(select(func.count()).select_from(Document))
        codes = session.scalar(select(func.count()).select_from(Code))
    return not documents and not codes
