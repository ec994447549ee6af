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
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from desktop_app.core.errors import GovCoderError
from desktop_app.core.store.db_errors import describe
from desktop_app.core.store.engine import make_engine, make_session_factory, sqlite_path, sqlite_url
from desktop_app.core.store.file_guard import FileGuard
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
        raise GovCoderError(f"cannot open {label}: {hide_password(str(error), url)}") from None
    try:
        report = upgrade_project(engine, label)
    except GovCoderError:
        engine.dispose()
        raise
    except (SQLAlchemyError, sqlite3.Error) as error:
        engine.dispose()
        logger.debug("opening %s failed", label, exc_info=True)  # shown with GOVCODER_DEBUG=1
        raise GovCoderError(f"cannot open {label}: {hide_password(describe(error, sqlite_path(url)), url)}") from None
    path = sqlite_path(url)
    guard = FileGuard(path) if path is not None and path.exists() else None
    return Project(url, engine, make_session_factory(engine), report, guard)


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
    return _connect(url, redacted_location(url))


def create_project(location: str | Path) -> Project:
    """Create a new, empty project; refuse to touch one that already holds documents or codes."""
    url = to_url(location)
    path = sqlite_path(url)
    if path is not None:
        _check_sqlite_file(path)
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
