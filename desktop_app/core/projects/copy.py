"""Save a copy: a consistent, self-contained copy of an open project file, taken while it is in use.

Copying `PROJECT` with a file manager misses what still lives in `PROJECT-wal`; SQLite's backup API
copies the database as one snapshot, WAL included, through the open connection. The copy is written
beside its destination under a temporary name, checked, and renamed into place, so that a failure
leaves no half-written file under the chosen name; it never writes over the open project.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from desktop_app.core.errors import GovCoderError
from desktop_app.core.store.db_errors import describe_database_error
from desktop_app.core.store.engine import sqlite_path
from desktop_app.core.store.project import Project

_COMPANIONS = ("-wal", "-shm", "-journal")


@dataclass(frozen=True)
class CopyReport:
    path: str
    documents: int
    codes: int
    annotations: int
    bytes: int

    def to_json(self) -> dict:
        return asdict(self)


def _refuse_destination(source: Path, dest: Path, overwrite: bool) -> None:
    if dest.is_dir():
        raise GovCoderError(f"{dest} is a folder: name the file to save the copy in")
    if not dest.parent.is_dir():
        raise GovCoderError(f"no folder {dest.parent} to save the copy in")
    names = {str(source.resolve()), *(str(source.resolve()) + suffix for suffix in _COMPANIONS)}
    if str(dest.resolve()) in names or (dest.exists() and source.exists() and dest.samefile(source)):
        raise GovCoderError(f"{dest} is the open project itself: choose another name for the copy")
    if (dest.exists() or dest.is_symlink()) and not overwrite:
        raise GovCoderError(f"{dest} already exists: choose another name (or --force to replace it)")


def _counts(path: Path) -> tuple[int, int, int]:
    connection = sqlite3.connect(path)
    try:
        check = connection.execute("PRAGMA quick_check").fetchone()[0]
        if check != "ok":
            raise GovCoderError(f"the copy failed its integrity check ({check}); nothing was saved")
        return tuple(connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # type: ignore[return-value]
                     for table in ("documents", "codes", "annotations"))
    finally:
        connection.close()


def _fsync(path: Path) -> None:
    flags = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) if path.is_dir() else os.O_RDONLY
    try:
        descriptor = os.open(path, flags)
    except OSError:
        return  # a folder cannot be opened for syncing on every system
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def save_copy(project: Project, dest: str | Path, *, overwrite: bool = False) -> CopyReport:
    """Copy the open project to `dest` as one consistent snapshot; refuse the project itself, its
    companion files, a folder, and (unless `overwrite`) an existing file."""
    source = sqlite_path(project.url)
    if source is None:
        raise GovCoderError("Save a copy works on a project file; copy a team database with its server's "
                            "tools (pg_dump), or export it with: govcoder export --format qdpx")
    dest = Path(dest).expanduser()
    _refuse_destination(source, dest, overwrite)
    project.check_in_place()
    handle, name = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".partial", dir=dest.parent)
    os.close(handle)
    partial = Path(name)
    try:
        target = sqlite3.connect(partial)
        connection = project.engine.raw_connection()
        try:
            connection.driver_connection.backup(target)  # every page in one step: one snapshot
        finally:
            connection.close()
            target.close()
        documents, codes, annotations = _counts(partial)
        _fsync(partial)
        os.replace(partial, dest)
        _fsync(dest.parent)
    except (sqlite3.Error, SQLAlchemyError) as error:
        raise GovCoderError(f"could not save a copy to {dest}: {describe_database_error(error)}") from None
    except OSError as error:
        raise GovCoderError(f"could not save a copy to {dest}: {error.strerror or error}") from None
    finally:
        for leftover in (partial, *(Path(f"{partial}{suffix}") for suffix in _COMPANIONS)):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()
    return CopyReport(str(dest), documents, codes, annotations, dest.stat().st_size)
