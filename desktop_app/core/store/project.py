"""Opening and creating projects: one SQLite file by default, any SQLAlchemy URL for a team."""

from __future__ import annotations

import logging
import os
import re
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from platformdirs import user_data_dir
from sqlalchemy import Engine, func, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from desktop_app.core.errors import GovCoderError
from desktop_app.core.store.db_errors import describe
from desktop_app.core.store.engine import (
    make_engine,
    make_session_factory,
    read_only_uri,
    sqlite_path,
    sqlite_url,
)
from desktop_app.core.store.file_guard import FileGuard
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

logger = logging.getLogger(__name__)
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
    guard: FileGuard | None = field(default=None)  # a project file's identity as opened

    @property
    def label(self) -> str:
        return redacted_location(self.url)

    def check_in_place(self) -> None:
        """Raise ProjectFileGone if the project file was moved, deleted or replaced since it was opened."""
        if self.guard is not None:
            self.guard.check()

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


# Query parameters that libpq and psycopg read as secrets.
_SECRET_QUERY_KEYS = {"password", "passfile", "sslpassword"}
_USERINFO = re.compile(r"(://[^/@:]*):[^/@]*@")


def redacted_location(location: str | Path) -> str:
    """A location fit for a settings key, a title, a message or a log: a SQLite project's path, or
    the database URL with its password (and any secret query parameter) removed."""
    text = str(location)
    if "://" not in text:
        return text
    try:
        url = make_url(text)
    except Exception:  # noqa: BLE001 - not a URL SQLAlchemy reads: strip what looks like user:password@
        return _USERINFO.sub(r"\1@", text)
    path = sqlite_path(text)
    if path is not None:
        return str(path)
    secret_keys = [key for key in url.query if key.lower() in _SECRET_QUERY_KEYS]
    # _replace, not set(): set() takes None to mean "leave the password as it is".
    return url.difference_update_query(secret_keys)._replace(password=None).render_as_string(hide_password=False)


def hide_password(text: str, location: str | Path | None) -> str:
    """`text` with the location's password (as written and URL-decoded) replaced by ***: for messages
    that quote a driver or library, which may repeat the URL."""
    if location is None or "://" not in str(location):
        return text
    try:
        url = make_url(str(location))
    except Exception:  # noqa: BLE001
        return _USERINFO.sub(r"\1:***@", text)
    secrets = {url.password, *(v for k, v in url.query.items() if k.lower() in _SECRET_QUERY_KEYS)}
    for secret in sorted((s for s in secrets if isinstance(s, str) and s), key=len, reverse=True):
        text = text.replace(quote(secret, safe=""), "***").replace(secret, "***")
    return text


def default_project_path() -> Path:
    return Path(user_data_dir("GovCoder", appauthor=False)) / f"sample-project{PROJECT_SUFFIX}"


def to_url(location: str | Path) -> str:
    """A SQLAlchemy URL for a location that is either a URL or a path to a SQLite file."""
    text = str(location)
    if "://" in text:
        try:
            make_url(text)
        except Exception as error:
            raise GovCoderError(f"not a database URL: {redacted_location(text)} ({hide_password(str(error), text)})") from None
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
        raise GovCoderError(f"cannot open {label}: {hide_password(str(error), url)}") from None
    try:
        report = _current_schema(engine, label, mode) if mode.read_only else upgrade_project(engine, label)
        if path is not None and check:
            quick_check(engine, path, label)
    except GovCoderError:
        engine.dispose()
        raise
    except (SQLAlchemyError, sqlite3.Error) as error:
        engine.dispose()
        logger.debug("opening %s failed", label, exc_info=True)  # shown with GOVCODER_DEBUG=1
        raise GovCoderError(f"cannot open {label}: {hide_password(describe(error, path), url)}") from None
    if report.changed:
        engine.dispose()  # its connections may still hold the file the upgrade replaced
    guard = FileGuard(path) if path is not None and path.exists() else None
    return Project(url, engine, make_session_factory(engine), report, read_only=mode.read_only, guard=guard)


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
        if path.is_file() and path.stat().st_size == 0:
            # SQLite would quietly make an empty file a database: only `init` may make a project.
            raise GovCoderError(f"{path} is an empty file, not a project (make it one with: "
                                f"govcoder --project {path} init)")
        check_file(path)
    return _connect(url, redacted_location(url), check=check)


def create_project(location: str | Path) -> Project:
    """Create a new, empty project; refuse to touch one that already holds documents or codes."""
    url = to_url(location)
    path = sqlite_path(url)
    if path is not None:
        check_file(path)
        if not path.parent.exists():
            path.parent.mkdir(parents=True)
    label = redacted_location(url)
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
