"""Blind double-coding: another coder's annotations stay hidden from a coder in a document until that
coder has marked it done; a lead (no viewer) always sees everything."""

from __future__ import annotations

from desktop_app.core.analysis.retrieval import coded_segments, segment_counts
from desktop_app.core.annotate.blind import blind_mode, set_blind_mode, visible_coders
from desktop_app.core.annotate.operations import create_annotation
from desktop_app.core.annotate.revisions import list_annotations, set_document_status
from desktop_app.core.codebook.tree import code_paths
from desktop_app.core.documents.listing import list_documents_for
from desktop_app.core.projects.new_project import init_project
from desktop_app.core.store.models import Document

CODE = "五治/法治"


def _project(tmp_path):
    project = init_project(tmp_path / "p.govcoder", sample=False)
    with project.session_factory.begin() as session:
        for n in range(2):
            session.add(Document(title=f"t{n}", original_text="社区治理依法推进。", text="社区治理依法推进。",
                                 content_hash=f"h{n}"))
        session.flush()
        for document in (1, 2):
            create_annotation(session, document, 0, 2, CODE, "A")
            create_annotation(session, document, 4, 6, CODE, "B")
    return project


def _code_id(session):
    return next(id_ for id_, path in code_paths(session).items() if path == CODE)


def test_blind_hides_others_until_done(tmp_path):
    with _project(tmp_path) as project:
        with project.session_factory.begin() as session:
            assert not blind_mode(session)
            assert {a.coder for a in list_annotations(session, 1, viewer="A")} == {"A", "B"}
            assert set_blind_mode(session, True) is False
        with project.session_factory.begin() as session:
            assert blind_mode(session)
            assert {a.coder for a in list_annotations(session, 1, viewer="A")} == {"A"}
            assert visible_coders(session, 1, "A") == {"A"}
            assert {a.coder for a in list_annotations(session, 1)} == {"A", "B"}  # the lead's view
            set_document_status(session, 1, "A", "done")
        with project.session_factory.begin() as session:
            assert {a.coder for a in list_annotations(session, 1, viewer="A")} == {"A", "B"}
            assert visible_coders(session, 1, "A") is None
            assert {a.coder for a in list_annotations(session, 2, viewer="A")} == {"A"}
            assert {a.coder for a in list_annotations(session, 1, viewer="B")} == {"B"}  # B is not done
            set_document_status(session, 1, "A", "in_progress")  # reopened: blinded again
        with project.session_factory() as session:
            assert {a.coder for a in list_annotations(session, 1, viewer="A")} == {"A"}


def test_blind_counts_and_coded_segments(tmp_path):
    with _project(tmp_path) as project:
        with project.session_factory.begin() as session:
            set_blind_mode(session, True)
            set_document_status(session, 2, "A", "done")
        with project.session_factory() as session:
            everyone, mine = list_documents_for(session, "A")
            assert [s.annotations for s in everyone] == [1, 2] and mine == {1: 1, 2: 1}
            code = _code_id(session)
            seen = [(s.document, s.coder) for s in coded_segments(session, code, viewer="A")]
            assert seen == [(1, "A"), (2, "A"), (2, "B")]
            assert segment_counts(session, code, viewer="A") == {1: 1, 2: 2}
            assert len(coded_segments(session, code)) == 4  # no viewer: not blinded
        with project.session_factory.begin() as session:
            set_blind_mode(session, False)
        with project.session_factory() as session:
            assert [s.annotations for s in list_documents_for(session, "A")[0]] == [2, 2]
            assert len(coded_segments(session, _code_id(session), viewer="A")) == 4
