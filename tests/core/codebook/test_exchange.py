"""Codebook files in and out: what another program or a co-coder gets, and what comes back."""

import csv
import zipfile

import pytest
from codebook_helpers import annotate, code_id, codebook_schema
from lxml import etree
from shared_files import refi_sample, require_shared, shared_listing

from desktop_app.core.codebook.exchange import export_codebook, import_codebook
from desktop_app.core.codebook.operations import create_code, set_shortcut
from desktop_app.core.codebook.tree import list_codes
from desktop_app.core.errors import GovCoderError
from desktop_app.core.store.models import Code
from desktop_app.core.store.project import create_project


def fields(codes):
    return [(c.path, c.english, c.description, c.colour, c.shortcut, c.codable) for c in codes]


@pytest.fixture
def empty(project):
    return project.session_factory


@pytest.mark.parametrize("suffix", [".json", ".csv", ".qdc"])
def test_export_then_import_into_an_empty_project_gives_the_same_codebook(factory, tmp_path, suffix):
    target = tmp_path / f"book{suffix}"
    with factory() as s:
        original = list_codes(s)
        guidance = {c.path: (s.get(Code, c.id).keywords, s.get(Code, c.id).guidance) for c in original}
        assert export_codebook(s, target).codes == len(original)
    second = create_project(tmp_path / "second.govcoder")
    try:
        with second.session_factory.begin() as s:
            report = import_codebook(s, target)
            assert len(report.added) == len(original) and not report.updated
        with second.session_factory() as s:
            copied = list_codes(s)
            expected = fields(original)
            if suffix == ".qdc":  # shortcuts are GovCoder's own
                expected = [(*row[:4], None, row[5]) for row in expected]
            assert fields(copied) == expected
            if suffix != ".csv":  # the table carries no keywords or guidance
                assert {c.path: (s.get(Code, c.id).keywords, s.get(Code, c.id).guidance)
                        for c in copied} == guidance
    finally:
        second.close()


def test_exported_qdc_validates_and_keeps_guids_and_hierarchy(factory, tmp_path):
    with factory.begin() as s:
        create_code(s, "R&D <新> \"代码\"", code_id(s, "五治"), description="含 <特殊> & 字符")
        guid = s.get(Code, code_id(s, "五治/法治")).guid
        export_codebook(s, tmp_path / "book.qdc")
    document = etree.parse(str(tmp_path / "book.qdc"))
    codebook_schema().assertValid(document)
    ns = {"q": "urn:QDA-XML:codebook:1.0"}
    law = document.find(".//q:Code[@name='五治']/q:Code[@name='法治']", ns)
    assert law.get("guid") == guid and law.get("isCodable") == "true" and law.get("color") == "#1565C0"
    assert document.find(".//q:Code[@name='五治']", ns).get("isCodable") == "false"


def test_exporting_an_empty_codebook_as_qdc_is_refused_not_invalid(empty, tmp_path):
    with empty() as s:
        with pytest.raises(GovCoderError, match="empty"):
            export_codebook(s, tmp_path / "none.qdc")
    assert not (tmp_path / "none.qdc").exists()


def test_unknown_extension_is_refused(factory, tmp_path):
    with factory() as s, pytest.raises(GovCoderError, match="must end in"):
        export_codebook(s, tmp_path / "book.xlsx")


def test_csv_is_excel_friendly_and_safe_against_formulas(factory, tmp_path):
    with factory.begin() as s:
        create_code(s, "=HYPERLINK(\"x\")", None, description="+1 是公式吗", english="@risk")
        export_codebook(s, tmp_path / "book.csv")
    raw = (tmp_path / "book.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader((tmp_path / "book.csv").read_text(encoding="utf-8-sig").splitlines()))
    assert list(rows[0]) == ["path", "name", "english", "description", "colour", "shortcut", "codable"]
    risky = next(r for r in rows if "HYPERLINK" in r["name"])
    assert all(not risky[k].startswith(("=", "+", "-", "@")) for k in risky)
    with factory.begin() as s:
        report = import_codebook(s, tmp_path / "book.csv")
        assert report.unchanged == len(rows) and not report.added
        assert s.get(Code, code_id(s, "=HYPERLINK(\"x\")")).english == "@risk"


def test_csv_rows_in_any_order_with_missing_parents_and_slashes(empty, tmp_path):
    table = tmp_path / "mine.csv"
    table.write_text("path,name,english,description,colour,shortcut,codable\n"
                     "治理/居民参与,,Participation,,\"rgb(10, 20, 30)\",1,是\n"
                     "治理,,Governance,,#ABC,,false\n"
                     "议题/养老,,,,not-a-colour,1,maybe\n", encoding="utf-8")
    with empty.begin() as s:
        report = import_codebook(s, table)
        codes = {c.path: c for c in list_codes(s)}
    assert list(codes) == ["治理", "治理/居民参与", "议题", "议题/养老"]
    assert codes["治理"].colour == "#AABBCC" and not codes["治理"].codable
    assert codes["治理/居民参与"].colour == "#0A141E" and codes["治理/居民参与"].shortcut == "1"
    assert codes["议题/养老"].shortcut is None and not codes["议题"].codable
    text = "\n".join(report.notes)
    assert "parent 议题 is not in the table" in text and "'not-a-colour'" in text
    assert "shortcut '1'" in text and "'maybe'" in text


def test_merge_adds_new_codes_and_keeps_the_projects_values(factory, tmp_path):
    book = tmp_path / "theirs.json"
    book.write_text('{"format": "govcoder-codebook", "version": 1, "codes": ['
                    '{"name": "五治", "codable": false, "children": ['
                    ' {"name": "法治", "description": "他们的定义", "colour": "#000000", "shortcut": "3"},'
                    ' {"name": "共治", "english": "Co-governance", "shortcut": "3"},'
                    ' {"name": "善治/良治", "english": "Good governance"}]}]}', encoding="utf-8")
    with factory.begin() as s:
        law = s.get(Code, code_id(s, "五治/法治"))
        own = (law.description, law.colour)
        report = import_codebook(s, book)
        assert report.added == ["五治/共治", "五治/善治／良治"] and report.unchanged == 2
        assert (law.description, law.colour) == own
        names = [c.name for c in list_codes(s) if c.parent == "五治"]
        assert names[-2:] == ["共治", "善治／良治"]
        assert s.get(Code, code_id(s, "五治/共治")).shortcut is None
        assert any("'/'" in note for note in report.notes)
        assert any("shortcut '3'" in note for note in report.notes)


def test_replace_makes_the_imported_codebook_the_projects(factory, tmp_path):
    book = tmp_path / "small.json"
    book.write_text('{"format": "govcoder-codebook", "version": 1, "codes": ['
                    '{"name": "五治", "codable": false, "children": ['
                    ' {"name": "自治", "description": "新定义", "shortcut": "1"}, {"name": "法治"}]}]}',
                    encoding="utf-8")
    with factory.begin() as s:
        autonomy = code_id(s, "五治/自治")
        annotate(s, "五治/自治", 0, 4)
        report = import_codebook(s, book, replace=True)
        assert [c.path for c in list_codes(s)] == ["五治", "五治/自治", "五治/法治"]
        assert code_id(s, "五治/自治") == autonomy  # same code: its annotation stays
        assert s.get(Code, autonomy).description == "新定义" and s.get(Code, autonomy).shortcut == "1"
        assert "治理主体" in report.removed and len(report.removed) == 53 - 3


def test_replace_is_refused_when_it_would_remove_a_code_in_use(factory, tmp_path):
    book = tmp_path / "small.json"
    book.write_text('{"format": "govcoder-codebook", "version": 1, "codes": [{"name": "五治"}]}', encoding="utf-8")
    with factory.begin() as s:
        annotate(s, "平台与机制/网格化管理", 14, 17)
        before = len(list_codes(s))
        with pytest.raises(GovCoderError, match="网格化管理"):
            import_codebook(s, book, replace=True)
        assert len(list_codes(s)) == before


@pytest.mark.parametrize("entry", shared_listing("refi-qda", "samples"))
def test_every_real_refi_qda_sample_imports_or_is_refused_by_name(empty, entry):
    sample = refi_sample(entry)
    if "not-a-zip" in sample.name:
        with empty.begin() as s, pytest.raises(GovCoderError, match=sample.name):
            import_codebook(s, sample)
        return
    with empty.begin() as s:
        report = import_codebook(s, sample)
        codes = list_codes(s)
    assert len(codes) == len(report.added)
    if "blank" not in sample.name:
        assert codes and all(c.colour.startswith("#") and len(c.colour) == 7 for c in codes)


def test_nvivo_hierarchy_and_maxqda_descriptions_survive(empty):
    with empty.begin() as s:
        import_codebook(s, require_shared("refi-qda", "samples") / "cproctor-nvivo_project.qdpx")
        paths = {c.path for c in list_codes(s)}
    assert "rq1_definition/competencies/programming" in paths
    assert "rq1_definition/framings/cs_as_programming/programming" in paths
    with empty.begin() as s:
        import_codebook(s, require_shared("refi-qda", "samples") / "bedingjd-ICLS-maxqda24.qdpx")
        described = [c for c in list_codes(s) if c.description.startswith("This category encompasses")]
    assert described and described[0].colour == "#EF8256"


LENIENT = """<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1:0" origin="NVivo 12 (Mac)">
  <Codes>
    <Code guid="{0D6E1C9A-1111-4A4A-8B8B-0123456789AB}" name="A/B" isCodable="true" color="rgb(255, 0, 128)">
      <Description>first</Description>
      <Code guid="0d6e1c9a-2222-4a4a-8b8b-0123456789ab" name="child" isCodable="false" color="#11223344"/>
      <Code guid="0d6e1c9a-3333-4a4a-8b8b-0123456789ab" name="child" isCodable="1" color="hotpink"/>
    </Code>
  </Codes>
  <Sets/>
</CodeBook>"""


def test_lenient_import_of_namespace_colour_and_name_variants(empty, tmp_path):
    path = tmp_path / "nvivo.qdc"
    path.write_text(LENIENT, encoding="utf-8")
    with empty.begin() as s:
        report = import_codebook(s, path)
        codes = {c.path: c for c in list_codes(s)}
        assert list(codes) == ["A／B", "A／B/child", "A／B/child (2)"]
        assert codes["A／B"].colour == "#FF0080" and codes["A／B/child"].colour == "#112233"
        assert codes["A／B/child (2)"].colour == "#FF0080"  # invalid: inherits its parent's
        assert s.get(Code, codes["A／B"].id).guid == "0D6E1C9A-1111-4A4A-8B8B-0123456789AB"
    notes = "\n".join(report.notes)
    for expected in ("namespace", "'A/B'", "child (2)", "'hotpink'", "NVivo 12"):
        assert expected in notes


BOMB = """<?xml version="1.0"?>
<!DOCTYPE CodeBook [<!ENTITY a "aaaaaaaaaaaaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
<!ENTITY e SYSTEM "file:///etc/passwd">]>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>
<Code guid="0d6e1c9a-2222-4a4a-8b8b-0123456789ab" name="x" isCodable="true"><Description>&d;&e;</Description></Code>
</Codes></CodeBook>"""


def test_entities_are_never_expanded(empty, tmp_path):
    path = tmp_path / "bomb.qdc"
    path.write_text(BOMB, encoding="utf-8")
    with empty.begin() as s:
        import_codebook(s, path)
        description = list_codes(s)[0].description
    assert "aaaa" not in description and "root:" not in description


def test_a_package_with_an_oversized_project_member_is_refused(empty, tmp_path):
    package = tmp_path / "big.qdpx"
    with zipfile.ZipFile(package, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("project.qde", "<Project>" + " " * 30_000_000 + "</Project>")
    with empty.begin() as s, pytest.raises(GovCoderError, match="too large or too compressed"):
        import_codebook(s, package)


@pytest.mark.parametrize("content, message", [("not xml at all <", "not well-formed"),
                                              ("<Other/>", "not a REFI-QDA")])
def test_broken_files_fail_with_one_clear_line(empty, tmp_path, content, message):
    path = tmp_path / "bad.qdc"
    path.write_text(content, encoding="utf-8")
    with empty.begin() as s, pytest.raises(GovCoderError, match=message):
        import_codebook(s, path)


def test_shortcut_taken_in_the_project_is_reported_not_stolen(factory, tmp_path):
    book = tmp_path / "k.json"
    book.write_text('{"format": "govcoder-codebook", "version": 1, "codes": [{"name": "新代码", "shortcut": "1"}]}',
                    encoding="utf-8")
    with factory.begin() as s:
        set_shortcut(s, code_id(s, "五治/政治"), "1")
        report = import_codebook(s, book)
        assert s.get(Code, code_id(s, "五治/政治")).shortcut == "1"
        assert any("already belongs" in n for n in report.notes)
