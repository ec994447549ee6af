"""Faults under an open window: the project file moved, deleted or copied while coding, another
program holding the write lock, a full disk. In each, the window acknowledges only what is in the
file, says plainly what was not saved, and keeps its undo stack true to the database."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from tmpfs import mounted_tmpfs

from tests.gui.conftest import ASTRAL_TEXT, add_document, open_window, project_path, set_shortcut, settings  # noqa: F401

TEXT = ASTRAL_TEXT * 40  # room for a few dozen separate codings


@pytest.fixture
def messages(monkeypatch) -> list[str]:
    """What the window's message boxes say (they are modal: recorded instead of shown)."""
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *rest: shown.append(text))
    return shown


def coding_window(qtbot, path: Path, open_window, text: str = TEXT):  # noqa: F811
    set_shortcut(path, "平台与机制/网格化管理", "G")
    document_id = add_document(path, text)
    return open_window(path, document_id)


def code_by_key(qtbot, window, start: int, end: int) -> None:
    view = window.reading
    view.select_span(start, end)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_G)
    qtbot.wait(1)  # let the event loop run once, as it does between a coder's key presses


def annotations_in(path: Path) -> list[tuple[int, int]]:
    """The annotations in the main file alone (read-only, no WAL beside it to help)."""
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return connection.execute('SELECT start_offset, end_offset FROM annotations ORDER BY start_offset').fetchall()
    finally:
        connection.close()


def spans(count: int) -> list[tuple[int, int]]:
    step = len(ASTRAL_TEXT)
    return [(i * step + 8, i * step + 11) for i in range(count)]  # 区网格 in each copy of the line


def test_a_project_moved_under_the_window_refuses_the_next_edit_and_says_where_it_went(
        qtbot, project_path, open_window, messages, tmp_path):  # noqa: F811
    window = coding_window(qtbot, project_path, open_window)
    done = spans(4)
    for start, end in done[:3]:
        code_by_key(qtbot, window, start, end)
    assert window.bench.undo_stack.count() == 3 and not messages
    moved = tmp_path / "elsewhere" / "renamed.govcoder"
    moved.parent.mkdir()
    os.rename(project_path, moved)

    code_by_key(qtbot, window, *done[3])
    (message,) = messages
    assert "moved" in message and str(project_path) in message and str(moved) in message
    assert "not saved" in message
    assert window.bench.undo_stack.count() == 3  # the refused step is not on the stack
    assert len(window.bench.annotations) == 3
    assert "nothing more is saved" in window.status_project.text()
    # Everything acknowledged before the move is in the moved file itself, without its old WAL.
    assert annotations_in(moved) == done[:3]
    assert not project_path.exists()  # nothing was created at the old place

    code_by_key(qtbot, window, *done[3])  # still refused: the window stays stopped until reopened
    assert len(messages) == 2 and window.bench.undo_stack.count() == 3
    window.undo_action.trigger()  # undo is an edit too: refused, and raises nothing
    assert len(messages) == 3 and annotations_in(moved) == done[:3]


def test_a_project_deleted_under_the_window_refuses_the_next_edit(
        qtbot, project_path, open_window, messages):  # noqa: F811
    window = coding_window(qtbot, project_path, open_window)
    first, second = spans(2)
    code_by_key(qtbot, window, *first)
    project_path.unlink()  # a file manager deletes the main file only

    code_by_key(qtbot, window, *second)
    (message,) = messages
    assert "deleted" in message and str(project_path) in message and "not saved" in message
    assert window.bench.undo_stack.count() == 1 and len(window.bench.annotations) == 1
    assert not project_path.exists()  # no empty project was created in its place


def test_a_plain_copy_of_the_main_file_while_the_window_codes_holds_every_acknowledged_coding(
        qtbot, project_path, open_window, tmp_path):  # noqa: F811
    window = coding_window(qtbot, project_path, open_window)
    wanted = spans(25)
    for start, end in wanted:
        code_by_key(qtbot, window, start, end)
    assert window.bench.undo_stack.count() == len(wanted)
    copy = tmp_path / "copied-by-a-file-manager.govcoder"
    shutil.copy(project_path, copy)  # the main file only: the -wal beside it is not copied
    assert annotations_in(copy) == wanted


# --- another program holds the write lock ---------------------------------------------------------


def test_a_locked_project_says_the_change_was_not_saved_and_keeps_the_undo_stack_true(
        qtbot, project_path, open_window, messages):  # noqa: F811
    window = coding_window(qtbot, project_path, open_window)
    bench = window.bench
    first, second = spans(2)
    code_by_key(qtbot, window, *first)
    waiting: list[str] = []
    bench.waiting.connect(waiting.append)

    other = sqlite3.connect(project_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program's write transaction
    try:
        code_by_key(qtbot, window, *second)
        (message,) = messages
        assert "not saved" in message and "another program" in message.lower()
        assert "INSERT" not in message and "SELECT" not in message and "[SQL" not in message
        assert waiting and waiting[0].startswith("Waiting")  # said while it waited, not a silent freeze
        assert bench.undo_stack.count() == 1
        assert [(a.start, a.end) for a in bench.annotations.values()] == [first]
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert annotations_in(project_path) == [first]  # no row for the refused coding

    window.undo_action.trigger()  # the stack is consistent: undo the one real step, no AssertionError
    assert annotations_in(project_path) == []
    window.redo_action.trigger()
    code_by_key(qtbot, window, *second)  # the lock is gone: saved
    assert len(messages) == 1
    assert annotations_in(project_path) == [first, second] and bench.undo_stack.count() == 2


def test_an_unexpected_error_says_saved_only_when_it_is(qtbot, project_path, open_window):  # noqa: F811
    from sqlalchemy.exc import OperationalError

    from desktop_app.gui.shell.app import uncaught_message

    window = coding_window(qtbot, project_path, open_window)
    assert "Your coding so far is saved" in uncaught_message(ValueError("a bug in a slot"))
    locked = OperationalError("INSERT INTO annotations (quote) VALUES (?)", ("社区",),
                              sqlite3.OperationalError("database is locked"))
    said = uncaught_message(locked)
    assert "saved" in said and "so far is saved" not in said and "INSERT" not in said
    window.bench.last_write_failed = True
    assert "so far is saved" not in uncaught_message(ValueError("a bug in a slot"))


# --- a full disk ---------------------------------------------------------------------------------------


@pytest.fixture
def small_disk(tmp_path):
    """A 6 MB file system of its own (tmpfs; needs root), unmounted after the window has closed."""
    with mounted_tmpfs(tmp_path / "small-disk", "6m") as where:
        yield where


def fill(folder: Path) -> Path:
    """Take every free block of the file system (in ever smaller writes, down to one block)."""
    filler = folder / "filler"
    descriptor = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        for size in (1 << 20, 1 << 16, 1 << 12, 1 << 9):
            try:
                while True:
                    os.write(descriptor, b"\0" * size)
            except OSError:
                continue
    finally:
        os.close(descriptor)
    return filler


def test_a_full_disk_says_the_change_was_not_saved_and_keeps_the_undo_stack_true(
        small_disk, qtbot, project_path, open_window, messages):  # noqa: F811
    project = small_disk / "p.govcoder"
    shutil.copy(project_path, project)
    long_text = "社区网格员开展矛盾纠纷调解工作，居民议事会推进协商议事。" * 4000  # 112,000 characters
    window = coding_window(qtbot, project, open_window, long_text)
    code_by_key(qtbot, window, 0, 6)
    filler = fill(small_disk)
    try:
        # The whole article as one span: its quote needs far more room than the WAL already has.
        code_by_key(qtbot, window, 0, len(long_text))
        (message,) = messages
        assert "not saved" in message and "full" in message and "[SQL" not in message
        assert window.bench.undo_stack.count() == 1 and len(window.bench.annotations) == 1
    finally:
        filler.unlink()
    code_by_key(qtbot, window, 0, len(long_text))  # room again: saved
    assert len(messages) == 1 and window.bench.undo_stack.count() == 2
    assert annotations_in(project) == [(0, 6), (0, len(long_text))]
