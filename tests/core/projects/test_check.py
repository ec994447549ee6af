"""`govcoder check`: the full check, naming each problem by id."""

from __future__ import annotations

import random
import shutil
import sqlite3
from contextlib import closing

import pytest

PAGE = 4096


def damage_pages(path, first_page: int, pages: int, seed: int = 7) -> None:
    """Garbage over whole pages, as a failing disk or a bad copy writes (as in tests/core/store/test_damage.py)."""
    with path.open("r+b") as handle:
        handle.seek(first_page * PAGE)
        handle.write(random.Random(seed).randbytes(pages * PAGE))


def coded(govcoder, project) -> list[dict]:
    at = ["--project", str(project)]
    code = next(c["path"] for c in govcoder(*at, "codebook", "list", "--json").json() if c["codable"])
    return [govcoder(*at, "annotate", "1", str(start), str(start + 3), code, "--json").json()
            for start in (0, 5, 10)]


def test_a_healthy_project_checks_clean(govcoder, sample_project):
    coded(govcoder, sample_project)
    result = govcoder("--project", str(sample_project), "check", "--json")
    assert result.returncode == 0, result.stderr
    assert result.json() == {"project": str(sample_project), "ok": True,
                             "checks": ["integrity", "foreign_keys", "annotations"],
                             "annotations_checked": 3, "problems": []}
    text = govcoder("--project", str(sample_project), "check")
    assert text.returncode == 0 and text.stdout.endswith("no problems found\n")


def test_an_annotation_whose_quote_was_changed_behind_govcoders_back_is_named(govcoder, sample_project):
    made = coded(govcoder, sample_project)
    with closing(sqlite3.connect(sample_project)) as connection, connection:
        connection.execute("UPDATE annotations SET quote = '伪造的引文' WHERE id = ?", (made[1]["id"],))
        connection.execute("UPDATE annotations SET end_offset = 999999 WHERE id = ?", (made[2]["id"],))
    result = govcoder("--project", str(sample_project), "check", "--json")
    assert result.returncode == 1
    problems = result.json()["problems"]
    assert [(p["kind"], p["table"], p["id"]) for p in problems] == [
        ("quote", "annotations", made[1]["id"]), ("span", "annotations", made[2]["id"])]
    assert f"'伪造的引文' differs from document 1's text at [5, 8): {made[1]['quote']!r}" in problems[0]["detail"]
    assert result.stderr == (f"govcoder: error: {sample_project} has 2 problem(s); restore it from a backup, "
                             "or export what is sound and import it into a new project\n")


def test_a_broken_reference_is_named(govcoder, sample_project):
    made = coded(govcoder, sample_project)
    with closing(sqlite3.connect(sample_project)) as connection, connection:  # foreign keys off here
        connection.execute("UPDATE annotations SET coder_id = 999 WHERE id = ?", (made[0]["id"],))
    problems = govcoder("--project", str(sample_project), "check", "--json").json()["problems"]
    assert {"kind": "foreign_key", "table": "annotations", "id": made[0]["id"],
            "detail": "refers to a row of coders that does not exist"} in problems


@pytest.mark.parametrize("json_flag", [[], ["--json"]])
def test_a_damaged_file_is_checked_and_its_damage_listed(govcoder, sample_project, tmp_path, json_flag):
    copy = tmp_path / "damaged.govcoder"
    shutil.copy(sample_project, copy)
    damage_pages(copy, copy.stat().st_size // PAGE // 2, 3)
    result = govcoder("--project", str(copy), "check", *json_flag)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and result.stderr.startswith(f"govcoder: error: {copy} has ")
    if json_flag:
        kinds = {p["kind"] for p in result.json()["problems"]}
        assert "integrity" in kinds
    else:
        assert "  integrity: Page " in result.stdout


@pytest.mark.postgres
def test_on_postgres_the_annotations_are_checked(govcoder, postgres_url):
    from sqlalchemy import create_engine, text

    assert govcoder("--db", postgres_url, "init", "--sample").returncode == 0
    code = next(c["path"] for c in govcoder("--db", postgres_url, "codebook", "list", "--json").json()
                if c["codable"])
    made = govcoder("--db", postgres_url, "annotate", "1", "0", "3", code, "--json").json()
    clean = govcoder("--db", postgres_url, "check", "--json")
    assert clean.returncode == 0 and clean.json()["checks"] == ["annotations"]
    engine = create_engine(postgres_url)
    with engine.begin() as connection:
        connection.execute(text("UPDATE annotations SET quote = '伪造' WHERE id = :id"), {"id": made["id"]})
    engine.dispose()
    result = govcoder("--db", postgres_url, "check", "--json")
    assert result.returncode == 1
    assert [(p["kind"], p["id"]) for p in result.json()["problems"]] == [("quote", made["id"])]
