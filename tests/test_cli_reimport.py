"""Re-importing a project as typed: nothing doubled, --dry-run writes nothing, memos from the CLI."""

from __future__ import annotations

import sqlite3


def _counts(path) -> dict[str, int]:
    with sqlite3.connect(path) as connection:
        return {table: connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                for table in ("documents", "codes", "annotations", "memos")}


def _dump(path) -> list:
    with sqlite3.connect(path) as connection:
        return [connection.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()
                for table in ("documents", "codes", "annotations", "memos", "coders")]


def test_reimporting_an_export_adds_nothing_and_a_dry_run_writes_nothing(govcoder, sample_project, tmp_path):
    project = str(sample_project)
    assert govcoder("--project", project, "annotate", "1", "0", "4", "五治/法治",
                    "--coder", "甲").returncode == 0
    assert govcoder("--project", project, "memo", "document", "1", "街道的做法", "--coder", "甲").returncode == 0
    assert govcoder("--project", project, "memo", "project", "研究问题：网格化管理").returncode == 0
    exported = tmp_path / "round.qdpx"
    assert govcoder("--project", project, "export", "--format", "qdpx", "-o", str(exported)).returncode == 0
    before_counts, before_rows = _counts(sample_project), _dump(sample_project)
    assert before_counts["annotations"] == 1 and before_counts["memos"] == 2

    dry = govcoder("--project", project, "import-project", str(exported), "--dry-run", "--json")
    assert dry.returncode == 0, dry.stderr
    assert _dump(sample_project) == before_rows

    again = govcoder("--project", project, "import-project", str(exported), "--json")
    assert again.returncode == 0, again.stderr
    assert _counts(sample_project) == before_counts


def test_memo_needs_an_id_for_a_document(govcoder, sample_project):
    result = govcoder("--project", str(sample_project), "memo", "document", "街道的做法")
    assert result.returncode == 1
    assert "usage: govcoder memo document ID TEXT" in result.stderr and "Traceback" not in result.stderr
