"""A real read-only file system for the store's tests (a tmpfs remounted read-only, as root)."""

from __future__ import annotations

import subprocess

import pytest
from tmpfs import mounted_tmpfs


@pytest.fixture
def read_only_mount(tmp_path):
    """A folder on its own file system, and a function that remounts it read-only. As root, chmod
    does not stop writes, so only a read-only mount reproduces a project on a read-only medium."""
    with mounted_tmpfs(tmp_path / "medium", "64m") as folder:

        def make_read_only() -> None:
            subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True, capture_output=True)

        yield folder, make_read_only
