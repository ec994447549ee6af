"""A real SQLite project with the default codebook, one document and two coders."""

from __future__ import annotations

import pytest

from desktop_app.core.projects.new_project import load_default_codebook
from desktop_app.core.store.models import Coder, Document
from desktop_app.core.store.project import create_project

TEXT = "社区党委牵头成立居民议事会,网格员走访𠮷家,调解邻里纠纷。"


@pytest.fixture
def project(tmp_path):
    project = create_project(tmp_path / "study.govcoder")
    yield project
    project.close()


@pytest.fixture
def factory(project):
    """A project holding the default codebook and one document (id in `doc_id`)."""
    load_default_codebook(project)
    with project.session_factory.begin() as session:
        session.add(Document(title="t", original_text=TEXT, text=TEXT, content_hash="h"))
        session.add_all([Coder(name="甲"), Coder(name="乙")])
    return project.session_factory

