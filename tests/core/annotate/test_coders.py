"""Coders: list, add, rename; a rename carries every annotation and status along."""

from __future__ import annotations

import pytest

from desktop_app.core.annotate.coders import add_coder, find_coder, list_coders, rename_coder
from desktop_app.core.annotate.operations import create_annotation
from desktop_app.core.annotate.revisions import document_statuses, set_document_status
from desktop_app.core.errors import GovCoderError
from desktop_app.core.projects.new_project import init_project
from desktop_app.core.store.models import Document


def test_add_list_and_rename(tmp_path):
    with init_project(tmp_path / "p.govcoder", sample=False) as project:
        with project.session_factory.begin() as session:
            session.add(Document(title="t", original_text="社区治理。", text="社区治理。", content_hash="x"))
            session.flush()
            added = add_coder(session, " 王老师 ")
            create_annotation(session, 1, 0, 2, "五治/法治", "王老师")
            set_document_status(session, 1, "王老师", "done")
            add_coder(session, "Li")
        with project.session_factory.begin() as session:
            assert [(c.name, c.annotations, c.documents_done) for c in list_coders(session)] == [
                ("Li", 0, 0), ("王老师", 1, 1)]
            renamed = rename_coder(session, "王老师", "王晓")
            assert renamed.id == added.id and renamed.annotations == 1
            assert document_statuses(session, "王晓") == {1: "done"}
            with pytest.raises(GovCoderError, match="already exists"):
                rename_coder(session, "王晓", "Li")
            with pytest.raises(GovCoderError, match="already exists"):
                add_coder(session, "Li")
            with pytest.raises(GovCoderError, match="needs a name"):
                add_coder(session, "  ")
            with pytest.raises(GovCoderError, match="no coder named '王老师'"):
                find_coder(session, "王老师")


def test_only_a_coder_without_work_can_be_removed(tmp_path):
    from desktop_app.core.annotate.coders import remove_coder

    with init_project(tmp_path / "p.govcoder", sample=False) as project:
        with project.session_factory.begin() as session:
            session.add(Document(title="t", original_text="社区治理。", text="社区治理。", content_hash="x"))
            session.flush()
            add_coder(session, "new")
            create_annotation(session, 1, 0, 2, "五治/法治", "busy")
            remove_coder(session, "new")
            with pytest.raises(GovCoderError, match="has work"):
                remove_coder(session, "busy")
            assert [c.name for c in list_coders(session)] == ["busy"]
