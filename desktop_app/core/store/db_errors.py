"""Database errors in words: what happened to the project and what to do, never the SQL.

`database_error_kind` names the kind (for callers that word it themselves, such as the translated
window); `describe_database_error` gives one line for the user.
"""

from __future__ import annotations

import errno
import sqlite3

from sqlalchemy.exc import DBAPIError, SQLAlchemyError

LOCKED, FULL, READ_ONLY, DAMAGED, UNREACHABLE, OTHER = (
    "locked", "full", "read-only", "damaged", "unreachable", "other")

_SIGNS = (
    (LOCKED, ("database is locked", "database table is locked", "lock timeout", "could not obtain lock",
              "locknotavailable", "deadlock detected")),
    (FULL, ("database or disk is full", "no space left", "disk quota exceeded", "diskfull")),
    (READ_ONLY, ("readonly database", "read-only", "read only")),
    (DAMAGED, ("malformed", "file is not a database", "not a database", "corrupt")),
    (UNREACHABLE, ("unable to open database", "disk i/o error", "connection refused", "server closed",
                   "could not connect", "connection to server", "terminating connection")),
)

_WORDS = {
    LOCKED: "the project is being written by another program (another GovCoder window or a govcoder "
            "command); try again when it has finished",
    FULL: "the disk holding the project is full; free some space and try again",
    READ_ONLY: "the project cannot be written (a read-only file, folder or database user)",
    DAMAGED: "the project file is damaged; work on a copy and restore it from a backup",
    UNREACHABLE: "the project cannot be reached (a moved or deleted file, a disconnected drive, or a "
                 "database server that is down)",
}


def is_database_error(error: BaseException) -> bool:
    return isinstance(error, SQLAlchemyError | sqlite3.Error)


def _reason(error: BaseException) -> BaseException:
    return error.orig if isinstance(error, DBAPIError) and error.orig is not None else error


def database_error_kind(error: BaseException) -> str:
    reason = _reason(error)
    if isinstance(reason, OSError) and reason.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return FULL
    if isinstance(reason, OSError) and reason.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return READ_ONLY
    text = f"{type(reason).__name__} {reason}".lower()
    for kind, signs in _SIGNS:
        if any(sign in text for sign in signs):
            return kind
    return OTHER


def describe_database_error(error: BaseException) -> str:
    """One line: the kind in words, or the driver's first line (which names a constraint or table,
    never the statement or its parameters)."""
    kind = database_error_kind(error)
    if kind in _WORDS:
        return _WORDS[kind]
    first = (str(_reason(error)).strip().splitlines() or [""])[0]
    return f"the database refused the change: {first}" if first else f"the database failed ({type(error).__name__})"
