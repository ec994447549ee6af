"""Database errors reach the user as one line in words with what to do, never as SQL with parameters.

Each case is the real thing: a second connection holding the write lock, a read-only file system and
a full one (a bind mount and a small tmpfs in a private mount namespace, as root), a damaged file, a
PostgreSQL database that does not exist and one whose tables are gone.
"""

from __future__ import annotations

import os
import random
import shutil
import socket
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from desktop_app.core.store.db_errors import describe, kind

GOVCODER = Path(sys.executable).with_name("govcoder")
FAST_LOCK = {"GOVCODER_BUSY_TIMEOUT_MS": "50"}  # the refusal after 50 ms, not the usual 10 s
SQL_WORDS = ("SELECT", "INSERT", "UPDATE", "[SQL", "parameters", "sqlalche.me", "Traceback")


def assert_one_line_in_words(stderr: str, *mentions: str) -> str:
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("govcoder: error: "), stderr
    for word in SQL_WORDS:
        assert word not in lines[0], stderr
    for mention in mentions:
        assert mention in lines[0], stderr
    return lines[0]


@pytest.fixture
def locked(sample_project):
    """The sample project with another program's write transaction open on it."""
    holder = sqlite3.connect(sample_project, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    yield sample_project
    holder.rollback()
    holder.close()


def test_a_locked_project_is_one_line_saying_who_holds_it_and_what_to_do(govcoder, locked):
    result = govcoder("--project", str(locked), "annotate", "1", "0", "2", "五治/法治", env=FAST_LOCK)
    assert result.returncode == 1
    assert_one_line_in_words(result.stderr, "the project is locked by another program", "try again")


def test_an_import_into_a_locked_project_stops_with_the_reason_for_each_file(govcoder, locked, tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    for number in range(3):
        (folder / f"{number}.txt").write_text(f"第{number}篇：社区网格员开展矛盾纠纷调解工作。", encoding="utf-8")
    result = govcoder("--project", str(locked), "import", str(folder), "--json", env=FAST_LOCK)
    assert result.returncode == 1
    entries = result.json()
    assert [entry["status"] for entry in entries] == ["failed"] * 3
    assert all("the project is locked by another program" in entry["reason"] for entry in entries)
    for line in result.stderr.splitlines():
        assert line.startswith("govcoder: error: ") and not any(word in line for word in SQL_WORDS)


def test_debug_shows_the_details_after_all(govcoder, locked):
    result = govcoder("--project", str(locked), "annotate", "1", "0", "2", "五治/法治",
                      env={**FAST_LOCK, "GOVCODER_DEBUG": "1"})
    assert result.returncode == 1
    assert "Traceback" in result.stderr and "database is locked" in result.stderr
    assert result.stderr.splitlines()[-1].startswith("govcoder: error: the project is locked")


def test_a_damaged_project_is_one_line_saying_to_restore_a_backup(govcoder, sample_project):
    data = bytearray(sample_project.read_bytes())
    data[100:] = random.Random(11).randbytes(len(data) - 100)  # a valid header, then noise
    sample_project.write_bytes(bytes(data))
    for command in (["docs"], ["annotate", "1", "0", "2", "五治/法治"], ["export", "--format", "csv", "-o", "x.csv"]):
        result = govcoder("--project", str(sample_project), *command)
        assert result.returncode == 1
        assert_one_line_in_words(result.stderr, "damaged", "backup")


# --- read-only and full disks: real mounts in a private mount namespace ----------------------------


def _mounts_possible() -> bool:
    if not shutil.which("unshare") or os.geteuid() != 0:
        return False
    probe = subprocess.run(["unshare", "-m", "sh", "-c", "mount -t tmpfs -o size=64k tmpfs /mnt"],
                           capture_output=True)
    return probe.returncode == 0


needs_mounts = pytest.mark.skipif(not _mounts_possible(), reason="needs root and mount namespaces "
                                  "(a read-only or full file system cannot be simulated otherwise as root)")


def govcoder_under(mounts: str, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Run govcoder in a private mount namespace after the shell commands `mounts`."""
    return subprocess.run(["unshare", "-m", "sh", "-c", f'{mounts} && exec "$@"', "sh", str(GOVCODER), *args],
                          capture_output=True, text=True, encoding="utf-8", env={**os.environ, **(env or {})},
                          timeout=300)


@needs_mounts
def test_a_project_on_a_read_only_disk_is_one_line_saying_so(sample_project):
    folder = sample_project.parent
    result = govcoder_under(f"mount --bind -o ro {folder} {folder}",
                            "--project", str(sample_project), "annotate", "1", "0", "2", "五治/法治")
    assert result.returncode == 1
    assert_one_line_in_words(result.stderr, "read-only")


@needs_mounts
@pytest.mark.parametrize("fill", ["all", "most"])
def test_a_project_on_a_full_disk_is_one_line_saying_so(sample_project_template, tmp_path, fill):
    disk = tmp_path / "disk"
    disk.mkdir()
    article = tmp_path / "long.txt"
    rng = random.Random(5)
    article.write_text("".join(chr(0x4E00 + rng.randrange(20000)) for _ in range(400_000)), encoding="utf-8")
    # "all": not a block left (SQLite cannot even map its shared memory); "most": room to open the
    # project, none for the article.
    blocks = 4000 if fill == "all" else 1600
    mounts = (f"mount -t tmpfs -o size=2m tmpfs {disk} && cp {sample_project_template} {disk}/p.govcoder && "
              f"(dd if=/dev/zero of={disk}/filler bs=1k count={blocks} 2>/dev/null || true)")
    result = govcoder_under(mounts, "--project", f"{disk}/p.govcoder", "import", str(article))
    assert result.returncode == 1
    assert_one_line_in_words(result.stderr, "the disk holding the project is full", "free some space")


# --- PostgreSQL ------------------------------------------------------------------------------------


def test_a_postgres_database_that_does_not_exist_is_one_line_naming_it(govcoder, postgres_server):
    result = govcoder("--db", f"{postgres_server}/no_such_study", "docs")
    assert result.returncode == 1
    assert_one_line_in_words(result.stderr, 'the database "no_such_study" does not exist', "createdb")


def test_a_postgres_error_inside_a_command_is_one_line_in_words(govcoder, postgres_url):
    assert govcoder("--db", postgres_url, "init", "--sample").returncode == 0
    engine = create_engine(postgres_url)
    with engine.begin() as connection:
        connection.execute(text("DROP TABLE annotations CASCADE"))
    engine.dispose()
    result = govcoder("--db", postgres_url, "docs")
    assert result.returncode == 1
    assert_one_line_in_words(result.stderr, "not a GovCoder project")


def test_an_unreachable_postgres_server_is_one_line_naming_the_address(govcoder):
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    result = govcoder("--db", f"postgresql+psycopg://someone:secret-pw@127.0.0.1:{port}/study", "docs")
    assert result.returncode == 1
    line = assert_one_line_in_words(result.stderr, f"cannot be reached at 127.0.0.1:{port}")
    assert "secret-pw" not in line


# --- the words themselves, for the window as well --------------------------------------------------


def test_a_read_only_connection_and_a_page_limit_are_described_by_their_kind(sample_project):
    """A write through a read-only connection and a write past SQLite's page limit: the real errors."""
    engine = create_engine(f"sqlite:///file:{sample_project}?mode=ro&uri=true")
    with pytest.raises(Exception) as read_only, engine.begin() as connection:
        connection.execute(text("INSERT INTO coders (guid, name, created_at) VALUES ('g', 'n', '2024-01-01')"))
    engine.dispose()
    assert kind(read_only.value) == "read-only"
    assert "read-only" in describe(read_only.value) and "INSERT" not in describe(read_only.value)

    connection = sqlite3.connect(sample_project)
    pages = connection.execute("PRAGMA page_count").fetchone()[0]
    connection.execute(f"PRAGMA max_page_count={pages}")
    with pytest.raises(sqlite3.Error) as full:
        connection.execute("INSERT INTO settings (key, value) VALUES ('filler', ?)", ("x" * 200_000,))
    connection.close()
    assert kind(full.value) == "full" and describe(full.value).startswith("the disk holding the project is full")


def test_an_unknown_database_error_names_the_driver_and_never_the_statement(sample_project):
    engine = create_engine(f"sqlite:///{sample_project}")
    with pytest.raises(Exception) as caught, engine.connect() as connection:
        connection.execute(text("SELECT no_such_column FROM documents WHERE title = :t"), {"t": "机密标题"})
    engine.dispose()
    words = describe(caught.value)
    assert "sqlite3 OperationalError" in words and "GOVCODER_DEBUG=1" in words
    assert "SELECT" not in words and "机密标题" not in words


def test_the_busy_timeout_is_the_usual_ten_seconds_unless_overridden(monkeypatch):
    from desktop_app.core.store.engine import busy_timeout_ms

    monkeypatch.delenv("GOVCODER_BUSY_TIMEOUT_MS", raising=False)
    assert busy_timeout_ms() == 10_000
    monkeypatch.setenv("GOVCODER_BUSY_TIMEOUT_MS", "250")
    assert busy_timeout_ms() == 250

