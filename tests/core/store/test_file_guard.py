"""The core's checks behind the window's refusals: the project file's identity, database errors in
words, and the checkpoint that keeps the main file self-contained."""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
import sys

import pytest
from sqlalchemy.exc import OperationalError

from desktop_app.core.store.db_errors import database_error_kind, describe_database_error
from desktop_app.core.store.file_guard import DELETED, MOVED, REPLACED, ProjectFileGone
from desktop_app.core.store.project import open_project
from desktop_app.core.store.wal import checkpoint


def write_something(project) -> None:
    with project.session_factory.begin() as session:
        session.connection().exec_driver_sql("UPDATE codes SET name = name")


def test_the_guard_tells_moved_deleted_and_replaced_apart(sample_project, tmp_path):
    with open_project(sample_project) as project:
        write_something(project)  # a pooled connection keeps the file open, as the window's does
        project.check_in_place()
        moved = tmp_path / "moved.govcoder"
        os.rename(sample_project, moved)
        with pytest.raises(ProjectFileGone) as gone:
            project.check_in_place()
        assert gone.value.how == MOVED and str(sample_project) in str(gone.value)
        if sys.platform.startswith("linux"):
            assert gone.value.now == moved
        os.rename(moved, sample_project)
        with pytest.raises(ProjectFileGone):  # once gone, gone: the project must be opened again
            project.check_in_place()

    with open_project(sample_project) as project:
        write_something(project)
        sample_project.unlink()
        with pytest.raises(ProjectFileGone) as gone:
            project.check_in_place()
        assert gone.value.how == (DELETED if sys.platform.startswith("linux") else MOVED)


def test_a_file_put_in_the_project_s_place_is_noticed(sample_project, tmp_path):
    spare = tmp_path / "spare.govcoder"
    shutil.copy(sample_project, spare)
    with open_project(sample_project) as project:
        write_something(project)
        os.replace(spare, sample_project)  # a sync client writes its version over ours
        with pytest.raises(ProjectFileGone) as gone:
            project.check_in_place()
        assert gone.value.how == REPLACED


def test_database_errors_are_told_in_words_without_sql():
    def wrapped(message: str) -> OperationalError:
        return OperationalError("INSERT INTO annotations (quote) VALUES (?)", ("社区网格员",),
                                sqlite3.OperationalError(message))

    assert database_error_kind(wrapped("database is locked")) == "locked"
    assert "another program" in describe_database_error(wrapped("database is locked"))
    assert "disk" in describe_database_error(wrapped("database or disk is full"))
    assert database_error_kind(OSError(errno.ENOSPC, "No space left on device")) == "full"
    assert database_error_kind(wrapped("attempt to write a readonly database")) == "read-only"
    assert database_error_kind(wrapped("database disk image is malformed")) == "damaged"
    other = describe_database_error(wrapped("UNIQUE constraint failed: codes.name"))
    assert "refused the change" in other
    for error in (wrapped("database is locked"), wrapped("UNIQUE constraint failed: codes.name")):
        said = describe_database_error(error)
        assert "INSERT" not in said and "社区" not in said and "\n" not in said


def test_a_checkpoint_leaves_the_main_file_complete(sample_project, tmp_path):
    with open_project(sample_project) as project:
        for _ in range(3):
            with project.session_factory.begin() as session:
                session.connection().exec_driver_sql("INSERT INTO coders (guid, name, created_at) VALUES (lower(hex(randomblob(16))), 'x' || random(), CURRENT_TIMESTAMP)")
        assert checkpoint(project.engine)
        shutil.copy(sample_project, tmp_path / "copy.govcoder")
    connection = sqlite3.connect(tmp_path / "copy.govcoder")
    try:
        assert connection.execute("SELECT count(*) FROM coders WHERE name LIKE 'x%'").fetchone() == (3,)
    finally:
        connection.close()
