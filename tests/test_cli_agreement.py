"""govcoder coders / agreement / disagreements as typed, on a generated project."""

from __future__ import annotations

import json
import shutil

import pytest
from agreement_data import generate
from test_cli import assert_clean_failure

from desktop_app.core.analysis.agreement import list_disagreements, measure_agreement
from desktop_app.core.store.project import open_project


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    return generate(tmp_path_factory.mktemp("cli") / "study.govcoder", coders=3, documents=8, seed=4)


@pytest.fixture
def project(generated, tmp_path):
    path = tmp_path / "study.govcoder"
    shutil.copy(generated.path, path)
    return str(path)


def test_agreement_json_is_the_core_report(govcoder, project, generated):
    coders = ",".join(generated.coders)
    result = govcoder("--project", project, "agreement", "--coders", coders, "--unit", "word",
                      "--per-code", "--per-document", "--ci", "200", "--json")
    assert result.returncode == 0, result.stderr
    data = result.json()
    with open_project(project) as opened, opened.session_factory() as session:
        core = measure_agreement(session, generated.coders, "word", per_code=True, per_document=True, ci=200)
    assert data == json.loads(json.dumps(core.to_json()))
    assert data["unit"] == "word" and data["coders"] == generated.coders
    assert data["units_compared"] == data["overall"]["units_compared"] > 0
    assert set(data["overall"]) >= {"alpha", "alpha_ci", "kappa", "kappa_kind", "percent", "alpha_u", "undefined"}
    assert data["overall"]["kappa_kind"] == "fleiss"
    assert {entry["code"] for entry in data["per_code"]} == set(data["codes"])
    assert len(data["per_document"]) == data["documents_compared"]


def test_percent_comes_with_alpha_and_kappa_is_null_where_undefined(govcoder, project, generated):
    data = govcoder("--project", project, "agreement", "--coders", ",".join(generated.coders[:2]),
                    "--unit", "doc", "--measure", "percent", "--per-code", "--json").json()
    assert "percent" in data["overall"] and "alpha" in data["overall"] and "kappa" not in data["overall"]
    data = govcoder("--project", project, "agreement", "--coders", ",".join(generated.coders[:2]),
                    "--unit", "sentence", "--measure", "kappa", "--codes", "五治/法治", "--per-code",
                    "--json").json()
    entry = data["per_code"][0]
    assert entry["code"] == "五治/法治" and entry["kappa"] is None and entry["undefined"]["kappa"]


def test_exclude_uncoded_reports_both_counts(govcoder, project, generated):
    args = ["--project", project, "agreement", "--coders", ",".join(generated.coders), "--unit", "char", "--json"]
    everything = govcoder(*args).json()
    coded = govcoder(*args, "--exclude-uncoded").json()
    assert coded["exclude_uncoded"] and coded["units_uncoded"] == everything["units_uncoded"] > 0
    assert coded["units_compared"] == everything["units_compared"] - everything["units_uncoded"]


def test_agreement_table_names_units_and_warns_about_percent(govcoder, project, generated):
    result = govcoder("--project", project, "agreement", "--coders", ",".join(generated.coders),
                      "--unit", "sentence", "--per-code")
    assert result.returncode == 0, result.stderr
    assert "units compared:" in result.stdout and "overall" in result.stdout
    assert all(code in result.stdout for code in generated.codes)
    assert "never alone" in result.stdout


@pytest.mark.parametrize("args, mentions", [
    (["--coders", "coder1", "--unit", "word"], "at least two coders"),
    (["--coders", "coder1,nobody", "--unit", "word"], "no coder named 'nobody'"),
    (["--coders", "coder1,coder2", "--unit", "word", "--codes", "无此/代码"], "no code"),
    (["--coders", "coder1,coder1", "--unit", "word"], "named twice"),
    (["--coders", "coder1,coder2", "--unit", "word", "--docs", "999"], "no document with id 999"),
    (["--coders", "coder1,coder2", "--unit", "word", "--ci", "0"], "--ci"),
])
def test_agreement_bad_input_is_one_line(govcoder, project, args, mentions):
    assert_clean_failure(govcoder("--project", project, "agreement", *args, "--json"), mentions=mentions)


def test_agreement_on_documents_nobody_else_coded_is_one_line(govcoder, project):
    govcoder("--project", project, "coders", "add", "新来的")
    assert_clean_failure(govcoder("--project", project, "agreement", "--coders", "coder1,新来的",
                                  "--unit", "word"), mentions="no document has been coded by at least two")


def test_disagreements_json(govcoder, project, generated):
    result = govcoder("--project", project, "disagreements", "--coders", "coder1,coder2", "--json")
    assert result.returncode == 0, result.stderr
    rows = result.json()
    with open_project(project) as opened, opened.session_factory() as session:
        core = list_disagreements(session, ["coder1", "coder2"])
    assert rows == [row.to_json() for row in core] and rows
    assert {row["kind"] for row in rows} <= {"missing", "different code", "different extent"}
    for row in rows:
        assert set(row) == {"id", "document", "title", "start", "end", "kind", "codes", "coders", "spans"}
    code = rows[0]["codes"][0]
    only = govcoder("--project", project, "disagreements", "--coders", "coder1,coder2", "--code", code,
                    "--json").json()
    assert only and all(code in row["codes"] for row in only)
    assert_clean_failure(govcoder("--project", project, "disagreements", "--coders", "coder1"),
                         mentions="exactly two")


def test_coders_list_add_rename(govcoder, project):
    listed = govcoder("--project", project, "coders", "list", "--json").json()
    assert [c["name"] for c in listed] == ["coder1", "coder2", "coder3"]
    assert all(c["annotations"] > 0 for c in listed)
    added = govcoder("--project", project, "coders", "add", "张三", "--json")
    assert added.returncode == 0 and added.json()["name"] == "张三" and added.json()["annotations"] == 0
    renamed = govcoder("--project", project, "coders", "rename", "coder1", "李四", "--json").json()
    assert renamed["name"] == "李四" and renamed["annotations"] == listed[0]["annotations"]
    names = [c["name"] for c in govcoder("--project", project, "coders", "list", "--json").json()]
    assert sorted(names) == sorted(["李四", "coder2", "coder3", "张三"])
    assert_clean_failure(govcoder("--project", project, "coders", "add", "张三"), mentions="already exists")
    assert_clean_failure(govcoder("--project", project, "coders", "rename", "nobody", "x"),
                         mentions="no coder named")
    text = govcoder("--project", project, "coders", "list").stdout
    assert "李四" in text and "annotations" in text


def test_the_2016_family_per_domain_as_typed(govcoder, project, generated):
    one, two = generated.codes[:2]
    data = govcoder("--project", project, "agreement", "--coders", ",".join(generated.coders), "--unit", "char",
                    "--measure", "alpha-2016", "--domain", one, "--domain", two, "--json").json()
    family = data["unitizing_2016"]
    assert [d["domain"] for d in family["domains"]] == [one, two] and family["length"] > 0
    for domain in family["domains"]:
        # A domain of one code: |u-alpha of the domain is that code's, and there is no code to tell apart.
        assert domain["binary_alpha"] == pytest.approx(domain["per_code"][0]["binary_alpha"])
        assert -1 <= domain["binary_alpha"] <= 1
        assert domain["cu_alpha"] is None and "one value" in domain["undefined"]["cu_alpha"]
    assert "alpha" not in data["overall"]  # only what was asked for
    text = govcoder("--project", project, "agreement", "--coders", ",".join(generated.coders), "--unit", "char",
                    "--measure", "alpha-2016").stdout
    assert "2016 unitizing family" in text and "Cu-alpha across domains" in text
    assert "mutually exclusive codes" in text  # the generated coders overlap codes of one root domain
