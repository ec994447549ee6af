"""Project files that contradict themselves, imported through the CLI as typed: each inconsistency is
repaired and named in the import report, or refused in one line with nothing stored, and the project
lists and exports afterwards. The hostile files are built here, in the style of the real ones in
shared/refi-qda/samples."""

from __future__ import annotations

import csv
import json
import zipfile
from pathlib import Path

import pytest

from desktop_app.core.store.models import Code
from desktop_app.core.store.project import open_project

TEXT = "党建引领基层治理，网格化管理。枫桥经验在社区落地。"
GUID = "{:08x}-0000-4000-8000-{:012x}"  # GUIDs of the 8-4-4-4-12 shape REFI-QDA writers use


def guid(kind: int, number: int) -> str:
    return GUID.format(kind, number)


def project_json(codes=(), documents=(), annotations=()) -> str:
    return json.dumps({
        "format": "govcoder-project", "version": 1, "name": "hostile",
        "coders": [{"guid": "coder-1", "name": "alice"}],
        "codes": list(codes), "documents": list(documents), "annotations": list(annotations),
    }, ensure_ascii=False)


def document(guid_: str, title: str, text: str = TEXT) -> dict:
    return {"guid": guid_, "title": title, "text": text}


def annotation(guid_: str, doc: str, code: str, start: int, end: int, quote: str | None = None) -> dict:
    return {"guid": guid_, "document": doc, "code": code, "coder": "coder-1", "start": start, "end": end,
            "quote": TEXT[start:end] if quote is None else quote}


def qde(codes_xml: str, sources_xml: str = "") -> str:
    """A REFI-QDA project XML as QualCoder writes one (namespace, users, codebook, sources)."""
    return f"""<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="hostile" origin="QualCoder 3.5"
 creatingUserGUID="{guid(9, 1)}">
<Users><User guid="{guid(9, 1)}" name="alice" /></Users>
<CodeBook><Codes>
{codes_xml}
</Codes></CodeBook>
<Sources>
{sources_xml}
</Sources>
</Project>"""


def text_source(guid_: str, name: str, selections: str = "") -> str:
    return (f'<TextSource guid="{guid_}" name="{name}" plainTextPath="internal://{guid_}.txt" '
            f'creatingUser="{guid(9, 1)}">{selections}</TextSource>')


def selection(guid_: str, start: int, end: int, code: str) -> str:
    return (f'<PlainTextSelection guid="{guid_}" name="{TEXT[start:end]}" startPosition="{start}" '
            f'endPosition="{end}" creatingUser="{guid(9, 1)}"><Coding guid="{guid(8, int(guid_[-4:], 16))}" '
            f'creatingUser="{guid(9, 1)}"><CodeRef targetGUID="{code}" /></Coding></PlainTextSelection>')


def write_qdpx(path: Path, project_xml: str, sources: dict[str, str]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("project.qde", project_xml)
        for name, text in sources.items():
            package.writestr(f"sources/{name}.txt", text)
    return path


def write_qde(folder: Path, project_xml: str, sources: dict[str, str]) -> Path:
    """A bare .qde with its sources folder beside it."""
    folder.mkdir()
    (folder / "sources").mkdir()
    for name, text in sources.items():
        (folder / "sources" / f"{name}.txt").write_text(text, encoding="utf-8")
    (folder / "project.qde").write_text(project_xml, encoding="utf-8")
    return folder / "project.qde"


def nested_codes(depth: int) -> str:
    """A chain of codes `depth` levels deep, as nested XML."""
    opening = "".join(f'<Code guid="{guid(1, level)}" name="层{level}" isCodable="true">' for level in range(depth))
    return opening + "</Code>" * depth


def chain_codes(depth: int) -> list[dict]:
    """A chain of codes `depth` levels deep, as the JSON format's flat list with parents."""
    return [{"guid": f"level-{level}", "name": f"层{level}", "parent": f"level-{level - 1}" if level else None}
            for level in range(depth)]


@pytest.fixture
def project(govcoder, tmp_path):
    path = tmp_path / "study.govcoder"
    assert govcoder("--project", str(path), "init").returncode == 0
    return path


def run_import(govcoder, project: Path, file: Path) -> dict:
    result = govcoder("--project", str(project), "import-project", str(file), "--json")
    assert result.returncode == 0, result.stderr
    return result.json()


def refused(govcoder, project: Path, file: Path, *mentions: str) -> None:
    before = govcoder("--project", str(project), "stats", "--json").json()
    result = govcoder("--project", str(project), "import-project", str(file))
    assert result.returncode == 1 and result.stdout == ""
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("govcoder: error: ") and "Traceback" not in result.stderr, lines
    for mention in mentions:
        assert mention in lines[0], lines[0]
    assert govcoder("--project", str(project), "stats", "--json").json() == before  # nothing stored


def codes_by_path(govcoder, project: Path) -> dict[str, dict]:
    listed = govcoder("--project", str(project), "codebook", "list", "--json")
    assert listed.returncode == 0, listed.stderr
    return {code["path"]: code for code in listed.json()}


def exports_everything(govcoder, project: Path, folder: Path) -> None:
    """Every export format, and the codebook in every codebook format, succeed and write a file."""
    for fmt in ("qdpx", "qdc", "csv", "matrix", "json", "xlsx"):
        out = folder / f"out.{fmt}"
        result = govcoder("--project", str(project), "export", "--format", fmt, "-o", str(out))
        assert result.returncode == 0, (fmt, result.stderr)
        assert out.stat().st_size > 0
    for suffix in (".qdc", ".json", ".csv"):
        out = folder / f"codebook{suffix}"
        result = govcoder("--project", str(project), "codebook", "export", str(out))
        assert result.returncode == 0, (suffix, result.stderr)
        assert out.stat().st_size > 0


def repairs(report: dict, problem: str) -> list[dict]:
    return [repair for repair in report["repairs"] if repair["problem"] == problem]


# --- GovCoder JSON ---------------------------------------------------------------------------------


def test_codes_in_a_parent_cycle_are_attached_at_the_top_and_named(govcoder, project, tmp_path):
    file = tmp_path / "cycle.json"
    file.write_text(project_json(
        codes=[{"guid": "A", "name": "甲", "parent": "B"}, {"guid": "B", "name": "乙", "parent": "A"},
               {"guid": "C", "name": "丙", "parent": "A"}, {"guid": "S", "name": "自己", "parent": "S"},
               {"guid": "O", "name": "孤儿", "parent": "no-such-code"}],
        documents=[document("D1", "一号文")],
        annotations=[annotation("n1", "D1", "C", 0, 2), annotation("n2", "D1", "S", 2, 4),
                     annotation("n3", "D1", "B", 4, 6)]), encoding="utf-8")
    report = run_import(govcoder, project, file)
    cycles = [repair["subject"] for repair in repairs(report, "parent cycle")]
    assert len(cycles) == 2
    assert "'甲' (A)" in cycles[0] and "'乙' (B)" in cycles[0] and "each other's parents" in cycles[0]
    assert "'自己' (S)" in cycles[1] and "its own parent" in cycles[1]
    (orphan,) = repairs(report, "missing parent")
    assert "'孤儿' (O)" in orphan["subject"] and "no-such-code" in orphan["subject"]
    assert report["annotations"] == 3 and report["unplaced"] == []  # none lost with its code

    codes = codes_by_path(govcoder, project)
    assert codes["甲"]["parent"] is None and codes["乙"]["parent"] is None and codes["自己"]["parent"] is None
    assert codes["甲/丙"]["annotations"] == 1 and codes["自己"]["annotations"] == 1
    assert codes["乙"]["annotations"] == 1 and codes["孤儿"]["parent"] is None
    text = govcoder("--project", str(project), "import-project", str(file))
    assert "inconsistencies in the file were repaired" in text.stdout and "parent cycle: codes '甲' (A)" in text.stdout
    exports_everything(govcoder, project, tmp_path)


def test_a_second_code_with_the_same_guid_gets_a_new_one_and_is_named(govcoder, project, tmp_path):
    file = tmp_path / "twins.json"
    file.write_text(project_json(
        codes=[{"guid": "T", "name": "第一"}, {"guid": "T", "name": "第二"},
               {"guid": "K", "name": "同名"}, {"guid": "L", "name": "同名"}],
        documents=[document("D1", "一号文")],
        annotations=[annotation("n1", "D1", "T", 0, 2), annotation("n2", "D1", "L", 2, 4)]), encoding="utf-8")
    report = run_import(govcoder, project, file)
    (twin,) = repairs(report, "duplicate code GUID")
    assert "'第二' and '第一' both have the GUID T" == twin["subject"] and "'第一'" in twin["action"]
    (clash,) = repairs(report, "two codes with one path")
    assert "'同名' (L)" in clash["subject"] and "'同名 (2)'" in clash["action"]
    codes = codes_by_path(govcoder, project)
    assert codes["第一"]["annotations"] == 1 and codes["第二"]["annotations"] == 0  # it was not dropped
    assert codes["同名"]["annotations"] == 0 and codes["同名 (2)"]["annotations"] == 1
    exports_everything(govcoder, project, tmp_path)


def test_two_documents_with_one_guid_are_refused_by_the_guid(govcoder, project, tmp_path):
    file = tmp_path / "same-doc.json"
    file.write_text(project_json(
        codes=[{"guid": "A", "name": "甲"}],
        documents=[document("DUP-1", "上篇"), document("DUP-1", "下篇", TEXT[::-1])],
        annotations=[annotation("n1", "DUP-1", "A", 0, 2)]), encoding="utf-8")
    refused(govcoder, project, file, "DUP-1", "上篇", "下篇", "refused")


def test_a_quote_that_differs_from_the_text_is_taken_from_the_text_and_named(govcoder, project, tmp_path):
    file = tmp_path / "quotes.json"
    file.write_text(project_json(
        codes=[{"guid": "A", "name": "甲"}], documents=[document("D1", "一号文")],
        annotations=[annotation("good", "D1", "A", 0, 4), annotation("forged", "D1", "A", 9, 14, "伪造的引文"),
                     annotation("empty", "D1", "A", 4, 6, "")]), encoding="utf-8")
    report = run_import(govcoder, project, file)
    (forged,) = repairs(report, "quote differs from the text")
    assert "annotation forged in '一号文' [9, 14)" == forged["subject"]
    assert "'伪造的引文'" in forged["action"] and repr(TEXT[9:14]) in forged["action"]
    exported = tmp_path / "after.csv"
    assert govcoder("--project", str(project), "export", "--format", "csv", "-o", str(exported)).returncode == 0
    with exported.open(encoding="utf-8-sig", newline="") as handle:
        quotes = {(int(row["start"]), int(row["end"])): row["quote"] for row in csv.DictReader(handle)}
    assert quotes == {(0, 4): TEXT[0:4], (9, 14): TEXT[9:14], (4, 6): TEXT[4:6]}


def test_a_code_tree_deeper_than_the_limit_is_refused_by_name(govcoder, project, tmp_path):
    file = tmp_path / "deep.json"
    file.write_text(project_json(codes=chain_codes(1000)), encoding="utf-8")
    refused(govcoder, project, file, "1000 levels deep", "'层999' (level-999)", "at most 200")
    file.write_text(project_json(codes=chain_codes(201)), encoding="utf-8")
    refused(govcoder, project, file, "201 levels deep", "'层200' (level-200)")


def test_a_tree_200_levels_deep_imports_lists_exports_and_comes_back(govcoder, project, tmp_path):
    file = tmp_path / "deep.json"
    file.write_text(project_json(codes=chain_codes(200), documents=[document("D1", "一号文")],
                                 annotations=[annotation("n1", "D1", "level-199", 0, 4)]), encoding="utf-8")
    report = run_import(govcoder, project, file)
    assert report["codes"] == 200 and report["annotations"] == 1 and report["repairs"] == []
    deepest = "/".join(f"层{level}" for level in range(200))
    assert codes_by_path(govcoder, project)[deepest]["annotations"] == 1
    exports_everything(govcoder, project, tmp_path)

    again = tmp_path / "again.govcoder"
    govcoder("--project", str(again), "init")
    back = run_import(govcoder, again, tmp_path / "out.qdpx")
    assert back["annotations"] == 1
    assert codes_by_path(govcoder, again)[deepest]["annotations"] == 1


def test_a_project_already_holding_a_tree_1000_deep_still_lists_and_exports(govcoder, project, tmp_path):
    """As an earlier GovCoder's import left it: listing and exporting walk the tree without recursion."""
    opened = open_project(project)
    with opened.session_factory.begin() as session:
        parent = None
        for level in range(1000):
            parent = Code(name=f"层{level}", parent=parent)
            session.add(parent)
    opened.close()
    codes = codes_by_path(govcoder, project)
    assert "/".join(f"层{level}" for level in range(1000)) in codes
    exports_everything(govcoder, project, tmp_path)
    # Its own .qdpx of that tree is refused on the way back in, by what is wrong with it.
    fresh = tmp_path / "fresh.govcoder"
    govcoder("--project", str(fresh), "init")
    refused(govcoder, fresh, tmp_path / "out.qdpx", "nested more than 256 elements deep")


# --- REFI-QDA: .qdpx and bare .qde ------------------------------------------------------------------


@pytest.fixture(params=["qdpx", "qde"])
def packaging(request, tmp_path):
    """Writes a REFI-QDA project either as a .qdpx package or as a bare .qde with its sources folder."""
    count = iter(range(100))

    def write(project_xml: str, sources: dict[str, str]) -> Path:
        if request.param == "qdpx":
            return write_qdpx(tmp_path / f"hostile{next(count)}.qdpx", project_xml, sources)
        return write_qde(tmp_path / f"hostile{next(count)}", project_xml, sources)

    return write


def test_refi_duplicate_code_guids_keep_both_codes_and_their_sub_codes(govcoder, project, packaging, tmp_path):
    twin = guid(1, 1)
    codes = (f'<Code guid="{twin}" name="治理主体" isCodable="true" />'
             f'<Code guid="{twin}" name="治理方式" isCodable="false">'
             f'<Code guid="{guid(1, 2)}" name="网格化" isCodable="true" /></Code>')
    source = guid(2, 1)
    file = packaging(qde(codes, text_source(source, "一号文", selection(guid(3, 1), 0, 4, twin)
                                             + selection(guid(3, 2), 4, 8, guid(1, 2)))), {source: TEXT})
    report = run_import(govcoder, project, file)
    (repair,) = repairs(report, "duplicate code GUID")
    assert repair["subject"] == f"'治理方式' and '治理主体' both have the GUID {twin}"
    assert report["annotations"] == 2 and report["unplaced"] == []
    listed = codes_by_path(govcoder, project)
    assert listed["治理主体"]["annotations"] == 1  # codings naming the GUID stay with the first code
    assert listed["治理方式/网格化"]["annotations"] == 1  # the second keeps its sub-code, where the XML put it
    exports_everything(govcoder, project, tmp_path)


def test_refi_two_sources_with_one_guid_are_refused_by_the_guid(govcoder, project, packaging):
    source = guid(2, 7)
    code = guid(1, 1)
    xml = qde(f'<Code guid="{code}" name="甲" isCodable="true" />',
              text_source(source, "上篇", selection(guid(3, 1), 0, 2, code)) + text_source(source, "下篇"))
    refused(govcoder, project, packaging(xml, {source: TEXT}), source, "上篇", "下篇")


def test_refi_code_trees_past_the_limit_are_refused_and_at_the_limit_import(govcoder, project, packaging):
    refused(govcoder, project, packaging(qde(nested_codes(201)), {}), "201 levels deep", guid(1, 200))
    refused(govcoder, project, packaging(qde(nested_codes(1000)), {}), "nested more than 256 elements deep")
    report = run_import(govcoder, project, packaging(qde(nested_codes(200)), {}))
    assert report["codes"] == 200
    assert "/".join(f"层{level}" for level in range(200)) in codes_by_path(govcoder, project)
