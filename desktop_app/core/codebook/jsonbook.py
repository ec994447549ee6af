"""The GovCoder codebook JSON format (docs/codebook-format.md), both ways."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from desktop_app.core.codebook.entries import CodeEntry, entries_from_json, entry_to_json
from desktop_app.core.codebook.tree import CODEBOOK_FORMAT, read_codebook_json

VERSION = 1


def read_json_codebook(path: Path) -> tuple[list[CodeEntry], str]:
    """The entries and the codebook's name."""
    data = read_codebook_json(path)
    return entries_from_json(data.get("codes") or []), str(data.get("name") or path.stem)


def codebook_json_text(entries: list[CodeEntry], name: str, language: str = "zh-Hans") -> str:
    data = {"format": CODEBOOK_FORMAT, "version": VERSION, "name": name, "language": language,
            "codes": [entry_to_json(entry) for entry in entries]}
    return dumps_indented(data) + "\n"


class _Raw(str):
    """Text already written as JSON (punctuation, a key)."""


def dumps_indented(value: Any) -> str:
    """What json.dumps(value, ensure_ascii=False, indent=1) writes, without recursion: the standard
    encoder recurses once per level of nesting, and a codebook's tree may be deeper than that allows."""
    out: list[str] = []
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, _Raw):
            out.append(item)
            continue
        if isinstance(item, dict | list | tuple) and item:
            is_dict = isinstance(item, dict)
            out.append("{" if is_dict else "[")
            stack.append((_Raw("\n" + " " * level + ("}" if is_dict else "]")), 0))
            pad = "\n" + " " * (level + 1)
            members = list(item.items()) if is_dict else list(enumerate(item))
            for index in range(len(members) - 1, -1, -1):
                key, child = members[index]
                stack.append((child, level + 1))
                label = json.dumps(str(key), ensure_ascii=False) + ": " if is_dict else ""
                stack.append((_Raw(("," if index else "") + pad + label), 0))
        else:
            out.append(json.dumps(item, ensure_ascii=False))
    return "".join(out)
