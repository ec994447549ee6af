"""Upgrading a SQLite project as a copy, swapped in only when complete.

SQLite commits each CREATE or ALTER at once, so a migration that failed half-way used to leave a
project stamped with its old revision but holding some of the new tables: every later attempt then
failed ("table segmentations already exists"). Here the project is held exclusively, backed up, copied
beside itself, and the copy is migrated; only a complete, checked copy replaces the project
(`os.replace`, atomic on one file system). On any failure the project is as it was, and the message
names the backup.

The project leaves WAL mode while it is held: a main file is complete without its `-wal` only then,
and SQLite refuses the switch while any other connection has the file open, which is the check that
nobody else is using it. The next normal open puts it back in WAL mode.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import datetime
from pathlib import Path

from desktop_app.core.errors import GovCoderError
from desktop_app.core.store.engine import SQLITE_BUSY_TIMEOUT_MS, make_engine, sqlite_url
from desktop_app.core.store.migrate import MigrationReport, head_revision, refuse_unknown, run_migrations
from desktop_app.core.store.sqlite_file import ProjectDamaged, damaged_message, sqlite_problem

_SIDE_FILES = ("-wal", "-shm", "-journal")


def upgrade_sqlite_copy(path: Path, label: str) -> MigrationReport:
    """Bring the SQLite project at `path` to the head revision, all at once or not at all."""
    while True:
        identity = _identity(path)
        # Copies read the project through this descriptor, opened before the lock and closed after it:
        # closing any descriptor of a file drops all of this process's POSIX locks on it, SQLite's too.
        source = os.open(path, os.O_RDONLY)
        try:
            with _held(path, label) as held:
                if _identity(path) == identity == _identity(source):
                    return _upgrade_held(held, source, path, label)
        finally:
            os.close(source)
        # Another process swapped in its upgrade while this one waited for the lock: look again.


def _identity(file: Path | int) -> tuple[int, int]:
    status = os.fstat(file) if isinstance(file, int) else file.stat()
    return status.st_dev, status.st_ino


@contextmanager
def _held(path: Path, label: str) -> Iterator[sqlite3.Connection]:
    """The project in rollback-journal mode under an exclusive lock: nobody else reads or writes it."""
    connection = _hold(path)
    if connection is None:
        raise GovCoderError(f"{label} must be upgraded to this version of GovCoder, but it is open in "
                            "another window or program; close it there and open it again")
    try:
        yield connection
    finally:
        with suppress(sqlite3.Error):
            connection.execute("ROLLBACK")
        connection.close()


def _hold(path: Path) -> sqlite3.Connection | None:
    # Another process opening the project at the same moment holds it for an instant: wait as long as
    # for any lock. A program that keeps it open keeps it past that.
    deadline = time.monotonic() + SQLITE_BUSY_TIMEOUT_MS / 1000
    while True:
        connection = sqlite3.connect(path, timeout=SQLITE_BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        try:
            if connection.execute("PRAGMA journal_mode=DELETE").fetchone()[0] == "delete":
                connection.execute("BEGIN EXCLUSIVE")
                return connection
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) and "busy" not in str(error):
                connection.close()
                raise
        connection.close()
        if time.monotonic() > deadline:
            return None
        time.sleep(0.05)


def _upgrade_held(held: sqlite3.Connection, source: int, path: Path, label: str) -> MigrationReport:
    head = head_revision()
    current = _revision(held)
    if current == head:
        return MigrationReport(current, head, None)
    tables = {row[0] for row in held.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    refuse_unknown(current, tables, label)
    problem = held.execute("PRAGMA quick_check(1)").fetchone()[0]
    if problem != "ok":  # a damaged file is not upgraded (nor backed up again at every attempt)
        raise ProjectDamaged(damaged_message(label, f"SQLite's check found: {sqlite_problem(problem)}"))
    backup = _backup(source, path, current) if current is not None else None
    work = path.with_name(f".{path.name}.upgrading")
    _remove_with_side_files(work)
    try:
        _copy(source, work)
        notes = _migrate(work, head)
        _fsync(work)
        if Path(f"{path}-journal").exists():
            raise RuntimeError(f"{path.name}-journal appeared beside the project while it was held")
        os.replace(work, path)
        _fsync(path.parent)
    except Exception as error:  # any failure at all leaves the project as it was
        _remove_with_side_files(work)
        kept = f"; a backup of it is at {backup}" if backup else ""
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise GovCoderError(f"could not upgrade {label} from schema {current or 'none'} to {head}: {reason}. "
                            f"The project was not changed{kept}") from error
    return MigrationReport(current, head, backup, notes)


def _revision(connection: sqlite3.Connection) -> str | None:
    try:
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.OperationalError:  # no such table: a new, empty file
        return None
    return row[0] if row else None


def _backup(source: int, path: Path, revision: str) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.backup-{revision}-{stamp}")
    try:
        _copy(source, target)
    except (sqlite3.Error, OSError) as error:
        _remove_with_side_files(target)
        raise GovCoderError(f"{path} must be upgraded to this version of GovCoder, but no backup could be "
                            f"made beside it ({error}); the project was not changed") from None
    return target


def _copy(source: int, target: Path) -> None:
    # Out of WAL mode and under the exclusive lock, the main file is the whole database and nobody can
    # change it, so a plain copy is consistent (SQLite's backup API refuses a source held this way).
    os.lseek(source, 0, os.SEEK_SET)
    with open(source, "rb", closefd=False) as reader, target.open("wb") as writer:
        shutil.copyfileobj(reader, writer, 1024 * 1024)
        writer.flush()
        os.fsync(writer.fileno())


def _migrate(work: Path, head: str) -> tuple[str, ...]:
    engine = make_engine(sqlite_url(work))
    try:
        with engine.begin() as connection:
            notes = run_migrations(connection)
        with engine.connect() as connection:
            if connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() != head:
                raise RuntimeError("the upgraded copy does not record the new schema")
            problem = connection.exec_driver_sql("PRAGMA quick_check").scalar()
            if problem != "ok":
                raise RuntimeError(f"the upgraded copy failed SQLite's check: {problem}")
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        engine.dispose()
    # Out of WAL mode, so that the file swapped in holds everything and no -wal is left behind.
    connection = sqlite3.connect(work, isolation_level=None)
    try:
        if connection.execute("PRAGMA journal_mode=DELETE").fetchone()[0] != "delete":
            raise RuntimeError("the upgraded copy could not leave WAL mode")
    finally:
        connection.close()
    leftovers = [work.name + suffix for suffix in _SIDE_FILES if Path(f"{work}{suffix}").exists()]
    if leftovers:
        raise RuntimeError(f"the upgraded copy left {', '.join(leftovers)} behind")
    return notes


def _fsync(path: Path) -> None:
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _remove_with_side_files(path: Path) -> None:
    for candidate in (path, *(Path(f"{path}{suffix}") for suffix in _SIDE_FILES)):
        with suppress(FileNotFoundError):
            candidate.unlink()
