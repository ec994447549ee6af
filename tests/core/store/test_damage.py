"""A damaged project is refused on open in one line, instead of being read as if it were healthy."""

from __future__ import annotations

import os
import random
import shutil

import pytest

PAGE = 4096


def damage_pages(path, first_page: int, pages: int, seed: int = 7) -> None:
    """Write garbage over whole pages, as a failing disk or a bad copy does."""
    with path.open("r+b") as handle:
        handle.seek(first_page * PAGE)
        handle.write(random.Random(seed).randbytes(pages * PAGE))


@pytest.fixture
def damaged_project(sample_project, tmp_path):
    copy = tmp_path / "damaged.govcoder"
    shutil.copy(sample_project, copy)
    damage_pages(copy, os.path.getsize(copy) // PAGE // 2, 3)
    return copy


@pytest.mark.parametrize("command", [["docs"], ["stats", "--json"], ["show", "1"], ["codebook", "list"]])
def test_commands_on_a_damaged_project_say_it_is_damaged_in_one_line(govcoder, damaged_project, command):
    result = govcoder("--project", str(damaged_project), *command)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith(f"govcoder: error: {damaged_project} is damaged (")
    assert f"run `govcoder --project {damaged_project} check` to see what is affected" in result.stderr


def test_a_copy_cut_short_is_recognised_from_its_header(govcoder, sample_project, tmp_path):
    copy = tmp_path / "half.govcoder"
    data = sample_project.read_bytes()
    copy.write_bytes(data[: len(data) // 2 // PAGE * PAGE])  # whole pages: only the header can tell
    result = govcoder("--project", str(copy), "docs")
    assert result.returncode == 1 and result.stderr.count("\n") == 1
    assert "is damaged (it holds" in result.stderr and "it was cut short" in result.stderr


def test_the_damage_message_names_the_latest_backup(govcoder, damaged_project):
    backup = damaged_project.with_name(f"{damaged_project.name}.backup-0002-20260101-120000")
    backup.write_bytes(b"")
    result = govcoder("--project", str(damaged_project), "docs")
    assert f"restore it from its backup ({backup.name})" in result.stderr


def test_a_healthy_project_opens_as_before(govcoder, sample_project):
    result = govcoder("--project", str(sample_project), "docs")
    assert result.returncode == 0 and result.stderr == ""
