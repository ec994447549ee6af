"""govcoder assign / assignments / blind / status / show --coder as typed, on the sample project."""

from __future__ import annotations

from test_cli import assert_clean_failure


def _docs(govcoder, project):
    return [d["id"] for d in govcoder("--project", project, "docs", "--json").json()]


def test_assign_is_reproducible_and_listed(govcoder, sample_project):
    project = str(sample_project)
    ids = _docs(govcoder, project)
    first = govcoder("--project", project, "assign", "--coders", "A,B,C", "--overlap", "0.4", "--seed", "9", "--json")
    assert first.returncode == 0, first.stderr
    plan = first.json()
    assert plan["seed"] == 9 and plan["coders"] == ["A", "B", "C"]
    assert len(plan["overlap_documents"]) == round(0.4 * len(ids))
    assigned = {d for docs in plan["documents"].values() for d in docs}
    assert assigned == set(ids)
    again = govcoder("--project", project, "assign", "--coders", "A,B,C", "--overlap", "40%", "--seed", "9", "--json")
    assert again.json() == plan

    listed = govcoder("--project", project, "assignments", "--json").json()
    assert listed["assignment"]["seed"] == 9
    assert [row["document"] for row in listed["documents"]] == sorted(ids)
    shared = [row["document"] for row in listed["documents"] if len(row["coders"]) >= 2]
    assert shared == plan["overlap_documents"]
    mine = govcoder("--project", project, "assignments", "--coder", "B", "--json").json()
    assert [row["document"] for row in mine["documents"]] == plan["documents"]["B"]

    explicit = govcoder("--project", project, "assign", "--coders", "A,B", "--docs", f"{ids[0]},{ids[1]}",
                        "--seed", "1", "--json").json()
    assert explicit["overlap_documents"] == [ids[0], ids[1]] and explicit["overlap"] is None


def test_assign_refusals_are_one_line(govcoder, sample_project):
    project = str(sample_project)
    assert_clean_failure(govcoder("--project", project, "assign", "--coders", "A", "--overlap", "0.2"),
                         mentions="at least two coders")
    assert_clean_failure(govcoder("--project", project, "assign", "--coders", "A,B", "--docs", "9999"),
                         mentions="no document with id 9999")
    assert_clean_failure(govcoder("--project", project, "assignments", "--coder", "nobody"),
                         mentions="no coder named 'nobody'")
    bad = govcoder("--project", project, "assign", "--coders", "A,B", "--overlap", "3")
    assert bad.returncode == 2 and "between 0 and 1" in bad.stderr and "Traceback" not in bad.stderr


def test_blind_hides_another_coders_annotations_until_done(govcoder, sample_project):
    project = str(sample_project)
    doc = _docs(govcoder, project)[0]
    for coder, start in (("A", 0), ("B", 2)):
        made = govcoder("--project", project, "annotate", str(doc), str(start), str(start + 2), "五治/法治",
                        "--coder", coder, "--json")
        assert made.returncode == 0, made.stderr

    def seen_by(coder):
        shown = govcoder("--project", project, "show", str(doc), "--coder", coder, "--json")
        assert shown.returncode == 0, shown.stderr
        return sorted(a["coder"] for a in shown.json()["annotations"])

    assert seen_by("A") == ["A", "B"]
    assert govcoder("--project", project, "blind", "on", "--json").json() == {"blind": True, "previous": False}
    assert seen_by("A") == ["A"]
    lead = govcoder("--project", project, "show", str(doc), "--annotations", "--json").json()
    assert sorted(a["coder"] for a in lead["annotations"]) == ["A", "B"]  # no coder: not blinded
    done = govcoder("--project", project, "status", str(doc), "done", "--coder", "A", "--json")
    assert done.json() == {"document": doc, "coder": "A", "status": "done", "previous": "not_started"}
    assert seen_by("A") == ["A", "B"]
    assert seen_by("B") == ["B"]
    assert govcoder("--project", project, "blind", "off", "--json").json() == {"blind": False, "previous": True}
    assert seen_by("B") == ["A", "B"]
