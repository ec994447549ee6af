"""`govcoder backup DEST`: a consistent copy of a project that another program has open."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3

from desktop_app.core.annotate.operations import create_annotation
from desktop_app.core.codebook.tree import list_codes
from desktop_app.core.documents.listing import list_documents
from desktop_app.core.store.project import open_project


def count(path, table: str = "annotations") -> int:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        connection.close()


def test_backup_copies_what_an_open_project_still_holds_in_its_wal(govcoder, sample_project, tmp_path):
    with open_project(sample_project) as project:  # open, as the window keeps it: the work is in -wal
        with project.session_factory() as session:
            document = list_documents(session)[0].id
            code = next(c.id for c in list_codes(session) if c.codable)
        for start in range(0, 40, 2):
            with project.session_factory.begin() as session:
                create_annotation(session, document, start, start + 2, code, "tester", "")
        plain = tmp_path / "plain.govcoder"
        shutil.copy(sample_project, plain)
        result = govcoder("--project", str(sample_project), "backup", str(tmp_path / "backup.govcoder"), "--json")
        assert result.returncode == 0, result.stderr
        assert result.json()["annotations"] == 20 and result.json()["documents"] == 5
    assert count(plain) < 20  # what a file manager's copy would have missed
    assert count(tmp_path / "backup.govcoder") == 20


def test_backup_refuses_the_project_itself_and_an_existing_file_without_force(govcoder, sample_project, tmp_path):
    before = hashlib.sha256(sample_project.read_bytes()).hexdigest()
    itself = govcoder("--project", str(sample_project), "backup", str(sample_project), "--force")
    assert itself.returncode == 1 and itself.stderr.startswith("govcoder: error: ")
    assert "open project itself" in itself.stderr and len(itself.stderr.splitlines()) == 1
    assert hashlib.sha256(sample_project.read_bytes()).hexdigest() == before

    existing = tmp_path / "existing.govcoder"
    existing.write_text("keep me", encoding="utf-8")
    refused = govcoder("--project", str(sample_project), "backup", str(existing))
    assert refused.returncode == 1 and "already exists" in refused.stderr
    assert existing.read_text(encoding="utf-8") == "keep me"
    replaced = govcoder("--project", str(sample_project), "backup", str(existing), "--force")
    assert replaced.returncode == 0 and replaced.stdout.startswith("saved a copy of ")
    assert count(existing, "documents") == 5
