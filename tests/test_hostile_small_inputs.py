"""Small hostile inputs: an empty file as a project, controls and bidi overrides in file names, full-width
formula starts in CSV cells, NUL bytes in text. Each through the CLI as typed."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from test_cli import assert_clean_failure

from desktop_app.core.codebook.exchange import export_codebook
from desktop_app.core.codebook.operations import create_code
from desktop_app.core.store.project import open_project

# --- an empty file is not a project -------------------------------------------------------------


def test_an_empty_file_is_refused_as_a_project_and_left_empty(govcoder, tmp_path):
    empty = tmp_path / "empty.govcoder"
    empty.touch()
    for command in (["docs"], ["stats", "--json"], ["import", str(tmp_path)]):
        result = govcoder("--project", str(empty), *command)
        assert_clean_failure(result, mentions=f"{empty} is an empty file, not a project")
        assert "init" in result.stderr
        assert empty.stat().st_size == 0


def test_init_makes_an_empty_file_a_project(govcoder, tmp_path):
    empty = tmp_path / "empty.govcoder"
    empty.touch()
    result = govcoder("--project", str(empty), "init", "--json")
    assert result.returncode == 0, result.stderr
    assert govcoder("--project", str(empty), "stats", "--json").json()["documents"] == 0


# --- titles from file names -----------------------------------------------------------------------


def test_line_breaks_tabs_and_bidi_controls_in_file_names_never_reach_titles(govcoder, sample_project, tmp_path):
    folder = tmp_path / "names"
    folder.mkdir()
    names = {
        "通知\n第二行.txt": "通知 第二行",
        "社区\t议事.txt": "社区 议事",
        "invoice\u202etxt.exe.txt": "invoicetxt.exe",  # U+202E would show it as "invoiceexe.txt…"
        "\u2067隔离\u2069\u200b说明.md": "隔离说明",
    }
    for number, name in enumerate(names):
        (folder / name).write_text(f"第{number}篇：社区网格员开展矛盾纠纷调解工作，居民议事会协商。", encoding="utf-8")
    result = govcoder("--project", str(sample_project), "import", str(folder), "--json")
    assert result.returncode == 0, result.stderr
    by_name = {Path(entry["file"]).name: entry for entry in result.json()}
    assert set(by_name) == set(names)  # the file names themselves are kept as they are
    for name, title in names.items():
        shown = govcoder("--project", str(sample_project), "show", str(by_name[name]["id"]), "--original",
                         "--json").json()
        assert shown["title"] == title
        assert shown["extracted"]["file_name"]["removed"]  # what was taken out is recorded
    listing = govcoder("--project", str(sample_project), "docs").stdout
    assert "\u202e" not in listing and "第二行" in listing
    assert len(listing.splitlines()) == 5 + len(names)  # no title broke its line


# --- full-width formula starts ----------------------------------------------------------------


def test_full_width_formula_starts_are_neutralised_in_the_annotation_csv(govcoder, sample_project, tmp_path):
    article = tmp_path / "公式.txt"
    article.write_text("＝HYPERLINK(\"http://x\")是一段引文，社区网格员开展调解。", encoding="utf-8")
    doc = govcoder("--project", str(sample_project), "import", str(article), "--json").json()[0]["id"]
    for start, end, memo in ((0, 8, "＋1 是公式吗"), (1, 8, "－2"), (2, 8, "＠SUM(A1)")):
        result = govcoder("--project", str(sample_project), "annotate", str(doc), str(start), str(end), "五治/法治",
                          "--memo", memo)
        assert result.returncode == 0, result.stderr
    assert govcoder("--project", str(sample_project), "export", "--format", "csv", "-o", "a.csv").returncode == 0
    rows = list(csv.DictReader(io.StringIO((tmp_path / "a.csv").read_text(encoding="utf-8-sig"))))
    assert sorted(row["quote"] for row in rows) == ["'＝HYPERLI", "HYPERLI", "YPERLI"]
    memos = sorted(row["memo"] for row in rows)
    assert memos == ["'＋1 是公式吗", "'－2", "'＠SUM(A1)"]


def test_full_width_formula_starts_are_neutralised_in_the_codebook_csv_and_read_back(sample_project, tmp_path):
    with open_project(sample_project) as project, project.session_factory.begin() as session:
        create_code(session, "＝HYPERLINK", None, description="＠risk")
        export_codebook(session, tmp_path / "book.csv")
    rows = list(csv.DictReader(io.StringIO((tmp_path / "book.csv").read_text(encoding="utf-8-sig"))))
    risky = next(row for row in rows if "HYPERLINK" in row["name"])
    assert risky["name"] == "'＝HYPERLINK" and risky["description"] == "'＠risk"


# --- NUL and other control characters in text ---------------------------------------------------


def nul_article(tmp_path: Path) -> Path:
    """Text with a NUL and an ESC after the first 4 KB (the binary check reads only the start)."""
    body = "社区网格员开展矛盾纠纷调解工作。\n" * 200
    path = tmp_path / "nul.txt"
    path.write_bytes((body + "居民\x00议事会\x1b协商议事。\n").encode("utf-8"))
    return path


def test_nul_bytes_are_removed_from_the_text_and_recorded_with_offsets_that_agree(govcoder, sample_project,
                                                                                   tmp_path):
    result = govcoder("--project", str(sample_project), "import", str(nul_article(tmp_path)), "--json")
    assert result.returncode == 0, result.stderr
    entry = result.json()[0]
    assert entry["cleaning"][0]["step"] == "controls" and entry["cleaning"][0]["count"] == 2
    shown = govcoder("--project", str(sample_project), "show", str(entry["id"]), "--original", "--json").json()
    assert "\x00" not in shown["text"] and "\x1b" not in shown["text"]
    assert shown["text"].endswith("居民议事会协商议事。")
    assert "\x00" not in shown["original_text"] and "居民␀议事会␛协商" in shown["original_text"]
    step = shown["cleaning"][0]
    assert step["step"] == "controls" and step["removed"] == ["␀", "␛"]
    for start, end in step["spans"]:  # each span is where the control stood in the original
        assert shown["original_text"][start:end] in ("␀", "␛")
    # Every offset refers to the stored text: an annotation over the former NUL quotes the joined words.
    start = shown["text"].index("居民议事会")
    coded = govcoder("--project", str(sample_project), "annotate", str(entry["id"]), str(start), str(start + 5),
                     "五治/法治", "--json")
    assert coded.returncode == 0 and coded.json()["quote"] == "居民议事会"


def test_text_with_nul_bytes_imports_into_postgresql(govcoder, postgres_url, tmp_path):
    assert govcoder("--db", postgres_url, "init").returncode == 0
    result = govcoder("--db", postgres_url, "import", str(nul_article(tmp_path)), "--json")
    assert result.returncode == 0, result.stderr
    assert result.json()[0]["status"] == "imported"


def test_nul_in_a_table_s_cells_is_dropped_from_title_and_attributes(govcoder, postgres_url, tmp_path):
    table = tmp_path / "t.csv"
    table.write_text("标题,正文,地区\n" + "一,党建引领基层治理。,贵州\n" * 400 + "标\x00题,网格\x00员入户走访。,深\x00圳\n",
                     encoding="utf-8")
    assert govcoder("--db", postgres_url, "init").returncode == 0
    result = govcoder("--db", postgres_url, "import", str(table), "--force", "--json")
    assert result.returncode == 0, result.stderr
    last = result.json()[-1]
    shown = govcoder("--db", postgres_url, "show", str(last["id"]), "--json").json()
    assert shown["title"] == "标题" and shown["text"] == "网格员入户走访。"
    assert shown["attributes"]["地区"]["value"] == "深圳"
