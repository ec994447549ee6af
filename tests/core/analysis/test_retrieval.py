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


def test_context_is_cut_in_code_points_and_pages_cover_every_segment_once(tmp_path):
    from desktop_app.core.analysis.retrieval import segment_counts
    from desktop_app.core.store.models import Document

    text = "𠮷野家😀社区网格员𠮷走访😀居民。" * 30
    with init_project(tmp_path / "p.govcoder", sample=False) as project:
        with project.session_factory.begin() as session:
            for title in ("a", "b"):
                session.add(Document(title=title, original_text=text, text=text, content_hash=title))
            session.flush()
            law = find_code(session, "五治/法治").id
            spans = [(doc, start, start + 3) for doc in (1, 2) for start in range(5, len(text) - 10, 7)]
            for doc, start, end in spans:
                create_annotation(session, doc, start, end, law, "me")
        with project.session_factory() as session:
            pages = [coded_segments(session, law, context=6, offset=o, limit=25) for o in range(0, len(spans) + 25, 25)]
            counts = segment_counts(session, law)
            some = segment_counts(session, law, documents=[2])
    flat = [s for page in pages for s in page]
    assert [(s.document, s.start, s.end) for s in flat] == sorted(spans)
    for s in flat:  # every context is exactly the text around the span, counted in code points
        assert s.quote == text[s.start:s.end]
        assert s.before == text[max(0, s.start - 6):s.start] and s.after == text[s.end:s.end + 6]
    assert counts == {1: len(spans) // 2, 2: len(spans) // 2} and some == {2: len(spans) // 2}
