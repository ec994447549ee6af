"""Fixtures shared by the whole suite: an isolated user environment, the sample project built once,
the CLI as a user types it, and a real PostgreSQL server for team mode."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import settings

# In CI, property tests explore the same examples every run, so a red build always means a change.
settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    settings.load_profile("ci")

REPO = Path(__file__).resolve().parent.parent
GOVCODER = Path(sys.executable).with_name("govcoder")


@pytest.fixture(autouse=True)
def isolated_user(tmp_path_factory, monkeypatch):
    """Keep every test away from the real user's data folder, settings and database choice."""
    home = tmp_path_factory.mktemp("user")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("GOVCODER_CODER", "tester")
    monkeypatch.delenv("GOVCODER_DB", raising=False)
    return home


@pytest.fixture(scope="session")
def sample_project_template(tmp_path_factory) -> Path:
    """The sample project (seeds + default codebook), built once per run; copy it, never change it."""
    from desktop_app.core.projects.new_project import init_project

    path = tmp_path_factory.mktemp("template") / "sample.govcoder"
    init_project(path, sample=True).close()
    return path


@pytest.fixture
def sample_project(sample_project_template, tmp_path) -> Path:
    target = tmp_path / "sample.govcoder"
    shutil.copy(sample_project_template, target)
    return target


@dataclass
class CliResult:
    returncode: int
    stdout: str
    stderr: str

    def json(self):
        return json.loads(self.stdout)


@pytest.fixture
def govcoder(tmp_path):
    """Run the installed `govcoder` command as a user would type it."""

    def run(*args: str, env: dict[str, str] | None = None, cwd: Path | None = None) -> CliResult:
        completed = subprocess.run(
            [str(GOVCODER), *args], capture_output=True, text=True, encoding="utf-8",
            cwd=cwd or tmp_path, env={**os.environ, **(env or {})}, timeout=300,
        )
        return CliResult(completed.returncode, completed.stdout, completed.stderr)

    return run


# --- PostgreSQL ----------------------------------------------------------------------------------


def _pg_bin() -> Path | None:
    found = shutil.which("pg_ctl")
    if found:
        return Path(found).parent
    candidates = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"))
    return candidates[-1].parent if candidates else None


@pytest.fixture(scope="session")
def postgres_server(tmp_path_factory):
    """A throwaway PostgreSQL cluster on a free local port, or $GOVCODER_TEST_PG_URL if set."""
    if os.environ.get("GOVCODER_TEST_PG_URL"):
        yield os.environ["GOVCODER_TEST_PG_URL"].rstrip("/")
        return
    bin_dir = _pg_bin()
    if bin_dir is None:
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL is not installed; ./dev.sh test installs it on Debian")
        pytest.skip("PostgreSQL is not installed")
    import socket
    import tempfile

    as_postgres: list[str] = []
    base = Path(tempfile.mkdtemp(prefix="govcoder-pg-"))
    if os.geteuid() == 0:  # initdb refuses to run as root
        shutil.chown(base, "postgres")
        as_postgres = ["runuser", "-u", "postgres", "--"]
    data, log = base / "data", base / "server.log"
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    subprocess.run([*as_postgres, str(bin_dir / "initdb"), "-D", str(data), "-U", "govcoder", "-A", "trust",
                    "-E", "UTF8", "--no-locale"], check=True, capture_output=True)
    subprocess.run([*as_postgres, str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(log), "-w",
                    "-o", f"-p {port} -k {base} -c listen_addresses=127.0.0.1 -c fsync=off", "start"],
                   check=True, capture_output=True)
    try:
        yield f"postgresql+psycopg://govcoder@127.0.0.1:{port}"
    finally:
        subprocess.run([*as_postgres, str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "fast", "stop"],
                       capture_output=True)
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture
def postgres_url(postgres_server, request) -> str:
    """A fresh, empty database on the test server for one test."""
    import uuid

    from sqlalchemy import create_engine, text

    name = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(f"{postgres_server}/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    yield f"{postgres_server}/{name}"
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()
