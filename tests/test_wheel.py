"""GovCoder installed from its wheel finds its codebook, seeds and migrations without the checkout."""

from __future__ import annotations

import json
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "hatchling", "build", "-t", "wheel", "-d", str(out)],
                   cwd=REPO, check=True, capture_output=True)
    (built,) = out.glob("govcoder-*.whl")
    return built


def test_the_wheel_carries_data_and_nothing_of_the_checkout(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    assert "desktop_app/_data/resources/codebooks/governance.json" in names
    assert any(n.startswith("desktop_app/_data/db/versions/") and n.endswith(".py") for n in names)
    assert "desktop_app/_data/db/env.py" in names
    assert sum(n.startswith("desktop_app/_data/seeds/") and n.endswith(".txt") for n in names) == 5
    assert not [n for n in names if n.startswith((".venv", "tests/")) or "__pycache__" in n]


@pytest.mark.slow
def test_govcoder_runs_from_a_fresh_virtual_environment(wheel, tmp_path):
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "-q",
                    str(wheel)], check=True, capture_output=True)
    # Dependencies come from this environment's site-packages (the machine has no network to spare for
    # a second copy of Qt); the checkout itself is not on the new environment's path.
    site = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          capture_output=True, text=True, check=True).stdout.strip()
    Path(site, "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    workdir = tmp_path / "elsewhere"
    workdir.mkdir()

    where = subprocess.run([str(python), "-c", "import desktop_app; print(desktop_app.__file__)"],
                           capture_output=True, text=True, check=True, cwd=workdir).stdout
    assert where.startswith(str(venv)), where

    govcoder = venv / "bin" / "govcoder"
    made = subprocess.run([str(govcoder), "--project", "p.govcoder", "init", "--sample", "--json"],
                          capture_output=True, text=True, cwd=workdir)
    assert made.returncode == 0, made.stderr
    assert json.loads(made.stdout)["documents"] == 5
    codes = subprocess.run([str(govcoder), "--project", "p.govcoder", "codebook", "list", "--json"],
                           capture_output=True, text=True, cwd=workdir, check=True)
    assert len(json.loads(codes.stdout)) > 5
