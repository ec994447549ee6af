"""Filters on every export: coders, codes with their sub-codes, documents."""

from __future__ import annotations

import json

import pytest

from desktop_app.core.errors import GovCoderError
from desktop_app.core.interchange import EXPORT_FORMATS, export_project


def _json(project, tmp_path, **filters):
    out = tmp_path / "f.json"
    with project.session_factory() as s:
        export_project(s, out, "json", **filters)
    return json.loads(out.read_text("utf-8"))


def test_coder_filter(coded_project, tmp_path):
    data = _json(coded_project, tmp_path, coders=["alice"])
    assert len(data["annotations"]) == 5 and [c["name"] for c in data["coders"]] == ["alice"]
    assert all(m["coder"] in (None, data["coders"][0]["guid"]) for m in data["memos"])


def test_code_filter_includes_sub_codes_and_keeps_ancestors(coded_project, tmp_path):
    data = _json(coded_project, tmp_path, codes=["五治/法治"])
    names = {c["name"] for c in data["codes"]}
    assert names == {"五治", "法治", "普法宣传"}
    assert len(data["annotations"]) == 4  # 法治 x3 and 普法宣传 x1


def test_document_filter(coded_project, tmp_path):
    with coded_project.session_factory() as s:
        from desktop_app.core.documents.listing import list_documents

        first = list_documents(s)[0].id
    data = _json(coded_project, tmp_path, docs=[str(first)])
    assert [d["title"] for d in data["documents"]] == ["文档1"]
    assert len(data["annotations"]) == 5
    assert {m["kind"] for m in data["memos"]} == {"project", "document", "code"}


@pytest.mark.parametrize("fmt", EXPORT_FORMATS)
def test_every_format_takes_the_filters(coded_project, tmp_path, fmt, project_schema):
    out = tmp_path / f"f.{fmt}"
    with coded_project.session_factory() as s:
        report = export_project(s, out, fmt, coders=["鲍勃"], codes=["五治"], docs=None)
    assert out.exists() and report.bytes > 0
    if fmt == "qdpx":
        import zipfile

        from lxml import etree

        with zipfile.ZipFile(out) as package:
            root = etree.fromstring(package.read("project.qde"))
        assert project_schema.validate(root), project_schema.error_log
        assert report.annotations == 4 and report.coders == 1


@pytest.mark.parametrize("filters, words", [
    ({"coders": ["nobody"]}, "no coder named"),
    ({"codes": ["不存在"]}, "no code"),
    ({"docs": ["999"]}, "no document with id 999"),
    ({"docs": ["abc"]}, "not a document id"),
])
def test_unknown_filter_values_are_errors(coded_project, tmp_path, filters, words):
    with coded_project.session_factory() as s, pytest.raises(GovCoderError, match=words):
        export_project(s, tmp_path / "x.csv", "csv", **filters)
    assert not (tmp_path / "x.csv").exists()


def test_unknown_format_and_target(coded_project, tmp_path):
    with coded_project.session_factory() as s:
        with pytest.raises(GovCoderError, match="unknown export format"):
            export_project(s, tmp_path / "x", "docx")
        with pytest.raises(GovCoderError, match="unknown export target"):
            export_project(s, tmp_path / "x.qdpx", "qdpx", target="atlas")


def test_qdc_export_validates_against_the_codebook_schema(coded_project, tmp_path):
    from lxml import etree
    from shared_files import require_shared

    out = tmp_path / "c.qdc"
    with coded_project.session_factory() as s:
        report = export_project(s, out, "qdc", codes=["网格化管理"])
    schema = etree.XMLSchema(etree.parse(str(require_shared("refi-qda", "Codebook-mrt2019.xsd"))))
    assert schema.validate(etree.parse(str(out))), schema.error_log
    assert report.codes == 1


def test_reports_are_plain_json(coded_project, empty_project, tmp_path):
    out = tmp_path / "r.qdpx"
    with coded_project.session_factory() as s:
        exported = export_project(s, out, "qdpx", target="nvivo")
    assert json.loads(json.dumps(exported.to_json()))["target"] == "nvivo"
    assert "for nvivo" in exported.summary()
    from desktop_app.core.interchange import import_project

    imported = import_project(empty_project.session_factory, out)
    data = json.loads(json.dumps(imported.to_json(), ensure_ascii=False))
    assert data["annotations"] == 9 and data["unplaced"] == [] and data["origin"].endswith("(target nvivo)")
    assert imported.summary_lines()[0].startswith("imported ")


def test_unknown_import_file_type(empty_project, tmp_path):
    from desktop_app.core.interchange import import_project

    other = tmp_path / "notes.txt"
    other.write_text("x", encoding="utf-8")
    with pytest.raises(GovCoderError, match="choose a .qdpx, .qde or GovCoder .json"):
        import_project(empty_project.session_factory, other)
    with pytest.raises(GovCoderError, match="no file at"):
        import_project(empty_project.session_factory, tmp_path / "missing.qdpx")
