"""Adjudication into the consensus layer on real projects: each choice, its undo, the record of who
decided what and when, and the originals left alone."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from desktop_app.core.analysis.agreement import list_disagreements
from desktop_app.core.analysis.agreement.adjudication import (
    active_decisions,
    decide,
    list_decisions,
    undo_decision,
)
from desktop_app.core.annotate.operations import create_annotation
from desktop_app.core.annotate.revisions import delete_annotation
from desktop_app.core.errors import GovCoderError
from desktop_app.core.projects.new_project import init_project
from desktop_app.core.store.models import Annotation, Coder, Document

TEXT = "社区网格员开展矛盾纠纷调解工作。居民议事会推进协商议事。党建引领基层治理。"
LAW, AUTO, PARTY = "五治/法治", "五治/自治", "党建引领机制/组织嵌入"


def fill(project) -> None:
    with project.session_factory.begin() as session:
        session.add(Document(title="t", original_text=TEXT, text=TEXT, content_hash="x"))
        session.flush()
        create_annotation(session, 1, 0, 5, LAW, "甲")      # agreed exactly
        create_annotation(session, 1, 0, 5, LAW, "乙")
        create_annotation(session, 1, 7, 11, LAW, "甲")     # different extent
        create_annotation(session, 1, 7, 13, LAW, "乙")
        create_annotation(session, 1, 16, 21, AUTO, "甲")   # different code
        create_annotation(session, 1, 17, 21, PARTY, "乙")
        create_annotation(session, 1, 29, 33, PARTY, "甲")  # missing in 乙


@pytest.fixture
def project(tmp_path):
    with init_project(tmp_path / "a.govcoder", sample=False) as opened:
        fill(opened)
        yield opened


def rows(session):
    return {r.kind: r for r in list_disagreements(session, ["甲", "乙"])}


def consensus(session):
    return sorted((a.code.name, a.start, a.end, a.quote) for a in session.scalars(
        select(Annotation).join(Coder).where(Coder.name == "consensus")))


def originals(session):
    return sorted((a.coder.name, a.code_id, a.start, a.end) for a in session.scalars(
        select(Annotation).join(Coder).where(Coder.consensus.is_(False))))


@pytest.mark.parametrize(("kind", "take", "span", "expected"), [
    ("different extent", "A", None, [("法治", 7, 11)]),
    ("different extent", "B", None, [("法治", 7, 13)]),
    ("different extent", "both", None, [("法治", 7, 13)]),  # one code: the union
    ("different extent", "neither", None, []),
    ("different extent", "A", (8, 12), [("法治", 8, 12)]),
    ("different code", "A", None, [("自治", 16, 21)]),
    ("different code", "B", None, [("组织嵌入", 17, 21)]),
    ("different code", "both", None, [("组织嵌入", 17, 21), ("自治", 16, 21)]),
    ("different code", "both", (16, 20), [("组织嵌入", 16, 20), ("自治", 16, 20)]),
    ("missing", "A", None, [("组织嵌入", 29, 33)]),
    ("missing", "B", None, []),
])
def test_each_choice_makes_copies_in_the_consensus_layer_and_its_undo_takes_them_back(
        project, kind, take, span, expected):
    with project.session_factory.begin() as session:
        before = originals(session)
        target = rows(session)[kind]
        decision = decide(session, ["甲", "乙"], target.id, take, adjudicator="丙", span=span)
    with project.session_factory() as session:
        assert [(c, s, e) for c, s, e, _ in consensus(session)] == expected
        assert all(quote == TEXT[s:e] for _, s, e, quote in consensus(session))
        assert originals(session) == before
        layer = session.scalar(select(Coder).where(Coder.name == "consensus"))
        assert layer.consensus and not session.scalar(select(Coder).where(Coder.name == "丙")).consensus
        (recorded,) = list_decisions(session)
    assert recorded == decision
    assert (recorded.adjudicator, recorded.coders, recorded.choice, recorded.disagreement) == (
        "丙", ["甲", "乙"], take, target.id)
    assert recorded.taken == ("edited span" if span else {"A": "take A", "B": "take B"}.get(take, take))
    assert recorded.decided_at is not None and recorded.undone_at is None
    with project.session_factory.begin() as session:
        undone = undo_decision(session, decision.id, by="丙")
    assert sorted((a.start, a.end) for a in undone.removed) == sorted((s, e) for _, s, e in expected)
    with project.session_factory() as session:
        assert consensus(session) == [] and originals(session) == before
        assert list_decisions(session) == []
        (kept,) = list_decisions(session, include_undone=True)
    assert kept.undone_by == "丙" and kept.undone_at is not None and kept.annotations == decision.annotations


def test_a_decided_disagreement_is_decided_once_until_undone_and_ids_are_stable(project):
    with project.session_factory.begin() as session:
        target = rows(session)["different extent"]
        reversed_ids = {r.id for r in list_disagreements(session, ["乙", "甲"])}
        assert target.id in reversed_ids and target.id.startswith("D1-7-13-")
        first = decide(session, ["甲", "乙"], target.id, "A", adjudicator="丙")
        with pytest.raises(GovCoderError, match="decided already"):
            decide(session, ["乙", "甲"], target.id, "B", adjudicator="丙")
        assert set(active_decisions(session, ["乙", "甲"])) == {target.id}
        undo_decision(session, first.id, by="丙")
        with pytest.raises(GovCoderError, match="undone already"):
            undo_decision(session, first.id, by="丙")
        second = decide(session, ["甲", "乙"], target.id, "B", adjudicator="丁")
        assert [d.id for d in list_decisions(session, include_undone=True)] == [first.id, second.id]
        # The disagreement itself is unchanged by deciding it: the originals stay as they were.
        assert rows(session)["different extent"].id == target.id


def test_the_consensus_layer_is_written_only_by_adjudication(project):
    with project.session_factory.begin() as session:
        decision = decide(session, ["甲", "乙"], rows(session)["missing"].id, "A", adjudicator="丙")
        with pytest.raises(GovCoderError, match="only by adjudication"):
            create_annotation(session, 1, 0, 2, LAW, "consensus")
        with pytest.raises(GovCoderError, match="only by adjudication"):
            delete_annotation(session, decision.annotations[0].id)
        with pytest.raises(GovCoderError, match="cannot adjudicate itself"):
            decide(session, ["甲", "乙"], rows(session)["different code"].id, "A", adjudicator="consensus")


def test_bad_decisions_are_refused_in_words(project):
    with project.session_factory.begin() as session:
        found = rows(session)
        with pytest.raises(GovCoderError, match="not a disagreement id"):
            decide(session, ["甲", "乙"], "nonsense", "A", adjudicator="丙")
        with pytest.raises(GovCoderError, match="no disagreement"):
            decide(session, ["甲", "乙"], "D1-0-1-00000000", "A", adjudicator="丙")
        with pytest.raises(GovCoderError, match="unknown choice"):
            decide(session, ["甲", "乙"], found["missing"].id, "C", adjudicator="丙")
        with pytest.raises(GovCoderError, match="not neither"):
            decide(session, ["甲", "乙"], found["missing"].id, "neither", adjudicator="丙", span=(1, 3))
        with pytest.raises(GovCoderError, match="coded nothing"):
            decide(session, ["甲", "乙"], found["missing"].id, "B", adjudicator="丙", span=(29, 31))
        with pytest.raises(GovCoderError, match="outside the document"):
            decide(session, ["甲", "乙"], found["missing"].id, "A", adjudicator="丙", span=(29, 999))
        with pytest.raises(GovCoderError, match="exactly two"):
            decide(session, ["甲"], found["missing"].id, "A", adjudicator="丙")
        session.add(Coder(name="consensus2"))
    with project.session_factory.begin() as session:
        session.add(Coder(name="x"))
        with pytest.raises(GovCoderError, match="cannot take that name"):
            decide(session, ["甲", "乙"], found["missing"].id, "A", adjudicator="丙", consensus="x")


@pytest.mark.postgres
def test_adjudication_and_its_undo_on_postgres(postgres_url):
    with init_project(postgres_url, sample=False) as opened:
        fill(opened)
        with opened.session_factory.begin() as session:
            made = [decide(session, ["甲", "乙"], row.id, take, adjudicator="丙")
                    for row, take in zip(list_disagreements(session, ["甲", "乙"]), ["both", "B", "neither"],
                                         strict=True)]
        with opened.session_factory() as session:
            assert [(c, s, e) for c, s, e, _ in consensus(session)] == [
                ("法治", 7, 13), ("组织嵌入", 17, 21)]
            assert [d.choice for d in list_decisions(session)] == ["both", "B", "neither"]
        with opened.session_factory.begin() as session:
            undo_decision(session, made[1].id, by="丙")
        with opened.session_factory() as session:
            assert [(c, s, e) for c, s, e, _ in consensus(session)] == [("法治", 7, 13)]
            assert [d.undone_by for d in list_decisions(session, include_undone=True)] == [None, "丙", None]


def test_an_id_survives_changes_elsewhere_and_goes_stale_when_its_spans_change(project):
    with project.session_factory.begin() as session:
        target = rows(session)["different extent"]
        create_annotation(session, 1, 22, 26, LAW, "乙")  # another passage
        assert rows(session)["different extent"].id == target.id
        create_annotation(session, 1, 8, 10, AUTO, "甲")  # inside the passage, but another code
        assert rows(session)["different extent"].id == target.id
        create_annotation(session, 1, 11, 14, LAW, "甲")  # 甲's extent there changes
        assert target.id not in {r.id for r in list_disagreements(session, ["甲", "乙"])}
        with pytest.raises(GovCoderError, match="may have changed"):
            decide(session, ["甲", "乙"], target.id, "A", adjudicator="丙")
