"""GovCoder -> REFI-QDA -> GovCoder as typed, for each target: what goes out comes back, once."""

from __future__ import annotations

import sqlite3

import pytest
from shared_files import refi_sample, require_shared, shared_listing

_PATHS = """WITH RECURSIVE p(id, path) AS (
    SELECT id, name FROM codes WHERE parent_id IS NULL
    UNION ALL SELECT c.id, p.path || '/' || c.name FROM codes c JOIN p ON c.parent_id = p.id)"""


def snapshot(path) -> dict[str, set]:
    """The project as a user sees it, without row ids (an import numbers rows anew)."""
    with sqlite3.connect(path) as db:
        q = lambda sql: set(db.execute(_PATHS + sql).fetchall())  # noqa: E731
        return {
            "documents": q(" SELECT title, text FROM documents"),
            "codes": q(" SELECT p.path, c.description, c.colour FROM codes c JOIN p ON p.id = c.id"),
            "annotations": q(" SELECT d.title, a.start_offset, a.end_offset, p.path, k.name, a.quote, a.memo"
                             " FROM annotations a JOIN documents d ON d.id = a.document_id JOIN p ON p.id = a.code_id"
                             " JOIN coders k ON k.id = a.coder_id"),
            "memos": q(" SELECT m.kind, d.title, p.path, m.text FROM memos m LEFT JOIN documents d"
                       " ON d.id = m.document_id LEFT JOIN p ON p.id = m.code_id"),
        }


def _counts(path) -> dict[str, int]:
    with sqlite3.connect(path) as db:
        return {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("documents", "codes", "annotations", "memos", "coders")}


def _one(path, sql, *args):
    with sqlite3.connect(path) as db:
        return db.execute(sql, args).fetchone()[0]


def _ok(result):
    assert result.returncode == 0, result.stderr
    return result


@pytest.fixture
def coded_project(govcoder, sample_project, tmp_path):
    """The sample project with a document whose coded spans follow characters outside the BMP, and a
    memo of each kind."""
    project = str(sample_project)
    article = tmp_path / "outside-bmp.txt"
    article.write_text("前言𠮷😀网格化管理是基层治理的重要方式。𠮷街道依法办事。\n", encoding="utf-8")
    _ok(govcoder("--project", project, "import", str(article)))
    doc = _one(sample_project, "SELECT id FROM documents WHERE text LIKE '%𠮷%'")
    text = _one(sample_project, "SELECT text FROM documents WHERE id = ?", doc)
    start = text.index("网格化")
    _ok(govcoder("--project", project, "annotate", str(doc), str(start), str(start + 4), "五治/法治", "--coder", "甲"))
    later = text.index("街道")
    _ok(govcoder("--project", project, "annotate", str(doc), str(later), str(later + 6), "五治/法治", "--coder", "乙",
                 "--memo", "依法办事的例子"))
    _ok(govcoder("--project", project, "annotate", "1", "0", "4", "五治/法治", "--coder", "甲"))
    annotation = _one(sample_project, "SELECT min(id) FROM annotations")
    code = _one(sample_project, "SELECT id FROM codes WHERE name = '法治'")
    _ok(govcoder("--project", project, "memo", "project", "研究问题：网格化管理"))
    _ok(govcoder("--project", project, "memo", "document", str(doc), "街道的做法 𠮷", "--coder", "甲"))
    _ok(govcoder("--project", project, "memo", "code", str(code), "依法治理的表述", "--coder", "甲"))
    _ok(govcoder("--project", project, "memo", "annotation", str(annotation), "网格员的说法", "--coder", "甲"))
    return sample_project


@pytest.mark.parametrize("target", ["generic", "nvivo", "maxqda"])
def test_an_export_imported_into_an_empty_project_is_the_same_project_and_a_second_import_adds_nothing(
        govcoder, coded_project, tmp_path, target):
    exported = tmp_path / f"{target}.qdpx"
    _ok(govcoder("--project", str(coded_project), "export", "--format", "qdpx", "--target", target,
                 "-o", str(exported)))
    fresh = tmp_path / "fresh.govcoder"
    _ok(govcoder("--project", str(fresh), "init", "--empty"))

    first = _ok(govcoder("--project", str(fresh), "import-project", str(exported), "--json")).json()
    assert first["unplaced"] == [] and first["repairs"] == []
    ours, theirs = snapshot(coded_project), snapshot(fresh)
    for what in ("documents", "codes", "annotations", "memos"):
        assert theirs[what] == ours[what], what
    assert any("𠮷" in row[5] or "街道" in row[5] for row in theirs["annotations"])
    assert {row[0] for row in theirs["memos"]} == {"project", "document", "code"}
    assert any(row[6] == "网格员的说法" for row in theirs["annotations"])

    before = _counts(fresh)
    again = _ok(govcoder("--project", str(fresh), "import-project", str(exported), "--json")).json()
    assert _counts(fresh) == before
    assert (again["documents"], again["annotations"], again["codes"], again["memos"], again["coders"]) == (0, 0, 0, 0, 0)
    assert again["documents_present"] == first["documents"]
    assert again["annotations_present"] == first["annotations"]
    assert again["memos_present"] == first["memos"] and again["differences"] == []
    text = _ok(govcoder("--project", str(fresh), "import-project", str(exported))).stdout
    assert f"already in the project, not added again: {first['documents']} documents, " \
           f"{first['annotations']} annotations, {first['memos']} memos" in text


def _in_file(sample) -> tuple[int, int]:
    """Sources and codings as the file's project.qde lists them."""
    import zipfile

    from lxml import etree

    xml = sample.read_bytes() if sample.suffix == ".qde" else zipfile.ZipFile(sample).read("project.qde")
    root = etree.fromstring(xml)
    sources = root.xpath("//*[local-name()='Sources']/*")
    return len(sources), len(root.xpath("//*[local-name()='Coding']"))


@pytest.mark.parametrize("entry", shared_listing("refi-qda", "samples"))
def test_every_shared_sample_keeps_or_reports_each_item_and_a_second_import_adds_nothing(govcoder, tmp_path, entry):
    sample = refi_sample(entry)
    project = str(tmp_path / "empty.govcoder")
    _ok(govcoder("--project", project, "init", "--empty"))
    first = govcoder("--project", project, "import-project", str(sample), "--json")
    if "not-a-zip" in sample.name:
        assert first.returncode != 0 and "is not a .qdpx package" in first.stderr
        return
    report = _ok(first).json()
    sources, codings = _in_file(sample)
    assert report["documents"] + report["skipped"].get("sources without text", 0) == sources
    assert report["annotations"] - report["span_notes"] + len(report["unplaced"]) == codings
    again = _ok(govcoder("--project", project, "import-project", str(sample), "--json")).json()
    assert (again["documents"], again["annotations"], again["codes"], again["memos"]) == (0, 0, 0, 0)


@pytest.mark.parametrize("name", ["qualcoder4-reexport-of-govcoder-generic.qdpx", "qualcoder4-memos-cases-annotation.qdpx"])
def test_a_qualcoder_round_trip_brings_no_phantom_default_coder(govcoder, tmp_path, name):
    sample = require_shared("refi-qda", "samples", name)
    project = tmp_path / "empty.govcoder"
    _ok(govcoder("--project", str(project), "init", "--empty"))
    report = _ok(govcoder("--project", str(project), "import-project", str(sample), "--json")).json()
    with sqlite3.connect(project) as db:
        names = {row[0] for row in db.execute("SELECT name FROM coders")}
        idle = db.execute("SELECT count(*) FROM coders WHERE id NOT IN (SELECT coder_id FROM annotations)"
                          " AND id NOT IN (SELECT coder_id FROM memos WHERE coder_id IS NOT NULL)").fetchone()[0]
    assert "default" not in names and idle == 0
    assert report["skipped_names"]["users who only created sources (no coder added)"] == ["default"]


def _edited_export(govcoder, project, out):
    """An export whose project.qde says something else for the code 法治's description and for an
    annotation's memo, as another program would after editing them."""
    import zipfile

    from lxml import etree

    plain = out.with_suffix(".plain.qdpx")
    _ok(govcoder("--project", str(project), "export", "--format", "qdpx", "-o", str(plain)))
    with zipfile.ZipFile(plain) as package:
        entries = {name: package.read(name) for name in package.namelist()}
    root = etree.fromstring(entries["project.qde"])
    (code,) = root.xpath("//*[local-name()='Code'][@name='法治']")
    (description,) = code.xpath("./*[local-name()='Description']")
    description.text = "他们的描述"
    (memo,) = root.xpath("//*[text()='网格员的说法']")
    memo.text = "他们的备忘"
    entries["project.qde"] = etree.tostring(root, xml_declaration=True, encoding="utf-8")
    with zipfile.ZipFile(out, "w") as package:
        for name, data in entries.items():
            package.writestr(name, data)
    return out


def _description_and_memo(project) -> tuple[str, str]:
    with sqlite3.connect(project) as db:
        return (db.execute("SELECT description FROM codes WHERE name = '法治'").fetchone()[0],
                db.execute("SELECT memo FROM annotations WHERE memo LIKE '%备忘%' OR memo LIKE '%说法%'").fetchone()[0])


@pytest.mark.parametrize("policy", ["ours", "theirs", "both"])
def test_on_conflict_settles_a_changed_description_and_annotation_memo(govcoder, coded_project, tmp_path, policy):
    edited = _edited_export(govcoder, coded_project, tmp_path / "edited.qdpx")
    description, memo = _description_and_memo(coded_project)
    assert description and memo == "网格员的说法"
    before = _counts(coded_project)
    report = _ok(govcoder("--project", str(coded_project), "import-project", str(edited),
                          "--on-conflict", policy, "--json")).json()
    action = {"ours": "kept ours", "theirs": "took theirs", "both": "kept both (ours, then theirs)"}[policy]
    differences = {(d["kind"], d["ours"], d["theirs"], d["action"]) for d in report["differences"]}
    assert differences == {("code description", description, "他们的描述", action),
                           ("annotation memo", "网格员的说法", "他们的备忘", action)}
    assert _counts(coded_project) == before  # a difference is settled in place, nothing added
    expected = {"ours": (description, "网格员的说法"), "theirs": ("他们的描述", "他们的备忘"),
                "both": (f"{description}\n\n他们的描述", "网格员的说法\n\n他们的备忘")}[policy]
    assert _description_and_memo(coded_project) == expected
