"""Assignment: every document assigned at least once, the overlap share respected, and the same seed
and inputs giving the same draw, stored with its seed."""

from __future__ import annotations

import pytest

from desktop_app.core.annotate.assignment import (
    assign_documents,
    assigned_documents,
    draw,
    list_assignments,
    stored_assignment,
)
from desktop_app.core.errors import GovCoderError
from desktop_app.core.projects.new_project import init_project
from desktop_app.core.store.models import Document

IDS = list(range(1, 101))


def test_every_document_assigned_and_the_overlap_share_respected():
    plan = draw(IDS, ["A", "B", "C"], seed=7, overlap=0.2)
    assert len(plan.overlap_documents) == 20
    coders_of = {document: [c for c, docs in plan.documents.items() if document in docs] for document in IDS}
    assert all(coders_of[d] for d in IDS)  # every document at least once
    assert sorted(d for d in IDS if len(coders_of[d]) >= 2) == plan.overlap_documents
    assert all(len(coders_of[d]) == 3 for d in plan.overlap_documents)
    assert sum(len(docs) for docs in plan.documents.values()) == 80 + 20 * 3
    loads = [len(docs) for docs in plan.documents.values()]
    assert max(loads) - min(loads) <= 1


def test_the_same_seed_gives_the_same_sample_and_another_seed_another():
    first = draw(IDS, ["A", "B", "C"], seed=42, overlap=0.2)
    assert draw(IDS, ["A", "B", "C"], seed=42, overlap=0.2) == first
    assert draw(IDS, ["A", "B", "C"], seed=43, overlap=0.2).overlap_documents != first.overlap_documents


def test_an_explicit_overlap_list_to_two_of_three_coders():
    plan = draw(IDS, ["A", "B", "C"], seed=1, overlap_documents=[5, 9], overlap_coders=2)
    assert plan.overlap_documents == [5, 9]
    for document in IDS:
        holders = sum(document in docs for docs in plan.documents.values())
        assert holders == (2 if document in (5, 9) else 1)
    with pytest.raises(GovCoderError, match="no document with id 500"):
        draw(IDS, ["A", "B"], seed=1, overlap_documents=[500])
    with pytest.raises(GovCoderError, match="between 0 and 1"):
        draw(IDS, ["A", "B"], seed=1, overlap=20)
    with pytest.raises(GovCoderError, match="at least two coders"):
        draw(IDS, ["A"], seed=1, overlap=0.5)


def test_stored_with_its_seed_and_replaced_by_a_new_draw(tmp_path):
    with init_project(tmp_path / "p.govcoder", sample=False) as project:
        with project.session_factory.begin() as session:
            for n in range(10):
                session.add(Document(title=f"t{n}", original_text="文", text="文", content_hash=f"h{n}"))
            session.flush()
            plan = assign_documents(session, ["A", "B"], overlap=0.3, seed=5)
        with project.session_factory() as session:
            assert stored_assignment(session) == {"seed": 5, "coders": ["A", "B"], "overlap": 0.3,
                                                  "overlap_coders": 2,
                                                  "overlap_documents": plan.overlap_documents}
            assert assigned_documents(session, "A") == set(plan.documents["A"])
            rows = list_assignments(session)
            assert [r.document for r in rows] == list(range(1, 11))
            assert [r.document for r in rows if r.coders == ["A", "B"]] == plan.overlap_documents
            assert [r.document for r in list_assignments(session, "B")] == plan.documents["B"]
        with project.session_factory.begin() as session:
            again = assign_documents(session, ["A", "B"], overlap=0.3, seed=5)
            assert again == plan
            assign_documents(session, ["C"], seed=1)
        with project.session_factory() as session:
            assert assigned_documents(session, "A") == set()
            assert assigned_documents(session, "C") == set(range(1, 11))
