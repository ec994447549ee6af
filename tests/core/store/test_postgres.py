"""Team mode: the same models, migrations and CLI on a real PostgreSQL server."""

from __future__ import annotations

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError

from desktop_app.core.annotate.operations import create_annotation
from desktop_app.core.annotate.revisions import list_annotations
from desktop_app.core.codebook.tree import list_codes
from desktop_app.core.documents.listing import list_documents
from desktop_app.core.projects.new_project import init_project
from desktop_app.core.store.migrate import head_revision
from desktop_app.core.store.models import Code
from desktop_app.core.store.project import open_project

pytestmark = pytest.mark.postgres


def test_a_team_project_is_created_migrated_and_coded_on_postgres(postgres_url):
    with init_project(postgres_url, sample=True) as project:
        assert project.migration.to_revision == head_revision()
        with project.session_factory.begin() as session:
            documents = list_documents(session)
            code = next(c for c in list_codes(session) if c.codable)
            made = create_annotation(session, documents[0].id, 0, 4, code.path, coder="王")
    assert len(documents) == 5
    # A second member of the team opens the same database and sees the coding.
    with open_project(postgres_url) as project, project.session_factory() as session:
        assert project.migration.backup is None and not project.migration.changed
        assert list_documents(session)[0].annotations == 1
        assert session.execute(text("SELECT quote FROM annotations")).scalar() == made.quote
        # The reading view's fast path (driver-level query) speaks PostgreSQL's parameter style too.
        assert list_annotations(session, documents[0].id) == [made]


def test_postgres_enforces_the_same_constraints(postgres_url):
    with init_project(postgres_url, sample=True) as project:
        with project.session_factory.begin() as session:
            documents = list_documents(session)
            code = next(c for c in list_codes(session) if c.codable)
            create_annotation(session, documents[0].id, 0, 4, code.path, coder="王")
        with pytest.raises(IntegrityError), project.session_factory.begin() as session:
            session.delete(session.get(Code, code.id))
        with pytest.raises(IntegrityError), project.session_factory.begin() as session:
            session.add(Code(name="五治/法治"))
        with project.session_factory() as session:
            assert session.scalar(select(Code).where(Code.id == code.id)) is not None


def test_the_cli_works_against_postgres(govcoder, postgres_url):
    made = govcoder("--db", postgres_url, "init", "--sample", "--json")
    assert made.returncode == 0, made.stderr
    assert govcoder("--db", postgres_url, "docs", "--json").json()[0]["chars"] > 500
    refused = govcoder("--db", postgres_url, "init")
    assert refused.returncode == 1 and "already holds a project" in refused.stderr
