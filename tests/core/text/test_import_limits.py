"""Size limits on imported files, through the CLI as typed: a zip bomb dressed as a .docx or .xlsx and
an article over the limit are refused in one line naming the file and the limit, with nothing stored;
a large legitimate article still imports whole. (No timings here: bench/bench_memory.py measures.)"""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest

CONTENT_TYPES = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
                 'package/2006/content-types"><Default Extension="rels" ContentType="application/'
                 'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType='
                 '"application/xml"/><Override PartName="/word/document.xml" ContentType="application/'
                 'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
RELATIONSHIPS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
                 'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
                 'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')


def word_file(path: Path, paragraphs: list[str]) -> Path:
    """A minimal .docx, as Word lays one out: content types, relationships, word/document.xml."""
    body = "".join(f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>" for text in paragraphs)
    document = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.'
                f'openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as package:
        package.writestr("[Content_Types].xml", CONTENT_TYPES)
        package.writestr("_rels/.rels", RELATIONSHIPS)
        package.writestr("word/document.xml", document)
    return path


@pytest.fixture
def project(govcoder, tmp_path):
    path = tmp_path / "study.govcoder"
    assert govcoder("--project", str(path), "init").returncode == 0
    return path


def refused(govcoder, project: Path, file: Path, *mentions: str, env: dict | None = None) -> str:
    result = govcoder("--project", str(project), "import", str(file), env=env)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    (line,) = [line for line in result.stderr.splitlines() if line.strip()]
    assert line.startswith("govcoder: error: ") and file.name in line and "refused" in line, line
    for mention in mentions:
        assert mention in line, line
    assert govcoder("--project", str(project), "stats", "--json").json()["documents"] == 0
    return line


def test_a_docx_zip_bomb_is_refused_by_name_before_it_is_unpacked(govcoder, project, tmp_path):
    bomb = word_file(tmp_path / "通知.docx", ["党建引领基层治理"] * 200_000)  # ~10 MB of XML, ~30 KB zipped
    with zipfile.ZipFile(bomb) as package:
        info = package.getinfo("word/document.xml")
        assert info.file_size > 200 * info.compress_size  # the bomb is what it claims to be
    refused(govcoder, project, bomb, "word/document.xml", "to 1", "zip bomb")


def test_an_xlsx_zip_bomb_is_refused_by_name(govcoder, project, tmp_path):
    book = openpyxl.Workbook()
    book.active.append(["标题", "正文"])
    book.active.append(["一号", "党建引领基层治理"])
    table = tmp_path / "表格.xlsx"
    book.save(table)
    with zipfile.ZipFile(table, "a", zipfile.ZIP_DEFLATED) as package:
        package.writestr("xl/media/padding.xml", "0" * (8 * 1024 * 1024))
    refused(govcoder, project, table, "xl/media/padding.xml", "zip bomb")


def test_an_article_over_the_limit_is_refused_by_name_with_the_limit(govcoder, project, tmp_path):
    env = {"GOVCODER_MAX_ARTICLE_MB": "1"}
    text = tmp_path / "汇编.txt"
    text.write_text("党建引领基层治理，网格化管理。\n" * 30_000, encoding="utf-8")  # 1.3 MB (MiB)
    line = refused(govcoder, project, text, "the file is 1.3 MB", "the 1 MB", "GOVCODER_MAX_ARTICLE_MB", env=env)
    assert "nothing was imported" in line
    page = tmp_path / "page.html"
    page.write_text("<html><body><article>" + "<p>党建引领基层治理。</p>" * 60_000 + "</article></body></html>",
                    encoding="utf-8")
    refused(govcoder, project, page, "1 MB", env=env)
    word = word_file(tmp_path / "长文.docx", [f"第{n}段：党建引领基层治理，网格化管理，枫桥经验。" for n in range(40_000)])
    refused(govcoder, project, word, "its text is", "1 MB", env=env)
    wrong = govcoder("--project", str(project), "import", str(text), env={"GOVCODER_MAX_ARTICLE_MB": "lots"})
    assert wrong.returncode == 1 and "GOVCODER_MAX_ARTICLE_MB='lots' is not a number" in wrong.stderr


def test_a_large_legitimate_article_still_imports_whole(govcoder, project, tmp_path):
    """Over a million characters, so it is cleaned and segmented window by window."""
    paragraphs = [f"\u3000\u3000第{n}段：党建引领基层治理，網格化管理让社区更有温度。" for n in range(45_000)]
    file = tmp_path / "汇编.txt"
    file.write_text("基层治理资料汇编\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    result = govcoder("--project", str(project), "import", str(file), "--json")
    assert result.returncode == 0, result.stderr
    (imported,) = result.json()
    assert imported["status"] == "imported"
    shown = govcoder("--project", str(project), "show", str(imported["id"]), "--json", "--tokens").json()
    expected = "基层治理资料汇编\n" + "\n".join(paragraph.strip() for paragraph in paragraphs)
    assert len(expected) > 1_048_576 and shown["text"] == expected
    tokens = shown["tokens"]
    assert tokens[0][0] == 0 and tokens[-1][1] == len(expected)
    assert all(a[1] == b[0] for a, b in zip(tokens, tokens[1:], strict=False))
    assert [expected[start:end] for start, end in tokens[:4]] == ["基层治理", "资料汇编", "\n", "第"]
