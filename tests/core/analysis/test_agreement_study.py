"""Agreement read from a real project: unitizing alpha over the documents every coder coded, word
units from the stored segmentation, and the disagreements listing."""

from __future__ import annotations

import pytest
from agreement_data import generate
from test_agreement_unitizing import brute_force

from desktop_app.core.analysis.agreement import list_disagreements, measure_agreement
from desktop_app.core.annotate.operations import create_annotation
from desktop_app.core.annotate.revisions import set_document_status
from desktop_app.core.errors import GovCoderError
from desktop_app.core.projects.new_project import init_project
from desktop_app.core.store.models import Document
from desktop_app.core.store.project import open_project


def merged(spans):
    result = []
    for s, e in sorted(spans):
        if result and s < result[-1][1]:
            result[-1] = (result[-1][0], max(result[-1][1], e))
        else:
            result.append((s, e))
    return result


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    return generate(tmp_path_factory.mktemp("study") / "p.govcoder", coders=3, documents=8, seed=21)


def test_unitizing_alpha_per_code_equals_brute_force_over_documents_every_coder_coded(made):
    with open_project(made.path) as project, project.session_factory() as session:
        result = measure_agreement(session, made.coders, "char", measures=["alpha-u"], per_code=True,
                                   codes=made.codes)
    coded = {(coder, doc) for doc, coder, *_ in made.spans} | made.done
    everyone = [d for d in made.documents if all((c, d) in coded for c in made.coders)]
    assert 0 < len(everyone) < len(made.documents)
    pieces, offsets, position = [], {}, 0
    for d in everyone:
        offsets[d] = position
        pieces.append((position, position + len(made.texts[d])))
        position += len(made.texts[d])
    assert result.overall.alpha_u_length == position
    total_observed = total_expected = 0
    for entry in result.per_code:
        coders = [merged([(offsets[d] + s, offsets[d] + e) for d, c, code, s, e in made.spans
                          if c == coder and code == entry.code and d in offsets]) for coder in made.coders]
        observed, expected = brute_force(coders, pieces)
        total_observed += observed
        total_expected += expected
        assert entry.figures.alpha_u.value == pytest.approx(float(1 - observed / expected), abs=1e-9)
    assert result.overall.alpha_u.value == pytest.approx(float(1 - total_observed / total_expected), abs=1e-9)


def test_word_units_are_the_stored_segmentations_tokens(made):
    from desktop_app.core.store.models import Segmentation
    from desktop_app.core.text.segment import unpack_boundaries

    with open_project(made.path) as project, project.session_factory() as session:
        result = measure_agreement(session, made.coders[:2], "word", measures=["alpha"], codes=made.codes)
        stored = {row.document_id: unpack_boundaries(row.boundaries) for row in session.query(Segmentation)}
    coded = {(coder, doc) for doc, coder, *_ in made.spans} | made.done
    words = 0
    for d in made.documents:
        if all((c, d) in coded for c in made.coders[:2]):
            ends = stored[d]
            words += sum(1 for a, b in zip([0, *ends[:-1]], ends, strict=True) if made.texts[d][a:b].strip())
    assert result.units_compared == words


@pytest.fixture
def two_coders(tmp_path):
    text = "社区网格员开展矛盾纠纷调解工作。居民议事会推进协商议事。党建引领基层治理。"
    with init_project(tmp_path / "d.govcoder", sample=False) as project:
        with project.session_factory.begin() as session:
            session.add(Document(title="t", original_text=text, text=text, content_hash="x"))
            session.add(Document(title="u", original_text=text, text=text, content_hash="y"))
            session.flush()
            law, auto, party = "五治/法治", "五治/自治", "党建引领机制/组织嵌入"
            create_annotation(session, 1, 0, 5, law, "甲")     # agreed exactly
            create_annotation(session, 1, 0, 5, law, "乙")
            create_annotation(session, 1, 7, 11, law, "甲")    # different extent
            create_annotation(session, 1, 7, 13, law, "乙")
            create_annotation(session, 1, 16, 21, auto, "甲")  # different code
            create_annotation(session, 1, 17, 21, party, "乙")
            create_annotation(session, 1, 29, 33, party, "甲")  # missing in 乙
            create_annotation(session, 2, 0, 4, law, "甲")      # document 2: 乙 never coded it
        yield project


def test_disagreements_of_each_kind(two_coders):
    with two_coders.session_factory() as session:
        rows = list_disagreements(session, ["甲", "乙"])
        only_law = list_disagreements(session, ["甲", "乙"], code="五治/法治")
    assert [(r.document, r.start, r.end, r.kind) for r in rows] == [
        (1, 7, 13, "different extent"), (1, 16, 21, "different code"), (1, 29, 33, "missing")]
    assert rows[1].codes == ["五治/自治", "党建引领机制/组织嵌入"] and rows[1].coders == ["甲", "乙"]
    assert [(s.coder, s.code, s.start, s.end) for s in rows[1].spans] == [
        ("甲", "五治/自治", 16, 21), ("乙", "党建引领机制/组织嵌入", 17, 21)]
    assert rows[2].coders == ["甲"]
    assert [r.kind for r in only_law] == ["different extent"]


def test_a_document_marked_done_without_annotations_is_coded_absent(two_coders):
    with two_coders.session_factory.begin() as session:
        before = measure_agreement(session, ["甲", "乙"], "sentence", measures=["alpha"])
        set_document_status(session, 2, "乙", "done")
        after = measure_agreement(session, ["甲", "乙"], "sentence", measures=["alpha"])
        rows = list_disagreements(session, ["甲", "乙"])
    assert after.documents_compared == before.documents_compared + 1
    assert (2, 0, 4, "missing") in [(r.document, r.start, r.end, r.kind) for r in rows]


def test_bad_input_is_refused_in_words(two_coders):
    with two_coders.session_factory() as session:
        with pytest.raises(GovCoderError, match="at least two coders"):
            measure_agreement(session, ["甲"], "word")
        with pytest.raises(GovCoderError, match="no coder named"):
            measure_agreement(session, ["甲", "丙"], "word")
        with pytest.raises(GovCoderError, match="no code"):
            measure_agreement(session, ["甲", "乙"], "word", codes=["没有/这个"])
        with pytest.raises(GovCoderError, match="no document has been coded by at least two"):
            measure_agreement(session, ["甲", "乙"], "word", documents=[2])
        with pytest.raises(GovCoderError, match="exactly two"):
            list_disagreements(session, ["甲", "乙", "丙"])
