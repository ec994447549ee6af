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


def test_blind_coding_and_assignment_on_postgres(postgres_url):
    from desktop_app.core.analysis.retrieval import coded_segments
    from desktop_app.core.annotate.assignment import assign_documents, list_assignments
    from desktop_app.core.annotate.blind import set_blind_mode
    from desktop_app.core.annotate.revisions import set_document_status

    with init_project(postgres_url, sample=True) as project:
        with project.session_factory.begin() as session:
            documents = [d.id for d in list_documents(session)]
            code = next(c for c in list_codes(session) if c.codable)
            for coder in ("A", "B"):
                create_annotation(session, documents[0], 0, 4, code.path, coder=coder)
            set_blind_mode(session, True)
            plan = assign_documents(session, ["A", "B"], overlap=0.4, seed=11)
        with project.session_factory.begin() as session:
            assert [s.coder for s in coded_segments(session, code.id, viewer="A")] == ["A"]
            set_document_status(session, documents[0], "A", "done")
        with project.session_factory() as session:
            assert sorted(s.coder for s in coded_segments(session, code.id, viewer="A")) == ["A", "B"]
            assert [a.coder for a in list_annotations(session, documents[0], viewer="B")] == ["B"]
            assert [r.document for r in list_assignments(session) if len(r.coders) == 2] == plan.overlap_documents
