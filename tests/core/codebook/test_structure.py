"""Reshaping the tree never loses or orphans an annotation, and every step undoes exactly."""

import pytest
from codebook_helpers import annotate, code_id, state
from sqlalchemy import func, select

from desktop_app.core.codebook.filtering import filter_codes
from desktop_app.core.codebook.operations import create_code
from desktop_app.core.codebook.structure import (
    delete_code,
    merge_codes,
    move_code,
    undo_delete,
    undo_merge,
    undo_move,
)
from desktop_app.core.codebook.tree import list_codes
from desktop_app.core.errors import GovCoderError
from desktop_app.core.store.models import Annotation, Code, Memo


def children(session, path):
    return [c.name for c in list_codes(session) if c.parent == path]


def test_reorder_among_siblings_and_undo(factory):
    with factory.begin() as s:
        before = state(s)
        moved = move_code(s, code_id(s, "五治/智治"), code_id(s, "五治"), 0)
        assert children(s, "五治")[:2] == ["智治", "政治"]
        assert (moved.old_index, moved.new_index) == (4, 0)
        undo_move(s, moved)
        assert state(s) == before


def test_move_under_another_parent_keeps_annotations_and_paths_follow(factory):
    with factory.begin() as s:
        annotate(s, "平台与机制/网格化管理", 14, 17)
        before = state(s)
        moved = move_code(s, code_id(s, "平台与机制/网格化管理"), code_id(s, "党建引领机制"))
        assert moved.new_path == "党建引领机制/网格化管理" and moved.old_path == "平台与机制/网格化管理"
        assert next(c for c in list_codes(s) if c.path == moved.new_path).annotations == 1
        for parent in ("平台与机制", "党建引领机制"):
            assert [c.position for c in s.get(Code, code_id(s, parent)).children] == \
                list(range(len(children(s, parent))))
        undo_move(s, moved)
        assert state(s) == before


def test_move_to_the_top_level(factory):
    with factory.begin() as s:
        moved = move_code(s, code_id(s, "五治/法治"), None, 0)
        assert moved.new_path == "法治" and list_codes(s)[0].path == "法治"


@pytest.mark.parametrize("target, message", [("五治", "under itself"), ("五治/自治", "under itself"),
                                             ("平台与机制", "already a code named")])
def test_move_refusals(factory, target, message):
    with factory.begin() as s:
        source = "五治" if target != "平台与机制" else "五治/法治"
        if message.startswith("already"):
            create_code(s, "法治", code_id(s, "平台与机制"))
        with pytest.raises(GovCoderError, match=message):
            move_code(s, code_id(s, source), code_id(s, target))


def test_merge_moves_annotations_and_collapses_exact_duplicates(factory):
    with factory.begin() as s:
        annotate(s, "五治/法治", 0, 4, memo="法治的说法")
        annotate(s, "五治/自治", 0, 4, memo="议事会是自治")   # same span, same coder: collapses
        annotate(s, "五治/自治", 0, 4, coder="乙")          # another coder: kept
        annotate(s, "五治/自治", 8, 13)                      # different span: moved
        s.add(Memo(kind="code", code_id=code_id(s, "五治/自治"), text="自治的备忘"))
        s.flush()
        before = state(s)
        merged = merge_codes(s, code_id(s, "五治/自治"), code_id(s, "五治/法治"))
        assert merged.annotations_moved == 2 and merged.duplicates_collapsed == 1
        law = code_id(s, "五治/法治")
        rows = s.scalars(select(Annotation).order_by(Annotation.id)).all()
        assert len(rows) == 3 and all(a.code_id == law for a in rows)
        assert rows[0].memo == "法治的说法\n议事会是自治"
        assert s.scalar(select(Memo.code_id)) == law
        assert "自治" not in children(s, "五治")
        undo_merge(s, merged)
        assert state(s) == before


def test_merge_takes_the_sub_codes_along(factory):
    with factory.begin() as s:
        police = code_id(s, "治理主体/政法力量/公安与警务")
        annotate(s, "治理主体/政法力量/公安与警务", 14, 17)
        before = state(s)
        merged = merge_codes(s, code_id(s, "治理主体/政法力量"), code_id(s, "治理主体/政府及下沉力量"))
        assert s.get(Code, police).parent_id == code_id(s, "治理主体/政府及下沉力量")
        assert "公安与警务" in children(s, "治理主体/政府及下沉力量")
        undo_merge(s, merged)
        assert state(s) == before


@pytest.mark.parametrize("source, target, message", [
    ("五治/法治", "五治/法治", "into itself"),
    ("治理主体/政法力量", "治理主体/政法力量/公安与警务", "its own codes"),
    ("五治/法治", "平台与机制", "is a category"),
])
def test_merge_refusals(factory, source, target, message):
    with factory.begin() as s:
        annotate(s, "五治/法治", 0, 2)
        with pytest.raises(GovCoderError, match=message):
            merge_codes(s, code_id(s, source), code_id(s, target))


def test_delete_is_refused_while_annotations_use_the_code_or_its_sub_codes(factory):
    with factory.begin() as s:
        annotate(s, "治理主体/政法力量/律师与法律顾问", 20, 24)
        with pytest.raises(GovCoderError, match="applied 1 times"):
            delete_code(s, code_id(s, "治理主体"))
        with pytest.raises(GovCoderError, match="applied 1 times"):
            delete_code(s, code_id(s, "治理主体/政法力量/律师与法律顾问"))
        assert s.scalar(select(func.count()).select_from(Annotation)) == 1


def test_delete_an_unused_subtree_and_undo(factory):
    with factory.begin() as s:
        s.add(Memo(kind="code", code_id=code_id(s, "议题领域/养老"), text="养老备忘"))
        s.flush()
        before = state(s)
        deleted = delete_code(s, code_id(s, "议题领域"))
        assert len(deleted.codes) == 8 and len(deleted.memos) == 1
        assert all(not c.path.startswith("议题领域") for c in list_codes(s))
        assert [c.position for c in s.scalars(select(Code).where(Code.parent_id.is_(None))
                                              .order_by(Code.position))] == list(range(6))
        undo_delete(s, deleted)
        assert state(s) == before


def test_delete_with_its_annotations_and_undo(factory):
    with factory.begin() as s:
        annotate(s, "五治/德治", 0, 2, memo="要紧的备忘")
        before = state(s)
        deleted = delete_code(s, code_id(s, "五治/德治"), annotations="delete")
        assert len(deleted.annotations_deleted) == 1
        assert s.scalar(select(func.count()).select_from(Annotation)) == 0
        undo_delete(s, deleted)
        assert state(s) == before


def test_delete_reassigning_annotations_and_undo(factory):
    with factory.begin() as s:
        annotate(s, "五治/德治", 0, 2)
        annotate(s, "五治/自治", 0, 2)
        annotate(s, "五治/德治", 5, 9)
        before = state(s)
        deleted = delete_code(s, code_id(s, "五治/德治"), annotations="reassign",
                              reassign_to=code_id(s, "五治/自治"))
        assert len(deleted.recoded.moved) == 1 and len(deleted.recoded.collapsed) == 1
        spans = sorted((a.start, a.end) for a in s.scalars(select(Annotation)))
        assert spans == [(0, 2), (5, 9)]
        undo_delete(s, deleted)
        assert state(s) == before


def test_reassign_refuses_a_target_inside_the_deleted_subtree(factory):
    with factory.begin() as s:
        with pytest.raises(GovCoderError, match="being deleted"):
            delete_code(s, code_id(s, "治理主体"), annotations="reassign",
                        reassign_to=code_id(s, "治理主体/居民"))


def test_filter_by_name_english_and_keyword_shows_ancestors(factory):
    with factory.begin() as s:
        by_keyword = filter_codes(s, "派出所")
        assert by_keyword.matches == {code_id(s, "治理主体/政法力量/公安与警务")}
        assert by_keyword.visible == by_keyword.matches | {code_id(s, "治理主体/政法力量"),
                                                           code_id(s, "治理主体")}
        assert code_id(s, "平台与机制/枫桥经验") in filter_codes(s, "FENGQIAO").matches
        assert filter_codes(s, "").matches == {c.id for c in list_codes(s)}
        assert not filter_codes(s, "不存在的词语").visible
