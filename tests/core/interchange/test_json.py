"""The JSON project format: valid against its schema, and a lossless round trip."""

from __future__ import annotations

import json

import jsonschema
import pytest
from interchange_helpers import REPO, snapshot

from desktop_app.core.errors import GovCoderError
from desktop_app.core.interchange import export_project, import_project
from desktop_app.core.store.project import create_project

SCHEMA = json.loads((REPO / "resources" / "schemas" / "govcoder-project.schema.json").read_text(encoding="utf-8"))


def test_export_validates_against_the_schema(coded_project, tmp_path):
    out = tmp_path / "p.json"
    with coded_project.session_factory() as s:
        export_project(s, out, "json")
    document = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    jsonschema.validate(document, SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    assert document["format"] == "govcoder-project" and document["version"] == 1
    assert len(document["annotations"]) == 9 and "𠮷" in out.read_text(encoding="utf-8")


def test_round_trip_is_lossless(coded_project, tmp_path):
    out = tmp_path / "p.json"
    with coded_project.session_factory() as s:
        export_project(s, out, "json")
    fresh = create_project(tmp_path / "fresh.govcoder")
    try:
        report = import_project(fresh.session_factory, out)
        assert report.unplaced == [] and report.annotations == 9 and report.memos == 3
        assert snapshot(fresh, full=True) == snapshot(coded_project, full=True)
        # Exported again, it is the same document (apart from the export time).
        again = tmp_path / "again.json"
        with fresh.session_factory() as s:
            export_project(s, again, "json")
        first, second = json.loads(out.read_text("utf-8")), json.loads(again.read_text("utf-8"))
        first.pop("exported_at"), second.pop("exported_at")
        assert first == second
    finally:
        fresh.close()


@pytest.mark.parametrize("mutate, words", [
    (lambda d: d.update(format="other"), "not a GovCoder project"),
    (lambda d: d.update(version=99), "newer GovCoder"),
    (lambda d: d["annotations"][0].update(start="0"), "annotations[0]: start must be int"),
    (lambda d: d["memos"][0].update(kind="coding"), "memos[0]: kind"),
])
def test_invalid_json_is_refused_and_nothing_written(coded_project, empty_project, tmp_path, mutate, words):
    out = tmp_path / "p.json"
    with coded_project.session_factory() as s:
        export_project(s, out, "json")
    document = json.loads(out.read_text("utf-8"))
    mutate(document)
    out.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(GovCoderError, match=words.replace("[", r"\[").replace("]", r"\]")):
        import_project(empty_project.session_factory, out)
    assert snapshot(empty_project)["documents"] == {}


def test_import_into_a_project_merges_coders_and_codes_by_name(coded_project, tmp_path):
    out = tmp_path / "p.json"
    with coded_project.session_factory() as s:
        export_project(s, out, "json")
    before = snapshot(coded_project)
    report = import_project(coded_project.session_factory, out)
    assert report.codes == 0 and report.codes_merged == 5 and report.coders == 0
    # Its own export read back is all already there: nothing is added twice.
    assert (report.documents, report.annotations) == (0, 0)
    assert (report.documents_present, report.annotations_present) == (3, 9)
    snap = snapshot(coded_project)
    assert len(snap["documents"]) == 3 and len(snap["annotations"]) == 9 and len(snap["codes"]) == 5
    assert snap == before
