"""The CLI as a user types it: the contract scripts and the other tests rely on."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from shared_files import require_shared

from desktop_app.core.store.models import Document
from desktop_app.core.store.project import open_project

REPO = Path(__file__).resolve().parent.parent


def assert_clean_failure(result, code=1, mentions=""):
    assert result.returncode == code, result
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    if code == 1:
        assert len(lines) == 1, result.stderr
    assert mentions in result.stderr


def annotation_rows(path):
    with sqlite3.connect(path) as connection:
        return connection.execute(
            "SELECT document_id, start_offset, end_offset, quote FROM annotations ORDER BY id").fetchall()


def test_init_sample_creates_the_five_articles_and_the_codebook(govcoder, tmp_path):
    result = govcoder("--project", "study.govcoder", "init", "--sample", "--json")
    assert result.returncode == 0, result.stderr
    summary = result.json()
    assert summary["documents"] == 5 and summary["codes"] > 5 and summary["annotations"] == 0
    assert (tmp_path / "study.govcoder").exists()
    assert not (tmp_path / "study.govcoder.partial").exists()


def test_init_refuses_an_existing_project(govcoder, sample_project):
    before = sample_project.read_bytes()
    assert_clean_failure(govcoder("--project", str(sample_project), "init"), mentions="already exists")
    assert sample_project.read_bytes() == before


def test_init_without_sample_has_the_codebook_but_no_documents(govcoder):
    summary = govcoder("--project", "empty.govcoder", "init", "--json").json()
    assert summary["documents"] == 0 and summary["codes"] > 0


def test_docs_lists_every_document_with_its_fields(govcoder, sample_project):
    docs = govcoder("--project", str(sample_project), "docs", "--json").json()
    assert len(docs) == 5
    for doc in docs:
        assert set(doc) == {"id", "title", "source", "published", "chars", "script", "annotations"}
        assert doc["script"] in {"simplified", "traditional", "mixed", "other"}
        assert doc["published"] is None or len(doc["published"]) == 10
        assert doc["chars"] > 500 and doc["title"]
    assert sorted(d["script"] for d in docs).count("traditional") == 1


def test_show_prints_the_stored_text(govcoder, sample_project):
    doc_id = govcoder("--project", str(sample_project), "docs", "--json").json()[0]["id"]
    shown = govcoder("--project", str(sample_project), "show", str(doc_id), "--json").json()
    assert {"id", "title", "source", "published", "authors", "text", "attributes"} <= set(shown)
    with open_project(sample_project) as project, project.session_factory() as session:
        assert shown["text"] == session.get(Document, doc_id).text


def test_annotate_codes_exactly_the_code_points_asked_for(govcoder, sample_project):
    doc = govcoder("--project", str(sample_project), "docs", "--json").json()[0]
    text = govcoder("--project", str(sample_project), "show", str(doc["id"]), "--json").json()["text"]
    code = next(c for c in govcoder("--project", str(sample_project), "codebook", "list", "--json").json()
                if c["codable"])
    start = text.index("，") + 1 if "，" in text else 10
    result = govcoder("--project", str(sample_project), "annotate", str(doc["id"]), str(start), str(start + 6),
                      code["path"], "--coder", "李丽", "--memo", "首次编码", "--json")
    assert result.returncode == 0, result.stderr
    made = result.json()
    assert made == {"id": made["id"], "document": doc["id"], "code": code["path"], "start": start,
                    "end": start + 6, "quote": text[start:start + 6], "coder": "李丽"}
    assert annotation_rows(sample_project) == [(doc["id"], start, start + 6, text[start:start + 6])]
    stats = govcoder("--project", str(sample_project), "stats", "--json").json()
    assert stats["annotations"] == 1 and stats["coders"] == 1


def test_annotate_counts_code_points_past_characters_outside_the_bmp(govcoder, tmp_path):
    path = tmp_path / "ext.govcoder"
    assert govcoder("--project", str(path), "init").returncode == 0
    text = "𠮷😀网格员走访群众"
    with open_project(path) as project, project.session_factory.begin() as session:
        document = Document(title="扩展字", original_text=text, text=text, content_hash="x")
        session.add(document)
        session.flush()
        doc_id = document.id
    code = next(c for c in govcoder("--project", str(path), "codebook", "list", "--json").json() if c["codable"])
    made = govcoder("--project", str(path), "annotate", str(doc_id), "2", "5", code["path"], "--json").json()
    assert made["quote"] == "网格员" and (made["start"], made["end"]) == (2, 5)
    assert made["coder"] == "tester"  # from $GOVCODER_CODER


@pytest.mark.parametrize(
    "span_and_code, mentions",
    [
        (("0", "5", "没有/这个代码"), "no code"),
        (("5", "5", None), "empty"),
        (("0", "999999", None), "outside the document"),
        (("7", "3", None), "empty"),
    ],
)
def test_annotate_refuses_bad_input_and_leaves_the_project_unchanged(govcoder, sample_project, span_and_code,
                                                                       mentions):
    codes = govcoder("--project", str(sample_project), "codebook", "list", "--json").json()
    start, end, code = span_and_code
    code = code or next(c["path"] for c in codes if c["codable"])
    result = govcoder("--project", str(sample_project), "annotate", "1", start, end, code, "--json")
    assert_clean_failure(result, mentions=mentions)
    assert result.stdout == ""
    assert annotation_rows(sample_project) == []


def test_annotate_refuses_an_unknown_document_and_a_category(govcoder, sample_project):
    codes = govcoder("--project", str(sample_project), "codebook", "list", "--json").json()
    codable = next(c["path"] for c in codes if c["codable"])
    category = next(c["path"] for c in codes if not c["codable"])
    assert_clean_failure(govcoder("--project", str(sample_project), "annotate", "999", "0", "2", codable),
                         mentions="no document with id 999")
    assert_clean_failure(govcoder("--project", str(sample_project), "annotate", "1", "0", "2", category),
                         mentions="category")
    assert annotation_rows(sample_project) == []


@pytest.mark.parametrize("args", [["annotate", "1", "-3", "4", "x"], ["annotate", "one", "0", "4", "x"],
                                  ["show"], ["frobnicate"], ["--project", "a", "--db", "sqlite://", "stats"]])
def test_usage_errors_exit_with_2(govcoder, sample_project, args):
    result = govcoder(*args)
    assert result.returncode == 2 and "Traceback" not in result.stderr and "usage:" in result.stderr


def test_codebook_list_gives_paths_and_parents(govcoder, sample_project):
    codes = govcoder("--project", str(sample_project), "codebook", "list", "--json").json()
    by_path = {c["path"]: c for c in codes}
    assert {"id", "path", "parent", "name", "codable"} <= set(codes[0])
    children = [c for c in codes if c["parent"] is not None]
    assert children
    for child in children:
        assert child["path"] == f"{child['parent']}/{child['name']}"
        assert child["parent"] in by_path
    assert all(c["path"] == c["name"] for c in codes if c["parent"] is None)


def test_without_a_project_the_sample_project_is_built_in_the_data_folder_once(govcoder, isolated_user):
    first = govcoder("stats", "--json")
    assert first.returncode == 0, first.stderr
    assert first.json()["documents"] == 5
    built = list((isolated_user / "data").rglob("*.govcoder"))
    assert len(built) == 1
    # The second run opens the same project instead of building (and importing) again.
    assert govcoder("stats", "--json").json()["documents"] == 5
    assert list((isolated_user / "data").rglob("*.govcoder")) == built


def test_the_environment_and_db_url_choose_the_project(govcoder, sample_project, tmp_path):
    via_env = govcoder("stats", "--json", env={"GOVCODER_DB": str(sample_project)})
    assert via_env.json()["documents"] == 5
    via_url = govcoder("--db", f"sqlite:///{sample_project}", "stats", "--json")
    assert via_url.json()["documents"] == 5
    # --project wins over the environment.
    govcoder("--project", str(tmp_path / "other.govcoder"), "init")
    chosen = govcoder("--project", str(tmp_path / "other.govcoder"), "stats", "--json",
                      env={"GOVCODER_DB": str(sample_project)})
    assert chosen.json()["documents"] == 0


def test_missing_broken_and_future_projects_fail_with_one_line(govcoder, tmp_path, sample_project):
    assert_clean_failure(govcoder("--project", "nowhere.govcoder", "docs"), mentions="no project at")
    (tmp_path / "junk.govcoder").write_bytes(b"\x00\x01binary junk" * 10)
    assert_clean_failure(govcoder("--project", "junk.govcoder", "docs"), mentions="not a GovCoder project")
    assert_clean_failure(govcoder("--db", "nosuchdialect://x/y", "docs"))
    with sqlite3.connect(sample_project) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0099_future'")
    assert_clean_failure(govcoder("--project", str(sample_project), "docs"), mentions="newer GovCoder")


def test_python_dash_m_works_too(sample_project):
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "desktop_app", "--project", str(sample_project), "stats",
                             "--json"], capture_output=True, text=True)
    assert result.returncode == 0 and '"documents": 5' in result.stdout


def test_codebook_export_and_import_round_trip_through_every_format(govcoder, sample_project, tmp_path):
    original = govcoder("--project", str(sample_project), "codebook", "list", "--json").json()
    for suffix in (".qdc", ".json", ".csv"):
        out = tmp_path / f"book{suffix}"
        exported = govcoder("--project", str(sample_project), "codebook", "export", str(out), "--json")
        assert exported.returncode == 0, exported.stderr
        assert exported.json()["codes"] == len(original)
        fresh = tmp_path / f"fresh{suffix}.govcoder"
        govcoder("--project", str(fresh), "init")
        replaced = govcoder("--project", str(fresh), "codebook", "import", str(out), "--replace", "--json")
        assert replaced.returncode == 0, replaced.stderr
        again = govcoder("--project", str(fresh), "codebook", "list", "--json").json()
        assert [(c["path"], c["colour"].lower(), c["codable"]) for c in again] == \
               [(c["path"], c["colour"].lower(), c["codable"]) for c in original]


def test_codebook_import_merges_a_real_nvivo_codebook_and_refuses_bad_files(govcoder, sample_project, tmp_path):
    before = len(govcoder("--project", str(sample_project), "codebook", "list", "--json").json())
    merged = govcoder("--project", str(sample_project), "codebook", "import",
                      str(require_shared("refi-qda", "samples", "cproctor-nvivo_project.qdpx")), "--json")
    assert merged.returncode == 0, merged.stderr
    added = len(merged.json()["added"])
    assert added > 0
    assert len(govcoder("--project", str(sample_project), "codebook", "list", "--json").json()) == before + added
    (tmp_path / "broken.qdc").write_text("<CodeBook", encoding="utf-8")
    assert_clean_failure(govcoder("--project", str(sample_project), "codebook", "import", "broken.qdc"))
    assert_clean_failure(govcoder("--project", str(sample_project), "codebook", "export", "book.txt"),
                         mentions="must end in")


def test_import_reports_each_file_and_fails_only_for_the_bad_one(govcoder, tmp_path):
    assert govcoder("--project", "p.govcoder", "init").returncode == 0
    seed = REPO / "seeds" / "000_fad8a3c8920bb766.txt"
    (tmp_path / "gb.txt").write_bytes(seed.read_text(encoding="utf-8").encode("gb18030"))
    (tmp_path / "photo.txt").write_bytes(bytes(range(256)) * 8)
    result = govcoder("--project", "p.govcoder", "import", "gb.txt", "photo.txt", str(seed), "--json")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "photo.txt" in result.stderr
    by_file = {Path(r["file"]).name: r for r in result.json()}
    assert by_file["gb.txt"]["status"] == "imported" and by_file["gb.txt"]["encoding"] == "gb18030"
    assert by_file["photo.txt"]["status"] == "failed" and "photo.txt" in by_file["photo.txt"]["reason"]
    # The same article in UTF-8 is a duplicate of the GB18030 one: skipped, unless forced.
    assert by_file[seed.name]["status"] == "skipped"
    assert len(govcoder("--project", "p.govcoder", "docs", "--json").json()) == 1
    forced = govcoder("--project", "p.govcoder", "import", str(seed), "--force", "--json")
    assert forced.returncode == 0 and forced.json()[0]["status"] == "imported"


def test_each_cleaning_step_can_be_switched_off_alone(govcoder, tmp_path):
    assert govcoder("--project", "p.govcoder", "init").returncode == 0
    seed = REPO / "seeds" / "001_70f6890e040799b8.txt"  # glossed, with header and editor lines
    result = govcoder("--project", "p.govcoder", "import", str(seed), "--no-pinyin", "--json")
    assert result.returncode == 0
    steps = [entry["step"] for entry in result.json()[0]["cleaning"]]
    assert "pinyin" not in steps and {"furniture", "whitespace", "mojibake"} <= set(steps)
    shown = govcoder("--project", "p.govcoder", "show", str(result.json()[0]["id"]), "--json").json()
    assert "(bào)" in shown["text"]
    kept = govcoder("--project", "p.govcoder", "import", str(seed), "--no-furniture", "--force", "--json")
    assert "furniture" not in [entry["step"] for entry in kept.json()[0]["cleaning"]]
    shown = govcoder("--project", "p.govcoder", "show", str(kept.json()[0]["id"]), "--json").json()
    assert "(bào)" not in shown["text"] and "責編" in shown["text"]


def test_show_tokens_tile_the_text_and_original_keeps_what_cleaning_removed(govcoder, sample_project):
    docs = govcoder("--project", str(sample_project), "docs", "--json").json()
    traditional = next(d for d in docs if d["script"] == "traditional")
    shown = govcoder("--project", str(sample_project), "show", str(traditional["id"]), "--tokens", "--original",
                     "--json").json()
    tokens = shown["tokens"]
    assert tokens[0][0] == 0 and tokens[-1][1] == len(shown["text"])
    assert all(a[1] == b[0] and a[0] < a[1] for a, b in zip(tokens, tokens[1:], strict=False))
    words = {shown["text"][s:e] for s, e in tokens}
    assert "統籌" in words  # segmented on the simplified shadow, shown as published
    assert "(bào)" in shown["original_text"] and "(bào)" not in shown["text"]
    pinyin = next(step for step in shown["cleaning"] if step["step"] == "pinyin")
    assert pinyin["count"] == 288


def test_export_every_format_then_import_the_qdpx_into_an_empty_project(govcoder, sample_project, tmp_path):
    docs = govcoder("--project", str(sample_project), "docs", "--json").json()
    code = next(c["path"] for c in govcoder("--project", str(sample_project), "codebook", "list", "--json").json()
                if c["codable"])
    made = govcoder("--project", str(sample_project), "annotate", str(docs[1]["id"]), "10", "20", code,
                    "--json").json()
    for fmt in ("qdpx", "qdc", "csv", "matrix", "json", "xlsx"):
        result = govcoder("--project", str(sample_project), "export", "--format", fmt, "-o", f"out.{fmt}")
        assert result.returncode == 0, result.stderr
        assert (tmp_path / f"out.{fmt}").stat().st_size > 0
    csv_text = (tmp_path / "out.csv").read_bytes()
    assert csv_text.startswith(b"\xef\xbb\xbf") and made["quote"].encode() in csv_text

    govcoder("--project", "empty.govcoder", "init")
    imported = govcoder("--project", "empty.govcoder", "import-project", "out.qdpx", "--json")
    assert imported.returncode == 0, imported.stderr
    again = govcoder("--project", "empty.govcoder", "docs", "--json").json()
    assert len(again) == 5 and sum(d["annotations"] for d in again) == 1


def test_export_and_import_project_refuse_bad_requests_cleanly(govcoder, sample_project, tmp_path):
    assert_clean_failure(govcoder("--project", str(sample_project), "export", "--format", "csv", "-o",
                                  "x.csv", "--coders", "nobody"), mentions="nobody")
    assert not (tmp_path / "x.csv").exists()
    (tmp_path / "fake.qdpx").write_bytes(b"PK\x03\x04 not really a zip")
    before = govcoder("--project", str(sample_project), "stats", "--json").json()
    assert_clean_failure(govcoder("--project", str(sample_project), "import-project", "fake.qdpx"))
    assert govcoder("--project", str(sample_project), "stats", "--json").json() == before
    assert govcoder("--project", str(sample_project), "export", "--format", "pdf", "-o", "x.pdf").returncode == 2


def test_edit_corrects_metadata_and_attributes_and_refuses_nonsense(govcoder, sample_project):
    edited = govcoder("--project", str(sample_project), "edit", "1", "--title", "金岭社区的枫桥经验",
                      "--published", "2023-05-02", "--attr", "人口:number=3.58", "--attr", "省份=广东", "--json")
    assert edited.returncode == 0, edited.stderr
    data = edited.json()
    assert data["title"] == "金岭社区的枫桥经验" and data["published"] == "2023-05-02"
    assert data["attributes"]["人口"] == {"type": "number", "value": "3.58"}
    listed = {d["id"]: d for d in govcoder("--project", str(sample_project), "docs", "--json").json()}
    assert listed[1]["title"] == "金岭社区的枫桥经验"
    assert_clean_failure(govcoder("--project", str(sample_project), "edit", "1", "--published", "明天"),
                         mentions="not a date")
    assert_clean_failure(govcoder("--project", str(sample_project), "edit", "1", "--attr", "无等号"),
                         mentions="KEY=VALUE")
    # A refused edit in the same command leaves the accepted parts unapplied too.
    assert_clean_failure(govcoder("--project", str(sample_project), "edit", "1", "--title", "新标题",
                                  "--attr", "n:number=abc"))
    assert govcoder("--project", str(sample_project), "show", "1", "--json").json()["title"] == "金岭社区的枫桥经验"
