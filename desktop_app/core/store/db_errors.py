"""Database errors in words: what went wrong and what to do, in one line, never SQL or parameters.

SQLAlchemy's own text of an error holds the statement, its parameters (document text, names) and a
link; the drivers' texts are terse ("database is locked", "file is not a database"). `describe` turns
any SQLAlchemy, sqlite3 or psycopg error into one sentence for the user, the CLI prints it after
`govcoder: error:`, and the window can show the same words; `kind` names the case, for a caller that
wants its own (translated) words. The details stay in the exception, shown with GOVCODER_DEBUG=1.
"""

from __future__ import annotations

import errno
import os
import re
import shutil
import sqlite3
import sys
from pathlib import Path

from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlalchemy.exc import TimeoutError as PoolTimeout

_FULL_BELOW = 1 << 20  # bytes free below which a disk error on the project's disk is taken for a full disk
# SQLite's primary result codes (the low byte of an extended code).
_SQLITE_KINDS = {5: "locked", 6: "locked", 8: "read-only", 3: "permission", 10: "io", 11: "corrupt",
                 13: "full", 14: "cannot-open", 26: "corrupt", 19: "conflict", 7: "memory"}
_SQLITE_TEXTS = (  # for errors raised without a code (older Pythons, SQLAlchemy's own)
    ("database is locked", "locked"), ("database table is locked", "locked"),
    ("readonly database", "read-only"), ("disk is full", "full"), ("disk image is malformed", "corrupt"),
    ("file is not a database", "corrupt"), ("unable to open database", "cannot-open"),
    ("disk i/o error", "io"), ("constraint failed", "conflict"),
)
# PostgreSQL SQLSTATEs (exact, then by class: the first two characters).
_PG_STATES = {"3D000": "no-database", "28P01": "login", "28000": "login", "42501": "permission",
              "25006": "read-only", "53100": "full", "53200": "memory", "53300": "busy-server",
              "55P03": "locked", "57014": "timeout", "40P01": "locked", "40001": "locked",
              "57P01": "server-stopped", "57P02": "server-stopped", "57P03": "server-stopped",
              "42P01": "not-a-project", "22021": "bad-text", "22P05": "bad-text"}
_PG_CLASSES = {"08": "unreachable", "23": "conflict", "53": "full", "58": "io", "XX": "corrupt"}
_PG_TEXTS = (
    (r'database "[^"]*" does not exist', "no-database"), (r"password authentication failed", "login"),
    (r"no password supplied", "login"), (r'role "[^"]*" does not exist', "login"),
    (r"Connection refused|could not translate host name|Name or service not known|timeout expired|"
     r"No route to host|Network is unreachable|server closed the connection", "unreachable"),
    (r"cannot contain NUL", "bad-text"),
)

_WORDS = {
    "locked": "the project is locked by another program (another GovCoder window or command is writing "
              "to it); try again when it has finished",
    "read-only": "the project cannot be changed: its file, its folder or the disk it is on is read-only; "
                 "copy it to a folder you can write to, or ask for write access",
    "permission": "the project cannot be used: access to its file or folder was denied; check its "
                  "permissions, or ask the database's administrator for the rights",
    "full": "the disk holding the project is full; free some space and try again",
    "memory": "the database ran out of memory; close other programs and try again",
    "io": "the disk reported an error while reading or writing the project; check the disk (or the "
          "network share) and try again",
    "corrupt": "the project file is damaged (it is not a readable SQLite database any more); restore it "
               "from a backup copy (GovCoder keeps PROJECT.backup-* copies beside it when upgrading)",
    "cannot-open": "the project file cannot be opened (its folder is missing or cannot be reached); check "
                   "the path",
    "conflict": "the database refused the change because it conflicts with what is already stored (a "
                "name or reference that must be unique or must exist); nothing was changed",
    "no-database": "the database {name}does not exist on the server; create it first (for example with "
                   "createdb) or correct the name in the URL",
    "login": "the database server refused the login; check the user name and password in the URL (or "
             "in ~/.pgpass)",
    "unreachable": "the database server cannot be reached{where}; check that it is running and that the "
                   "host and port in the URL are right",
    "busy-server": "the database server has no connection to spare; try again in a moment",
    "timeout": "the database took too long and the request was cancelled; try again",
    "server-stopped": "the database server is shutting down or restarting; try again in a moment",
    "not-a-project": "the database is not a GovCoder project (its tables are missing); create one there "
                     "with: govcoder --db URL init",
    "bad-text": "the database cannot store some of the text (it holds a character such as NUL that this "
                "database refuses); nothing was changed",
}
_GENERIC = "the database reported an error ({what}); nothing more is known in words: run the command again " \
           "with GOVCODER_DEBUG=1 for the details to report"


def is_database_error(error: BaseException) -> bool:
    if isinstance(error, SQLAlchemyError | sqlite3.Error):
        return True
    psycopg = sys.modules.get("psycopg")  # only loaded by a PostgreSQL URL; never imported here for this
    return psycopg is not None and isinstance(error, psycopg.Error)


def kind(error: BaseException, database: str | Path | None = None) -> str:
    """A short name for the case: locked, read-only, full, corrupt, no-database, ... or unknown.
    `database` is the project's SQLite file, where known: it tells a read-only file or disk (SQLite
    says only that it cannot open a WAL database there) from a missing folder."""
    found = _classify(error)[0]
    if found in ("cannot-open", "io") and database is not None:
        if _read_only(Path(database)):
            return "read-only"
        if found == "io" and _nearly_full(Path(database).parent):
            return "full"  # SQLite says "disk I/O error" when not even its shared-memory file fits
    return found


def _read_only(database: Path) -> bool:
    # access(2) answers EROFS for a read-only file system even to root, whom file modes do not stop.
    return database.exists() and not (os.access(database, os.W_OK) and os.access(database.parent, os.W_OK))


def _nearly_full(folder: Path) -> bool:
    try:
        return shutil.disk_usage(folder).free < _FULL_BELOW
    except OSError:
        return False


def describe(error: BaseException, database: str | Path | None = None) -> str:
    """One line in words with what to do; never SQL, parameters or stored text."""
    found, driver = kind(error, database), _driver_error(error)
    if found == "no-database":
        name = re.search(r'database "([^"]*)" does not exist', str(driver))
        return _WORDS[found].format(name=f'"{name.group(1)}" ' if name else "")
    if found == "unreachable":
        where = re.search(r'server at "([^"]+)", port (\d+)', str(driver))
        return _WORDS[found].format(where=f" at {where.group(1)}:{where.group(2)}" if where else "")
    if found in _WORDS:
        return _WORDS[found]
    return _GENERIC.format(what=_name_of(driver))


def _classify(error: BaseException) -> tuple[str, BaseException]:
    driver = _driver_error(error)
    if isinstance(driver, sqlite3.Error):
        return _sqlite_kind(driver), driver
    state = getattr(driver, "sqlstate", None)
    if isinstance(state, str) and state:
        found = _PG_STATES.get(state) or _PG_CLASSES.get(state[:2])
        if found:
            return found, driver
    if isinstance(driver, PoolTimeout):
        return "busy-server", driver
    first = _first_line(driver)
    for pattern, found in _PG_TEXTS:
        if re.search(pattern, first if found != "unreachable" else str(driver)):
            return found, driver
    return "unknown", driver


def _driver_error(error: BaseException) -> BaseException:
    """The driver's own exception inside SQLAlchemy's wrapper, or the error itself."""
    if isinstance(error, DBAPIError) and error.orig is not None:
        return error.orig
    return error


def _sqlite_kind(error: sqlite3.Error) -> str:
    code = getattr(error, "sqlite_errorcode", None)
    if isinstance(code, int) and (code & 0xFF) in _SQLITE_KINDS:
        return _SQLITE_KINDS[code & 0xFF]
    text = _first_line(error).lower()
    for fragment, found in _SQLITE_TEXTS:
        if fragment in text:
            return found
    return "unknown"


def _first_line(error: BaseException) -> str:
    lines = str(error).strip().splitlines()
    return lines[0] if lines else ""


def _name_of(error: BaseException) -> str:
    """The driver and its error code, which say enough to a maintainer and nothing of the data."""
    module = type(error).__module__.split(".")[0]
    code = getattr(error, "sqlite_errorname", None) or getattr(error, "sqlstate", None)
    return f"{module} {type(error).__name__}" + (f" {code}" if code else "")


# --- the window's coarser kinds, which it words in its own translated sentences -------------------

LOCKED, FULL, READ_ONLY, DAMAGED, UNREACHABLE, OTHER = (
    "locked", "full", "read-only", "damaged", "unreachable", "other")
_WINDOW_KINDS = {
    "locked": LOCKED, "timeout": LOCKED, "full": FULL, "read-only": READ_ONLY, "permission": READ_ONLY,
    "corrupt": DAMAGED, "cannot-open": UNREACHABLE, "unreachable": UNREACHABLE, "server-stopped": UNREACHABLE,
    "io": UNREACHABLE,
}


def database_error_kind(error: BaseException, database: str | Path | None = None) -> str:
    """One of LOCKED, FULL, READ_ONLY, DAMAGED, UNREACHABLE or OTHER."""
    if isinstance(error, OSError) and not isinstance(error, sqlite3.Error):
        if error.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
            return FULL
        if error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            return READ_ONLY
        return UNREACHABLE
    return _WINDOW_KINDS.get(kind(error, database), OTHER)


def describe_database_error(error: BaseException, database: str | Path | None = None) -> str:
    """The one line `describe` gives, also for a plain OSError from the file system."""
    if isinstance(error, OSError) and not isinstance(error, sqlite3.Error):
        return {FULL: _WORDS["full"], READ_ONLY: _WORDS["read-only"]}.get(
            database_error_kind(error), _WORDS["io"])
    return describe(error, database)
