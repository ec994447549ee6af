"""Correcting what import guessed about a document, without ever touching its text."""

import pytest

from desktop_app.core.documents.attributes import edit_document, remove_attribute, set_attribute
from desktop_app.core.documents.listing import get_document
from desktop_app.core.errors import GovCoderError
from desktop_app.core.store.project import open_project


def test_metadata_edits_return_old_values_that_undo_them(sample_project):
    with open_project(sample_project) as project:
        with project.session_factory.begin() as session:
            before = get_document(session, 1)
            edit = edit_document(session, 1, title="金岭社区的枫桥经验", published="2023-05-02",
                                 authors="任琪琪, 石佳茵 ,", source="民主与法制网")
        with project.session_factory() as session:
            after = get_document(session, 1)
        assert (after.title, after.published, after.authors) == ("金岭社区的枫桥经验", "2023-05-02",
                                                                 ["任琪琪", "石佳茵"])
        assert after.text == before.text
        with project.session_factory.begin() as session:
            edit_document(session, 1, **edit.old)
        with project.session_factory() as session:
            assert get_document(session, 1) == before


@pytest.mark.parametrize("changes, message", [
    ({"title": "  "}, "title"), ({"published": "2023-02-30"}, "not a date"), ({"text": "改"}, "cannot edit text"),
])
def test_bad_metadata_is_refused(sample_project, changes, message):
    with open_project(sample_project) as project, project.session_factory.begin() as session:
        with pytest.raises(GovCoderError, match=message):
            edit_document(session, 1, **changes)


def test_attributes_are_typed_canonical_and_removable(sample_project):
    with open_project(sample_project) as project, project.session_factory.begin() as session:
        assert set_attribute(session, 2, "人口（万）", "3.58", "number").new == ("number", "3.58")
        assert set_attribute(session, 2, "试点", "是", "boolean").new == ("boolean", "true")
        assert set_attribute(session, 2, "考察日期", "2024-03-01", "date").new == ("date", "2024-03-01")
        changed = set_attribute(session, 2, "试点", "no", "boolean")
        assert changed.old == ("boolean", "true") and changed.new == ("boolean", "false")
        for kind, value in (("number", "三点五"), ("date", "去年"), ("boolean", "maybe"), ("colour", "红")):
            with pytest.raises(GovCoderError):
                set_attribute(session, 2, "x", value, kind)
        assert remove_attribute(session, 2, "试点").old == ("boolean", "false")
        attributes = get_document(session, 2).attributes
        assert "试点" not in attributes and attributes["人口（万）"] == {"type": "number", "value": "3.58"}
        with pytest.raises(GovCoderError, match="no attribute"):
            remove_attribute(session, 2, "试点")
