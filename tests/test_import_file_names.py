"""File names that are not UTF-8, or that hold line breaks and bidirectional controls, import like any
other file: each by name, the title readable, the name as it is kept in the details.

A folder unzipped from an archive made on Chinese Windows holds GBK names; one of them used to end the
whole import with a UnicodeEncodeError naming no file, and running it again failed the same way.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest


def write(folder: Path, name: bytes, text: str, encoding: str = "utf-8") -> None:
    """A file created through a bytes path, as unzip leaves it: the name's bytes exactly as given."""
    with open(os.path.join(os.fsencode(folder), name), "wb") as handle:
        handle.write(text.encode(encoding))


@pytest.fixture
def unzipped(tmp_path) -> Path:
    folder = tmp_path / "unzipped"
    folder.mkdir()
    write(folder, b"a.txt", "第一篇：党建引领基层治理，社区网格员入户走访。")
    write(folder, "政府".encode("gbk") + b".txt", "第二篇：网格化管理推进矛盾纠纷调解。")
    write(folder, b"caf\xe9.txt", "第三篇：枫桥经验在基层落地生根。")  # neither UTF-8 nor GB18030
    os.mkdir(os.path.join(os.fsencode(folder), "测试".encode("gbk")))
    write(folder / os.fsdecode("测试".encode("gbk")), "文件".encode("gbk") + b".html",
          "<html><body><p>第四篇：三治融合，居民议事会协商议事。</p></body></html>", "gbk")
    write(folder, b"z.txt", "第五篇：自治法治德治相结合。")
    return folder


def test_a_folder_with_gbk_names_imports_every_file_by_name(govcoder, sample_project, unzipped):
    result = govcoder("--project", str(sample_project), "import", str(unzipped), "--json")
    assert result.returncode == 0, result.stderr
    entries = {Path(entry["file"]).relative_to(unzipped).as_posix(): entry for entry in result.json()}
    assert sorted(entries) == ["\\xb2\\xe2\\xca\\xd4/\\xceļ\\xfe.html", "\\xd5\\xfe\\xb8\\xae.txt",
                               "a.txt", "caf\\xe9.txt", "z.txt"]  # \xc4\xbc happens to be UTF-8 ļ
    assert all(entry["status"] == "imported" for entry in entries.values())

    titles = {doc["title"] for doc in govcoder("--project", str(sample_project), "docs", "--json").json()}
    assert {"a", "政府", "caf\\xe9", "文件", "z"} <= titles

    shown = govcoder("--project", str(sample_project), "show", str(entries["\\xd5\\xfe\\xb8\\xae.txt"]["id"]),
                     "--original", "--json").json()
    assert shown["title"] == "政府"
    assert shown["extracted"]["file_name"] == {"name": "\\xd5\\xfe\\xb8\\xae", "read_as": "gb18030"}


def test_importing_the_folder_again_skips_every_file_and_fails_none(govcoder, sample_project, unzipped):
    assert govcoder("--project", str(sample_project), "import", str(unzipped)).returncode == 0
    again = govcoder("--project", str(sample_project), "import", str(unzipped), "--json")
    assert again.returncode == 0, again.stderr
    entries = again.json()
    assert len(entries) == 5 and all(entry["status"] == "skipped" for entry in entries)
    assert any("(政府) already in the project" in entry["reason"] for entry in entries)


def test_a_bad_file_with_a_gbk_name_fails_alone_by_name(govcoder, sample_project, unzipped):
    write(unzipped, "坏".encode("gbk") + b".docx", "not a zip")
    result = govcoder("--project", str(sample_project), "import", str(unzipped), "--json")
    assert result.returncode == 1
    failed = [entry for entry in result.json() if entry["status"] == "failed"]
    assert [Path(entry["file"]).name for entry in failed] == ["\\xbb\\xb5.docx"]
    assert "\\xbb\\xb5.docx: damaged Word file" in failed[0]["reason"]
    assert sum(entry["status"] == "imported" for entry in result.json()) == 5
    assert result.stderr.splitlines() == [f"govcoder: error: {failed[0]['reason']}"]
