"""The house's layering is enforced, not only described: import-linter's contracts (pyproject.toml)
hold for the code as it is, and break when a forbidden import is added."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def _lint(root: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(root)}
    return subprocess.run([str(LINT_IMPORTS), "--config", str(root / "pyproject.toml"), "--no-cache"],
                          capture_output=True, text=True, cwd=root, env=env, timeout=300)


def test_every_import_contract_is_kept():
    run = _lint(REPO)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "Contracts: 5 kept, 0 broken." in run.stdout
    for contract in ("The core never imports Qt", "The GUI's rooms form layers", "CLI command groups",
                     "import each other without cycles", "The CLI never imports the GUI"):
        assert contract in run.stdout


@pytest.fixture
def copy_of_the_code(tmp_path) -> Path:
    shutil.copytree(REPO / "desktop_app", tmp_path / "desktop_app",
                    ignore=shutil.ignore_patterns("__pycache__", "_data"))
    shutil.copy(REPO / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def _add_line(path: Path, line: str) -> None:
    text = path.read_text(encoding="utf-8")
    anchor = "from __future__ import annotations\n"
    path.write_text(text.replace(anchor, anchor + line + "\n", 1), encoding="utf-8")


def test_a_qt_import_in_the_core_breaks_the_build(copy_of_the_code):
    _add_line(copy_of_the_code / "desktop_app/core/annotate/operations.py", "import PySide6.QtCore  # noqa")
    run = _lint(copy_of_the_code)
    assert run.returncode != 0
    assert "The core never imports Qt, the GUI or the CLI BROKEN" in run.stdout
    assert "desktop_app.core.annotate.operations -> PySide6" in run.stdout


def test_a_lower_room_naming_the_main_window_even_for_typing_breaks_the_build(copy_of_the_code):
    _add_line(copy_of_the_code / "desktop_app/gui/reading/view.py",
              "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
              "    from desktop_app.gui.shell.main_window import MainWindow  # noqa")
    run = _lint(copy_of_the_code)
    assert run.returncode != 0
    assert "BROKEN" in run.stdout and "desktop_app.gui.reading.view -> desktop_app.gui.shell.main_window" in run.stdout
