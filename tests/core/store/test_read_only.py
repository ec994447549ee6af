"""A project on a read-only file system opens read-only: reading commands work, writing ones are
refused in one line. Before, every command failed with "unable to open database file": SQLite could
not create the -shm file that WAL mode reads through."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing

from desktop_app.core.store.engine import make_engine, sqlite_url
from desktop_app.core.store.migrate import upgrade_to

READ_ONLY = "govcoder: error: the project is read-only here: "


def assert_refused_as_read_only(result, project) -> None:
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("govcoder: error:")]
    assert errors == [f"{READ_ONLY}{project} (it is on a read-only file system); nothing was changed. "
                      "Copy it somewhere you can write to change it"]


def test_a_project_on_a_read_only_file_system_can_be_read_but_not_changed(
        govcoder, sample_project, read_only_mount, tmp_path):
    folder, make_read_only = read_only_mount
    project = folder / "study.govcoder"
    shutil.copy(sample_project, project)
    with closing(sqlite3.connect(project)) as connection, connection:
        connection.execute("DELETE FROM segmentations WHERE document_id = 2")  # so `show --tokens` must cut
    make_read_only()
    at = ["--project", str(project)]

    docs = govcoder(*at, "docs", "--json")
    assert docs.returncode == 0, docs.stderr
    assert len(docs.json()) == 5
    assert "govcoder: note: the project is read-only here (it is on a read-only file system)" in docs.stderr
    assert govcoder(*at, "stats", "--json").json()["documents"] == 5
    assert govcoder(*at, "show", "2", "--tokens", "--json").json()["tokens"]
    assert govcoder(*at, "codebook", "list", "--json").returncode == 0
    assert govcoder(*at, "export", "--format", "csv", "-o", str(tmp_path / "out.csv")).returncode == 0
    assert govcoder(*at, "check").returncode == 0

    code = next(c["path"] for c in govcoder(*at, "codebook", "list", "--json").json() if c["codable"])
    assert_refused_as_read_only(govcoder(*at, "annotate", "1", "0", "2", code), project)
    assert_refused_as_read_only(govcoder(*at, "edit", "1", "--title", "新标题"), project)
    article = tmp_path / "article.txt"
    article.write_text("网格化管理是基层治理的重要方式。", encoding="utf-8")
    assert_refused_as_read_only(govcoder(*at, "import", str(article)), project)
    assert not (folder / "study.govcoder-wal").exists()


def test_unsaved_changes_in_the_wal_are_read_from_a_read_only_medium(govcoder, sample_project, read_only_mount):
    """A snapshot taken while a window had the project open: the latest coding is only in -wal."""
    folder, make_read_only = read_only_mount
    code = next(c["path"] for c in govcoder("--project", str(sample_project), "codebook", "list", "--json").json()
                if c["codable"])
    with closing(sqlite3.connect(sample_project)) as window:  # keeps the -wal from being folded in
        window.execute("SELECT count(*) FROM documents").fetchone()
        assert govcoder("--project", str(sample_project), "annotate", "1", "0", "2", code).returncode == 0
        for suffix in ("", "-wal", "-shm"):
            shutil.copy(f"{sample_project}{suffix}", folder / f"study.govcoder{suffix}")
    make_read_only()
    stats = govcoder("--project", str(folder / "study.govcoder"), "stats", "--json")
    assert stats.returncode == 0, stats.stderr
    assert stats.json()["annotations"] == 1


def test_a_wal_without_its_shm_on_a_read_only_medium_is_refused_in_words(govcoder, sample_project,
                                                                         read_only_mount):
    folder, make_read_only = read_only_mount
    code = next(c["path"] for c in govcoder("--project", str(sample_project), "codebook", "list", "--json").json()
                if c["codable"])
    with closing(sqlite3.connect(sample_project)) as window:
        window.execute("SELECT count(*) FROM documents").fetchone()
        assert govcoder("--project", str(sample_project), "annotate", "1", "0", "2", code).returncode == 0
        for suffix in ("", "-wal"):
            shutil.copy(f"{sample_project}{suffix}", folder / f"study.govcoder{suffix}")
    make_read_only()
    result = govcoder("--project", str(folder / "study.govcoder"), "stats")
    assert result.returncode == 1 and result.stderr.count("\n") == 1
    assert "its latest changes are in study.govcoder-wal" in result.stderr
    assert "copy the project together with its -wal file somewhere you can write" in result.stderr


def test_an_older_project_on_a_read_only_medium_is_not_upgraded_and_says_why(govcoder, read_only_mount):
    folder, make_read_only = read_only_mount
    project = folder / "old.govcoder"
    engine = make_engine(sqlite_url(project))
    upgrade_to(engine, "0002")
    engine.dispose()
    make_read_only()
    result = govcoder("--project", str(project), "docs")
    assert result.returncode == 1 and result.stderr.count("\n") == 1
    assert result.stderr.startswith(f"{READ_ONLY}{project} (it is on a read-only file system), and it was "
                                    "made by another version of GovCoder (schema 0002)")
