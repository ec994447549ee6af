"""A real read-only file system for the store's tests (a tmpfs remounted read-only, as root)."""

from __future__ import annotations

import os
import subprocess

import pytest


@pytest.fixture
def read_only_mount(tmp_path):
    """A folder on its own file system, and a function that remounts it read-only. As root, chmod
    does not stop writes, so only a read-only mount reproduces a project on a read-only medium."""
    if os.geteuid() != 0:
        pytest.skip("mounting a read-only file system needs root")
    folder = tmp_path / "medium"
    folder.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", str(folder)],
                             capture_output=True, text=True)
    if mounted.returncode != 0:
        pytest.skip(f"this machine does not allow mounting a file system: {mounted.stderr.strip()}")

    def make_read_only() -> None:
        subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True, capture_output=True)

    try:
        yield folder, make_read_only
    finally:
        if subprocess.run(["umount", str(folder)], capture_output=True).returncode != 0:
            subprocess.run(["umount", "-l", str(folder)], capture_output=True)
