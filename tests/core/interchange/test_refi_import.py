"""Importing REFI-QDA files from other programs: position units, vendor variants, and untrusted input."""

from __future__ import annotations

import zipfile

import pytest
from sqlalchemy import func, select

from desktop_app.core.errors import GovCoderError
from desktop_app.core.interchange import import_project
from desktop_app.core.interchange.package import Limits
from desktop_app.core.store.models import Annotation, Code, Coder, Document

USER = "{AD68FBE7-E1EE-4A82-A279-23CC698C89EB}"
CODE = "0F8A1907-7E42-4739-8610-A676B4D1B69F"
SRC = "57C6099B-934F-4C86-90F2-CC6C2F2A3CC3"


def qde(origin: str, selections: list[tuple[int, int, str]], *, ns: str = "urn:QDA-XML:project:1.0",
        source_guid: str = SRC, extra: str = "") -> str:
    body = "".join(
        f'<PlainTextSelection guid="{i:08X}-0000-4000-8000-000000000000" name="{name}" '
        f'startPosition="{s}" endPosition="{e}" creatingUser="{USER}">'
        f'<Coding guid="{i:08X}-1111-4000-8000-000000000000" creatingUser="{USER}">'
        f'<CodeRef targetGUID="{{{CODE.lower()}}}"/></Coding></PlainTextSelection>'
        for i, (s, e, name) in enumerate(selections)
    )
    return (f'<?xml version="1.0" encoding="utf-8"?><Project xmlns="{ns}" name="t" origin="{origin}">'
            f'<Users><User guid="{USER}" name="研究员"/></Users>'
            f'<CodeBook><Codes><Code guid="{CODE}" name="治理/创新" isCodable="true" color="rgb(255, 0, 0)"/></Codes></CodeBook>'
            f'<Sources><TextSource guid="{source_guid}" name="来源" plainTextPath="internal://{source_guid}.txt">'
            f'{body}</TextSource></Sources>{extra}</Project>')


def package(path, xml: str, sources: dict[str, bytes], *, folder: str = "sources", qde_name: str = "project.qde"):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(qde_name, xml)
        for name, data in sources.items():
            z.writestr(f"{folder}/{name}", data)
    return path


def annotations(project):
    with project.session_factory() as s:
        return [(a.start, a.end, a.quote) for a in s.scalars(select(Annotation).order_by(Annotation.id))]


def counts(project):
    with project.session_factory() as s:
        return [s.scalar(select(func.count()).select_from(m)) for m in (Document, Code, Coder, Annotation)]


TEXT = "第一行：𠮷野家\n第二行：网格化管理\n第三行😀：三治融合"


def test_atlas_counts_crlf_as_one_with_upper_case_sources_folder_and_braced_guids(empty_project, tmp_path):
    raw = TEXT.replace("\n", "\r\n").encode("utf-8")
    start = TEXT.index("网格化管理")
    path = package(tmp_path / "a.qdpx", qde("ATLAS.ti 9.1", [(start, start + 5, "网格化管理")]),
                   {f"{SRC}.txt": raw}, folder="Sources", qde_name="My Project.qde")
    report = import_project(empty_project.session_factory, path)
    assert report.unplaced == [] and report.position_unit.startswith("code points, CRLF counted as one")
    assert annotations(empty_project) == [(start, start + 5, "网格化管理")]
    with empty_project.session_factory() as s:
        code = s.scalar(select(Code))
        assert code.name == "治理／创新" and code.colour == "#FF0000"
        assert s.scalar(select(Document)).text == TEXT


def test_nvivo_utf16_positions_with_bom_and_crlf(empty_project, tmp_path):
    crlf = TEXT.replace("\n", "\r\n")
    u = lambda s: len(s.encode("utf-16-le")) // 2  # noqa: E731
    start = crlf.index("三治融合")
    path = package(tmp_path / "n.qdpx", qde("NVivo 12 (Windows)", [(u(crlf[:start]), u(crlf[:start]) + 4, "三治融合")],
                                            ns="urn:QDA-XML:project:1:0"),
                   {f"{SRC.lower()}.txt": b"\xef\xbb\xbf" + crlf.encode("utf-8")})
    report = import_project(empty_project.session_factory, path)
    assert report.unplaced == []
    i = TEXT.index("三治融合")
    assert annotations(empty_project) == [(i, i + 4, "三治融合")]


def test_a_wrong_origin_is_overruled_by_where_the_codings_land(empty_project, tmp_path):
    # Says MAXQDA (code points) but counts UTF-16 units: only the UTF-16 reading puts the spans on
    # their quoted text, so that reading wins and the report says why.
    u = lambda s: len(s.encode("utf-16-le")) // 2  # noqa: E731
    spans = []
    for needle in ("网格化管理", "三治融合", "第二行"):
        i = TEXT.index(needle)
        spans.append((u(TEXT[:i]), u(TEXT[:i]) + u(needle), needle))
    path = package(tmp_path / "w.qdpx", qde("MAXQDA 2022", spans), {f"{SRC}.txt": TEXT.encode("utf-8")})
    report = import_project(empty_project.session_factory, path)
    assert report.position_unit.startswith("UTF-16") and "origin" in report.position_note
    assert [q for _, _, q in annotations(empty_project)] == ["网格化管理", "三治融合", "第二行"]


def test_a_coding_inside_a_character_is_reported_not_moved(empty_project, tmp_path):
    # UTF-16 positions; the second selection starts between the two halves of 𠮷.
    i = TEXT.index("𠮷")
    j = TEXT.index("网格化管理")
    spans = [(0, 3, "第一行"), (i + 1, i + 4, "x"), (j + 1, j + 6, "网格化管理")]
    path = package(tmp_path / "s.qdpx", qde("NVivo 14", spans), {f"{SRC}.txt": TEXT.encode("utf-8")})
    report = import_project(empty_project.session_factory, path)
    assert annotations(empty_project) == [(0, 3, "第一行"), (j, j + 5, "网格化管理")]
    assert len(report.unplaced) == 1
    assert "surrogate" in report.unplaced[0].reason and report.unplaced[0].start == i + 1
    assert report.unplaced[0].code == "治理／创新"
    assert any("could not be placed" in line for line in report.summary_lines())


def test_bare_qde_with_sources_folder(empty_project, tmp_path):
    folder = tmp_path / "export"
    (folder / "Sources").mkdir(parents=True)
    (folder / "Sources" / f"{SRC}.txt").write_bytes(TEXT.encode("utf-8"))
    (folder / "project.qde").write_text(qde("QualCoder 3.5", [(0, 3, "第一行")]), encoding="utf-8")
    report = import_project(empty_project.session_factory, folder / "project.qde")
    assert report.format == "qde" and report.unplaced == []
    assert annotations(empty_project) == [(0, 3, "第一行")]


def _refused(project, path, words, **kwargs):
    with pytest.raises(GovCoderError) as caught:
        import_project(project.session_factory, path, **kwargs)
    assert words in str(caught.value) and "\n" not in str(caught.value)
    assert counts(project) == [0, 0, 0, 0]


def test_member_escaping_the_package_is_refused(empty_project, tmp_path):
    path = package(tmp_path / "t.qdpx", qde("x", [(0, 3, "a")]), {f"{SRC}.txt": b"abc"})
    with zipfile.ZipFile(path, "a") as z:
        z.writestr("../../evil.txt", b"x")
    _refused(empty_project, path, "points outside the package")


def test_absolute_member_is_refused(empty_project, tmp_path):
    path = package(tmp_path / "t.qdpx", qde("x", [(0, 3, "a")]), {f"{SRC}.txt": b"abc"})
    with zipfile.ZipFile(path, "a") as z:
        z.writestr("/etc/evil", b"x")
    _refused(empty_project, path, "points outside the package")


def test_source_path_escaping_the_package_is_refused(empty_project, tmp_path):
    xml = qde("x", [(0, 3, "a")]).replace(f"internal://{SRC}.txt", "internal://../../etc/passwd")
    _refused(empty_project, package(tmp_path / "t.qdpx", xml, {}), "points outside the package")


def test_highly_compressed_member_is_refused(empty_project, tmp_path):
    path = package(tmp_path / "bomb.qdpx", qde("x", [(0, 3, "a")]), {f"{SRC}.txt": b"\0" * (16 * 1024 * 1024)})
    _refused(empty_project, path, "compressed")


def test_oversized_member_is_refused(empty_project, tmp_path):
    path = package(tmp_path / "big.qdpx", qde("x", [(0, 3, "a")]), {f"{SRC}.txt": TEXT.encode() * 100})
    _refused(empty_project, path, "refused", limits=Limits(member_bytes=2000))


def test_entity_expansion_is_refused(empty_project, tmp_path):
    xml = qde("x", [(0, 3, "&lol3;")]).replace(
        '<?xml version="1.0" encoding="utf-8"?>',
        '<?xml version="1.0"?><!DOCTYPE Project [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">'
        '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;">]>')
    _refused(empty_project, package(tmp_path / "e.qdpx", xml, {f"{SRC}.txt": b"abc"}), "entit")


def test_not_a_zip_and_not_xml_are_refused(empty_project, tmp_path):
    bad = tmp_path / "bad.qdpx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    _refused(empty_project, bad, "not a .qdpx package")
    broken = tmp_path / "broken.qde"
    broken.write_text("<Project name='x'><Users>", encoding="utf-8")
    _refused(empty_project, broken, "not well-formed XML")


def test_two_qde_files_are_refused(empty_project, tmp_path):
    path = package(tmp_path / "two.qdpx", qde("x", []), {})
    with zipfile.ZipFile(path, "a") as z:
        z.writestr("other.qde", qde("x", []))
    _refused(empty_project, path, "exactly one .qde")


def test_a_failure_while_writing_leaves_nothing(empty_project, tmp_path, monkeypatch):
    path = package(tmp_path / "ok.qdpx", qde("x", [(0, 3, "第一行")]), {f"{SRC}.txt": TEXT.encode()})

    def boom(done, total, what):
        if what == "annotations" or done == total:
            raise GovCoderError("cancelled")

    with pytest.raises(GovCoderError):
        import_project(empty_project.session_factory, path, progress=boom)
    assert counts(empty_project) == [0, 0, 0, 0]


def test_without_quoted_names_line_boundaries_decide(empty_project, tmp_path):
    # Claims MAXQDA (code points, CRLF as two) but counts CRLF as one, and names its selections
    # "Segment N": whole lines coded land on line ends only under the CRLF-as-one reading.
    lines = [f"第{n}行网格化管理服务群众党建引领基层治理" for n in range(12)]
    text = "\n".join(lines)
    spans = []
    for n, line in enumerate(lines):
        start = text.index(line)
        spans.append((start, start + len(line), f"Segment {n}"))
    path = package(tmp_path / "b.qdpx", qde("MAXQDA 2020", spans),
                   {f"{SRC}.txt": text.replace("\n", "\r\n").encode("utf-8")})
    report = import_project(empty_project.session_factory, path)
    assert report.position_unit == "code points, CRLF counted as one"
    assert "boundaries" in report.position_note
    assert [quote for _, _, quote in annotations(empty_project)] == lines


def test_nvivo_style_annotation_note_linked_to_its_selection_becomes_the_memo(empty_project, tmp_path):
    note = "CE15250D-46AD-42C2-B90F-A509B8D64EC8"
    extra = (f'<Notes><Note guid="{note}" name="Annotation" creatingUser="{USER}">'
             f'<PlainTextContent>NVivo 批注</PlainTextContent></Note></Notes>'
             f'<Links><Link guid="7B56978E-9D9F-4D47-B4EC-436E2F6B8BE5" originGUID="{note}" '
             f'targetGUID="00000000-0000-4000-8000-000000000000"/></Links>')
    path = package(tmp_path / "n.qdpx", qde("NVivo 12", [(0, 3, "第一行")], extra=extra),
                   {f"{SRC}.txt": TEXT.encode("utf-8")})
    report = import_project(empty_project.session_factory, path)
    assert report.memos == 0 and report.annotations == 1
    with empty_project.session_factory() as s:
        assert s.scalar(select(Annotation.memo)) == "Annotation: NVivo 批注"
