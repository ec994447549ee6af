"""Opening a project brings its schema up to date safely, and refuses what it cannot understand."""

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from desktop_app.core.errors import GovCoderError
from desktop_app.core.store.engine import make_engine, sqlite_url
from desktop_app.core.store.migrate import head_revision, upgrade_to
from desktop_app.core.store.project import create_project, open_project


def make_project_at_revision(path, revision):
    """A project as an older GovCoder left it, with some coding in it."""
    engine = make_engine(sqlite_url(path))
    upgrade_to(engine, revision)
    with engine.begin() as connection:
        connection.execute(text(
            "INSERT INTO documents (id, guid, title, authors, original_text, text, script, cleaning, extracted,"
            " content_hash, imported_at) VALUES (1, 'd1', '网格化管理', '[]', '网格员走访𠮷', '网格员走访𠮷',"
            " 'simplified', '[]', '{}', 'h', '2024-01-01 00:00:00')"))
        connection.execute(text(
            "INSERT INTO codes (id, guid, name, description, colour, position, codable, keywords, guidance,"
            " created_at) VALUES (1, 'c1', '网格化管理', '', '#ff0000', 0, 1, '[]', '{}', '2024-01-01')"))
        connection.execute(text("INSERT INTO coders (id, guid, name, created_at) VALUES (1, 'u1', '李', '2024-01-01')"))
        connection.execute(text(
            "INSERT INTO annotations (guid, document_id, code_id, coder_id, start_offset, end_offset, quote, memo,"
            " created_at, updated_at) VALUES ('a1', 1, 1, 1, 0, 3, '网格员', '', '2024-01-01', '2024-01-01')"))
    engine.dispose()


def test_a_new_project_is_at_the_newest_schema(tmp_path):
    with create_project(tmp_path / "new.govcoder") as project:
        assert project.migration.to_revision == head_revision()
        assert project.migration.backup is None


def test_an_older_project_is_backed_up_then_upgraded_keeping_its_coding(tmp_path):
    path = tmp_path / "old.govcoder"
    make_project_at_revision(path, "0001")

    with open_project(path) as project:
        report = project.migration
        with project.session_factory() as session:
            quotes = session.execute(text("SELECT quote FROM annotations")).scalars().all()
            tables = session.execute(text("SELECT name FROM sqlite_master WHERE type='table'")).scalars().all()

    assert (report.from_revision, report.to_revision) == ("0001", head_revision())
    assert quotes == ["网格员"]
    assert "segmentations" in tables
    # The backup is the project exactly as it was before the upgrade.
    assert report.backup is not None and report.backup.exists()
    backup = sqlite3.connect(report.backup)
    assert backup.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
    assert backup.execute("SELECT text FROM documents").fetchone() == ("网格员走访𠮷",)
    backup.close()


def test_reopening_an_up_to_date_project_makes_no_backup(tmp_path):
    path = tmp_path / "p.govcoder"
    create_project(path).close()
    with open_project(path) as project:
        assert not project.migration.changed and project.migration.backup is None
    assert [p.name for p in tmp_path.iterdir() if "backup" in p.name] == []


def test_a_project_from_a_newer_govcoder_is_refused_naming_both_versions(tmp_path):
    path = tmp_path / "future.govcoder"
    create_project(path).close()
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0099_future'")
    with pytest.raises(GovCoderError) as refused:
        open_project(path)
    assert "0099_future" in str(refused.value) and head_revision() in str(refused.value)
    # Refusing touched nothing.
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == ("0099_future",)


def test_a_database_of_another_program_is_refused(tmp_path):
    path = tmp_path / "other.sqlite"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE invoices (id INTEGER)")
    with pytest.raises(GovCoderError, match="not a GovCoder project"):
        open_project(path)


def test_a_file_that_is_not_a_database_is_refused(tmp_path):
    path = tmp_path / "notes.govcoder"
    path.write_text("党建引领", encoding="utf-8")
    with pytest.raises(GovCoderError, match="not a GovCoder project"):
        open_project(path)


def test_a_missing_project_is_not_silently_created(tmp_path):
    with pytest.raises(GovCoderError, match="no project at"):
        open_project(tmp_path / "typo.govcoder")
    assert not (tmp_path / "typo.govcoder").exists()


def test_connections_use_wal_foreign_keys_and_a_busy_timeout(tmp_path):
    with create_project(tmp_path / "p.govcoder") as project, project.engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert connection.execute(text("PRAGMA busy_timeout")).scalar() >= 5000


def test_the_recorded_schema_head_is_alembics_head():
    from desktop_app.core.store.migrate import SCHEMA_HEAD

    assert SCHEMA_HEAD == head_revision()


def test_opening_an_up_to_date_project_does_not_load_alembic(tmp_path):
    import subprocess
    import sys

    path = tmp_path / "p.govcoder"
    create_project(path).close()
    code = ("import sys; from desktop_app.core.store.project import open_project; "
            f"open_project({str(path)!r}).close(); print('alembic' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_an_older_project_gets_its_documents_lengths_stored_and_the_list_reads_no_text(tmp_path):
    from desktop_app.core.documents.listing import list_documents

    path = tmp_path / "old.govcoder"
    make_project_at_revision(path, "0002")
    with open_project(path) as project, project.session_factory() as session:
        (summary,) = list_documents(session)
        plan = " ".join(str(row[-1]) for row in session.execute(text(
            "EXPLAIN QUERY PLAN SELECT id, title, outlet, published, script, chars FROM documents ORDER BY id")))
    assert summary.chars == len("网格员走访𠮷") == 6  # code points, 𠮷 counted once
    assert "COVERING INDEX ix_documents_listing" in plan


def test_the_models_and_the_migrations_describe_the_same_schema(tmp_path):
    import warnings

    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from sqlalchemy.exc import SAWarning

    from desktop_app.core.store.models import Base

    def compared(obj, name, type_, _reflected, _compare_to) -> bool:
        # SQLite's reflection cannot read an expression index: the sibling-name index is checked by
        # its own test at head (it exists and is unique), and left out here.
        return not (type_ == "index" and name == "uq_codes_sibling_name")

    with create_project(tmp_path / "new.govcoder") as project, project.engine.connect() as connection, \
            warnings.catch_warnings():
        warnings.filterwarnings("ignore", "Skipped unsupported reflection of expression-based index",
                                SAWarning)
        warnings.filterwarnings("ignore", "autogenerate skipping metadata-specified expression-based index",
                                UserWarning)
        context = MigrationContext.configure(connection, opts={"include_object": compared})
        differences = compare_metadata(context, Base.metadata)
    assert differences == []


def test_an_upgrade_that_fails_half_way_leaves_the_project_as_it_was_and_names_the_backup(tmp_path):
    import re
    from contextlib import closing

    path = tmp_path / "old.govcoder"
    make_project_at_revision(path, "0001")
    # A stray table named like the second one 0002 creates: the upgrade fails after its first table.
    with closing(sqlite3.connect(path)) as connection, connection:
        connection.execute("CREATE TABLE document_statuses (note TEXT)")

    for _attempt in range(2):  # and the same again: the failure never feeds on itself
        with pytest.raises(GovCoderError) as failed:
            open_project(path)
        message = str(failed.value)
        assert "\n" not in message
        assert "from schema 0001" in message and "document_statuses already exists" in message
        assert "The project was not changed" in message
        backup = Path(re.search(r"a backup of it is at (\S+)$", message).group(1))
        assert backup.exists() and backup.name.startswith("old.govcoder.backup-0001-")
        with closing(sqlite3.connect(path)) as connection:
            assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
            tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            assert "segmentations" not in tables
            assert connection.execute("SELECT quote FROM annotations").fetchall() == [("网格员",)]
    assert not list(tmp_path.glob(".old.govcoder.upgrading*"))

    # With the stray table gone the upgrade goes through: never "table segmentations already exists".
    with closing(sqlite3.connect(path)) as connection, connection:
        connection.execute("DROP TABLE document_statuses")
    with open_project(path) as project, project.session_factory() as session:
        assert project.migration.to_revision == head_revision()
        assert session.execute(text("SELECT quote FROM annotations")).scalars().all() == ["网格员"]


def test_an_old_project_open_elsewhere_is_not_upgraded_under_the_other_program(tmp_path):
    from contextlib import closing

    path = tmp_path / "old.govcoder"
    make_project_at_revision(path, "0001")
    with closing(sqlite3.connect(path)) as other:
        other.execute("PRAGMA journal_mode=WAL")
        other.execute("SELECT count(*) FROM documents").fetchone()
        with pytest.raises(GovCoderError, match="open in another window or program"):
            open_project(path)
    with open_project(path) as project:
        assert project.migration.to_revision == head_revision()


def test_two_processes_opening_an_old_project_at_once_both_get_one_upgrade(tmp_path, govcoder):
    import subprocess
    import sys
    import time

    path = tmp_path / "old.govcoder"
    make_project_at_revision(path, "0001")
    start_line, go = Path(__file__).with_name("start_line.py"), tmp_path / "go"
    ready = [tmp_path / f"ready-{i}" for i in range(2)]
    racers = [subprocess.Popen([sys.executable, str(start_line), str(r), str(go), "govcoder", "--project",
                                str(path), "stats", "--json"], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True) for r in ready]
    while not all(r.exists() for r in ready):
        assert all(p.poll() is None for p in racers)
        time.sleep(0.02)
    go.touch()
    results = [(p.wait(timeout=120), *p.communicate()) for p in racers]
    assert [rc for rc, _out, _err in results] == [0, 0], results
    assert all('"annotations": 1' in out for _rc, out, _err in results)
    assert len(list(tmp_path.glob("old.govcoder.backup-*"))) == 1


def test_an_upgrade_renames_siblings_that_share_a_name_and_says_so(tmp_path):
    path = tmp_path / "old.govcoder"
    make_project_at_revision(path, "0002")
    with sqlite3.connect(path) as connection:
        for code_id, name in ((2, "网格化管理"), (3, "网格化管理 (2)"), (4, "网格化管理")):
            connection.execute(
                "INSERT INTO codes (id, guid, name, description, colour, position, codable, keywords, guidance,"
                " created_at) VALUES (?, ?, ?, '', '#ff0000', ?, 1, '[]', '{}', '2024-01-01')",
                (code_id, f"c{code_id}", name, code_id))
        connection.execute("UPDATE annotations SET code_id = 4")
    connection.close()

    with open_project(path) as project, project.session_factory() as session:
        names = dict(session.execute(text("SELECT id, name FROM codes")).all())
        annotated = session.execute(text("SELECT code_id FROM annotations")).scalars().all()
        notes = project.migration.notes
    assert names == {1: "网格化管理", 2: "网格化管理 (3)", 3: "网格化管理 (2)", 4: "网格化管理 (4)"}
    assert annotated == [4]  # the coding stays with its code, whatever the code is now called
    assert len(notes) == 2 and notes[0].startswith("code 2 was renamed '网格化管理 (3)'")


def test_the_sibling_name_index_is_in_the_schema_at_head(tmp_path):
    with create_project(tmp_path / "p.govcoder") as project, project.engine.connect() as connection:
        indexes = {row[1]: row[2] for row in connection.execute(text("PRAGMA index_list(codes)"))}
    assert indexes.get("uq_codes_sibling_name") == 1  # unique


def test_the_cli_says_what_an_upgrade_renamed(tmp_path, govcoder):
    path = tmp_path / "old.govcoder"
    make_project_at_revision(path, "0002")
    with sqlite3.connect(path) as connection:
        connection.execute(
            "INSERT INTO codes (id, guid, name, description, colour, position, codable, keywords, guidance,"
            " created_at) VALUES (2, 'c2', '网格化管理', '', '#ff0000', 1, 1, '[]', '{}', '2024-01-01')")
    connection.close()
    result = govcoder("--project", str(path), "stats", "--json")
    assert result.returncode == 0 and result.json()["codes"] == 2
    assert result.stderr == (f"govcoder: note: upgrading {path}: code 2 was renamed '网格化管理 (2)': code 1 at "
                             "the top level is also named '网格化管理', and names are now unique among siblings\n")
