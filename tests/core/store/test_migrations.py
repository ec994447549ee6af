"""Opening a project brings its schema up to date safely, and refuses what it cannot understand."""

import sqlite3

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
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from desktop_app.core.store.models import Base

    with create_project(tmp_path / "new.govcoder") as project, project.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert differences == []
