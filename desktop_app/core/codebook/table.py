"""The codebook as a CSV table: `path, name, english, description, colour, shortcut, codable`.

Written as UTF-8 with a BOM (so Excel shows Chinese correctly) and safe against formula injection: a
cell a spreadsheet would execute (starting with = + - @, their full-width forms, or a control character) is prefixed with "'",
which is removed again on reading. Rows may come in any order; a parent missing from the table is
created as a category.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from desktop_app.core.codebook.entries import CodeEntry, walk
from desktop_app.core.errors import GovCoderError
from desktop_app.core.output_files import FORMULA_STARTS

COLUMNS = ("path", "name", "english", "description", "colour", "shortcut", "codable")
CARRIES = frozenset({"english", "description", "colour", "shortcut", "codable"})
_RISKY = FORMULA_STARTS
TRUE = {"true", "1", "yes", "y", "是", "可编码"}
FALSE = {"false", "0", "no", "n", "否", "类目"}


def codebook_csv_text(entries: list[CodeEntry]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for path, entry, _parent in walk(entries):
        writer.writerow([_safe(v) for v in (path, entry.name, entry.english or "", entry.description,
                                            entry.colour or "", entry.shortcut or "",
                                            "true" if entry.codable else "false")])
    return "\ufeff" + out.getvalue()


def read_csv_codebook(path: Path, notes: list[str]) -> list[CodeEntry]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise GovCoderError(f"cannot read {path}: {error} (save the table as UTF-8 CSV)") from None
    rows = list(csv.DictReader(io.StringIO(text)))
    header = {(h or "").strip().lower() for h in (rows[0].keys() if rows else [])}
    if rows and "path" not in header and "name" not in header:
        raise GovCoderError(f"{path} has no 'path' column (expected: {', '.join(COLUMNS)})")
    roots: list[CodeEntry] = []
    by_path: dict[str, CodeEntry] = {}
    implicit: dict[str, int] = {}  # parents created for a row before (or without) a row of their own
    for number, raw in enumerate(rows, start=2):
        row = {(k or "").strip().lower(): _unsafe((v or "").strip()) for k, v in raw.items() if k}
        parts = [p.strip() for p in (row.get("path") or row.get("name") or "").split("/") if p.strip()]
        if not parts:
            notes.append(f"row {number}: no path or name; skipped")
            continue
        if row.get("name") and row.get("path") and row["name"] != parts[-1]:
            notes.append(f"row {number}: name {row['name']!r} differs from the path's last part; path used")
        entry = _place(parts, roots, by_path, implicit, number)
        entry.english = row.get("english") or None
        entry.description = row.get("description", "")
        entry.colour = row.get("colour") or None
        entry.shortcut = row.get("shortcut") or None
        entry.codable = _boolean(row.get("codable", ""), notes, number)
    for path, number in implicit.items():
        notes.append(f"row {number}: parent {path} is not in the table; added as a category")
    return roots


def _place(parts: list[str], roots: list[CodeEntry], by_path: dict[str, CodeEntry], implicit: dict[str, int],
           number: int) -> CodeEntry:
    siblings, path = roots, ""
    entry: CodeEntry | None = None
    for depth, part in enumerate(parts):
        path = f"{path}/{part}" if path else part
        entry = by_path.get(path)
        if entry is None:
            entry = CodeEntry(name=part, codable=False)
            if depth < len(parts) - 1:
                implicit[path] = number
            by_path[path] = entry
            siblings.append(entry)
        siblings = entry.children
    assert entry is not None
    implicit.pop(path, None)
    return entry


def _boolean(value: str, notes: list[str], number: int) -> bool:
    lowered = value.strip().lower()
    if lowered in FALSE:
        return False
    if lowered and lowered not in TRUE:
        notes.append(f"row {number}: codable {value!r} is not true or false; taken as true")
    return True


def _safe(value: str) -> str:
    return "'" + value if value.startswith(_RISKY) else value


def _unsafe(value: str) -> str:
    return value[1:] if value.startswith("'") and value[1:2] in _RISKY and value[1:2] else value
