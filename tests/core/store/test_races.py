"""Writers racing on the same names, as real processes on real databases.

Each race is made certain rather than left to start-up timing: the test holds the database's write
lock while the racers start, so that every one of them has looked (no such coder yet, the name still
free) and is waiting to write when the lock is released. Without the fixes three of four new-coder
racers failed on the unique coder name, and both renames succeeded, leaving two siblings of one name.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError

from desktop_app.core.codebook.tree import list_codes
from desktop_app.core.projects.new_project import init_project
from desktop_app.core.store.models import Annotation, Code, Coder
from desktop_app.core.store.project import open_project

START_LINE = Path(__file__).with_name("start_line.py")
# Long enough for a loaded machine to bring every racer from the start line to its blocked write.
SETTLE_S = 3.0


@contextmanager
def racers(tmp_path: Path, commands: list[list[str]], env: dict[str, str] | None = None):
    """Start one process per command at the start line; the caller fires them with go(), then reads
    their results from finish()."""
    go = tmp_path / "go"
    go.unlink(missing_ok=True)
    ready = [tmp_path / f"ready-{i}" for i in range(len(commands))]
    processes = [
        subprocess.Popen([sys.executable, str(START_LINE), str(r), str(go), *command],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8",
                         env={**os.environ, **(env or {})}, cwd=tmp_path)
        for r, command in zip(ready, commands, strict=True)
    ]
    try:
        deadline = time.monotonic() + 120
        while not all(r.exists() for r in ready):
            assert time.monotonic() < deadline, "the racers never reached the start line"
            assert all(p.poll() is None for p in processes), [p.communicate() for p in processes]
            time.sleep(0.02)

        def finish():
            return [(p.wait(timeout=120), *p.communicate()) for p in processes]

        yield go.touch, finish
    finally:
        for p in processes:
            if p.poll() is None:
                p.kill()
                p.wait()


@contextmanager
def sqlite_write_lock(path: Path):
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("BEGIN IMMEDIATE")
    try:
        yield
    finally:
        connection.execute("ROLLBACK")
        connection.close()


def psycopg_url(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://", 1)


@contextmanager
def pg_table_lock(url: str, table: str, mode: str):
    import psycopg

    connection = psycopg.connect(psycopg_url(url))
    connection.execute(f"LOCK TABLE {table} IN {mode} MODE")
    try:
        yield connection
    finally:
        connection.rollback()
        connection.close()


def wait_for_waiters(url: str, count: int) -> None:
    """Until `count` sessions wait for a lock: then each racer has looked and is about to write."""
    import psycopg

    deadline = time.monotonic() + 120
    with psycopg.connect(psycopg_url(url), autocommit=True) as watcher:
        while watcher.execute("SELECT count(*) FROM pg_locks WHERE NOT granted").fetchone()[0] < count:
            assert time.monotonic() < deadline, "the racers never reached the lock"
            time.sleep(0.05)


def a_codable_path(project) -> str:
    with project.session_factory() as session:
        return next(c.path for c in list_codes(session) if c.codable)


def top_level_codes(project) -> list[int]:
    with project.session_factory() as session:
        return list(session.scalars(select(Code.id).where(Code.parent_id.is_(None)).order_by(Code.id)))


def annotate_commands(location: list[str], code_path: str, coder: str) -> list[list[str]]:
    return [["govcoder", *location, "annotate", "1", str(i), str(i + 2), code_path, "--coder", coder]
            for i in range(4)]


def assert_all_four_stored(results, project, coder: str) -> None:
    assert [rc for rc, _out, _err in results] == [0, 0, 0, 0], [err for _rc, _out, err in results]
    with project.session_factory() as session:
        assert session.scalar(select(func.count()).select_from(Coder).where(Coder.name == coder)) == 1
        stored = session.scalars(select(Annotation.start).join(Coder).where(Coder.name == coder)).all()
    assert sorted(stored) == [0, 1, 2, 3]


def assert_one_rename_won(results, project, name: str) -> None:
    codes = sorted(rc for rc, _out, _err in results)
    assert codes == [0, 1], results
    refusal = next(err for rc, _out, err in results if rc == 1)
    assert refusal == f"govcoder: error: there is already a code named {name!r} at the top level\n"
    with project.session_factory() as session:
        assert session.scalar(select(func.count()).select_from(Code)
                              .where(Code.name == name, Code.parent_id.is_(None))) == 1


# --- four processes starting as the same new coder ---------------------------------------------------


def test_four_processes_starting_as_one_new_coder_all_store_their_annotation(sample_project, tmp_path):
    with open_project(sample_project) as project:
        code_path = a_codable_path(project)
    commands = annotate_commands(["--project", str(sample_project)], code_path, "新来的")
    with racers(tmp_path, commands) as (go, finish):
        with sqlite_write_lock(sample_project):
            go()
            time.sleep(SETTLE_S)  # each racer has found no such coder and waits for the write lock
        results = finish()
    with open_project(sample_project) as project:
        assert_all_four_stored(results, project, "新来的")


@pytest.mark.postgres
def test_four_processes_starting_as_one_new_coder_all_store_their_annotation_on_postgres(postgres_url, tmp_path):
    with init_project(postgres_url, sample=True) as project:
        code_path = a_codable_path(project)
    commands = annotate_commands(["--db", postgres_url], code_path, "新来的")
    # The racers may read coders but not insert into it until the lock goes.
    with racers(tmp_path, commands, env={"GOVCODER_PG_LOCK_TIMEOUT": "120"}) as (go, finish):
        with pg_table_lock(postgres_url, "coders", "SHARE"):
            go()
            wait_for_waiters(postgres_url, 4)
        results = finish()
    with open_project(postgres_url) as project:
        assert_all_four_stored(results, project, "新来的")


# --- two processes renaming sibling codes to one name ---------------------------------------------


def test_two_siblings_renamed_to_one_name_at_once_one_wins_the_other_is_told(sample_project, tmp_path):
    with open_project(sample_project) as project:
        first, second = top_level_codes(project)[:2]
    commands = [["rename", str(sample_project), str(code_id), "协商议事"] for code_id in (first, second)]
    with racers(tmp_path, commands) as (go, finish):
        with sqlite_write_lock(sample_project):
            go()
            time.sleep(SETTLE_S)  # both have checked that the name is free and wait to write it
        results = finish()
    with open_project(sample_project) as project:
        assert_one_rename_won(results, project, "协商议事")


@pytest.mark.postgres
def test_two_siblings_renamed_to_one_name_at_once_on_postgres(postgres_url, tmp_path):
    with init_project(postgres_url, sample=False) as project:
        first, second = top_level_codes(project)[:2]
    commands = [["rename", postgres_url, str(code_id), "协商议事"] for code_id in (first, second)]
    with racers(tmp_path, commands, env={"GOVCODER_PG_LOCK_TIMEOUT": "120"}) as (go, finish):
        with pg_table_lock(postgres_url, "codes", "SHARE"):
            go()
            wait_for_waiters(postgres_url, 2)
        results = finish()
    with open_project(postgres_url) as project:
        assert_one_rename_won(results, project, "协商议事")


def test_the_database_itself_refuses_two_siblings_of_one_name_at_the_top_level_and_below(tmp_path):
    from desktop_app.core.store.project import create_project

    with create_project(tmp_path / "p.govcoder") as project:
        with project.session_factory.begin() as session:
            parent = Code(name="五治")
            session.add_all([parent, Code(name="法治")])
            session.flush()
            session.add(Code(name="法治", parent_id=parent.id))  # a cousin may share the name
        for twin in (lambda p: Code(name="法治"), lambda p: Code(name="法治", parent_id=p)):
            with pytest.raises(IntegrityError, match="uq_codes_sibling_name"), \
                    project.session_factory.begin() as session:
                session.add(twin(parent.id))


# --- a lock held by another PostgreSQL session --------------------------------------------------------


@pytest.mark.postgres
def test_a_lock_held_by_another_session_makes_annotate_fail_in_words_not_hang(govcoder, postgres_url):
    with init_project(postgres_url, sample=True) as project:
        code_path = a_codable_path(project)
    with pg_table_lock(postgres_url, "annotations", "ACCESS EXCLUSIVE"):
        result = govcoder("--db", postgres_url, "annotate", "1", "0", "2", code_path,
                          env={"GOVCODER_PG_LOCK_TIMEOUT": "1"})
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith("govcoder: error: another session holds a lock on the project ")
    assert "within 1 s" in result.stderr and "try again" in result.stderr
    with open_project(postgres_url) as project, project.session_factory() as session:
        assert session.scalar(select(func.count()).select_from(Annotation)) == 0


@pytest.mark.postgres
def test_every_postgres_connection_has_a_lock_and_a_statement_timeout(postgres_url, monkeypatch):
    from desktop_app.core.store.engine import make_engine

    engine = make_engine(postgres_url)
    with engine.connect() as connection:
        assert connection.execute(text("SHOW lock_timeout")).scalar() == "10s"
        assert connection.execute(text("SHOW statement_timeout")).scalar() == "10min"
    engine.dispose()
    monkeypatch.setenv("GOVCODER_PG_LOCK_TIMEOUT", "0.5")
    monkeypatch.setenv("GOVCODER_PG_STATEMENT_TIMEOUT", "30")
    engine = make_engine(postgres_url)
    with engine.connect() as connection:
        assert connection.execute(text("SHOW lock_timeout")).scalar() == "500ms"
        assert connection.execute(text("SHOW statement_timeout")).scalar() == "30s"
    engine.dispose()
