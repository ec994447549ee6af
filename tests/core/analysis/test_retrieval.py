"""Coded segments across the corpus, with sub-codes and context."""

from __future__ import annotations

from desktop_app.core.analysis.retrieval import coded_segments
from desktop_app.core.annotate.operations import create_annotation
from desktop_app.core.codebook.tree import find_code
from desktop_app.core.projects.new_project import init_project


def test_segments_of_a_code_and_its_subcodes_with_context(tmp_path):
    with init_project(tmp_path / "p.govcoder", sample=False) as project:
        from desktop_app.core.store.models import Document

        with project.session_factory.begin() as session:
            text = "第一段。\n社区网格员开展矛盾纠纷调解工作。\n居民议事会推进协商议事。"
            session.add(Document(title="t", original_text=text, text=text, content_hash="x"))
            session.flush()
            law = find_code(session, "五治/法治").id
            five = find_code(session, "五治").id
            a = text.index("矛盾")
            create_annotation(session, 1, a, a + 4, law, "me", memo="m")
            b = text.index("协商")
            create_annotation(session, 1, b, b + 4, "五治/自治", "you")
        with project.session_factory() as session:
            both = coded_segments(session, five, context=5)
            only_law = coded_segments(session, law)
            mine = coded_segments(session, five, coder="me")
            none = coded_segments(session, five, with_subcodes=False)
    assert [(s.quote, s.code) for s in both] == [("矛盾纠纷", "五治/法治"), ("协商议事", "五治/自治")]
    assert both[0].before == "网格员开展" and both[0].after == "调解工作。"
    assert both[1].after == "。"  # context stops at the paragraph's end
    assert [s.quote for s in only_law] == ["矛盾纠纷"] and only_law[0].memo == "m"
    assert [s.coder for s in mine] == ["me"]
    assert none == []
