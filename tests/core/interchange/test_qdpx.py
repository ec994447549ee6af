"""REFI-QDA: exports validate against the schema, positions follow the target, a round trip keeps
everything, and every shared sample from NVivo, ATLAS.ti and MAXQDA imports."""

from __future__ import annotations

import zipfile

import pytest
from interchange_helpers import snapshot
from lxml import etree
from shared_files import refi_sample, require_shared, shared_listing

from desktop_app.core.errors import GovCoderError
from desktop_app.core.interchange import export_project, import_project
from desktop_app.core.store.project import create_project

NS = {"q": "urn:QDA-XML:project:1.0"}
TARGETS = ["generic", "nvivo", "maxqda"]


def _qde(path):
    with zipfile.ZipFile(path) as package:
        return package, etree.fromstring(package.read("project.qde"))


@pytest.mark.parametrize("target", TARGETS)
def test_export_validates_against_the_project_schema(coded_project, project_schema, tmp_path, target):
    out = tmp_path / f"p-{target}.qdpx"
    with coded_project.session_factory() as s:
        report = export_project(s, out, "qdpx", target=target)
    assert report.annotations == 9 and report.documents == 3
    with zipfile.ZipFile(out) as package:
        names = package.namelist()
        root = etree.fromstring(package.read("project.qde"))
    assert names[0] == "project.qde"
    assert all(name.startswith("sources/") for name in names[1:]) and len(names) == 4
    assert project_schema.validate(root), project_schema.error_log
    for source in root.iterfind(".//q:TextSource", NS):
        assert source.get("plainTextPath") == f"internal://{source.get('guid')}.txt"
        assert source.get("richTextPath") is None
    for element in root.iter():
        if element.get("guid"):
            assert len(element.get("guid")) == 36
    assert not list(out.parent.glob("*.partial")) and not list(out.parent.glob(".*.partial"))


@pytest.mark.parametrize("target", TARGETS)
def test_positions_select_the_same_characters_in_the_written_source(coded_project, tmp_path, target):
    out = tmp_path / "p.qdpx"
    with coded_project.session_factory() as s:
        export_project(s, out, "qdpx", target=target)
    with zipfile.ZipFile(out) as package:
        root = etree.fromstring(package.read("project.qde"))
        for source in root.iterfind(".//q:TextSource", NS):
            raw = package.read(f"sources/{source.get('guid')}.txt")
            if target == "nvivo":
                assert raw.startswith(b"\xef\xbb\xbf")
                text = raw[3:].decode("utf-8")
                units = text.encode("utf-16-le")
                assert "\r\n" in text or "\n" not in text
            else:
                assert not raw.startswith(b"\xef\xbb\xbf")
                text = raw.decode("utf-8")
                assert ("\r\n" in text) == (target == "maxqda" and "\n" in text)
            for selection in source.iterfind("q:PlainTextSelection", NS):
                start, end = int(selection.get("startPosition")), int(selection.get("endPosition"))
                if target == "nvivo":
                    quote = units[2 * start:2 * end].decode("utf-16-le")
                else:
                    quote = text[start:end]
                expected = selection.get("name").rstrip("…")
                assert " ".join(quote.split()).startswith(expected)


def test_nvivo_positions_count_utf16_units_and_crlf_as_two(coded_project, tmp_path):
    out = tmp_path / "p.qdpx"
    with coded_project.session_factory() as s:
        export_project(s, out, "qdpx", target="nvivo")
    _, root = _qde(out)
    names = {sel.get("name"): (int(sel.get("startPosition")), int(sel.get("endPosition")))
             for sel in root.iterfind(".//q:PlainTextSelection", NS)}
    # "𠮷野家" is at the very start: 𠮷 is two UTF-16 units.
    assert names["𠮷野家"] == (0, 4)
    # "𠮷在新时代\n三治" crosses a line: after 𠮷(2)+...+😀(2) and one CRLF.
    text = "𠮷野家社区党建引领基层治理😀网格员走访\n第二段：枫桥经验𠮷在新时代\n三治融合：自治、法治、德治。"
    crlf = text.replace("\n", "\r\n")
    start = crlf.index("𠮷在新时代")
    u = lambda s: len(s.encode("utf-16-le")) // 2  # noqa: E731
    assert names["𠮷在新时代 三治"] == (u(crlf[:start]), u(crlf[:start]) + u("𠮷在新时代\r\n三治"))


@pytest.mark.parametrize("target", TARGETS)
def test_round_trip_keeps_documents_codes_coders_annotations_memos_attributes(coded_project, tmp_path, target):
    out = tmp_path / "p.qdpx"
    with coded_project.session_factory() as s:
        export_project(s, out, "qdpx", target=target)
    fresh = create_project(tmp_path / "fresh.govcoder")
    try:
        report = import_project(fresh.session_factory, out)
        assert report.unplaced == [] and report.annotations == 9 and report.documents == 3
        assert report.memos == 3 and report.coders == 2
        assert snapshot(fresh, guidance=True) == snapshot(coded_project, guidance=True)
    finally:
        fresh.close()


@pytest.mark.parametrize("entry", shared_listing("refi-qda", "samples"))
def test_every_shared_sample_imports_or_is_refused_by_name(empty_project, entry):
    sample = refi_sample(entry)
    if "not-a-zip" in sample.name:
        with pytest.raises(GovCoderError, match=f"{sample.name} is not a .qdpx package"):
            import_project(empty_project.session_factory, sample)
        return
    report = import_project(empty_project.session_factory, sample)
    assert report.codes > 0 or "blank" in sample.name
    assert report.unplaced == [] or sample.name.startswith("skyloom")


def test_nvivo_sample_keeps_its_three_level_tree_and_empty_sources(empty_project):
    report = import_project(empty_project.session_factory, require_shared("refi-qda", "samples", "cproctor-nvivo_project.qdpx"))
    assert report.documents == 2 and report.codes == 262 and report.coders == 1  # chrisp only created the sources
    with empty_project.session_factory() as s:
        from desktop_app.core.codebook.tree import list_codes

        paths = [c.path for c in list_codes(s)]
    assert "rq1_definition/competencies/programming" in paths


def test_maxqda_sample_keeps_descriptions_colours_and_sets(empty_project):
    report = import_project(empty_project.session_factory, require_shared("refi-qda", "samples", "bedingjd-ICLS-maxqda24.qdpx"))
    assert report.documents == 10 and report.unplaced == []
    snap = snapshot(empty_project)
    assert any(c["description"].startswith("This category encompasses") for c in snap["codes"].values())
    assert any(c["colour"] == "#EF8256" for c in snap["codes"].values())
    assert all(("set: ICLS 2024", "boolean", "true") in d["attributes"] or
               ("set: ICLS 2025", "boolean", "true") in d["attributes"] for d in snap["documents"].values())
    assert all(not d["text"].startswith("\ufeff") and "\r" not in d["text"] for d in snap["documents"].values())


def test_atlas_spec_example_reports_every_coding_it_cannot_place(empty_project):
    report = import_project(empty_project.session_factory, require_shared("refi-qda", "samples", "skyloom-ATLAS8-standard-project-spec-example.qde"))
    assert report.codes == 14 and report.coders == 3 and report.documents == 0
    # Its text files are not shipped with the bare .qde: each coding is listed, none is dropped silently.
    assert len(report.unplaced) == 16
    assert {u.document for u in report.unplaced} >= {"Simon.docx", "cornflakes-n-milk.jpg"}
    assert report.memos == 4  # the two notes, and two quotation comments on sources that are missing
