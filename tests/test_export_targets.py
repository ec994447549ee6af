"""An export never writes over the open project, a database, a link or anything but an ordinary file.

One mistyped name (`export --format csv -o study.govcoder`) used to replace the project with a CSV
file and exit 0. Each refusal is one line, exit 1, and leaves every file exactly as it was.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import stat
from pathlib import Path

import pytest
from test_cli import assert_clean_failure

from desktop_app.core.errors import GovCoderError
from desktop_app.core.output_files import atomic_path

FORMATS = ("qdpx", "qdc", "csv", "matrix", "json", "xlsx")


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def documents_in(path: Path) -> int:
    with sqlite3.connect(path) as connection:
        return connection.execute("SELECT count(*) FROM documents").fetchone()[0]


def no_leftovers(folder: Path) -> bool:
    return not list(folder.glob("*.partial")) and not list(folder.glob(".*.partial"))


@pytest.fixture
def study(sample_project, tmp_path) -> Path:
    path = tmp_path / "study.govcoder"
    sample_project.rename(path)
    return path


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_over_the_open_project_is_refused_in_every_format(govcoder, study, tmp_path, fmt):
    before = digest(study)
    result = govcoder("--project", "study.govcoder", "export", "--format", fmt, "-o", "study.govcoder")
    assert_clean_failure(result, mentions="study.govcoder is the open project")
    assert digest(study) == before and documents_in(study) == 5
    assert no_leftovers(tmp_path)


@pytest.mark.parametrize("spelling", ["./study.govcoder", "sub/../study.govcoder", "{abs}", "hard.govcoder"])
def test_every_spelling_of_the_project_and_a_hard_link_to_it_are_refused(govcoder, study, tmp_path, spelling):
    (tmp_path / "sub").mkdir()
    os.link(study, tmp_path / "hard.govcoder")
    before = digest(study)
    result = govcoder("--project", "study.govcoder", "export", "--format", "json",
                      "-o", spelling.format(abs=study))
    assert_clean_failure(result, mentions="is the open project")
    assert digest(study) == before and documents_in(study) == 5


def test_the_project_s_journal_files_are_refused(govcoder, study, tmp_path):
    result = govcoder("--project", "study.govcoder", "export", "--format", "csv", "-o", "study.govcoder-wal")
    assert_clean_failure(result, mentions="a file of the open project")
    assert not (tmp_path / "study.govcoder-wal").exists()


def test_another_database_is_refused(govcoder, study, sample_project_template, tmp_path):
    other = tmp_path / "other.govcoder"
    shutil.copy(sample_project_template, other)
    before = digest(other)
    result = govcoder("--project", "study.govcoder", "export", "--format", "xlsx", "-o", "other.govcoder")
    assert_clean_failure(result, mentions="other.govcoder is a database")
    assert digest(other) == before


def test_a_symbolic_link_is_refused_and_neither_it_nor_its_target_changes(govcoder, study, tmp_path):
    target = tmp_path / "notes.txt"
    target.write_text("my notes", encoding="utf-8")
    (tmp_path / "out.csv").symlink_to(target)
    result = govcoder("--project", "study.govcoder", "export", "--format", "csv", "-o", "out.csv")
    assert_clean_failure(result, mentions="out.csv is a symbolic link")
    assert (tmp_path / "out.csv").is_symlink() and target.read_text(encoding="utf-8") == "my notes"


def test_a_link_to_the_project_is_refused(govcoder, study, tmp_path):
    (tmp_path / "link.csv").symlink_to(study)
    before = digest(study)
    assert_clean_failure(govcoder("--project", "study.govcoder", "export", "--format", "csv", "-o", "link.csv"))
    assert digest(study) == before and (tmp_path / "link.csv").is_symlink()


# The real /dev/stdout and /dev/null are never used here: where the guard is broken, a test run as
# root would replace them with regular files for the whole machine (as the old code did).


def test_a_link_like_dev_stdout_is_never_replaced(govcoder, study, tmp_path):
    # /dev/stdout is a symbolic link to /proc/self/fd/1; renaming over it replaced the link itself.
    (tmp_path / "stdout").symlink_to("/proc/self/fd/1")
    result = govcoder("--project", "study.govcoder", "export", "--format", "csv", "-o", "stdout")
    assert_clean_failure(result, mentions="symbolic link")
    assert os.readlink(tmp_path / "stdout") == "/proc/self/fd/1"


@pytest.mark.parametrize("kind", ["fifo", "device", "folder"])
def test_a_fifo_a_device_and_a_folder_are_refused(govcoder, study, tmp_path, kind):
    if kind == "fifo":
        os.mkfifo(tmp_path / "pipe.csv")
        out, mentions = "pipe.csv", "not an ordinary file"
    elif kind == "device":
        if os.geteuid() != 0:
            pytest.skip("making a device node (a copy of /dev/null) needs root")
        os.mknod(tmp_path / "null", stat.S_IFCHR | 0o666, os.makedev(1, 3))
        out, mentions = "null", "not an ordinary file"
    else:
        (tmp_path / "folder.csv").mkdir()
        out, mentions = "folder.csv", "is a folder"
    before = os.lstat(tmp_path / out).st_mode
    result = govcoder("--project", "study.govcoder", "export", "--format", "csv", "-o", out)
    assert_clean_failure(result, mentions=mentions)
    assert os.lstat(tmp_path / out).st_mode == before


def test_an_ordinary_export_still_replaces_an_earlier_one(govcoder, study, tmp_path):
    out = tmp_path / "out.csv"
    out.write_text("an older export\n", encoding="utf-8")
    out.chmod(0o640)
    result = govcoder("--project", "study.govcoder", "export", "--format", "csv", "-o", "out.csv")
    assert result.returncode == 0, result.stderr
    assert out.read_text(encoding="utf-8-sig").startswith("annotation_id,")
    assert out.stat().st_mode & 0o777 == 0o640  # the file it replaced kept its permissions
    assert no_leftovers(tmp_path)


def test_a_new_export_gets_the_usual_permissions(govcoder, study, tmp_path):
    result = govcoder("--project", "study.govcoder", "export", "--format", "json", "-o", "new.json")
    assert result.returncode == 0, result.stderr
    umask = os.umask(0)
    os.umask(umask)
    assert (tmp_path / "new.json").stat().st_mode & 0o777 == 0o666 & ~umask


@pytest.mark.parametrize("name", ["study.govcoder.csv", "study.govcoder.json", "study.govcoder.qdc"])
def test_codebook_export_gets_the_same_protection(govcoder, study, tmp_path, name):
    os.link(study, tmp_path / name)
    before = digest(study)
    result = govcoder("--project", "study.govcoder", "codebook", "export", name)
    assert_clean_failure(result, mentions="is the open project")
    assert digest(study) == before and documents_in(study) == 5


def test_a_failed_export_leaves_no_half_file(tmp_path):
    out = tmp_path / "out.csv"
    out.write_text("the earlier export", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_path(out) as partial:
        partial.write_text("half of", encoding="utf-8")
        raise RuntimeError("the export failed part-way")
    assert out.read_text(encoding="utf-8") == "the earlier export" and no_leftovers(tmp_path)


def test_a_target_swapped_for_a_link_while_writing_is_not_replaced(tmp_path):
    out, notes = tmp_path / "out.csv", tmp_path / "notes.txt"
    notes.write_text("keep", encoding="utf-8")
    with pytest.raises(GovCoderError, match="symbolic link"), atomic_path(out) as partial:
        partial.write_text("export", encoding="utf-8")
        out.symlink_to(notes)
    assert out.is_symlink() and notes.read_text(encoding="utf-8") == "keep" and no_leftovers(tmp_path)
