"""Opening and creating projects: one SQLite file by default, any SQLAlchemy URL for a team."""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from platformdirs import user_data_dir
from sqlalchemy import Engine, func, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from desktop_app.core.errors import GovCoderError
from desktop_app.core.store.engine import (
    make_engine,
    make_session_factory,
    read_only_uri,
    sqlite_path,
    sqlite_url,
)
from desktop_app.core.store.migrate import SCHEMA_HEAD, MigrationReport, stamped_revision, upgrade_project
from desktop_app.core.store.models import Code, Document
from desktop_app.core.store.sqlite_file import (
    Access,
    ProjectReadOnly,
    access,
    check_file,
    quick_check,
    translate_errors,
)

ENV_DB = "GOVCODER_DB"
PROJECT_SUFFIX = ".govcoder"


@dataclass
class Project:
    url: str
    engine: Engine
    session_factory: sessionmaker[Session]
    migration: MigrationReport | None = field(default=None)
    # Why this project cannot be written here (a read-only file system, ...), or None.
    read_only: str | None = None

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


def _connect(url: str, label: str, *, check: bool = True) -> Project:
    path = sqlite_path(url)
    for _attempt in range(3):
        identity = _identity(path)
        try:
            return _connect_once(url, path, label, check=check)
        except GovCoderError:
            # Another process swapped in its upgrade of this project while this one was opening the file
            # it replaced (SQLite then reports the file moved, or an I/O error): open the new one.
            if identity is None or _identity(path) == identity:
                raise
    raise GovCoderError(f"cannot open {label}: it kept being replaced while it was opened; try again")


def _identity(path: Path | None) -> tuple[int, int] | None:
    try:
        status = path.stat() if path is not None else None
    except OSError:
        return None
    return (status.st_dev, status.st_ino) if status else None


def _connect_once(url: str, path: Path | None, label: str, *, check: bool) -> Project:
    mode = access(path) if path is not None else Access()
    try:
        engine = _engine(url, path, mode, label)
    except (SQLAlchemyError, ImportError) as error:
        raise GovCoderError(f"cannot open {label}: {error}") from None
    try:
        report = _current_schema(engine, label, mode) if mode.read_only else upgrade_project(engine, label)
        if path is not None and check:
            quick_check(engine, path, label)
    except GovCoderError:
        engine.dispose()
        raise
    except (SQLAlchemyError, sqlite3.Error) as error:
        engine.dispose()
        reason = error.orig if isinstance(error, DBAPIError) and error.orig else error
        raise GovCoderError(f"cannot open {label}: {str(reason).splitlines()[0]}") from None
    if report.changed:
        engine.dispose()  # its connections may still hold the file the upgrade replaced
    return Project(url, engine, make_session_factory(engine), report, mode.read_only)


def _engine(url: str, path: Path | None, mode: Access, label: str) -> Engine:
    if path is None:
        return make_engine(url)
    if not mode.read_only:
        engine = make_engine(url)
    else:
        engine = make_engine(url, read_only=read_only_uri(path, immutable=mode.immutable))
        try:
            engine.connect().close()
        except DBAPIError:
            engine.dispose()
            if Path(f"{path}-wal").exists() and Path(f"{path}-wal").stat().st_size:
                raise GovCoderError(
                    f"cannot read {label} here ({mode.read_only}): its latest changes are in {path.name}-wal, "
                    f"which SQLite reads only with a {path.name}-shm file it cannot make in that folder; "
                    "copy the project together with its -wal file somewhere you can write") from None
            # Nobody has the file open (no -shm), and nothing waits in a -wal: read it as it is.
            engine = make_engine(url, read_only=read_only_uri(path, immutable=True))
    translate_errors(engine, path, mode.read_only)
    return engine


def _current_schema(engine: Engine, label: str, mode: Access) -> MigrationReport:
    """A project opened read-only cannot be upgraded: it must already be at this GovCoder's schema."""
    revision = stamped_revision(engine)
    if revision != SCHEMA_HEAD:
        made_by = f"was made by another version of GovCoder (schema {revision})" if revision else \
            "is not a GovCoder project this version can read"
        raise ProjectReadOnly(f"the project is read-only here: {label} ({mode.read_only}), and it {made_by}; "
                              "opening it needs an upgrade, which writes: copy it somewhere you can write "
                              "and open the copy")
    return MigrationReport(revision, revision, None)


def open_project(location: str | Path, *, check: bool = True) -> Project:
    """Open an existing project, migrating it if it was made by an older GovCoder. `check=False` skips
    the quick integrity check (for the full check, which must open a damaged project to describe it)."""
    url = to_url(location)
    path = sqlite_path(url)
    if path is not None:
        if not path.exists():
            raise GovCoderError(f"no project at {path} (create one with: govcoder --project {path} init)")
        check_file(path)
    return _connect(url, str(path) if path else make_url(url).render_as_string(hide_password=True), check=check)


def create_project(location: str | Path) -> Project:
    """Create a new, empty project; refuse to touch one that already holds documents or codes."""
    url = to_url(location)
    path = sqlite_path(url)
    if path is not None:
        check_file(path)
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
