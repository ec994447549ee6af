"""Engines and sessions: SQLite files for one researcher, any SQLAlchemy URL (PostgreSQL) for a team."""

from __future__ import annotations

import json
import os
import sqlite3
from functools import partial
from pathlib import Path
from urllib.parse import quote

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from desktop_app.core.store.postgres import configure_postgres

# Long enough to wait out another process's commit (a second window, a CLI run), short enough that a
# truly stuck lock is reported instead of hanging the interface.
SQLITE_BUSY_TIMEOUT_MS = 10_000
# Milliseconds, to override it: tests of a locked project need not wait ten seconds for the refusal.
BUSY_TIMEOUT_ENV = "GOVCODER_BUSY_TIMEOUT_MS"


def busy_timeout_ms() -> int:
    value = os.environ.get(BUSY_TIMEOUT_ENV, "")
    return int(value) if value.isdigit() else SQLITE_BUSY_TIMEOUT_MS


def sqlite_url(path: str | Path) -> str:
    return f"sqlite:///{Path(path).expanduser().resolve()}"


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def sqlite_path(url: str) -> Path | None:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def _configure_sqlite(dbapi_connection, _record, *, writable: bool = True) -> None:
    # Every connection, not just the first: foreign keys are off by default per connection.
    cursor = dbapi_connection.cursor()
    if writable:
        cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={busy_timeout_ms()}")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


# JSON columns hold mostly Chinese (cleaning records, metadata): written as UTF-8 rather than \uXXXX
# escapes and without padding they take about half the space, and any JSON reader reads them alike.
_json_serializer = partial(json.dumps, ensure_ascii=False, separators=(",", ":"))


def read_only_uri(path: Path, *, immutable: bool) -> str:
    """SQLite's URI for reading `path` without ever writing it; `immutable` also skips the -shm file
    (which a read-only file system cannot hold) and locking, so only for files nobody can change."""
    return f"file:{quote(str(path))}?mode=ro" + ("&immutable=1" if immutable else "")


def make_engine(url: str, *, read_only: str | None = None) -> Engine:
    """An engine for `url`; `read_only` is a SQLite URI from `read_only_uri` to open the file through."""
    if is_sqlite(url):
        if read_only is not None:
            uri = read_only

            def connect() -> sqlite3.Connection:
                return sqlite3.connect(uri, uri=True, timeout=busy_timeout_ms() / 1000,
                                       check_same_thread=False)

            engine = create_engine(url, creator=connect, json_serializer=_json_serializer)
            event.listen(engine, "connect", partial(_configure_sqlite, writable=False))
            return engine
        engine = create_engine(url, connect_args={"timeout": busy_timeout_ms() / 1000},
                               json_serializer=_json_serializer)
        event.listen(engine, "connect", _configure_sqlite)
        return engine
    engine = create_engine(url, pool_pre_ping=True, json_serializer=_json_serializer)
    configure_postgres(engine)
    return engine


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    # expire_on_commit=False: services return plain data built inside the transaction anyway, and
    # this keeps a read after commit from silently opening a second transaction.
    return sessionmaker(engine, expire_on_commit=False)
