"""The GovCoder codebook JSON format (docs/codebook-format.md), both ways."""

from __future__ import annotations

import json
from pathlib import Path

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
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"
