"""The shipped governance codebook as a REFI-QDA .qdc, generated from its JSON source.

GUIDs are derived from each code's path (UUID 5), so the file is reproducible and the same code has
the same GUID in every copy. Regenerate after editing the JSON:

    python -m desktop_app.core.codebook.defaults
"""

from __future__ import annotations

import sys
import uuid
from pathlib import Path

from desktop_app.core.codebook.entries import walk
from desktop_app.core.codebook.jsonbook import read_json_codebook
from desktop_app.core.codebook.qdc_write import codebook_qdc_bytes
from desktop_app.core.paths import default_codebook_path

GUID_NAMESPACE = uuid.UUID("5b0f3a52-3c1e-4d0a-9a51-6f6f7665726e")


def stable_guid(path: str) -> str:
    return str(uuid.uuid5(GUID_NAMESPACE, path))


def qdc_from_json(json_path: Path) -> bytes:
    entries, _name = read_json_codebook(json_path)
    for path, entry, _parent in walk(entries):
        entry.guid = entry.guid or stable_guid(path)
    return codebook_qdc_bytes(entries)


def default_qdc_path() -> Path:
    return default_codebook_path().with_suffix(".qdc")


def main() -> int:
    target = default_qdc_path()
    target.write_bytes(qdc_from_json(default_codebook_path()))
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
