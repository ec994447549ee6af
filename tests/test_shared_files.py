"""A clone without ../shared skips the tests that need it, by name; CI turns that skip into a failure."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parent

PROBE = '''
from shared_files import require_shared, shared_listing
import pytest

def test_reads_a_missing_file():
    require_shared("no-such-folder", "schema.xsd")

@pytest.mark.parametrize("entry", shared_listing("no-such-folder", "samples"))
def test_per_sample(entry):
    require_shared(entry)
'''


def _run_probe(tmp_path: Path, **env: str) -> subprocess.CompletedProcess:
    (tmp_path / "test_probe.py").write_text(PROBE, encoding="utf-8")
    environment = {k: v for k, v in os.environ.items() if k != "GOVCODER_REQUIRE_SHARED"}
    environment.update(PYTHONPATH=str(TESTS), **env)
    return subprocess.run([sys.executable, "-m", "pytest", "-rs", "-p", "no:cacheprovider", "-q", str(tmp_path)],
                          capture_output=True, text=True, cwd=tmp_path, env=environment, timeout=120)


def test_missing_shared_files_skip_with_the_path_named(tmp_path):
    run = _run_probe(tmp_path)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "2 skipped" in run.stdout
    assert "no-such-folder" in run.stdout and "../shared" in run.stdout


def test_missing_shared_files_fail_when_ci_requires_them(tmp_path):
    run = _run_probe(tmp_path, GOVCODER_REQUIRE_SHARED="1")
    assert run.returncode == 1, run.stdout + run.stderr
    assert "2 failed" in run.stdout and "GOVCODER_REQUIRE_SHARED is set" in run.stdout


def test_ci_requires_the_shared_files():
    ci = (TESTS.parent / ".ci" / "run").read_text(encoding="utf-8")
    assert "GOVCODER_REQUIRE_SHARED=1" in ci and "./dev.sh test" in ci
