"""govcoder adjudicate as typed: list disagreements with ids, decide them, list and undo decisions,
and export the consensus layer like any coder."""

from __future__ import annotations

import csv
import json

import pytest
from test_cli import assert_clean_failure

from desktop_app.core.projects.new_project import init_project

TEXT = "社区网格员开展矛盾纠纷调解工作。居民议事会推进协商议事。党建引领基层治理。"


@pytest.fixture
def project(tmp_path, govcoder):
    path = tmp_path / "a.govcoder"
    init_project(path, sample=False).close()
    source = tmp_path / "article.txt"
    source.write_text(TEXT, encoding="utf-8")
    assert govcoder("--project", str(path), "import", str(source), "--json").returncode == 0
    for coder, start, end, code in [("甲", 0, 5, "五治/法治"), ("乙", 0, 5, "五治/法治"),
                                    ("甲", 7, 11, "五治/法治"), ("乙", 7, 13, "五治/法治"),
                                    ("甲", 16, 21, "五治/自治"), ("乙", 17, 21, "党建引领机制/组织嵌入"),
                                    ("甲", 29, 33, "党建引领机制/组织嵌入")]:
        made = govcoder("--project", str(path), "annotate", "1", str(start), str(end), code, "--coder", coder)
        assert made.returncode == 0, made.stderr
    return str(path)


def listing(govcoder, project, *extra):
    result = govcoder("--project", project, "adjudicate", "--coders", "甲,乙", "--list", *extra, "--json")
    assert result.returncode == 0, result.stderr
    return result.json()


def test_list_decide_decisions_undo_and_export(govcoder, project, tmp_path):
    rows = listing(govcoder, project)
    assert [(r["kind"], r["start"], r["end"], r["decision"]) for r in rows] == [
        ("different extent", 7, 13, None), ("different code", 16, 21, None), ("missing", 29, 33, None)]
    assert rows[0]["id"].startswith("D1-7-13-")
    plain = govcoder("--project", project, "disagreements", "--coders", "甲,乙", "--json").json()
    assert [r["id"] for r in plain] == [r["id"] for r in rows]
    assert [r["id"] for r in listing(govcoder, project, "--code", "五治/自治")] == [rows[1]["id"]]

    decided = []
    for row, extra in [(rows[0], ["--take", "B"]), (rows[1], ["--take", "A", "--span", "17", "21"]),
                       (rows[2], ["--take", "neither"])]:
        result = govcoder("--project", project, "adjudicate", "--coders", "甲,乙", row["id"], *extra,
                          "--as", "丙", "--json")
        assert result.returncode == 0, result.stderr
        decided.append(result.json())
    assert [(d["taken"], d["adjudicator"], d["coders"]) for d in decided] == [
        ("take B", "丙", ["甲", "乙"]), ("edited span", "丙", ["甲", "乙"]), ("neither", "丙", ["甲", "乙"])]
    assert [[(a["code"], a["start"], a["end"]) for a in d["annotations"]] for d in decided] == [
        [("五治/法治", 7, 13)], [("五治/自治", 17, 21)], []]
    assert [r["decision"]["id"] for r in listing(govcoder, project)] == [d["id"] for d in decided]

    again = govcoder("--project", project, "adjudicate", "--coders", "甲,乙", rows[0]["id"], "--take", "A",
                     "--as", "丙")
    assert_clean_failure(again, mentions="decided already")

    history = govcoder("--project", project, "adjudicate", "--decisions", "--json").json()
    assert history == decided and all(d["decided_at"] for d in history)

    out = tmp_path / "consensus.csv"
    exported = govcoder("--project", project, "export", "--format", "csv", "-o", str(out), "--coders", "consensus")
    assert exported.returncode == 0, exported.stderr
    with out.open(encoding="utf-8-sig", newline="") as handle:
        table = list(csv.DictReader(handle))
    assert sorted((r["coder"], r["start"], r["end"]) for r in table) == [
        ("consensus", "17", "21"), ("consensus", "7", "13")]
    coders = {c["name"]: c for c in govcoder("--project", project, "coders", "list", "--json").json()}
    assert coders["consensus"]["consensus"] and not coders["丙"]["consensus"]

    undone = govcoder("--project", project, "adjudicate", "--undo", str(decided[0]["id"]), "--as", "丙", "--json")
    assert undone.returncode == 0, undone.stderr
    assert undone.json()["undone_by"] == "丙" and [a["start"] for a in undone.json()["removed"]] == [7]
    assert [d["id"] for d in govcoder("--project", project, "adjudicate", "--decisions", "--json").json()] == [
        decided[1]["id"], decided[2]["id"]]
    everything = govcoder("--project", project, "adjudicate", "--decisions", "--all", "--json").json()
    assert [d["undone_by"] for d in everything] == ["丙", None, None]
    assert listing(govcoder, project)[0]["decision"] is None
    text = govcoder("--project", project, "adjudicate", "--decisions", "--all")
    assert text.returncode == 0 and "undone by 丙" in text.stdout and "edited span" in text.stdout
    json.dumps(everything)


def test_the_consensus_layer_cannot_be_coded_by_hand(govcoder, project):
    first = listing(govcoder, project)[0]["id"]
    assert govcoder("--project", project, "adjudicate", "--coders", "甲,乙", first, "--take", "A",
                    "--as", "丙").returncode == 0
    assert_clean_failure(govcoder("--project", project, "annotate", "1", "0", "3", "五治/法治",
                                  "--coder", "consensus"), mentions="only by adjudication")


@pytest.mark.parametrize(("args", "mentions"), [
    ([], "say what to do"),
    (["--list"], "--coders A,B"),
    (["--coders", "甲,乙", "D1-7-13-00000000"], "--take"),
    (["--coders", "甲,乙", "--take", "A"], "give its id"),
    (["--coders", "甲,乙", "D1-7-13-00000000", "--take", "A"], "no disagreement"),
    (["--coders", "甲,乙", "nonsense", "--take", "A"], "not a disagreement id"),
    (["--coders", "甲", "--list"], "exactly two"),
    (["--coders", "甲,丁", "--list"], "no coder named"),
    (["--undo", "99"], "no adjudication decision"),
])
def test_bad_adjudications_fail_in_one_line(govcoder, project, args, mentions):
    assert_clean_failure(govcoder("--project", project, "adjudicate", *args), mentions=mentions)


def test_the_json_project_carries_the_consensus_layer_and_its_decisions(govcoder, project, tmp_path):
    from pathlib import Path

    import jsonschema

    schema = json.loads((Path(__file__).parent.parent / "resources" / "schemas" / "govcoder-project.schema.json")
                        .read_text(encoding="utf-8"))

    rows = listing(govcoder, project)
    for row, take in zip(rows, ("A", "neither", "both"), strict=True):
        assert govcoder("--project", project, "adjudicate", "--coders", "甲,乙", row["id"], "--take", take,
                        "--as", "丙", "--json").returncode == 0
    before = govcoder("--project", project, "adjudicate", "--decisions", "--json").json()
    out = tmp_path / "project.json"
    assert govcoder("--project", project, "export", "--format", "json", "-o", str(out)).returncode == 0
    written = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.validate(written, schema)
    assert [c["name"] for c in written["coders"] if c["consensus"]] == ["consensus"]
    assert [d["choice"] for d in written["adjudication_decisions"]] == ["A", "neither", "both"]

    fresh = tmp_path / "fresh.govcoder"
    assert govcoder("--project", str(fresh), "init", "--empty").returncode == 0
    imported = govcoder("--project", str(fresh), "import-project", str(out), "--json")
    assert imported.returncode == 0, imported.stderr
    assert imported.json()["decisions"] == 3
    after = govcoder("--project", str(fresh), "adjudicate", "--decisions", "--json").json()
    keep = ("disagreement", "choice", "adjudicator", "decided_at", "start", "end", "kind")
    assert [{k: d[k] for k in keep} for d in after] == [{k: d[k] for k in keep} for d in before]
    # The consensus layer stays the consensus layer: nobody can code as it by hand there either.
    assert_clean_failure(govcoder("--project", str(fresh), "annotate", "1", "0", "3", "五治/法治",
                                  "--coder", "consensus"), mentions="consensus")
    again = govcoder("--project", str(fresh), "import-project", str(out), "--json").json()
    assert again["decisions"] == 0 and again["decisions_present"] == 3
