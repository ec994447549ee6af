"""Single-code edits: what a researcher does to a code, what is refused, and undo by the old values."""

import pytest
from codebook_helpers import annotate, code_id, state

from desktop_app.core.codebook.operations import (
    create_code,
    edit_fields,
    recolour_code,
    rename_code,
    set_codable,
    set_description,
    set_english,
    set_guidance,
    set_shortcut,
)
from desktop_app.core.codebook.tree import list_codes
from desktop_app.core.errors import GovCoderError
from desktop_app.core.store.models import Code


def test_create_places_a_code_among_its_siblings_with_the_parents_colour(factory):
    with factory.begin() as s:
        parent = code_id(s, "五治")
        made = create_code(s, "共治", parent, index=1, english="Co-governance")
        assert made.path == "五治/共治" and made.index == 1
        names = [c.name for c in list_codes(s) if c.parent == "五治"]
        assert names[:3] == ["政治", "共治", "自治"]
        assert s.get(Code, made.code_id).colour == s.get(Code, parent).colour
        positions = [c.position for c in s.get(Code, parent).children]
        assert positions == list(range(len(positions)))


@pytest.mark.parametrize("name, message", [("五治/法治", "may not contain"), ("   ", "needs a name"),
                                           ("法治", "already a code named")])
def test_create_refuses_bad_or_duplicate_names(factory, name, message):
    with factory.begin() as s:
        with pytest.raises(GovCoderError, match=message):
            create_code(s, name, code_id(s, "五治"))


def test_same_name_is_allowed_under_another_parent(factory):
    with factory.begin() as s:
        assert create_code(s, "法治", code_id(s, "平台与机制")).path == "平台与机制/法治"


def test_rename_keeps_annotations_and_undo_restores_the_name(factory):
    with factory.begin() as s:
        target = code_id(s, "五治/法治")
        annotate(s, "五治/法治", 0, 4)
        edit = rename_code(s, target, "  依法治理 ")
        assert edit.old == {"name": "法治"} and edit.new == {"name": "依法治理"}
        assert next(c for c in list_codes(s) if c.id == target).annotations == 1
        edit_fields(s, target, **edit.old)
        assert s.get(Code, target).name == "法治"


def test_rename_refuses_a_sibling_name(factory):
    with factory.begin() as s:
        with pytest.raises(GovCoderError, match="already a code named '自治'"):
            rename_code(s, code_id(s, "五治/法治"), "自治")


def test_description_english_and_guidance_edits_return_old_values(factory):
    with factory.begin() as s:
        target = code_id(s, "五治/德治")
        before_description = s.get(Code, target).description
        assert set_description(s, target, "新定义").old == {"description": before_description}
        assert set_english(s, target, " ").new == {"english": None}
        edit = set_guidance(s, target, keywords="家风；乡贤, 家风", use_when="用于道德教化")
        code = s.get(Code, target)
        assert code.keywords == ["家风", "乡贤"]
        assert code.guidance["use_when"] == "用于道德教化" and code.guidance["examples"]  # examples kept
        edit_fields(s, target, **edit.old)
        assert "好婆媳" in s.get(Code, target).keywords


def test_recolour_accepts_hex_and_refuses_other_forms(factory):
    with factory.begin() as s:
        target = code_id(s, "五治/智治")
        assert recolour_code(s, target, "#abc").new == {"colour": "#AABBCC"}
        with pytest.raises(GovCoderError, match="not a colour"):
            recolour_code(s, target, "rgb(1,2,3)")


def test_shortcut_is_unique_in_the_project(factory):
    with factory.begin() as s:
        law, grid = code_id(s, "五治/法治"), code_id(s, "平台与机制/网格化管理")
        with pytest.raises(GovCoderError, match="already belongs to 五治/法治"):
            set_shortcut(s, grid, "3")
        cleared = set_shortcut(s, law, None)
        assert cleared.old == {"shortcut": "3"} and s.get(Code, law).shortcut is None
        assert set_shortcut(s, grid, "3").new == {"shortcut": "3"}


def test_a_code_in_use_cannot_become_a_category(factory):
    with factory.begin() as s:
        annotate(s, "五治/自治", 0, 2)
        with pytest.raises(GovCoderError, match="applied 1 times"):
            set_codable(s, code_id(s, "五治/自治"), False)


def test_making_a_category_clears_its_shortcut_and_undo_gives_it_back(factory):
    with factory.begin() as s:
        before = state(s)
        target = code_id(s, "五治/法治")
        edit = set_codable(s, target, False)
        assert edit.new == {"codable": False, "shortcut": None}
        with pytest.raises(GovCoderError, match="category cannot have a shortcut"):
            set_shortcut(s, target, "0")
        edit_fields(s, target, **edit.old)
        assert state(s) == before
