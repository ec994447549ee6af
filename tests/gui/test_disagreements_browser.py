"""The disagreement browser: walk three disagreements between two coders, take one coder's version of
one, neither of another, an edited span (the reading view's selection) for the third, and find
exactly those decisions in the consensus layer of the project file; undo takes the last back."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import select

from desktop_app.core.analysis.agreement.adjudication import list_decisions
from desktop_app.core.annotate.operations import create_annotation
from desktop_app.core.store.models import Annotation, Coder
from desktop_app.core.store.project import open_project
from tests.gui.conftest import ASTRAL_TEXT, add_document, drag

LAW, AUTO, PARTY = "五治/法治", "五治/自治", "党建引领机制/组织嵌入"


def at(word: str) -> tuple[int, int]:
    start = ASTRAL_TEXT.index(word)
    return start, start + len(word)


def two_coders(project_path) -> int:
    document = add_document(project_path, ASTRAL_TEXT)
    with open_project(project_path) as project, project.session_factory.begin() as session:
        create_annotation(session, document, *at("社区网格员"), LAW, "甲")       # different extent
        create_annotation(session, document, *at("社区网格员开展"), LAW, "乙")
        create_annotation(session, document, *at("矛盾纠纷"), AUTO, "甲")        # different code
        create_annotation(session, document, *at("矛盾纠纷"), PARTY, "乙")
        create_annotation(session, document, *at("居民议事会"), PARTY, "甲")     # missing in 乙
    return document


def consensus_rows(project_path):
    with open_project(project_path) as project, project.session_factory() as session:
        rows = sorted((a.document_id, a.code.name, a.start, a.end) for a in session.scalars(
            select(Annotation).join(Coder).where(Coder.consensus.is_(True))))
        originals = sorted((a.coder.name, a.start, a.end) for a in session.scalars(
            select(Annotation).join(Coder).where(Coder.name.in_(["甲", "乙"]))))
        decisions = [(d.disagreement, d.choice, d.span, d.adjudicator) for d in list_decisions(session)]
    return rows, originals, decisions


def test_walk_take_reject_and_edit_into_the_consensus_layer_then_undo(qtbot, project_path, open_window):
    document = two_coders(project_path)
    window = open_window(project_path)
    panel = window.disagreements
    assert not panel.on_screen and panel.refreshes == 0  # hidden: no work done
    window.disagreements_action.trigger()
    qtbot.waitUntil(lambda: panel.on_screen)
    panel.choose_coders("甲", "乙")
    model = panel.model
    assert [(r.disagreement.kind, r.disagreement.document) for r in model.rows] == [
        ("different extent", document), ("different code", document), ("missing", document)]
    _, originals_before, _ = consensus_rows(project_path)
    ids = [r.disagreement.id for r in model.rows]

    # The first row opens the document at the passage with both coders' layers (and the consensus) shown.
    panel.table.setFocus()
    panel.show_row(0)
    assert window.bench.document.id == document
    assert window.reading.layers.shown_coders == {"甲", "乙", "consensus"}
    qtbot.mouseClick(panel.buttons["A"], Qt.MouseButton.LeftButton)   # take 甲's 社区网格员
    assert panel.current_row().disagreement.id == ids[1]               # moved to the next one
    qtbot.mouseClick(panel.buttons["neither"], Qt.MouseButton.LeftButton)
    assert panel.current_row().disagreement.id == ids[2]
    start, end = at("居民议事会")
    drag(window.reading, start, start + 1)                              # the edited span: 居民
    edited = window.reading.selected_span()
    assert edited is not None and start <= edited[0] < edited[1] <= end
    qtbot.mouseClick(panel.buttons["edit"], Qt.MouseButton.LeftButton)

    rows, originals, decisions = consensus_rows(project_path)
    assert rows == [(document, "法治", *at("社区网格员")), (document, "组织嵌入", *edited)]
    assert decisions == [(ids[0], "A", None, "tester"), (ids[1], "neither", None, "tester"),
                         (ids[2], "A", edited, "tester")]
    assert originals == originals_before
    assert [r.decision.taken for r in model.rows] == ["take A", "neither", "edited span"]
    assert model.index(2, 5).data() == "edited span (by tester)"
    assert {a.coder for a in window.bench.annotations.values()} >= {"consensus"}

    window.bench.undo_stack.undo()
    rows, _, decisions = consensus_rows(project_path)
    assert rows == [(document, "法治", *at("社区网格员"))]
    assert [d[0] for d in decisions] == ids[:2]
    assert model.rows[2].decision is None
    assert "consensus" not in {a.coder for a in window.bench.annotations.values()
                               if (a.start, a.end) == edited}


def test_the_table_sorts_and_refuses_a_decided_row_until_undone(qtbot, project_path, open_window):
    two_coders(project_path)
    window = open_window(project_path)
    window.open_disagreements()
    panel = window.disagreements
    qtbot.waitUntil(lambda: panel.on_screen)
    panel.choose_coders("甲", "乙")
    panel.table.sortByColumn(4, Qt.SortOrder.AscendingOrder)  # kind
    assert [r.disagreement.kind for r in panel.model.rows] == ["different code", "different extent", "missing"]
    errors = []
    window.bench.errorRaised.disconnect()
    window.bench.errorRaised.connect(errors.append)
    panel.table.selectRow(0)
    panel.decide("both")
    panel.table.selectRow(0)
    panel.decide("B")
    assert errors and "decided already" in errors[-1]
    rows, _, decisions = consensus_rows(project_path)
    assert [d[1] for d in decisions] == ["both"]
    assert [r[1] for r in rows] == ["组织嵌入", "自治"]
